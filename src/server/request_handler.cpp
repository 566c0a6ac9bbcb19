#include "server/request_handler.h"

#include "server/fresh_verification.h"
#include "server/guards.h"
#include "server/security_headers.h"
#include "server/static_assets.h"
#include "server/store_failure.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace latchkey::server {

Q_LOGGING_CATEGORY(lcServer, "latchkey.server", QtWarningMsg)

namespace {

// Only a path on this server: never "//host" or a scheme, so the link cannot send the
// browser elsewhere.
QString safeNextPath(const HttpRequest& request)
{
    static const QRegularExpression pattern(QStringLiteral("^/([A-Za-z0-9_-][A-Za-z0-9/_.-]*)?$"));
    const QString next = request.query.queryItemValue(QStringLiteral("next"), QUrl::FullyDecoded);
    return pattern.match(next).hasMatch() && !next.contains(QStringLiteral(".."))
               ? next
               : QStringLiteral("/");
}

// The request as the routes see it: the path without the prefix ("/<prefix>" alone is the
// home page). nullopt when the path is not under the prefix.
std::optional<HttpRequest> withoutPrefix(const HttpRequest& request, const QString& prefix)
{
    if (prefix.isEmpty())
        return request;
    if (request.path != prefix && !request.path.startsWith(prefix + QLatin1Char('/')))
        return std::nullopt;
    HttpRequest inner = request;
    inner.path = request.path.mid(prefix.size());
    if (inner.path.isEmpty())
        inner.path = QStringLiteral("/");
    return inner;
}

// Every path this server sends the browser to, and every cookie it sets, is under the
// prefix. The routes speak of "/profile" and "Path=/"; the prefix is put in here, once.
void scopeToPrefix(HttpResponse& response, const QString& prefix)
{
    if (prefix.isEmpty())
        return;
    static const QRegularExpression rootPath(QStringLiteral("; Path=/(?=;|$)"));
    for (auto& [name, value] : response.headers) {
        if (name.compare("Location", Qt::CaseInsensitive) == 0 && value.startsWith('/') &&
            !value.startsWith("//"))
            value.prepend(prefix.toLatin1());
        else if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            value = QString::fromLatin1(value)
                        .replace(rootPath, QStringLiteral("; Path=") + prefix)
                        .toLatin1();
    }
}

} // namespace

RequestHandler::RequestHandler(store::Database& database, QByteArray launchSecret,
                               QString pathPrefix)
    : m_secret(std::move(launchSecret)), m_context{0, systemNow, std::move(pathPrefix)},
      m_sessions(database, m_context), m_pages(database, m_sessions),
      m_flows(database, m_context, m_sessions), m_profile(database, m_context, m_sessions, m_pages),
      m_settings(m_context, m_sessions, m_pages, m_languageSection)
{
    addRoutes();
}

void RequestHandler::setUserVerificationAvailable(bool available)
{
    // Without a real verifier the app's authenticator can only prove presence: demanding UV
    // would make every ceremony fail after the prompt, so the policy asks for it instead.
    m_context.userVerification =
        available ? webauthn::UserVerification::Required : webauthn::UserVerification::Preferred;
    m_pages.setPresenceOnly(!available);
    m_profile.setPresenceOnly(!available);
}

void RequestHandler::addRoutes()
{
    using namespace std::placeholders;
    m_router.add("GET", QStringLiteral("/"), std::bind(&Pages::home, &m_pages, _1));
    m_router.add("GET", QStringLiteral("/register"), std::bind(&Pages::registerForm, &m_pages, _1));
    m_router.add("POST", QStringLiteral("/register"),
                 std::bind(&Pages::registerSubmit, &m_pages, _1));
    m_router.add("GET", QStringLiteral("/signin"), std::bind(&Pages::signInForm, &m_pages, _1));
    m_router.add("POST", QStringLiteral("/signin"), std::bind(&Pages::signInSubmit, &m_pages, _1));
    m_router.add("GET", QStringLiteral("/profile"),
                 std::bind(&ProfilePages::profile, &m_profile, _1));
    m_router.add("POST", QStringLiteral("/profile/passkeys/rename"),
                 std::bind(&ProfilePages::renamePasskey, &m_profile, _1));
    m_router.add("POST", QStringLiteral("/profile/passkeys/remove"),
                 std::bind(&ProfilePages::removePasskey, &m_profile, _1));
    m_router.add("POST", QStringLiteral("/profile/delete"),
                 std::bind(&ProfilePages::deleteProfile, &m_profile, _1));
    m_router.add("GET", QStringLiteral("/settings"),
                 std::bind(&SettingsPage::show, &m_settings, _1));
    m_router.add("POST", QStringLiteral("/settings/language"),
                 std::bind(&SettingsPage::saveLanguage, &m_settings, _1));
    m_router.add("POST", QStringLiteral("/signout"),
                 std::bind(&ProfilePages::signOut, &m_profile, _1));
    m_router.add("POST", QStringLiteral("/signin/forget"),
                 std::bind(&ProfilePages::forgetLastUser, &m_profile, _1));
    m_router.add("POST", QStringLiteral("/api/passkeys/registration/options"),
                 [this](const HttpRequest& request) {
                     return whenFreshlyVerified(
                         request, std::bind(&PasskeyFlows::registrationOptions, &m_flows, _1));
                 });
    m_router.add("POST", QStringLiteral("/api/passkeys/registration/verify"),
                 [this](const HttpRequest& request) {
                     return whenFreshlyVerified(
                         request, std::bind(&PasskeyFlows::registrationVerify, &m_flows, _1));
                 });
    m_router.add("POST", QStringLiteral("/api/passkeys/authentication/options"),
                 std::bind(&PasskeyFlows::authenticationOptions, &m_flows, _1));
    m_router.add("POST", QStringLiteral("/api/passkeys/authentication/verify"),
                 std::bind(&PasskeyFlows::authenticationVerify, &m_flows, _1));
    m_router.addPrefix("GET", QStringLiteral("/static/"), [this](const HttpRequest& request) {
        if (std::optional<HttpResponse> asset = staticAsset(request.path))
            return *asset;
        return m_pages.notFound(request);
    });
}

