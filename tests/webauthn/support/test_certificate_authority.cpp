#include "test_certificate_authority.h"

#include "webauthn/cose_key.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace latchkey::webauthn::testing {

namespace {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using NamePtr = std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)>;

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "TestCertificateAuthority: %s\n", what);
    std::abort();
}

long nextSerial()
{
    static std::atomic<long> serial{1000};
    return serial++;
}

void addNameEntry(X509_NAME* name, const char* field, const QString& value)
{
    if (value.isEmpty())
        return;
    const QByteArray utf8 = value.toUtf8();
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(utf8.constData()),
                               static_cast<int>(utf8.size()), -1, 0);
}

NamePtr makeName(const CertificateSpec& spec)
{
    NamePtr name(X509_NAME_new(), X509_NAME_free);
    addNameEntry(name.get(), "C", spec.country);
    addNameEntry(name.get(), "O", spec.organization);
    addNameEntry(name.get(), "OU", spec.organizationalUnit);
    addNameEntry(name.get(), "CN", spec.commonName);
    return name;
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        fail("cannot build extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// The extension's value is an OCTET STRING holding the DER of an OCTET STRING (the AAGUID).
void addAaguidExtension(X509* cert, const QByteArray& aaguid)
{
    QByteArray inner;
    inner.append('\x04');
    inner.append(static_cast<char>(aaguid.size()));
    inner.append(aaguid);
    ASN1_OBJECT* oid = OBJ_txt2obj("1.3.6.1.4.1.45724.1.1.4", 1);
    ASN1_OCTET_STRING* value = ASN1_OCTET_STRING_new();
    ASN1_OCTET_STRING_set(value, reinterpret_cast<const unsigned char*>(inner.constData()),
                          static_cast<int>(inner.size()));
    X509_EXTENSION* ext = X509_EXTENSION_create_by_OBJ(nullptr, oid, 0, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    ASN1_OCTET_STRING_free(value);
    ASN1_OBJECT_free(oid);
}

void setValidity(X509* cert, const CertificateSpec& spec)
{
    ASN1_TIME_set(X509_getm_notBefore(cert),
                  static_cast<time_t>(spec.notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(cert), static_cast<time_t>(spec.notAfter.toSecsSinceEpoch()));
}

void addExtensions(X509* cert, X509* issuer, const CertificateSpec& spec)
{
    if (spec.basicConstraints)
        addExtension(cert, issuer, NID_basic_constraints,
                     spec.isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
    if (spec.isCa)
        addExtension(cert, issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert, issuer, NID_subject_key_identifier, "hash");
    if (issuer != cert)
        addExtension(cert, issuer, NID_authority_key_identifier, "keyid:always");
    if (spec.aaguid)
        addAaguidExtension(cert, *spec.aaguid);
}

QByteArray toDer(X509* cert)
{
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    QByteArray out(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return out;
}

X509Ptr fromDer(const QByteArray& der)
{
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &in, der.size()), X509_free);
}

// issuerCert null: self-signed (the subject is its own issuer).
QByteArray buildCertificate(const TestKey& subjectKey, const CertificateSpec& spec,
                            X509* issuerCert, const TestKey& issuerKey)
{
    X509Ptr cert(X509_new(), X509_free);
    X509_set_version(cert.get(), spec.version - 1);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), nextSerial());
    NamePtr subject = makeName(spec);
    X509_set_subject_name(cert.get(), subject.get());
    X509_set_issuer_name(cert.get(),
                         issuerCert ? X509_get_subject_name(issuerCert) : subject.get());
    setValidity(cert.get(), spec);
    X509_set_pubkey(cert.get(), subjectKey.evp());
    if (spec.version >= 3)
        addExtensions(cert.get(), issuerCert ? issuerCert : cert.get(), spec);
    if (X509_sign(cert.get(), issuerKey.evp(), EVP_sha256()) <= 0)
        fail("X509_sign failed");
    return toDer(cert.get());
}

} // namespace

CertificateSpec caSpec(const QString& commonName)
{
    CertificateSpec spec;
    spec.organizationalUnit = QStringLiteral("Latchkey Test CA");
    spec.commonName = commonName;
    spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-30);
    spec.notAfter = QDateTime::currentDateTimeUtc().addYears(10);
    spec.isCa = true;
    return spec;
}

TestCertificateAuthority TestCertificateAuthority::createRoot(const QString& commonName)
{
    TestCertificateAuthority ca;
    ca.m_key = TestKey::generate(cose::ES256);
    ca.m_commonName = commonName;
    ca.m_certificateDer = buildCertificate(ca.m_key, caSpec(commonName), nullptr, ca.m_key);
    return ca;
}

TestCertificateAuthority TestCertificateAuthority::createIntermediate(CertificateSpec spec) const
{
    spec.isCa = true;
    TestCertificateAuthority ca;
    ca.m_key = TestKey::generate(cose::ES256);
    ca.m_commonName = spec.commonName;
    X509Ptr issuer = fromDer(m_certificateDer);
    ca.m_certificateDer = buildCertificate(ca.m_key, spec, issuer.get(), m_key);
    return ca;
}

QByteArray TestCertificateAuthority::issue(const TestKey& subjectKey,
                                           const CertificateSpec& spec) const
{
    X509Ptr issuer = fromDer(m_certificateDer);
    return buildCertificate(subjectKey, spec, issuer.get(), m_key);
}

QByteArray TestCertificateAuthority::certificatePem() const
{
    X509Ptr cert = fromDer(m_certificateDer);
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray out(data, static_cast<qsizetype>(length));
    BIO_free(bio);
    return out;
}

QCborArray x5cArray(const QList<QByteArray>& ders)
{
    QCborArray array;
    for (const QByteArray& der : ders)
        array.append(der);
    return array;
}

} // namespace latchkey::webauthn::testing
