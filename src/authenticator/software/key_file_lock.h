#pragma once

#include "authenticator/error.h"

#include <QLockFile>
#include <QString>
#include <chrono>

namespace latchkey::authenticator {

// How long a caller waits for another process to finish its change of a file, and when a lock
// is presumed abandoned although its process may still exist (hung, or on another computer
// sharing the folder). A lock whose process has died is taken over at once, whatever its age.
inline constexpr std::chrono::milliseconds kKeyFileLockWait{5000};
inline constexpr std::chrono::milliseconds kKeyFileLockStaleAfter{30000};

// An inter-process lock beside a file (<file>.lock, a QLockFile), held for one
// read-modify-write of that file so two processes never write back each other's stale copies.
// Released when destroyed.
class KeyFileLock {
public:
    explicit KeyFileLock(const QString& filePath,
                         std::chrono::milliseconds staleAfter = kKeyFileLockStaleAfter);
    KeyFileLock(const KeyFileLock&) = delete;
    KeyFileLock& operator=(const KeyFileLock&) = delete;

    // Io, naming the process that holds it, when it is not free within wait.
    KeyStoreResult<void> acquire(std::chrono::milliseconds wait = kKeyFileLockWait);

    static QString lockPath(const QString& filePath);

private:
    KeyStoreError failure() const;

    QString m_filePath;
    QLockFile m_lock;
};

} // namespace latchkey::authenticator
