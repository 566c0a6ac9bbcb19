#include "test_authenticator.h"
#include "webauthn/relying_party.h"

#include <QJsonArray>
#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::testing;

namespace {

const QDateTime kNow = QDateTime::fromMSecsSinceEpoch(1'780'000'000'000, Qt::UTC);
const QByteArray kUser(32, '\x0a');
const QByteArray kOtherUser(32, '\x0b');
constexpr quint8 kUserPresent = 0x01;
constexpr quint8 kAttestedData = 0x40;

RelyingPartyConfig config(UserVerification uv = UserVerification::Required)
{
    RelyingPartyConfig c;
    c.id = QStringLiteral("localhost");
    c.name = QStringLiteral("Latchkey");
    c.origins = {QStringLiteral("http://localhost:8080")};
    c.algorithms = {cose::ES256, cose::EdDSA, cose::RS256};
    c.userVerification = uv;
    c.residentKey = ResidentKey::Required;
    return c;
}

UserEntity user()
{
    return {kUser, QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
}

QString challengeOf(const CeremonyStart& start)
{
    return start.options.value(QStringLiteral("challenge")).toString();
}

RegistrationResponse parsed(const Registration& registration)
{
    return parseRegistrationResponse(registration.json()).value();
}

AuthenticationResponse parsed(const Assertion& assertion)
{
    return parseAuthenticationResponse(assertion.json()).value();
}

} // namespace

class TestRelyingParty : public QObject {
    Q_OBJECT

private slots:
    void registrationOptionsFollowTheConfiguration();
    void registrationStateHoldsChallengeUserAndExpiry();
    void theAnswerToTheIssuedChallengeRegisters();
    void anAnswerToAnotherChallengeIsRefused();
    void anExpiredStateIsRefused();
    void aStateOfTheOtherCeremonyIsRefused();
    void requiredUserVerificationRefusesAnAnswerWithoutUv();
    void preferredUserVerificationAcceptsAnAnswerWithoutUv();
    void usernameFirstStateBindsTheUserAndTheirCredentials();
    void usernameFirstSignsInWithTheUsersCredential();
    void usernameFirstRefusesACredentialOfAnotherUser();
    void usernameFirstRefusesACredentialNotOffered();
    void discoverableSignInNeedsTheUserHandle();
    void discoverableShownCredentialsBindNothing();
    void signInAnswerToAnotherChallengeIsRefused();
    void stateSurvivesItsStoredForm();
    void aStoredFormThatIsNotAStateIsRefused_data();
    void aStoredFormThatIsNotAStateIsRefused();

private:
    // Registers a credential for userHandle through the relying party; the record to keep.
    static StoredCredential registerCredential(const RelyingParty& rp,
                                               TestAuthenticator& authenticator,
                                               const QByteArray& userHandle = kUser);
};

StoredCredential TestRelyingParty::registerCredential(const RelyingParty& rp,
                                                      TestAuthenticator& authenticator,
                                                      const QByteArray& userHandle)
{
    auto start =
        rp.startRegistration({userHandle, QStringLiteral("u"), QStringLiteral("U")}, {}, kNow);
    if (!start)
        return {};
    const Registration reg = authenticator.makeCredential(
        authenticator.registrationSpec(challengeOf(*start)), userHandle);
    auto verified = rp.finishRegistration(parsed(reg), start->state, kNow.addSecs(1));
    if (!verified)
        return {};
    StoredCredential stored;
    stored.credentialId = verified->credentialId;
    stored.publicKey = verified->publicKey;
    stored.signCount = verified->signCount;
    stored.backupEligible = verified->backupEligible;
    stored.userHandle = userHandle;
    return stored;
}

void TestRelyingParty::registrationOptionsFollowTheConfiguration()
{
    const RelyingParty rp(config());
    auto start = rp.startRegistration(user(), {{QByteArray(16, '\x01'), {}}}, kNow);
    QVERIFY(start.ok());
    const QJsonObject& o = start->options;
    QCOMPARE(o.value("rp").toObject().value("id").toString(), QStringLiteral("localhost"));
    QCOMPARE(o.value("user").toObject().value("id").toString(), core::encodeBase64UrlString(kUser));
    const QJsonArray params = o.value("pubKeyCredParams").toArray();
    QCOMPARE(params.size(), 3);
    QCOMPARE(params.at(0).toObject().value("alg").toInt(), cose::ES256);
    QCOMPARE(params.at(1).toObject().value("alg").toInt(), cose::EdDSA);
    QCOMPARE(params.at(2).toObject().value("alg").toInt(), cose::RS256);
    const QJsonObject selection = o.value("authenticatorSelection").toObject();
    QCOMPARE(selection.value("residentKey").toString(), QStringLiteral("required"));
    QCOMPARE(selection.value("userVerification").toString(), QStringLiteral("required"));
    QCOMPARE(o.value("attestation").toString(), QStringLiteral("none"));
    QCOMPARE(o.value("timeout").toInt(), 300'000);
    QCOMPARE(o.value("excludeCredentials").toArray().size(), 1);
}

void TestRelyingParty::registrationStateHoldsChallengeUserAndExpiry()
{
    const RelyingParty rp(config());
    auto start = rp.startRegistration(user(), {}, kNow);
    QVERIFY(start.ok());
    const CeremonyState& state = start->state;
    QCOMPARE(state.type, CeremonyType::Create);
    QCOMPARE(state.challenge.bytes().size(), 32);
    QCOMPARE(state.challenge.toBase64Url(), challengeOf(*start));
    QCOMPARE(state.user, std::optional<QByteArray>(kUser));
    QCOMPARE(state.userVerification, UserVerification::Required);
    QCOMPARE(state.expiresAt, kNow.addSecs(300));
}

void TestRelyingParty::theAnswerToTheIssuedChallengeRegisters()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    auto start = rp.startRegistration(user(), {}, kNow);
    QVERIFY(start.ok());
    const Registration reg =
        authenticator.makeCredential(authenticator.registrationSpec(challengeOf(*start)), kUser);
    auto verified = rp.finishRegistration(parsed(reg), start->state, kNow.addSecs(10));
    QVERIFY2(verified.ok(), qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified->credentialId, reg.credentialId);
}

void TestRelyingParty::anAnswerToAnotherChallengeIsRefused()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    auto first = rp.startRegistration(user(), {}, kNow);
    auto second = rp.startRegistration(user(), {}, kNow);
    QVERIFY(first.ok() && second.ok());
    const Registration reg =
        authenticator.makeCredential(authenticator.registrationSpec(challengeOf(*first)), kUser);
    auto verified = rp.finishRegistration(parsed(reg), second->state, kNow.addSecs(10));
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code, ErrorCode::ChallengeMismatch);
}

