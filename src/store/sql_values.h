#pragma once

#include "store/store_error.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

// How the stores turn C++ values into column values and back, in one place so every table
// agrees (timestamps: INTEGER Unix milliseconds, UTC).
namespace latchkey::store::sql {

qint64 toUnixMs(const QDateTime& time);
QDateTime fromUnixMs(qint64 ms);
std::optional<QDateTime> fromNullableUnixMs(const QVariant& column);
QDateTime nowUtc();

// Qt SQL binds a null QString as NULL; NOT NULL text columns get "" instead.
QString text(const QString& value);

// An empty byte array is stored as NULL (a null QVariant of the right type).
QVariant nullableBlob(const QByteArray& bytes);

// A prepared statement that failed to prepare or run, as a StoreError the person can act on:
// Busy when another connection held the lock past the busy timeout, else Io.
StoreError ioError(const QSqlQuery& query, const QString& doing);

// After next() returned false: whether that was a failed read (a locked or damaged file)
// rather than the end of the rows. Only a clean end means "no (more) rows".
bool readFailed(const QSqlQuery& query);

// prepare() + exec() with the values bound in order; false when either step failed.
bool run(QSqlQuery& query, const QString& statement, const QVariantList& values);

} // namespace latchkey::store::sql
