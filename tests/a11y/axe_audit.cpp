#include "axe_audit.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace latchkey::a11y::testing {

using server::testing::HeadlessChromium;

namespace {

QString folder()
{
    return QStringLiteral(LATCHKEY_A11Y_DIR);
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString tagsLiteral()
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(AxeAudit::wcagTags()))
                                 .toJson(QJsonDocument::Compact));
}

QList<AxeFinding> findings(const QJsonArray& rules)
{
    QList<AxeFinding> list;
    for (const QJsonValue rule : rules) {
        const QJsonObject object = rule.toObject();
        AxeFinding finding{object.value("id").toString(),
                           object.value("impact").toString(),
                           object.value("help").toString(),
                           {}};
        for (const QJsonValue node : object.value("nodes").toArray())
            finding.nodes.append(node.toString());
        list.append(finding);
    }
    return list;
}

} // namespace

QStringList AxeAudit::wcagTags()
{
    return {QStringLiteral("wcag2a"), QStringLiteral("wcag2aa"), QStringLiteral("wcag21a"),
            QStringLiteral("wcag21aa")};
}

bool AxeAudit::load(QString* whyNot)
{
    const QString installed = folder() + QStringLiteral("/node_modules/axe-core");
    QFile script(installed + QStringLiteral("/axe.min.js"));
    if (!script.open(QIODevice::ReadOnly)) {
        *whyNot = QStringLiteral("%1 is missing: run packaging/install-deps.sh (npm ci in %2)")
                      .arg(script.fileName(), folder());
        return false;
    }
    m_source = QString::fromUtf8(script.readAll());
    m_version = readJson(installed + QStringLiteral("/package.json")).value("version").toString();
    const QString locked = readJson(folder() + QStringLiteral("/package-lock.json"))
                               .value("packages")
                               .toObject()
                               .value("node_modules/axe-core")
                               .toObject()
                               .value("version")
                               .toString();
    if (m_version.isEmpty() || m_version != locked) {
        *whyNot = QStringLiteral("axe-core %1 is installed but the lock file pins %2: run "
                                 "packaging/install-deps.sh")
                      .arg(m_version, locked);
        return false;
    }
    return true;
}

bool AxeAudit::inject(HeadlessChromium& browser, QString* error)
{
    const std::optional<QJsonValue> present =
        evaluateOrError(browser, QStringLiteral("typeof window.axe === 'object'"), error);
    if (!present)
        return false;
    if (present->toBool())
        return true;
    // Through DevTools, not a <script>: the pages' CSP (script-src 'self') stays as it is.
    if (!evaluateOrError(browser, m_source + QStringLiteral("\n;true"), error))
        return false;
    const std::optional<QJsonValue> version =
        evaluateOrError(browser, QStringLiteral("window.axe && axe.version"), error);
    if (!version || version->toString() != m_version) {
        *error = QStringLiteral("axe did not load in the page");
        return false;
    }
    return true;
}

int AxeAudit::ruleCount(HeadlessChromium& browser, QString* error)
{
    if (!inject(browser, error))
        return -1;
    const std::optional<QJsonValue> count = evaluateOrError(
        browser, QStringLiteral("axe.getRules(%1).length").arg(tagsLiteral()), error);
    return count ? count->toInt(-1) : -1;
}

std::optional<AxePageResult> AxeAudit::run(HeadlessChromium& browser, QString* error)
{
    if (!inject(browser, error))
        return std::nullopt;
    const QString script = QStringLiteral(R"((async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: %1},
                                          resultTypes: ["violations", "incomplete"]});
  const rules = (list) => list.map((rule) => ({id: rule.id, impact: rule.impact || "",
    help: rule.help, nodes: rule.nodes.map((node) => node.target.join(" ") + ": " +
      (node.failureSummary || node.any.concat(node.all, node.none).map((c) => c.message).join("; ")))}));
  return {violations: rules(result.violations), incomplete: rules(result.incomplete),
          applied: result.passes.concat(result.violations, result.incomplete).map((r) => r.id)};
})())")
                               .arg(tagsLiteral());
    const std::optional<QJsonValue> value = evaluateOrError(browser, script, error);
    if (!value)
        return std::nullopt;
    const QJsonObject object = value->toObject();
    AxePageResult result;
    result.violations = findings(object.value("violations").toArray());
    result.incomplete = findings(object.value("incomplete").toArray());
    for (const QJsonValue id : object.value("applied").toArray())
        result.rulesApplied.append(id.toString());
    return result;
}

std::optional<QJsonValue> evaluateOrError(HeadlessChromium& browser, const QString& expression,
                                          QString* error)
{
    const QJsonObject reply =
        browser.call(QStringLiteral("Runtime.evaluate"),
                     {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
    if (reply.isEmpty()) {
        *error = QStringLiteral("no answer from the page");
        return std::nullopt;
    }
    const QJsonObject result = reply.value("result").toObject();
    if (reply.contains("error") || result.contains("exceptionDetails")) {
        *error = QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)).left(600);
        return std::nullopt;
    }
    return result.value("result").toObject().value("value");
}

} // namespace latchkey::a11y::testing
