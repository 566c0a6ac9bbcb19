#include "app/webauthn_bridge.h"

#include "app/authenticator_setup.h"
#include "app/origin_policy.h"
#include "app/qml_user_verifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QQuickWebEngineProfile>
#include <QWebEngineScript>

namespace latchkey::app {

using authenticator::ClientResult;
using authenticator::DomErrorName;

namespace {

QString readResource(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString originOf(const QUrl& url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

} // namespace

PasskeyChannelObject::PasskeyChannelObject(WebAuthnBridge& bridge)
    : QObject(&bridge), m_bridge(bridge)
{}

void PasskeyChannelObject::create(int requestId, const QString& optionsJson)
{
    m_bridge.create(requestId, optionsJson);
}

void PasskeyChannelObject::get(int requestId, const QString& optionsJson)
{
    m_bridge.get(requestId, optionsJson);
}

void PasskeyChannelObject::abort(int requestId)
{
    m_bridge.abort(requestId);
}

bool PasskeyChannelObject::isUserVerifyingPlatformAuthenticatorAvailable() const
{
    return m_bridge.isUserVerifyingPlatformAuthenticatorAvailable();
}

QString PasskeyChannelObject::signal(const QString& kind, const QString& optionsJson)
{
    return m_bridge.signal(kind, optionsJson);
}

WebAuthnBridge::WebAuthnBridge(const QUrl& handlerUrl, const PasskeyStorage& storage,
                               authenticator::SystemVerifier* system, QObject* parent)
    : QObject(parent), m_handlerUrl(handlerUrl), m_verifier(new QmlUserVerifier(system, this)),
      m_channelObject(new PasskeyChannelObject(*this)),
      m_setup(std::make_unique<AuthenticatorSetup>(storage, *m_verifier))
{}

// The client and its authenticator go before the verifier they use (a QObject child).
WebAuthnBridge::~WebAuthnBridge()
{
    m_setup.reset();
}

void WebAuthnBridge::setView(QObject* view)
{
    if (view == m_view)
        return;
    m_view = view;
    emit viewChanged();
}

QObject* WebAuthnBridge::verifierObject() const
{
    return m_verifier;
}

QObject* WebAuthnBridge::channelObject() const
{
    return m_channelObject.data();
}

void WebAuthnBridge::create(int requestId, const QString& optionsJson)
{
    run(Ceremony::Create, requestId, optionsJson);
}

void WebAuthnBridge::get(int requestId, const QString& optionsJson)
{
    run(Ceremony::Get, requestId, optionsJson);
}

void WebAuthnBridge::abort(int requestId)
{
    if (m_current >= 0 && requestId == m_current && m_setup->isOpen())
        (*m_setup->client())->abort();
}

bool WebAuthnBridge::isUserVerifyingPlatformAuthenticatorAvailable() const
{
    return isHandlerPage(pageUrl(), m_handlerUrl) && m_verifier->verifiesUser();
}

QString WebAuthnBridge::signal(const QString& kind, const QString& optionsJson)
{
    const auto done = runSignal(kind, optionsJson);
    const QJsonObject body =
        done ? QJsonObject{}
             : QJsonObject{{QStringLiteral("error"), authenticator::clientErrorJson(done.error())}};
    return QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ClientResult<void> WebAuthnBridge::runSignal(const QString& kind, const QString& optionsJson)
{
    // As for the ceremonies: the origin is the page the view shows now, never the script's word.
    const QUrl page = pageUrl();
    if (!isHandlerPage(page, m_handlerUrl))
        return authenticator::clientError(
            DomErrorName::SecurityError,
            tr("Passkeys are only available to Latchkey's own pages."));
    const QJsonDocument document = QJsonDocument::fromJson(optionsJson.toUtf8());
    if (!document.isObject())
        return authenticator::clientError(DomErrorName::TypeError,
                                          tr("The signal's options are not a JSON object."));
    const auto client = m_setup->client();
    if (!client)
        return client.error();
    if (kind == QLatin1String("unknownCredential"))
        return (*client)->signalUnknownCredential(document.object(), page);
    if (kind == QLatin1String("allAcceptedCredentials"))
        return (*client)->signalAllAcceptedCredentials(document.object(), page);
    if (kind == QLatin1String("currentUserDetails"))
        return (*client)->signalCurrentUserDetails(document.object(), page);
    return authenticator::clientError(DomErrorName::TypeError,
                                      tr("There is no passkey signal called \"%1\".").arg(kind));
}

void WebAuthnBridge::pageChanged()
{
    abort(m_current);
}

bool WebAuthnBridge::isHandlerPage(const QUrl& pageUrl, const QUrl& handlerUrl)
{
    return pageUrl.isValid() && handlerUrl.isValid() && pageUrl.scheme() == handlerUrl.scheme() &&
           pageUrl.host() == handlerUrl.host() && pageUrl.port() == handlerUrl.port();
}

QUrl WebAuthnBridge::pageUrl() const
{
    return m_view ? m_view->property("url").toUrl() : QUrl();
}

void WebAuthnBridge::run(Ceremony ceremony, int requestId, const QString& optionsJson)
{
    // Read here, now: the page that asks is the page the view shows.
    const QUrl page = pageUrl();
    if (!isHandlerPage(page, m_handlerUrl))
        return answerError(requestId, DomErrorName::SecurityError,
                           tr("Passkeys are only available to Latchkey's own pages."));
    const QJsonDocument document = QJsonDocument::fromJson(optionsJson.toUtf8());
    if (!document.isObject())
        return answerError(requestId, DomErrorName::TypeError,
                           tr("The passkey options are not a JSON object."));
    // One ceremony at a time, as in a browser tab; the one in progress keeps its id.
    if (m_current >= 0)
        return answerError(requestId, DomErrorName::NotAllowedError,
                           tr("Another passkey request is in progress."));
    const auto client = m_setup->client();
    if (!client)
        return answer(requestId, client.error());
    m_current = requestId;
    auto done = [this, requestId, page](ClientResult<QJsonObject> result) {
        if (m_current == requestId)
            m_current = -1;
        // The view left the origin checked above while the ceremony ran: whatever page is
        // there now hears nothing of it.
        if (!isSameOrigin(pageUrl(), page))
            return answerError(requestId, DomErrorName::NotAllowedError,
                               tr("The page changed while the passkey request was open."));
        answer(requestId, result);
    };
    if (ceremony == Ceremony::Create)
        (*client)->create(document.object(), page, done);
    else
        (*client)->get(document.object(), page, done);
}

void WebAuthnBridge::answerError(int requestId, DomErrorName name, const QString& message)
{
    answer(requestId, authenticator::clientError(name, message));
}

void WebAuthnBridge::answer(int requestId, const ClientResult<QJsonObject>& result)
{
    const QJsonObject body = result ? QJsonObject{{QStringLiteral("credential"), *result}}
                                    : QJsonObject{{QStringLiteral("error"),
                                                   authenticator::clientErrorJson(result.error())}};
    if (m_channelObject)
        emit m_channelObject->answered(
            requestId, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

QJsonObject WebAuthnBridge::clientMessages()
{
    return QJsonObject{
        {QStringLiteral("notBytes"), tr("%1 must be an ArrayBuffer or a typed array.")},
        {QStringLiteral("required"), tr("%1 is required.")},
        {QStringLiteral("failed"), tr("The passkey request failed.")},
        {QStringLiteral("unreadableAnswer"), tr("The app sent an unreadable answer.")},
        {QStringLiteral("noBridge"), tr("Passkeys are not available in this window.")},
        {QStringLiteral("noAnswer"), tr("The app's passkey service did not answer.")},
        {QStringLiteral("aborted"), tr("The operation was aborted.")},
        {QStringLiteral("publicKeyOnly"), tr("Only public key credentials are supported here.")},
        {QStringLiteral("noConditional"), tr("Conditional mediation is not available.")},
        {QStringLiteral("signalOptions"), tr("The signal needs an options object.")},
        {QStringLiteral("subframe"), tr("Passkeys are not available inside a frame.")},
    };
}

AppResult<QString> WebAuthnBridge::clientScriptSource(const QUrl& handlerUrl)
{
    const QString channel = readResource(QStringLiteral(":/qtwebchannel/qwebchannel.js"));
    QString client = readResource(QStringLiteral(":/client/webauthn_client.js"));
    if (channel.isEmpty() || client.isEmpty())
        return AppError{AppError::Code::Window,
                        tr("The passkey client script is missing from this build.")};
    // The origin as a JSON string literal: the script compares it with location.origin.
    const QString origin = QString::fromUtf8(
        QJsonDocument(QJsonArray{originOf(handlerUrl)}).toJson(QJsonDocument::Compact));
    client.replace(QStringLiteral("[\"__LATCHKEY_HANDLER_ORIGIN__\"]"), origin);
    // The script has no translator of its own: its texts are translated here, at install time.
    const QString messages = QString::fromUtf8(
        QJsonDocument(QJsonArray{clientMessages()}).toJson(QJsonDocument::Compact));
    client.replace(QStringLiteral("[\"__LATCHKEY_MESSAGES__\"]"), messages);
    // qwebchannel.js inside a function: its QWebChannel stays private to the client script,
    // out of reach of page script.
    return QStringLiteral("(function (LatchkeyChannel) {\n%1\n})((function () {\n%2\n"
                          "return QWebChannel;\n})());\n")
        .arg(client, channel);
}

AppResult<void> WebAuthnBridge::installClientScript(QQuickWebEngineProfile* profile,
                                                    const QUrl& handlerUrl)
{
    const auto source = clientScriptSource(handlerUrl);
    if (!source)
        return source.error();
    QWebEngineScript script;
    script.setName(QStringLiteral("latchkey-webauthn-client"));
    script.setInjectionPoint(QWebEngineScript::DocumentCreation);
    script.setWorldId(QWebEngineScript::MainWorld);
    // In subframes too, on purpose: there the script replaces the API with refusals that never
    // reach the channel (resources/client/webauthn_client.js), so a frame neither reaches the
    // bridge nor the native navigator.credentials of Qt WebEngine 6.4.
    script.setRunsOnSubFrames(true);
    script.setSourceCode(*source);
    // Qt 6.4 keeps the Quick profile's script collection type private; its insert() is
    // reached through the meta-object system instead.
    auto* collection = profile->property("userScripts").value<QObject*>();
    if (!collection || !QMetaObject::invokeMethod(collection, "insert", Qt::DirectConnection,
                                                  Q_ARG(QWebEngineScript, script)))
        return AppError{AppError::Code::Window,
                        tr("The passkey client script could not be installed in the window.")};
    return {};
}

} // namespace latchkey::app
