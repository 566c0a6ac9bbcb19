#include "attestation_test_support.h"

#include "core/base64url.h"
#include "response_parts.h"

#include <QCborArray>
#include <QCborValue>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace latchkey::webauthn::attestation_testing {

namespace {

QString vectorsFile()
{
    return qEnvironmentVariable("LATCHKEY_SHARED_DIR") +
           QStringLiteral("/vectors/webauthn-public.jsonl");
}

QByteArray pemToDer(const QString& pem)
{
    const QByteArray bytes = pem.toLatin1();
    BIO* bio = BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!cert)
        return {};
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    X509_free(cert);
    QByteArray result(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return result;
}

AttestationTrust vectorTrust(const QJsonObject& vector)
{
    AttestationTrust trust;
    const QString time = vector.value(QStringLiteral("verify_time")).toString();
    trust.verifyTime = time.isEmpty() ? QDateTime::currentDateTimeUtc()
                                      : QDateTime::fromString(time, Qt::ISODateWithMs);
    const QJsonObject roots = vector.value(QStringLiteral("attestation_trust_roots")).toObject();
    for (auto it = roots.begin(); it != roots.end(); ++it) {
        QList<QByteArray> ders;
        for (const QJsonValue& pem : it.value().toArray())
            ders.append(pemToDer(pem.toString()));
        trust.rootsByFormat.insert(it.key(), ders);
    }
    trust.safetyNetRequireCtsProfileMatch =
        vector.value(QStringLiteral("safetynet_enforce_cts")).toBool(true);
    return trust;
}

QByteArray decodeMember(const QJsonObject& response, const QString& name)
{
    auto decoded = core::decodeBase64Url(response.value(name).toString().toLatin1());
    return decoded ? *decoded : QByteArray();
}

VectorCase toCase(const QJsonObject& vector)
{
    VectorCase entry;
    entry.name = vector.value(QStringLiteral("name")).toString();
    entry.note = vector.value(QStringLiteral("note")).toString();
    entry.expectOk = vector.value(QStringLiteral("expect")).toString() == QStringLiteral("ok");
    const QJsonObject response = vector.value(QStringLiteral("credential"))
                                     .toObject()
                                     .value(QStringLiteral("response"))
                                     .toObject();
    const QCborMap object =
        QCborValue::fromCbor(decodeMember(response, QStringLiteral("attestationObject"))).toMap();
    entry.authenticatorData = object.value(QStringLiteral("authData")).toByteArray();
    entry.statement = object.value(QStringLiteral("attStmt")).toMap();
    entry.clientDataHash = QCryptographicHash::hash(
        decodeMember(response, QStringLiteral("clientDataJSON")), QCryptographicHash::Sha256);
    entry.trust = vectorTrust(vector);
    return entry;
}

QByteArray derLength(qsizetype length)
{
    if (length < 0x80)
        return QByteArray(1, static_cast<char>(length));
    QByteArray bytes;
    for (qsizetype rest = length; rest > 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xff));
    return QByteArray(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

std::unique_ptr<X509, decltype(&X509_free)> parseDer(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    return {d2i_X509(nullptr, &cursor, der.size()), X509_free};
}

void addNameEntries(X509_NAME* name, const NameEntries& entries, bool oneRdn)
{
    bool first = true;
    for (const auto& [field, value] : entries) {
        const QByteArray utf8 = value.toUtf8();
        // set -1 joins the previous RDN (a multi-valued RDN), 0 starts a new one.
        X509_NAME_add_entry_by_txt(name, field.constData(), MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(utf8.constData()),
                                   static_cast<int>(utf8.size()), -1, oneRdn && !first ? -1 : 0);
        first = false;
    }
}

void addBasicConstraints(X509* cert, const CertOptions& options)
{
    if (!options.ca)
        return;
    BASIC_CONSTRAINTS* constraints = BASIC_CONSTRAINTS_new();
    constraints->ca = *options.ca ? 0xff : 0;
    X509_add1_ext_i2d(cert, NID_basic_constraints, constraints, 1, X509V3_ADD_DEFAULT);
    BASIC_CONSTRAINTS_free(constraints);
    if (*options.ca) {
        ASN1_BIT_STRING* usage = ASN1_BIT_STRING_new();
        ASN1_BIT_STRING_set_bit(usage, 5, 1); // keyCertSign
        ASN1_BIT_STRING_set_bit(usage, 6, 1); // cRLSign
        X509_add1_ext_i2d(cert, NID_key_usage, usage, 1, X509V3_ADD_DEFAULT);
        ASN1_BIT_STRING_free(usage);
    }
}

void addExtendedKeyUsage(X509* cert, const CertOptions& options)
{
    if (options.extendedKeyUsages.isEmpty())
        return;
    EXTENDED_KEY_USAGE* usages = sk_ASN1_OBJECT_new_null();
    for (const QByteArray& oid : options.extendedKeyUsages)
        sk_ASN1_OBJECT_push(usages, OBJ_txt2obj(oid.constData(), 1));
    X509_add1_ext_i2d(cert, NID_ext_key_usage, usages, 0, X509V3_ADD_DEFAULT);
    sk_ASN1_OBJECT_pop_free(usages, ASN1_OBJECT_free);
}

void addSubjectAltName(X509* cert, const CertOptions& options)
{
    if (!options.sanDirectoryName && options.sanDns.isEmpty())
        return;
    GENERAL_NAMES* names = sk_GENERAL_NAME_new_null();
    if (options.sanDirectoryName) {
        GENERAL_NAME* entry = GENERAL_NAME_new();
        X509_NAME* directory = X509_NAME_new();
        addNameEntries(directory, *options.sanDirectoryName, options.sanDirectoryNameAsOneRdn);
        GENERAL_NAME_set0_value(entry, GEN_DIRNAME, directory);
        sk_GENERAL_NAME_push(names, entry);
    }
    for (const QString& dns : options.sanDns) {
        GENERAL_NAME* entry = GENERAL_NAME_new();
        ASN1_IA5STRING* text = ASN1_IA5STRING_new();
        ASN1_STRING_set(text, dns.toLatin1().constData(), static_cast<int>(dns.size()));
        GENERAL_NAME_set0_value(entry, GEN_DNS, text);
        sk_GENERAL_NAME_push(names, entry);
    }
    X509_add1_ext_i2d(cert, NID_subject_alt_name, names, 1, X509V3_ADD_DEFAULT);
    GENERAL_NAMES_free(names);
}

void addRawExtensions(X509* cert, const CertOptions& options)
{
    for (const RawExtension& raw : options.extensions) {
        ASN1_OBJECT* oid = OBJ_txt2obj(raw.oid.constData(), 1);
        ASN1_OCTET_STRING* value = ASN1_OCTET_STRING_new();
        ASN1_OCTET_STRING_set(value, reinterpret_cast<const unsigned char*>(raw.der.constData()),
                              static_cast<int>(raw.der.size()));
        X509_EXTENSION* extension =
            X509_EXTENSION_create_by_OBJ(nullptr, oid, raw.critical ? 1 : 0, value);
        X509_add_ext(cert, extension, -1);
        X509_EXTENSION_free(extension);
        ASN1_OCTET_STRING_free(value);
        ASN1_OBJECT_free(oid);
    }
}

QByteArray buildCertificate(const TestKey& subjectKey, const CertOptions& options,
                            const X509_NAME* issuerName, EVP_PKEY* issuerKey)
{
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), options.version - 1);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()),
                            QRandomGenerator::global()->generate64() >> 1);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), options.notBefore.toSecsSinceEpoch());
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), options.notAfter.toSecsSinceEpoch());
    addNameEntries(X509_get_subject_name(cert.get()), options.subject, false);
    X509_set_issuer_name(cert.get(), issuerName ? issuerName : X509_get_subject_name(cert.get()));
    X509_set_pubkey(cert.get(), subjectKey.evp());
    addBasicConstraints(cert.get(), options);
    addExtendedKeyUsage(cert.get(), options);
    addSubjectAltName(cert.get(), options);
    addRawExtensions(cert.get(), options);
    X509_sign(cert.get(), issuerKey, EVP_sha256());
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert.get(), &der);
    QByteArray result(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return result;
}

} // namespace

