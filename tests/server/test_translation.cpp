// User-visible text goes through Qt's translation system with the contexts lupdate
// extracts (latchkey::server::<Part>): with a translator installed, pages, field messages
// and guard messages all change language.
#include "server_fixture.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>

using namespace latchkey::server::testing;

namespace {

// Marks every text of our contexts, so a test sees which ones were translated.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* sourceText, const char* = nullptr,
                      int = -1) const override
    {
        if (!QByteArray(context).startsWith("latchkey::server::"))
            return {};
        return QStringLiteral("«") + QString::fromUtf8(sourceText) + QStringLiteral("»");
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void pageTextIsTranslated();
    void fieldMessagesAreTranslated();
    void guardMessagesAreTranslated();
    void storeFailureMessagesAreTranslated();
    void pageLanguageComesFromTheTranslation_data();
    void pageLanguageComesFromTheTranslation();

private:
    ServerFixture m_fixture;
    MarkingTranslator m_translator;
};

void TestTranslation::initTestCase()
{
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
}

void TestTranslation::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_translator);
}

void TestTranslation::pageTextIsTranslated()
{
    const QString page = QString::fromUtf8(m_fixture.sendGood("GET", "/register").body);
    QVERIFY(page.contains(QStringLiteral("<h1>«Create your profile»</h1>")));
    QVERIFY(page.contains(QStringLiteral("«Skip to content»")));
    QVERIFY(page.contains(QStringLiteral(">«Register»</a>")));
}

void TestTranslation::fieldMessagesAreTranslated()
{
    const WireResponse response = m_fixture.sendGood(
        "POST", "/register", {{"Content-Type", "application/x-www-form-urlencoded"}},
        "username=x&email=nope");
    QCOMPARE(response.status, 400);
    const QString page = QString::fromUtf8(response.body);
    QVERIFY(page.contains(QStringLiteral("«A username has 3 to 32 characters.»")));
}

void TestTranslation::guardMessagesAreTranslated()
{
    const Headers headers{{"Host", "evil.example"}};
    const QString page = QString::fromUtf8(m_fixture.send("GET", "/", headers).body);
    QVERIFY(page.contains(QStringLiteral("«This address is not served here.")));
}

// A session cookie makes the handler read the sessions table, which another connection has
// renamed: the 500 page's sentence comes from the StoreFailure context.
void TestTranslation::storeFailureMessagesAreTranslated()
{
    const QString connection = QStringLiteral("test-translation-other");
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        other.setDatabaseName(m_fixture.databasePath());
        QVERIFY(other.open());
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("ALTER TABLE sessions RENAME TO s_hidden")));
        const QByteArray token = QByteArray(32, 'k').toBase64(QByteArray::Base64UrlEncoding |
                                                              QByteArray::OmitTrailingEquals);
        const WireResponse response =
            m_fixture.sendGood("GET", "/", {{"Cookie", "latchkey_session=" + token}});
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("ALTER TABLE s_hidden RENAME TO sessions")));
        QCOMPARE(response.status, 500);
        QVERIFY(QString::fromUtf8(response.body)
                    .contains(QStringLiteral("«Latchkey could not read its profiles just now. "
                                             "Nothing was changed. Try again.»")));
    }
    QSqlDatabase::removeDatabase(connection);
}

namespace {

// Answers only the language-code entry, with a fixed text.
class LanguageTranslator : public QTranslator {
public:
    explicit LanguageTranslator(QString code) : m_code(std::move(code)) {}
    QString translate(const char* context, const char* sourceText, const char* comment,
                      int = -1) const override
    {
        const bool languageEntry = QByteArray(context) == "latchkey::server::Pages" &&
                                   QByteArray(sourceText) == "en" &&
                                   QByteArray(comment) == "language code";
        return languageEntry ? m_code : QString();
    }
    bool isEmpty() const override { return false; }

private:
    QString m_code;
};

} // namespace

void TestTranslation::pageLanguageComesFromTheTranslation_data()
{
    QTest::addColumn<QString>("translated");
    QTest::addColumn<QString>("expected");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("de");
    QTest::newRow("region") << QStringLiteral("pt-BR") << QStringLiteral("pt-BR");
    // The marking translator below this one would give "«en»": not a tag, so English.
    QTest::newRow("untranslated") << QString() << QStringLiteral("en");
    QTest::newRow("markup refused") << QStringLiteral("de\"><script>") << QStringLiteral("en");
    QTest::newRow("sentence refused") << QStringLiteral("Deutsch bitte") << QStringLiteral("en");
}

void TestTranslation::pageLanguageComesFromTheTranslation()
{
    QFETCH(QString, translated);
    QFETCH(QString, expected);
    LanguageTranslator language(translated);
    QVERIFY(QCoreApplication::installTranslator(&language));
    const QString page = QString::fromUtf8(m_fixture.sendGood("GET", "/").body);
    QCoreApplication::removeTranslator(&language);
    QVERIFY2(page.startsWith(QStringLiteral("<!doctype html>\n<html lang=\"%1\">").arg(expected)),
             qPrintable(page.left(60)));
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "test_translation.moc"
