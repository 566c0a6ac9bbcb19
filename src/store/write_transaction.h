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

// Runs fn inside one write transaction and commits only when fn succeeded; an error from
// fn returns unchanged and the transaction rolls back, so nothing of it is kept.
template <typename T, typename Fn> StoreResult<T> inTransaction(QSqlDatabase db, Fn fn)
{
    WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    StoreResult<T> result = fn();
    if (!result) {
        return result;
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return result;
}

} // namespace latchkey::store
