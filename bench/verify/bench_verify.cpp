// Verification per second of the relying-party core against two baselines run on the same
// responses: raw OpenSSL checking the same signature with a cached key (the floor any
// verifier has to pay), and @simplewebauthn/server (bench/verify/node/simplewebauthn.mjs,
// fed the cases this program writes).
//   latchkey_bench_verify [--seconds S] [--write-cases FILE]
// Prints one line per case: "case NAME latchkey_ops N openssl_ops N" (openssl_ops 0 where the
// response carries no signature: registration with attestation "none").
#include "test_authenticator.h"
#include "webauthn/cose_key.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <openssl/evp.h>
#include <sched.h>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::testing;

namespace {

using Clock = std::chrono::steady_clock;
const QString kRpId = QStringLiteral("localhost");
const QString kOrigin = QStringLiteral("http://localhost:8080");

// One response to verify, as a browser POSTs it, with what the verifier is given beside it.
struct Case {
    QString name;
    bool registration = false;
    QByteArray challenge;
    QByteArray responseText; // the credential JSON, as POSTed
    QByteArray credentialId;
    QByteArray publicKeyCbor;
    TestKey key;           // the key whose signature raw OpenSSL checks
    QByteArray signedData; // what that signature covers; empty: no signature (fmt none)
    QByteArray signature;
};

QByteArray challengeBytes()
{
    QByteArray bytes(32, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(i * 7 + 3);
    return bytes;
}

QByteArray jsonText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Case assertionCase(TestAuthenticator& authenticator, const QString& name, int algorithm)
{
    Case made;
    made.name = name;
    made.challenge = challengeBytes();
    const QString challenge = core::encodeBase64UrlString(made.challenge);
    const Registration registration = authenticator.makeCredential(
        authenticator.registrationSpec(challenge, AttestationFormat::None, algorithm),
        QByteArrayLiteral("bench-user"));
    AssertionSpec spec = authenticator.assertionSpec(challenge, registration.credentialId);
    spec.clientData.type = QStringLiteral("webauthn.get");
    const Assertion assertion = authenticator.getAssertion(spec);
    made.responseText = jsonText(assertion.json());
    made.credentialId = registration.credentialId;
    made.key = registration.credentialKey;
    made.publicKeyCbor = registration.credentialKey.coseKeyCbor();
    made.signedData = assertion.authenticatorData + core::sha256(assertion.clientDataJson);
    made.signature = assertion.signature;
    return made;
}

Case registrationCase(TestAuthenticator& authenticator, const QString& name,
                      AttestationFormat format)
{
    Case made;
    made.name = name;
    made.registration = true;
    made.challenge = challengeBytes();
    const Registration registration = authenticator.makeCredential(authenticator.registrationSpec(
        core::encodeBase64UrlString(made.challenge), format, cose::ES256));
    made.responseText = jsonText(registration.json());
    made.credentialId = registration.credentialId;
    made.key = registration.credentialKey;
    made.publicKeyCbor = registration.credentialKey.coseKeyCbor();
    if (format == AttestationFormat::PackedSelf) {
        const QCborMap statement =
            registration.attestationObject.value(QStringLiteral("attStmt")).toMap();
        made.signedData =
            registration.authenticatorData + core::sha256(registration.clientDataJson);
        made.signature = statement.value(QStringLiteral("sig")).toByteArray();
    }
    return made;
}

// The floor: one signature check with a key parsed long before (EVP_PKEY kept).
bool rawVerify(const Case& c)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const EVP_MD* digest = c.key.algorithm() == cose::EdDSA ? nullptr : EVP_sha256();
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, digest, nullptr, c.key.evp()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(c.signature.data()),
                            static_cast<size_t>(c.signature.size()),
                            reinterpret_cast<const unsigned char*>(c.signedData.data()),
                            static_cast<size_t>(c.signedData.size())) == 1;
}

