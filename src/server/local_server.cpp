#include "server/local_server.h"

#include "server/bounded_tcp_server.h"
#include "server/http_front.h"
#include "server/request_handler.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUrlQuery>

namespace latchkey::server {

namespace {

// Ephemeral ports are picked on 127.0.0.1 and then claimed on ::1; another program may
// hold the same number on ::1, so a few fresh picks are tried.
constexpr int kPortAttempts = 8;

bool isUsableSecret(const QByteArray& secret)
{
    // At least 128 bits, and safe to put in a cookie unquoted (base64url alphabet).
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{22,}$"));
    return pattern.match(QString::fromLatin1(secret)).hasMatch();
}

std::unique_ptr<QTcpServer> listenOn(const QHostAddress& address, quint16 port,
                                     RequestHandler& handler, const ConnectionLimits& limits)
{
    BoundedTcpServer::Answers answers;
    answers.tooLarge = [&handler] {
        return handler.tooLargeRefusal();
    };
    answers.noSecret = [&handler](const HttpRequest& head) {
        return handler.noSecretRefusal(head);
    };
    answers.busy = [&handler] {
        return handler.busyRefusal();
    };
    answers.judgeHead = [&handler](const HttpRequest& head) {
        return handler.judgeHead(head);
    };
    auto server = std::make_unique<BoundedTcpServer>(std::move(answers), limits);
    server->listen(address, port);
    return server;
}

// A machine without IPv6 has no ::1; Chromium then reaches localhost over 127.0.0.1 only.
bool ipv6Unavailable(const QTcpServer& server)
{
    return server.serverError() == QAbstractSocket::UnsupportedSocketOperationError ||
           server.serverError() == QAbstractSocket::SocketAddressNotAvailableError;
}

} // namespace

LocalServer::LocalServer(store::Database& db, ServerConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)),
      m_handler(std::make_unique<RequestHandler>(db, m_config.launchSecret,
                                                 QString::fromLatin1(m_config.pathPrefix)))
{
    m_handler->setUserVerificationAvailable(m_config.userVerificationAvailable);
    m_handler->setLanguageSetting(LanguageSetting(m_config.settingsFile, m_config.languages));
}

// The HTTP layer and its sockets go first: they call into the handler.
LocalServer::~LocalServer()
{
    delete m_front;
}

QByteArray LocalServer::secretHeaderName()
{
    return "X-Latchkey-Secret";
}

QString LocalServer::errorString() const
{
    return m_errorString;
}

quint16 LocalServer::port() const
{
    return m_handler->port();
}

QUrl LocalServer::homeUrl() const
{
    return QUrl(QStringLiteral("http://localhost:%1%2/")
                    .arg(port())
                    .arg(QString::fromLatin1(m_config.pathPrefix)));
}

QUrl LocalServer::originUrl() const
{
    return QUrl(QStringLiteral("http://localhost:%1/").arg(port()));
}

void LocalServer::setClock(std::function<QDateTime()> clock)
{
    m_handler->setClock(std::move(clock));
}

QUrl LocalServer::createOneTimeUrl()
{
    return createOneTimeUrl(QStringLiteral("/"));
}

QUrl LocalServer::createOneTimeUrl(const QString& nextPath)
{
    QUrl url = originUrl();
    url.setPath(RequestHandler::oneTimePath());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"),
                       QString::fromLatin1(m_handler->issueOneTimeToken()));
    if (nextPath != QLatin1String("/"))
        query.addQueryItem(QStringLiteral("next"), nextPath);
    url.setQuery(query);
    return url;
}

bool LocalServer::listen()
{
    if (m_front) {
        m_errorString = QCoreApplication::translate("latchkey::server::LocalServer",
                                                    "The local server is already listening.");
        return false;
    }
    if (!m_config.pathPrefix.isEmpty() && !isUsableSecret(m_config.pathPrefix.mid(1))) {
        m_errorString = QCoreApplication::translate(
            "latchkey::server::LocalServer",
            "The path prefix must be \"/\" and at least 22 base64url characters, so the local "
            "server was not started.");
        return false;
    }
    if (!isUsableSecret(m_config.launchSecret)) {
        m_errorString = QCoreApplication::translate(
            "latchkey::server::LocalServer",
            "The launch secret is missing or too short (at least 22 base64url "
            "characters), so the local server was not started.");
        return false;
    }
    const int attempts = m_config.port == 0 ? kPortAttempts : 1;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        auto ipv4 = listenOn(QHostAddress::LocalHost, m_config.port, *m_handler, m_config.limits);
        if (!ipv4->isListening()) {
            m_errorString = m_config.port == 0
                                ? QCoreApplication::translate("latchkey::server::LocalServer",
                                                              "Could not listen on 127.0.0.1: %1")
                                      .arg(ipv4->errorString())
                                : QCoreApplication::translate(
                                      "latchkey::server::LocalServer",
                                      "Port %1 on localhost is already in use or not allowed "
                                      "(%2). Choose another with --port, or leave --port out "
                                      "to use a free one.")
                                      .arg(m_config.port)
                                      .arg(ipv4->errorString());
            return false;
        }
        auto ipv6 =
            listenOn(QHostAddress::LocalHostIPv6, ipv4->serverPort(), *m_handler, m_config.limits);
        if (ipv6->isListening() || ipv6Unavailable(*ipv6)) {
            m_handler->setPort(ipv4->serverPort());
            m_front = new HttpFront(*m_handler, this);
            m_front->bind(ipv4.release());
            if (ipv6->isListening())
                m_front->bind(ipv6.release());
            return true;
        }
        m_errorString = QCoreApplication::translate(
                            "latchkey::server::LocalServer",
                            "Port %1 on localhost is already in use on ::1 (%2). Choose another "
                            "with --port, or leave --port out to use a free one.")
                            .arg(ipv4->serverPort())
                            .arg(ipv6->errorString());
    }
    return false;
}

} // namespace latchkey::server
