#include "webauthn/attestation.h"
#include "webauthn/attestation/asn1_reader.h"
#include "webauthn/attestation/certificate.h"
#include "webauthn/attestation/statement_fields.h"
#include "webauthn/cose_key.h"

#include <QSet>
#include <openssl/asn1.h>
#include <openssl/x509.h>

namespace latchkey::webauthn {

namespace {

const QString kFormat = QStringLiteral("android-key");
constexpr const char* kOidKeyDescription = "1.3.6.1.4.1.11129.2.1.17";

// Android Keymaster / KeyMint tags and values (KeyDescription schema).
constexpr int kTagPurpose = 1;
constexpr int kTagAllApplications = 600;
constexpr int kTagOrigin = 702;
constexpr qint64 kOriginGenerated = 0; // KM_ORIGIN_GENERATED
constexpr qint64 kPurposeSign = 2;     // KM_PURPOSE_SIGN

// The KeyDescription fields §8.4.2 reads.
struct AuthorizationList {
    QSet<qint64> purposes;
    std::optional<qint64> origin;
    bool allApplications = false;
};

struct KeyDescription {
    QByteArray attestationChallenge;
    AuthorizationList softwareEnforced;
    AuthorizationList teeEnforced;
};

Error androidError(const QString& what)
{
    return makeError(ErrorCode::AttestationAndroidKeyInvalid, what);
}

Error malformedDescription(const QString& what)
{
    return androidError(QStringLiteral("The attestation certificate's key description "
                                       "(1.3.6.1.4.1.11129.2.1.17) is malformed: %1.")
                            .arg(what));
}

// purpose [1] EXPLICIT SET OF INTEGER
Result<void> readPurposes(const DerElement& tagged, AuthorizationList& list)
{
    auto set = readSingleElement(tagged.content);
    if (!set || set->tag != V_ASN1_SET || set->tagClass != V_ASN1_UNIVERSAL)
        return malformedDescription(QStringLiteral("purpose is not a SET OF INTEGER"));
    DerReader reader(set->content);
    while (auto element = reader.next()) {
        const auto value = derIntegerValue(*element);
        if (!value)
            return malformedDescription(QStringLiteral("a purpose is not an INTEGER"));
        list.purposes.insert(*value);
    }
    if (reader.failed())
        return malformedDescription(QStringLiteral("the purpose SET is truncated"));
    return {};
}

// origin [702] EXPLICIT INTEGER
Result<void> readOrigin(const DerElement& tagged, AuthorizationList& list)
{
    auto integer = readSingleElement(tagged.content);
    const auto value = integer ? derIntegerValue(*integer) : std::nullopt;
    if (!value)
        return malformedDescription(QStringLiteral("origin is not an INTEGER"));
    list.origin = value;
    return {};
}

Result<void> readAuthorizationEntry(const DerElement& entry, AuthorizationList& list)
{
    if (entry.tagClass != V_ASN1_CONTEXT_SPECIFIC)
        return malformedDescription(QStringLiteral("an AuthorizationList entry is not tagged"));
    if (entry.tag == kTagPurpose)
        return readPurposes(entry, list);
    if (entry.tag == kTagOrigin)
        return readOrigin(entry, list);
    if (entry.tag == kTagAllApplications)
        list.allApplications = true;
    return {}; // other tags are not read by §8.4
}

Result<AuthorizationList> readAuthorizationList(const DerElement& sequence)
{
    if (sequence.tag != V_ASN1_SEQUENCE || sequence.tagClass != V_ASN1_UNIVERSAL)
        return malformedDescription(QStringLiteral("an AuthorizationList is not a SEQUENCE"));
    AuthorizationList list;
    DerReader reader(sequence.content);
    while (auto entry = reader.next()) {
        if (auto read = readAuthorizationEntry(*entry, list); !read)
            return read.error();
    }
    if (reader.failed())
        return malformedDescription(QStringLiteral("an AuthorizationList is truncated"));
    return list;
}

// KeyDescription ::= SEQUENCE { attestationVersion, attestationSecurityLevel, keymasterVersion,
//   keymasterSecurityLevel, attestationChallenge OCTET STRING, uniqueId OCTET STRING,
//   softwareEnforced AuthorizationList, teeEnforced AuthorizationList, ... }
Result<KeyDescription> parseKeyDescription(const QByteArray& der)
{
    auto sequence = readSingleElement(der);
    if (!sequence || sequence->tag != V_ASN1_SEQUENCE || sequence->tagClass != V_ASN1_UNIVERSAL)
        return malformedDescription(QStringLiteral("it is not one SEQUENCE"));
    QList<DerElement> fields;
    DerReader reader(sequence->content);
    while (auto field = reader.next())
        fields.append(*field);
    if (reader.failed() || fields.size() < 8)
        return malformedDescription(
            QStringLiteral("it has fewer than the 8 KeyDescription fields"));
    if (fields[4].tag != V_ASN1_OCTET_STRING || fields[4].tagClass != V_ASN1_UNIVERSAL)
        return malformedDescription(QStringLiteral("attestationChallenge is not an OCTET STRING"));
    KeyDescription description;
    description.attestationChallenge = fields[4].content.toByteArray();
    auto software = readAuthorizationList(fields[6]);
    if (!software)
        return software.error();
    auto tee = readAuthorizationList(fields[7]);
    if (!tee)
        return tee.error();
    description.softwareEnforced = *software;
    description.teeEnforced = *tee;
    return description;
}

// §8.4.2: allApplications absent from both lists; origin KM_ORIGIN_GENERATED and purpose
// KM_PURPOSE_SIGN, taken from the union of teeEnforced and softwareEnforced (this relying party
// does not insist on a TEE).
Result<void> checkAuthorizations(const KeyDescription& description)
{
    const AuthorizationList& tee = description.teeEnforced;
    const AuthorizationList& software = description.softwareEnforced;
    if (tee.allApplications || software.allApplications)
        return androidError(QStringLiteral("The key description grants allApplications; a "
                                           "credential key must be scoped to one RP ID."));
    const bool generated = tee.origin == kOriginGenerated || software.origin == kOriginGenerated;
    if (!generated)
        return androidError(QStringLiteral("The key description's origin is not "
                                           "KM_ORIGIN_GENERATED: the key was not made inside the "
                                           "keystore."));
    if (!tee.purposes.contains(kPurposeSign) && !software.purposes.contains(kPurposeSign))
        return androidError(QStringLiteral("The key description's purpose does not include "
                                           "KM_PURPOSE_SIGN."));
    return {};
}

Result<void> checkKeyDescription(const Certificate& leaf, const AttestationInput& in)
{
    const auto extension = leaf.extensionValue(kOidKeyDescription);
    if (!extension)
        return androidError(QStringLiteral("The attestation certificate has no key description "
                                           "extension (1.3.6.1.4.1.11129.2.1.17)."));
    auto description = parseKeyDescription(*extension);
    if (!description)
        return description.error();
    if (description->attestationChallenge != in.clientDataHash)
        return makeError(ErrorCode::AttestationNonceMismatch,
                         QStringLiteral("The key description's attestationChallenge is not this "
                                        "registration's clientDataHash."));
    return checkAuthorizations(*description);
}

Result<void> checkLeafKey(const Certificate& leaf, const AttestationInput& in)
{
    auto credential = credentialKey(in, kFormat);
    if (!credential)
        return credential.error();
    if (!credential->samePublicKey(leaf.publicKey()))
        return makeError(ErrorCode::AttestationPublicKeyMismatch,
                         QStringLiteral("The android-key attestation certificate's public key is "
                                        "not the credential public key."));
    return {};
}

Result<void> checkSignature(int alg, const Certificate& leaf, const AttestationInput& in,
                            const QByteArray& sig)
{
    if (auto verified = verifySignature(alg, leaf.publicKey(), attestationToBeSigned(in), sig);
        !verified)
        return makeError(ErrorCode::AttestationSignatureInvalid,
                         QStringLiteral("The android-key attestation's sig does not verify over "
                                        "authData ‖ clientDataHash with the certificate's key: %1")
                             .arg(verified.error().message));
    return {};
}

// Android keystore chains end in Google's self-signed root by design (the other formats' x5c must
// not carry the root): set it aside once it is shown to sign the certificate before it, and
// validate the rest to the configured roots, where it must appear to be trusted.
Result<bool> verifyAndroidChain(const QList<Certificate>& chain, const AttestationTrust& trust)
{
    QList<Certificate> path = chain;
    if (path.size() > 1 && path.last().isSelfSigned()) {
        const Certificate root = path.takeLast();
        if (!root.validAt(trust.verifyTime) ||
            X509_verify(path.last().x509(), root.publicKey()) != 1)
            return makeError(ErrorCode::AttestationChainInvalid,
                             QStringLiteral("The android-key chain ends in a root certificate "
                                            "that is not valid now or did not sign the "
                                            "certificate before it."));
    }
    return verifyAttestationChain(path, rootsFor(trust, kFormat), trust.verifyTime);
}

} // namespace

Result<AttestationResult> verifyAndroidKeyAttestation(const AttestationInput& in,
                                                      const AttestationTrust& trust)
{
    auto alg = statementAlgorithm(in.statement, kFormat);
    if (!alg)
        return alg.error();
    auto sig = statementBytes(in.statement, kFormat, QStringLiteral("sig"));
    if (!sig)
        return sig.error();
    auto chain = Certificate::fromX5c(in.statement.value(QStringLiteral("x5c")));
    if (!chain)
        return chain.error();
    const Certificate& leaf = chain->first();
    if (auto signature = checkSignature(*alg, leaf, in, *sig); !signature)
        return signature.error();
    if (auto key = checkLeafKey(leaf, in); !key)
        return key.error();
    if (auto description = checkKeyDescription(leaf, in); !description)
        return description.error();
    auto trusted = verifyAndroidChain(*chain, trust);
    if (!trusted)
        return trusted.error();
    return AttestationResult{kFormat, AttestationType::Basic, derChain(*chain), *trusted};
}

} // namespace latchkey::webauthn
