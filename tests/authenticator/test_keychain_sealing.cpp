// Where the sealing key goes when the keychain does not give it, on a real D-Bus session bus
// (a private dbus-daemon started here, which starts no installed service) with the real
// qtkeychain. Only a bus without any keychain service lets the key go to a file. A keychain
// service that exists but refuses (played by this test: it answers every call with an error)
// is not replaced by a file, since it may hold the key that opens every sealed passkey;
// nothing is written.
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/keychain_sealing_key_provider.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QDir>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace latchkey::authenticator;

namespace {

// A keychain that is there and says no to everything.
class RefusingKeychain : public QDBusVirtualObject {
public:
    explicit RefusingKeychain(QString errorName) : m_errorName(std::move(errorName)) {}
    QString introspect(const QString&) const override { return {}; }
    bool handleMessage(const QDBusMessage& message, const QDBusConnection& connection) override
    {
        ++calls;
        connection.send(message.createErrorReply(m_errorName, QStringLiteral("refused")));
        return true;
    }
    int calls = 0;

private:
    QString m_errorName;
};

} // namespace

class TestKeychainSealing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void noKeychainOnTheBusFallsBackToTheFile();
    void keychainThatRefusesIsNotReplacedByAFile_data();
    void keychainThatRefusesIsNotReplacedByAFile();
    void cleanupTestCase();

private:
    QString sealingPath() const { return m_dir->filePath(QStringLiteral("config/sealing.key")); }

    std::unique_ptr<QTemporaryDir> m_busConfig;
    QProcess m_bus;
    QString m_address;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKeychainSealing::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    QVERIFY2(!daemon.isEmpty(), "dbus-daemon is not installed (packaging/install-deps.sh)");
    // A session bus of this test's own, with no service folders: the standard session
    // configuration would start any installed keychain (gnome-keyring, KWallet) on the first
    // call to org.freedesktop.secrets, and this test decides what answers there.
    m_busConfig = std::make_unique<QTemporaryDir>();
    QVERIFY(m_busConfig->isValid());
    QFile config(m_busConfig->filePath(QStringLiteral("session.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
        "<auth>EXTERNAL</auth><policy context=\"default\">"
        "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
        "<allow own=\"*\"/></policy></busconfig>\n");
    config.close();
    m_bus.start(daemon,
                {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                 QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
    QVERIFY(m_bus.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    QVERIFY2(m_address.startsWith(QLatin1String("unix:")), qPrintable(m_address));
    // Before anything in this process touches the session bus: it is connected once.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void TestKeychainSealing::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKeychainSealing::noKeychainOnTheBusFallsBackToTheFile()
{
    KeychainSealingKeyProvider keychain(QStringLiteral("latchkey-test"),
                                        QStringLiteral("sealing-key"), std::chrono::seconds(3));
    FileSealingKeyProvider file(sealingPath());
    FallbackSealingKeyProvider provider(keychain, file);
    const auto key = provider.sealingKey();
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    QVERIFY(provider.usedFallback());
    QVERIFY(QFile::exists(sealingPath()));
}

void TestKeychainSealing::keychainThatRefusesIsNotReplacedByAFile_data()
{
    QTest::addColumn<QString>("errorName");
    QTest::newRow("access denied") << QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
    QTest::newRow("an error") << QStringLiteral("org.freedesktop.DBus.Error.Failed");
}

void TestKeychainSealing::keychainThatRefusesIsNotReplacedByAFile()
{
    QFETCH(QString, errorName);
    const QString name = QStringLiteral("keychain-") + QString::number(qHash(errorName));
    QDBusConnection service = QDBusConnection::connectToBus(m_address, name);
    QVERIFY(service.isConnected());
    RefusingKeychain refusing(errorName);
    QVERIFY(
        service.registerVirtualObject(QStringLiteral("/"), &refusing, QDBusConnection::SubPath));
    QVERIFY(service.registerService(QStringLiteral("org.freedesktop.secrets")));
    const auto gone = qScopeGuard([&] {
        service.unregisterService(QStringLiteral("org.freedesktop.secrets"));
        service.unregisterObject(QStringLiteral("/"), QDBusConnection::UnregisterTree);
        QDBusConnection::disconnectFromBus(name);
    });

    KeychainSealingKeyProvider keychain(QStringLiteral("latchkey-test"),
                                        QStringLiteral("sealing-key"), std::chrono::seconds(3));
    FileSealingKeyProvider file(sealingPath());
    FallbackSealingKeyProvider provider(keychain, file);
    const auto key = provider.sealingKey();
    QVERIFY(!key.ok());
    qInfo("refused with: %s", qPrintable(key.error().message));
    QCOMPARE(key.error().code, KeyStoreErrorCode::SealingKeyRefused);
    QVERIFY(!provider.usedFallback());
    QVERIFY(!QFile::exists(sealingPath()));
}

void TestKeychainSealing::cleanupTestCase()
{
    m_bus.terminate();
    m_bus.waitForFinished(3000);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TestKeychainSealing test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_keychain_sealing.moc"
