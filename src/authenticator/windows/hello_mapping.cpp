#include "authenticator/windows/hello_mapping.h"

#include "webauthn/attestation_object.h"

#include <QCoreApplication>
#include <openssl/x509.h>

namespace latchkey::authenticator::windows {

namespace {

Bytes bytesOf(const QByteArray& data)
{
    return Bytes(data.begin(), data.end());
}

QByteArray byteArrayOf(const Bytes& data)
{
    return QByteArray(reinterpret_cast<const char*>(data.data()), qsizetype(data.size()));
}

std::u16string utf16(const QString& text)
{
    return text.toStdU16String();
}

std::vector<CredentialDescriptor>
descriptors(const QList<authenticator::CredentialDescriptor>& list)
{
    std::vector<CredentialDescriptor> out;
    for (const authenticator::CredentialDescriptor& descriptor : list)
        out.push_back(
            CredentialDescriptor{bytesOf(descriptor.id), transportBits(descriptor.transports)});
    return out;
}

AuthenticatorError malformed(const QString& why)
{
    return authenticator::authenticatorError(
        CtapStatus::Other,
        QCoreApplication::translate("latchkey::authenticator::WindowsHello",
                                    "Windows returned a passkey that could not be read (%1).")
            .arg(why));
}

// OpenSSL's DER SubjectPublicKeyInfo of the credential key, for response.getPublicKey().
QByteArray spkiDer(const webauthn::CoseKey& key)
{
    const int size = i2d_PUBKEY(key.evp(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    return i2d_PUBKEY(key.evp(), &out) == size ? der : QByteArray();
}

} // namespace

std::uint32_t transportBits(const QStringList& transports)
{
    std::uint32_t bits = 0;
    for (const QString& name : transports) {
        if (name == QLatin1String("usb"))
            bits |= transport::Usb;
        else if (name == QLatin1String("nfc"))
            bits |= transport::Nfc;
        else if (name == QLatin1String("ble"))
            bits |= transport::Ble;
        else if (name == QLatin1String("internal"))
            bits |= transport::Internal;
    }
    return bits;
}

MakeCredentialCall makeCredentialCall(const MakeCredentialRequest& request)
{
    MakeCredentialCall call;
    call.clientDataJson = request.clientDataJson.toStdString();
    call.rpId = utf16(request.rp.id);
    call.rpName = utf16(request.rp.name);
    call.userId = bytesOf(request.user.id);
    call.userName = utf16(request.user.name);
    call.userDisplayName = utf16(request.user.displayName);
    call.algorithms.assign(request.pubKeyCredParams.begin(), request.pubKeyCredParams.end());
    call.excludeList = descriptors(request.excludeList);
    call.residentKey = request.rk;
    call.userVerification = request.uv ? UserVerification::Required : UserVerification::Preferred;
    call.attestation = request.attestationFormatsPreference.value(0) == QLatin1String("none")
                           ? AttestationConveyance::None
                           : AttestationConveyance::Direct;
    return call;
}

GetAssertionCall getAssertionCall(const GetAssertionRequest& request)
{
    GetAssertionCall call;
    call.clientDataJson = request.clientDataJson.toStdString();
    call.rpId = utf16(request.rpId);
    call.allowList = descriptors(request.allowList);
    call.userVerification = request.uv ? UserVerification::Required : UserVerification::Preferred;
    return call;
}

AuthenticatorResult<MakeCredentialResponse> makeCredentialResponse(const MadeCredential& made,
                                                                   bool requestedResidentKey)
{
    const auto object = webauthn::parseAttestationObject(byteArrayOf(made.attestationObject));
    if (!object)
        return malformed(object.error().message);
    const auto& attested = object->authenticatorData.attestedCredentialData;
    if (!attested)
        return malformed(QStringLiteral("no attested credential data"));
    // The id Windows reports beside the object must be the one the authenticator data holds.
    if (attested->credentialId != byteArrayOf(made.credentialId))
        return malformed(QStringLiteral("credential id mismatch"));
    const QByteArray spki = spkiDer(attested->credentialPublicKey);
    if (spki.isEmpty())
        return malformed(QStringLiteral("public key not encodable"));

    MakeCredentialResponse response;
    response.fmt = object->format;
    response.authData = object->authenticatorData.raw;
    response.attStmt = object->statement;
    response.credentialId = attested->credentialId;
    response.publicKeySpkiDer = spki;
    response.publicKeyAlgorithm = attested->credentialPublicKey.algorithm();
    response.rk = made.residentKey.value_or(requestedResidentKey);
    return response;
}

AuthenticatorResult<GetAssertionResponse> getAssertionResponse(const Assertion& assertion)
{
    if (assertion.credentialId.empty() || assertion.authenticatorData.size() < 37 ||
        assertion.signature.empty())
        return malformed(QStringLiteral("incomplete assertion"));
    GetAssertionResponse response;
    response.credentialId = byteArrayOf(assertion.credentialId);
    response.authData = byteArrayOf(assertion.authenticatorData);
    response.signature = byteArrayOf(assertion.signature);
    if (!assertion.userId.empty())
        response.user = UserEntity{byteArrayOf(assertion.userId), QString(), QString()};
    return response;
}

AuthenticatorError helloError(const Error& error)
{
    QString sentence;
    CtapStatus status = CtapStatus::Other;
    switch (error.kind) {
    case ErrorKind::NotAllowed:
        status = CtapStatus::OperationDenied;
        sentence = QCoreApplication::translate(
            "latchkey::authenticator::WindowsHello",
            "Windows Hello did not complete the request: it was cancelled, "
            "timed out, or no passkey was chosen.");
        break;
    case ErrorKind::InvalidState:
        status = CtapStatus::CredentialExcluded;
        sentence = QCoreApplication::translate(
            "latchkey::authenticator::WindowsHello",
            "This profile already has a passkey on this authenticator.");
        break;
    case ErrorKind::NotSupported:
        status = CtapStatus::UnsupportedAlgorithm;
        sentence = QCoreApplication::translate(
            "latchkey::authenticator::WindowsHello",
            "Windows Hello cannot make a key of any algorithm the page offered.");
        break;
    case ErrorKind::Constraint:
        status = CtapStatus::UnsupportedOption;
        sentence = QCoreApplication::translate(
            "latchkey::authenticator::WindowsHello",
            "The authenticator cannot keep a discoverable passkey or verify "
            "you as the page asked.");
        break;
    case ErrorKind::Unavailable:
        status = CtapStatus::NotAllowed;
        sentence = QCoreApplication::translate("latchkey::authenticator::WindowsHello",
                                               "Windows Hello is not available on this computer.");
        break;
    case ErrorKind::Unknown:
        sentence = QCoreApplication::translate("latchkey::authenticator::WindowsHello",
                                               "Windows Hello reported an error.");
        break;
    }
    if (!error.detail.empty())
        sentence += QLatin1Char(' ') + QString::fromStdString(error.detail);
    return authenticator::authenticatorError(status, sentence);
}

} // namespace latchkey::authenticator::windows
