#include "webauthn/attestation/certificate.h"

#include <QCborArray>
#include <QCborValue>
#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace latchkey::webauthn {

namespace {

struct StoreDeleter {
    void operator()(X509_STORE* store) const { X509_STORE_free(store); }
};
struct StoreCtxDeleter {
    void operator()(X509_STORE_CTX* ctx) const { X509_STORE_CTX_free(ctx); }
};
struct StackDeleter {
    // The stack only borrows certificates owned by Certificate objects.
    void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
};
struct ObjectDeleter {
    void operator()(ASN1_OBJECT* object) const { ASN1_OBJECT_free(object); }
};

constexpr const char* kAaguidOid = "1.3.6.1.4.1.45724.1.1.4";

QString position(qsizetype index, qsizetype count)
{
    return QStringLiteral("certificate %1 of %2").arg(index + 1).arg(count);
}

QString asn1TimeText(const ASN1_TIME* time)
{
    ASN1_GENERALIZEDTIME* general = ASN1_TIME_to_generalizedtime(time, nullptr);
    if (!general)
        return QStringLiteral("an unreadable time");
    const QString text = QString::fromLatin1(
        reinterpret_cast<const char*>(ASN1_STRING_get0_data(general)), ASN1_STRING_length(general));
    ASN1_GENERALIZEDTIME_free(general);
    return text;
}

Result<void> checkValidity(const Certificate& cert, qsizetype index, qsizetype count,
                           const QDateTime& time)
{
    if (cert.validAt(time))
        return {};
    return makeError(ErrorCode::AttestationCertificateInvalid,
                     QStringLiteral("The attestation %1 is not valid at %2 (valid from %3 to %4).")
                         .arg(position(index, count), time.toUTC().toString(Qt::ISODate),
                              asn1TimeText(X509_get0_notBefore(cert.x509())),
                              asn1TimeText(X509_get0_notAfter(cert.x509()))));
}

// Each certificate must name the next as its issuer and carry that issuer's signature: this is
// what rejects a misordered chain even when a store could reorder it.
Result<void> checkSignedByNext(const Certificate& cert, const Certificate& next, qsizetype index,
                               qsizetype count)
{
    const bool namesMatch =
        X509_NAME_cmp(X509_get_issuer_name(cert.x509()), X509_get_subject_name(next.x509())) == 0;
    EVP_PKEY* issuerKey = next.publicKey();
    if (!namesMatch || !issuerKey || X509_verify(cert.x509(), issuerKey) != 1) {
        return makeError(ErrorCode::AttestationChainInvalid,
                         QStringLiteral("The attestation %1 is not signed by the certificate after "
                                        "it; send x5c leaf first, each followed by its issuer.")
                             .arg(position(index, count)));
    }
    return {};
}

Result<void> checkNotRoot(const Certificate& cert, qsizetype index, qsizetype count)
{
    if (!cert.isSelfSigned())
        return {};
    return makeError(ErrorCode::AttestationChainInvalid,
                     QStringLiteral("The attestation %1 is a self-signed root; x5c must not "
                                    "include the root certificate.")
                         .arg(position(index, count)));
}

Result<void> checkChainStructure(const QList<Certificate>& chain, const QDateTime& time)
{
    const qsizetype count = chain.size();
    for (qsizetype i = 0; i < count; ++i) {
        if (auto valid = checkValidity(chain[i], i, count, time); !valid)
            return valid.error();
        if (i == 0 && count == 1)
            continue; // a lone self-signed attestation certificate is a leaf, not an included root
        if (auto notRoot = checkNotRoot(chain[i], i, count); !notRoot)
            return notRoot.error();
        if (i + 1 < count) {
            if (auto signedByNext = checkSignedByNext(chain[i], chain[i + 1], i, count);
                !signedByNext)
                return signedByNext.error();
        }
    }
    return {};
}

Result<std::unique_ptr<X509_STORE, StoreDeleter>> makeStore(const QList<QByteArray>& rootsDer,
                                                            QList<Certificate>& roots)
{
    std::unique_ptr<X509_STORE, StoreDeleter> store(X509_STORE_new());
    if (!store)
        return makeError(ErrorCode::InternalError, QStringLiteral("OpenSSL could not create a "
                                                                  "certificate store."));
    for (const QByteArray& der : rootsDer) {
        auto root = Certificate::fromDer(der);
        if (!root) {
            return makeError(ErrorCode::InternalError,
                             QStringLiteral("A configured attestation root is not a valid DER "
                                            "certificate: %1")
                                 .arg(root.error().message));
        }
        roots.append(*root);
        if (X509_STORE_add_cert(store.get(), root->x509()) != 1)
            return makeError(ErrorCode::InternalError,
                             QStringLiteral("OpenSSL refused a configured attestation root."));
    }
    return store;
}

Result<bool> verifyAgainstRoots(const QList<Certificate>& chain, const QList<QByteArray>& rootsDer,
                                const QDateTime& time)
{
    QList<Certificate> roots;
    auto store = makeStore(rootsDer, roots);
    if (!store)
        return store.error();
    std::unique_ptr<STACK_OF(X509), StackDeleter> untrusted(sk_X509_new_null());
    for (qsizetype i = 1; i < chain.size(); ++i)
        sk_X509_push(untrusted.get(), chain[i].x509());
    std::unique_ptr<X509_STORE_CTX, StoreCtxDeleter> ctx(X509_STORE_CTX_new());
    if (!ctx || !untrusted ||
        X509_STORE_CTX_init(ctx.get(), store->get(), chain.first().x509(), untrusted.get()) != 1)
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not start chain verification."));
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
    X509_VERIFY_PARAM_set_time(param, time.toSecsSinceEpoch());
    // A configured anchor need not be self-signed: metadata often names an intermediate CA.
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
    if (X509_verify_cert(ctx.get()) != 1) {
        const int code = X509_STORE_CTX_get_error(ctx.get());
        return makeError(ErrorCode::AttestationUntrusted,
                         QStringLiteral("The attestation chain does not lead to a trusted root "
                                        "for this format: %1.")
                             .arg(QString::fromLatin1(X509_verify_cert_error_string(code))));
    }
    return true;
}

} // namespace

