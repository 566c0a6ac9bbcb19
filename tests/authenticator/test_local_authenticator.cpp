#include "authenticator/authenticator_data_writer.h"
#include "authenticator/local_authenticator.h"
#include "fake/in_memory_key_store.h"
#include "fake/scripted_user_verifier.h"
#include "test_support.h"
#include "webauthn/authenticator_data.h"
#include "webauthn/cose_key.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QtTest>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::testing;
namespace flags = latchkey::webauthn::flags;

namespace {

const QString kRpId = QStringLiteral("localhost");

QByteArray hashOf(const char* text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

MakeCredentialRequest makeRequest(const QByteArray& userId = "user-1")
{
    MakeCredentialRequest request;
    request.clientDataHash = hashOf("client data");
    request.rp = RpEntity{kRpId, QStringLiteral("Latchkey")};
    request.user = UserEntity{userId, QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
    request.pubKeyCredParams = {latchkey::webauthn::cose::ES256};
    request.rk = true;
    request.attestationFormatsPreference = {QStringLiteral("packed")};
    return request;
}

GetAssertionRequest assertionRequest(QList<CredentialDescriptor> allowList = {})
{
    GetAssertionRequest request;
    request.rpId = kRpId;
    request.clientDataHash = hashOf("assertion client data");
    request.allowList = std::move(allowList);
    return request;
}

// The credential public key, as SubjectPublicKeyInfo DER, from the makeCredential answer.
QByteArray publicKeyOf(const MakeCredentialResponse& made)
{
    return made.publicKeySpkiDer;
}

} // namespace

class TestLocalAuthenticator : public QObject {
    Q_OBJECT

private:
    InMemoryKeyStore* m_keys = nullptr;
    ScriptedUserVerifier* m_verifier = nullptr;
    LocalAuthenticator* m_authenticator = nullptr;

    AuthenticatorResult<MakeCredentialResponse> make(const MakeCredentialRequest& request)
    {
        Captured<AuthenticatorResult<MakeCredentialResponse>> captured;
        m_authenticator->makeCredential(request, captured.callback());
        [&] {
            QCOMPARE(captured.calls, 1);
        }();
        return *captured.value;
    }

    AuthenticatorResult<GetAssertionResponse> getAssertion(const GetAssertionRequest& request)
    {
        Captured<AuthenticatorResult<GetAssertionResponse>> captured;
        m_authenticator->getAssertion(request, captured.callback());
        [&] {
            QCOMPARE(captured.calls, 1);
        }();
        return *captured.value;
    }

    MakeCredentialResponse registered(const QByteArray& userId = "user-1", bool rk = true,
                                      const QString& rpId = kRpId)
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        MakeCredentialRequest request = makeRequest(userId);
        request.rk = rk;
        request.rp.id = rpId;
        auto made = make(request);
        [&] {
            QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        }();
        return *made;
    }

    // A request nothing here fits: the person dismisses the notice, and only then the error.
    AuthenticatorResult<GetAssertionResponse> afterNotice(const GetAssertionRequest& request)
    {
        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        const qsizetype asked = m_verifier->requests().size();
        auto result = getAssertion(request);
        [&] {
            QCOMPARE(m_verifier->requests().size(), asked + 1);
            QCOMPARE(m_verifier->requests().last().kind, VerificationKind::InformNoCredential);
        }();
        return result;
    }

    // Starts getAssertion with the verifier holding its answer.
    std::shared_ptr<Captured<AuthenticatorResult<GetAssertionResponse>>>
    startHeld(const GetAssertionRequest& request)
    {
        auto captured = std::make_shared<Captured<AuthenticatorResult<GetAssertionResponse>>>();
        m_verifier->script({});
        m_authenticator->getAssertion(request, captured->callback());
        return captured;
    }

private slots:
    void init()
    {
        m_keys = new InMemoryKeyStore;
        m_verifier = new ScriptedUserVerifier;
        m_authenticator = new LocalAuthenticator(*m_keys, *m_verifier);
    }

    void cleanup()
    {
        delete m_authenticator;
        delete m_verifier;
        delete m_keys;
    }

    void makeCredentialLaysOutAuthenticatorDataPerSpec()
    {
        const MakeCredentialResponse made = registered();
        const QByteArray& authData = made.authData;
        QCOMPARE(authData.left(32), hashOf("localhost"));
        QCOMPARE(flagsOf(authData), quint8(flags::UP | flags::UV | flags::AT));
        QCOMPARE(signCountOf(authData), 0u);
        QCOMPARE(authData.mid(37, 16), latchkeyAaguid());
        QCOMPARE(qFromBigEndian<quint16>(authData.constData() + 53), quint16(32));
        QCOMPARE(authData.mid(55, 32), made.credentialId);
        const QCborMap key = QCborValue::fromCbor(authData.mid(87)).toMap();
        QCOMPARE(key.value(1).toInteger(), 2);
        QCOMPARE(key.value(3).toInteger(), -7);
        QCOMPARE(key.value(-1).toInteger(), 1);
        QCOMPARE(key.value(-2).toByteArray().size(), 32);
        QCOMPARE(key.value(-3).toByteArray().size(), 32);
        QCOMPARE(key.toCborValue().toCbor().size(), authData.size() - 87);
    }

    void credentialIdsAreThirtyTwoRandomBytes()
    {
        const QByteArray first = registered("user-1").credentialId;
        const QByteArray second = registered("user-2").credentialId;
        QCOMPARE(first.size(), 32);
        QVERIFY(first != second);
    }

    void deviceBoundCredentialsHaveBackupFlagsClear()
    {
        const quint8 bits = flagsOf(registered().authData);
        QCOMPARE(bits & (flags::BE | flags::BS), 0);
    }

    void packedSelfAttestationSignsAuthDataAndClientDataHash()
    {
        const MakeCredentialResponse made = registered();
        QCOMPARE(made.fmt, QStringLiteral("packed"));
        QCOMPARE(made.attStmt.value(QStringLiteral("alg")).toInteger(), -7);
        QVERIFY(!made.attStmt.contains(QStringLiteral("x5c")));
        QVERIFY(verifyEs256(publicKeyOf(made), made.authData + hashOf("client data"),
                            made.attStmt.value(QStringLiteral("sig")).toByteArray()));
    }

    void noneAttestationWhenNoneIsPreferred()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        MakeCredentialRequest request = makeRequest();
        request.attestationFormatsPreference = {QStringLiteral("none")};
        const auto made = make(request);
        QVERIFY(made.ok());
        QCOMPARE(made->fmt, QStringLiteral("none"));
        QVERIFY(made->attStmt.isEmpty());
        QCOMPARE(made->authData.mid(37, 16), latchkeyAaguid());
    }

