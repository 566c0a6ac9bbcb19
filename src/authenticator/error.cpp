#include "authenticator/error.h"

#include <QLoggingCategory>
#include <QRegularExpression>

namespace latchkey::authenticator {

QString domErrorNameString(DomErrorName name)
{
    switch (name) {
    case DomErrorName::NotAllowedError:
        return QStringLiteral("NotAllowedError");
    case DomErrorName::InvalidStateError:
        return QStringLiteral("InvalidStateError");
    case DomErrorName::SecurityError:
        return QStringLiteral("SecurityError");
    case DomErrorName::NotSupportedError:
        return QStringLiteral("NotSupportedError");
    case DomErrorName::TypeError:
        return QStringLiteral("TypeError");
    case DomErrorName::UnknownError:
        break;
    }
    return QStringLiteral("UnknownError");
}

QString ctapStatusName(CtapStatus status)
{
    switch (status) {
    case CtapStatus::InvalidParameter:
        return QStringLiteral("CTAP2_ERR_INVALID_PARAMETER");
    case CtapStatus::CredentialExcluded:
        return QStringLiteral("CTAP2_ERR_CREDENTIAL_EXCLUDED");
    case CtapStatus::UnsupportedAlgorithm:
        return QStringLiteral("CTAP2_ERR_UNSUPPORTED_ALGORITHM");
    case CtapStatus::OperationDenied:
        return QStringLiteral("CTAP2_ERR_OPERATION_DENIED");
    case CtapStatus::KeyStoreFull:
        return QStringLiteral("CTAP2_ERR_KEY_STORE_FULL");
    case CtapStatus::UnsupportedOption:
        return QStringLiteral("CTAP2_ERR_UNSUPPORTED_OPTION");
    case CtapStatus::InvalidOption:
        return QStringLiteral("CTAP2_ERR_INVALID_OPTION");
    case CtapStatus::NoCredentials:
        return QStringLiteral("CTAP2_ERR_NO_CREDENTIALS");
    case CtapStatus::UserActionTimeout:
        return QStringLiteral("CTAP2_ERR_USER_ACTION_TIMEOUT");
    case CtapStatus::NotAllowed:
        return QStringLiteral("CTAP2_ERR_NOT_ALLOWED");
    case CtapStatus::Other:
        break;
    }
    return QStringLiteral("CTAP1_ERR_OTHER");
}

ClientError toClientError(const AuthenticatorError& error)
{
    switch (error.status) {
    case CtapStatus::CredentialExcluded:
        return clientError(DomErrorName::InvalidStateError, error.message);
    case CtapStatus::UnsupportedAlgorithm:
        return clientError(DomErrorName::NotSupportedError, error.message);
    case CtapStatus::InvalidParameter:
    case CtapStatus::InvalidOption:
        return clientError(DomErrorName::TypeError, error.message);
    case CtapStatus::OperationDenied:
    case CtapStatus::NoCredentials:
    case CtapStatus::UserActionTimeout:
    case CtapStatus::NotAllowed:
    case CtapStatus::UnsupportedOption:
    case CtapStatus::KeyStoreFull:
        return clientError(DomErrorName::NotAllowedError, error.message);
    case CtapStatus::Other:
        break;
    }
    return clientError(DomErrorName::UnknownError, error.message);
}

Q_LOGGING_CATEGORY(lcKeyStore, "latchkey.authenticator.keystore", QtWarningMsg)

QString withoutAbsolutePaths(const QString& message)
{
    // A "/" that starts a path: not inside a word, a URL ("http://") or a relative path.
    static const QRegularExpression path(
        QStringLiteral("(?<![\\w:/.~-])/(?:[^/\\s:;,()\"“”«»„]+/)*([^/\\s:;,()\"“”«»„]+)"));
    QString safe = message;
    return safe.replace(path, QStringLiteral("…/\\1"));
}

void logKeyStoreError(const KeyStoreError& error)
{
    qCWarning(lcKeyStore).noquote() << error.message;
}

// The sentence goes on to the page (through the client's DOMException): it loses its paths,
// and the log keeps it whole.
AuthenticatorError toAuthenticatorError(const KeyStoreError& error)
{
    // A lost key is as unusable as a missing one; its sentence says why and what to do.
    if (error.code == KeyStoreErrorCode::NotFound || error.code == KeyStoreErrorCode::KeyLost)
        return authenticatorError(CtapStatus::NoCredentials, withoutAbsolutePaths(error.message));
    logKeyStoreError(error);
    if (error.code == KeyStoreErrorCode::TpmFull)
        return authenticatorError(CtapStatus::KeyStoreFull, withoutAbsolutePaths(error.message));
    return authenticatorError(CtapStatus::Other, withoutAbsolutePaths(error.message));
}

} // namespace latchkey::authenticator