Result<Certificate> Certificate::fromDer(const QByteArray& der)
{
    if (der.isEmpty())
        return makeError(ErrorCode::AttestationCertificateMalformed,
                         QStringLiteral("An attestation certificate is empty."));
    const unsigned char* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    X509* parsed = d2i_X509(nullptr, &cursor, der.size());
    if (!parsed)
        return makeError(ErrorCode::AttestationCertificateMalformed,
                         QStringLiteral("An attestation certificate is not valid DER X.509."));
    Certificate cert;
    cert.m_cert = std::shared_ptr<X509>(parsed, X509_free);
    cert.m_der = der;
    if (cursor != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return makeError(ErrorCode::AttestationCertificateMalformed,
                         QStringLiteral("An attestation certificate has bytes after its end."));
    return cert;
}

Result<QList<Certificate>> Certificate::fromX5c(const QCborValue& x5c)
{
    if (!x5c.isArray() || x5c.toArray().isEmpty())
        return makeError(ErrorCode::AttestationStatementMalformed,
                         QStringLiteral("x5c must be a non-empty array of DER certificates."));
    QList<Certificate> chain;
    for (const QCborValue& entry : x5c.toArray()) {
        if (!entry.isByteArray())
            return makeError(ErrorCode::AttestationStatementMalformed,
                             QStringLiteral("Every x5c entry must be a byte string."));
        auto cert = fromDer(entry.toByteArray());
        if (!cert)
            return cert.error();
        chain.append(*cert);
    }
    return chain;
}

EVP_PKEY* Certificate::publicKey() const
{
    return X509_get0_pubkey(m_cert.get());
}

int Certificate::version() const
{
    return static_cast<int>(X509_get_version(m_cert.get())) + 1;
}

bool Certificate::isSelfSigned() const
{
    return X509_self_signed(m_cert.get(), 1) == 1;
}

bool Certificate::validAt(const QDateTime& time) const
{
    time_t at = static_cast<time_t>(time.toSecsSinceEpoch());
    // X509_cmp_time: -1 when the certificate's time is at or before `at`, 1 after, 0 on error.
    return X509_cmp_time(X509_get0_notBefore(m_cert.get()), &at) == -1 &&
           X509_cmp_time(X509_get0_notAfter(m_cert.get()), &at) == 1;
}

std::optional<QByteArray> Certificate::extensionValue(const char* oid) const
{
    std::unique_ptr<ASN1_OBJECT, ObjectDeleter> object(OBJ_txt2obj(oid, 1));
    if (!object)
        return std::nullopt;
    const int index = X509_get_ext_by_OBJ(m_cert.get(), object.get(), -1);
    if (index < 0)
        return std::nullopt;
    const ASN1_OCTET_STRING* data = X509_EXTENSION_get_data(X509_get_ext(m_cert.get(), index));
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(data)),
                      ASN1_STRING_length(data));
}

