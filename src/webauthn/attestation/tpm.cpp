#include "webauthn/attestation.h"
#include "webauthn/attestation/certificate.h"
#include "webauthn/attestation/statement_fields.h"
#include "webauthn/attestation/tpm_structures.h"
#include "webauthn/cose_key.h"

#include <QCryptographicHash>
#include <QtEndian>
#include <cstring>
#include <memory>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace latchkey::webauthn {

namespace {

const QString kFormat = QStringLiteral("tpm");
constexpr const char* kOidTpmManufacturer = "2.23.133.2.1";
constexpr const char* kOidTpmModel = "2.23.133.2.2";
constexpr const char* kOidTpmVersion = "2.23.133.2.3";
constexpr const char* kOidAikCertificate = "2.23.133.8.3"; // tcg-kp-AIKCertificate

struct BnDeleter {
    void operator()(BIGNUM* bn) const { BN_free(bn); }
};
using Bignum = std::unique_ptr<BIGNUM, BnDeleter>;

Error tpmError(const QString& what)
{
    return makeError(ErrorCode::AttestationTpmInvalid, what);
}

Error keyMismatch(const QString& what)
{
    return makeError(ErrorCode::AttestationPublicKeyMismatch,
                     QStringLiteral("The tpm attestation's pubArea does not describe the "
                                    "credential public key: %1.")
                         .arg(what));
}

Bignum keyNumber(EVP_PKEY* key, const char* param)
{
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(key, param, &bn);
    return Bignum(bn);
}

bool sameNumber(const Bignum& expected, const QByteArray& bigEndian)
{
    Bignum actual(BN_bin2bn(reinterpret_cast<const unsigned char*>(bigEndian.constData()),
                            static_cast<int>(bigEndian.size()), nullptr));
    return expected && actual && BN_cmp(expected.get(), actual.get()) == 0;
}

QByteArray groupName(EVP_PKEY* key)
{
    char name[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof(name),
                                       &length) != 1)
        return {};
    return QByteArray(name, static_cast<qsizetype>(length));
}

QByteArray tpmCurveGroup(quint16 curve)
{
    switch (curve) {
    case tpm::EccNistP256:
        return QByteArrayLiteral("prime256v1");
    case tpm::EccNistP384:
        return QByteArrayLiteral("secp384r1");
    case tpm::EccNistP521:
        return QByteArrayLiteral("secp521r1");
    default:
        return {};
    }
}

Result<void> checkRsaKey(const TpmtPublic& area, EVP_PKEY* key)
{
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return keyMismatch(QStringLiteral("pubArea holds an RSA key, the credential does not"));
    if (!sameNumber(keyNumber(key, OSSL_PKEY_PARAM_RSA_N), area.rsaModulus))
        return keyMismatch(QStringLiteral("unique (the RSA modulus) differs"));
    // TPM 2.0 Part 2 §12.2.3.5: an exponent of zero means the default, 2^16 + 1.
    const quint32 exponent = area.rsaExponent == 0 ? 65537 : area.rsaExponent;
    QByteArray exponentBytes(4, '\0');
    qToBigEndian(exponent, exponentBytes.data());
    if (!sameNumber(keyNumber(key, OSSL_PKEY_PARAM_RSA_E), exponentBytes))
        return keyMismatch(QStringLiteral("parameters.exponent differs"));
    return {};
}

Result<void> checkEccKey(const TpmtPublic& area, EVP_PKEY* key)
{
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return keyMismatch(QStringLiteral("pubArea holds an ECC key, the credential does not"));
    const QByteArray curve = tpmCurveGroup(area.eccCurve);
    if (curve.isEmpty() || curve != groupName(key))
        return keyMismatch(QStringLiteral("parameters.curveID 0x%1 is not the credential's curve")
                               .arg(area.eccCurve, 4, 16, QLatin1Char('0')));
    if (!sameNumber(keyNumber(key, OSSL_PKEY_PARAM_EC_PUB_X), area.eccX) ||
        !sameNumber(keyNumber(key, OSSL_PKEY_PARAM_EC_PUB_Y), area.eccY))
        return keyMismatch(QStringLiteral("unique (the ECC point) differs"));
    return {};
}

// §8.3.2: the public key in pubArea's parameters and unique is the credential public key.
Result<void> checkPubAreaKey(const TpmtPublic& area, const CoseKey& credential)
{
    if (area.type == tpm::AlgRsa)
        return checkRsaKey(area, credential.evp());
    return checkEccKey(area, credential.evp());
}

