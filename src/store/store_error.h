#pragma once

#include "core/result.h"

#include <QString>
#include <optional>

namespace latchkey::store {

// What went wrong in the store, as a value: a code the caller can branch on and a sentence
// a person can act on.
struct StoreError {
    enum class Code {
        Conflict, // a unique value (username, email, credential id) is already taken
        NotFound, // the row the caller named does not exist
        Invalid,  // the value breaks a rule of the schema (empty, wrong length, ...)
        Io,       // the database could not be opened, read or written
        Busy,     // another connection held the database past the busy timeout; try again
    };
    // What the file system or the file itself did, when SQLite said (Io errors only): the
    // handler then tells the person what to do about it, not just "try again".
    enum class Fault {
        None,
        DiskFull, // no space left for the database or its log
        ReadOnly, // the file or its folder cannot be written any more
        Damaged,  // the file is not a database or fails SQLite's own checks
    };
    Code code = Code::Io;
    QString message;
    Fault fault = Fault::None;
};

template <typename T> using StoreResult = core::Result<T, StoreError>;

// A lookup's three outcomes: the row (found), an empty optional (there is no such row) or
// an error (the database could not be read). A caller must never read an error as "none".
template <typename T> using StoreLookup = StoreResult<std::optional<T>>;

inline StoreError makeStoreError(StoreError::Code code, QString message,
                                 StoreError::Fault fault = StoreError::Fault::None)
{
    return StoreError{code, std::move(message), fault};
}

// Stable lower-case name of a code, e.g. "conflict", for logs and JSON answers.
QString codeName(StoreError::Code code);
// "disk_full", "read_only", "damaged", or empty for Fault::None.
QString faultName(StoreError::Fault fault);

// The store itself failed (Io or Busy): not an answer about the data, so nothing may be
// concluded from it, neither "none" nor "taken".
bool isStoreFault(const StoreError& error);

} // namespace latchkey::store
