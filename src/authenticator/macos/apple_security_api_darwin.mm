// The Apple calls behind AppleSecurityApi, and nothing else: every decision about them is in the
// plain C++ around it. NOT compiled or run in this repository's CI (Debian): written to Apple's
// documentation and built on Apple systems only (CMake: if(APPLE)).

#include "authenticator/macos/apple_security_api_darwin.h"

#include "authenticator/macos/apple_status.h"

#include <QObject>
#include <QPointer>

#import <CryptoTokenKit/CryptoTokenKit.h>
#import <Foundation/Foundation.h>
#import <LocalAuthentication/LocalAuthentication.h>
#import <Security/Security.h>

namespace latchkey::authenticator::macos {
namespace {

// The plain-int tables in apple_status.h must be Apple's own values.
static_assert(oss::kUnimplemented == errSecUnimplemented);
static_assert(oss::kParam == errSecParam);
static_assert(oss::kUserCanceled == errSecUserCanceled);
static_assert(oss::kNotAvailable == errSecNotAvailable);
static_assert(oss::kAuthFailed == errSecAuthFailed);
static_assert(oss::kDuplicateItem == errSecDuplicateItem);
static_assert(oss::kItemNotFound == errSecItemNotFound);
static_assert(oss::kInteractionNotAllowed == errSecInteractionNotAllowed);
static_assert(oss::kMissingEntitlement == errSecMissingEntitlement);
static_assert(la::kAuthenticationFailed == LAErrorAuthenticationFailed);
static_assert(la::kUserCancel == LAErrorUserCancel);
static_assert(la::kUserFallback == LAErrorUserFallback);
static_assert(la::kSystemCancel == LAErrorSystemCancel);
static_assert(la::kPasscodeNotSet == LAErrorPasscodeNotSet);
static_assert(la::kBiometryNotAvailable == LAErrorBiometryNotAvailable);
static_assert(la::kBiometryNotEnrolled == LAErrorBiometryNotEnrolled);
static_assert(la::kBiometryLockout == LAErrorBiometryLockout);
static_assert(la::kAppCancel == LAErrorAppCancel);
static_assert(la::kInvalidContext == LAErrorInvalidContext);
static_assert(la::kNotInteractive == LAErrorNotInteractive);

NSData* toData(QByteArrayView bytes)
{
    return [NSData dataWithBytes:bytes.data() length:NSUInteger(bytes.size())];
}

QByteArray fromData(CFDataRef data)
{
    return QByteArray(reinterpret_cast<const char*>(CFDataGetBytePtr(data)),
                      qsizetype(CFDataGetLength(data)));
}

AppleStatus statusOf(CFErrorRef error)
{
    if (!error)
        return oss::kParam;
    const AppleStatus status = AppleStatus(CFErrorGetCode(error));
    CFRelease(error);
    return status;
}

LAPolicy policyOf(VerificationPolicy policy)
{
    return policy == VerificationPolicy::Biometrics
               ? LAPolicyDeviceOwnerAuthenticationWithBiometrics
               : LAPolicyDeviceOwnerAuthentication;
}

SecAccessControlRef accessControlFor(KeyProtection protection, CFErrorRef* error)
{
    const SecAccessControlCreateFlags flags =
        kSecAccessControlPrivateKeyUsage | (protection == KeyProtection::BiometryCurrentSet
                                                ? kSecAccessControlBiometryCurrentSet
                                                : kSecAccessControlUserPresence);
    return SecAccessControlCreateWithFlags(
        kCFAllocatorDefault, kSecAttrAccessibleWhenUnlockedThisDeviceOnly, flags, error);
}

// The private key named name in the data protection keychain (where Secure Enclave keys live).
NSMutableDictionary* keyQuery(const KeychainKeyName& name)
{
    return [@{
        (id)kSecClass : (id)kSecClassKey,
        (id)kSecAttrKeyClass : (id)kSecAttrKeyClassPrivate,
        (id)kSecAttrTokenID : (id)kSecAttrTokenIDSecureEnclave,
        (id)kSecAttrApplicationTag : toData(name.applicationTag),
        (id)kSecAttrApplicationLabel : toData(name.applicationLabel),
        (id)kSecUseDataProtectionKeychain : @YES,
    } mutableCopy];
}

class DarwinSecurityApi final : public AppleSecurityApi {
public:
    DarwinSecurityApi() : m_contexts([NSMutableDictionary dictionary]) {}
    ~DarwinSecurityApi() override
    {
        for (LAContext* context in m_contexts.allValues)
            [context invalidate];
    }

