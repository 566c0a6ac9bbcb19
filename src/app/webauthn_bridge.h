#pragma once

#include "app/app_error.h"
#include "authenticator/client.h"
#include "authenticator/system_verifier.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <memory>

class QQuickWebEngineProfile;

namespace latchkey::app {

class AuthenticatorSetup;
class QmlUserVerifier;
struct PasskeyStorage;

class WebAuthnBridge;

// What page script can reach over QWebChannel, as "latchkeyPasskeys": the ceremonies and
// nothing else. QWebChannel publishes every property, signal and invokable of the object it
// is given, so the bridge's view, verifier and navigation hooks live on WebAuthnBridge, which
// is never registered (a page must not be able to answer its own prompt).
class PasskeyChannelObject : public QObject {
    Q_OBJECT

public:
    explicit PasskeyChannelObject(WebAuthnBridge& bridge);

    // requestId is the script's own number for the call; the answer comes back through
    // answered(requestId, json) with {"credential": {...}} or {"error": {name, message}}.
    Q_INVOKABLE void create(int requestId, const QString& optionsJson);
    Q_INVOKABLE void get(int requestId, const QString& optionsJson);
    // AbortSignal: ends the ceremony requestId if it is the one in progress.
    Q_INVOKABLE void abort(int requestId);
    Q_INVOKABLE bool isUserVerifyingPlatformAuthenticatorAvailable() const;
    // PublicKeyCredential.signal* (WebAuthn L3 §5.1.10): kind is "unknownCredential",
    // "allAcceptedCredentials" or "currentUserDetails". Answers "{}" or {"error": {name,
    // message}}; silent, nobody is asked.
    Q_INVOKABLE QString signal(const QString& kind, const QString& optionsJson);

signals:
    void answered(int requestId, const QString& answerJson);

private:
    WebAuthnBridge& m_bridge;
};

// Answers navigator.credentials.create/get of the handler's own pages (the injected client
// script, resources/client/webauthn_client.js) through authenticator::Client.
//
// The origin handed to the client is the one the app itself loaded: the WebEngineView's url
// at call time, read here. Nothing the script passes names an origin, and any page that is not
// the handler's own (http://localhost:<port>) gets a SecurityError.
class WebAuthnBridge : public QObject {
    Q_OBJECT
    // The WebEngineView whose url is the calling page (set from QML).
    Q_PROPERTY(QObject* view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(QObject* verifier READ verifierObject CONSTANT)
    // The object to register on the view's WebChannel.
    Q_PROPERTY(QObject* channelObject READ channelObject CONSTANT)

public:
    // system: how the person is verified (UserVerificationChoice), null when nothing here can
    // verify; it must outlive the bridge.
    WebAuthnBridge(const QUrl& handlerUrl, const PasskeyStorage& storage,
                   authenticator::SystemVerifier* system, QObject* parent = nullptr);
    ~WebAuthnBridge() override;

    QObject* view() const { return m_view; }
    void setView(QObject* view);
    QObject* verifierObject() const;
    QObject* channelObject() const;

    void create(int requestId, const QString& optionsJson);
    void get(int requestId, const QString& optionsJson);
    void abort(int requestId);
    bool isUserVerifyingPlatformAuthenticatorAvailable() const;
    // The Signal API for the page the view shows (the same origin rule as the ceremonies).
    QString signal(const QString& kind, const QString& optionsJson);
    // The view navigated: a ceremony of the page that left ends, and its prompt closes.
    Q_INVOKABLE void pageChanged();

    // The script (qwebchannel.js and the client) on every document (subframes get refusals),
    // before any page script runs. Fails when Qt's qwebchannel.js is not in the resources.
    static AppResult<void> installClientScript(QQuickWebEngineProfile* profile,
                                               const QUrl& handlerUrl);

    // The injected source: qwebchannel.js and the client, with the handler's origin and the
    // client's error texts (clientMessages(), in the app's language) filled in.
    static AppResult<QString> clientScriptSource(const QUrl& handlerUrl);
    // The client script's error texts by key, translated now (QCoreApplication::translate).
    static QJsonObject clientMessages();

    // Whether pageUrl is a page of the handler at handlerUrl (same scheme, host and port).
    static bool isHandlerPage(const QUrl& pageUrl, const QUrl& handlerUrl);

signals:
    void viewChanged();

private:
    enum class Ceremony { Create, Get };

    void run(Ceremony ceremony, int requestId, const QString& optionsJson);
    QUrl pageUrl() const;
    authenticator::ClientResult<void> runSignal(const QString& kind, const QString& optionsJson);
    void answerError(int requestId, authenticator::DomErrorName name, const QString& message);
    void answer(int requestId, const authenticator::ClientResult<QJsonObject>& result);

    QUrl m_handlerUrl;
    QPointer<QObject> m_view;
    QmlUserVerifier* m_verifier = nullptr;
    // A page may call deleteLater() on it over the channel: held by a guarded pointer.
    QPointer<PasskeyChannelObject> m_channelObject;
    std::unique_ptr<AuthenticatorSetup> m_setup;
    int m_current = -1; // the request id of the ceremony in progress
};

} // namespace latchkey::app