std::optional<QList<VectorCase>> loadVectorCases(const QString& format)
{
    QFile file(vectorsFile());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QList<VectorCase> cases;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QJsonObject vector = QJsonDocument::fromJson(line).object();
        if (vector.value(QStringLiteral("kind")).toString() != QStringLiteral("registration") ||
            vector.value(QStringLiteral("expected_fmt")).toString() != format)
            continue;
        cases.append(toCase(vector));
    }
    return cases;
}

Result<AttestationResult> runVector(const VectorCase& vector, Verifier verify)
{
    auto authData = parseAuthenticatorData(vector.authenticatorData);
    if (!authData)
        return authData.error();
    const AttestationInput input{vector.statement, *authData, vector.clientDataHash};
    return verify(input, vector.trust);
}

QByteArray derTlv(quint8 tag, const QByteArray& content)
{
    return QByteArray(1, static_cast<char>(tag)) + derLength(content.size()) + content;
}

QByteArray derExplicit(int tagNumber, const QByteArray& inner)
{
    QByteArray tag;
    if (tagNumber < 31) {
        tag.append(static_cast<char>(0xa0 | tagNumber));
    } else {
        // High tag number form: base-128 digits, continuation bit on all but the last.
        QByteArray digits;
        for (int rest = tagNumber; rest > 0; rest >>= 7)
            digits.prepend(static_cast<char>((rest & 0x7f) | (digits.isEmpty() ? 0 : 0x80)));
        tag = QByteArray(1, static_cast<char>(0xbf)) + digits;
    }
    return tag + derLength(inner.size()) + inner;
}

