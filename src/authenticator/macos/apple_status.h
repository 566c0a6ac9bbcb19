#pragma once

#include "authenticator/error.h"
#include "authenticator/macos/apple_security_api.h"

#include <QString>

namespace latchkey::authenticator::macos {

// Apple's status values as plain ints, so the code that interprets them builds and is tested
// anywhere; apple_security_api_darwin.mm checks each against the SDK's own constant.
namespace oss {
inline constexpr AppleStatus kSuccess = 0;                    // errSecSuccess
inline constexpr AppleStatus kUnimplemented = -4;             // errSecUnimplemented
inline constexpr AppleStatus kParam = -50;                    // errSecParam
inline constexpr AppleStatus kUserCanceled = -128;            // errSecUserCanceled
inline constexpr AppleStatus kNotAvailable = -25291;          // errSecNotAvailable
inline constexpr AppleStatus kAuthFailed = -25293;            // errSecAuthFailed
inline constexpr AppleStatus kDuplicateItem = -25299;         // errSecDuplicateItem
inline constexpr AppleStatus kItemNotFound = -25300;          // errSecItemNotFound
inline constexpr AppleStatus kInteractionNotAllowed = -25308; // errSecInteractionNotAllowed
inline constexpr AppleStatus kMissingEntitlement = -34018;    // errSecMissingEntitlement
} // namespace oss

namespace la {
inline constexpr AppleStatus kAuthenticationFailed = -1; // LAErrorAuthenticationFailed
inline constexpr AppleStatus kUserCancel = -2;           // LAErrorUserCancel
inline constexpr AppleStatus kUserFallback = -3;         // LAErrorUserFallback
inline constexpr AppleStatus kSystemCancel = -4;         // LAErrorSystemCancel
inline constexpr AppleStatus kPasscodeNotSet = -5;       // LAErrorPasscodeNotSet
inline constexpr AppleStatus kBiometryNotAvailable = -6; // LAErrorBiometryNotAvailable
inline constexpr AppleStatus kBiometryNotEnrolled = -7;  // LAErrorBiometryNotEnrolled
inline constexpr AppleStatus kBiometryLockout = -8;      // LAErrorBiometryLockout
inline constexpr AppleStatus kAppCancel = -9;            // LAErrorAppCancel
inline constexpr AppleStatus kInvalidContext = -10;      // LAErrorInvalidContext
inline constexpr AppleStatus kNotInteractive = -1004;    // LAErrorNotInteractive
} // namespace la

// Which key operation failed, for the sentence.
enum class KeyOperation { Create, Read, Sign, Delete };

// A Security framework failure as a key store error with a sentence a person can act on:
// no Secure Enclave or an unsigned build (errSecMissingEntitlement) is Unavailable; a key that
// the keychain no longer holds (errSecItemNotFound: its fingerprints changed under
// BiometryCurrentSet, or the keychain was reset) is KeyLost.
KeyStoreError keyStoreErrorFor(AppleStatus status, KeyOperation operation);

// How one LocalAuthentication answer ends the verification.
enum class LaVerdict {
    Verified,    // 0: the person proved who they are
    Cancelled,   // they declined, or the app or system closed the prompt
    Failed,      // they tried and were not recognised
    UsePassword, // they asked for the Mac's password instead of Touch ID
    Unavailable, // this Mac cannot verify them this way (see the sentence)
};

LaVerdict laVerdictFor(AppleStatus status);
// The sentence for an LAError: what happened and what the person can do.
QString laSentence(AppleStatus status);

} // namespace latchkey::authenticator::macos
