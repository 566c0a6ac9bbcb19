#pragma once

#include <QStringList>

namespace latchkey::webauthn_tool {

// `latchkey-webauthn bench [--seconds S]`: on one core, times (a) a raw OpenSSL ES256 verify,
// (b) a full ES256 assertion verification from its JSON text, (c) a registration with `none`
// attestation and (d) the same with `packed` self attestation, and prints median and p90 in
// µs with the goals beside them. Inputs are signed in-process by a small software
// authenticator. Returns 0 when every input verified (figures are printed, never asserted).
int runBenchCommand(const QStringList& args);

} // namespace latchkey::webauthn_tool
