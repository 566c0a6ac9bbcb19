// FIDO2 server conformance, "clientData" (both ceremonies): type, challenge, origin.
#include "conformance_fixture.h"

#include <QJsonArray>
#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

namespace {

const QJsonValue kRemoved = QJsonValue(QJsonValue::Undefined);
// Stands for the other ceremony's type in a data row.
const QString kOtherCeremony = QStringLiteral("{other ceremony}");

void applyMember(testing::ClientDataSpec& clientData, const QString& member, QJsonValue value,
                 const QString& otherType)
{
    if (value.isUndefined()) {
        clientData.removed.append(member);
        return;
    }
    if (value.toString() == kOtherCeremony)
        value = otherType;
    clientData.overrides.insert(member, value);
}

void addRows()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("type missing") << QStringLiteral("type") << kRemoved
                                  << ErrorCode::ClientDataMalformed;
    QTest::newRow("type not a string")
        << QStringLiteral("type") << QJsonValue(1) << ErrorCode::ClientDataMalformed;
    QTest::newRow("type empty") << QStringLiteral("type") << QJsonValue(QString())
                                << ErrorCode::ClientDataMalformed;
    QTest::newRow("type of the other ceremony")
        << QStringLiteral("type") << QJsonValue(kOtherCeremony)
        << ErrorCode::ClientDataTypeMismatch;
    QTest::newRow("type unknown") << QStringLiteral("type")
                                  << QJsonValue(QStringLiteral("payment.get"))
                                  << ErrorCode::ClientDataTypeMismatch;
    QTest::newRow("challenge missing")
        << QStringLiteral("challenge") << kRemoved << ErrorCode::ClientDataMalformed;
    QTest::newRow("challenge not a string")
        << QStringLiteral("challenge") << QJsonValue(QJsonArray{})
        << ErrorCode::ClientDataMalformed;
    QTest::newRow("challenge empty")
        << QStringLiteral("challenge") << QJsonValue(QString()) << ErrorCode::ClientDataMalformed;
    QTest::newRow("challenge not base64url")
        << QStringLiteral("challenge") << QJsonValue(QStringLiteral("not base64url!"))
        << ErrorCode::ChallengeMismatch;
    QTest::newRow("challenge not the issued one")
        << QStringLiteral("challenge") << QJsonValue(base64Url(QByteArray(32, '\x5a')))
        << ErrorCode::ChallengeMismatch;
    QTest::newRow("origin missing")
        << QStringLiteral("origin") << kRemoved << ErrorCode::ClientDataMalformed;
    QTest::newRow("origin not a string")
        << QStringLiteral("origin") << QJsonValue(8080) << ErrorCode::ClientDataMalformed;
    QTest::newRow("origin empty") << QStringLiteral("origin") << QJsonValue(QString())
                                  << ErrorCode::ClientDataMalformed;
    QTest::newRow("origin of another site")
        << QStringLiteral("origin") << QJsonValue(QStringLiteral("https://evil.example"))
        << ErrorCode::OriginMismatch;
    QTest::newRow("origin with another scheme")
        << QStringLiteral("origin") << QJsonValue(QStringLiteral("https://localhost:8080"))
        << ErrorCode::OriginMismatch;
    QTest::newRow("origin on another port")
        << QStringLiteral("origin") << QJsonValue(QStringLiteral("http://localhost:8081"))
        << ErrorCode::OriginMismatch;
    QTest::newRow("crossOrigin true when not allowed")
        << QStringLiteral("crossOrigin") << QJsonValue(true) << ErrorCode::CrossOriginNotAllowed;
}

} // namespace

class TestClientDataConformance : public QObject {
    Q_OBJECT

private slots:
    void registrationRejectsClientData_data() { addRows(); }

    void registrationRejectsClientData()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(ErrorCode, code);
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        applyMember(spec.clientData, member, value, QStringLiteral("webauthn.get"));
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)), code);
    }

    void authenticationRejectsClientData_data() { addRows(); }

    void authenticationRejectsClientData()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(ErrorCode, code);
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        applyMember(spec.clientData, member, value, QStringLiteral("webauthn.create"));
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)), code);
    }

    void clientDataNotJsonIsRejected()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.clientData.raw = QByteArrayLiteral("{\"type\":\"webauthn.create\",");
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::ClientDataMalformed);
    }

    void clientDataNotAnObjectIsRejected()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.clientData.raw = QByteArrayLiteral("[\"webauthn.create\"]");
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::ClientDataMalformed);
    }

    void unknownClientDataMembersAreIgnored()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.clientData.overrides.insert(
            QStringLiteral("other_keys_can_be_added_here"),
            QStringLiteral("do not compare clientDataJSON against a template"));
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(spec)));
    }

    void crossOriginIsAcceptedWhenAllowed()
    {
        ConformanceFixture rp;
        rp.registrationExpected.allowCrossOrigin = true;
        auto spec = rp.registrationSpec();
        spec.clientData.crossOrigin = true;
        spec.clientData.topOrigin = QStringLiteral("https://top.example");
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(spec)));
    }
};

QTEST_GUILESS_MAIN(TestClientDataConformance)
#include "test_client_data_conformance.moc"
