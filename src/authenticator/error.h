#pragma once

#include "core/result.h"

#include <QString>

namespace latchkey::authenticator {

// The DOMException name a browser would reject navigator.credentials.create/get with; the page's
// script sees exactly this name, so pages written for browsers handle our errors unchanged.
enum class DomErrorName {
    NotAllowedError,   // cancelled, timed out, no matching credential, no authenticator
    InvalidStateError, // an excluded credential is already on this authenticator
    SecurityError,     // origin is not a secure context we serve, or the RP ID does not fit it
    NotSupportedError, // no public key algorithm we support was offered
    TypeError,         // malformed options
    UnknownError,      // the authenticator failed for a reason that is not the page's fault
};

struct ClientError {
    DomErrorName name = DomErrorName::UnknownError;
    QString message;
};

// "NotAllowedError", "SecurityError", ... as JavaScript's DOMException.name.
QString domErrorNameString(DomErrorName name);

// CTAP2 status codes (CTAP 2.1 §8.2.1) an authenticator answers with; the values are the wire
// values so a log line can be matched with the specification.
enum class CtapStatus : quint8 {
    InvalidParameter = 0x02,
    CredentialExcluded = 0x19,
    UnsupportedAlgorithm = 0x26,
    OperationDenied = 0x27,
    KeyStoreFull = 0x28,
    UnsupportedOption = 0x2B,
    InvalidOption = 0x2C,
    NoCredentials = 0x2E,
    UserActionTimeout = 0x2F,
    NotAllowed = 0x30,
    Other = 0x7F,
};

struct AuthenticatorError {
    CtapStatus status = CtapStatus::Other;
    QString message;
};

// "CTAP2_ERR_CREDENTIAL_EXCLUDED", ... for logs.
QString ctapStatusName(CtapStatus status);

// How a key store failed; every one leaves the store as it was.
enum class KeyStoreErrorCode {
    NotFound,              // no key or credential with that id
    Corrupt,               // a sealed entry or the keys file failed its integrity check
    SealingKeyUnavailable, // the key that seals the keys at rest could not be read or made
    SealingKeyRefused,     // the person or the keychain refused access to the sealing key
    Io,                    // the file could not be read or written
    Crypto,                // OpenSSL (or the key's hardware) refused an operation
    TpmUnavailable,        // the TPM is missing, out of reach, not permitted or stopped answering
    TpmLockedOut,          // the TPM's dictionary-attack lockout refuses authorisations for now
    TpmFull,               // the TPM has no room for another object or session
    TpmRefused,            // the TPM refused a key or command (e.g. a key made by another TPM)
    KeyLost,               // the credential is recorded but its key is gone for good
    Unavailable,           // this store cannot work on this computer (no such hardware, ...)
};

struct KeyStoreError {
    KeyStoreErrorCode code = KeyStoreErrorCode::Crypto;
    QString message;
};

template <typename T> using ClientResult = core::Result<T, ClientError>;
template <typename T> using AuthenticatorResult = core::Result<T, AuthenticatorError>;
template <typename T> using KeyStoreResult = core::Result<T, KeyStoreError>;

inline ClientError clientError(DomErrorName name, QString message)
{
    return ClientError{name, std::move(message)};
}

inline AuthenticatorError authenticatorError(CtapStatus status, QString message)
{
    return AuthenticatorError{status, std::move(message)};
}

inline KeyStoreError keyStoreError(KeyStoreErrorCode code, QString message)
{
    return KeyStoreError{code, std::move(message)};
}

// The browser-visible error for an authenticator's answer (WebAuthn L3 §5.1.3 / §5.1.4).
ClientError toClientError(const AuthenticatorError& error);

// A key store failure seen through the authenticator: the key is unusable, nothing else leaks.
AuthenticatorError toAuthenticatorError(const KeyStoreError& error);

// A key store's sentence as a page may see it: every absolute path cut to its last part
// ("…/keys.json"), so a page learns nothing of the folders (the user name, the layout). The
// whole sentence is for the log (logKeyStoreError).
QString withoutAbsolutePaths(const QString& message);
// Writes the whole sentence, paths included, to the log (latchkey.authenticator.keystore).
void logKeyStoreError(const KeyStoreError& error);

} // namespace latchkey::authenticator
