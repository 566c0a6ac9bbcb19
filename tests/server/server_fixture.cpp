#include "server_fixture.h"

#include "store/user_store.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

namespace latchkey::server::testing {

namespace {

QByteArray randomSecret()
{
    QByteArray raw(32, Qt::Uninitialized);
    for (char& c : raw)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Parses what has arrived so far; complete once the body has Content-Length bytes.
WireResponse parse(const QByteArray& data, bool closed)
{
    WireResponse response;
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return response;
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    response.body = data.mid(headerEnd + 4);
    const QByteArray length = response.header("content-length");
    response.complete = length.isEmpty() ? closed : response.body.size() >= length.toLongLong();
    return response;
}

} // namespace

QByteArray WireResponse::header(const QByteArray& name) const
{
    const QList<QByteArray> values = headerValues(name);
    return values.isEmpty() ? QByteArray() : values.first();
}

QList<QByteArray> WireResponse::headerValues(const QByteArray& name) const
{
    QList<QByteArray> values;
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

WireResponse exchange(const QHostAddress& address, quint16 port, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    socket.write(request);
    QByteArray data;
    const QDeadlineTimer deadline(10000);
    WireResponse response;
    while (!deadline.hasExpired()) {
        QTest::qWait(2);
        data += socket.readAll();
        const bool closed = socket.state() == QAbstractSocket::UnconnectedState;
        response = parse(data, closed);
        if (response.complete || closed)
            break;
    }
    return response;
}

QByteArray buildRequest(const QByteArray& method, const QByteArray& target, const Headers& headers,
                        const QByteArray& body)
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "Connection: close\r\n\r\n";
    return request + body;
}

Headers withHeader(Headers headers, const QByteArray& name, const QByteArray& value)
{
    headers.removeIf(
        [&](const auto& entry) { return entry.first.compare(name, Qt::CaseInsensitive) == 0; });
    if (!value.isNull())
        headers.append({name, value});
    return headers;
}

bool ServerFixture::start(bool userVerificationAvailable)
{
    ServerConfig config;
    config.userVerificationAvailable = userVerificationAvailable;
    return startServer(std::move(config));
}

bool ServerFixture::startWithSettingsFile(QString settingsFile)
{
    ServerConfig config;
    config.settingsFile = std::move(settingsFile);
    config.languages = {QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fr")};
    return startServer(std::move(config));
}

QString ServerFixture::settingsFile() const
{
    return m_dir.filePath(QStringLiteral("settings.ini"));
}

bool ServerFixture::startWith(ConnectionLimits limits, QByteArray pathPrefix)
{
    ServerConfig config;
    config.limits = limits;
    config.pathPrefix = std::move(pathPrefix);
    return startServer(std::move(config));
}

bool ServerFixture::startServer(ServerConfig config)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    auto opened = store::Database::open(databasePath());
    if (!opened) {
        m_error = opened.error().message;
        return false;
    }
    m_database = std::move(opened.value());
    m_secret = randomSecret();
    config.launchSecret = m_secret;
    // The app's own settings file beside the database, with the catalogues the app ships.
    if (config.settingsFile.isEmpty()) {
        config.settingsFile = settingsFile();
        config.languages = {QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fr")};
    }
    m_server = std::make_unique<LocalServer>(*m_database, config);
    if (!m_server->listen()) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

QString ServerFixture::databasePath() const
{
    return m_dir.filePath(QStringLiteral("profiles/latchkey.sqlite"));
}

QByteArray ServerFixture::host() const
{
    return "localhost:" + QByteArray::number(port());
}

QByteArray ServerFixture::origin() const
{
    return "http://localhost:" + QByteArray::number(port());
}

Headers ServerFixture::goodHeaders(const QByteArray& method) const
{
    Headers headers{{"Host", host()}, {LocalServer::secretHeaderName(), m_secret}};
    if (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE")
        headers.append({"Origin", origin()});
    return headers;
}

WireResponse ServerFixture::send(const QByteArray& method, const QByteArray& target,
                                 const Headers& headers, const QByteArray& body)
{
    return exchange(QHostAddress::LocalHost, port(), buildRequest(method, target, headers, body));
}

WireResponse ServerFixture::sendGood(const QByteArray& method, const QByteArray& target,
                                     const Headers& extra, const QByteArray& body)
{
    Headers headers = goodHeaders(method);
    for (const auto& [name, value] : extra)
        headers = withHeader(headers, name, value);
    return send(method, target, headers, body);
}

qint64 ServerFixture::userCount() const
{
    auto second = store::Database::open(databasePath());
    if (!second)
        return -1;
    const auto count = store::UserStore(*second.value()).count();
    return count ? *count : -1;
}

} // namespace latchkey::server::testing