void TestRelyingParty::anExpiredStateIsRefused()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    auto start = rp.startRegistration(user(), {}, kNow);
    QVERIFY(start.ok());
    const Registration reg =
        authenticator.makeCredential(authenticator.registrationSpec(challengeOf(*start)), kUser);
    QVERIFY(rp.finishRegistration(parsed(reg), start->state, kNow.addMSecs(299'999)).ok());
    auto late = rp.finishRegistration(parsed(reg), start->state, kNow.addSecs(300));
    QVERIFY(!late.ok());
    QCOMPARE(late.error().code, ErrorCode::CeremonyExpired);
}

void TestRelyingParty::aStateOfTheOtherCeremonyIsRefused()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    auto signIn = rp.startDiscoverableAuthentication({}, kNow);
    QVERIFY(signIn.ok());
    const Registration reg =
        authenticator.makeCredential(authenticator.registrationSpec(challengeOf(*signIn)), kUser);
    auto verified = rp.finishRegistration(parsed(reg), signIn->state, kNow.addSecs(1));
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code, ErrorCode::CeremonyStateInvalid);
}

void TestRelyingParty::requiredUserVerificationRefusesAnAnswerWithoutUv()
{
    const RelyingParty rp(config(UserVerification::Required));
    TestAuthenticator authenticator;
    auto start = rp.startRegistration(user(), {}, kNow);
    QVERIFY(start.ok());
    RegistrationSpec spec = authenticator.registrationSpec(challengeOf(*start));
    spec.authenticatorData.flags = kUserPresent | kAttestedData;
    const Registration reg = authenticator.makeCredential(spec, kUser);
    auto verified = rp.finishRegistration(parsed(reg), start->state, kNow.addSecs(1));
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code, ErrorCode::UserVerificationRequired);
}

