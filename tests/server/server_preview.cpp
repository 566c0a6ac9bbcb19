// Development aid, not a test: runs the handler over a throw-away database and prints a
// one-time link per page, so the pages can be opened (or screenshotted) in any browser.
//   server_preview [seconds]
#include "server/local_server.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    auto database = latchkey::store::Database::open(dir.filePath(QStringLiteral("preview.sqlite")));
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message));
        return 1;
    }
    QByteArray raw(32, Qt::Uninitialized);
    for (char& c : raw)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    const QByteArray secret =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    latchkey::server::LocalServer server(*database.value(), {0, secret, true, {}, {}, {}, {}});
    if (!server.listen()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("secret %s\n", secret.constData());
    for (const char* page : {"/", "/register", "/signin", "/profile", "/nope"}) {
        for (int i = 0; i < 3; ++i)
            std::printf("%s %s\n", page,
                        qPrintable(server.createOneTimeUrl(QString::fromLatin1(page)).toString()));
    }
    std::fflush(stdout);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 600;
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
