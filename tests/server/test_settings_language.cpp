// The settings page's language section over real HTTP: the choices it offers, the choice kept
// in the app's real settings file (INI) and read back by a fresh LanguageSetting, and every
// refusal (an unknown language, no field, another site's form, a file that cannot be written)
// changing nothing.
#include "server/language_setting.h"
#include "server_fixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

using namespace latchkey::server;
using namespace latchkey::server::testing;

namespace {

const Headers kForm{{"Content-Type", "application/x-www-form-urlencoded"}};

// The value of the radio that is checked in the language section, or nullopt.
std::optional<QString> checkedLanguage(const QByteArray& page)
{
    static const QRegularExpression radio(
        QStringLiteral("<input id=\"language-[a-z-]+\" type=\"radio\" name=\"language\" "
                       "value=\"([a-z-]*)\"( checked)?"));
    std::optional<QString> checked;
    for (auto it = radio.globalMatch(QString::fromUtf8(page)); it.hasNext();) {
        const auto match = it.next();
        if (!match.captured(2).isEmpty())
            checked = match.captured(1);
    }
    return checked;
}

QString storedValue(const QString& file)
{
    return QSettings(file, QSettings::IniFormat).value(QStringLiteral("app/language")).toString();
}

} // namespace

class TestSettingsLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString())); }
    void init() { QFile::remove(m_fixture.settingsFile()); }
    void pageOffersTheSystemsLanguageAndEveryCatalogue();
    void choosingALanguageKeepsItInTheSettingsFile();
    void theSystemsLanguageForgetsTheChoice();
    void unknownLanguageIsRefusedAndChangesNothing();
    void formWithoutTheFieldIsRefused();
    void anotherSitesFormIsRefused();
    void garbledFileReadsAsTheSystemsLanguage();
    void scriptGetsJson();
    void unwritableFileIsReportedAndChangesNothing();

private:
    WireResponse choose(const QByteArray& body, const Headers& extra = kForm)
    {
        return m_fixture.sendGood("POST", "/settings/language", extra, body);
    }

    ServerFixture m_fixture;
};

void TestSettingsLanguage::pageOffersTheSystemsLanguageAndEveryCatalogue()
{
    const WireResponse page = m_fixture.sendGood("GET", "/settings");
    QCOMPARE(page.status, 200);
    for (const char* value :
         {"value=\"\"", "value=\"en\"", "value=\"de\"", "value=\"es\"", "value=\"fr\""})
        QVERIFY2(page.body.contains(value), value);
    // Each language named in its own words and marked as being in it.
    QVERIFY(page.body.contains("<span lang=\"es\">Español</span>"));
    QVERIFY(page.body.contains("<span lang=\"de\">Deutsch</span>"));
    QCOMPARE(checkedLanguage(page.body), QString());
    QVERIFY(page.body.contains("action=\"/settings/language\""));
}

void TestSettingsLanguage::choosingALanguageKeepsItInTheSettingsFile()
{
    const WireResponse saved = choose("language=es");
    QCOMPARE(saved.status, 200);
    QVERIFY(saved.body.contains("Language saved"));
    QVERIFY(saved.body.contains("Latchkey will be in Español from its next start."));
    QCOMPARE(storedValue(m_fixture.settingsFile()), QStringLiteral("es"));
    // What the app reads at its next start.
    QCOMPARE(LanguageSetting(m_fixture.settingsFile(), {QStringLiteral("es")}).chosen(),
             QStringLiteral("es"));
    QCOMPARE(checkedLanguage(m_fixture.sendGood("GET", "/settings").body), QStringLiteral("es"));
}

void TestSettingsLanguage::theSystemsLanguageForgetsTheChoice()
{
    QCOMPARE(choose("language=fr").status, 200);
    QCOMPARE(choose("language=").status, 200);
    QVERIFY(!QSettings(m_fixture.settingsFile(), QSettings::IniFormat)
                 .contains(QStringLiteral("app/language")));
    QCOMPARE(checkedLanguage(m_fixture.sendGood("GET", "/settings").body), QString());
}

void TestSettingsLanguage::unknownLanguageIsRefusedAndChangesNothing()
{
    QCOMPARE(choose("language=de").status, 200);
    for (const QByteArray& body : {QByteArray("language=xx"), QByteArray("language=de_DE"),
                                   QByteArray("language=%3Cscript%3E")}) {
        const WireResponse refused = choose(body);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.body.contains("Latchkey has no translation into"));
        QVERIFY2(!refused.body.contains("<script>"), refused.body.constData());
        QCOMPARE(storedValue(m_fixture.settingsFile()), QStringLiteral("de"));
    }
}

void TestSettingsLanguage::formWithoutTheFieldIsRefused()
{
    const WireResponse refused = choose("other=es");
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.body.contains("Choose a language."));
    QVERIFY(!QFile::exists(m_fixture.settingsFile()));
    QCOMPARE(choose("language=es&language=fr").status, 400);
    QVERIFY(!QFile::exists(m_fixture.settingsFile()));
}

void TestSettingsLanguage::anotherSitesFormIsRefused()
{
    const Headers foreign =
        withHeader(m_fixture.goodHeaders("POST"), "Origin", "http://localhost.evil.example");
    const WireResponse refused =
        m_fixture.send("POST", "/settings/language", foreign + kForm, "language=es");
    QCOMPARE(refused.status, 403);
    QVERIFY(!QFile::exists(m_fixture.settingsFile()));
}

void TestSettingsLanguage::garbledFileReadsAsTheSystemsLanguage()
{
    {
        QSettings settings(m_fixture.settingsFile(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("app/language"), QStringLiteral("\"><script>"));
    }
    QCOMPARE(LanguageSetting(m_fixture.settingsFile(), {QStringLiteral("es")}).chosen(), QString());
    const WireResponse page = m_fixture.sendGood("GET", "/settings");
    QCOMPARE(page.status, 200);
    QCOMPARE(checkedLanguage(page.body), QString());
    QVERIFY(!page.body.contains("<script>"));
}

void TestSettingsLanguage::scriptGetsJson()
{
    const WireResponse saved = choose(R"({"language":"fr"})", {{"Content-Type", "application/json"},
                                                               {"Accept", "application/json"}});
    QCOMPARE(saved.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(saved.body).object();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(storedValue(m_fixture.settingsFile()), QStringLiteral("fr"));
    const WireResponse refused =
        choose(R"({"language":"xx"})",
               {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(QJsonDocument::fromJson(refused.body)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("unknown_language"));
}

void TestSettingsLanguage::unwritableFileIsReportedAndChangesNothing()
{
    // The settings file's folder is a regular file: nobody, root included, can write there.
    const QString blocker = m_fixture.settingsFile() + QStringLiteral(".blocker");
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    ServerFixture broken;
    QVERIFY2(broken.startWithSettingsFile(blocker + QStringLiteral("/settings.ini")),
             qPrintable(broken.errorString()));
    const WireResponse refused =
        broken.sendGood("POST", "/settings/language", kForm, "language=es");
    QCOMPARE(refused.status, 500);
    QVERIFY(refused.body.contains("could not be written"));
    QVERIFY(refused.body.contains("Language not saved"));
    QCOMPARE(QFileInfo(blocker).size(), 0);
}

QTEST_GUILESS_MAIN(TestSettingsLanguage)
#include "test_settings_language.moc"
