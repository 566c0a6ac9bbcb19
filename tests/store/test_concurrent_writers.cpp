#include "store/database.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>
#include <vector>

using namespace latchkey::store;
using namespace latchkey::store::testing;

namespace {

constexpr int writers = 3;
constexpr int namesPerWriter = 40;

struct Tally {
    QString openError;
    int created = 0;
    int conflicts = 0;
    QStringList otherErrors;
};

// One writer: its own connection (Qt SQL connections belong to one thread), opened at the
// same moment as the others, creating the same names as the others.
void writeNames(const QString& path, int writer, Tally& tally)
{
    auto database = Database::open(path);
    if (!database) {
        tally.openError = database.error().message;
        return;
    }
    UserStore users(**database);
    for (int i = 0; i < namesPerWriter; ++i) {
        // Letter case differs between writers: the folded key must still decide.
        const QString name =
            writer == 0 ? QStringLiteral("Name%1").arg(i) : QStringLiteral("NAME%1").arg(i);
        auto user = users.create({name, {}, QStringLiteral("n%1@example.org").arg(i)});
        if (user) {
            ++tally.created;
        } else if (user.error().code == StoreError::Code::Conflict) {
            ++tally.conflicts;
        } else {
            tally.otherErrors.append(user.error().message);
        }
    }
}

} // namespace

class TestConcurrentWriters : public QObject {
    Q_OBJECT

private slots:
    // Uniqueness is decided by the constraint inside each write transaction, not by a
    // SELECT before the INSERT, so racing writers never create a duplicate and never fail
    // for any reason other than the conflict.
    void racingWritersCreateEachNameExactlyOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("race.sqlite"));
        std::vector<Tally> tallies(writers);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back(QThread::create(writeNames, path, w, std::ref(tallies[w])));
        }
        for (auto& thread : threads) {
            thread->start();
        }
        for (auto& thread : threads) {
            QVERIFY(thread->wait(120000));
        }
        int created = 0;
        for (const Tally& tally : tallies) {
            QVERIFY2(tally.openError.isEmpty(), qPrintable(tally.openError));
            QVERIFY2(tally.otherErrors.isEmpty(), qPrintable(tally.otherErrors.join('\n')));
            QCOMPARE(tally.created + tally.conflicts, namesPerWriter);
            created += tally.created;
        }
        QCOMPARE(created, namesPerWriter);

        auto database = Database::open(path);
        QVERIFY(database.ok());
        UserStore users(**database);
        QCOMPARE(ok(users.count()), namesPerWriter);
        for (int i = 0; i < namesPerWriter; ++i) {
            QVERIFY(ok(users.findByLogin(QStringLiteral("name%1").arg(i))).has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "test_concurrent_writers.moc"
