#include "server/store_failure.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace latchkey::server {

namespace {

Q_LOGGING_CATEGORY(lcStoreFailure, "latchkey.server.store", QtWarningMsg)

QString failureCode(const store::StoreError& error)
{
    return error.code == store::StoreError::Code::Busy ? QStringLiteral("store_busy")
                                                       : QStringLiteral("store_error");
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
        qCWarning(lcStoreFailure).noquote() << store::codeName(error.code) << "-" << error.message;
}

// Logged, then answered with the status and code for the error; a busy database always gets
// the "try again in a moment" sentence, anything else the caller's.
ApiError refusal(const store::StoreError& error, QString otherwise)
{
    logFailure(error);
    const bool busy = error.code == store::StoreError::Code::Busy;
    return {storeFailureStatus(error), failureCode(error), busy ? busyMessage() : otherwise};
}

} // namespace

int storeFailureStatus(const store::StoreError& error)
{
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