void TestRelyingParty::preferredUserVerificationAcceptsAnAnswerWithoutUv()
{
    const RelyingParty rp(config(UserVerification::Preferred));
    TestAuthenticator authenticator;
    auto start = rp.startRegistration(user(), {}, kNow);
    QVERIFY(start.ok());
    QCOMPARE(start->options.value("authenticatorSelection")
                 .toObject()
                 .value("userVerification")
                 .toString(),
             QStringLiteral("preferred"));
    RegistrationSpec spec = authenticator.registrationSpec(challengeOf(*start));
    spec.authenticatorData.flags = kUserPresent | kAttestedData;
    const Registration reg = authenticator.makeCredential(spec, kUser);
    auto verified = rp.finishRegistration(parsed(reg), start->state, kNow.addSecs(1));
    QVERIFY2(verified.ok(), qPrintable(verified ? QString() : verified.error().message));
    QVERIFY(!verified->userVerified);
}

void TestRelyingParty::usernameFirstStateBindsTheUserAndTheirCredentials()
{
    const RelyingParty rp(config());
    const QByteArray id(20, '\x05');
    auto start = rp.startAuthentication(kUser, {{id, {QStringLiteral("internal")}}}, kNow);
    QVERIFY(start.ok());
    QCOMPARE(start->state.type, CeremonyType::Get);
    QCOMPARE(start->state.user, std::optional<QByteArray>(kUser));
    QCOMPARE(start->state.allowCredentials, QList<QByteArray>{id});
    QCOMPARE(start->options.value("allowCredentials").toArray().size(), 1);
    QCOMPARE(start->options.value("userVerification").toString(), QStringLiteral("required"));
    QCOMPARE(start->options.value("rpId").toString(), QStringLiteral("localhost"));
    QVERIFY(!rp.startAuthentication({}, {{id, {}}}, kNow).ok());
    QVERIFY(!rp.startAuthentication(kUser, {}, kNow).ok());
}

void TestRelyingParty::usernameFirstSignsInWithTheUsersCredential()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    const StoredCredential stored = registerCredential(rp, authenticator);
    QVERIFY(!stored.credentialId.isEmpty());
    auto start = rp.startAuthentication(kUser, {{stored.credentialId, {}}}, kNow);
    QVERIFY(start.ok());
    const Assertion assertion = authenticator.getAssertion(
        authenticator.assertionSpec(challengeOf(*start), stored.credentialId));
    auto verified = rp.finishAuthentication(parsed(assertion), start->state, stored, kNow);
    QVERIFY2(verified.ok(), qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified->credentialId, stored.credentialId);
    QCOMPARE(verified->newSignCount, stored.signCount + 1);
}

// §7.2 step 6: the user was named before the ceremony, so the credential must be theirs.
void TestRelyingParty::usernameFirstRefusesACredentialOfAnotherUser()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    const StoredCredential mine = registerCredential(rp, authenticator, kUser);
    const StoredCredential theirs = registerCredential(rp, authenticator, kOtherUser);
    QVERIFY(!mine.credentialId.isEmpty() && !theirs.credentialId.isEmpty());
    // Even when the other user's credential is (wrongly) among those offered.
    auto start =
        rp.startAuthentication(kUser, {{mine.credentialId, {}}, {theirs.credentialId, {}}}, kNow);
    QVERIFY(start.ok());
    const Assertion assertion = authenticator.getAssertion(
        authenticator.assertionSpec(challengeOf(*start), theirs.credentialId));
    auto verified = rp.finishAuthentication(parsed(assertion), start->state, theirs, kNow);
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code, ErrorCode::CredentialOfAnotherUser);
}

// §7.2 step 5: allowCredentials was not empty, so the credential must be one of them.
void TestRelyingParty::usernameFirstRefusesACredentialNotOffered()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    const StoredCredential first = registerCredential(rp, authenticator);
    const StoredCredential second = registerCredential(rp, authenticator);
    auto start = rp.startAuthentication(kUser, {{first.credentialId, {}}}, kNow);
    QVERIFY(start.ok());
    const Assertion assertion = authenticator.getAssertion(
        authenticator.assertionSpec(challengeOf(*start), second.credentialId));
    auto verified = rp.finishAuthentication(parsed(assertion), start->state, second, kNow);
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code, ErrorCode::CredentialNotAllowed);
}

