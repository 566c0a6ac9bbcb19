#include "store/database.h"
#include "store/migrations.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

using namespace latchkey::store;
using namespace latchkey::store::testing;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList tableNames(const QString& path)
{
    RawConnection raw(path);
    return raw
        .scalar(QStringLiteral("SELECT group_concat(name, ',') FROM (SELECT name FROM "
                               "sqlite_schema WHERE type = 'table' ORDER BY name)"))
        .toString()
        .split(QLatin1Char(','), Qt::SkipEmptyParts);
}

NewUser someUser(int n)
{
    return {QStringLiteral("user%1").arg(n), QStringLiteral("User %1").arg(n),
            QStringLiteral("user%1@example.org").arg(n)};
}

// Child process for committedRowSurvivesACrash: writes one profile, prints its uid, and
// dies without closing anything (no destructors, no checkpoint of the write-ahead log).
int writeOneProfileAndDie(const QString& path)
{
    auto database = Database::open(path);
    if (!database) {
        return 2;
    }
    UserStore users(**database);
    auto user = users.create({QStringLiteral("survivor"), {}, QStringLiteral("s@example.org")});
    if (!user) {
        return 3;
    }
    std::printf("%s\n", qPrintable(user->uid));
    std::fflush(stdout);
    std::_Exit(0);
}