QByteArray derInteger(qint64 value)
{
    QByteArray bytes;
    do {
        bytes.prepend(static_cast<char>(value & 0xff));
        value >>= 8;
    } while (value != 0 && value != -1);
    const bool negative = value < 0;
    if (negative != bool(bytes.front() & 0x80))
        bytes.prepend(negative ? '\xff' : '\0');
    return derTlv(0x02, bytes);
}

QByteArray derOctetString(const QByteArray& bytes)
{
    return derTlv(0x04, bytes);
}

QByteArray derSequence(const QList<QByteArray>& elements)
{
    return derTlv(0x30, elements.join());
}

QByteArray derSet(const QList<QByteArray>& elements)
{
    return derTlv(0x31, elements.join());
}

QByteArray derNull()
{
    return derTlv(0x05, {});
}

CertOptions caOptions(const QString& commonName)
{
    CertOptions options;
    options.subject = {{"O", QStringLiteral("Latchkey Tests")}, {"CN", commonName}};
    options.notBefore = QDateTime::currentDateTimeUtc().addYears(-1);
    options.notAfter = QDateTime::currentDateTimeUtc().addYears(5);
    options.ca = true;
    return options;
}

QByteArray selfSignedCertificate(const TestKey& key, const CertOptions& options)
{
    return buildCertificate(key, options, nullptr, key.evp());
}

QByteArray issueCertificate(const TestKey& subjectKey, const CertOptions& options,
                            const IssuedCertificate& issuer)
{
    auto issuerCert = parseDer(issuer.der);
    return buildCertificate(subjectKey, options, X509_get_subject_name(issuerCert.get()),
                            issuer.key.evp());
}

TestChain makeChain(const TestKey& leafKey, const CertOptions& leafOptions)
{
    TestChain chain;
    chain.root.key = TestKey::generate(cose::ES256);
    chain.root.der = selfSignedCertificate(chain.root.key, caOptions(QStringLiteral("Test Root")));
    chain.intermediate.key = TestKey::generate(cose::ES256);
    chain.intermediate.der = issueCertificate(
        chain.intermediate.key, caOptions(QStringLiteral("Test Intermediate")), chain.root);
    chain.leaf.key = leafKey;
    chain.leaf.der = issueCertificate(leafKey, leafOptions, chain.intermediate);
    return chain;
}

AuthenticatorData makeAuthenticatorData(const TestKey& credentialKey, const QByteArray& aaguid)
{
    testing::AuthenticatorDataSpec spec;
    spec.rpIdHash = QCryptographicHash::hash("localhost", QCryptographicHash::Sha256);
    spec.flags = flags::UP | flags::AT;
    spec.attestedCredential = testing::AttestedCredentialSpec{
        aaguid, QByteArray(16, '\x42'), credentialKey.coseKeyCbor(), std::nullopt};
    auto parsed = parseAuthenticatorData(testing::encodeAuthenticatorData(spec));
    Q_ASSERT(parsed.ok());
    return *parsed;
}

QByteArray testClientDataHash()
{
    return QCryptographicHash::hash("latchkey attestation test client data",
                                    QCryptographicHash::Sha256);
}

AttestationTrust trustWith(const QString& format, const QList<QByteArray>& roots)
{
    AttestationTrust trust;
    trust.verifyTime = QDateTime::currentDateTimeUtc();
    if (!roots.isEmpty())
        trust.rootsByFormat.insert(format, roots);
    return trust;
}

} // namespace latchkey::webauthn::attestation_testing
