// The whole sign-in round trip against a running `latchkey --serve`, as a page does it:
// options, the authenticator's assertion, verify, then the signed-in page with the new session,
// from N concurrent keep-alive clients (one libcurl handle and connection each).
//   latchkey_bench_handler_client setup ONE_TIME_URL STATE_FILE
//       redeems the link, creates the profile "bench" and registers its passkey through the
//       JSON API; writes what the round trips need (origin, path prefix, secret, key) and
//       prints "secret S" and "prefix P" (for wrk)
//   latchkey_bench_handler_client signin STATE_FILE [CLIENTS=32] [SECONDS=10]
//       prints "rounds N errors N per_second X p50_ms X p99_ms X"
// Every client starts each round without cookies, so each round is a fresh sign-in: an
// anonymous session and a challenge written, the challenge spent and the session rotated.
#include "response_parts.h"
#include "test_authenticator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <curl/curl.h>
#include <memory>
#include <openssl/pem.h>
#include <thread>
#include <vector>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::testing;

namespace {

using Clock = std::chrono::steady_clock;
const QString kRpId = QStringLiteral("localhost");
constexpr quint8 kUserPresentVerified = 0x05;

struct State {
    QString origin; // http://localhost:<port>
    QString prefix; // the per-launch path, "/<43 characters>"
    QByteArray secret;
    QByteArray credentialId;
    QByteArray userHandle;
    QByteArray privateKeyPem;
};

struct Answer {
    long status = 0;
    QByteArray body;
    QByteArray location;
};

size_t appendBody(char* data, size_t size, size_t count, void* out)
{
    static_cast<QByteArray*>(out)->append(data, static_cast<qsizetype>(size * count));
    return size * count;
}

size_t readLocation(char* data, size_t size, size_t count, void* out)
{
    const QByteArray line(data, static_cast<qsizetype>(size * count));
    if (line.toLower().startsWith("location:"))
        *static_cast<QByteArray*>(out) = line.mid(9).trimmed();
    return size * count;
}

// One client: one libcurl handle, so one keep-alive connection, with its own cookie jar.
class Client {
public:
    Client() : m_curl(curl_easy_init(), curl_easy_cleanup)
    {
        curl_easy_setopt(m_curl.get(), CURLOPT_COOKIEFILE, ""); // cookies in memory only
        curl_easy_setopt(m_curl.get(), CURLOPT_WRITEFUNCTION, appendBody);
        curl_easy_setopt(m_curl.get(), CURLOPT_HEADERFUNCTION, readLocation);
        curl_easy_setopt(m_curl.get(), CURLOPT_TCP_NODELAY, 1L);
    }

    void setSecret(const QByteArray& secret) { m_secret = secret; }
    void setOrigin(const QString& origin) { m_origin = origin.toUtf8(); }
    void forgetCookies() { curl_easy_setopt(m_curl.get(), CURLOPT_COOKIELIST, "ALL"); }

    // A cookie's value from the jar (Netscape lines: domain, flag, path, secure, expiry,
    // name, value).
    QByteArray cookie(const QByteArray& name) const
    {
        struct curl_slist* list = nullptr;
        curl_easy_getinfo(m_curl.get(), CURLINFO_COOKIELIST, &list);
        QByteArray value;
        for (struct curl_slist* line = list; line; line = line->next) {
            const QList<QByteArray> fields = QByteArray(line->data).split('\t');
            if (fields.size() == 7 && fields.at(5) == name)
                value = fields.at(6);
        }
        curl_slist_free_all(list);
        return value;
    }

    Answer get(const QByteArray& url) { return send(url, nullptr); }
    Answer postJson(const QByteArray& url, const QByteArray& body) { return send(url, &body); }

private:
    Answer send(const QByteArray& url, const QByteArray* body)
    {
        Answer answer;
        std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr,
                                                                            curl_slist_free_all);
        auto add = [&headers](const QByteArray& line) {
            headers.reset(curl_slist_append(headers.release(), line.constData()));
        };
        if (!m_secret.isEmpty())
            add("X-Latchkey-Secret: " + m_secret);
        if (body) {
            add("Origin: " + m_origin);
            add("Content-Type: application/json");
            add("Accept: application/json");
        }
        CURL* curl = m_curl.get();
        curl_easy_setopt(curl, CURLOPT_URL, url.constData());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &answer.location);
        if (body) {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->constData());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
        } else {
            curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        }
        if (curl_easy_perform(curl) == CURLE_OK)
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
        return answer;
    }

    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> m_curl;
    QByteArray m_secret;
    QByteArray m_origin;
};

