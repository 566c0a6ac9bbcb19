#include "webauthn/client_data.h"

#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;

namespace {

const QByteArray kChallenge = QByteArray(32, '\x42');
const QString kChallengeText = QStringLiteral("QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI");
const QString kOrigin = QStringLiteral("http://localhost:8080");

ClientDataExpectations expectations()
{
    ClientDataExpectations e;
    e.type = CeremonyType::Create;
    e.challenge = core::Challenge(kChallenge);
    e.origins = {kOrigin};
    return e;
}

CollectedClientData validClientData()
{
    CollectedClientData c;
    c.type = QStringLiteral("webauthn.create");
    c.challenge = kChallengeText;
    c.origin = kOrigin;
    return c;
}

} // namespace

class TestClientData : public QObject {
    Q_OBJECT

private slots:
    void parsesMembers();
    void ignoresUnknownMembers();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void tokenBindingOutsideLevel2IsIgnored_data();
    void tokenBindingOutsideLevel2IsIgnored();
    void acceptsIssuedChallenge();
    void typeMustMatchCeremony();
    void challengeMustBeIssuedOne();
    void challengeMustBeBase64Url();
    void challengeComparedAsItsExactEncoding();
    void originMustBeInList();
    void originListAnyMatch();
    void crossOriginRejectedUnlessAllowed();
    void topOriginRejectedUnlessAllowed();
    void topOriginMustBeExpected();
};

void TestClientData::parsesMembers()
{
    auto parsed = parseClientData(
        R"({"type":"webauthn.get","challenge":"abc","origin":"https:\/\/a.example","crossOrigin":true,"topOrigin":"https://b.example"})");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->type, QStringLiteral("webauthn.get"));
    QCOMPARE(parsed->challenge, QStringLiteral("abc"));
    QCOMPARE(parsed->origin, QStringLiteral("https://a.example"));
    QVERIFY(parsed->crossOrigin);
    QCOMPARE(parsed->topOrigin.value(), QStringLiteral("https://b.example"));
}

void TestClientData::ignoresUnknownMembers()
{
    auto parsed = parseClientData(
        R"({"type":"webauthn.create","challenge":"abc","origin":"o","extraData":"x","androidPackageName":"p"})");
    QVERIFY(parsed.ok());
    QVERIFY(!parsed->crossOrigin);
}

void TestClientData::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("{type");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("type missing") << QByteArray(R"({"challenge":"abc","origin":"o"})");
    QTest::newRow("type not string") << QByteArray(R"({"type":1,"challenge":"abc","origin":"o"})");
    QTest::newRow("type empty") << QByteArray(R"({"type":"","challenge":"abc","origin":"o"})");
    QTest::newRow("challenge missing") << QByteArray(R"({"type":"webauthn.get","origin":"o"})");
    QTest::newRow("challenge not string")
        << QByteArray(R"({"type":"webauthn.get","challenge":[],"origin":"o"})");
    QTest::newRow("challenge empty")
        << QByteArray(R"({"type":"webauthn.get","challenge":"","origin":"o"})");
    QTest::newRow("origin missing") << QByteArray(R"({"type":"webauthn.get","challenge":"abc"})");
    QTest::newRow("origin not string")
        << QByteArray(R"({"type":"webauthn.get","challenge":"abc","origin":5})");
    QTest::newRow("origin empty") << QByteArray(
        R"({"type":"webauthn.get","challenge":"abc","origin":""})");
    QTest::newRow("crossOrigin not bool") << QByteArray(
        R"({"type":"webauthn.get","challenge":"abc","origin":"o","crossOrigin":"true"})");
    QTest::newRow("topOrigin not string")
        << QByteArray(R"({"type":"webauthn.get","challenge":"abc","origin":"o","topOrigin":1})");
}

void TestClientData::rejectsMalformed()
{
    QFETCH(QByteArray, json);
    auto parsed = parseClientData(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::ClientDataMalformed);
}

