#include "server/store_failure.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace latchkey::server {

namespace {

Q_LOGGING_CATEGORY(lcStoreFailure, "latchkey.server.store", QtWarningMsg)

QString failureCode(const store::StoreError& error)
{
    if (error.fault != store::StoreError::Fault::None)
        return store::faultName(error.fault);
    return error.code == store::StoreError::Code::Busy ? QStringLiteral("store_busy")
                                                       : QStringLiteral("store_error");
}

// What the person can do when the disk or the file is at fault: "try again" would not help.
QString faultMessage(store::StoreError::Fault fault)
{
    switch (fault) {
    case store::StoreError::Fault::DiskFull:
        return QCoreApplication::translate(
            "latchkey::server::StoreFailure",
            "The disk that holds Latchkey's profiles is full, so this was not saved. Nothing "
            "was changed. Free some space on it, then try again.");
    case store::StoreError::Fault::ReadOnly:
        return QCoreApplication::translate(
            "latchkey::server::StoreFailure",
            "Latchkey's data folder cannot be written any more (it is read-only), so this was "
            "not saved. Nothing was changed. Make the folder writable, then try again.");
    case store::StoreError::Fault::Damaged:
        return QCoreApplication::translate(
            "latchkey::server::StoreFailure",
            "Latchkey's profile database is damaged. Nothing was changed, and Latchkey leaves "
            "the file as it is. Restore it from a backup; its path is in Latchkey's log.");
    case store::StoreError::Fault::None:
        break;
    }
    return {};
}

// Literal contexts, so lupdate files the sentences under the context they are looked up in.
QString busyMessage()
{
    return QCoreApplication::translate("latchkey::server::StoreFailure",
                                       "Latchkey's profile database is busy: another program is "
                                       "using it. Nothing was changed. Try again in a moment.");
}

void logFailure(const store::StoreError& error)
{
    if (store::isStoreFault(error))
        qCWarning(lcStoreFailure).noquote()
            << store::codeName(error.code)
            << (error.fault == store::StoreError::Fault::None ? QString()
                                                              : "/" + store::faultName(error.fault))
            << "-" << error.message;
}

// Logged, then answered with the status and code for the error; a busy database always gets
// the "try again in a moment" sentence, anything else the caller's.
ApiError refusal(const store::StoreError& error, QString otherwise)
{
    logFailure(error);
    const bool busy = error.code == store::StoreError::Code::Busy;
    if (error.fault != store::StoreError::Fault::None)
        return {storeFailureStatus(error), failureCode(error), faultMessage(error.fault)};
    return {storeFailureStatus(error), failureCode(error), busy ? busyMessage() : otherwise};
}

} // namespace

// 507 Insufficient Storage (RFC 4918 §11.5) for a full disk: the request was fine, the
// server has no room to keep what it asked.
int storeFailureStatus(const store::StoreError& error)
{
    if (error.fault == store::StoreError::Fault::DiskFull)
        return 507;
    return error.code == store::StoreError::Code::Busy ? 503 : 500;
}

ApiError readFailure(const store::StoreError& error)
{
    return refusal(error, QCoreApplication::translate("latchkey::server::StoreFailure",
                                                      "Latchkey could not read its profiles just "
                                                      "now. Nothing was changed. Try again."));
}

ApiError writeFailure(const store::StoreError& error)
{
    return refusal(error, QCoreApplication::translate("latchkey::server::PasskeyFlows",
                                                      "Latchkey could not save this: %1")
                              .arg(error.message));
}

} // namespace latchkey::server