void TestRelyingParty::discoverableSignInNeedsTheUserHandle()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    const StoredCredential stored = registerCredential(rp, authenticator);
    auto start = rp.startDiscoverableAuthentication({}, kNow);
    QVERIFY(start.ok());
    QVERIFY(!start->state.user);
    QVERIFY(start->state.allowCredentials.isEmpty());
    AssertionSpec spec = authenticator.assertionSpec(challengeOf(*start), stored.credentialId);
    QVERIFY(rp.finishAuthentication(parsed(authenticator.getAssertion(spec)), start->state, stored,
                                    kNow)
                .ok());
    auto again = rp.startDiscoverableAuthentication({}, kNow);
    spec = authenticator.assertionSpec(challengeOf(*again), stored.credentialId);
    spec.userHandle.reset();
    auto refused = rp.finishAuthentication(parsed(authenticator.getAssertion(spec)), again->state,
                                           stored, kNow);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::UserHandleMissing);
}

// The look-alike IDs an unknown login is shown: the page sees them, the answer is not held
// to them (the user handle finds the account, as in a usernameless sign-in).
void TestRelyingParty::discoverableShownCredentialsBindNothing()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    const StoredCredential stored = registerCredential(rp, authenticator);
    auto start = rp.startDiscoverableAuthentication({{QByteArray(32, '\x44'), {}}}, kNow);
    QVERIFY(start.ok());
    QCOMPARE(start->options.value("allowCredentials").toArray().size(), 1);
    QVERIFY(start->state.allowCredentials.isEmpty());
    const Assertion assertion = authenticator.getAssertion(
        authenticator.assertionSpec(challengeOf(*start), stored.credentialId));
    QVERIFY(rp.finishAuthentication(parsed(assertion), start->state, stored, kNow).ok());
}

void TestRelyingParty::signInAnswerToAnotherChallengeIsRefused()
{
    const RelyingParty rp(config());
    TestAuthenticator authenticator;
    const StoredCredential stored = registerCredential(rp, authenticator);
    auto answered = rp.startAuthentication(kUser, {{stored.credentialId, {}}}, kNow);
    auto pending = rp.startAuthentication(kUser, {{stored.credentialId, {}}}, kNow);
    QVERIFY(answered.ok() && pending.ok());
    const Assertion assertion = authenticator.getAssertion(
        authenticator.assertionSpec(challengeOf(*answered), stored.credentialId));
    auto verified = rp.finishAuthentication(parsed(assertion), pending->state, stored, kNow);
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code, ErrorCode::ChallengeMismatch);
}

void TestRelyingParty::stateSurvivesItsStoredForm()
{
    CeremonyState state;
    state.type = CeremonyType::Get;
    state.challenge = core::Challenge(QByteArray(32, '\x11'));
    state.user = kOtherUser;
    state.allowCredentials = {QByteArray(16, '\x01'), QByteArray(1023, '\x02')};
    state.userVerification = UserVerification::Discouraged;
    state.expiresAt = kNow;
    auto back = CeremonyState::fromCbor(state.toCbor());
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->type, state.type);
    QCOMPARE(back->challenge.bytes(), state.challenge.bytes());
    QCOMPARE(back->user, state.user);
    QCOMPARE(back->allowCredentials, state.allowCredentials);
    QCOMPARE(back->userVerification, state.userVerification);
    QCOMPARE(back->expiresAt, state.expiresAt);
    state.user.reset();
    state.allowCredentials.clear();
    back = CeremonyState::fromCbor(state.toCbor());
    QVERIFY(back.ok());
    QVERIFY(!back->user);
    QVERIFY(back->allowCredentials.isEmpty());
}

void TestRelyingParty::aStoredFormThatIsNotAStateIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not CBOR") << QByteArray("\xff\xff", 2);
    QTest::newRow("an array") << QByteArray("\x80", 1);
    QTest::newRow("empty map") << QByteArray("\xa0", 1);
    CeremonyState state;
    state.challenge = core::Challenge(QByteArray(15, '\x11'));
    state.expiresAt = kNow;
    QTest::newRow("short challenge") << state.toCbor();
}

void TestRelyingParty::aStoredFormThatIsNotAStateIsRefused()
{
    QFETCH(QByteArray, bytes);
    auto state = CeremonyState::fromCbor(bytes);
    QVERIFY(!state.ok());
    QCOMPARE(state.error().code, ErrorCode::CeremonyStateInvalid);
}

QTEST_APPLESS_MAIN(TestRelyingParty)
#include "test_relying_party.moc"
