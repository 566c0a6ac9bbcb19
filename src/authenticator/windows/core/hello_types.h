#pragma once

// The plain C++ vocabulary of the webauthn.dll back end: no Qt, no <windows.h>, so the Qt
// adapter can be compiled (and its mapping tested) on any platform, while only the code that
// calls webauthn.dll needs the Win32 API.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace latchkey::authenticator::windows {

using Bytes = std::vector<std::uint8_t>;

// WEBAUTHN_USER_VERIFICATION_REQUIREMENT_*: what the relying party asked for.
enum class UserVerification { Required, Preferred, Discouraged };

// WEBAUTHN_ATTESTATION_CONVEYANCE_PREFERENCE_*: "none" or the authenticator's own statement.
enum class AttestationConveyance { None, Direct };

// WEBAUTHN_CTAP_TRANSPORT_* bits, as webauthn.h defines them.
namespace transport {
constexpr std::uint32_t Usb = 0x01;
constexpr std::uint32_t Nfc = 0x02;
constexpr std::uint32_t Ble = 0x04;
constexpr std::uint32_t Internal = 0x10;
} // namespace transport

// A PublicKeyCredentialDescriptor of type "public-key". transports 0: not known.
struct CredentialDescriptor {
    Bytes id;
    std::uint32_t transports = 0;
};

// What navigator.credentials.create() hands to webauthn.dll. clientDataJson is the app's own
// (built from the origin the app observed): Windows hashes it and never chooses the origin.
struct MakeCredentialCall {
    std::string clientDataJson;
    std::u16string rpId;
    std::u16string rpName;
    Bytes userId;
    std::u16string userName;
    std::u16string userDisplayName;
    std::vector<std::int32_t> algorithms; // COSE algorithms, RP's order of preference
    std::vector<CredentialDescriptor> excludeList;
    bool residentKey = false;
    UserVerification userVerification = UserVerification::Preferred;
    AttestationConveyance attestation = AttestationConveyance::None;
    std::uint32_t timeoutMs = 0; // 0: Windows' default
};

// WEBAUTHN_CREDENTIAL_ATTESTATION, copied out of webauthn.dll's buffer.
struct MadeCredential {
    std::u16string format;      // "packed", "tpm", "none", ...
    Bytes authenticatorData;    // as the authenticator signed it: its UP/UV flags are Windows' own
    Bytes attestationStatement; // CBOR attStmt
    Bytes attestationObject;    // CBOR {fmt, attStmt, authData}
    Bytes credentialId;
    std::optional<bool> residentKey; // only from WEBAUTHN_CREDENTIAL_ATTESTATION_VERSION_4 on
    std::uint32_t usedTransport = 0; // WEBAUTHN_CTAP_TRANSPORT_* of the authenticator used
};

// What navigator.credentials.get() hands to webauthn.dll.
struct GetAssertionCall {
    std::string clientDataJson;
    std::u16string rpId;
    std::vector<CredentialDescriptor> allowList; // empty: discoverable credentials of rpId
    UserVerification userVerification = UserVerification::Preferred;
    std::uint32_t timeoutMs = 0;
};

// WEBAUTHN_ASSERTION, copied out of webauthn.dll's buffer.
struct Assertion {
    Bytes credentialId;
    Bytes authenticatorData;
    Bytes signature;
    Bytes userId; // empty when the authenticator returned none
};

// The DOMException family an answer of webauthn.dll belongs to.
enum class ErrorKind {
    NotAllowed,   // cancelled, timed out, refused, no credential (NotAllowedError)
    InvalidState, // an excluded credential is on the authenticator (InvalidStateError)
    NotSupported, // no offered algorithm is supported (NotSupportedError)
    Constraint,   // resident key or user verification cannot be satisfied (ConstraintError)
    Unavailable,  // webauthn.dll missing, too old, or lacking a function
    Unknown,      // anything else Windows reports
};

struct Error {
    ErrorKind kind = ErrorKind::Unknown;
    std::int32_t hresult = 0;   // 0 when the error is ours, not Windows'
    std::u16string windowsName; // WebAuthNGetErrorName(hresult), when the DLL has it
    std::string detail;         // English, for logs: what failed
};

// A value or an error, one of the two.
template <typename T> class Outcome {
public:
    Outcome(T value) : m_value(std::move(value)) {}
    Outcome(Error error) : m_error(std::move(error)) {}
    explicit operator bool() const { return m_value.has_value(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Whether webauthn.dll can be used here, and if not, why.
struct Availability {
    bool usable = false;
    std::uint32_t apiVersion = 0; // WebAuthNGetApiVersionNumber(); 0 when the DLL lacks it
    std::string reason;           // English, empty when usable
};

} // namespace latchkey::authenticator::windows
