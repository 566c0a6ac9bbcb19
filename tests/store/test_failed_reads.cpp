#include "store/challenge_store.h"
#include "store/credential_store.h"
#include "store/database.h"
#include "store/session_store.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace latchkey::store;
using namespace latchkey::store::testing;

// A lookup that could not read the database answers an error, never "none": a failed read
// of a taken username must not look free, of a passkey must not look unknown, of a session
// must not look signed out. The database really fails here: a table renamed by a second
// connection (what a damaged or foreign schema looks like to SQLite), pages of the file
// overwritten, or the write lock held by another connection.
namespace {

QString describe(const StoreError& error)
{
    return codeName(error.code) + QStringLiteral(": ") + error.message;
}

// The store's verdict on a read: "error <code>", "none" or "found".
template <typename T> QString outcome(const StoreLookup<T>& lookup)
{
    if (!lookup)
        return QStringLiteral("error ") + codeName(lookup.error().code);
    return lookup->has_value() ? QStringLiteral("found") : QStringLiteral("none");
}

template <typename T> QString outcome(const StoreResult<T>& result)
{
    return result ? QStringLiteral("value")
                  : QStringLiteral("error ") + codeName(result.error().code);
}

NewCredential passkey(qint64 userId, const QByteArray& credentialId)
{
    NewCredential credential;
    credential.userId = userId;
    credential.credentialId = credentialId;
    credential.publicKey = QByteArray::fromHex("a501020326200121582011");
    credential.nickname = QStringLiteral("Laptop");
    return credential;
}

// Overwrites whole pages of a closed database file with bytes no page can start with.
bool corruptPages(const QString& path, const QList<qint64>& pages, qint64 pageSize)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    for (const qint64 page : pages) {
        if (!file.seek((page - 1) * pageSize) ||
            file.write(QByteArray(pageSize, '\xff')) != pageSize)
            return false;
    }
    return true;
}

} // namespace

