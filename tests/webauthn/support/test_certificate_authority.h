#pragma once

#include "test_key.h"

#include <QByteArray>
#include <QCborArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace latchkey::webauthn::testing {

// What goes into one X.509 certificate. Defaults make a valid packed attestation leaf
// (§8.2.1): v3, subject C/O/OU="Authenticator Attestation"/CN, basic constraints CA:FALSE.
struct CertificateSpec {
    QString country = QStringLiteral("US");
    QString organization = QStringLiteral("Latchkey Test Vendor");
    QString organizationalUnit = QStringLiteral("Authenticator Attestation");
    QString commonName = QStringLiteral("Latchkey Test Attestation");
    QDateTime notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    QDateTime notAfter = QDateTime::currentDateTimeUtc().addYears(1);
    int version = 3;
    bool isCa = false;
    bool basicConstraints = true;
    // id-fido-gen-ce-aaguid (1.3.6.1.4.1.45724.1.1.4) with these 16 bytes, when set.
    std::optional<QByteArray> aaguid;
};

// A certificate authority generated at test time: a key and its certificate (self-signed for
// a root, signed by its parent for an intermediate).
class TestCertificateAuthority {
public:
    static TestCertificateAuthority
    createRoot(const QString& commonName = QStringLiteral("Latchkey Test Root CA"));
    // A CA certificate signed by this one; spec.isCa is forced on.
    TestCertificateAuthority createIntermediate(CertificateSpec spec) const;
    // A certificate for subjectKey, signed by this authority's key.
    QByteArray issue(const TestKey& subjectKey, const CertificateSpec& spec) const;

    const TestKey& key() const { return m_key; }
    const QByteArray& certificateDer() const { return m_certificateDer; }
    QByteArray certificatePem() const;

private:
    TestKey m_key;
    QByteArray m_certificateDer;
    QString m_commonName;
};

// A CertificateSpec for a CA certificate with this common name.
CertificateSpec caSpec(const QString& commonName);

// DER certificates as the CBOR array an attestation statement's x5c holds, in the order
// given (attestation certificate first).
QCborArray x5cArray(const QList<QByteArray>& ders);

} // namespace latchkey::webauthn::testing