    void unsupportedAlgorithmIsRefusedWithoutAskingThePerson()
    {
        MakeCredentialRequest request = makeRequest();
        request.pubKeyCredParams = {latchkey::webauthn::cose::RS256,
                                    latchkey::webauthn::cose::EdDSA};
        const auto made = make(request);
        QVERIFY(!made.ok());
        QCOMPARE(made.error().status, CtapStatus::UnsupportedAlgorithm);
        QVERIFY(m_verifier->requests().isEmpty());
        QCOMPARE(m_keys->keyCount(), 0);
    }

    void userIdOutsideOneToSixtyFourBytesIsInvalid_data()
    {
        QTest::addColumn<QByteArray>("userId");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("65 bytes") << QByteArray(65, 'u');
    }

    void userIdOutsideOneToSixtyFourBytesIsInvalid()
    {
        QFETCH(QByteArray, userId);
        const auto made = make(makeRequest(userId));
        QVERIFY(!made.ok());
        QCOMPARE(made.error().status, CtapStatus::InvalidParameter);
    }

    void cancelledVerificationStoresNothing()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        const auto made = make(makeRequest());
        QVERIFY(!made.ok());
        QCOMPARE(made.error().status, CtapStatus::OperationDenied);
        QCOMPARE(m_keys->keyCount(), 0);
        QCOMPARE(m_keys->credentialCount(), 0);
    }

    void unavailableVerificationStoresNothing()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Unavailable);
        const auto made = make(makeRequest());
        QVERIFY(!made.ok());
        QCOMPARE(made.error().status, CtapStatus::OperationDenied);
        QCOMPARE(m_keys->keyCount(), 0);
    }

    // Honest flags: a click or Enter proves presence, never identity.
    void presenceAloneSetsUpAndNeverUv()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Present);
        const auto made = make(makeRequest());
        QVERIFY(made.ok());
        QCOMPARE(flagsOf(made->authData), quint8(flags::UP | flags::AT));
        QCOMPARE(m_verifier->requests().last().verifyUser, false);

        m_verifier->scriptOutcome(VerificationOutcome::Present);
        const auto asserted = getAssertion(assertionRequest({{made->credentialId, {}}}));
        QVERIFY(asserted.ok());
        QCOMPARE(flagsOf(asserted->authData), quint8(flags::UP));
    }

    void uvIsAskedOfTheVerifierAndSetOnlyWhenItVerified()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        MakeCredentialRequest request = makeRequest();
        request.uv = true;
        const auto made = make(request);
        QVERIFY(made.ok());
        QVERIFY(m_verifier->requests().last().verifyUser);
        QCOMPARE(flagsOf(made->authData), quint8(flags::UP | flags::UV | flags::AT));

        GetAssertionRequest get = assertionRequest({{made->credentialId, {}}});
        get.uv = true;
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto asserted = getAssertion(get);
        QVERIFY(m_verifier->requests().last().verifyUser);
        QCOMPARE(flagsOf(asserted->authData), quint8(flags::UP | flags::UV));
    }

    void presenceIsNoAnswerToARequestForVerification()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Present);
        MakeCredentialRequest request = makeRequest();
        request.uv = true;
        const auto made = make(request);
        QVERIFY(!made.ok());
        QCOMPARE(made.error().status, CtapStatus::OperationDenied);
        QCOMPARE(m_keys->keyCount(), 0);
    }

    void uvWithoutAVerifierIsAnUnsupportedOptionAskedOfNobody()
    {
        const MakeCredentialResponse made = registered();
        const qsizetype asked = m_verifier->requests().size();
        m_verifier->setVerifiesUser(false);
        QVERIFY(!m_authenticator->userVerifyingAvailable());
        MakeCredentialRequest request = makeRequest("user-2");
        request.uv = true;
        const auto refused = make(request);
        QCOMPARE(refused.error().status, CtapStatus::UnsupportedOption);
        GetAssertionRequest get = assertionRequest({{made.credentialId, {}}});
        get.uv = true;
        QCOMPARE(getAssertion(get).error().status, CtapStatus::UnsupportedOption);
        QCOMPARE(m_verifier->requests().size(), asked);
        QCOMPARE(m_keys->keyCount(), 1);
    }

    void failedVerificationIsDeniedWithItsReasonAndStoresNothing()
    {
        m_verifier->script({VerificationAnswer{VerificationOutcome::Failed, 0,
                                               QStringLiteral("Wrong password.")}});
        MakeCredentialRequest request = makeRequest();
        request.uv = true;
        const auto made = make(request);
        QCOMPARE(made.error().status, CtapStatus::OperationDenied);
        QCOMPARE(made.error().message, QStringLiteral("Wrong password."));
        QCOMPARE(m_keys->keyCount(), 0);
        QCOMPARE(m_keys->credentialCount(), 0);
    }

    void excludedCredentialIsReportedAfterUserPresence()
    {
        const MakeCredentialResponse first = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        MakeCredentialRequest request = makeRequest();
        request.excludeList = {CredentialDescriptor{QByteArray("unknown"), {}},
                               CredentialDescriptor{first.credentialId, {}}};
        const auto made = make(request);
        QVERIFY(!made.ok());
        QCOMPARE(made.error().status, CtapStatus::CredentialExcluded);
        QCOMPARE(m_verifier->requests().size(), 2); // the person was asked first
        QCOMPARE(m_keys->keyCount(), 1);
    }

    void excludedCredentialWithCancelIsOnlyDenied()
    {
        const MakeCredentialResponse first = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        MakeCredentialRequest request = makeRequest();
        request.excludeList = {CredentialDescriptor{first.credentialId, {}}};
        const auto made = make(request);
        QCOMPARE(made.error().status, CtapStatus::OperationDenied);
    }

    void excludedCredentialOfAnotherRpDoesNotBlock()
    {
        const MakeCredentialResponse first = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        MakeCredentialRequest request = makeRequest();
        request.rp.id = QStringLiteral("example.com");
        request.excludeList = {CredentialDescriptor{first.credentialId, {}}};
        QVERIFY(make(request).ok());
    }

    void assertionSignsAuthDataAndClientDataHash()
    {
        const MakeCredentialResponse made = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto asserted = getAssertion(assertionRequest({{made.credentialId, {}}}));
        QVERIFY(asserted.ok());
        QCOMPARE(asserted->credentialId, made.credentialId);
        QCOMPARE(asserted->authData.size(), 37);
        QCOMPARE(asserted->authData.left(32), hashOf("localhost"));
        QVERIFY(verifyEs256(publicKeyOf(made), asserted->authData + hashOf("assertion client data"),
                            asserted->signature));
        QCOMPARE(asserted->user->id, QByteArray("user-1"));
    }

    void signCounterIncreasesWithEveryAssertion()
    {
        const MakeCredentialResponse made = registered();
        quint32 previous = signCountOf(made.authData);
        for (int i = 0; i < 3; ++i) {
            m_verifier->scriptOutcome(VerificationOutcome::Verified);
            const auto asserted = getAssertion(assertionRequest({{made.credentialId, {}}}));
            QVERIFY(asserted.ok());
            QVERIFY(signCountOf(asserted->authData) > previous);
            previous = signCountOf(asserted->authData);
        }
        QCOMPARE(previous, 3u);
    }

    void userFlagsFollowTheVerifier()
    {
        const MakeCredentialResponse made = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto verified = getAssertion(assertionRequest({{made.credentialId, {}}}));
        QCOMPARE(flagsOf(verified->authData), quint8(flags::UP | flags::UV));

        GetAssertionRequest silent = assertionRequest({{made.credentialId, {}}});
        silent.up = false;
        const int asked = m_verifier->requests().size();
        const auto unverified = getAssertion(silent);
        QVERIFY(unverified.ok());
        QCOMPARE(flagsOf(unverified->authData), quint8(0));
        QCOMPARE(m_verifier->requests().size(), asked); // no prompt for a silent assertion

        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        const auto cancelled = getAssertion(assertionRequest({{made.credentialId, {}}}));
        QCOMPARE(cancelled.error().status, CtapStatus::OperationDenied);
    }

    void allowListSelectsOnlyListedCredentialsOfThisRp()
    {
        const MakeCredentialResponse first = registered("user-1");
        const MakeCredentialResponse second = registered("user-2");
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto asserted = getAssertion(assertionRequest({{second.credentialId, {}}}));
        QCOMPARE(asserted->credentialId, second.credentialId);

        GetAssertionRequest otherRp = assertionRequest({{first.credentialId, {}}});
        otherRp.rpId = QStringLiteral("example.com");
        const auto refused = afterNotice(otherRp);
        QCOMPARE(refused.error().status, CtapStatus::NoCredentials);

        const auto unknown = afterNotice(assertionRequest({{QByteArray("nope"), {}}}));
        QCOMPARE(unknown.error().status, CtapStatus::NoCredentials);
    }

    void discoverableCredentialIsFoundWithoutAllowList()
    {
        const MakeCredentialResponse made = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto asserted = getAssertion(assertionRequest());
        QVERIFY(asserted.ok());
        QCOMPARE(asserted->credentialId, made.credentialId);
        QCOMPARE(asserted->user->name, QStringLiteral("ada"));
        QCOMPARE(m_verifier->requests().last().userName, QStringLiteral("ada"));
    }

    void nonDiscoverableCredentialNeedsAllowList()
    {
        const MakeCredentialResponse made = registered("user-1", false);
        QVERIFY(!made.rk);
        const auto asserted = afterNotice(assertionRequest());
        QCOMPARE(asserted.error().status, CtapStatus::NoCredentials);
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        QVERIFY(getAssertion(assertionRequest({{made.credentialId, {}}})).ok());
    }

    void severalDiscoverableCredentialsLetThePersonChoose()
    {
        const MakeCredentialResponse older = registered("user-1");
        registered("user-2");
        m_verifier->script({VerificationAnswer{VerificationOutcome::Verified, 1}});
        const auto asserted = getAssertion(assertionRequest());
        QCOMPARE(m_verifier->requests().last().accounts.size(), 2);
        QCOMPARE(asserted->credentialId, older.credentialId); // newest first, so 1 is the older
    }

    void newDiscoverableCredentialReplacesTheAccountsOlderOne()
    {
        const MakeCredentialResponse older = registered("user-1");
        const MakeCredentialResponse other = registered("user-2");
        const MakeCredentialResponse newer = registered("user-1");
        const auto found = m_keys->discoverableCredentials(kRpId);
        QCOMPARE(found->size(), 2);
        QCOMPARE(found->at(0).credentialId, newer.credentialId);
        QCOMPARE(found->at(1).credentialId, other.credentialId);
        QCOMPARE(m_keys->keyCount(), 2);
        const auto stale = afterNotice(assertionRequest({{older.credentialId, {}}}));
        QCOMPARE(stale.error().status, CtapStatus::NoCredentials);
    }

    void nonDiscoverableCredentialsDoNotReplaceEachOther()
    {
        registered("user-1", false);
        registered("user-1", false);
        QCOMPARE(m_keys->keyCount(), 2);
    }

    // ---- No matching credential (WebAuthn L3 §14.6.2: no silent probing) ---------------------

    void noMatchingCredentialIsReportedOnlyAfterTheNoticeIsDismissed()
    {
        registered("user-1");
        const auto captured = startHeld(assertionRequest({{QByteArray(32, 'n'), {}}}));
        QCOMPARE(captured->calls, 0); // nothing reaches the page while the notice is open
        QVERIFY(m_verifier->pending());
        const VerificationRequest& notice = m_verifier->requests().last();
        QCOMPARE(notice.kind, VerificationKind::InformNoCredential);
        QCOMPARE(notice.rpId, kRpId);
        QVERIFY(notice.userName.isEmpty());
        QVERIFY(notice.accounts.isEmpty());
        m_verifier->answer(VerificationAnswer{VerificationOutcome::Cancelled, 0});
        QCOMPARE(captured->calls, 1);
        QCOMPARE(captured->value->error().status, CtapStatus::NoCredentials);
    }

    void noDiscoverableCredentialShowsTheNoticeToo()
    {
        registered("user-1", true, QStringLiteral("example.org"));
        const auto captured = startHeld(assertionRequest());
        QCOMPARE(captured->calls, 0);
        QCOMPARE(m_verifier->requests().last().kind, VerificationKind::InformNoCredential);
        // A notice verifies nobody: even a Verified answer signs nothing.
        m_verifier->answer(VerificationAnswer{VerificationOutcome::Verified, 0});
        QCOMPARE(captured->calls, 1);
        QCOMPARE(captured->value->error().status, CtapStatus::NoCredentials);
    }

    void noMatchReadsToThePageExactlyAsACancel()
    {
        const MakeCredentialResponse made = registered();
        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        const ClientError declined =
            toClientError(getAssertion(assertionRequest({{made.credentialId, {}}})).error());
        const ClientError absent =
            toClientError(afterNotice(assertionRequest({{QByteArray(32, 'n'), {}}})).error());
        QCOMPARE(absent.name, DomErrorName::NotAllowedError);
        QCOMPARE(absent.name, declined.name);
        QCOMPARE(absent.message, declined.message);
    }

    void cancelClosesTheNoticeAndAnswers()
    {
        const auto captured = startHeld(assertionRequest());
        QVERIFY(m_verifier->pending());
        m_authenticator->cancel(); // the ceremony's timeout or the page's abort
        QVERIFY(!m_verifier->pending());
        QCOMPARE(captured->calls, 1);
        QCOMPARE(captured->value->error().status, CtapStatus::NoCredentials);
        QCOMPARE(afterNotice(assertionRequest()).error().status,
                 CtapStatus::NoCredentials); // and the authenticator is free again
    }

    void silentAssertionWithNoMatchAsksNobody()
    {
        GetAssertionRequest silent = assertionRequest();
        silent.up = false;
        const auto refused = getAssertion(silent);
        QCOMPARE(refused.error().status, CtapStatus::NoCredentials);
        QVERIFY(m_verifier->requests().isEmpty());
    }

    // ---- Signal API (WebAuthn L3 §5.1.10) ------------------------------------------------

    void unknownCredentialSignalDeletesThatCredential()
    {
        const MakeCredentialResponse gone = registered("user-1");
        const MakeCredentialResponse kept = registered("user-2");
        const int asked = m_verifier->requests().size();
        QCOMPARE(*m_authenticator->forgetCredential(kRpId, gone.credentialId), 1);
        QCOMPARE(m_keys->keyCount(), 1);
        QCOMPARE(m_keys->credentialCount(), 1);
        QVERIFY(!m_keys->findCredential(kRpId, gone.credentialId)->has_value());
        QVERIFY(m_keys->findCredential(kRpId, kept.credentialId)->has_value());
        QCOMPARE(m_verifier->requests().size(), asked); // silent: nobody was asked
    }

    void unknownCredentialSignalNeverDeletesAnotherRpsCredential()
    {
        const MakeCredentialResponse other =
            registered("user-1", true, QStringLiteral("example.org"));
        QCOMPARE(*m_authenticator->forgetCredential(kRpId, other.credentialId), 0);
        QCOMPARE(m_keys->keyCount(), 1);
        QVERIFY(
            m_keys->findCredential(QStringLiteral("example.org"), other.credentialId)->has_value());
    }

    void unknownCredentialSignalForAnIdNotHeldChangesNothing()
    {
        registered("user-1");
        QCOMPARE(*m_authenticator->forgetCredential(kRpId, QByteArray(32, 'x')), 0);
        QCOMPARE(m_keys->keyCount(), 1);
    }

    void allAcceptedSignalDeletesTheUsersCredentialsNotListed()
    {
        const MakeCredentialResponse unlisted = registered("user-1");
        QCOMPARE(*m_authenticator->keepAcceptedCredentials(kRpId, "user-1", {QByteArray(32, 'a')}),
                 1);
        QVERIFY(!m_keys->findCredential(kRpId, unlisted.credentialId)->has_value());
        QCOMPARE(m_keys->keyCount(), 0);
    }

    void allAcceptedSignalKeepsListedCredentialsAndOtherUsers()
    {
        const MakeCredentialResponse mine = registered("user-1");
        const MakeCredentialResponse theirs = registered("user-2");
        const MakeCredentialResponse otherRp =
            registered("user-1", true, QStringLiteral("example.org"));
        QCOMPARE(*m_authenticator->keepAcceptedCredentials(kRpId, "user-1", {mine.credentialId}),
                 0);
        QCOMPARE(m_keys->keyCount(), 3);
        QCOMPARE(*m_authenticator->keepAcceptedCredentials(kRpId, "user-1", {}), 1);
        QVERIFY(!m_keys->findCredential(kRpId, mine.credentialId)->has_value());
        QVERIFY(m_keys->findCredential(kRpId, theirs.credentialId)->has_value());
        QVERIFY(m_keys->findCredential(QStringLiteral("example.org"), otherRp.credentialId)
                    ->has_value());
        QCOMPARE(m_keys->keyCount(), 2);
    }

    void currentUserDetailsSignalRenamesTheAccount()
    {
        const MakeCredentialResponse mine = registered("user-1");
        QCOMPARE(*m_authenticator->updateUserDetails(
                     kRpId, UserEntity{"user-1", QStringLiteral("ada2"), QStringLiteral("Ada L.")}),
                 1);
        const auto record = m_keys->findCredential(kRpId, mine.credentialId);
        QCOMPARE(record->value().userName, QStringLiteral("ada2"));
        QCOMPARE(record->value().userDisplayName, QStringLiteral("Ada L."));
    }

    void onlyOneOperationAtATime()
    {
        m_authenticator->makeCredential(makeRequest(), [](auto) {});
        QVERIFY(m_verifier->pending());
        const auto second = make(makeRequest("user-2"));
        QCOMPARE(second.error().status, CtapStatus::NotAllowed);
        m_authenticator->cancel();
        QVERIFY(!m_verifier->pending());
        QCOMPARE(m_keys->keyCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalAuthenticator)
#include "test_local_authenticator.moc"
