// libFuzzer target: the HTTP request path before and through routing. Raw request bytes go
// through what the server itself does with them: the head parser BoundedTcpServer judges
// connections with (parseRequestHead, announcesBody, RequestHandler::judgeHead), the form and
// JSON body reader, and RequestHandler::handle (guards in the threat model's order, routing,
// the pages and JSON API) over a real SQLite file. Qt's own HTTP parser cannot be fed bytes
// without a socket in Qt 6.4, so the target splits the request target into path and query as
// HttpFront::toRequest receives them from it.
#include "server/form_body.h"
#include "server/guards.h"
#include "server/request_handler.h"
#include "server/request_head.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QUrl>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>

using namespace latchkey;
using namespace latchkey::server;

namespace {

constexpr quint16 kPort = 8080;
// The corpus's requests carry this secret (X-Latchkey-Secret or the latchkey_secret cookie).
const QByteArray kSecret = QByteArrayLiteral("fuzz-launch-secret");

struct Server {
    QTemporaryDir folder;
    std::unique_ptr<store::Database> database;
    std::unique_ptr<RequestHandler> handler;
};

Server& fuzzedServer()
{
    static Server* instance = [] {
        auto* made = new Server;
        auto opened = store::Database::open(made->folder.filePath(QStringLiteral("fuzz.sqlite")));
        if (!opened.ok()) {
            std::fprintf(stderr, "fuzz_http_request: %s\n", qPrintable(opened.error().message));
            std::abort();
        }
        made->database = std::move(*opened);
        made->handler = std::make_unique<RequestHandler>(*made->database, kSecret);
        made->handler->setPort(kPort);
        return made;
    }();
    return *instance;
}

// What HttpFront::toRequest gets from QHttpServerRequest: the decoded path, the query apart.
HttpRequest asRouted(HttpRequest head, const QByteArray& body)
{
    const QUrl target(head.path);
    head.path = target.path();
    head.query = QUrlQuery(target);
    head.method = head.method.toUpper();
    head.body = body;
    return head;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    fuzzedServer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    const QByteArray headBytes = end < 0 ? bytes : bytes.left(end);
    const QByteArray body = end < 0 ? QByteArray() : bytes.mid(end + 4);

    RequestHandler& handler = *fuzzedServer().handler;
    const HttpRequest head = parseRequestHead(headBytes);
    const bool trusted = handler.judgeHead(head) == HeadVerdict::Trusted;
    if (!trusted && announcesBody(head) && handler.noSecretRefusal(head).isEmpty())
        __builtin_trap();

    const HttpRequest request = asRouted(head, body);
    (void)parseFormBody(request);
    const HttpResponse response = handler.handle(request);
    // Every answer is a real status with the security headers on it...
    if (response.status < 100 || response.status > 599 ||
        response.header("Content-Security-Policy").isEmpty())
        __builtin_trap();
    // ...and without the launch secret nothing succeeds: only refusals (the one-time link's
    // token is never in the corpus, so it is refused too).
    if (checkSecret(request, kSecret) && response.status < 400)
        __builtin_trap();
    (void)serialize(response);
    return 0;
}