HttpResponse RequestHandler::handle(const HttpRequest& request)
{
    HttpResponse response = guardedDispatch(request);
    scopeToPrefix(response, m_context.pathPrefix);
    // 503 is only ever the profile database being busy: worth a retry a moment later.
    if (response.status == 503)
        response.setHeader("Retry-After", "1");
    applySecurityHeaders(response,
                         isFromAppView(request, m_secret) ? Audience::AppView : Audience::Browser);
    // Method, path and status only: queries and bodies may hold tokens and personal data.
    if (response.status >= 500)
        qCWarning(lcServer) << request.method << request.path << response.status;
    else
        qCDebug(lcServer) << request.method << request.path << response.status;
    return response;
}

bool RequestHandler::isOneTimeLink(const HttpRequest& request) const
{
    return request.method == "GET" && request.path == oneTimePath();
}

// The threat model's order: Host (DNS rebinding), secret, path prefix, Origin (CSRF), size,
// route. The one-time link (outside the prefix) is the only request without the secret.
HttpResponse RequestHandler::guardedDispatch(const HttpRequest& request)
{
    if (const auto failure = checkHost(request, m_context.port))
        return m_pages.error(request, failure->status, failure->message);
    if (isOneTimeLink(request))
        return redeemOneTimeLink(request);
    if (const auto failure = checkSecret(request, m_secret))
        return m_pages.error(request, failure->status, failure->message);
    const std::optional<HttpRequest> inner = withoutPrefix(request, m_context.pathPrefix);
    if (!inner)
        return m_pages.notFound(request);
    if (const auto failure = checkOrigin(*inner, m_context.port))
        return m_pages.error(*inner, failure->status, failure->message);
    if (const auto failure = checkBodySize(*inner))
        return m_pages.error(*inner, failure->status, failure->message);
    return dispatch(*inner);
}

// Adding a passkey to a profile that has one (a signed-in session) needs a passkey verified a
// few minutes ago (fresh_verification.h); an enrolling session adds the first one freely.
HttpResponse RequestHandler::whenFreshlyVerified(const HttpRequest& request, const Handler& handler)
{
    const QString title = QCoreApplication::translate("latchkey::server::FreshVerification",
                                                      "Confirm it's you first");
    const auto session = m_sessions.current(request);
    if (!session)
        return apiErrorResponse(readFailure(session.error()), title);
    if (const auto stale = checkFreshVerification(*session, m_context.now()))
        return apiErrorResponse(*stale, title);
    return handler(request);
}

HttpResponse RequestHandler::dispatch(const HttpRequest& request)
{
    if (const std::optional<Handler> handler = m_router.find(request))
        return (*handler)(request);
    const QList<QByteArray> allowed = m_router.allowedMethods(request.path);
    if (allowed.isEmpty())
        return m_pages.notFound(request);
    return m_pages.methodNotAllowed(request, allowed);
}

HttpResponse RequestHandler::redeemOneTimeLink(const HttpRequest& request)
{
    const QByteArray token = request.query.queryItemValue(QStringLiteral("token")).toLatin1();
    if (!m_tokens.redeem(token, m_context.now()))
        return m_pages.error(
            request, 403,
            QCoreApplication::translate("latchkey::server::RequestHandler",
                                        "This one-time link has been used already, is older than "
                                        "two minutes, or is not valid. Restart \"latchkey "
                                        "--serve\" for a new one."));
    HttpResponse response = HttpResponse::redirect(safeNextPath(request).toUtf8());
    // HttpOnly: page script never sees the secret. SameSite=Strict: other sites' requests
    // never carry it.
    response.setHeader("Set-Cookie",
                       secretCookieName() + "=" + m_secret + "; Path=/; HttpOnly; SameSite=Strict");
    return response;
}

HeadVerdict RequestHandler::judgeHead(const HttpRequest& head) const
{
    return checkSecret(head, m_secret) ? HeadVerdict::Untrusted : HeadVerdict::Trusted;
}

QByteArray RequestHandler::refusalBeforeRouting(const HttpRequest& head,
                                                const GuardFailure& failure)
{
    HttpResponse response = m_pages.error(head, failure.status, failure.message);
    if (response.status == 503)
        response.setHeader("Retry-After", "1");
    applySecurityHeaders(response, Audience::Browser);
    response.setHeader("Connection", "close");
    return serialize(response);
}

QByteArray RequestHandler::tooLargeRefusal()
{
    return refusalBeforeRouting(HttpRequest{}, bodyTooLarge());
}

QByteArray RequestHandler::noSecretRefusal(const HttpRequest& head)
{
    return refusalBeforeRouting(head, missingSecret());
}

QByteArray RequestHandler::busyRefusal()
{
    return refusalBeforeRouting(HttpRequest{}, serverBusy());
}

} // namespace latchkey::server
