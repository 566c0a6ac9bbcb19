#include "core/base64url.h"
#include "core/sha256.h"
#include "webauthn/attestation.h"
#include "webauthn/attestation/certificate.h"
#include "webauthn/attestation/statement_fields.h"
#include "webauthn/cose_key.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/x509v3.h>

namespace latchkey::webauthn {

namespace {

const QString kFormat = QStringLiteral("android-safetynet");
constexpr const char* kAttestationHost = "attest.android.com";

Error safetyNetError(const QString& what)
{
    return makeError(ErrorCode::AttestationSafetyNetInvalid, what);
}

// A JWS in compact serialization (RFC 7515 §7.1), decoded but not yet verified.
struct Jws {
    QByteArray signingInput; // ASCII(BASE64URL(header) ‖ '.' ‖ BASE64URL(payload))
    QJsonObject header;
    QJsonObject payload;
    QByteArray signature;
};

Result<QByteArray> decodeJwsPart(const QByteArray& part, const QString& name)
{
    const auto decoded = core::decodeBase64Url(QByteArrayView(part));
    if (!decoded || decoded->isEmpty())
        return safetyNetError(QStringLiteral("The SafetyNet response's JWS %1 is not non-empty "
                                             "base64url.")
                                  .arg(name));
    return *decoded;
}

Result<QJsonObject> decodeJsonPart(const QByteArray& part, const QString& name)
{
    auto bytes = decodeJwsPart(part, name);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return safetyNetError(QStringLiteral("The SafetyNet response's JWS %1 is not a JSON "
                                             "object.")
                                  .arg(name));
    return document.object();
}

Result<Jws> parseJws(const QByteArray& response)
{
    const QList<QByteArray> parts = response.split('.');
    if (parts.size() != 3)
        return safetyNetError(QStringLiteral("The SafetyNet response is not a compact JWS "
                                             "(header.payload.signature)."));
    Jws jws;
    jws.signingInput = parts[0] + '.' + parts[1];
    auto header = decodeJsonPart(parts[0], QStringLiteral("header"));
    if (!header)
        return header.error();
    auto payload = decodeJsonPart(parts[1], QStringLiteral("payload"));
    if (!payload)
        return payload.error();
    auto signature = decodeJwsPart(parts[2], QStringLiteral("signature"));
    if (!signature)
        return signature.error();
    jws.header = *header;
    jws.payload = *payload;
    jws.signature = *signature;
    return jws;
}

// The JWS header's x5c holds standard base64 DER certificates, leaf first (RFC 7515 §4.1.6).
Result<QList<Certificate>> headerChain(const QJsonObject& header)
{
    const QJsonArray x5c = header.value(QStringLiteral("x5c")).toArray();
    if (x5c.isEmpty())
        return safetyNetError(QStringLiteral("The SafetyNet JWS header has no x5c certificates."));
    QList<Certificate> chain;
    for (const QJsonValue& entry : x5c) {
        // x5c is standard base64 (RFC 7515 §4.1.6), which the decoder accepts too.
        const auto der = core::decodeBase64Url(QStringView(entry.toString()));
        if (!entry.isString() || !der)
            return safetyNetError(QStringLiteral("A SafetyNet JWS x5c entry is not base64."));
        auto cert = Certificate::fromDer(*der);
        if (!cert)
            return cert.error();
        chain.append(*cert);
    }
    return chain;
}

struct JwsAlgorithm {
    int coseAlg = 0;
    int ecCoordinateSize = 0; // ECDSA: JWS carries r ‖ s, COSE verification wants DER
};

std::optional<JwsAlgorithm> jwsAlgorithm(const QString& name)
{
    static const QHash<QString, JwsAlgorithm> known = {
        {QStringLiteral("RS256"), {cose::RS256, 0}},  {QStringLiteral("RS384"), {cose::RS384, 0}},
        {QStringLiteral("RS512"), {cose::RS512, 0}},  {QStringLiteral("PS256"), {cose::PS256, 0}},
        {QStringLiteral("ES256"), {cose::ES256, 32}}, {QStringLiteral("ES384"), {cose::ES384, 48}},
        {QStringLiteral("ES512"), {cose::ES512, 66}},
    };
    const auto found = known.constFind(name);
    if (found == known.constEnd())
        return std::nullopt;
    return *found;
}

// RFC 7518 §3.4: an ECDSA JWS signature is r ‖ s, each of the curve's coordinate size.
std::optional<QByteArray> ecdsaRawToDer(const QByteArray& raw, int coordinateSize)
{
    if (raw.size() != 2 * coordinateSize)
        return std::nullopt;
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw.constData());
    ECDSA_SIG* sig = ECDSA_SIG_new();
    BIGNUM* r = BN_bin2bn(bytes, coordinateSize, nullptr);
    BIGNUM* s = BN_bin2bn(bytes + coordinateSize, coordinateSize, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return std::nullopt;
    }
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (length <= 0)
        return std::nullopt;
    QByteArray result(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return result;
}

Result<void> checkJwsSignature(const Jws& jws, const Certificate& leaf)
{
    const QString name = jws.header.value(QStringLiteral("alg")).toString();
    const auto alg = jwsAlgorithm(name);
    if (!alg)
        return safetyNetError(QStringLiteral("The SafetyNet JWS algorithm \"%1\" is not "
                                             "supported.")
                                  .arg(name));
    // JWS ECDSA signatures are r ‖ s; verifySignature takes DER, as COSE attestation uses.
    const auto signature = alg->ecCoordinateSize
                               ? ecdsaRawToDer(jws.signature, alg->ecCoordinateSize)
                               : std::optional<QByteArray>(jws.signature);
    if (!signature ||
        !verifySignature(alg->coseAlg, leaf.publicKey(), jws.signingInput, *signature))
        return makeError(ErrorCode::AttestationSignatureInvalid,
                         QStringLiteral("The SafetyNet JWS signature does not verify with its "
                                        "leaf certificate's key."));
    return {};
}

Result<void> checkHost(const Certificate& leaf)
{
    if (X509_check_host(leaf.x509(), kAttestationHost, 0, 0, nullptr) != 1)
        return safetyNetError(QStringLiteral("The SafetyNet JWS was not signed by "
                                             "attest.android.com (leaf certificate name)."));
    return {};
}

// SafetyNet documentation: nonce = base64(SHA-256(authData ‖ clientDataHash)).
Result<void> checkNonce(const QJsonObject& payload, const AttestationInput& in)
{
    const QByteArray expected = core::sha256(attestationToBeSigned(in)).toBase64();
    const QJsonValue nonce = payload.value(QStringLiteral("nonce"));
    if (!nonce.isString() || nonce.toString().toLatin1() != expected)
        return makeError(ErrorCode::AttestationNonceMismatch,
                         QStringLiteral("The SafetyNet payload's nonce is not "
                                        "base64(SHA-256(authData ‖ clientDataHash))."));
    return {};
}

Result<void> checkCtsProfile(const QJsonObject& payload, const AttestationTrust& trust)
{
    if (!trust.safetyNetRequireCtsProfileMatch)
        return {};
    if (payload.value(QStringLiteral("ctsProfileMatch")) != QJsonValue(true))
        return safetyNetError(QStringLiteral("The device failed SafetyNet's CTS profile match "
                                             "(ctsProfileMatch is not true)."));
    return {};
}

Result<void> checkTimestamp(const QJsonObject& payload, const AttestationTrust& trust)
{
    const QJsonValue timestamp = payload.value(QStringLiteral("timestampMs"));
    if (!timestamp.isDouble())
        return safetyNetError(QStringLiteral("The SafetyNet payload has no timestampMs."));
    const qint64 issued = static_cast<qint64>(timestamp.toDouble());
    const qint64 now = trust.verifyTime.toMSecsSinceEpoch();
    if (issued > now + trust.safetyNetMaxAgeMs)
        return safetyNetError(QStringLiteral("The SafetyNet timestampMs is in the future."));
    if (issued < now - trust.safetyNetMaxAgeMs)
        return safetyNetError(QStringLiteral("The SafetyNet timestampMs is older than %1 ms.")
                                  .arg(trust.safetyNetMaxAgeMs));
    return {};
}

Result<QByteArray> readResponse(const QCborMap& statement)
{
    if (auto version = statementText(statement, kFormat, QStringLiteral("ver")); !version)
        return version.error();
    return statementBytes(statement, kFormat, QStringLiteral("response"));
}

Result<void> checkPayload(const QJsonObject& payload, const AttestationInput& in,
                          const AttestationTrust& trust)
{
    if (auto nonce = checkNonce(payload, in); !nonce)
        return nonce;
    if (auto cts = checkCtsProfile(payload, trust); !cts)
        return cts;
    return checkTimestamp(payload, trust);
}

} // namespace

Result<AttestationResult> verifyAndroidSafetyNetAttestation(const AttestationInput& in,
                                                            const AttestationTrust& trust)
{
    auto response = readResponse(in.statement);
    if (!response)
        return response.error();
    auto jws = parseJws(*response);
    if (!jws)
        return jws.error();
    auto chain = headerChain(jws->header);
    if (!chain)
        return chain.error();
    if (auto host = checkHost(chain->first()); !host)
        return host.error();
    if (auto signature = checkJwsSignature(*jws, chain->first()); !signature)
        return signature.error();
    if (auto payload = checkPayload(jws->payload, in, trust); !payload)
        return payload.error();
    auto trusted = verifyAttestationChain(*chain, rootsFor(trust, kFormat), trust.verifyTime);
    if (!trusted)
        return trusted.error();
    return AttestationResult{kFormat, AttestationType::Basic, derChain(*chain), *trusted};
}

} // namespace latchkey::webauthn