QByteArray fromBase64Url(const QString& text)
{
    const auto decoded = core::decodeBase64Url(text.toLatin1());
    return decoded.ok() ? *decoded : QByteArray();
}

QJsonObject jsonObject(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}

QByteArray jsonText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray privateKeyPem(EVP_PKEY* key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, length);
}

bool fail(const char* step, const Answer& answer)
{
    std::fprintf(stderr, "bench_handler_client: %s answered %ld: %s\n", step, answer.status,
                 answer.body.left(400).constData());
    return false;
}

// Redeem the one-time link, create the profile, register its passkey.
bool setUp(const QByteArray& oneTimeUrl, State& state)
{
    const QUrl url(QString::fromUtf8(oneTimeUrl));
    state.origin = QStringLiteral("http://localhost:%1").arg(url.port());
    Client client;
    client.setOrigin(state.origin);
    const Answer redeemed = client.get(oneTimeUrl);
    if (redeemed.status != 303)
        return fail("the one-time link", redeemed);
    state.prefix = QString::fromUtf8(redeemed.location).chopped(1); // "/<prefix>/"
    // The redeemed cookie holds the launch secret; the round trips send it in the header the
    // app's own view sends.
    state.secret = client.cookie("latchkey_secret");
    if (state.secret.isEmpty())
        return fail("the one-time link (no secret cookie)", redeemed);
    const QByteArray base = (state.origin + state.prefix).toUtf8();
    const Answer created = client.postJson(
        base + "/register", R"({"username":"bench","name":"Bench","email":"bench@example.org"})");
    if (created.status != 201)
        return fail("POST /register", created);
    const Answer options = client.postJson(base + "/api/passkeys/registration/options", "{}");
    if (options.status != 200)
        return fail("registration options", options);
    const QJsonObject creation = jsonObject(options.body);
    const QString challenge = creation.value(QStringLiteral("challenge")).toString();
    state.userHandle = fromBase64Url(
        creation.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString());

    TestAuthenticator authenticator(kRpId, state.origin);
    const RegistrationSpec spec = authenticator.registrationSpec(challenge);
    const Registration registration = authenticator.makeCredential(spec, state.userHandle);
    const Answer verified =
        client.postJson(base + "/api/passkeys/registration/verify", jsonText(registration.json()));
    if (verified.status != 201)
        return fail("registration verify", verified);
    state.credentialId = registration.credentialId;
    state.privateKeyPem = privateKeyPem(registration.credentialKey.evp());
    return true;
}

QByteArray stateJson(const State& state)
{
    return jsonText(
        {{QStringLiteral("origin"), state.origin},
         {QStringLiteral("prefix"), state.prefix},
         {QStringLiteral("secret"), QString::fromLatin1(state.secret)},
         {QStringLiteral("credentialId"), core::encodeBase64UrlString(state.credentialId)},
         {QStringLiteral("userHandle"), core::encodeBase64UrlString(state.userHandle)},
         {QStringLiteral("privateKeyPem"), QString::fromLatin1(state.privateKeyPem)}});
}

State stateFrom(const QByteArray& text)
{
    const QJsonObject object = jsonObject(text);
    auto bytes = [&object](const char* name) {
        return fromBase64Url(object.value(QLatin1String(name)).toString());
    };
    State state;
    state.origin = object.value(QStringLiteral("origin")).toString();
    state.prefix = object.value(QStringLiteral("prefix")).toString();
    state.secret = object.value(QStringLiteral("secret")).toString().toLatin1();
    state.credentialId = bytes("credentialId");
    state.userHandle = bytes("userHandle");
    state.privateKeyPem = object.value(QStringLiteral("privateKeyPem")).toString().toLatin1();
    return state;
}