class TestFailedReads : public QObject {
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
                         .create({QStringLiteral("alice"), QStringLiteral("Alice"),
                                  QStringLiteral("a@example.org")});
        QVERIFY2(alice.ok(), qPrintable(alice ? QString() : describe(alice.error())));
        m_alice = *alice;
        auto added = CredentialStore(*m_database).add(passkey(m_alice.id, "alice-key"));
        QVERIFY2(added.ok(), qPrintable(added ? QString() : describe(added.error())));
    }

    void cleanup() { m_database.reset(); }

    void userLookupsAnswerAnErrorWhenTheTableCannotBeRead()
    {
        UserStore users(*m_database);
        RawConnection other(m_path);
        QVERIFY(other.exec(QStringLiteral("ALTER TABLE users RENAME TO users_elsewhere")));

        QCOMPARE(outcome(users.findById(m_alice.id)), QStringLiteral("error io"));
        QCOMPARE(outcome(users.findByUid(m_alice.uid)), QStringLiteral("error io"));
        QCOMPARE(outcome(users.findByLogin(QStringLiteral("alice"))), QStringLiteral("error io"));
        QCOMPARE(outcome(users.findByLogin(QStringLiteral("a@example.org"))),
                 QStringLiteral("error io"));
        QCOMPARE(outcome(users.findByUserHandle(m_alice.userHandle)), QStringLiteral("error io"));
        QCOMPARE(outcome(users.count()), QStringLiteral("error io"));
        QVERIFY(users.findByLogin(QStringLiteral("alice"))
                    .error()
                    .message.contains(QStringLiteral("reading a profile")));

        // The same calls find her once the table is back: the error was the read, not her.
        QVERIFY(other.exec(QStringLiteral("ALTER TABLE users_elsewhere RENAME TO users")));
        QCOMPARE(outcome(users.findById(m_alice.id)), QStringLiteral("found"));
        QCOMPARE(outcome(users.findByLogin(QStringLiteral("alice"))), QStringLiteral("found"));
        QCOMPARE(outcome(users.findByLogin(QStringLiteral("nobody"))), QStringLiteral("none"));
        QCOMPARE(ok(users.count()), 1);
    }

    void credentialLookupsAnswerAnErrorWhenTheTableCannotBeRead()
    {
        CredentialStore credentials(*m_database);
        RawConnection other(m_path);
        QVERIFY(other.exec(QStringLiteral("ALTER TABLE credentials RENAME TO credentials_gone")));

        QCOMPARE(outcome(credentials.findByCredentialId("alice-key")), QStringLiteral("error io"));
        QCOMPARE(outcome(credentials.listForUser(m_alice.id)), QStringLiteral("error io"));
        QCOMPARE(outcome(credentials.countForUser(m_alice.id)), QStringLiteral("error io"));

        QVERIFY(other.exec(QStringLiteral("ALTER TABLE credentials_gone RENAME TO credentials")));
        QCOMPARE(outcome(credentials.findByCredentialId("alice-key")), QStringLiteral("found"));
        QCOMPARE(outcome(credentials.findByCredentialId("other-key")), QStringLiteral("none"));
        QCOMPARE(ok(credentials.listForUser(m_alice.id)).size(), 1);
        QCOMPARE(ok(credentials.countForUser(m_alice.id)), 1);
    }

    void sessionLookupAnswersAnErrorNotSignedOut()
    {
        SessionStore sessions(*m_database);
        auto issued = sessions.create(m_alice.id, t0());
        QVERIFY(issued.ok());
        RawConnection other(m_path);
        QVERIFY(other.exec(QStringLiteral("ALTER TABLE sessions RENAME TO sessions_gone")));

        auto found = sessions.findValid(issued->token, t0());
        QVERIFY(!found);
        QCOMPARE(found.error().code, StoreError::Code::Io);
        auto rotated = sessions.rotate(issued->token, m_alice.id, t0());
        QVERIFY(!rotated);
        QCOMPARE(rotated.error().code, StoreError::Code::Io);

        // Nothing was deleted or rotated: the same token still names the same session.
        QVERIFY(other.exec(QStringLiteral("ALTER TABLE sessions_gone RENAME TO sessions")));
        auto again = sessions.findValid(issued->token, t0());
        QVERIFY2(again.ok(), qPrintable(again ? QString() : describe(again.error())));
        QCOMPARE(again->id, issued->session.id);
    }

    void challengeConsumeAnswersAnErrorAndSpendsNothing()
    {
        SessionStore sessions(*m_database);
        ChallengeStore challenges(*m_database);
        auto issued = sessions.create(std::nullopt, t0());
        QVERIFY(issued.ok());
        const QByteArray bytes = randomChallenge();
        QVERIFY(challenges
                    .issue(issued->session.id, ChallengePurpose::Authentication, std::nullopt,
                           stateFor(bytes, t0()), t0())
                    .ok());
        RawConnection other(m_path);
        QVERIFY(other.exec(QStringLiteral("ALTER TABLE challenges RENAME TO challenges_gone")));

        auto consumed = challenges.take(issued->session.id, ChallengePurpose::Authentication, t0());
        QVERIFY(!consumed);
        QCOMPARE(consumed.error().code, StoreError::Code::Io);

        QVERIFY(other.exec(QStringLiteral("ALTER TABLE challenges_gone RENAME TO challenges")));
        auto later = challenges.take(issued->session.id, ChallengePurpose::Authentication, t0());
        QVERIFY2(later.ok(), qPrintable(later ? QString() : describe(later.error())));
    }

    // A damaged file (its pages overwritten) reads as an error, not as an empty table.
private:
    // The root pages of the users and credentials tables, and the page size.
    QList<qint64> tablePages(qint64& pageSize)
    {
        QList<qint64> pages;
        RawConnection reader(m_path);
        pageSize = reader.scalar(QStringLiteral("PRAGMA page_size")).toLongLong();
        for (const QString& table : {QStringLiteral("users"), QStringLiteral("credentials")}) {
            QSqlQuery query(m_database->connection());
            if (!query.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE "
                                           "tbl_name = '%1' AND rootpage > 1")
                                .arg(table)))
                return {};
            while (query.next())
                pages.append(query.value(0).toLongLong());
        }
        return pages;
    }

