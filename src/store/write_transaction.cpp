#include "store/write_transaction.h"

#include "store/sqlite_dialect.h"

#include <QSqlError>

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
    if (!m_db.commit()) {
        return makeStoreError(sqlite::isBusy(m_db.lastError()) ? StoreError::Code::Busy
                                                               : StoreError::Code::Io,
                              QStringLiteral("Cannot save to the profile database (%1). Nothing "
                                             "was changed; check the disk and try again.")
                                  .arg(m_db.lastError().text()));
    }
    m_open = false;
    return {};
}

} // namespace latchkey::store
