#include "flow_browser.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>

namespace latchkey::server::testing {

QJsonObject jsonOf(const WireResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

FlowBrowser::FlowBrowser(ServerFixture& fixture) : m_fixture(fixture) {}

Headers FlowBrowser::cookieHeaders() const
{
    QByteArrayList pairs;
    for (auto it = m_cookies.cbegin(); it != m_cookies.cend(); ++it)
        pairs.append(it.key() + "=" + it.value());
    if (pairs.isEmpty())
        return {};
    return {{"Cookie", pairs.join("; ")}};
}

// Set-Cookie: name=value; attributes. Max-Age=0 deletes.
WireResponse FlowBrowser::keep(WireResponse response)
{
    for (const QByteArray& setCookie : response.headerValues("set-cookie")) {
        const QByteArray pair = setCookie.split(';').first();
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = pair.left(eq).trimmed();
        if (setCookie.contains("Max-Age=0") || pair.mid(eq + 1).isEmpty())
            m_cookies.remove(name);
        else
            m_cookies[name] = pair.mid(eq + 1);
    }
    return response;
}

WireResponse FlowBrowser::get(const QByteArray& path)
{
    return keep(m_fixture.sendGood("GET", path, cookieHeaders()));
}

WireResponse FlowBrowser::postForm(const QByteArray& path, const QByteArray& body, bool json)
{
    Headers headers = cookieHeaders();
    headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    if (json)
        headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return keep(m_fixture.sendGood("POST", path, headers, body));
}

WireResponse FlowBrowser::postRaw(const QByteArray& path, const QByteArray& body,
                                  const QByteArray& contentType)
{
    Headers headers = cookieHeaders();
    headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return keep(m_fixture.sendGood("POST", path, headers, body));
}

WireResponse FlowBrowser::postJson(const QByteArray& path, const QJsonObject& body)
{
    return postRaw(path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

bool FlowBrowser::createProfile(const QString& username, const QString& email)
{
    const WireResponse response = postForm("/register",
                                           "name=" + QUrl::toPercentEncoding(username) +
                                               "&username=" + QUrl::toPercentEncoding(username) +
                                               "&email=" + QUrl::toPercentEncoding(email),
                                           true);
    return response.status == 201;
}

std::optional<QJsonObject> FlowBrowser::run(bool create, const QJsonObject& options)
{
    m_device->verifier.scriptOutcome(m_presenceOnly ? authenticator::VerificationOutcome::Present
                                                    : authenticator::VerificationOutcome::Verified);
    std::optional<authenticator::ClientResult<QJsonObject>> result;
    const QByteArray origin = m_pageOrigin.isEmpty() ? m_fixture.origin() : m_pageOrigin;
    const QUrl page(QString::fromLatin1(origin) + QStringLiteral("/profile"));
    auto done = [&result](authenticator::ClientResult<QJsonObject> answer) {
        result.emplace(std::move(answer));
    };
    if (create)
        m_device->client.create(options, page, done);
    else
        m_device->client.get(options, page, done);
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return std::nullopt;
    if (!result || !*result)
        return std::nullopt;
    return result->value();
}

void FlowBrowser::switchAuthenticator()
{
    m_device = std::make_unique<Device>();
    m_device->verifier.setVerifiesUser(!m_presenceOnly);
}

void FlowBrowser::usePresenceOnlyAuthenticator()
{
    m_presenceOnly = true;
    m_device->verifier.setVerifiesUser(false);
}

std::optional<QJsonObject> FlowBrowser::create(const QJsonObject& options)
{
    return run(true, options);
}

std::optional<QJsonObject> FlowBrowser::get(const QJsonObject& options)
{
    return run(false, options);
}

WireResponse FlowBrowser::registerPasskey(const QString& nickname)
{
    const WireResponse options = postJson("/api/passkeys/registration/options", {});
    if (options.status != 200)
        return options;
    std::optional<QJsonObject> credential = create(jsonOf(options));
    if (!credential)
        return {};
    if (!nickname.isEmpty())
        credential->insert(QStringLiteral("nickname"), nickname);
    return postJson("/api/passkeys/registration/verify", *credential);
}

WireResponse FlowBrowser::signIn(const QString& login)
{
    QJsonObject body;
    if (!login.isEmpty())
        body.insert(QStringLiteral("login"), login);
    const WireResponse options = postJson("/api/passkeys/authentication/options", body);
    if (options.status != 200)
        return options;
    const std::optional<QJsonObject> assertion = get(jsonOf(options));
    if (!assertion)
        return {};
    return postJson("/api/passkeys/authentication/verify", *assertion);
}

} // namespace latchkey::server::testing
