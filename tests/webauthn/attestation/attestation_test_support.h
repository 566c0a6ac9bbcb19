#pragma once

#include "test_certificate_authority.h"
#include "test_key.h"
#include "webauthn/attestation.h"
#include "webauthn/authenticator_data.h"

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::webauthn::attestation_testing {

using testing::TestKey;

// ---- The shared vectors (../shared/vectors/webauthn-public.jsonl) ----

struct VectorCase {
    QString name;
    QString note;
    bool expectOk = false;
    QByteArray authenticatorData;
    QCborMap statement;
    QByteArray clientDataHash;
    AttestationTrust trust;
};

inline constexpr const char* kVectorsMissing = "skipped: ../shared/vectors not found";

// The registration vectors whose expected_fmt is format; nullopt when
// $LATCHKEY_SHARED_DIR/vectors is absent (the caller QSKIPs with kVectorsMissing).
std::optional<QList<VectorCase>> loadVectorCases(const QString& format);

// Runs one format's verifier on a vector (its authData parsed by parseAuthenticatorData).
using Verifier = Result<AttestationResult> (*)(const AttestationInput&, const AttestationTrust&);
Result<AttestationResult> runVector(const VectorCase& vector, Verifier verify);

// ---- DER building, for extensions the tests put into certificates ----

QByteArray derTlv(quint8 tag, const QByteArray& content);
QByteArray derExplicit(int tagNumber, const QByteArray& inner); // [n] EXPLICIT, any n
QByteArray derInteger(qint64 value);
QByteArray derOctetString(const QByteArray& bytes);
QByteArray derSequence(const QList<QByteArray>& elements);
QByteArray derSet(const QList<QByteArray>& elements);
QByteArray derNull();

// ---- Certificates generated with OpenSSL at test time ----

struct RawExtension {
    QByteArray oid;
    QByteArray der; // the extnValue contents
    bool critical = false;
};

using NameEntries = QList<QPair<QByteArray, QString>>; // (short name or dotted OID, value)

struct CertOptions {
    NameEntries subject = {{"CN", QStringLiteral("Latchkey Attestation Test")}};
    QDateTime notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    QDateTime notAfter = QDateTime::currentDateTimeUtc().addYears(1);
    int version = 3;
    std::optional<bool> ca = false; // basicConstraints CA flag; nullopt leaves the extension out
    QList<QByteArray> extendedKeyUsages;
    std::optional<NameEntries> sanDirectoryName;
    bool sanDirectoryNameAsOneRdn = false; // TCG's multi-valued RDN layout
    QStringList sanDns;
    QList<RawExtension> extensions;
};

struct IssuedCertificate {
    TestKey key;
    QByteArray der;
};

CertOptions caOptions(const QString& commonName);
// A self-signed certificate for key.
QByteArray selfSignedCertificate(const TestKey& key, const CertOptions& options);
// A certificate for subjectKey signed by issuer (its key, and its certificate for the name).
QByteArray issueCertificate(const TestKey& subjectKey, const CertOptions& options,
                            const IssuedCertificate& issuer);

// root -> intermediate -> leaf (all P-256 unless leafKey says otherwise).
struct TestChain {
    IssuedCertificate root;
    IssuedCertificate intermediate;
    IssuedCertificate leaf;
    QList<QByteArray> x5c() const { return {leaf.der, intermediate.der}; }
};
TestChain makeChain(const TestKey& leafKey, const CertOptions& leafOptions);

using testing::x5cArray; // test_certificate_authority.h

// ---- Authenticator data with an attested credential ----

inline const QByteArray kTestAaguid = QByteArray::fromHex("0123456789abcdef0123456789abcdef");

AuthenticatorData makeAuthenticatorData(const TestKey& credentialKey,
                                        const QByteArray& aaguid = kTestAaguid);
QByteArray testClientDataHash();

// A trust setting at the current time with these roots for format.
AttestationTrust trustWith(const QString& format, const QList<QByteArray>& roots = {});

template <typename T> QByteArray describe(const Result<T>& result)
{
    if (result.ok())
        return "accepted";
    return (codeName(result.error().code) + QStringLiteral(": ") + result.error().message).toUtf8();
}

} // namespace latchkey::webauthn::attestation_testing

Q_DECLARE_METATYPE(latchkey::webauthn::attestation_testing::VectorCase)