// §8.3.2: extraData is the hash of attToBeSigned with the hash algorithm of alg.
Result<void> checkExtraData(const TpmsAttest& attest, int alg, const AttestationInput& in)
{
    const auto hash = hashForCoseAlgorithm(alg);
    if (!hash || attest.extraData != QCryptographicHash::hash(attestationToBeSigned(in), *hash))
        return makeError(ErrorCode::AttestationNonceMismatch,
                         QStringLiteral("The tpm attestation's certInfo.extraData is not the hash "
                                        "of authData ‖ clientDataHash under alg %1.")
                             .arg(alg));
    return {};
}

std::optional<QCryptographicHash::Algorithm> nameHash(quint16 nameAlg)
{
    switch (nameAlg) {
    case tpm::AlgSha1:
        return QCryptographicHash::Sha1;
    case tpm::AlgSha256:
        return QCryptographicHash::Sha256;
    case tpm::AlgSha384:
        return QCryptographicHash::Sha384;
    case tpm::AlgSha512:
        return QCryptographicHash::Sha512;
    default:
        return std::nullopt;
    }
}

// §8.3.2: attested.name is pubArea's Name: nameAlg ‖ H_nameAlg(pubArea) (TPM 2.0 Part 1 §16).
Result<void> checkAttestedName(const TpmsAttest& attest, const TpmtPublic& area,
                               const QByteArray& pubArea)
{
    const auto hash = nameHash(area.nameAlg);
    if (!hash)
        return tpmError(QStringLiteral("The tpm attestation's pubArea.nameAlg 0x%1 is not a "
                                       "supported hash.")
                            .arg(area.nameAlg, 4, 16, QLatin1Char('0')));
    QByteArray name(2, '\0');
    qToBigEndian(area.nameAlg, name.data());
    name += QCryptographicHash::hash(pubArea, *hash);
    if (attest.attestedName != name)
        return tpmError(QStringLiteral("The tpm attestation's certInfo.attested.name is not the "
                                       "Name of pubArea."));
    return {};
}

Result<void> checkSignature(int alg, const Certificate& aik, const QByteArray& certInfo,
                            const QByteArray& sig)
{
    if (auto verified = verifySignature(alg, aik.publicKey(), certInfo, sig); !verified)
        return makeError(ErrorCode::AttestationSignatureInvalid,
                         QStringLiteral("The tpm attestation's sig does not verify over certInfo "
                                        "with the AIK certificate's key: %1")
                             .arg(verified.error().message));
    return {};
}

// The TCG attributes of the SAN directoryName, in one RDN or several (both are in use).
bool hasTpmDeviceAttributes(const X509_NAME* name)
{
    for (const char* oid : {kOidTpmManufacturer, kOidTpmModel, kOidTpmVersion}) {
        ASN1_OBJECT* object = OBJ_txt2obj(oid, 1);
        const int index = object ? X509_NAME_get_index_by_OBJ(name, object, -1) : -1;
        ASN1_OBJECT_free(object);
        if (index < 0)
            return false;
    }
    return true;
}

Result<void> checkSubjectAltName(const Certificate& aik)
{
    int critical = 0;
    auto* names = static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(aik.x509(), NID_subject_alt_name, &critical, nullptr));
    bool found = false;
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* entry = sk_GENERAL_NAME_value(names, i);
        if (entry->type == GEN_DIRNAME && hasTpmDeviceAttributes(entry->d.directoryName))
            found = true;
    }
    GENERAL_NAMES_free(names);
    if (!found)
        return tpmError(QStringLiteral("The AIK certificate's Subject Alternative Name does not "
                                       "name the TPM manufacturer, model and version "
                                       "(2.23.133.2.1-3) in a directoryName."));
    return {};
}

Result<void> checkExtendedKeyUsage(const Certificate& aik)
{
    auto* usages = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(aik.x509(), NID_ext_key_usage, nullptr, nullptr));
    ASN1_OBJECT* wanted = OBJ_txt2obj(kOidAikCertificate, 1);
    bool found = false;
    for (int i = 0; usages && wanted && i < sk_ASN1_OBJECT_num(usages); ++i)
        found = found || OBJ_cmp(sk_ASN1_OBJECT_value(usages, i), wanted) == 0;
    ASN1_OBJECT_free(wanted);
    EXTENDED_KEY_USAGE_free(usages);
    if (!found)
        return tpmError(QStringLiteral("The AIK certificate's Extended Key Usage does not "
                                       "include tcg-kp-AIKCertificate (2.23.133.8.3)."));
    return {};
}

