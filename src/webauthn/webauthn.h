#pragma once

// The relying-party core in one include: options to send, and verification of what comes back.
#include "core/base64url.h"
#include "webauthn/attestation.h"
#include "webauthn/attestation_object.h"
#include "webauthn/authentication_options.h"
#include "webauthn/authenticator_data.h"
#include "webauthn/client_data.h"
#include "webauthn/cose_key.h"
#include "webauthn/credential_json.h"
#include "webauthn/error.h"
#include "webauthn/registration_options.h"
#include "webauthn/relying_party.h"
#include "webauthn/result.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"
