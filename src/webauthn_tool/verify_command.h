#pragma once

#include <QJsonObject>
#include <QStringList>

namespace latchkey::webauthn_tool {

// `latchkey-webauthn verify FILE`: runs every JSON Lines test case of FILE ("-" = stdin) through
// the relying-party core, prints one JSON result line per case on stdout and a summary on
// stderr. Returns 0 only when every case reached its "expect".
int runVerifyCommand(const QStringList& args);

// Verifies one test case (the vectors' README format) and returns its result line, without
// "line": {"result", "code", "message", "fmt", "credential_id", "sign_count"}.
QJsonObject verifyTestCase(const QJsonObject& testCase);

} // namespace latchkey::webauthn_tool
