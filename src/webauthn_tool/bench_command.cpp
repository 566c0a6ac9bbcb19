#include "webauthn_tool/bench_command.h"

#include "core/base64url.h"
#include "core/sha256.h"
#include "webauthn/cose_key.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <vector>

#ifdef __linux__
#include <sched.h>
#endif

namespace latchkey::webauthn_tool {

using namespace latchkey::webauthn;

namespace {

using Clock = std::chrono::steady_clock;
using KeyPtr = std::shared_ptr<EVP_PKEY>;

const QString kRpId = QStringLiteral("localhost");
const QString kOrigin = QStringLiteral("http://localhost:8080");
constexpr quint8 kUpUvFlags = 0x05;
constexpr quint8 kAttestedFlag = 0x40;
constexpr double kRatioGoal = 1.3;
constexpr double kRegistrationNoneGoalUs = 40.0;

// ---- A minimal software authenticator (ES256 only): what a browser would POST. ----

QByteArray randomBytes(int size)
{
    QByteArray out(size, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), size);
    return out;
}

KeyPtr generateEs256Key()
{
    return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
}

QByteArray coordinate(EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(key, name, &bn);
    QByteArray out(32, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), 32);
    BN_free(bn);
    return out;
}

QByteArray coseKeyCbor(EVP_PKEY* key)
{
    QCborMap map{{1, 2}, {3, cose::ES256}, {-1, 1}};
    map.insert(-2, coordinate(key, OSSL_PKEY_PARAM_EC_PUB_X));
    map.insert(-3, coordinate(key, OSSL_PKEY_PARAM_EC_PUB_Y));
    return map.toCborValue().toCbor();
}

QByteArray signEs256(EVP_PKEY* key, const QByteArray& data)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t length = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(data.constData());
    EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx.get(), nullptr, &length, in, static_cast<size_t>(data.size()));
    QByteArray out(static_cast<qsizetype>(length), '\0');
    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, in,
                   static_cast<size_t>(data.size()));
    out.truncate(static_cast<qsizetype>(length));
    return out;
}

QByteArray clientDataJson(const char* type, const QByteArray& challenge)
{
    return QByteArrayLiteral("{\"type\":\"") + type + QByteArrayLiteral("\",\"challenge\":\"") +
           core::encodeBase64Url(challenge) + QByteArrayLiteral("\",\"origin\":\"") +
           kOrigin.toUtf8() + QByteArrayLiteral("\",\"crossOrigin\":false}");
}

QByteArray authenticatorData(quint8 flagBits, quint32 signCount, const QByteArray& attested = {})
{
    QByteArray counter(4, '\0');
    qToBigEndian(signCount, counter.data());
    return core::sha256(kRpId.toUtf8()) + QByteArray(1, static_cast<char>(flagBits)) + counter +
           attested;
}

QByteArray attestedCredentialData(const QByteArray& credentialId, EVP_PKEY* key)
{
    QByteArray length(2, '\0');
    qToBigEndian(static_cast<quint16>(credentialId.size()), length.data());
    return QByteArray(16, '\0') + length + credentialId + coseKeyCbor(key);
}

QByteArray credentialText(const QByteArray& credentialId, const QJsonObject& response)
{
    QJsonObject credential;
    credential.insert(QStringLiteral("id"), core::encodeBase64UrlString(credentialId));
    credential.insert(QStringLiteral("rawId"), core::encodeBase64UrlString(credentialId));
    credential.insert(QStringLiteral("type"), QStringLiteral("public-key"));
    credential.insert(QStringLiteral("response"), response);
    credential.insert(QStringLiteral("clientExtensionResults"), QJsonObject{});
    return QJsonDocument(credential).toJson(QJsonDocument::Compact);
}

// Everything the four measurements read, signed once before timing.
struct BenchInputs {
    KeyPtr credentialKey;
    QByteArray credentialId;
    QByteArray challenge;
    QByteArray assertionAuthData;
    QByteArray assertionClientData;
    QByteArray assertionSignature;
    QByteArray assertionJson;
    QByteArray registrationNoneJson;
    QByteArray registrationPackedJson;
};

