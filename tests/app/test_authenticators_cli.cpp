// The real latchkey binary's --authenticators report and --self-test, against a real swtpm
// started here: the TPM's identity, each store's create/sign/verify/delete, and the exit code
// when a step cannot succeed.
#include "child_process.h"
#include "swtpm_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace latchkey::app::testing;
using latchkey::testing::SwtpmProcess;

namespace {

struct Report {
    int exitCode = -1;
    QJsonObject json;
    QString err;
};

Report runReport(const QStringList& arguments, const QString& scratch)
{
    QProcess process;
    QProcessEnvironment environment = latchkeyEnvironment(scratch);
    environment.remove(QStringLiteral("LATCHKEY_TPM_TCTI"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LATCHKEY_BINARY), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QJsonDocument::fromJson(process.readAllStandardOutput()).object(),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

QJsonObject storeNamed(const QJsonObject& report, const QString& name)
{
    for (const QJsonValue& store : report.value(QLatin1String("keyStores")).toArray()) {
        if (store.toObject().value(QLatin1String("name")).toString() == name)
            return store.toObject();
    }
    return {};
}

QJsonObject selfTestOf(const QJsonObject& report, const QString& name)
{
    for (const QJsonValue& test : report.value(QLatin1String("selfTest")).toArray()) {
        if (test.toObject().value(QLatin1String("store")).toString() == name)
            return test.toObject();
    }
    return {};
}

QStringList stepsOf(const QJsonObject& test)
{
    QStringList steps;
    for (const QJsonValue& step : test.value(QLatin1String("steps")).toArray()) {
        if (step.toObject().value(QLatin1String("ok")).toBool())
            steps << step.toObject().value(QLatin1String("step")).toString();
    }
    return steps;
}

} // namespace

class TestAuthenticatorsCli : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY2(!SwtpmProcess::program().isEmpty(),
                 "swtpm is not installed: run packaging/install-deps.sh (tpm tests never skip)");
        QVERIFY(m_scratch.isValid());
    }

    void selfTestPassesInTheTpmAndTheSoftwareStore()
    {
        SwtpmProcess tpm;
        QVERIFY2(tpm.start(m_scratch.filePath(QStringLiteral("tpm"))),
                 qPrintable(tpm.errorString()));
        const QString data = m_scratch.filePath(QStringLiteral("data"));
        const Report report = runReport(
            {QStringLiteral("--authenticators"), QStringLiteral("--self-test"),
             QStringLiteral("--tpm-tcti"), tpm.tcti(), QStringLiteral("--data-dir"), data},
            m_scratch.path());
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const QJsonObject tpmStore = storeNamed(report.json, QStringLiteral("tpm"));
        QCOMPARE(tpmStore.value(QLatin1String("available")).toBool(), true);
        QCOMPARE(tpmStore.value(QLatin1String("selected")).toBool(), true);
        QCOMPARE(tpmStore.value(QLatin1String("tcti")).toString(), tpm.tcti());
        QCOMPARE(tpmStore.value(QLatin1String("manufacturer")).toString(), QStringLiteral("IBM"));
        QVERIFY(!tpmStore.value(QLatin1String("firmwareVersion")).toString().isEmpty());
        QCOMPARE(storeNamed(report.json, QStringLiteral("software"))
                     .value(QLatin1String("selected"))
                     .toBool(),
                 false);

        const QStringList all{QStringLiteral("open"), QStringLiteral("create"),
                              QStringLiteral("sign"), QStringLiteral("verify"),
                              QStringLiteral("delete")};
        for (const QString& store : {QStringLiteral("tpm"), QStringLiteral("software")}) {
            const QJsonObject test = selfTestOf(report.json, store);
            QVERIFY2(test.value(QLatin1String("ok")).toBool(), qPrintable(store));
            QCOMPARE(stepsOf(test), all);
        }
        // The person's own files are never touched: the test keys lived in a temporary folder.
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("tpm-keys.json"))));
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("keys.json"))));
        QCOMPARE(report.json.value(QLatin1String("userVerifiers")).toArray().isEmpty(), false);
    }

    void unreachableRequestedTpmFailsTheSelfTest()
    {
        SwtpmProcess tpm;
        QVERIFY2(tpm.start(m_scratch.filePath(QStringLiteral("gone"))),
                 qPrintable(tpm.errorString()));
        const QString tcti = tpm.tcti();
        tpm.stop();
        const Report report =
            runReport({QStringLiteral("--authenticators"), QStringLiteral("--self-test"),
                       QStringLiteral("--tpm-tcti"), tcti, QStringLiteral("--data-dir"),
                       m_scratch.filePath(QStringLiteral("data"))},
                      m_scratch.path());
        QCOMPARE(report.exitCode, 1);
        const QJsonObject tpmStore = storeNamed(report.json, QStringLiteral("tpm"));
        QCOMPARE(tpmStore.value(QLatin1String("available")).toBool(), false);
        QVERIFY2(tpmStore.value(QLatin1String("error")).toString().contains(tcti),
                 qPrintable(tpmStore.value(QLatin1String("error")).toString()));
        // Passkeys the person asked to keep in that TPM go nowhere else.
        QCOMPARE(storeNamed(report.json, QStringLiteral("software"))
                     .value(QLatin1String("selected"))
                     .toBool(),
                 false);
    }

    void reportWithoutSelfTestNamesEveryStore()
    {
        const Report report =
            runReport({QStringLiteral("--authenticators"), QStringLiteral("--data-dir"),
                       m_scratch.filePath(QStringLiteral("data"))},
                      m_scratch.path());
        QCOMPARE(report.exitCode, 0);
        QVERIFY(!storeNamed(report.json, QStringLiteral("tpm")).isEmpty());
        QVERIFY(storeNamed(report.json, QStringLiteral("software"))
                    .value(QLatin1String("available"))
                    .toBool());
        QVERIFY(!report.json.contains(QLatin1String("selfTest")));
    }

private:
    QTemporaryDir m_scratch;
};

QTEST_GUILESS_MAIN(TestAuthenticatorsCli)
#include "test_authenticators_cli.moc"
