#include "server/server_context.h"

namespace latchkey::server {

webauthn::RelyingParty ServerContext::relyingParty() const
{
    webauthn::RelyingPartyConfig config;
    config.id = rpId();
    config.name = rpName();
    config.origins = {origin()};
    config.algorithms = {webauthn::cose::ES256, webauthn::cose::EdDSA, webauthn::cose::RS256};
    config.userVerification = userVerification;
    config.residentKey = webauthn::ResidentKey::Required;
    config.attestation = webauthn::AttestationConveyance::None;
    return webauthn::RelyingParty(std::move(config));
}

} // namespace latchkey::server
