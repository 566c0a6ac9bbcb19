#include "store/challenge_store.h"
#include "store/database.h"
#include "store/session_store.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <chrono>

using namespace latchkey::store;
using namespace latchkey::store::testing;
using namespace std::chrono_literals;

namespace {

const SessionPolicy halfHourIdleTwoHoursAbsolute{30min, 2h};

QByteArray sha256(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

} // namespace

class TestSessionStore : public QObject {
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
        auto people = createAliceAndBob(*m_database);
        QVERIFY(people.ok());
        m_alice = people->alice;
        m_bob = people->bob;
    }

    void cleanup() { m_database.reset(); }

    // --- Tokens ---

    void theTokenIs32RandomBytes()
    {
        SessionStore sessions(*m_database);
        auto first = sessions.create(std::nullopt, t0());
        auto second = sessions.create(std::nullopt, t0());
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->token.bytes().size(), 32);
        QCOMPARE(second->token.bytes().size(), 32);
        QVERIFY(first->token.isWellFormed());
        QVERIFY(first->token.bytes() != second->token.bytes());
        QVERIFY(first->token.bytes() != QByteArray(32, '\0'));
        QVERIFY(first->session.id != second->session.id);
    }

    void onlyTheTokenHashIsStored()
    {
        QList<QByteArray> tokens;
        {
            SessionStore sessions(*m_database);
            for (int i = 0; i < 3; ++i) {
                auto issued = sessions.create(m_alice, t0());
                QVERIFY(issued.ok());
                tokens.append(issued->token.bytes());
            }
            RawConnection raw(m_path);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT hex(token_hash) FROM sessions ORDER BY "
                                               "id LIMIT 1"))
                         .toString(),
                     QString::fromLatin1(sha256(tokens.first()).toHex().toUpper()));
            // Still in the write-ahead log: search both files.
            const QByteArray onDisk = fileBytes(m_path) + fileBytes(m_path + "-wal");
            for (const QByteArray& token : tokens) {
                QVERIFY(!onDisk.contains(token));
                QVERIFY(!onDisk.contains(token.toHex()));
                QVERIFY(!onDisk.contains(SessionToken::fromBytes(token).toBase64Url()));
                QVERIFY(onDisk.contains(sha256(token)));
            }
        }
        m_database.reset(); // the last connection checkpoints the log into the file
        const QByteArray onDisk = fileBytes(m_path);
        for (const QByteArray& token : tokens) {
            QVERIFY(!onDisk.contains(token));
            QVERIFY(onDisk.contains(sha256(token)));
        }
    }

    void theTokenRoundTripsThroughItsCookieForm()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(std::nullopt, t0());
        QVERIFY(issued.ok());
        const QByteArray cookie = issued->token.toBase64Url();
        QCOMPARE(cookie.size(), 43); // 32 bytes, base64url, no padding
        QVERIFY(!cookie.contains('=') && !cookie.contains('+') && !cookie.contains('/'));
        const SessionToken back = SessionToken::fromBase64Url(cookie);
        QCOMPARE(back.bytes(), issued->token.bytes());
        QVERIFY(sessions.findValid(back, t0()).ok());
    }

    void aMalformedCookieNamesNoSession_data()
    {
        QTest::addColumn<QByteArray>("cookie");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("not base64url") << QByteArray("!!!!not*base64!!!!");
        QTest::addRow("31 bytes") << QByteArray(31, 'a').toBase64(QByteArray::Base64UrlEncoding);
        QTest::addRow("33 bytes") << QByteArray(33, 'a').toBase64(QByteArray::Base64UrlEncoding);
    }

    void aMalformedCookieNamesNoSession()
    {
        QFETCH(QByteArray, cookie);
        SessionStore sessions(*m_database);
        QVERIFY(sessions.create(std::nullopt, t0()).ok());
        const SessionToken token = SessionToken::fromBase64Url(cookie);
        QVERIFY(!token.isWellFormed());
        auto found = sessions.findValid(token, t0());
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, StoreError::Code::NotFound);
    }

    // --- Creating and finding ---

    void createStoresTheSessionAsAsked()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY2(issued.ok(), qPrintable(issued ? QString() : issued.error().message));
        QCOMPARE(issued->session.userId, std::optional<qint64>(m_alice));
        QCOMPARE(issued->session.createdAt, t0());
        QCOMPARE(issued->session.lastSeenAt, t0());
        QCOMPARE(issued->session.expiresAt, at(2h));
        QCOMPARE(issued->session.idleTimeout, std::chrono::milliseconds(30min));

        auto found = sessions.findValid(issued->token, at(10s));
        QVERIFY(found.ok());
        QCOMPARE(found->id, issued->session.id);
        QCOMPARE(found->userId, std::optional<qint64>(m_alice));
        QCOMPARE(found->createdAt, t0());
        QCOMPARE(found->expiresAt, at(2h));
        QCOMPARE(found->createdAt.timeSpec(), Qt::UTC);
    }

    void aSessionBeforeSignInHasNoProfile()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(std::nullopt, t0());
        QVERIFY(issued.ok());
        auto found = sessions.findValid(issued->token, t0());
        QVERIFY(found.ok());
        QVERIFY(!found->userId.has_value());
    }

    void anUnknownTokenIsNotFound()
    {
        SessionStore sessions(*m_database);
        QVERIFY(sessions.create(m_alice, t0()).ok());
        auto found = sessions.findValid(SessionToken::fromBytes(QByteArray(32, '\x42')), t0());
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, StoreError::Code::NotFound);
        QVERIFY(found.error().message.contains(QLatin1String("Sign in again")));
    }

    void aSessionForAnUnknownProfileIsNotCreated()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice + m_bob + 100, t0());
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, StoreError::Code::NotFound);
        QCOMPARE(sessionCount(), 0);
    }

    void aPolicyOutOfRangeIsRefused_data()
    {
        QTest::addColumn<qint64>("idleMs");
        QTest::addColumn<qint64>("absoluteMs");
        QTest::addRow("zero idle") << qint64(0) << qint64(3600000);
        QTest::addRow("negative idle") << qint64(-1) << qint64(3600000);
        QTest::addRow("zero lifetime") << qint64(60000) << qint64(0);
        QTest::addRow("over 366 days") << qint64(60000) << qint64(367) * 24 * 3600 * 1000;
    }

    void aPolicyOutOfRangeIsRefused()
    {
        QFETCH(qint64, idleMs);
        QFETCH(qint64, absoluteMs);
        SessionStore sessions(*m_database);
        auto issued = sessions.create(
            m_alice, t0(),
            {std::chrono::milliseconds(idleMs), std::chrono::milliseconds(absoluteMs)});
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, StoreError::Code::Invalid);
        QCOMPARE(sessionCount(), 0);
    }

    void anInvalidTimeIsRefused()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, QDateTime());
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, StoreError::Code::Invalid);
        auto good = sessions.create(m_alice, t0());
        QVERIFY(good.ok());
        QCOMPARE(sessions.findValid(good->token, QDateTime()).error().code,
                 StoreError::Code::Invalid);
        QCOMPARE(sessionCount(), 1);
    }

    // --- Expiry ---

    void idleExpiry()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(issued.ok());
        // Activity every 29 minutes keeps it alive well past one idle timeout...
        QVERIFY(sessions.findValid(issued->token, at(29min)).ok());
        QVERIFY(sessions.findValid(issued->token, at(58min)).ok());
        // ...a gap of the full idle timeout ends it, and the row with it.
        auto found = sessions.findValid(issued->token, at(58min + 30min));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, StoreError::Code::NotFound);
        QCOMPARE(sessionCount(), 0);
        QVERIFY(!sessions.findValid(issued->token, at(58min)).ok());
    }

    void idleExpiryIsExactToTheMillisecond()
    {
        SessionStore sessions(*m_database);
        auto first = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        auto second = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(sessions.findValid(first->token, at(30min - 1ms)).ok());
        QVERIFY(!sessions.findValid(second->token, at(30min)).ok());
    }

    void absoluteExpiry()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(issued.ok());
        // Constant activity does not extend the absolute lifetime.
        for (auto offset = 10min; offset < 2h; offset += 10min) {
            QVERIFY2(sessions.findValid(issued->token, at(offset)).ok(),
                     qPrintable(QStringLiteral("at %1 min").arg(offset.count())));
        }
        QVERIFY(sessions.findValid(issued->token, at(2h - 1ms)).ok());
        auto found = sessions.findValid(issued->token, at(2h));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, StoreError::Code::NotFound);
        QCOMPARE(sessionCount(), 0);
    }

    void activityIsWrittenAtMostOnceAMinute()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(issued.ok());
        QCOMPARE(SessionStore::touchInterval(30min), std::chrono::milliseconds(1min));
        auto early = sessions.findValid(issued->token, at(59s));
        QVERIFY(early.ok());
        QCOMPARE(early->lastSeenAt, t0());
        QCOMPARE(storedLastSeenMs(), t0().toMSecsSinceEpoch());
        auto later = sessions.findValid(issued->token, at(61s));
        QVERIFY(later.ok());
        QCOMPARE(later->lastSeenAt, at(61s));
        QCOMPARE(storedLastSeenMs(), at(61s).toMSecsSinceEpoch());
    }

    // The point of the touch interval: a page load's findValid() must not cost a durable
    // write. This also prints what a read-only check and a check that writes each cost here.
    void aRequestWithinTheTouchIntervalWritesNothing()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0(), SessionPolicy{30min, 24h});
        QVERIFY(issued.ok());
        QVERIFY(sessions.findValid(issued->token, at(1min)).ok()); // touched: last_seen = 1 min
        constexpr int requests = 200;
        const QByteArray before = fileBytes(m_path) + fileBytes(m_path + "-wal");
        QElapsedTimer reads;
        reads.start();
        for (int i = 0; i < requests; ++i) {
            QVERIFY(
                sessions.findValid(issued->token, at(1min + std::chrono::milliseconds(i))).ok());
        }
        const qint64 readNs = reads.nsecsElapsed();
        QCOMPARE(fileBytes(m_path) + fileBytes(m_path + "-wal"), before);
        QCOMPARE(storedLastSeenMs(), at(1min).toMSecsSinceEpoch());

        QElapsedTimer writes;
        writes.start();
        for (int i = 1; i <= requests; ++i) {
            QVERIFY(sessions.findValid(issued->token, at(1min + i * 1min)).ok());
        }
        const qint64 writeNs = writes.nsecsElapsed();
        QCOMPARE(storedLastSeenMs(), at(1min + requests * 1min).toMSecsSinceEpoch());
        qInfo("findValid: %.1f us without a write, %.1f us with a touch (ratio %.1f)",
              static_cast<double>(readNs) / 1000 / requests,
              static_cast<double>(writeNs) / 1000 / requests,
              static_cast<double>(writeNs) / static_cast<double>(readNs));
    }

    void aShortIdleTimeoutIsTouchedOftenEnough()
    {
        // With a 20 s idle timeout a once-a-minute write would let an active session expire.
        SessionStore sessions(*m_database);
        QCOMPARE(SessionStore::touchInterval(20s), std::chrono::milliseconds(5s));
        auto issued = sessions.create(m_alice, t0(), {20s, 1h});
        QVERIFY(issued.ok());
        for (auto offset = 6s; offset <= 120s; offset += 6s) {
            QVERIFY2(sessions.findValid(issued->token, at(offset)).ok(),
                     qPrintable(QStringLiteral("at %1 s").arg(offset.count())));
        }
    }

    void aClockThatGoesBackDoesNotMoveActivityBack()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(issued.ok());
        QVERIFY(sessions.findValid(issued->token, at(10min)).ok());
        QVERIFY(sessions.findValid(issued->token, at(5min)).ok());
        QCOMPARE(storedLastSeenMs(), at(10min).toMSecsSinceEpoch());
    }

    void purgeExpiredDeletesOnlyExpiredSessions()
    {
        SessionStore sessions(*m_database);
        auto idle = sessions.create(m_alice, t0(), {10min, 2h});
        auto old = sessions.create(m_alice, t0(), {30min, 20min});
        auto live = sessions.create(m_bob, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(idle.ok() && old.ok() && live.ok());
        QVERIFY(sessions.findValid(live->token, at(15min)).ok());
        auto purged = sessions.purgeExpired(at(25min));
        QVERIFY(purged.ok());
        QCOMPARE(*purged, 2);
        QCOMPARE(sessionCount(), 1);
        QVERIFY(sessions.findValid(live->token, at(25min)).ok());
        QCOMPARE(*sessions.purgeExpired(at(25min)), 0);
    }

    // --- Rotation at sign-in ---

    void rotationGivesANewTokenAndInvalidatesTheOld()
    {
        SessionStore sessions(*m_database);
        auto before = sessions.create(std::nullopt, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(before.ok());
        auto after = sessions.rotate(before->token, m_alice, at(1min));
        QVERIFY2(after.ok(), qPrintable(after ? QString() : after.error().message));
        QCOMPARE(after->token.bytes().size(), 32);
        QVERIFY(after->token.bytes() != before->token.bytes());
        QVERIFY(after->session.id != before->session.id);
        QCOMPARE(after->session.userId, std::optional<qint64>(m_alice));
        QCOMPARE(after->session.createdAt, at(1min));

        auto old = sessions.findValid(before->token, at(2min));
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, StoreError::Code::NotFound);
        auto current = sessions.findValid(after->token, at(2min));
        QVERIFY(current.ok());
        QCOMPARE(current->userId, std::optional<qint64>(m_alice));
        QCOMPARE(sessionCount(), 1);
        // The old token cannot be rotated a second time either.
        QCOMPARE(sessions.rotate(before->token, m_bob, at(3min)).error().code,
                 StoreError::Code::NotFound);
    }

    void rotationKeepsThePolicyUnlessOneIsGiven()
    {
        SessionStore sessions(*m_database);
        auto before = sessions.create(std::nullopt, t0(), {10min, 1h});
        QVERIFY(before.ok());
        auto kept = sessions.rotate(before->token, m_alice, at(5min));
        QVERIFY(kept.ok());
        QCOMPARE(kept->session.idleTimeout, std::chrono::milliseconds(10min));
        QCOMPARE(kept->session.expiresAt, at(5min + 1h));
        auto changed = sessions.rotate(kept->token, m_alice, at(6min), SessionPolicy{1h, 8h});
        QVERIFY(changed.ok());
        QCOMPARE(changed->session.idleTimeout, std::chrono::milliseconds(1h));
        QCOMPARE(changed->session.expiresAt, at(6min + 8h));
    }

    void rotatingAnExpiredSessionFailsAndDeletesIt()
    {
        SessionStore sessions(*m_database);
        auto before = sessions.create(std::nullopt, t0(), halfHourIdleTwoHoursAbsolute);
        QVERIFY(before.ok());
        auto after = sessions.rotate(before->token, m_alice, at(31min));
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, StoreError::Code::NotFound);
        QCOMPARE(sessionCount(), 0);
    }

    void rotatingToAnUnknownProfileChangesNothing()
    {
        SessionStore sessions(*m_database);
        auto before = sessions.create(std::nullopt, t0());
        QVERIFY(before.ok());
        auto after = sessions.rotate(before->token, m_alice + m_bob + 100, at(1min));
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, StoreError::Code::NotFound);
        QCOMPARE(sessionCount(), 1);
        QVERIFY(sessions.findValid(before->token, at(1min)).ok());
    }

    // --- Recovery sign-in ---

    void aRecoverySignInIsARecoverySessionOfFifteenMinutes()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.startRecovery(m_alice, t0(), spendNothing());
        QVERIFY2(issued.ok(), qPrintable(issued ? QString() : issued.error().message));
        QCOMPARE(issued->session.kind, SessionKind::Recovery);
        QCOMPARE(issued->session.userId, std::optional<qint64>(m_alice));
        QCOMPARE(issued->session.idleTimeout, std::chrono::milliseconds(10min));
        QCOMPARE(issued->session.expiresAt, at(15min));
        auto found = sessions.findValid(issued->token, at(9min));
        QVERIFY(found.ok());
        QCOMPARE(found->kind, SessionKind::Recovery);
        QCOMPARE(
            RawConnection(m_path).scalar(QStringLiteral("SELECT kind FROM sessions")).toString(),
            QStringLiteral("recovery"));
        QCOMPARE(sessions.findValid(issued->token, at(15min)).error().code,
                 StoreError::Code::NotFound);
    }

    void ordinarySessionsAreOrdinary()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0());
        QVERIFY(issued.ok());
        QCOMPARE(issued->session.kind, SessionKind::Ordinary);
        QCOMPARE(ok(sessions.findValid(issued->token, t0())).kind, SessionKind::Ordinary);
    }

    void aProofThatCannotBeSpentGrantsNothingAndWritesNothing()
    {
        SessionStore sessions(*m_database);
        auto browser = sessions.create(std::nullopt, t0());
        QVERIFY(browser.ok());
        const QByteArray before = dumpOf(m_path);
        // The proof writes, then fails: its own write is rolled back with everything else.
        auto refused = sessions.startRecovery(
            m_alice, at(1min),
            [this](QSqlDatabase db) -> StoreResult<void> {
                QSqlQuery query(db);
                if (!query.exec(QStringLiteral("UPDATE users SET display_name = 'spent' WHERE id "
                                               "= %1")
                                    .arg(m_alice)))
                    return makeStoreError(StoreError::Code::Io, query.lastError().text());
                return makeStoreError(StoreError::Code::NotFound, QStringLiteral("no such code"));
            },
            browser->token);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, StoreError::Code::NotFound);
        QCOMPARE(refused.error().message, QStringLiteral("no such code"));
        QCOMPARE(dumpOf(m_path), before);
        QVERIFY(sessions.findValid(browser->token, at(1min)).ok());
    }

    void theProofIsSpentInTheTransactionThatGrantsTheSession()
    {
        SessionStore sessions(*m_database);
        const QByteArray before = dumpOf(m_path);
        // The proof is spent, but the session cannot be created (no such profile): the
        // spending is rolled back too, so the proof is still good.
        auto refused = sessions.startRecovery(
            m_alice + m_bob + 100, t0(), [this](QSqlDatabase db) { return markAliceSpent(db); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, StoreError::Code::NotFound);
        QCOMPARE(dumpOf(m_path), before);
        auto granted = sessions.startRecovery(
            m_alice, t0(), [this](QSqlDatabase db) { return markAliceSpent(db); });
        QVERIFY(granted.ok());
        QCOMPARE(
            RawConnection(m_path)
                .scalar(QStringLiteral("SELECT display_name FROM users WHERE id = %1").arg(m_alice))
                .toString(),
            QStringLiteral("spent"));
    }

    void aRecoverySignInReplacesTheBrowsersSession()
    {
        SessionStore sessions(*m_database);
        auto browser = sessions.create(std::nullopt, t0());
        QVERIFY(browser.ok());
        auto issued = sessions.startRecovery(m_alice, at(1min), spendNothing(), browser->token);
        QVERIFY(issued.ok());
        QCOMPARE(sessions.findValid(browser->token, at(1min)).error().code,
                 StoreError::Code::NotFound);
        QCOMPARE(sessionCount(), 1);
    }

    void rotatingARecoverySessionMakesAnOrdinaryOneWithTheDefaultPolicy()
    {
        SessionStore sessions(*m_database);
        auto recovery = sessions.startRecovery(m_alice, t0(), spendNothing());
        QVERIFY(recovery.ok());
        auto rotated = sessions.rotate(recovery->token, m_alice, at(2min));
        QVERIFY(rotated.ok());
        QCOMPARE(rotated->session.kind, SessionKind::Ordinary);
        QCOMPARE(rotated->session.idleTimeout, SessionPolicy{}.idle);
        QCOMPARE(rotated->session.expiresAt, at(2min + SessionPolicy{}.absolute));
        QCOMPARE(ok(sessions.findValid(rotated->token, at(3min))).kind, SessionKind::Ordinary);
        QCOMPARE(sessions.findValid(recovery->token, at(3min)).error().code,
                 StoreError::Code::NotFound);
    }

    void rotationTakesThePendingChallengesOfTheOldSession()
    {
        SessionStore sessions(*m_database);
        ChallengeStore challenges(*m_database);
        auto before = sessions.create(std::nullopt, t0());
        QVERIFY(before.ok());
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(before->session.id, ChallengePurpose::Authentication, std::nullopt,
                           stateFor(challenge, t0()), t0())
                    .ok());
        auto after = sessions.rotate(before->token, m_alice, at(1s));
        QVERIFY(after.ok());
        QCOMPARE(
            RawConnection(m_path).scalar(QStringLiteral("SELECT count(*) FROM challenges")).toInt(),
            0);
        QVERIFY(!challenges.take(after->session.id, ChallengePurpose::Authentication, at(2s)).ok());
    }

    // --- Ending sessions ---

    void removeEndsTheSession()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice, t0());
        auto other = sessions.create(m_alice, t0());
        QVERIFY(issued.ok() && other.ok());
        QVERIFY(sessions.remove(issued->token).ok());
        QVERIFY(!sessions.findValid(issued->token, t0()).ok());
        QVERIFY(sessions.findValid(other->token, t0()).ok());
        auto again = sessions.remove(issued->token);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, StoreError::Code::NotFound);
    }

    void removeAllForUserSignsOutEverywhere()
    {
        SessionStore sessions(*m_database);
        auto laptop = sessions.create(m_alice, t0());
        auto phone = sessions.create(m_alice, t0());
        auto bobs = sessions.create(m_bob, t0());
        auto anonymous = sessions.create(std::nullopt, t0());
        QVERIFY(laptop.ok() && phone.ok() && bobs.ok() && anonymous.ok());
        auto removed = sessions.removeAllForUser(m_alice);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, 2);
        QVERIFY(!sessions.findValid(laptop->token, t0()).ok());
        QVERIFY(!sessions.findValid(phone->token, t0()).ok());
        QVERIFY(sessions.findValid(bobs->token, t0()).ok());
        QVERIFY(sessions.findValid(anonymous->token, t0()).ok());
    }

    void deletingTheProfileDeletesItsSessions()
    {
        SessionStore sessions(*m_database);
        auto alices = sessions.create(m_alice, t0());
        auto bobs = sessions.create(m_bob, t0());
        QVERIFY(alices.ok() && bobs.ok());
        QVERIFY(UserStore(*m_database).remove(m_alice).ok());
        QVERIFY(!sessions.findValid(alices->token, t0()).ok());
        QVERIFY(sessions.findValid(bobs->token, t0()).ok());
        QCOMPARE(sessionCount(), 1);
    }

    void sessionIdsAreNeverReused()
    {
        SessionStore sessions(*m_database);
        auto first = sessions.create(m_alice, t0());
        QVERIFY(first.ok());
        QVERIFY(sessions.remove(first->token).ok());
        auto second = sessions.create(m_alice, t0());
        QVERIFY(second.ok());
        QVERIFY(second->session.id > first->session.id);
    }

    // --- Migration ---

    void sessionsWorkAfterMigratingFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("startVersion");
        for (int version = 0; version < Database::latestSchemaVersion(); ++version) {
            QTest::addRow("from version %d", version) << version;
        }
    }

    void sessionsWorkAfterMigratingFromEveryEarlierVersion()
    {
        QFETCH(int, startVersion);
        const QString path = m_files.filePath(QStringLiteral("from-v%1.sqlite").arg(startVersion));
        std::optional<IssuedSession> oldSession;
        {
            auto old = Database::openAtVersion(path, startVersion);
            QVERIFY(old.ok());
            // A session written by a release that had sessions survives the upgrade. Written
            // as that release's schema has it (today's store writes columns added since).
            if (startVersion >= 3) {
                IssuedSession issued;
                issued.token = SessionToken::fromBytes(randomChallenge(SessionToken::size));
                const qint64 t0Ms = t0().toMSecsSinceEpoch();
                QSqlQuery insert((*old)->connection());
                insert.prepare(QStringLiteral("INSERT INTO sessions (token_hash, user_id, "
                                              "idle_timeout_ms, created_at, last_seen_at, "
                                              "expires_at) VALUES (?, NULL, ?, ?, ?, ?)"));
                insert.addBindValue(SessionStore::tokenHash(issued.token));
                insert.addBindValue(qint64(30 * 60 * 1000));
                insert.addBindValue(t0Ms);
                insert.addBindValue(t0Ms);
                insert.addBindValue(t0Ms + qint64(12 * 3600 * 1000));
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
                oldSession = issued;
            }
        }
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database ? QString() : database.error().message));
        QCOMPARE((*database)->schemaVersion(), Database::latestSchemaVersion());
        SessionStore sessions(**database);
        if (oldSession) {
            const auto found = sessions.findValid(oldSession->token, at(1min));
            QVERIFY(found.ok());
            QCOMPARE(found->kind, SessionKind::Ordinary);
        }
        auto user = UserStore(**database)
                        .create({QStringLiteral("carol"), {}, QStringLiteral("c@example.org")});
        QVERIFY(user.ok());
        auto issued = sessions.create(user->id, t0());
        QVERIFY(issued.ok());
        ChallengeStore challenges(**database);
        const QByteArray challenge = randomChallenge();
        QVERIFY(challenges
                    .issue(issued->session.id, ChallengePurpose::Registration, user->id,
                           stateFor(challenge, t0()), t0())
                    .ok());
        QVERIFY(challenges.take(issued->session.id, ChallengePurpose::Registration, at(1min)).ok());
    }

private:
    static SpendRecoveryProof spendNothing()
    {
        return [](QSqlDatabase) -> StoreResult<void> {
            return {};
        };
    }

    StoreResult<void> markAliceSpent(QSqlDatabase db) const
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("UPDATE users SET display_name = 'spent' WHERE id = %1")
                            .arg(m_alice)))
            return makeStoreError(StoreError::Code::Io, query.lastError().text());
        return {};
    }

    int sessionCount() const
    {
        return RawConnection(m_path)
            .scalar(QStringLiteral("SELECT count(*) FROM sessions"))
            .toInt();
    }

    qint64 storedLastSeenMs() const
    {
        return RawConnection(m_path)
            .scalar(QStringLiteral("SELECT max(last_seen_at) FROM sessions"))
            .toLongLong();
    }

    FreshDatabaseFiles m_files{QStringLiteral("sessions")};
    QString m_path;
    std::unique_ptr<Database> m_database;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "test_session_store.moc"
