#include "store/credential_store.h"
#include "store/database.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace latchkey::store;
using namespace latchkey::store::testing;

namespace {

constexpr int lookups = 5000;

// Fills the users table through plain SQL in one transaction: creating 100,000 profiles one
// durable transaction at a time would measure the disk's fsync, not the lookups.
void fillUsers(Database& database, int count)
{
    QSqlDatabase db = database.connection();
    QVERIFY(db.transaction());
    QSqlQuery query(db);
    QVERIFY(query.prepare(QStringLiteral(
        "INSERT INTO users (uid, username, username_key, display_name, email, email_key, "
        "user_handle, created_at) VALUES (?, ?, ?, '', ?, ?, ?, 0)")));
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("User%1").arg(i);
        const QString email = QStringLiteral("user%1@example.org").arg(i);
        QByteArray handle(32, '\0');
        qToBigEndian<quint32>(static_cast<quint32>(i), handle.data());
        query.addBindValue(
            QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')));
        query.addBindValue(name);
        query.addBindValue(UserStore::loginKey(name));
        query.addBindValue(email);
        query.addBindValue(UserStore::loginKey(email));
        query.addBindValue(handle);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    QVERIFY(db.commit());
}

QString queryPlan(Database& database, const QString& statement)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + statement);
    query.addBindValue(QVariant(QStringLiteral("x")));
    if (!query.exec()) {
        return query.lastError().text();
    }
    QStringList steps;
    while (query.next()) {
        steps.append(query.value(3).toString());
    }
    return steps.join(QLatin1String("; "));
}

// Nanoseconds per findByLogin / findByUserHandle, over names spread through the table.
double nsPerLookup(Database& database, int profiles)
{
    UserStore users(database);
    QElapsedTimer timer;
    timer.start();
    int found = 0;
    for (int i = 0; i < lookups; ++i) {
        const int n = static_cast<int>((static_cast<qint64>(i) * 7919) % profiles);
        found += ok(users.findByLogin(QStringLiteral("USER%1").arg(n))).has_value();
        QByteArray handle(32, '\0');
        qToBigEndian<quint32>(static_cast<quint32>(n), handle.data());
        found += ok(users.findByUserHandle(handle)).has_value();
    }
    const double ns = static_cast<double>(timer.nsecsElapsed()) / (2.0 * lookups);
    if (found != 2 * lookups) {
        qWarning("only %d of %d lookups found their profile", found, 2 * lookups);
        return -1;
    }
    return ns;
}

} // namespace

class TestStoreScale : public QObject {
    Q_OBJECT

private slots:
    void lookupsUseAnIndex_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("username") << QStringLiteral("username_key = ?");
        QTest::newRow("email") << QStringLiteral("email_key = ?");
        QTest::newRow("uid") << QStringLiteral("uid = ?");
        QTest::newRow("user handle") << QStringLiteral("user_handle = ?");
    }
    void lookupsUseAnIndex()
    {
        QFETCH(QString, where);
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(QStringLiteral("plan.sqlite")));
        QVERIFY(database.ok());
        const QString plan =
            queryPlan(**database, QStringLiteral("SELECT * FROM users WHERE ") + where);
        QVERIFY2(plan.contains(QLatin1String("USING INDEX")) ||
                     plan.contains(QLatin1String("USING COVERING INDEX")),
                 qPrintable(plan));
    }

    void credentialLookupsUseAnIndex_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("credential id") << QStringLiteral("credential_id = ?");
        QTest::newRow("owner") << QStringLiteral("user_id = ?");
    }
    void credentialLookupsUseAnIndex()
    {
        QFETCH(QString, where);
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(QStringLiteral("plan.sqlite")));
        QVERIFY(database.ok());
        const QString plan =
            queryPlan(**database, QStringLiteral("SELECT * FROM credentials WHERE ") + where);
        QVERIFY2(plan.contains(QLatin1String("USING INDEX")) ||
                     plan.contains(QLatin1String("USING COVERING INDEX")),
                 qPrintable(plan));
    }

    // Each create() is its own durable transaction (WAL, synchronous FULL): this prints what
    // one profile costs on this disk.
    void createdProfilesAreAllCounted()
    {
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(QStringLiteral("create.sqlite")));
        QVERIFY(database.ok());
        UserStore users(**database);
        constexpr int profiles = 200;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < profiles; ++i) {
            QVERIFY(users
                        .create({QStringLiteral("p%1").arg(i),
                                 {},
                                 QStringLiteral("p%1@example.org").arg(i)})
                        .ok());
        }
        qInfo("create: %.2f ms per profile (one durable transaction each)",
              static_cast<double>(timer.nsecsElapsed()) / 1e6 / profiles);
        QCOMPARE(ok(users.count()), profiles);
    }

    // Sign-in must not slow down with the number of profiles: an index lookup grows with
    // log(n), a scan with n (1000x between 100 and 100,000 profiles).
    void lookupTimeBarelyGrowsFrom100To100000Profiles()
    {
        QTemporaryDir dir;
        auto small = Database::open(dir.filePath(QStringLiteral("small.sqlite")));
        auto large = Database::open(dir.filePath(QStringLiteral("large.sqlite")));
        QVERIFY(small.ok() && large.ok());
        fillUsers(**small, 100);
        QElapsedTimer fill;
        fill.start();
        fillUsers(**large, 100000);
        qInfo("filled 100,000 profiles in %lld ms", fill.elapsed());
        QCOMPARE(ok(UserStore(**large).count()), 100000);

        nsPerLookup(**small, 100); // warm up both files
        const double smallNs = nsPerLookup(**small, 100);
        const double largeNs = nsPerLookup(**large, 100000);
        QVERIFY(smallNs > 0 && largeNs > 0);
        qInfo("lookup: %.1f us at 100 profiles, %.1f us at 100,000 profiles, ratio %.2f",
              smallNs / 1000, largeNs / 1000, largeNs / smallNs);
        // Loose bound (shared CI machines are noisy); a table scan would be hundreds of times.
        QVERIFY2(largeNs / smallNs < 10, qPrintable(QString::number(largeNs / smallNs)));
    }
};

QTEST_GUILESS_MAIN(TestStoreScale)
#include "test_store_scale.moc"
