#include "soak_browser.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>

namespace latchkey::soak {

QJsonObject Step::json() const
{
    return QJsonDocument::fromJson(answer.body).object();
}

SoakBrowser::SoakBrowser(ServerAddress address, authenticator::KeyStore& keys)
    : m_address(std::move(address)), m_connection(m_address.port),
      m_authenticator(keys, m_verifier), m_client(m_authenticator)
{}

void SoakBrowser::setAddress(const ServerAddress& address)
{
    m_address = address;
    m_connection.setPort(address.port);
}

void SoakBrowser::setSessionCookie(const QByteArray& value)
{
    if (value.isEmpty())
        m_cookies.remove("latchkey_session");
    else
        m_cookies["latchkey_session"] = value;
}

Headers SoakBrowser::headers(const QByteArray& contentType) const
{
    QByteArrayList pairs{m_address.secretCookie};
    for (auto it = m_cookies.cbegin(); it != m_cookies.cend(); ++it)
        pairs.append(it.key() + "=" + it.value());
    Headers out{{"Cookie", pairs.join("; ")}, {"Accept", "application/json"}};
    if (!contentType.isEmpty()) {
        out.append({"Content-Type", contentType});
        out.append({"Origin", "http://localhost:" + QByteArray::number(m_address.port)});
    }
    return out;
}

// Set-Cookie: name=value; attributes. Max-Age=0 or an empty value deletes.
HttpAnswer SoakBrowser::keep(HttpAnswer answer)
{
    ++m_requests;
    for (const QByteArray& setCookie : answer.headerValues("set-cookie")) {
        const QByteArray pair = setCookie.split(';').first();
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = pair.left(eq).trimmed();
        if (setCookie.contains("Max-Age=0") || pair.mid(eq + 1).isEmpty())
            m_cookies.remove(name);
        else
            m_cookies[name] = pair.mid(eq + 1);
    }
    return answer;
}

HttpAnswer SoakBrowser::get(const QByteArray& path)
{
    return keep(m_connection.send("GET", m_address.prefix + path, headers({})));
}

HttpAnswer SoakBrowser::postJson(const QByteArray& path, const QJsonObject& body)
{
    return keep(m_connection.send("POST", m_address.prefix + path, headers("application/json"),
                                  QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

HttpAnswer SoakBrowser::postForm(const QByteArray& path, const QByteArray& form)
{
    return keep(m_connection.send("POST", m_address.prefix + path,
                                  headers("application/x-www-form-urlencoded"), form));
}

Step SoakBrowser::createProfile(const QString& username, const QString& email)
{
    Step step;
    step.answer = postForm("/register", "name=" + QUrl::toPercentEncoding(username) +
                                            "&username=" + QUrl::toPercentEncoding(username) +
                                            "&email=" + QUrl::toPercentEncoding(email));
    return step;
}

std::optional<QJsonObject> SoakBrowser::run(bool create, const QJsonObject& options,
                                            QString& failure)
{
    m_verifier.scriptOutcome(authenticator::VerificationOutcome::Verified);
    std::optional<authenticator::ClientResult<QJsonObject>> result;
    const QUrl page(QStringLiteral("http://localhost:%1%2/profile")
                        .arg(m_address.port)
                        .arg(QString::fromLatin1(m_address.prefix)));
    auto done = [&result](authenticator::ClientResult<QJsonObject> answer) {
        result.emplace(std::move(answer));
    };
    if (create)
        m_client.create(options, page, done);
    else
        m_client.get(options, page, done);
    const QDeadlineTimer deadline(10000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!result) {
        m_client.abort();
        failure = QStringLiteral("the authenticator did not answer");
        return std::nullopt;
    }
    if (!*result) {
        failure = QStringLiteral("the authenticator refused: ") + result->error().message;
        return std::nullopt;
    }
    return result->value();
}

Step SoakBrowser::registerPasskey()
{
    Step step;
    step.answer = postJson("/api/passkeys/registration/options", {});
    if (step.status() != 200)
        return step;
    const std::optional<QJsonObject> credential = run(true, step.json(), step.failure);
    if (!credential) {
        step.answer = {};
        return step;
    }
    step.sent = *credential;
    step.answer = postJson("/api/passkeys/registration/verify", *credential);
    return step;
}

Step SoakBrowser::signIn(const QString& login)
{
    Step step;
    step.answer =
        postJson("/api/passkeys/authentication/options", {{QStringLiteral("login"), login}});
    if (step.status() != 200)
        return step;
    const std::optional<QJsonObject> assertion = run(false, step.json(), step.failure);
    if (!assertion) {
        step.answer = {};
        return step;
    }
    step.sent = *assertion;
    step.answer = postJson("/api/passkeys/authentication/verify", *assertion);
    return step;
}

Step SoakBrowser::signOut()
{
    Step step;
    step.answer = postForm("/signout", {});
    return step;
}

} // namespace latchkey::soak
