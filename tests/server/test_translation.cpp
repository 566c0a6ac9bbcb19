// User-visible text goes through Qt's translation system with the contexts lupdate
// extracts (latchkey::server::<Part>): with a translator installed, pages, field messages
// and guard messages all change language.
#include "server_fixture.h"

#include <QCoreApplication>
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

QTEST_GUILESS_MAIN(TestTranslation)
#include "test_translation.moc"