// What the platform authenticator answers to the options: an ES256 assertion, counter 0
// (an authenticator without a counter, so concurrent clients never race on it).
QByteArray assertionJson(const State& state, const TestKey& key, const QString& challenge)
{
    ClientDataSpec clientData;
    clientData.type = QStringLiteral("webauthn.get");
    clientData.challenge = challenge;
    clientData.origin = state.origin;
    const QByteArray clientDataJson = encodeClientData(clientData);
    AuthenticatorDataSpec authData;
    authData.rpIdHash = core::sha256(kRpId.toUtf8());
    authData.flags = kUserPresentVerified;
    const QByteArray authenticatorData = encodeAuthenticatorData(authData);
    Assertion assertion;
    assertion.credentialId = state.credentialId;
    assertion.clientDataJson = clientDataJson;
    assertion.authenticatorData = authenticatorData;
    assertion.signature = key.sign(authenticatorData + core::sha256(clientDataJson));
    assertion.userHandle = state.userHandle;
    return jsonText(assertion.json());
}

struct ClientFigures {
    std::vector<double> roundMs;
    qint64 errors = 0;
};

// One round: options, assertion, verify, the signed-in page. False on any unexpected answer.
bool signInOnce(Client& client, const State& state, const TestKey& key, const QByteArray& base)
{
    client.forgetCookies();
    const Answer options =
        client.postJson(base + "/api/passkeys/authentication/options", R"({"login":"bench"})");
    if (options.status != 200)
        return fail("authentication options", options);
    const QString challenge =
        jsonObject(options.body).value(QStringLiteral("challenge")).toString();
    const Answer verified = client.postJson(base + "/api/passkeys/authentication/verify",
                                            assertionJson(state, key, challenge));
    if (verified.status != 200)
        return fail("authentication verify", verified);
    const Answer profile = client.get(base + "/profile");
    if (profile.status != 200)
        return fail("GET /profile", profile);
    return true;
}

void runClient(const State& state, Clock::time_point end, ClientFigures& figures)
{
    const TestKey key = TestKey::fromPrivateKeyPem(state.privateKeyPem, cose::ES256);
    const QByteArray base = (state.origin + state.prefix).toUtf8();
    Client client;
    client.setSecret(state.secret);
    client.setOrigin(state.origin);
    while (Clock::now() < end) {
        const auto start = Clock::now();
        if (!signInOnce(client, state, key, base)) {
            ++figures.errors;
            continue;
        }
        figures.roundMs.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
}

double percentile(std::vector<double>& samples, double fraction)
{
    if (samples.empty())
        return 0;
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

int signInRounds(const State& state, int clients, double seconds)
{
    std::vector<ClientFigures> figures(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    const auto end =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    for (ClientFigures& own : figures)
        threads.emplace_back([&state, end, &own] { runClient(state, end, own); });
    for (std::thread& thread : threads)
        thread.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    qint64 errors = 0;
    for (const ClientFigures& own : figures) {
        all.insert(all.end(), own.roundMs.begin(), own.roundMs.end());
        errors += own.errors;
    }
    const auto rounds = static_cast<qint64>(all.size());
    const double p50 = percentile(all, 0.5);
    const double p99 = percentile(all, 0.99);
    std::printf("rounds %lld errors %lld per_second %.1f p50_ms %.2f p99_ms %.2f\n",
                static_cast<long long>(rounds), static_cast<long long>(errors),
                static_cast<double>(rounds) / elapsed, p50, p99);
    return errors == 0 && rounds > 0 ? 0 : 1;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QStringLiteral("setup")) {
        State state;
        if (!setUp(args.at(2).toUtf8(), state))
            return 1;
        QFile file(args.at(3));
        if (!file.open(QIODevice::WriteOnly) || file.write(stateJson(state)) < 0)
            return 1;
        std::printf("secret %s\nprefix %s\n", state.secret.constData(), qPrintable(state.prefix));
        return 0;
    }
    if (args.size() >= 3 && args.at(1) == QStringLiteral("signin")) {
        const State state = stateFrom(readFile(args.at(2)));
        const int clients = args.size() > 3 ? args.at(3).toInt() : 32;
        const double seconds = args.size() > 4 ? args.at(4).toDouble() : 10;
        return signInRounds(state, clients > 0 ? clients : 32, seconds > 0 ? seconds : 10);
    }
    std::fputs("usage: latchkey_bench_handler_client setup ONE_TIME_URL STATE_FILE\n"
               "       latchkey_bench_handler_client signin STATE_FILE [CLIENTS] [SECONDS]\n",
               stderr);
    return 2;
}
