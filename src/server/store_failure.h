#pragma once

#include "server/api_answers.h"
#include "store/store_error.h"

namespace latchkey::server {

// 503 when the database was busy (another connection held it past the busy timeout, so the
// same request may work a moment later), else 500.
int storeFailureStatus(const store::StoreError& error);

// A read of profiles, passkeys or sessions failed: the request is refused with a 5xx and
// nothing is concluded from the read (neither "no such profile" nor "signed out"). Logs the
// store's code and sentence, which name the operation and SQLite's text, never a request's
// values.
ApiError readFailure(const store::StoreError& error);

// A write failed: the person is told the store's own sentence (it says what was not saved),
// or, when the database was busy, the same "try again in a moment" as readFailure. Logged
// like readFailure when the store itself failed.
ApiError writeFailure(const store::StoreError& error);

} // namespace latchkey::server
