#pragma once

#include "app/app_error.h"
#include "app/passkey_storage.h"

#include <QDateTime>

namespace latchkey::store {
class Database;
}

namespace latchkey::app {

// Start-up: the keys of this data folder's software key store that no passkey row of its
// profile database claims are removed, so the key store and the database agree. A key is
// made before its registration is verified, so a crash, a refused registration or a removed
// passkey can leave one behind. Only keys of the handler's RP ID whose record is older than
// the relying party's ceremony timeout go, and keys that never got a record: no challenge
// that could still bring such a key's registration is pending. Runs only where the sealing
// key is a file that exists (--data-dir), so it never asks the desktop keychain or makes a
// key. Returns how many keys were removed; an error (a damaged keys file: its path and
// what is wrong) leaves the file as it was.
AppResult<int> removeUnclaimedKeys(const PasskeyStorage& storage, store::Database& database,
                                   const QDateTime& now);

} // namespace latchkey::app
