#include "store/write_transaction.h"

#include "store/sqlite_dialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace latchkey::store {

WriteTransaction::WriteTransaction(QSqlDatabase db) : m_db(std::move(db)) {}

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        m_db.rollback();
    }
}

StoreResult<void> WriteTransaction::begin()
{
    auto begun = sqlite::beginWriteTransaction(m_db);
    if (!begun) {
        return begun;
    }
    m_open = true;
    return {};
}

StoreResult<void> WriteTransaction::commit()
{
    // SQLite's COMMIT as a statement of its own: QSqlDatabase::commit() drops SQLite's result
    // code, and only the code tells a full disk or a read-only file from any other failure.
    QSqlQuery query(m_db);
    const bool committed = m_db.driverName() == sqlite::driverName()
                               ? query.exec(QStringLiteral("COMMIT"))
                               : m_db.commit();
    if (!committed) {
        const QSqlError error = query.lastError().isValid() ? query.lastError() : m_db.lastError();
        return makeStoreError(sqlite::isBusy(error) ? StoreError::Code::Busy : StoreError::Code::Io,
                              QStringLiteral("Cannot save to the profile database (%1). Nothing "
                                             "was changed; check the disk and try again.")
                                  .arg(error.text()),
                              sqlite::faultOf(error));
    }
    m_open = false;
    return {};
}

} // namespace latchkey::store
