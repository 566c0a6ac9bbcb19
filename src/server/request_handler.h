#pragma once

#include "server/bounded_tcp_server.h"
#include "server/guards.h"
#include "server/http_message.h"
#include "server/language_section.h"
#include "server/language_setting.h"
#include "server/one_time_tokens.h"
#include "server/pages.h"
#include "server/passkey_flows.h"
#include "server/profile_pages.h"
#include "server/router.h"
#include "server/server_context.h"
#include "server/sessions.h"
#include "server/settings_page.h"

namespace latchkey::server {

// Everything between the socket and the pages: the guards in the threat model's order,
// then routing. Independent of QHttpServer, so it is the same on every Qt version.
class RequestHandler {
public:
    RequestHandler(store::Database& database, QByteArray launchSecret, QString pathPrefix = {});

    void setPort(quint16 port) { m_context.port = port; }
    quint16 port() const { return m_context.port; }
    // Tests move time forward to reach session and challenge expiry.
    void setClock(Clock clock) { m_context.clock = std::move(clock); }
    // Whether the client can verify the person (ServerConfig::userVerificationAvailable).
    void setUserVerificationAvailable(bool available);
    // Where the settings page keeps the language (ServerConfig::settingsFile, languages).
    void setLanguageSetting(LanguageSetting setting) { m_language = std::move(setting); }

    // Answers one request; the security headers are always on the answer.
    HttpResponse handle(const HttpRequest& request);

    QByteArray issueOneTimeToken() { return m_tokens.issue(m_context.now()); }
    // The whole 413 answer (with the security headers and Connection: close) for a
    // connection that sends more than any acceptable request before being answered.
    QByteArray tooLargeRefusal();
    // Judged from a request's head alone, before any body is read (BoundedTcpServer): does
    // it carry the launch secret?
    HeadVerdict judgeHead(const HttpRequest& head) const;
    // The whole 403 answer for a body sent without the secret (refused before it is read),
    // as a page or JSON as the head asks, with Connection: close.
    QByteArray noSecretRefusal(const HttpRequest& head);
    // The whole 503 answer for a connection that would pass the buffer budget.
    QByteArray busyRefusal();
    static QString oneTimePath() { return QStringLiteral("/launch"); }

private:
    HttpResponse guardedDispatch(const HttpRequest& request);
    HttpResponse dispatch(const HttpRequest& request);
    HttpResponse whenFreshlyVerified(const HttpRequest& request, const Handler& handler);
    HttpResponse redeemOneTimeLink(const HttpRequest& request);
    bool isOneTimeLink(const HttpRequest& request) const;
    QByteArray refusalBeforeRouting(const HttpRequest& head, const GuardFailure& failure);
    void addRoutes();

    QByteArray m_secret;
    ServerContext m_context;
    OneTimeTokens m_tokens;
    Sessions m_sessions;
    Pages m_pages;
    PasskeyFlows m_flows;
    ProfilePages m_profile;
    LanguageSetting m_language;
    LanguageSection m_languageSection{m_language};
    SettingsPage m_settings;
    Router m_router;
};

} // namespace latchkey::server
