#pragma once

#include "webauthn/registration_options.h"

namespace latchkey::webauthn {

struct AuthenticationOptionsRequest {
    QString rpId;
    QByteArray challenge; // empty: 32 bytes from the CSPRNG
    int timeoutMs = 300'000;
    QList<CredentialDescriptor> allowCredentials; // empty: discoverable credentials
    QString userVerification = QStringLiteral("preferred");
    QStringList hints;
    QJsonObject extensions;
};

// PublicKeyCredentialRequestOptionsJSON and the raw challenge to store.
struct RequestOptions {
    QJsonObject json;
    QByteArray challenge;
};

// OptionsInvalid for: a supplied challenge under 16 bytes, empty rpId, an unknown
// userVerification value, timeoutMs <= 0, an empty or over-1023-byte credential ID.
Result<RequestOptions> buildAuthenticationOptions(const AuthenticationOptionsRequest& request);

} // namespace latchkey::webauthn
