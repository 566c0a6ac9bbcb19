#pragma once

#include "authenticator/authenticator.h"
#include "authenticator/error.h"

#include <QJsonObject>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace latchkey::authenticator {

struct ClientSettings {
    // §5.4 / §15.1: the page's timeout is clamped into a range the person can act within.
    std::chrono::milliseconds defaultTimeout{300'000};
    std::chrono::milliseconds minTimeout{30'000};
    std::chrono::milliseconds maxTimeout{600'000};
};

// What a browser does for navigator.credentials.create/get, for the app's own pages. The page
// origin is what the app observed (QWebEnginePage::url()), never what page script claims.
// Results are RegistrationResponseJSON / AuthenticationResponseJSON (§5.1.8, §5.1.9) with
// base64url members, ready for PublicKeyCredential.parse*/toJSON shapes on the page side.
// One ceremony at a time; answers come through done, exactly once, on this thread. The
// authenticator must outlive the client.
class Client {
public:
    using Done = std::function<void(ClientResult<QJsonObject>)>;

    explicit Client(Authenticator& authenticator, ClientSettings settings = {});
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // navigator.credentials.create({publicKey: options}) from a page at pageUrl.
    void create(const QJsonObject& options, const QUrl& pageUrl, Done done);
    // navigator.credentials.get({publicKey: options}) from a page at pageUrl.
    void get(const QJsonObject& options, const QUrl& pageUrl, Done done);
    // AbortSignal / page closed: the ceremony in progress ends with NotAllowedError.
    void abort();

    bool isUserVerifyingPlatformAuthenticatorAvailable() const;

    // The Signal API (WebAuthn L3 §5.1.10) from a page at pageUrl: TypeError for malformed
    // options, SecurityError when options.rpId is not the page's RP ID. Then the authenticator
    // updates its credentials of that RP silently; whether it did is not reported to the page.
    // signalUnknownCredential({rpId, credentialId})
    ClientResult<void> signalUnknownCredential(const QJsonObject& options, const QUrl& pageUrl);
    // signalAllAcceptedCredentials({rpId, userId, allAcceptedCredentialIds})
    ClientResult<void> signalAllAcceptedCredentials(const QJsonObject& options,
                                                    const QUrl& pageUrl);
    // signalCurrentUserDetails({rpId, userId, name, displayName})
    ClientResult<void> signalCurrentUserDetails(const QJsonObject& options, const QUrl& pageUrl);

private:
    struct Pending;

    std::shared_ptr<Pending> begin(Done done, std::optional<double> requestedTimeoutMs);
    // By value: callers pass m_pending itself, which finish() resets.
    void finish(std::shared_ptr<Pending> pending, ClientResult<QJsonObject> result);
    std::chrono::milliseconds clampTimeout(std::optional<double> requestedMs) const;

    Authenticator& m_authenticator;
    ClientSettings m_settings;
    std::shared_ptr<Pending> m_pending;
    std::unique_ptr<QTimer> m_timer;
};

// {"name": "NotAllowedError", "message": "..."}: what the page's script rejects with, as
// new DOMException(message, name) (or a TypeError for "TypeError").
QJsonObject clientErrorJson(const ClientError& error);

} // namespace latchkey::authenticator
