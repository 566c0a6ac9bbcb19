// CombinedKeyStore: new keys in the preferred store, every store's credentials usable, each
// handle routed back to the store that made it.
#include "authenticator/combined_key_store.h"
#include "fake/in_memory_key_store.h"
#include "test_support.h"

#include <QtTest>

using namespace latchkey::authenticator;

namespace {

CredentialRecord recordFor(const CreatedKey& key, const QByteArray& id, qint64 createdAtMs)
{
    CredentialRecord record;
    record.credentialId = id;
    record.keyHandle = key.handle;
    record.rpId = QStringLiteral("localhost");
    record.userHandle = "user";
    record.discoverable = true;
    record.createdAt = QDateTime::fromMSecsSinceEpoch(createdAtMs, Qt::UTC);
    return record;
}

} // namespace

class TestCombinedKeyStore : public QObject {
    Q_OBJECT

private slots:
    void newKeysGoToThePreferredStore()
    {
        InMemoryKeyStore preferred;
        InMemoryKeyStore older;
        CombinedKeyStore combined({&preferred, &older});
        const auto key = combined.createKey("new");
        QVERIFY(key);
        QCOMPARE(preferred.keyCount(), 1);
        QCOMPARE(older.keyCount(), 0);
        QVERIFY(combined.saveCredential(recordFor(*key, "new", 1000)));
        QCOMPARE(preferred.credentialCount(), 1);
    }

    void credentialsOfTheOtherStoreStillSign()
    {
        InMemoryKeyStore preferred;
        InMemoryKeyStore older;
        const auto oldKey = older.createKey("old");
        QVERIFY(oldKey);
        QVERIFY(older.saveCredential(recordFor(*oldKey, "old", 1000)));
        CombinedKeyStore combined({&preferred, &older});

        const auto found = combined.findCredential(QStringLiteral("localhost"), "old");
        QVERIFY(found && found->has_value());
        const auto signature = combined.sign((*found)->keyHandle, "data");
        QVERIFY(signature);
        QVERIFY(testing::verifyEs256(
            QByteArray::fromHex("3059301306072a8648ce3d020106082a8648ce3d030107034200") +
                oldKey->publicPoint,
            "data", *signature));
        QCOMPARE(*combined.incrementSignCount("old"), quint32(1));
        QCOMPARE((*older.findCredential(QStringLiteral("localhost"), "old"))->signCount,
                 quint32(1));
        QVERIFY(combined.deleteKey((*found)->keyHandle));
        QCOMPARE(older.keyCount(), 0);
    }

    void discoverableCredentialsOfAllStoresNewestFirst()
    {
        InMemoryKeyStore preferred;
        InMemoryKeyStore older;
        const auto a = older.createKey("a");
        QVERIFY(older.saveCredential(recordFor(*a, "a", 1000)));
        CombinedKeyStore combined({&preferred, &older});
        const auto b = combined.createKey("b");
        QVERIFY(combined.saveCredential(recordFor(*b, "b", 3000)));
        const auto c = older.createKey("c");
        QVERIFY(older.saveCredential(recordFor(*c, "c", 2000)));

        const auto all = combined.discoverableCredentials(QStringLiteral("localhost"));
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).credentialId, QByteArray("b"));
        QCOMPARE(all->at(1).credentialId, QByteArray("c"));
        QCOMPARE(all->at(2).credentialId, QByteArray("a"));
        for (const CredentialRecord& record : *all)
            QVERIFY(combined.sign(record.keyHandle, "data"));
    }

    void handleOfNoStoreIsRefused()
    {
        InMemoryKeyStore only;
        CombinedKeyStore combined({&only});
        const auto key = only.createKey("k");
        QVERIFY(key);
        // The store's own handle without the combined store's tag, and a tag past the last store.
        QCOMPARE(combined.sign(QByteArray(1, '\x05') + key->handle, "d").error().code,
                 KeyStoreErrorCode::NotFound);
        QCOMPARE(combined.sign(QByteArray(), "d").error().code, KeyStoreErrorCode::NotFound);
        QCOMPARE(combined.incrementSignCount("unknown").error().code, KeyStoreErrorCode::NotFound);
    }

    void aaguidIsThePreferredStores()
    {
        InMemoryKeyStore preferred;
        CombinedKeyStore combined({&preferred});
        QCOMPARE(combined.aaguid(), preferred.aaguid());
    }
};

QTEST_GUILESS_MAIN(TestCombinedKeyStore)
#include "test_combined_key_store.moc"