QString Certificate::subjectField(const char* shortName) const
{
    const int nid = OBJ_txt2nid(shortName);
    if (nid == NID_undef)
        return {};
    const X509_NAME* name = X509_get_subject_name(m_cert.get());
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

Result<bool> verifyAttestationChain(const QList<Certificate>& chain,
                                    const QList<QByteArray>& rootsDer, const QDateTime& time)
{
    if (chain.isEmpty())
        return makeError(ErrorCode::AttestationStatementMalformed,
                         QStringLiteral("The attestation statement carries no certificates."));
    if (!time.isValid())
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("No verification time was given for the attestation "
                                        "certificates."));
    if (auto structure = checkChainStructure(chain, time); !structure)
        return structure.error();
    if (rootsDer.isEmpty())
        return false;
    return verifyAgainstRoots(chain, rootsDer, time);
}

Result<void> checkAaguidExtension(const Certificate& leaf, const Aaguid& aaguid)
{
    std::unique_ptr<ASN1_OBJECT, ObjectDeleter> object(OBJ_txt2obj(kAaguidOid, 1));
    const int index = object ? X509_get_ext_by_OBJ(leaf.x509(), object.get(), -1) : -1;
    if (index < 0)
        return {};
    X509_EXTENSION* extension = X509_get_ext(leaf.x509(), index);
    if (X509_EXTENSION_get_critical(extension))
        return makeError(ErrorCode::AttestationCertificateInvalid,
                         QStringLiteral("The attestation certificate marks its AAGUID extension "
                                        "critical, which §8.2.1 forbids."));
    const ASN1_OCTET_STRING* wrapper = X509_EXTENSION_get_data(extension);
    const unsigned char* cursor = ASN1_STRING_get0_data(wrapper);
    ASN1_OCTET_STRING* inner = d2i_ASN1_OCTET_STRING(nullptr, &cursor, ASN1_STRING_length(wrapper));
    if (!inner)
        return makeError(ErrorCode::AttestationCertificateMalformed,
                         QStringLiteral("The attestation certificate's AAGUID extension is not an "
                                        "OCTET STRING."));
    const QByteArray value(reinterpret_cast<const char*>(ASN1_STRING_get0_data(inner)),
                           ASN1_STRING_length(inner));
    ASN1_OCTET_STRING_free(inner);
    if (value != aaguid)
        return makeError(
            ErrorCode::AttestationAaguidMismatch,
            QStringLiteral("The attestation certificate's AAGUID (%1) differs from "
                           "the authenticator data's AAGUID (%2).")
                .arg(QString::fromLatin1(value.toHex()), QString::fromLatin1(aaguid.toHex())));
    return {};
}

} // namespace latchkey::webauthn
