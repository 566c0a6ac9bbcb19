#include "store/credential_store.h"
#include "store/database.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace latchkey::store;
using namespace latchkey::store::testing;

namespace {

NewCredential passkey(qint64 userId, const QByteArray& credentialId)
{
    NewCredential credential;
    credential.userId = userId;
    credential.credentialId = credentialId;
    credential.publicKey = QByteArray::fromHex("a501020326200121582011");
    credential.signCount = 5;
    credential.transports = {QStringLiteral("internal"), QStringLiteral("hybrid")};
    credential.aaguid = QByteArray(16, '\xad');
    credential.attestationFormat = QStringLiteral("packed");
    credential.backupEligible = true;
    credential.backupState = false;
    credential.nickname = QStringLiteral("Laptop");
    return credential;
}

} // namespace

class TestCredentialStore : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        m_database.reset();
        auto database = Database::open(m_files.nextPath());
        QVERIFY2(database.ok(), qPrintable(database ? QString() : database.error().message));
        m_database = std::move(*database);
        auto people = createAliceAndBob(*m_database);
        QVERIFY(people.ok());
        m_alice = people->alice;
        m_bob = people->bob;
    }

    void addStoresEveryColumn()
    {
        CredentialStore credentials(*m_database);
        const NewCredential wanted = passkey(m_alice, "cred-1");
        auto added = credentials.add(wanted);
        QVERIFY2(added.ok(), qPrintable(added ? QString() : added.error().message));
        auto found = ok(credentials.findByCredentialId("cred-1"));
        QVERIFY(found.has_value());
        QCOMPARE(found->id, added->id);
        QCOMPARE(found->userId, m_alice);
        QCOMPARE(found->credentialId, wanted.credentialId);
        QCOMPARE(found->publicKey, wanted.publicKey);
        QCOMPARE(found->signCount, 5u);
        QCOMPARE(found->transports, wanted.transports);
        QCOMPARE(found->aaguid, wanted.aaguid);
        QCOMPARE(found->attestationFormat, QStringLiteral("packed"));
        QCOMPARE(found->backupEligible, true);
        QCOMPARE(found->backupState, false);
        QCOMPARE(found->nickname, QStringLiteral("Laptop"));
        QCOMPARE(found->createdAt, added->createdAt);
        QCOMPARE(found->createdAt.timeSpec(), Qt::UTC);
        QVERIFY(!found->lastUsedAt.has_value());
    }

    void optionalColumnsMayBeEmpty()
    {
        CredentialStore credentials(*m_database);
        NewCredential bare;
        bare.userId = m_alice;
        bare.credentialId = "bare";
        bare.publicKey = "k";
        QVERIFY(credentials.add(bare).ok());
        auto found = ok(credentials.findByCredentialId("bare"));
        QVERIFY(found.has_value());
        QVERIFY(found->aaguid.isEmpty());
        QVERIFY(found->transports.isEmpty());
        QCOMPARE(found->signCount, 0u);
    }

    void signCountKeepsAllThirtyTwoBits()
    {
        CredentialStore credentials(*m_database);
        NewCredential credential = passkey(m_alice, "big");
        credential.signCount = 0xFFFFFFFFu;
        QVERIFY(credentials.add(credential).ok());
        QCOMPARE(ok(credentials.findByCredentialId("big"))->signCount, 0xFFFFFFFFu);
    }

    void aDuplicateCredentialIdIsAConflictAndWritesNothing()
    {
        CredentialStore credentials(*m_database);
        QVERIFY(credentials.add(passkey(m_alice, "same")).ok());
        auto again = credentials.add(passkey(m_bob, "same"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, StoreError::Code::Conflict);
        QCOMPARE(ok(credentials.countForUser(m_bob)), 0);
        QCOMPARE(ok(credentials.findByCredentialId("same"))->userId, m_alice);
    }

    void addingToAMissingProfileIsNotFound()
    {
        CredentialStore credentials(*m_database);
        auto orphan = credentials.add(passkey(987654, "orphan"));
        QVERIFY(!orphan.ok());
        QCOMPARE(orphan.error().code, StoreError::Code::NotFound);
        QVERIFY(!ok(credentials.findByCredentialId("orphan")).has_value());
    }

    void credentialIdLength_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << 0 << false;
        QTest::newRow("1 byte") << 1 << true;
        QTest::newRow("1023 bytes") << 1023 << true;
        QTest::newRow("1024 bytes") << 1024 << false;
    }
    void credentialIdLength()
    {
        QFETCH(int, length);
        QFETCH(bool, accepted);
        CredentialStore credentials(*m_database);
        auto added = credentials.add(passkey(m_alice, QByteArray(length, 'c')));
        QCOMPARE(added.ok(), accepted);
        if (!accepted) {
            QCOMPARE(added.error().code, StoreError::Code::Invalid);
        }
        QCOMPARE(ok(credentials.countForUser(m_alice)), accepted ? 1 : 0);
    }

    void invalidValuesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("aaguid");
        QTest::addColumn<bool>("backupEligible");
        QTest::addColumn<bool>("backupState");
        QTest::newRow("no public key") << QByteArray() << QByteArray(16, 'a') << true << false;
        QTest::newRow("aaguid of 15 bytes")
            << QByteArray("k") << QByteArray(15, 'a') << true << false;
        QTest::newRow("backed up, not eligible")
            << QByteArray("k") << QByteArray() << false << true;
    }
    void invalidValuesAreRefused()
    {
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, aaguid);
        QFETCH(bool, backupEligible);
        QFETCH(bool, backupState);
        NewCredential credential = passkey(m_alice, "bad");
        credential.publicKey = publicKey;
        credential.aaguid = aaguid;
        credential.backupEligible = backupEligible;
        credential.backupState = backupState;
        CredentialStore credentials(*m_database);
        auto added = credentials.add(credential);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, StoreError::Code::Invalid);
        QCOMPARE(ok(credentials.countForUser(m_alice)), 0);
    }

    void listForUserGivesOnlyThatUsersCredentialsOldestFirst()
    {
        CredentialStore credentials(*m_database);
        QVERIFY(credentials.add(passkey(m_alice, "a-1")).ok());
        QVERIFY(credentials.add(passkey(m_bob, "b-1")).ok());
        QVERIFY(credentials.add(passkey(m_alice, "a-2")).ok());
        const QList<Credential> list = ok(credentials.listForUser(m_alice));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].credentialId, QByteArray("a-1"));
        QCOMPARE(list[1].credentialId, QByteArray("a-2"));
        QCOMPARE(ok(credentials.countForUser(m_alice)), 2);
        QCOMPARE(ok(credentials.countForUser(m_bob)), 1);
        QVERIFY(ok(credentials.listForUser(123456)).isEmpty());
    }

    void renameChangesOnlyTheOwnersCredential()
    {
        CredentialStore credentials(*m_database);
        QVERIFY(credentials.add(passkey(m_alice, "a-1")).ok());
        QVERIFY(credentials.rename(m_alice, "a-1", QStringLiteral("Phone")).ok());
        QCOMPARE(ok(credentials.findByCredentialId("a-1"))->nickname, QStringLiteral("Phone"));

        auto notHers = credentials.rename(m_bob, "a-1", QStringLiteral("Stolen"));
        QVERIFY(!notHers.ok());
        QCOMPARE(notHers.error().code, StoreError::Code::NotFound);
        QCOMPARE(ok(credentials.findByCredentialId("a-1"))->nickname, QStringLiteral("Phone"));

        auto missing = credentials.rename(m_alice, "nope", QStringLiteral("x"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, StoreError::Code::NotFound);
    }

    void updateAfterSignInRecordsCounterBackupStateAndTime()
    {
        CredentialStore credentials(*m_database);
        QVERIFY(credentials.add(passkey(m_alice, "a-1")).ok());
        const QDateTime usedAt =
            QDateTime::fromString(QStringLiteral("2026-11-25T15:04:05.678Z"), Qt::ISODateWithMs);
        QVERIFY(credentials.updateAfterSignIn("a-1", 42, true, usedAt).ok());
        auto found = ok(credentials.findByCredentialId("a-1"));
        QCOMPARE(found->signCount, 42u);
        QCOMPARE(found->backupState, true);
        QVERIFY(found->lastUsedAt.has_value());
        QCOMPARE(*found->lastUsedAt, usedAt);
        QCOMPARE(found->lastUsedAt->timeSpec(), Qt::UTC);
    }

    void updateAfterSignInOfAnUnknownCredentialIsNotFound()
    {
        CredentialStore credentials(*m_database);
        auto result =
            credentials.updateAfterSignIn("ghost", 1, false, QDateTime::currentDateTimeUtc());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, StoreError::Code::NotFound);
    }

    void updateAfterSignInCannotBackUpAnIneligibleCredential()
    {
        CredentialStore credentials(*m_database);
        NewCredential credential = passkey(m_alice, "device-bound");
        credential.backupEligible = false;
        QVERIFY(credentials.add(credential).ok());
        auto result =
            credentials.updateAfterSignIn("device-bound", 9, true, QDateTime::currentDateTimeUtc());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, StoreError::Code::Invalid);
        auto found = ok(credentials.findByCredentialId("device-bound"));
        QCOMPARE(found->signCount, 5u);
        QVERIFY(!found->lastUsedAt.has_value());
    }

    void removeDeletesOnlyTheOwnersCredential()
    {
        CredentialStore credentials(*m_database);
        QVERIFY(credentials.add(passkey(m_alice, "a-1")).ok());
        QVERIFY(credentials.add(passkey(m_alice, "a-2")).ok());

        auto notHis = credentials.remove(m_bob, "a-1");
        QVERIFY(!notHis.ok());
        QCOMPARE(notHis.error().code, StoreError::Code::NotFound);
        QCOMPARE(ok(credentials.countForUser(m_alice)), 2);

        QVERIFY(credentials.remove(m_alice, "a-1").ok());
        QVERIFY(!ok(credentials.findByCredentialId("a-1")).has_value());
        QCOMPARE(ok(credentials.countForUser(m_alice)), 1);

        auto again = credentials.remove(m_alice, "a-1");
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, StoreError::Code::NotFound);
    }

    void credentialsGoWithTheirProfile()
    {
        CredentialStore credentials(*m_database);
        QVERIFY(credentials.add(passkey(m_alice, "a-1")).ok());
        QVERIFY(credentials.add(passkey(m_bob, "b-1")).ok());
        QVERIFY(UserStore(*m_database).remove(m_alice).ok());
        QVERIFY(!ok(credentials.findByCredentialId("a-1")).has_value());
        QVERIFY(ok(credentials.findByCredentialId("b-1")).has_value());
    }

private:
    FreshDatabaseFiles m_files{QStringLiteral("creds")};
    std::unique_ptr<Database> m_database;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "test_credential_store.moc"