QByteArray registrationJson(const BenchInputs& in, bool packedSelf)
{
    const QByteArray clientData = clientDataJson("webauthn.create", in.challenge);
    const QByteArray authData =
        authenticatorData(kUpUvFlags | kAttestedFlag, 0,
                          attestedCredentialData(in.credentialId, in.credentialKey.get()));
    QCborMap statement;
    if (packedSelf) {
        statement.insert(QStringLiteral("alg"), cose::ES256);
        statement.insert(QStringLiteral("sig"),
                         signEs256(in.credentialKey.get(), authData + core::sha256(clientData)));
    }
    QCborMap object;
    object.insert(QStringLiteral("fmt"),
                  packedSelf ? QStringLiteral("packed") : QStringLiteral("none"));
    object.insert(QStringLiteral("attStmt"), statement);
    object.insert(QStringLiteral("authData"), authData);
    QJsonObject response;
    response.insert(QStringLiteral("clientDataJSON"), core::encodeBase64UrlString(clientData));
    response.insert(QStringLiteral("attestationObject"),
                    core::encodeBase64UrlString(object.toCborValue().toCbor()));
    response.insert(QStringLiteral("transports"), QJsonArray{QStringLiteral("internal")});
    return credentialText(in.credentialId, response);
}

BenchInputs makeInputs()
{
    BenchInputs in;
    in.credentialKey = generateEs256Key();
    in.credentialId = randomBytes(32);
    in.challenge = randomBytes(32);
    in.assertionAuthData = authenticatorData(kUpUvFlags, 1);
    in.assertionClientData = clientDataJson("webauthn.get", in.challenge);
    in.assertionSignature = signEs256(in.credentialKey.get(),
                                      in.assertionAuthData + core::sha256(in.assertionClientData));
    QJsonObject response;
    response.insert(QStringLiteral("clientDataJSON"),
                    core::encodeBase64UrlString(in.assertionClientData));
    response.insert(QStringLiteral("authenticatorData"),
                    core::encodeBase64UrlString(in.assertionAuthData));
    response.insert(QStringLiteral("signature"),
                    core::encodeBase64UrlString(in.assertionSignature));
    response.insert(QStringLiteral("userHandle"),
                    core::encodeBase64UrlString(QByteArrayLiteral("bench-user")));
    in.assertionJson = credentialText(in.credentialId, response);
    in.registrationNoneJson = registrationJson(in, false);
    in.registrationPackedJson = registrationJson(in, true);
    return in;
}

// ---- The four measurements. ----

// (a) The floor: what any ES256 assertion check must do (hash clientDataJSON, verify).
bool rawVerify(const BenchInputs& in)
{
    const QByteArray signedData = in.assertionAuthData + core::sha256(in.assertionClientData);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, in.credentialKey.get());
    return EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char*>(in.assertionSignature.constData()),
               static_cast<size_t>(in.assertionSignature.size()),
               reinterpret_cast<const unsigned char*>(signedData.constData()),
               static_cast<size_t>(signedData.size())) == 1;
}

QJsonObject parseJson(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}

RegistrationExpectations registrationExpectations(const BenchInputs& in)
{
    RegistrationExpectations expected;
    expected.challenge = core::Challenge(in.challenge);
    expected.origins = {kOrigin};
    expected.rpIds = {kRpId};
    expected.trust.verifyTime = QDateTime::currentDateTimeUtc();
    return expected;
}

AuthenticationExpectations authenticationExpectations(const BenchInputs& in)
{
    AuthenticationExpectations expected;
    expected.challenge = core::Challenge(in.challenge);
    expected.origins = {kOrigin};
    expected.rpIds = {kRpId};
    expected.allowCredentials = {in.credentialId};
    return expected;
}

// ---- Timing. ----

struct Figures {
    double medianUs = 0;
    double p90Us = 0;
    qsizetype iterations = 0;
};

