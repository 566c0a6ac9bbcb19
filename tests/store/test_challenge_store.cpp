#include "store/challenge_store.h"
#include "store/database.h"
#include "store/session_store.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUuid>
#include <barrier>
#include <chrono>
#include <memory>
#include <vector>

using namespace latchkey::store;
using namespace latchkey::store::testing;
using namespace std::chrono_literals;

namespace {

constexpr auto registration = ChallengePurpose::Registration;
constexpr auto authentication = ChallengePurpose::Authentication;

// --- Concurrent takers ---

constexpr int races = 25;

struct RaceTally {
    QString openError;
    QList<bool> won; // per race
    QStringList unexpected;
};

// One taker on a connection of its own (Qt SQL connections belong to one thread). For each
// race both takers leave the barrier together and take the same pending ceremony.
void takeEach(const QString& path, const QList<qint64>& sessionIds, std::barrier<>& start,
              RaceTally& tally)
{
    auto database = Database::open(path);
    if (!database) {
        tally.openError = database.error().message;
    }
    for (qsizetype race = 0; race < sessionIds.size(); ++race) {
        start.arrive_and_wait();
        if (!database) {
            tally.won.append(false);
            continue;
        }
        auto consumed = ChallengeStore(**database).take(sessionIds[race], authentication, at(1s));
        tally.won.append(consumed.ok());
        if (!consumed && consumed.error().code != StoreError::Code::NotFound) {
            tally.unexpected.append(consumed.error().message);
        }
    }
}

} // namespace

