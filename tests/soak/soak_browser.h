#pragma once

#include "authenticator/client.h"
#include "authenticator/key_store.h"
#include "authenticator/local_authenticator.h"
#include "fake/scripted_user_verifier.h"
#include "http_connection.h"

#include <QJsonObject>
#include <QMap>
#include <optional>

namespace latchkey::soak {

// Where a browser finds the server: its port, the pages' path prefix and the secret cookie
// of the one-time link (all change when the server restarts).
struct ServerAddress {
    quint16 port = 0;
    QByteArray prefix;
    QByteArray secretCookie;
};

// A step's outcome: the HTTP answer of the request that decides it. status 0 with a
// failure text: the authenticator failed, or no answer came.
struct Step {
    HttpAnswer answer;
    QString failure;
    QJsonObject sent; // the body the step posted last (a finished response, to replay)

    int status() const { return answer.status; }
    QJsonObject json() const;
};

// One browser for one thread: its own cookie jar and keep-alive connection, and Latchkey's
// own platform authenticator (LocalAuthenticator + Client, a verifier that always verifies)
// over a key store the caller owns, exactly as the flow tests' FlowBrowser but blocking,
// without an event loop of the test's own.
class SoakBrowser {
public:
    SoakBrowser(ServerAddress address, authenticator::KeyStore& keys);

    void setAddress(const ServerAddress& address);
    const ServerAddress& address() const { return m_address; }

    HttpAnswer get(const QByteArray& path);
    HttpAnswer postJson(const QByteArray& path, const QJsonObject& body);
    HttpAnswer postForm(const QByteArray& path, const QByteArray& form);

    // POST /register (JSON answer): 201 with an enrolment session.
    Step createProfile(const QString& username, const QString& email);
    // Options, navigator.credentials.create(), verify: 201 when registered.
    Step registerPasskey();
    // Username-first: options, navigator.credentials.get(), verify: 200 when signed in.
    Step signIn(const QString& login);
    // POST /signout (JSON answer).
    Step signOut();

    QByteArray sessionCookie() const { return m_cookies.value("latchkey_session"); }
    void setSessionCookie(const QByteArray& value);
    void forgetCookies() { m_cookies.clear(); }
    qint64 requests() const { return m_requests; }

private:
    Headers headers(const QByteArray& contentType) const;
    HttpAnswer keep(HttpAnswer answer);
    std::optional<QJsonObject> run(bool create, const QJsonObject& options, QString& failure);

    ServerAddress m_address;
    HttpConnection m_connection;
    QMap<QByteArray, QByteArray> m_cookies;
    authenticator::ScriptedUserVerifier m_verifier;
    authenticator::LocalAuthenticator m_authenticator;
    authenticator::Client m_client;
    qint64 m_requests = 0;
};

} // namespace latchkey::soak