    bool hasSecureEnclave() const override
    {
        TKTokenWatcher* watcher = [[TKTokenWatcher alloc] init];
        return [watcher.tokenIDs containsObject:@"com.apple.setoken"];
    }

    AppleAnswer<QByteArray> createKey(const KeychainKeyName& name, KeyProtection protection,
                                      const QString& accessGroup) override
    {
        @autoreleasepool {
            CFErrorRef error = nullptr;
            SecAccessControlRef access = accessControlFor(protection, &error);
            if (!access)
                return {statusOf(error), {}};
            NSMutableDictionary* attributes = [@{
                (id)kSecAttrKeyType : (id)kSecAttrKeyTypeECSECPrimeRandom,
                (id)kSecAttrKeySizeInBits : @256,
                (id)kSecAttrTokenID : (id)kSecAttrTokenIDSecureEnclave,
                (id)kSecAttrSynchronizable : @NO,
                (id)kSecUseDataProtectionKeychain : @YES,
                (id)kSecPrivateKeyAttrs : @{
                    (id)kSecAttrIsPermanent : @YES,
                    (id)kSecAttrApplicationTag : toData(name.applicationTag),
                    (id)kSecAttrApplicationLabel : toData(name.applicationLabel),
                    (id)kSecAttrAccessControl : (__bridge id)access,
                },
            } mutableCopy];
            if (!accessGroup.isEmpty())
                attributes[(id)kSecAttrAccessGroup] = accessGroup.toNSString();
            SecKeyRef key = SecKeyCreateRandomKey((__bridge CFDictionaryRef)attributes, &error);
            CFRelease(access);
            if (!key)
                return {statusOf(error), {}};
            auto answer = publicKeyOf(key);
            CFRelease(key);
            return answer;
        }
    }

    AppleAnswer<QByteArray> copyPublicKey(const KeychainKeyName& name) override
    {
        @autoreleasepool {
            // A context that may not prompt: reading a key reference never asks the person.
            LAContext* quiet = [[LAContext alloc] init];
            quiet.interactionNotAllowed = YES;
            SecKeyRef key = nullptr;
            const OSStatus found = copyKey(name, quiet, &key);
            if (found != errSecSuccess)
                return {AppleStatus(found), {}};
            auto answer = publicKeyOf(key);
            CFRelease(key);
            return answer;
        }
    }

    AppleAnswer<QByteArray> sign(const KeychainKeyName& name, ContextId context,
                                 QByteArrayView message) override
    {
        @autoreleasepool {
            LAContext* verified = m_contexts[@(context)];
            if (!verified)
                return {oss::kInteractionNotAllowed, {}};
            // The context was evaluated for this use; the system must not prompt again.
            verified.interactionNotAllowed = YES;
            SecKeyRef key = nullptr;
            const OSStatus found = copyKey(name, verified, &key);
            if (found != errSecSuccess)
                return {AppleStatus(found), {}};
            CFErrorRef error = nullptr;
            CFDataRef signature =
                SecKeyCreateSignature(key, kSecKeyAlgorithmECDSASignatureMessageX962SHA256,
                                      (__bridge CFDataRef)toData(message), &error);
            CFRelease(key);
            if (!signature)
                return {statusOf(error), {}};
            QByteArray bytes = fromData(signature);
            CFRelease(signature);
            return {oss::kSuccess, bytes};
        }
    }