// Permission bits of path, or -1 when it does not exist.
int modeOf(const QString& path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return int(info.st_mode & 07777);
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void migratesAnEmptyFileToTheLatestVersion()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database ? QString() : database.error().message));
        QCOMPARE((*database)->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE((*database)->filePath(), path);
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
                 Database::latestSchemaVersion());
        QCOMPARE(tableNames(path),
                 (QStringList{QStringLiteral("challenges"), QStringLiteral("credentials"),
                              QStringLiteral("sessions"), QStringLiteral("sqlite_sequence"),
                              QStringLiteral("users")}));
    }

    void createsTheMissingFolder()
    {
        const QString path = m_dir.filePath(QStringLiteral("a/b/c/profiles.sqlite"));
        auto database = Database::open(path);
        QVERIFY(database.ok());
        QVERIFY(QFile::exists(path));
    }

    void migrationStepsAreNumberedInOrder()
    {
        const auto& steps = migrations();
        QVERIFY(!steps.isEmpty());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].version, i + 1);
            QVERIFY(!steps[i].statements.isEmpty());
        }
    }

    void reopeningRunsNothingAgain()
    {
        const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
        QString uid;
        {
            auto database = Database::open(path);
            QVERIFY(database.ok());
            UserStore users(**database);
            auto user = users.create(someUser(1));
            QVERIFY(user.ok());
            uid = user->uid;
        }
        const QByteArray schemaBefore = schemaText(path);
        const QByteArray fileBefore = fileHash(path);
        {
            auto again = Database::open(path);
            QVERIFY(again.ok());
            QCOMPARE((*again)->schemaVersion(), Database::latestSchemaVersion());
        }
        // Nothing was written: the file is byte for byte what it was.
        QCOMPARE(fileHash(path), fileBefore);
        QCOMPARE(schemaText(path), schemaBefore);
        auto again = Database::open(path);
        QVERIFY(again.ok());
        UserStore users(**again);
        QCOMPARE(ok(users.count()), 1);
        QVERIFY(ok(users.findByUid(uid)).has_value());
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("startVersion");
        for (int version = 0; version < Database::latestSchemaVersion(); ++version) {
            QTest::addRow("from version %d", version) << version;
        }
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, startVersion);
        const QString path = m_dir.filePath(QStringLiteral("v%1.sqlite").arg(startVersion));
        {
            auto old = Database::openAtVersion(path, startVersion);
            QVERIFY(old.ok());
            QCOMPARE((*old)->schemaVersion(), startVersion);
            insertDataValidAt(**old, startVersion);
        }
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database ? QString() : database.error().message));
        QCOMPARE((*database)->schemaVersion(), Database::latestSchemaVersion());
        UserStore users(**database);
        // Data written at the earlier version is still there after the upgrade.
        QCOMPARE(ok(users.count()), startVersion >= 1 ? 1 : 0);
        if (startVersion >= 1) {
            auto user = ok(users.findByLogin(QStringLiteral("OLDTIMER")));
            QVERIFY(user.has_value());
            QCOMPARE(user->userHandle, QByteArray(32, '\x07'));
        }
        QVERIFY(users.create(someUser(2)).ok());
    }

    void aFailedMigrationLeavesThePreviousVersion()
    {
        const QString path = m_dir.filePath(QStringLiteral("blocked.sqlite"));
        {
            auto old = Database::openAtVersion(path, 1);
            QVERIFY(old.ok());
            insertDataValidAt(**old, 1);
            // An index in the way makes step 2 fail halfway: after its table, at its index.
            QSqlQuery query((*old)->connection());
            QVERIFY(query.exec(QStringLiteral("CREATE INDEX credentials_user_id ON users(id)")));
        }
        const QByteArray schemaBefore = schemaText(path);
        auto database = Database::open(path);
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code, StoreError::Code::Io);
        QVERIFY2(database.error().message.contains(QLatin1String("version 2")),
                 qPrintable(database.error().message));
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(schemaText(path), schemaBefore);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 1);
    }

    void aNewerVersionIsRefusedAndTheFileLeftUnchanged()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        {
            auto database = Database::open(path);
            QVERIFY(database.ok());
            QVERIFY(UserStore(**database).create(someUser(1)).ok());
        }
        const int newer = Database::latestSchemaVersion() + 1;
        {
            // Back to a rollback journal: switching to WAL before the version check would
            // rewrite the file header, and this test would see it.
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        auto database = Database::open(path);
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code, StoreError::Code::Invalid);
        QVERIFY2(database.error().message.contains(QLatin1String("newer Latchkey")),
                 qPrintable(database.error().message));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), newer);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete"));
    }

    void aFolderThatCannotBeCreatedIsAnIoError()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto database = Database::open(blocker + QStringLiteral("/inside/profiles.sqlite"));
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code, StoreError::Code::Io);
        QVERIFY2(database.error().message.contains(QLatin1String("--data-dir")),
                 qPrintable(database.error().message));
    }

    void aFileThatIsNotADatabaseIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const QByteArray before = fileHash(path);
        auto database = Database::open(path);
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code, StoreError::Code::Io);
        QVERIFY(!database.error().message.isEmpty());
        QCOMPARE(fileHash(path), before);
    }

    void aVersionThatDoesNotExistIsInvalid()
    {
        const QString path = m_dir.filePath(QStringLiteral("hook.sqlite"));
        auto database = Database::openAtVersion(path, Database::latestSchemaVersion() + 1);
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code, StoreError::Code::Invalid);
    }

    void pragmasAreInEffect()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("pragmas.sqlite")));
        QVERIFY(database.ok());
        QSqlDatabase db = (*database)->connection();
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")).toInt(), 2);
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")).toInt(), 1);
        QVERIFY(pragma(db, QStringLiteral("busy_timeout")).toInt() > 0);
    }

    void aSettingThatDoesNotTakeEffectIsRefused()
    {
        // An in-memory database cannot use a write-ahead log: journal_mode reads back "memory".
        auto database = Database::open(QStringLiteral(":memory:"));
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code, StoreError::Code::Io);
        QVERIFY2(database.error().message.contains(QLatin1String("journal_mode")),
                 qPrintable(database.error().message));
        QVERIFY2(database.error().message.contains(QLatin1String("memory")),
                 qPrintable(database.error().message));
    }

    void walModeIsRecordedInTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("wal.sqlite"));
        QVERIFY(Database::open(path).ok());
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }

    // Profiles (usernames, emails, public keys) are nobody else's business: the database and
    // the write-ahead log and shared-memory files SQLite makes beside it are 0600, even under
    // the usual umask 022, and files an older version left 0644 are narrowed when opened.
    void theDatabaseAndItsCompanionFilesAreOwnerOnly()
    {
        const mode_t previous = ::umask(022);
        const QString path = m_dir.filePath(QStringLiteral("private.sqlite"));
        const QStringList files{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
        {
            auto database = Database::open(path);
            QVERIFY(database.ok());
            QVERIFY(UserStore(**database).create(someUser(1)).ok());
            for (const QString& file : files)
                QCOMPARE(modeOf(file), 0600);
            for (const QString& file : files)
                QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        }
        auto reopened = Database::open(path);
        QVERIFY(reopened.ok());
        QCOMPARE(modeOf(path), 0600);
        for (const QString& file : files) {
            if (QFile::exists(file))
                QCOMPARE(modeOf(file), 0600);
        }
        QCOMPARE(ok(UserStore(**reopened).count()), 1);
        ::umask(previous);
    }

    void severalDatabasesAreOpenAtOnce()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        auto first = Database::open(path);
        auto second = Database::open(path);
        auto other = Database::open(m_dir.filePath(QStringLiteral("other.sqlite")));
        QVERIFY(first.ok() && second.ok() && other.ok());
        QVERIFY((*first)->connection().connectionName() !=
                (*second)->connection().connectionName());
        UserStore viaFirst(**first);
        UserStore viaSecond(**second);
        auto user = viaFirst.create(someUser(1));
        QVERIFY(user.ok());
        QVERIFY(ok(viaSecond.findByUid(user->uid)).has_value());
        QCOMPARE(ok(UserStore(**other).count()), 0);
    }

    void closingRemovesTheConnection()
    {
        QString name;
        {
            auto database = Database::open(m_dir.filePath(QStringLiteral("close.sqlite")));
            QVERIFY(database.ok());
            name = (*database)->connection().connectionName();
            QVERIFY(QSqlDatabase::contains(name));
        }
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void aCommittedRowSurvivesReopeningFromAnotherConnection()
    {
        const QString path = m_dir.filePath(QStringLiteral("durable.sqlite"));
        auto writer = Database::open(path);
        QVERIFY(writer.ok());
        auto user = UserStore(**writer).create(someUser(7));
        QVERIFY(user.ok());
        {
            RawConnection reader(path);
            QCOMPARE(reader
                         .scalar(QStringLiteral("SELECT username FROM users WHERE uid = '%1'")
                                     .arg(user->uid))
                         .toString(),
                     QStringLiteral("user7"));
        }
        writer = Database::open(m_dir.filePath(QStringLiteral("elsewhere.sqlite")));
        auto reopened = Database::open(path);
        QVERIFY(reopened.ok());
        QVERIFY(ok(UserStore(**reopened).findByUid(user->uid)).has_value());
    }

    void aCommittedRowSurvivesAProcessThatDies()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.sqlite"));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--write-one-profile-and-die"), path});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), 0);
        const QString uid = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        QVERIFY(!QUuid::fromString(uid).isNull());
        // The profile was only in the write-ahead log when the writer died.
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        auto database = Database::open(path);
        QVERIFY(database.ok());
        auto user = ok(UserStore(**database).findByUid(uid));
        QVERIFY(user.has_value());
        QCOMPARE(user->username, QStringLiteral("survivor"));
    }

private:
    static QVariant pragma(const QSqlDatabase& db, const QString& name)
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next()) {
            return {};
        }
        return query.value(0);
    }

    static QByteArray schemaText(const QString& path)
    {
        RawConnection raw(path);
        return raw
            .scalar(QStringLiteral("SELECT group_concat(sql, ';') FROM (SELECT sql FROM "
                                   "sqlite_schema ORDER BY name)"))
            .toString()
            .toUtf8();
    }

    // Rows as a release at that version would have written them, through plain SQL.
    static void insertDataValidAt(Database& database, int version)
    {
        if (version < 1) {
            return;
        }
        QSqlQuery query(database.connection());
        QVERIFY(query.prepare(QStringLiteral(
            "INSERT INTO users (uid, username, username_key, display_name, email, email_key, "
            "user_handle, created_at) VALUES (?, 'OldTimer', 'oldtimer', 'Old', "
            "'old@example.org', 'old@example.org', ?, 0)")));
        query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.addBindValue(QByteArray(32, '\x07'));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    QTemporaryDir m_dir;
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--write-one-profile-and-die") == 0) {
        return writeOneProfileAndDie(QString::fromLocal8Bit(argv[2]));
    }
    TestDatabase test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_database.moc"