Result<void> checkBasicConstraints(const Certificate& aik)
{
    auto* constraints = static_cast<BASIC_CONSTRAINTS*>(
        X509_get_ext_d2i(aik.x509(), NID_basic_constraints, nullptr, nullptr));
    const bool notCa = constraints && !constraints->ca;
    BASIC_CONSTRAINTS_free(constraints);
    if (!notCa)
        return tpmError(QStringLiteral("The AIK certificate's Basic Constraints must be present "
                                       "with CA set to false."));
    return {};
}

// §8.3.1: TPM attestation statement certificate requirements.
Result<void> checkAikCertificate(const Certificate& aik)
{
    if (aik.version() != 3)
        return tpmError(QStringLiteral("The AIK certificate is X.509 version %1; version 3 is "
                                       "required.")
                            .arg(aik.version()));
    if (X509_NAME_entry_count(X509_get_subject_name(aik.x509())) != 0)
        return tpmError(QStringLiteral("The AIK certificate's subject must be empty."));
    if (auto san = checkSubjectAltName(aik); !san)
        return san;
    if (auto eku = checkExtendedKeyUsage(aik); !eku)
        return eku;
    return checkBasicConstraints(aik);
}

Result<void> checkStatementShape(const QCborMap& statement)
{
    const QCborValue version = statement.value(QStringLiteral("ver"));
    if (!version.isString() || version.toString() != QStringLiteral("2.0"))
        return makeError(
            ErrorCode::AttestationStatementMalformed,
            QStringLiteral("The tpm attestation statement's \"ver\" must be \"2.0\"."));
    if (statement.contains(QStringLiteral("ecdaaKeyId")))
        return makeError(ErrorCode::AttestationFormatUnsupported,
                         QStringLiteral("ECDAA tpm attestation is not supported (WebAuthn Level 3 "
                                        "removed it); use an x5c AIK certificate."));
    return {};
}

struct TpmStatement {
    int alg = 0;
    QList<Certificate> chain;
    QByteArray sig;
    QByteArray certInfo;
    QByteArray pubArea;
};

Result<TpmStatement> readStatement(const QCborMap& statement)
{
    if (auto shape = checkStatementShape(statement); !shape)
        return shape.error();
    TpmStatement parsed;
    auto alg = statementAlgorithm(statement, kFormat);
    if (!alg)
        return alg.error();
    auto chain = Certificate::fromX5c(statement.value(QStringLiteral("x5c")));
    if (!chain)
        return chain.error();
    auto sig = statementBytes(statement, kFormat, QStringLiteral("sig"));
    auto certInfo = statementBytes(statement, kFormat, QStringLiteral("certInfo"));
    auto pubArea = statementBytes(statement, kFormat, QStringLiteral("pubArea"));
    for (const auto* field : {&sig, &certInfo, &pubArea}) {
        if (!*field)
            return field->error();
    }
    parsed.alg = *alg;
    parsed.chain = *chain;
    parsed.sig = *sig;
    parsed.certInfo = *certInfo;
    parsed.pubArea = *pubArea;
    return parsed;
}

// §8.3.2 checks on pubArea and certInfo, before any certificate is looked at.
Result<void> checkTpmStructures(const TpmStatement& stmt, const AttestationInput& in)
{
    auto credential = credentialKey(in, kFormat);
    if (!credential)
        return credential.error();
    auto area = parseTpmtPublic(stmt.pubArea);
    if (!area)
        return area.error();
    if (auto key = checkPubAreaKey(*area, *credential); !key)
        return key;
    auto attest = parseTpmsAttest(stmt.certInfo);
    if (!attest)
        return attest.error();
    if (auto extra = checkExtraData(*attest, stmt.alg, in); !extra)
        return extra;
    return checkAttestedName(*attest, *area, stmt.pubArea);
}

} // namespace

Result<AttestationResult> verifyTpmAttestation(const AttestationInput& in,
                                               const AttestationTrust& trust)
{
    auto stmt = readStatement(in.statement);
    if (!stmt)
        return stmt.error();
    if (auto structures = checkTpmStructures(*stmt, in); !structures)
        return structures.error();
    const Certificate& aik = stmt->chain.first();
    if (auto signature = checkSignature(stmt->alg, aik, stmt->certInfo, stmt->sig); !signature)
        return signature.error();
    if (auto requirements = checkAikCertificate(aik); !requirements)
        return requirements.error();
    if (auto aaguid =
            checkAaguidExtension(aik, in.authenticatorData.attestedCredentialData->aaguid);
        !aaguid)
        return aaguid.error();
    auto trusted = verifyAttestationChain(stmt->chain, rootsFor(trust, kFormat), trust.verifyTime);
    if (!trusted)
        return trusted.error();
    return AttestationResult{kFormat, AttestationType::AttCA, derChain(stmt->chain), *trusted};
}

} // namespace latchkey::webauthn
