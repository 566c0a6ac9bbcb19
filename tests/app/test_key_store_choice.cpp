// Which TPM holds new passkeys: --tpm-tcti, then LATCHKEY_TPM_TCTI, then /dev/tpmrm0 when this
// account may use it, else none (the software store).
#include "app/key_store_choice.h"

#include <QtTest>

using namespace latchkey::app;

class TestKeyStoreChoice : public QObject {
    Q_OBJECT

private slots:
    void flagWinsOverEnvironmentAndDevice()
    {
        const TpmChoice choice =
            chooseTpm(QStringLiteral("swtpm:port=1"), QStringLiteral("swtpm:port=2"), true);
        QVERIFY(choice.useTpm);
        QVERIFY(choice.requested);
        QCOMPARE(choice.tcti, QStringLiteral("swtpm:port=1"));
    }

    void environmentWinsOverDevice()
    {
        const TpmChoice choice = chooseTpm({}, QStringLiteral("swtpm:port=2"), true);
        QVERIFY(choice.useTpm);
        QVERIFY(choice.requested);
        QCOMPARE(choice.tcti, QStringLiteral("swtpm:port=2"));
    }

    void usableDeviceIsFoundAutomatically()
    {
        const TpmChoice choice = chooseTpm({}, {}, true);
        QVERIFY(choice.useTpm);
        QVERIFY(!choice.requested);
        QCOMPARE(choice.tcti, QStringLiteral("device:/dev/tpmrm0"));
    }

    void noTpmMeansTheSoftwareStore()
    {
        const TpmChoice choice = chooseTpm({}, {}, false);
        QVERIFY(!choice.useTpm);
        QVERIFY(choice.tcti.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeyStoreChoice)
#include "test_key_store_choice.moc"
