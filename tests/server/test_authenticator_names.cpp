// The profile page names a passkey's authenticator by its AAGUID: Latchkey's two key stores
// each have their own, so the page says where each key is kept.
#include "server/authenticator_names.h"

#include <QUuid>
#include <QtTest>

using namespace latchkey::server;

namespace {

QByteArray aaguid(const char* uuid)
{
    return QUuid::fromString(QLatin1String(uuid)).toRfc4122();
}

} // namespace

class TestAuthenticatorNames : public QObject {
    Q_OBJECT

private slots:
    void eachLatchkeyStoreHasItsOwnName()
    {
        const QString software = authenticatorName(aaguid("d6843ecc-a929-41df-a698-40df8f209f70"));
        const QString tpm = authenticatorName(aaguid("e05b567d-0914-438f-b525-f5479694837a"));
        QCOMPARE(software, QStringLiteral("Latchkey on this computer, software key store"));
        QCOMPARE(tpm, QStringLiteral("Latchkey on this computer, key in the TPM"));
        QCOMPARE(authenticatorName(aaguid("f2516e14-7106-4e95-aea2-7b2ed4465d75")),
                 QStringLiteral("Latchkey on this Mac, key in the Secure Enclave"));
        QCOMPARE(defaultNickname(aaguid("e05b567d-0914-438f-b525-f5479694837a"),
                                 QStringLiteral("platform")),
                 tpm);
    }

    void unknownOrMalformedAaguidHasNoName()
    {
        QVERIFY(authenticatorName(QByteArray(16, '\0')).isEmpty());
        QVERIFY(authenticatorName(QByteArray(15, '\x01')).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuthenticatorNames)
#include "test_authenticator_names.moc"
