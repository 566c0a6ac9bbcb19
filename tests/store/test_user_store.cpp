#include "store/credential_store.h"
#include "store/database.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace latchkey::store;
using namespace latchkey::store::testing;

namespace {

NewUser person(const QString& username, const QString& email)
{
    return {username, QStringLiteral("Someone"), email};
}

NewCredential passkey(qint64 userId, const QByteArray& credentialId)
{
    NewCredential credential;
    credential.userId = userId;
    credential.credentialId = credentialId;
    credential.publicKey = "key";
    return credential;
}

} // namespace

class TestUserStore : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        m_database.reset();
        auto database = Database::open(m_files.nextPath());
        QVERIFY2(database.ok(), qPrintable(database ? QString() : database.error().message));
        m_database = std::move(*database);
    }

    void createReturnsTheStoredProfile()
    {
        UserStore users(*m_database);
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        auto user = users.create({QStringLiteral("Élodie"), QStringLiteral("Élodie Durand"),
                                  QStringLiteral("elodie@example.org")});
        QVERIFY(user.ok());
        QVERIFY(user->id > 0);
        auto found = ok(users.findById(user->id));
        QVERIFY(found.has_value());
        QCOMPARE(found->uid, user->uid);
        QCOMPARE(found->username, QStringLiteral("Élodie"));
        QCOMPARE(found->displayName, QStringLiteral("Élodie Durand"));
        QCOMPARE(found->email, QStringLiteral("elodie@example.org"));
        QCOMPARE(found->userHandle, user->userHandle);
        QCOMPARE(found->createdAt, user->createdAt);
        QCOMPARE(found->createdAt.timeSpec(), Qt::UTC);
        QVERIFY(found->createdAt >= before);
        QVERIFY(found->createdAt <= QDateTime::currentDateTimeUtc());
    }

    void displayNameMayBeEmpty()
    {
        UserStore users(*m_database);
        auto user = users.create({QStringLiteral("quiet"), {}, QStringLiteral("q@example.org")});
        QVERIFY(user.ok());
        QCOMPARE(ok(users.findById(user->id))->displayName, QString());
    }

    void uidIsARandomUuidAndNotTheRowId()
    {
        UserStore users(*m_database);
        auto first = users.create(person(QStringLiteral("a"), QStringLiteral("a@example.org")));
        auto second = users.create(person(QStringLiteral("b"), QStringLiteral("b@example.org")));
        QVERIFY(first.ok() && second.ok());
        for (const User& user : {*first, *second}) {
            QCOMPARE(user.uid.size(), 36);
            QVERIFY(!user.uid.startsWith(QLatin1Char('{')));
            const QUuid uuid = QUuid::fromString(user.uid);
            QVERIFY(!uuid.isNull());
            QCOMPARE(uuid.version(), QUuid::Random);
            QVERIFY(user.uid != QString::number(user.id));
        }
        QVERIFY(first->uid != second->uid);
        QCOMPARE(ok(users.findByUid(second->uid))->id, second->id);
    }

    void userHandleIs32RandomUniqueBytes()
    {
        UserStore users(*m_database);
        QSet<QByteArray> handles;
        for (int i = 0; i < 50; ++i) {
            auto user = users.create(
                person(QStringLiteral("u%1").arg(i), QStringLiteral("u%1@example.org").arg(i)));
            QVERIFY(user.ok());
            QCOMPARE(user->userHandle.size(), 32);
            QVERIFY(user->userHandle != QByteArray(32, '\0'));
            handles.insert(user->userHandle);
            QCOMPARE(ok(users.findByUserHandle(user->userHandle))->id, user->id);
        }
        QCOMPARE(handles.size(), 50);
    }

    void theSchemaRefusesADuplicateOrShortUserHandle()
    {
        UserStore users(*m_database);
        auto user = users.create(person(QStringLiteral("a"), QStringLiteral("a@example.org")));
        QVERIFY(user.ok());
        QVERIFY(!insertRaw(QStringLiteral("b"), user->userHandle));
        QVERIFY(!insertRaw(QStringLiteral("c"), QByteArray(31, '\x01')));
        QVERIFY(insertRaw(QStringLiteral("d"), QByteArray(32, '\x01')));
    }

    void usernameIsUniqueInAnyLetterCase_data() { takenPairs(); }
    void usernameIsUniqueInAnyLetterCase()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        UserStore users(*m_database);
        QVERIFY(users.create(person(first, QStringLiteral("one@example.org"))).ok());
        auto clash = users.create(person(second, QStringLiteral("two@example.org")));
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, StoreError::Code::Conflict);
        QVERIFY2(clash.error().message.contains(QLatin1String("username")),
                 qPrintable(clash.error().message));
        QCOMPARE(ok(users.count()), 1);
        QVERIFY(!ok(users.findByLogin(QStringLiteral("two@example.org"))).has_value());
    }

    void emailIsUniqueInAnyLetterCase_data() { takenPairs(); }
    void emailIsUniqueInAnyLetterCase()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        UserStore users(*m_database);
        QVERIFY(users.create(person(QStringLiteral("one"), first + "@example.org")).ok());
        auto clash = users.create(person(QStringLiteral("two"), second + "@EXAMPLE.org"));
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, StoreError::Code::Conflict);
        QVERIFY2(clash.error().message.contains(QLatin1String("email")),
                 qPrintable(clash.error().message));
        QCOMPARE(ok(users.count()), 1);
        QVERIFY(!ok(users.findByLogin(QStringLiteral("two"))).has_value());
    }

    void differentNamesAreNotAConflict_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("accent differs") << QStringLiteral("elodie") << QStringLiteral("élodie");
        QTest::newRow("one letter") << QStringLiteral("alice") << QStringLiteral("alicf");
        QTest::newRow("dotless i") << QStringLiteral("ı") << QStringLiteral("i");
    }
    void differentNamesAreNotAConflict()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        UserStore users(*m_database);
        QVERIFY(users.create(person(first, QStringLiteral("one@example.org"))).ok());
        QVERIFY(users.create(person(second, QStringLiteral("two@example.org"))).ok());
        QCOMPARE(ok(users.count()), 2);
    }

    void aConflictWritesNothing()
    {
        UserStore users(*m_database);
        QVERIFY(
            users.create(person(QStringLiteral("alice"), QStringLiteral("a@example.org"))).ok());
        const qint64 before = ok(users.count());
        const qint64 lastId = maxRowId();
        // Username free, email taken: no half of the profile may remain.
        auto clash = users.create(person(QStringLiteral("bob"), QStringLiteral("A@example.org")));
        QVERIFY(!clash.ok());
        QCOMPARE(ok(users.count()), before);
        QVERIFY(!ok(users.findByLogin(QStringLiteral("bob"))).has_value());
        QCOMPARE(maxRowId(), lastId);
        // And the store is still usable afterwards (no transaction left open).
        QVERIFY(users.create(person(QStringLiteral("bob"), QStringLiteral("b@example.org"))).ok());
    }

    void emptyUsernameOrEmailIsInvalid()
    {
        UserStore users(*m_database);
        auto noName = users.create(person({}, QStringLiteral("a@example.org")));
        QVERIFY(!noName.ok());
        QCOMPARE(noName.error().code, StoreError::Code::Invalid);
        auto noEmail = users.create(person(QStringLiteral("a"), {}));
        QVERIFY(!noEmail.ok());
        QCOMPARE(noEmail.error().code, StoreError::Code::Invalid);
        QCOMPARE(ok(users.count()), 0);
    }

    void findByLoginIgnoresLetterCase_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("username as stored") << QStringLiteral("Élodie");
        QTest::newRow("username upper") << QStringLiteral("ÉLODIE");
        QTest::newRow("username lower") << QStringLiteral("élodie");
        QTest::newRow("username decomposed") << QStringLiteral("E\u0301LODIE");
        QTest::newRow("email upper") << QStringLiteral("ELODIE.D@EXAMPLE.ORG");
        QTest::newRow("email as stored") << QStringLiteral("elodie.d@example.org");
    }
    void findByLoginIgnoresLetterCase()
    {
        QFETCH(QString, login);
        UserStore users(*m_database);
        auto user =
            users.create(person(QStringLiteral("Élodie"), QStringLiteral("elodie.d@example.org")));
        QVERIFY(user.ok());
        auto found = ok(users.findByLogin(login));
        QVERIFY(found.has_value());
        QCOMPARE(found->id, user->id);
    }

    void findOfAnUnknownValueIsEmpty()
    {
        UserStore users(*m_database);
        QVERIFY(users.create(person(QStringLiteral("a"), QStringLiteral("a@example.org"))).ok());
        QVERIFY(!ok(users.findById(9999)).has_value());
        QVERIFY(
            !ok(users.findByUid(QUuid::createUuid().toString(QUuid::WithoutBraces))).has_value());
        QVERIFY(!ok(users.findByLogin(QStringLiteral("b"))).has_value());
        QVERIFY(!ok(users.findByUserHandle(QByteArray(32, '\0'))).has_value());
    }

    void removeDeletesTheProfileAndCascadesToItsCredentials()
    {
        UserStore users(*m_database);
        CredentialStore credentials(*m_database);
        auto alice = users.create(person(QStringLiteral("alice"), QStringLiteral("a@example.org")));
        auto bob = users.create(person(QStringLiteral("bob"), QStringLiteral("b@example.org")));
        QVERIFY(alice.ok() && bob.ok());
        for (char c : {'1', '2'}) {
            QVERIFY(credentials.add(passkey(alice->id, QByteArray(16, c))).ok());
        }
        QVERIFY(credentials.add(passkey(bob->id, QByteArray(16, '3'))).ok());

        QVERIFY(users.remove(alice->id).ok());
        QVERIFY(!ok(users.findById(alice->id)).has_value());
        QCOMPARE(ok(credentials.countForUser(alice->id)), 0);
        QVERIFY(!ok(credentials.findByCredentialId(QByteArray(16, '1'))).has_value());
        QCOMPARE(ok(credentials.countForUser(bob->id)), 1);
        QCOMPARE(ok(users.count()), 1);
    }

    void removingAMissingProfileIsNotFound()
    {
        UserStore users(*m_database);
        auto result = users.remove(424242);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, StoreError::Code::NotFound);
    }

    void countCountsProfiles()
    {
        UserStore users(*m_database);
        QCOMPARE(ok(users.count()), 0);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(users
                        .create(person(QStringLiteral("u%1").arg(i),
                                       QStringLiteral("u%1@example.org").arg(i)))
                        .ok());
        }
        QCOMPARE(ok(users.count()), 3);
    }

    void loginKeyIsCanonicalCaselessForm()
    {
        QCOMPARE(UserStore::loginKey(QStringLiteral("ÉLODIE")), QStringLiteral("élodie"));
        QCOMPARE(UserStore::loginKey(QStringLiteral("E\u0301lodie")), QStringLiteral("élodie"));
        QCOMPARE(UserStore::loginKey(QStringLiteral("ΣΊΣΥΦΟΣ")),
                 UserStore::loginKey(QStringLiteral("σίσυφοσ")));
    }

