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

} // namespace

int storeFailureStatus(const store::StoreError& error)
{
    return error.code == store::StoreError::Code::Busy ? 503 : 500;
}

ApiError readFailure(const store::StoreError& error)
{
    logFailure(error);
    if (error.code == store::StoreError::Code::Busy)
        return {503, failureCode(error), busyMessage()};
    return {storeFailureStatus(error), failureCode(error),
            QCoreApplication::translate("latchkey::server::StoreFailure",
                                        "Latchkey could not read its profiles just now. Nothing "
                                        "was changed. Try again.")};
}

ApiError writeFailure(const store::StoreError& error)
{
    logFailure(error);
    if (error.code == store::StoreError::Code::Busy)
        return {503, failureCode(error), busyMessage()};
    return {storeFailureStatus(error), failureCode(error),
            QCoreApplication::translate("latchkey::server::PasskeyFlows",
                                        "Latchkey could not save this: %1")
                .arg(error.message)};
}

} // namespace latchkey::server
