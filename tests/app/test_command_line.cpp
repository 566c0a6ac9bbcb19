// Command-line rules: what each option means and which arguments are refused.
#include "app/command_line.h"
#include "app/launch_secret.h"

#include <QSet>
#include <QTest>

using latchkey::app::AppError;
using latchkey::app::LaunchOptions;
using latchkey::app::parseCommandLine;

Q_DECLARE_METATYPE(LaunchOptions::Mode)

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void modesFollowTheOptions_data();
    void modesFollowTheOptions();
    void dataDirAndPortAreRead();
    void portMustBeAWholeNumberUpTo65535_data();
    void portMustBeAWholeNumberUpTo65535();
    void unknownOptionsAndStrayArgumentsAreRefused();
    void emptyDataDirIsRefused();
    void launchSecretIs32RandomBytesInBase64Url();
};

void TestCommandLine::modesFollowTheOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<LaunchOptions::Mode>("mode");
    QTest::newRow("nothing") << QStringList{} << LaunchOptions::Mode::Window;
    QTest::newRow("serve") << QStringList{"--serve"} << LaunchOptions::Mode::Serve;
    QTest::newRow("help") << QStringList{"--help"} << LaunchOptions::Mode::Help;
    QTest::newRow("-h") << QStringList{"-h"} << LaunchOptions::Mode::Help;
    QTest::newRow("version") << QStringList{"--version"} << LaunchOptions::Mode::Version;
    QTest::newRow("help wins over serve")
        << QStringList{"--serve", "--help"} << LaunchOptions::Mode::Help;
}

void TestCommandLine::modesFollowTheOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(LaunchOptions::Mode, mode);
    const auto options = parseCommandLine(QStringList{"latchkey"} + arguments);
    QVERIFY(options);
    QCOMPARE(options->mode, mode);
}

void TestCommandLine::dataDirAndPortAreRead()
{
    const auto options =
        parseCommandLine({"latchkey", "--data-dir", "/tmp/profiles", "--port", "8123"});
    QVERIFY(options);
    QCOMPARE(options->dataDir, QStringLiteral("/tmp/profiles"));
    QCOMPARE(options->port, quint16(8123));
    const auto defaults = parseCommandLine({"latchkey"});
    QVERIFY(defaults);
    QVERIFY(defaults->dataDir.isEmpty());
    QCOMPARE(defaults->port, quint16(0));
}

void TestCommandLine::portMustBeAWholeNumberUpTo65535_data()
{
    QTest::addColumn<QString>("port");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("0 = any") << "0" << true;
    QTest::newRow("65535") << "65535" << true;
    QTest::newRow("65536") << "65536" << false;
    QTest::newRow("negative") << "-5" << false;
    QTest::newRow("word") << "eighty" << false;
    QTest::newRow("decimal") << "80.5" << false;
    QTest::newRow("hex") << "0x50" << false;
    QTest::newRow("empty") << "" << false;
}

void TestCommandLine::portMustBeAWholeNumberUpTo65535()
{
    QFETCH(QString, port);
    QFETCH(bool, accepted);
    const auto options = parseCommandLine({"latchkey", "--port", port});
    QCOMPARE(options.ok(), accepted);
    if (!accepted) {
        QCOMPARE(options.error().code, AppError::Code::BadArguments);
        QCOMPARE(options.error().exitCode(), 2);
        QVERIFY(options.error().message.contains(QLatin1String("--port")));
    }
}

void TestCommandLine::unknownOptionsAndStrayArgumentsAreRefused()
{
    for (const QStringList& arguments :
         {QStringList{"latchkey", "--frobnicate"}, QStringList{"latchkey", "stray"},
          QStringList{"latchkey", "--port"}}) {
        const auto options = parseCommandLine(arguments);
        QVERIFY2(!options, qPrintable(arguments.join(' ')));
        QCOMPARE(options.error().exitCode(), 2);
    }
}

void TestCommandLine::emptyDataDirIsRefused()
{
    const auto options = parseCommandLine({"latchkey", "--data-dir", " "});
    QVERIFY(!options);
    QVERIFY(options.error().message.contains(QLatin1String("--data-dir")));
}

void TestCommandLine::launchSecretIs32RandomBytesInBase64Url()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 16; ++i) {
        const QByteArray secret = latchkey::app::makeLaunchSecret();
        QCOMPARE(secret.size(), 43); // 32 bytes, base64url without padding
        const auto decoded = QByteArray::fromBase64Encoding(
            secret, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 32);
        seen.insert(secret);
    }
    QCOMPARE(seen.size(), 16);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
