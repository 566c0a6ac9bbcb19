#pragma once

#include "authenticator/client.h"
#include "authenticator/local_authenticator.h"
#include "fake/in_memory_key_store.h"
#include "fake/scripted_user_verifier.h"
#include "server_fixture.h"

#include <QJsonObject>
#include <QMap>
#include <memory>
#include <optional>

namespace latchkey::server::testing {

// A browser with a cookie jar and a platform authenticator (Latchkey's own, over an
// in-memory key store and a verifier that always says yes), talking real HTTP to a fixture.
class FlowBrowser {
public:
    explicit FlowBrowser(ServerFixture& fixture);

    WireResponse get(const QByteArray& path);
    WireResponse postForm(const QByteArray& path, const QByteArray& body, bool json = false);
    WireResponse postJson(const QByteArray& path, const QJsonObject& body);
    WireResponse postRaw(const QByteArray& path, const QByteArray& body,
                         const QByteArray& contentType);

    // POST /register (JSON path); true on 201.
    bool createProfile(const QString& username, const QString& email);
    // navigator.credentials.create()/get() as a browser at the server's origin would.
    std::optional<QJsonObject> create(const QJsonObject& options);
    std::optional<QJsonObject> get(const QJsonObject& options);
    // Options, authenticator, verify: the verify answer.
    WireResponse registerPasskey(const QString& nickname = {});
    WireResponse signIn(const QString& login);

    QByteArray cookie(const QByteArray& name) const { return m_cookies.value(name); }
    void setCookie(const QByteArray& name, const QByteArray& value) { m_cookies[name] = value; }
    void forgetCookies() { m_cookies.clear(); }
    // Another device: a fresh authenticator with none of the earlier passkeys.
    void switchAuthenticator();
    // A device whose prompt proves presence only (no PAM, no polkit): it cannot verify, and
    // answers every prompt with a click (UP without UV).
    void usePresenceOnlyAuthenticator();
    // The page origin the authenticator client sees (default: the server's own).
    void setPageOrigin(const QByteArray& origin) { m_pageOrigin = origin; }

private:
    Headers cookieHeaders() const;
    WireResponse keep(WireResponse response);
    std::optional<QJsonObject> run(bool create, const QJsonObject& options);

    ServerFixture& m_fixture;
    QMap<QByteArray, QByteArray> m_cookies;
    QByteArray m_pageOrigin;
    bool m_presenceOnly = false;
    struct Device {
        authenticator::InMemoryKeyStore keys;
        authenticator::ScriptedUserVerifier verifier;
        authenticator::LocalAuthenticator authenticator{keys, verifier};
        authenticator::Client client{authenticator};
    };
    std::unique_ptr<Device> m_device = std::make_unique<Device>();
};

QJsonObject jsonOf(const WireResponse& response);

} // namespace latchkey::server::testing