// Level 3 keeps tokenBinding only as a reserved member: none of these fail the ceremony.
void TestClientData::tokenBindingOutsideLevel2IsIgnored_data()
{
    QTest::addColumn<QByteArray>("tokenBinding");
    QTest::addColumn<QString>("status");
    QTest::newRow("not-supported (Edge with U2F keys)")
        << QByteArray(R"({"status":"not-supported"})") << QStringLiteral("not-supported");
    QTest::newRow("unknown status") << QByteArray(R"({"status":"on"})") << QStringLiteral("on");
    QTest::newRow("present without id")
        << QByteArray(R"({"status":"present"})") << QStringLiteral("present");
    QTest::newRow("present with id")
        << QByteArray(R"({"status":"present","id":"AAEC"})") << QStringLiteral("present");
    QTest::newRow("supported") << QByteArray(R"({"status":"supported"})")
                               << QStringLiteral("supported");
    QTest::newRow("no status") << QByteArray("{}") << QString();
    QTest::newRow("not an object") << QByteArray(R"("present")") << QString();
    QTest::newRow("null") << QByteArray("null") << QString();
}

void TestClientData::tokenBindingOutsideLevel2IsIgnored()
{
    QFETCH(QByteArray, tokenBinding);
    QFETCH(QString, status);
    const QByteArray json =
        R"({"type":"webauthn.create","challenge":")" + kChallengeText.toLatin1() +
        R"(","origin":"http://localhost:8080","tokenBinding":)" + tokenBinding + "}";
    auto parsed = parseClientData(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->tokenBinding ? parsed->tokenBinding->status : QString(), status);
    QVERIFY(checkClientData(*parsed, expectations()).ok());
}

void TestClientData::acceptsIssuedChallenge()
{
    QVERIFY(checkClientData(validClientData(), expectations()).ok());
}

void TestClientData::typeMustMatchCeremony()
{
    auto c = validClientData();
    c.type = QStringLiteral("webauthn.get");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::ClientDataTypeMismatch);
    c.type = QStringLiteral("payment.get");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::ClientDataTypeMismatch);
}

void TestClientData::challengeMustBeIssuedOne()
{
    auto c = validClientData();
    c.challenge = QStringLiteral("QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkM");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::ChallengeMismatch);
    auto e = expectations();
    e.challenge = {};
    QCOMPARE(checkClientData(validClientData(), e).error().code, ErrorCode::ChallengeMismatch);
}

void TestClientData::challengeMustBeBase64Url()
{
    auto c = validClientData();
    c.challenge = QStringLiteral("not base64!");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::ChallengeMismatch);
}

// §7.1 step 12: C.challenge equals the base64url encoding of the issued bytes; another
// rendering of the same bytes (padded, standard alphabet) is not what a browser sends.
void TestClientData::challengeComparedAsItsExactEncoding()
{
    auto c = validClientData();
    QVERIFY(checkClientData(c, expectations()).ok());
    c.challenge = kChallengeText + QLatin1Char('=');
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::ChallengeMismatch);
    c.challenge = QString::fromLatin1(kChallenge.toBase64());
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::ChallengeMismatch);
}

void TestClientData::originMustBeInList()
{
    auto c = validClientData();
    c.origin = QStringLiteral("http://localhost:8081");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::OriginMismatch);
    c.origin = QStringLiteral("http://localhost:8080/");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::OriginMismatch);
}

void TestClientData::originListAnyMatch()
{
    auto e = expectations();
    e.origins = {QStringLiteral("https://other.example"), kOrigin};
    QVERIFY(checkClientData(validClientData(), e).ok());
}

void TestClientData::crossOriginRejectedUnlessAllowed()
{
    auto c = validClientData();
    c.crossOrigin = true;
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::CrossOriginNotAllowed);
    auto e = expectations();
    e.allowCrossOrigin = true;
    QVERIFY(checkClientData(c, e).ok());
}

void TestClientData::topOriginRejectedUnlessAllowed()
{
    auto c = validClientData();
    c.topOrigin = QStringLiteral("https://top.example");
    QCOMPARE(checkClientData(c, expectations()).error().code, ErrorCode::CrossOriginNotAllowed);
}

void TestClientData::topOriginMustBeExpected()
{
    auto c = validClientData();
    c.crossOrigin = true;
    c.topOrigin = QStringLiteral("https://top.example");
    auto e = expectations();
    e.allowCrossOrigin = true;
    e.topOrigins = {QStringLiteral("https://elsewhere.example")};
    QCOMPARE(checkClientData(c, e).error().code, ErrorCode::TopOriginMismatch);
    e.topOrigins.append(QStringLiteral("https://top.example"));
    QVERIFY(checkClientData(c, e).ok());
}

QTEST_APPLESS_MAIN(TestClientData)
#include "test_client_data.moc"