double percentile(std::vector<double>& samples, double fraction)
{
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

// Runs step for warmUp, then times each call separately for about seconds.
Figures measure(const std::function<bool()>& step, double seconds)
{
    const auto warmUpEnd = Clock::now() + std::chrono::duration<double>(seconds / 5);
    while (Clock::now() < warmUpEnd)
        step();
    std::vector<double> samples;
    samples.reserve(200'000);
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        const auto start = Clock::now();
        const bool ok = step();
        const auto stop = Clock::now();
        if (!ok)
            return {};
        samples.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
    Figures figures;
    figures.iterations = static_cast<qsizetype>(samples.size());
    figures.p90Us = percentile(samples, 0.9);
    figures.medianUs = percentile(samples, 0.5);
    return figures;
}

void pinToOneCore()
{
#ifdef __linux__
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu(), &set);
    sched_setaffinity(0, sizeof(set), &set);
#endif
}

double secondsOption(const QStringList& args)
{
    const qsizetype at = args.indexOf(QStringLiteral("--seconds"));
    bool ok = false;
    const double seconds = at >= 0 && at + 1 < args.size() ? args.at(at + 1).toDouble(&ok) : 0;
    return ok && seconds > 0 ? seconds : 1.0;
}

void printRow(const char* name, const Figures& figures, const QString& goal)
{
    std::printf("%-44s %9.1f %9.1f %9lld   %s\n", name, figures.medianUs, figures.p90Us,
                static_cast<long long>(figures.iterations), qPrintable(goal));
}

template <typename T> bool accepted(const char* name, const Result<T>& result)
{
    if (result.ok())
        return true;
    std::fprintf(stderr, "bench: the %s input was rejected: %s\n", name,
                 qPrintable(result.error().message));
    return false;
}

// Every input must verify before it is timed: a benchmark of a failing path means nothing.
bool checkInputs(const BenchInputs& in, const StoredCredential& stored)
{
    bool ok = rawVerify(in);
    if (!ok)
        std::fputs("bench: the raw ES256 signature did not verify\n", stderr);
    ok &= accepted("assertion", verifyAuthentication(parseJson(in.assertionJson),
                                                     authenticationExpectations(in), stored));
    ok &= accepted("registration none", verifyRegistration(parseJson(in.registrationNoneJson),
                                                           registrationExpectations(in)));
    ok &= accepted("registration packed", verifyRegistration(parseJson(in.registrationPackedJson),
                                                             registrationExpectations(in)));
    return ok;
}

} // namespace

int runBenchCommand(const QStringList& args)
{
    if (args.contains(QStringLiteral("--help"))) {
        std::puts("usage: latchkey-webauthn bench [--seconds S]   (S per measurement, default 1)");
        return 0;
    }
    const double seconds = secondsOption(args);
    pinToOneCore();
    const BenchInputs in = makeInputs();
    StoredCredential stored;
    stored.credentialId = in.credentialId;
    stored.publicKeyCbor = coseKeyCbor(in.credentialKey.get());
    stored.publicKey = CoseKey::fromCbor(stored.publicKeyCbor).value();
    if (!checkInputs(in, stored))
        return 1;
    const auto authExpected = authenticationExpectations(in);
    const auto regExpected = registrationExpectations(in);

    const Figures raw = measure([&] { return rawVerify(in); }, seconds);
    const Figures assertion = measure(
        [&] {
            return verifyAuthentication(parseJson(in.assertionJson), authExpected, stored).ok();
        },
        seconds);
    const Figures none = measure(
        [&] { return verifyRegistration(parseJson(in.registrationNoneJson), regExpected).ok(); },
        seconds);
    const Figures packed = measure(
        [&] { return verifyRegistration(parseJson(in.registrationPackedJson), regExpected).ok(); },
        seconds);

    const double ratio = assertion.medianUs / raw.medianUs;
    std::printf("latchkey-webauthn bench: one core, %.1f s per measurement, times in µs\n",
                seconds);
    std::printf("%-44s %9s %9s %9s   %s\n", "", "median", "p90", "runs", "goal");
    printRow("(a) raw OpenSSL ES256 verify (cached key)", raw, QStringLiteral("baseline"));
    printRow("(b) ES256 assertion from JSON (cached key)", assertion,
             QStringLiteral("<= %1x raw: %2x %3")
                 .arg(kRatioGoal)
                 .arg(ratio, 0, 'f', 2)
                 .arg(ratio <= kRatioGoal ? QStringLiteral("met") : QStringLiteral("MISSED")));
    printRow("(c) registration, none, from JSON", none,
             QStringLiteral("<= %1 µs: %2")
                 .arg(kRegistrationNoneGoalUs)
                 .arg(none.medianUs <= kRegistrationNoneGoalUs ? QStringLiteral("met")
                                                               : QStringLiteral("MISSED")));
    printRow("(d) registration, packed self, from JSON", packed,
             QStringLiteral("(one ES256 verify more than c)"));
    std::printf("ratio (b)/(a): %.2fx (goal <= %.1fx)\n", ratio, kRatioGoal);
#ifndef __OPTIMIZE__
    std::puts(
        "note: an unoptimized build; configure with -DCMAKE_BUILD_TYPE=Release for real figures");
#endif
    return 0;
}

} // namespace latchkey::webauthn_tool
