#include "store/sql_values.h"

#include "store/sqlite_dialect.h"

#include <QSqlError>
#include <QTimeZone>

namespace latchkey::store::sql {

qint64 toUnixMs(const QDateTime& time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime fromUnixMs(qint64 ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

std::optional<QDateTime> fromNullableUnixMs(const QVariant& column)
{
    if (column.isNull()) {
        return std::nullopt;
    }
    return fromUnixMs(column.toLongLong());
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant nullableBlob(const QByteArray& bytes)
{
    if (bytes.isEmpty()) {
        return QVariant(QMetaType::fromType<QByteArray>());
    }
    return QVariant(bytes);
}

StoreError ioError(const QSqlQuery& query, const QString& doing)
{
    if (sqlite::isBusy(query.lastError())) {
        return makeStoreError(StoreError::Code::Busy,
                              QStringLiteral("The profile database was busy while %1: another "
                                             "program is holding it (%2). Nothing was changed; "
                                             "try again in a moment.")
                                  .arg(doing, query.lastError().text()));
    }
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("The profile database failed while %1 (%2). Nothing was "
                                         "changed; check the disk and try again.")
                              .arg(doing, query.lastError().text()),
                          sqlite::faultOf(query.lastError()));
}

bool readFailed(const QSqlQuery& query)
{
    return query.lastError().isValid();
}

bool run(QSqlQuery& query, const QString& statement, const QVariantList& values)
{
    // Results are read once, front to back: no need for Qt to cache the rows.
    query.setForwardOnly(true);
    if (!query.prepare(statement)) {
        return false;
    }
    for (const QVariant& value : values) {
        query.addBindValue(value);
    }
    return query.exec();
}

} // namespace latchkey::store::sql
