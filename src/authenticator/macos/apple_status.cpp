#include "authenticator/macos/apple_status.h"

#include <QCoreApplication>

namespace latchkey::authenticator::macos {
namespace {

// what: a QT_TRANSLATE_NOOP phrase of the SecureEnclave context, so the sentence reads whole.
const char* operationPhrase(KeyOperation operation)
{
    switch (operation) {
    case KeyOperation::Create:
        return QT_TRANSLATE_NOOP("latchkey::authenticator::SecureEnclave", "create the key");
    case KeyOperation::Read:
        return QT_TRANSLATE_NOOP("latchkey::authenticator::SecureEnclave", "find the key");
    case KeyOperation::Sign:
        return QT_TRANSLATE_NOOP("latchkey::authenticator::SecureEnclave", "sign with the key");
    case KeyOperation::Delete:
        break;
    }
    return QT_TRANSLATE_NOOP("latchkey::authenticator::SecureEnclave", "delete the key");
}

} // namespace

KeyStoreError keyStoreErrorFor(AppleStatus status, KeyOperation operation)
{
    switch (status) {
    case oss::kMissingEntitlement:
        return keyStoreError(
            KeyStoreErrorCode::Unavailable,
            QCoreApplication::translate(
                "latchkey::authenticator::SecureEnclave",
                "This copy of Latchkey is not signed with the keychain entitlement that Secure "
                "Enclave keys need (error -34018). Install a signed copy of Latchkey."));
    case oss::kUnimplemented:
    case oss::kNotAvailable:
        return keyStoreError(KeyStoreErrorCode::Unavailable,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::SecureEnclave",
                                 "This Mac has no Secure Enclave, so it cannot hold passkeys "
                                 "with Touch ID."));
    case oss::kItemNotFound:
        if (operation != KeyOperation::Create)
            return keyStoreError(
                KeyStoreErrorCode::KeyLost,
                QCoreApplication::translate(
                    "latchkey::authenticator::SecureEnclave",
                    "This passkey's key is no longer in this Mac's Secure Enclave: the "
                    "fingerprints changed since it was made, or the keychain was reset. The "
                    "passkey cannot be used again; sign in another way and create a new one."));
        break;
    case oss::kAuthFailed:
    case oss::kInteractionNotAllowed:
    case oss::kUserCanceled:
        if (operation == KeyOperation::Sign)
            return keyStoreError(KeyStoreErrorCode::Crypto,
                                 QCoreApplication::translate(
                                     "latchkey::authenticator::SecureEnclave",
                                     "The Mac did not let this passkey sign: it was not "
                                     "confirmed with Touch ID or your password. Try again."));
        break;
    case oss::kDuplicateItem:
        return keyStoreError(KeyStoreErrorCode::Crypto,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::SecureEnclave",
                                 "A key with this credential id is already in the keychain."));
    default:
        break;
    }
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                    "The Secure Enclave could not %1 (error %2).")
            .arg(QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                             operationPhrase(operation)))
            .arg(status));
}

LaVerdict laVerdictFor(AppleStatus status)
{
    switch (status) {
    case 0:
        return LaVerdict::Verified;
    case la::kUserCancel:
    case la::kSystemCancel:
    case la::kAppCancel:
    case la::kInvalidContext:
        return LaVerdict::Cancelled;
    case la::kAuthenticationFailed:
        return LaVerdict::Failed;
    case la::kUserFallback:
        return LaVerdict::UsePassword;
    default:
        break;
    }
    return LaVerdict::Unavailable;
}

QString laSentence(AppleStatus status)
{
    switch (status) {
    case 0:
        return QString();
    case la::kUserCancel:
    case la::kSystemCancel:
    case la::kAppCancel:
    case la::kInvalidContext:
        return QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                           "The request was cancelled.");
    case la::kAuthenticationFailed:
        return QCoreApplication::translate(
            "latchkey::authenticator::SecureEnclave",
            "Touch ID or the password did not recognise you. Try again.");
    case la::kUserFallback:
        return QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                           "Enter your Mac's password instead of Touch ID.");
    case la::kPasscodeNotSet:
        return QCoreApplication::translate(
            "latchkey::authenticator::SecureEnclave",
            "This Mac has no login password, so it cannot confirm it is you: set one in "
            "System Settings, Users & Groups.");
    case la::kBiometryNotAvailable:
        return QCoreApplication::translate(
            "latchkey::authenticator::SecureEnclave",
            "Touch ID is not available on this Mac (or is turned off in System "
            "Settings).");
    case la::kBiometryNotEnrolled:
        return QCoreApplication::translate(
            "latchkey::authenticator::SecureEnclave",
            "No fingerprint is set up for Touch ID: add one in System Settings, Touch ID "
            "& Password.");
    case la::kBiometryLockout:
        return QCoreApplication::translate(
            "latchkey::authenticator::SecureEnclave",
            "Touch ID is locked after too many attempts: unlock it with your Mac's "
            "password, then try again.");
    case la::kNotInteractive:
        return QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                           "This Mac cannot show the Touch ID prompt right now.");
    default:
        break;
    }
    return QCoreApplication::translate(
               "latchkey::authenticator::SecureEnclave",
               "LocalAuthentication could not confirm it is you (error %1).")
        .arg(status);
}

} // namespace latchkey::authenticator::macos