private slots:
    // Pages damaged while the database is open (its cache emptied first, so they are read
    // from the file again): every lookup answers an error, never "none".
    void corruptedPagesAnswerAnErrorNotAnEmptyResult()
    {
        qint64 pageSize = 0;
        const QList<qint64> pages = tablePages(pageSize);
        QVERIFY(pageSize > 0);
        QVERIFY(!pages.isEmpty());
        m_database.reset(); // the last connection closing checkpoints the WAL into the file
        auto reopened = Database::open(m_path);
        QVERIFY2(reopened.ok(), qPrintable(reopened ? QString() : describe(reopened.error())));
        m_database = std::move(*reopened);
        QSqlQuery shrink(m_database->connection());
        QVERIFY(shrink.exec(QStringLiteral("PRAGMA shrink_memory")));
        QVERIFY(corruptPages(m_path, pages, pageSize));

        UserStore users(*m_database);
        CredentialStore credentials(*m_database);
        QCOMPARE(outcome(users.findByLogin(QStringLiteral("alice"))), QStringLiteral("error io"));
        QCOMPARE(outcome(users.findById(m_alice.id)), QStringLiteral("error io"));
        QCOMPARE(outcome(users.count()), QStringLiteral("error io"));
        QCOMPARE(outcome(credentials.findByCredentialId("alice-key")), QStringLiteral("error io"));
        QCOMPARE(outcome(credentials.listForUser(m_alice.id)), QStringLiteral("error io"));
        QCOMPARE(outcome(credentials.countForUser(m_alice.id)), QStringLiteral("error io"));
        // The handler tells the person the file is damaged, not "try again".
        const auto found = users.findByLogin(QStringLiteral("alice"));
        QVERIFY(!found);
        QVERIFY(found.error().fault == StoreError::Fault::Damaged);
    }

    // A damaged file is refused when it is opened (PRAGMA quick_check), named with its path,
    // and left byte for byte as it was: never migrated, rewritten or replaced.
    void aDamagedFileIsRefusedAtOpenAndLeftAsItIs()
    {
        qint64 pageSize = 0;
        const QList<qint64> pages = tablePages(pageSize);
        QVERIFY(!pages.isEmpty());
        m_database.reset();
        QVERIFY(corruptPages(m_path, pages, pageSize));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray damaged = file.readAll();
        file.close();

        const auto reopened = Database::open(m_path);
        QVERIFY(!reopened);
        QVERIFY(reopened.error().fault == StoreError::Fault::Damaged);
        QVERIFY2(reopened.error().message.contains(m_path) &&
                     reopened.error().message.contains(QLatin1String("damaged")),
                 qPrintable(reopened.error().message));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), damaged);
    }

    // Another connection holding the write lock past the busy timeout is Busy (try again),
    // not Io; readers are not blocked by it (WAL), so lookups still answer truthfully.
    void aHeldWriteLockIsBusyAndLookupsStillRead()
    {
        QSqlQuery shorter(m_database->connection());
        QVERIFY(shorter.exec(QStringLiteral("PRAGMA busy_timeout = 50")));
        RawConnection other(m_path);
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));

        auto created = UserStore(*m_database)
                           .create({QStringLiteral("bob"), {}, QStringLiteral("b@example.org")});
        QVERIFY(!created);
        QCOMPARE(created.error().code, StoreError::Code::Busy);
        QVERIFY(isStoreFault(created.error()));
        auto session = SessionStore(*m_database).create(m_alice.id, t0());
        QVERIFY(!session);
        QCOMPARE(session.error().code, StoreError::Code::Busy);
        QCOMPARE(outcome(UserStore(*m_database).findByLogin(QStringLiteral("alice"))),
                 QStringLiteral("found"));
        QCOMPARE(outcome(UserStore(*m_database).findByLogin(QStringLiteral("bob"))),
                 QStringLiteral("none"));

        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(UserStore(*m_database)
                    .create({QStringLiteral("bob"), {}, QStringLiteral("b@example.org")})
                    .ok());
    }

private:
    FreshDatabaseFiles m_files{QStringLiteral("failed-reads")};
    QString m_path;
    std::unique_ptr<Database> m_database;
    User m_alice;
};

QTEST_GUILESS_MAIN(TestFailedReads)
#include "test_failed_reads.moc"