// The relying party's whole check from the POSTed text: JSON, base64url, clientDataJSON,
// authenticator data, attestation or signature, with the stored key already parsed.
std::function<bool()> latchkeyVerify(const Case& c)
{
    if (c.registration) {
        RegistrationExpectations expected;
        expected.challenge = core::Challenge(c.challenge);
        expected.origins = {kOrigin};
        expected.rpIds = {kRpId};
        expected.requireUserVerification = true;
        return [&c, expected] {
            return verifyRegistration(QJsonDocument::fromJson(c.responseText).object(), expected)
                .ok();
        };
    }
    AuthenticationExpectations expected;
    expected.challenge = core::Challenge(c.challenge);
    expected.origins = {kOrigin};
    expected.rpIds = {kRpId};
    expected.requireUserVerification = true;
    StoredCredential stored;
    stored.credentialId = CredentialId(c.credentialId);
    stored.publicKeyCbor = c.publicKeyCbor;
    stored.publicKey = CoseKey::fromCbor(c.publicKeyCbor).value();
    return [&c, expected, stored] {
        return verifyAuthentication(QJsonDocument::fromJson(c.responseText).object(), expected,
                                    stored)
            .ok();
    };
}

// Calls per second over about `seconds`, after a fifth of that as warm-up; 0 when a call
// fails (a benchmark of a failing path means nothing).
double perSecond(const std::function<bool()>& step, double seconds)
{
    const auto warmUpEnd = Clock::now() + std::chrono::duration<double>(seconds / 5);
    while (Clock::now() < warmUpEnd)
        if (!step())
            return 0;
    qint64 calls = 0;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    auto now = start;
    while (now < end) {
        for (int i = 0; i < 16; ++i)
            if (!step())
                return 0;
        calls += 16;
        now = Clock::now();
    }
    return static_cast<double>(calls) / std::chrono::duration<double>(now - start).count();
}

QJsonObject caseJson(const Case& c)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), c.name);
    object.insert(QStringLiteral("kind"), c.registration ? QStringLiteral("registration")
                                                         : QStringLiteral("authentication"));
    object.insert(QStringLiteral("response"), QString::fromUtf8(c.responseText));
    object.insert(QStringLiteral("expectedChallenge"), core::encodeBase64UrlString(c.challenge));
    object.insert(QStringLiteral("expectedOrigin"), kOrigin);
    object.insert(QStringLiteral("expectedRPID"), kRpId);
    object.insert(QStringLiteral("credentialId"), core::encodeBase64UrlString(c.credentialId));
    object.insert(QStringLiteral("publicKey"), core::encodeBase64UrlString(c.publicKeyCbor));
    return object;
}

double option(const QStringList& args, const QString& name, double fallback)
{
    const qsizetype at = args.indexOf(name);
    bool ok = false;
    const double value = at >= 0 && at + 1 < args.size() ? args.at(at + 1).toDouble(&ok) : 0;
    return ok && value > 0 ? value : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double seconds = option(args, QStringLiteral("--seconds"), 2.0);

    TestAuthenticator authenticator(kRpId, kOrigin);
    const QList<Case> cases = {
        assertionCase(authenticator, QStringLiteral("assertion-es256"), cose::ES256),
        assertionCase(authenticator, QStringLiteral("assertion-eddsa"), cose::EdDSA),
        assertionCase(authenticator, QStringLiteral("assertion-rs256"), cose::RS256),
        registrationCase(authenticator, QStringLiteral("registration-none"),
                         AttestationFormat::None),
        registrationCase(authenticator, QStringLiteral("registration-packed"),
                         AttestationFormat::PackedSelf),
    };

    const qsizetype writeAt = args.indexOf(QStringLiteral("--write-cases"));
    if (writeAt >= 0 && writeAt + 1 < args.size()) {
        QJsonArray all;
        for (const Case& c : cases)
            all.append(caseJson(c));
        QFile file(args.at(writeAt + 1));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(all).toJson()) < 0) {
            std::fprintf(stderr, "bench_verify: cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
    }

    // One core for both sides, so neither gains from the other core (or loses to a busy one).
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu(), &set);
    sched_setaffinity(0, sizeof(set), &set);

    int status = 0;
    for (const Case& c : cases) {
        const double latchkey = perSecond(latchkeyVerify(c), seconds);
        const double openssl =
            c.signedData.isEmpty() ? 0 : perSecond([&c] { return rawVerify(c); }, seconds);
        if (latchkey == 0 || (!c.signedData.isEmpty() && openssl == 0)) {
            std::fprintf(stderr, "bench_verify: %s did not verify\n", qPrintable(c.name));
            status = 1;
        }
        std::printf("case %s latchkey_ops %.0f openssl_ops %.0f\n", qPrintable(c.name), latchkey,
                    openssl);
        std::fflush(stdout);
    }
#ifndef __OPTIMIZE__
    std::puts("note: an unoptimized build; configure with -DCMAKE_BUILD_TYPE=Release");
#endif
    return status;
}