class TestChallengeStore : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        m_database.reset();
        m_path = m_files.nextPath();
        auto database = Database::open(m_path);
        QVERIFY2(database.ok(), qPrintable(database ? QString() : database.error().message));
        m_database = std::move(*database);
        auto alice = UserStore(*m_database)
                         .create({QStringLiteral("alice"), {}, QStringLiteral("a@example.org")});
        QVERIFY(alice.ok());
        m_alice = alice->id;
        SessionStore sessions(*m_database);
        auto first = sessions.create(std::nullopt, t0());
        auto second = sessions.create(std::nullopt, t0());
        QVERIFY(first.ok() && second.ok());
        m_session = first->session.id;
        m_otherSession = second->session.id;
        m_sessionToken = first->token;
    }

    void cleanup() { m_database.reset(); }

    // --- Issuing ---

    void aChallengeHasAtLeast16Bytes_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("empty") << 0 << false;
        QTest::addRow("15 bytes") << 15 << false;
        QTest::addRow("16 bytes") << 16 << true;
        QTest::addRow("32 bytes") << 32 << true;
        QTest::addRow("64 bytes") << 64 << true;
    }

    void aChallengeHasAtLeast16Bytes()
    {
        QFETCH(int, size);
        QFETCH(bool, accepted);
        ChallengeStore challenges(*m_database);
        const QByteArray challenge(size, '\x5a');
        auto issued =
            challenges.issue(m_session, registration, m_alice, stateFor(challenge, t0()), t0());
        QCOMPARE(issued.ok(), accepted);
        if (!accepted) {
            QCOMPARE(issued.error().code, StoreError::Code::Invalid);
            QVERIFY(issued.error().message.contains(QLatin1String("16 bytes")));
        }
        QCOMPARE(challengeCount(), accepted ? 1 : 0);
    }

    void issueRecordsPurposeProfileAndExpiry()
    {
        ChallengeStore challenges(*m_database);
        auto issued = challenges.issue(m_session, registration, m_alice,
                                       stateFor(randomChallenge(), t0()), t0());
        QVERIFY2(issued.ok(), qPrintable(issued ? QString() : issued.error().message));
        QCOMPARE(issued->sessionId, m_session);
        QCOMPARE(issued->purpose, registration);
        QCOMPARE(issued->userId, std::optional<qint64>(m_alice));
        QCOMPARE(issued->createdAt, t0());
        QCOMPARE(issued->expiresAt, at(5min));
        RawConnection raw(m_path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT purpose FROM challenges")).toString(),
                 QStringLiteral("registration"));
    }

    // The store keeps the relying party's state as it made it, and gives back the same.
    void theCeremonyStateIsKeptWhole()
    {
        ChallengeStore challenges(*m_database);
        auto state = stateFor(randomChallenge(), t0());
        state.user = QByteArray(32, '\x07');
        state.allowCredentials = {QByteArray(16, '\x01'), QByteArray(70, '\x02')};
        state.userVerification = latchkey::webauthn::UserVerification::Required;
        QVERIFY(challenges.issue(m_session, authentication, m_alice, state, t0()).ok());
        RawConnection raw(m_path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT state FROM challenges")).toByteArray(),
                 state.toCbor());
        auto taken = challenges.take(m_session, authentication, at(1s));
        QVERIFY2(taken.ok(), qPrintable(taken ? QString() : taken.error().message));
        QCOMPARE(taken->state.type, state.type);
        QCOMPARE(taken->state.challenge.bytes(), state.challenge.bytes());
        QCOMPARE(taken->state.user, state.user);
        QCOMPARE(taken->state.allowCredentials, state.allowCredentials);
        QCOMPARE(taken->state.userVerification, state.userVerification);
        QCOMPARE(taken->state.expiresAt, state.expiresAt);
    }

    // A state the store cannot read (written by something else) is refused and spent.
    void anUnreadableStateIsRefusedAndDeleted()
    {
        ChallengeStore challenges(*m_database);
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt,
                           stateFor(randomChallenge(), t0()), t0())
                    .ok());
        RawConnection raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("UPDATE challenges SET state = x'a1'")));
        auto taken = challenges.take(m_session, authentication, at(1s));
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, StoreError::Code::Invalid);
        QCOMPARE(challengeCount(), 0);
    }

    void aChallengeForAnUnknownSessionIsNotIssued()
    {
        ChallengeStore challenges(*m_database);
        auto issued = challenges.issue(m_otherSession + 1000, authentication, std::nullopt,
                                       stateFor(randomChallenge(), t0()), t0());
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, StoreError::Code::NotFound);
        QCOMPARE(challengeCount(), 0);
    }

    void aChallengeForAnExpiredSessionIsNotIssued()
    {
        // The session was created at t0 with the default 30-minute idle timeout.
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(challenge, t0()), t0())
                    .ok());
        auto issued = challenges.issue(m_session, authentication, std::nullopt,
                                       stateFor(randomChallenge(), at(30min)), at(30min));
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, StoreError::Code::NotFound);
        QVERIFY2(issued.error().message.contains(QLatin1String("session has expired")),
                 qPrintable(issued.error().message));
        // The refused issue did not replace the pending challenge.
        QCOMPARE(challengeCount(), 1);
        QVERIFY(challenges.take(m_session, authentication, at(1min)).ok());
    }

    void aChallengeForAnUnknownProfileIsNotIssued()
    {
        ChallengeStore challenges(*m_database);
        auto issued = challenges.issue(m_session, registration, m_alice + 1000,
                                       stateFor(randomChallenge(), t0()), t0());
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, StoreError::Code::NotFound);
        QCOMPARE(challengeCount(), 0);
    }

    void aLifetimeOutOfRangeIsRefused()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QCOMPARE(
            challenges.issue(m_session, registration, m_alice, stateFor(challenge, t0(), 0ms), t0())
                .error()
                .code,
            StoreError::Code::Invalid);
        QCOMPARE(
            challenges.issue(m_session, registration, m_alice, stateFor(challenge, t0(), 2h), t0())
                .error()
                .code,
            StoreError::Code::Invalid);
        QCOMPARE(challenges
                     .issue(m_session, registration, m_alice, stateFor(challenge, QDateTime()),
                            QDateTime())
                     .error()
                     .code,
                 StoreError::Code::Invalid);
        QCOMPARE(challengeCount(), 0);
    }

    void aNewChallengeReplacesTheOlder()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray older = randomChallenge();
        const QByteArray newer = randomChallenge();
        QVERIFY(
            challenges.issue(m_session, authentication, std::nullopt, stateFor(older, t0()), t0())
                .ok());
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(newer, at(1s)), at(1s))
                    .ok());
        QCOMPARE(challengeCount(), 1);
        auto current = challenges.take(m_session, authentication, at(2s));
        QVERIFY(current.ok());
        QCOMPARE(current->createdAt, at(1s));
        QCOMPARE(current->state.challenge.bytes(), newer);
        QVERIFY(!current->state.challenge.matches(older));
        QCOMPARE(challenges.take(m_session, authentication, at(2s)).error().code,
                 StoreError::Code::NotFound);
    }

    void pendingChallengesOfOtherPurposesAndSessionsAreKept()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray forRegistration = randomChallenge();
        const QByteArray forSignIn = randomChallenge();
        const QByteArray elsewhere = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, registration, m_alice, stateFor(forRegistration, t0()), t0())
                    .ok());
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(forSignIn, t0()), t0())
                    .ok());
        QVERIFY(challenges
                    .issue(m_otherSession, authentication, std::nullopt, stateFor(elsewhere, t0()),
                           t0())
                    .ok());
        QCOMPARE(challengeCount(), 3);
        QCOMPARE(challenges.take(m_session, registration, at(1s))->state.challenge.bytes(),
                 forRegistration);
        QCOMPARE(challenges.take(m_session, authentication, at(1s))->state.challenge.bytes(),
                 forSignIn);
        QCOMPARE(challenges.take(m_otherSession, authentication, at(1s))->state.challenge.bytes(),
                 elsewhere);
    }

    // --- Consuming ---

    void consumeReturnsWhatWasIssued()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges.issue(m_session, registration, m_alice, stateFor(challenge, t0()), t0())
                    .ok());
        auto consumed = challenges.take(m_session, registration, at(4min));
        QVERIFY2(consumed.ok(), qPrintable(consumed ? QString() : consumed.error().message));
        QCOMPARE(consumed->sessionId, m_session);
        QCOMPARE(consumed->purpose, registration);
        QCOMPARE(consumed->userId, std::optional<qint64>(m_alice));
        QCOMPARE(consumed->createdAt, t0());
        QCOMPARE(consumed->expiresAt, at(5min));
        QCOMPARE(consumed->state.challenge.bytes(), challenge);
    }

    void aChallengeIsSingleUse()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(challenge, t0()), t0())
                    .ok());
        QVERIFY(challenges.take(m_session, authentication, at(1s)).ok());
        QCOMPARE(challengeCount(), 0);
        auto second = challenges.take(m_session, authentication, at(2s));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, StoreError::Code::NotFound);
        QVERIFY(second.error().message.contains(QLatin1String("Start again")));
    }

    // Prints what one ceremony's challenge costs here: two durable transactions.
    void everyIssuedChallengeIsConsumedExactlyOnce()
    {
        constexpr int ceremonies = 100;
        SessionStore sessions(*m_database);
        ChallengeStore challenges(*m_database);
        QList<qint64> sessionIds;
        for (int i = 0; i < ceremonies; ++i) {
            auto session = sessions.create(std::nullopt, t0());
            QVERIFY(session.ok());
            sessionIds.append(session->session.id);
        }
        QList<QByteArray> values;
        QElapsedTimer issuing;
        issuing.start();
        for (qint64 sessionId : sessionIds) {
            values.append(randomChallenge());
            QVERIFY(challenges
                        .issue(sessionId, authentication, std::nullopt,
                               stateFor(values.last(), t0()), t0())
                        .ok());
        }
        const qint64 issueNs = issuing.nsecsElapsed();
        QElapsedTimer consuming;
        consuming.start();
        for (int i = 0; i < ceremonies; ++i) {
            QVERIFY(challenges.take(sessionIds[i], authentication, at(1s)).ok());
        }
        const qint64 consumeNs = consuming.nsecsElapsed();
        for (int i = 0; i < ceremonies; ++i) {
            QVERIFY(!challenges.take(sessionIds[i], authentication, at(1s)).ok());
        }
        QCOMPARE(challengeCount(), 0);
        qInfo("challenge: issue %.2f ms, consume %.2f ms (one durable transaction each)",
              static_cast<double>(issueNs) / 1e6 / ceremonies,
              static_cast<double>(consumeNs) / 1e6 / ceremonies);
    }

    void anExpiredChallengeIsRefusedAndDeleted()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(challenge, t0()), t0())
                    .ok());
        auto late = challenges.take(m_session, authentication, at(5min));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, StoreError::Code::NotFound);
        QVERIFY2(late.error().message.contains(QLatin1String("expired")),
                 qPrintable(late.error().message));
        QCOMPARE(challengeCount(), 0);
        // Gone, not just refused: a clock that goes back does not bring it back.
        QVERIFY(!challenges.take(m_session, authentication, at(1min)).ok());
    }

    void anExpiredChallengeIsDeletedWhateverBytesAreSent()
    {
        ChallengeStore challenges(*m_database);
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt,
                           stateFor(randomChallenge(), t0()), t0())
                    .ok());
        auto late = challenges.take(m_session, authentication, at(6min));
        QVERIFY(!late.ok());
        QCOMPARE(challengeCount(), 0);
    }

    void aChallengeOutlivingItsSessionIsRefusedAndDeleted()
    {
        // Issued near the end of the session's 30-minute idle timeout: the challenge has
        // minutes left when the session idles out.
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(challenge, at(29min)),
                           at(29min))
                    .ok());
        auto late = challenges.take(m_session, authentication, at(31min));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, StoreError::Code::NotFound);
        QVERIFY2(late.error().message.contains(QLatin1String("session has expired")),
                 qPrintable(late.error().message));
        QCOMPARE(challengeCount(), 0);
    }

    void theLifetimeEndsToTheMillisecond()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(challenge, t0(), 30s),
                           t0())
                    .ok());
        QVERIFY(challenges.take(m_session, authentication, at(30s - 1ms)).ok());
    }

    void aChallengeOfAnotherSessionIsRefused()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray mine = randomChallenge();
        QVERIFY(
            challenges.issue(m_session, authentication, std::nullopt, stateFor(mine, t0()), t0())
                .ok());
        // The other session has nothing pending: refused.
        auto stolen = challenges.take(m_otherSession, authentication, at(1s));
        QVERIFY(!stolen.ok());
        QCOMPARE(stolen.error().code, StoreError::Code::NotFound);
        const QByteArray theirs = randomChallenge();
        QVERIFY(
            challenges
                .issue(m_otherSession, authentication, std::nullopt, stateFor(theirs, t0()), t0())
                .ok());
        // The other session with one of its own gets its own, never this one.
        const QByteArray theirs2 = theirs;
        auto crossed = challenges.take(m_otherSession, authentication, at(1s));
        QVERIFY(crossed.ok());
        QCOMPARE(crossed->state.challenge.bytes(), theirs2);
        QCOMPARE(challengeCount(), 1);
        QCOMPARE(challenges.take(m_session, authentication, at(2s))->state.challenge.bytes(), mine);
    }

    void aChallengeOfAnotherPurposeIsRefused()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges.issue(m_session, registration, m_alice, stateFor(challenge, t0()), t0())
                    .ok());
        auto wrong = challenges.take(m_session, authentication, at(1s));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, StoreError::Code::NotFound);
        QVERIFY(challenges.take(m_session, registration, at(1s)).ok());
    }

    // Taking is spending: the store does not look at what the browser answered, so an answer
    // to another challenge has used the pending ceremony up too (the verifier then refuses it).
    void aTakenCeremonyIsSpentWhateverTheAnswer()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt, stateFor(challenge, t0()), t0())
                    .ok());
        auto taken = challenges.take(m_session, authentication, at(1s));
        QVERIFY(taken.ok());
        QByteArray almost = challenge;
        almost[31] = static_cast<char>(almost[31] ^ 1);
        QVERIFY(!taken->state.challenge.matches(almost));
        QCOMPARE(challengeCount(), 0);
        QCOMPARE(challenges.take(m_session, authentication, at(1s)).error().code,
                 StoreError::Code::NotFound);
    }

    // Two connections (as two server threads or two processes would have) race to consume
    // the same challenge: the read and the delete are one write transaction, so exactly one
    // of them gets it, every time, and the other is told it is gone (not an I/O error).
    void concurrentConsumeFromTwoConnectionsExactlyOneSucceeds()
    {
        QList<qint64> sessionIds;
        SessionStore sessions(*m_database);
        ChallengeStore challenges(*m_database);
        for (int race = 0; race < races; ++race) {
            auto session = sessions.create(std::nullopt, t0());
            QVERIFY(session.ok());
            QVERIFY(challenges
                        .issue(session->session.id, authentication, std::nullopt,
                               stateFor(randomChallenge(), t0()), t0())
                        .ok());
            sessionIds.append(session->session.id);
        }
        std::barrier start(2);
        RaceTally first;
        RaceTally second;
        std::unique_ptr<QThread> a(
            QThread::create(takeEach, m_path, sessionIds, std::ref(start), std::ref(first)));
        std::unique_ptr<QThread> b(
            QThread::create(takeEach, m_path, sessionIds, std::ref(start), std::ref(second)));
        a->start();
        b->start();
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        QVERIFY2(first.openError.isEmpty(), qPrintable(first.openError));
        QVERIFY2(second.openError.isEmpty(), qPrintable(second.openError));
        QVERIFY2(first.unexpected.isEmpty(), qPrintable(first.unexpected.join('\n')));
        QVERIFY2(second.unexpected.isEmpty(), qPrintable(second.unexpected.join('\n')));
        QCOMPARE(first.won.size(), races);
        QCOMPARE(second.won.size(), races);
        for (int race = 0; race < races; ++race) {
            QVERIFY2(first.won[race] != second.won[race],
                     qPrintable(QStringLiteral("race %1: %2 winners")
                                    .arg(race)
                                    .arg(int(first.won[race]) + int(second.won[race]))));
        }
        QCOMPARE(challengeCount(), 0);
    }

    // --- Cascades and purging ---

    void endingTheSessionDeletesItsChallenges()
    {
        ChallengeStore challenges(*m_database);
        QVERIFY(challenges
                    .issue(m_session, authentication, std::nullopt,
                           stateFor(randomChallenge(), t0()), t0())
                    .ok());
        QVERIFY(challenges
                    .issue(m_otherSession, authentication, std::nullopt,
                           stateFor(randomChallenge(), t0()), t0())
                    .ok());
        QVERIFY(SessionStore(*m_database).remove(m_sessionToken).ok());
        QCOMPARE(challengeCount(), 1);
    }

    void deletingTheProfileDeletesItsChallenges()
    {
        ChallengeStore challenges(*m_database);
        QVERIFY(
            challenges
                .issue(m_session, registration, m_alice, stateFor(randomChallenge(), t0()), t0())
                .ok());
        QVERIFY(challenges
                    .issue(m_otherSession, authentication, std::nullopt,
                           stateFor(randomChallenge(), t0()), t0())
                    .ok());
        QVERIFY(UserStore(*m_database).remove(m_alice).ok());
        QCOMPARE(challengeCount(), 1);
    }

    void purgeExpiredDeletesOnlyExpiredChallenges()
    {
        ChallengeStore challenges(*m_database);
        const QByteArray live = randomChallenge();
        QVERIFY(challenges
                    .issue(m_session, registration, m_alice,
                           stateFor(randomChallenge(), t0(), 1min), t0())
                    .ok());
        QVERIFY(
            challenges.issue(m_session, authentication, std::nullopt, stateFor(live, t0()), t0())
                .ok());
        auto purged = challenges.purgeExpired(at(1min));
        QVERIFY(purged.ok());
        QCOMPARE(*purged, 1);
        QCOMPARE(challengeCount(), 1);
        QVERIFY(challenges.take(m_session, authentication, at(1min)).ok());
    }

private:
    int challengeCount() const
    {
        return RawConnection(m_path)
            .scalar(QStringLiteral("SELECT count(*) FROM challenges"))
            .toInt();
    }

    FreshDatabaseFiles m_files{QStringLiteral("challenges")};
    QString m_path;
    std::unique_ptr<Database> m_database;
    qint64 m_alice = 0;
    qint64 m_session = 0;
    qint64 m_otherSession = 0;
    SessionToken m_sessionToken;
};

QTEST_GUILESS_MAIN(TestChallengeStore)
#include "test_challenge_store.moc"
