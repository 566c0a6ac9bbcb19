#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <functional>

namespace latchkey::authenticator::macos {

// The plain-int status of one Apple call: an OSStatus (Security framework, errSec...) or an
// LAError code (LocalAuthentication), 0 meaning success. The values are Apple's own (see
// apple_status.h), so a log line can be matched with Apple's documentation.
using AppleStatus = int;

template <typename T> struct AppleAnswer {
    AppleStatus status = 0;
    T value{};
    bool ok() const { return status == 0; }
};

// How a Secure Enclave key's private part may be used (SecAccessControlCreateWithFlags, always
// with kSecAccessControlPrivateKeyUsage).
enum class KeyProtection {
    // kSecAccessControlUserPresence: Touch ID, or the Mac's password instead.
    UserPresence,
    // kSecAccessControlBiometryCurrentSet: Touch ID with the fingerprints enrolled today only;
    // adding or removing one invalidates the key for good.
    BiometryCurrentSet,
};

// What LocalAuthentication is asked to check.
enum class VerificationPolicy {
    Biometrics,  // LAPolicyDeviceOwnerAuthenticationWithBiometrics: Touch ID only
    DeviceOwner, // LAPolicyDeviceOwnerAuthentication: Touch ID or the Mac's password
};

// One LAContext, named by a number the API hands out; 0 names none.
using ContextId = quint64;

// A Secure Enclave key as the keychain names it (SecItem attributes).
struct KeychainKeyName {
    QByteArray applicationTag;   // kSecAttrApplicationTag: marks Latchkey's keys
    QByteArray applicationLabel; // kSecAttrApplicationLabel: the credential id
};

// The Apple calls the macOS back end needs, each a thin wrapper and nothing more, so that
// everything around them (which store, which names, error sentences, encodings, flags) is
// plain C++ that runs and is tested on any system through a fake of this interface. The one
// real implementation is apple_security_api_darwin.mm, built on Apple systems only.
class AppleSecurityApi {
public:
    using Evaluated = std::function<void(AppleStatus)>;

    virtual ~AppleSecurityApi() = default;

    // Whether this Mac has a Secure Enclave (the token com.apple.setoken is present).
    virtual bool hasSecureEnclave() const = 0;

    // SecKeyCreateRandomKey: kSecAttrTokenIDSecureEnclave, P-256 (kSecAttrKeyTypeECSECPrimeRandom,
    // 256 bits), kSecAttrIsPermanent, not synchronizable,
    // kSecAttrAccessibleWhenUnlockedThisDeviceOnly, protection as its access control, named
    // name. The answer holds SecKeyCopyExternalRepresentation of its public key.
    virtual AppleAnswer<QByteArray> createKey(const KeychainKeyName& name, KeyProtection protection,
                                              const QString& accessGroup) = 0;
    // SecItemCopyMatching of the key named name, then its public key's external representation.
    virtual AppleAnswer<QByteArray> copyPublicKey(const KeychainKeyName& name) = 0;
    // SecKeyCreateSignature(kSecKeyAlgorithmECDSASignatureMessageX962SHA256) over message with
    // the key named name, looked up with kSecUseAuthenticationContext = context (which must have
    // been evaluated) and kSecUseAuthenticationUISkip, so the system never prompts on its own.
    virtual AppleAnswer<QByteArray> sign(const KeychainKeyName& name, ContextId context,
                                         QByteArrayView message) = 0;
    // SecItemDelete of the key named name.
    virtual AppleStatus deleteKey(const KeychainKeyName& name) = 0;

    // A new LAContext (never 0).
    virtual ContextId createContext() = 0;
    // canEvaluatePolicy:error: on context: 0, or the LAError that says why not.
    virtual AppleStatus canEvaluate(ContextId context, VerificationPolicy policy) = 0;
    // evaluateAccessControl:operation:LAAccessControlOperationUseKeySign:localizedReason:reply:
    // on context, for the access control that protection makes: the check a key of that
    // protection needs before it signs. done is called once, with 0 or the LAError, on the
    // thread that called.
    virtual void evaluateKeyUse(ContextId context, KeyProtection protection, const QString& reason,
                                Evaluated done) = 0;
    // evaluatePolicy:localizedReason:reply: on context; done as for evaluateKeyUse.
    virtual void evaluatePolicy(ContextId context, VerificationPolicy policy, const QString& reason,
                                Evaluated done) = 0;
    // invalidate on context, then forgets it: an evaluation in progress ends (its done gets
    // LAErrorAppCancel) and the context authorises nothing any more.
    virtual void invalidate(ContextId context) = 0;
};

} // namespace latchkey::authenticator::macos
