#include "authenticator/software/key_file_lock.h"

#include "authenticator/software/private_file.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <algorithm>

namespace latchkey::authenticator {
namespace {

constexpr std::chrono::milliseconds kLongestPause(20);

} // namespace

KeyFileLock::KeyFileLock(const QString& filePath, std::chrono::milliseconds staleAfter)
    : m_filePath(filePath), m_lock(lockPath(filePath))
{
    m_lock.setStaleLockTime(staleAfter);
}

QString KeyFileLock::lockPath(const QString& filePath)
{
    return filePath + QStringLiteral(".lock");
}

KeyStoreResult<void> KeyFileLock::acquire(std::chrono::milliseconds wait)
{
    // The lock lives beside the file, so its folder must exist (and be private) first.
    if (auto folder = ensurePrivateFolder(m_filePath); !folder)
        return folder;
    // QLockFile::tryLock(wait) sleeps 100 ms, then 200 ms, ... between attempts, while a change
    // holds the lock for a few milliseconds; polling more often keeps a contended change fast.
    // tryLock(0) still takes over a stale lock.
    const QDeadlineTimer deadline(wait);
    std::chrono::milliseconds pause(1);
    while (!m_lock.tryLock(0)) {
        if (m_lock.error() != QLockFile::LockFailedError || deadline.hasExpired())
            return failure();
        const auto left =
            std::chrono::ceil<std::chrono::milliseconds>(deadline.remainingTimeAsDuration());
        QThread::msleep(quint64(std::min(pause, left).count()));
        pause = std::min(pause * 2, kLongestPause);
    }
    return {};
}

KeyStoreError KeyFileLock::failure() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock.error() == QLockFile::LockFailedError &&
        m_lock.getLockInfo(&pid, &host, &application))
        return keyStoreError(
            KeyStoreErrorCode::Io,
            QCoreApplication::translate(
                "latchkey::authenticator::KeyFileLock",
                "Another program (%1, process %2 on %3) is changing %4; try again in a "
                "moment. If it is no longer running, delete %5.")
                .arg(application, QString::number(pid), host, m_filePath, lockPath(m_filePath)));
    return keyStoreError(
        KeyStoreErrorCode::Io,
        QCoreApplication::translate("latchkey::authenticator::KeyFileLock",
                                    "Could not lock %1 for a change (%2 cannot be created); "
                                    "check the folder's permissions and free space.")
            .arg(m_filePath, lockPath(m_filePath)));
}

} // namespace latchkey::authenticator
