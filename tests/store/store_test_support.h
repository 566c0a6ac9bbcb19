#pragma once

#include "store/database.h"
#include "store/store_error.h"
#include "webauthn/ceremony_state.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>
#include <chrono>

// What the store tests share: a fixed clock, a fresh database file per test function, two
// profiles to own rows, and a raw view of the file that bypasses the store under test.
namespace latchkey::store::testing {

// A fixed instant, so every expiry in these tests is exact.
QDateTime t0();
QDateTime at(std::chrono::milliseconds offset);

// size random bytes, for a challenge.
QByteArray randomChallenge(qsizetype size = 32);

// A sign-in state as RelyingParty::startDiscoverableAuthentication makes it: the challenge,
// expiring lifetime after now (invalid when now is).
webauthn::CeremonyState stateFor(const QByteArray& challenge, const QDateTime& now,
                                 std::chrono::milliseconds lifetime = std::chrono::minutes(5));

// One temporary folder per test object; nextPath() names a new database file in it
// ("<stem>-<n>.sqlite") so each test function starts from an empty database.
class FreshDatabaseFiles {
public:
    explicit FreshDatabaseFiles(QString stem);

    bool isValid() const;
    QString nextPath();
    QString filePath(const QString& name) const;

private:
    QTemporaryDir m_dir;
    QString m_stem;
    int m_counter = 0;
};

// Two profiles, alice and bob, for rows that need an owner.
struct TwoProfiles {
    qint64 alice = 0;
    qint64 bob = 0;
};
StoreResult<TwoProfiles> createAliceAndBob(Database& database);

// A plain Qt SQL connection of the test's own, so what it reads is what is in the file and
// not what the store under test believes.
class RawConnection {
public:
    explicit RawConnection(const QString& path);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // The first column of the first row, or an invalid QVariant when the statement fails.
    QVariant scalar(const QString& statement) const;
    bool exec(const QString& statement) const;
    const QString& connectionName() const { return m_name; }

private:
    QString m_name;
};

// The value of a read the test expects to work. A failed read stops the test with the
// store's sentence: it must never pass as "none" or zero.
template <typename T> T ok(StoreResult<T> result)
{
    if (!result) {
        qFatal("unexpected store error (%s): %s", qPrintable(codeName(result.error().code)),
               qPrintable(result.error().message));
    }
    return std::move(result).value();
}

// Every row of every table of the database file at path, in rowid order, as text (blobs in
// hex), read through a connection of its own: two dumps are equal when the data is equal
// row for row. Empty when the file cannot be read.
QByteArray dumpOf(const QString& path);

// The file's bytes, or empty when it cannot be read.
QByteArray fileBytes(const QString& path);

} // namespace latchkey::store::testing