private:
    static void takenPairs()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("same") << QStringLiteral("alice") << QStringLiteral("alice");
        QTest::newRow("ascii upper") << QStringLiteral("alice") << QStringLiteral("ALICE");
        QTest::newRow("ascii mixed") << QStringLiteral("Alice") << QStringLiteral("aLiCe");
        QTest::newRow("non-ascii upper") << QStringLiteral("élodie") << QStringLiteral("ÉLODIE");
        QTest::newRow("non-ascii decomposed")
            << QStringLiteral("élodie") << QStringLiteral("E\u0301LODIE");
        QTest::newRow("cyrillic") << QStringLiteral("дмитрий") << QStringLiteral("ДМИТРИЙ");
        QTest::newRow("greek final sigma")
            << QStringLiteral("σίσυφος") << QStringLiteral("ΣΊΣΥΦΟΣ");
    }

    bool insertRaw(const QString& name, const QByteArray& handle)
    {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral(
            "INSERT INTO users (uid, username, username_key, email, email_key, user_handle, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, 0)"));
        query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.addBindValue(name);
        query.addBindValue(name);
        query.addBindValue(name + "@example.org");
        query.addBindValue(name + "@example.org");
        query.addBindValue(handle);
        return query.exec();
    }

    qint64 maxRowId()
    {
        QSqlQuery query(m_database->connection());
        query.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM users"));
        query.next();
        return query.value(0).toLongLong();
    }

    FreshDatabaseFiles m_files{QStringLiteral("users")};
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "test_user_store.moc"
