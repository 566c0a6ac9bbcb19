#pragma once

#include "store/store_error.h"

#include <QSqlDatabase>

namespace latchkey::store {

// One write transaction: rolled back when it goes out of scope uncommitted, so an early
// return on error never leaves half a write behind.
class WriteTransaction {
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    StoreResult<void> begin();
    StoreResult<void> commit();

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace latchkey::store