    AppleStatus deleteKey(const KeychainKeyName& name) override
    {
        @autoreleasepool {
            NSMutableDictionary* query = keyQuery(name);
            return AppleStatus(SecItemDelete((__bridge CFDictionaryRef)query));
        }
    }

    ContextId createContext() override
    {
        const ContextId id = m_nextContext++;
        m_contexts[@(id)] = [[LAContext alloc] init];
        return id;
    }

    AppleStatus canEvaluate(ContextId context, VerificationPolicy policy) override
    {
        LAContext* found = m_contexts[@(context)];
        if (!found)
            return la::kInvalidContext;
        NSError* error = nil;
        if ([found canEvaluatePolicy:policyOf(policy) error:&error])
            return 0;
        return error ? AppleStatus(error.code) : la::kInvalidContext;
    }

    void evaluateKeyUse(ContextId context, KeyProtection protection, const QString& reason,
                        Evaluated done) override
    {
        LAContext* found = m_contexts[@(context)];
        CFErrorRef error = nullptr;
        SecAccessControlRef access = found ? accessControlFor(protection, &error) : nullptr;
        if (!access)
            return done(found ? statusOf(error) : la::kInvalidContext);
        [found evaluateAccessControl:access
                           operation:LAAccessControlOperationUseKeySign
                     localizedReason:reason.toNSString()
                               reply:replyBlock(std::move(done))];
        CFRelease(access);
    }

    void evaluatePolicy(ContextId context, VerificationPolicy policy, const QString& reason,
                        Evaluated done) override
    {
        LAContext* found = m_contexts[@(context)];
        if (!found)
            return done(la::kInvalidContext);
        [found evaluatePolicy:policyOf(policy)
              localizedReason:reason.toNSString()
                        reply:replyBlock(std::move(done))];
    }

    void invalidate(ContextId context) override
    {
        LAContext* found = m_contexts[@(context)];
        [found invalidate];
        [m_contexts removeObjectForKey:@(context)];
    }

private:
    static OSStatus copyKey(const KeychainKeyName& name, LAContext* context, SecKeyRef* key)
    {
        NSMutableDictionary* query = keyQuery(name);
        query[(id)kSecReturnRef] = @YES;
        query[(id)kSecMatchLimit] = (id)kSecMatchLimitOne;
        query[(id)kSecUseAuthenticationContext] = context;
        CFTypeRef found = nullptr;
        const OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &found);
        *key = status == errSecSuccess ? (SecKeyRef)found : nullptr;
        return status;
    }

    static AppleAnswer<QByteArray> publicKeyOf(SecKeyRef privateKey)
    {
        SecKeyRef publicKey = SecKeyCopyPublicKey(privateKey);
        if (!publicKey)
            return {oss::kParam, {}};
        CFErrorRef error = nullptr;
        CFDataRef external = SecKeyCopyExternalRepresentation(publicKey, &error);
        CFRelease(publicKey);
        if (!external)
            return {statusOf(error), {}};
        QByteArray bytes = fromData(external);
        CFRelease(external);
        return {oss::kSuccess, bytes};
    }

    // LocalAuthentication replies on a queue of its own; the answer goes back to the thread
    // this object lives on, and is dropped if the object is gone by then.
    void (^replyBlock(Evaluated done))(BOOL, NSError*)
    {
        QPointer<QObject> receiver = &m_receiver;
        return ^(BOOL success, NSError* error) {
            const AppleStatus status =
                success ? 0 : (error ? AppleStatus(error.code) : la::kAuthenticationFailed);
            QMetaObject::invokeMethod(
                receiver.data(),
                [receiver, done, status] {
                    if (receiver)
                        done(status);
                },
                Qt::QueuedConnection);
        };
    }

    QObject m_receiver;
    NSMutableDictionary<NSNumber*, LAContext*>* m_contexts;
    ContextId m_nextContext = 1;
};

} // namespace

std::unique_ptr<AppleSecurityApi> makeAppleSecurityApi()
{
    return std::make_unique<DarwinSecurityApi>();
}

} // namespace latchkey::authenticator::macos
