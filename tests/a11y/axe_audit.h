#pragma once

#include "headless_chromium.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::a11y::testing {

// One rule's outcome on one page: the rule, how bad, axe's sentence and the elements.
struct AxeFinding {
    QString rule;
    QString impact;
    QString help;
    QStringList nodes; // "selector: what to fix"
};

struct AxePageResult {
    QList<AxeFinding> violations;
    // Rules axe could not decide (a colour over an image, say): not violations, reported.
    QList<AxeFinding> incomplete;
    // Every rule that ran on this page and found something to check.
    QStringList rulesApplied;
};

// axe-core (tests/a11y/package.json, installed by packaging/install-deps.sh with npm ci) run in
// the page through the DevTools protocol, on the WCAG 2.1 A and AA rules only.
class AxeAudit {
public:
    // The axe tags of WCAG 2.0 and 2.1, levels A and AA.
    static QStringList wcagTags();

    // Reads axe.min.js (LATCHKEY_AXE_SCRIPT) and checks its version against the lock file;
    // false with a sentence that says what to run.
    bool load(QString* whyNot);
    QString version() const { return m_version; }

    // The rules the tags select in this axe, as the page's copy of axe counts them.
    int ruleCount(server::testing::HeadlessChromium& browser, QString* error);
    // Runs axe on the page as it is now (injected again after each navigation).
    std::optional<AxePageResult> run(server::testing::HeadlessChromium& browser, QString* error);

private:
    bool inject(server::testing::HeadlessChromium& browser, QString* error);

    QString m_source;
    QString m_version;
};

// A Runtime.evaluate whose exception becomes an error: the value, or nullopt.
std::optional<QJsonValue> evaluateOrError(server::testing::HeadlessChromium& browser,
                                          const QString& expression, QString* error);

} // namespace latchkey::a11y::testing
