#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QCborValue>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

typedef struct x509_st X509;

namespace latchkey::webauthn {

// An X.509 certificate from an attestation statement's x5c, through OpenSSL.
class Certificate {
public:
    static Result<Certificate> fromDer(const QByteArray& der);
    // Parses every entry of an x5c array (CBOR byte strings), leaf first.
    static Result<QList<Certificate>> fromX5c(const QCborValue& x5c);

    X509* x509() const { return m_cert.get(); }
    const QByteArray& der() const { return m_der; }
    EVP_PKEY* publicKey() const; // owned by the certificate
    int version() const;         // 3 for X.509 v3
    bool isSelfSigned() const;
    bool validAt(const QDateTime& time) const;
    // The DER contents (inside the OCTET STRING) of the extension with this dotted OID.
    std::optional<QByteArray> extensionValue(const char* oid) const;
    // Subject attribute by short name ("C", "O", "OU", "CN"); empty when absent.
    QString subjectField(const char* shortName) const;

private:
    std::shared_ptr<X509> m_cert;
    QByteArray m_der;
};

// Validates an attestation chain (leaf first, as sent; the root must not be in it): every
// certificate valid at time, each signed by the next (so a misordered chain fails), no
// self-signed certificate after the leaf, and, when roots is not empty, the chain ends at one
// of roots (OpenSSL X509_verify_cert at time; a configured root may be an intermediate CA).
// Returns whether the chain reached a configured root (false when roots is empty).
Result<bool> verifyAttestationChain(const QList<Certificate>& chain,
                                    const QList<QByteArray>& rootsDer, const QDateTime& time);

// id-fido-gen-ce-aaguid (1.3.6.1.4.1.45724.1.1.4): when the leaf carries it, it must equal aaguid.
Result<void> checkAaguidExtension(const Certificate& leaf, const Aaguid& aaguid);

} // namespace latchkey::webauthn
