#pragma once

#include "webauthn/result.h"

#include <QString>

namespace latchkey::store {

// What went wrong in the store, as a value: a code the caller can branch on and a sentence
// a person can act on.
struct StoreError {
    enum class Code {
        Conflict, // a unique value (username, email, credential id) is already taken
        NotFound, // the row the caller named does not exist
        Invalid,  // the value breaks a rule of the schema (empty, wrong length, ...)
        Io,       // the database could not be opened, read or written
    };
    Code code = Code::Io;
    QString message;
};

template <typename T> using StoreResult = webauthn::Result<T, StoreError>;

inline StoreError makeStoreError(StoreError::Code code, QString message)
{
    return StoreError{code, std::move(message)};
}

// Stable lower-case name of a code, e.g. "conflict", for logs and JSON answers.
QString codeName(StoreError::Code code);

} // namespace latchkey::store
