#pragma once

#include "server/http_message.h"
#include "server/one_time_tokens.h"
#include "server/pages.h"
#include "server/router.h"

namespace latchkey::server {

// Everything between the socket and the pages: the guards in the threat model's order,
// then routing. Independent of QHttpServer, so it is the same on every Qt version.
class RequestHandler {
public:
    RequestHandler(store::Database& database, QByteArray launchSecret);

    void setPort(quint16 port) { m_port = port; }
    quint16 port() const { return m_port; }

    // Answers one request; the security headers are always on the answer.
    HttpResponse handle(const HttpRequest& request);

    QByteArray issueOneTimeToken() { return m_tokens.issue(); }
    // The whole 413 answer (with the security headers and Connection: close) for a
    // connection that sends more than any acceptable request before being answered.
    QByteArray tooLargeRefusal();
    static QString oneTimePath() { return QStringLiteral("/launch"); }

private:
    HttpResponse guardedDispatch(const HttpRequest& request);
    HttpResponse dispatch(const HttpRequest& request);
    HttpResponse redeemOneTimeLink(const HttpRequest& request);
    bool isOneTimeLink(const HttpRequest& request) const;
    void addRoutes();

    QByteArray m_secret;
    quint16 m_port = 0;
    OneTimeTokens m_tokens;
    Pages m_pages;
    Router m_router;
};

} // namespace latchkey::server
