// bench_signin: passkey sign-in in the real app, from the "Sign in" click to the signed-in
// page's first contentful paint, with 100 and with 100,000 profiles in the database.
//
// Usage: latchkey_bench_signin <latchkey_bench_signin_app> [runs]
// For each size: the database is filled through UserStore (the store's own transactions), the
// app starts on it under a private Xvfb, a profile registers its passkey through the page,
// then `runs` times: sign out, click "Sign in" (a real DevTools mouse click), wait for the
// profile page. The click time is the click event's timestamp on the sign-in page; the paint
// time is the profile page's first-contentful-paint entry; both are on the same clock
// (performance.timeOrigin + a page-relative time). The first run warms up and is not counted.
#include "child_process.h"
#include "dev_tools_client.h"
#include "store/database.h"
#include "store/user_store.h"
#include "swtpm_process.h"
#include "xvfb_display.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <optional>

using namespace latchkey::app::testing;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool fail(const QString& why)
{
    QTextStream(stderr) << "bench_signin: " << why << Qt::endl;
    return false;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// count profiles through the store. Synchronous writes are turned off on this connection
// only, for the fill: the app's own connection keeps synchronous=FULL.
bool fillProfiles(const QString& databaseFile, int count)
{
    auto database = latchkey::store::Database::open(databaseFile);
    if (!database)
        return fail(database.error().message);
    QSqlQuery((*database)->connection()).exec(QStringLiteral("PRAGMA synchronous=OFF"));
    latchkey::store::UserStore users(**database);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("filler%1").arg(i);
        const auto created = users.create(
            {name, QStringLiteral("Filler %1").arg(i), name + QStringLiteral("@example.org")});
        if (!created)
            return fail(created.error().message);
    }
    out() << "  filled " << users.count().value() << " profiles in " << timer.elapsed() << " ms"
          << Qt::endl;
    return true;
}

struct Timing {
    double toNavigation = 0; // options, ceremony (bridge, key store), verification, redirect
    double toPaint = 0;      // the above plus loading and painting the profile page
};

class Session {
public:
    Session(XvfbDisplay& display, QString app) : m_display(display), m_app(std::move(app)) {}

    bool start(const QString& dataDir, const QString& scratch, const QStringList& extra);
    bool registerProfile();
    // Milliseconds from the click to the profile page's navigation start and to its first paint.
    std::optional<Timing> timedSignIn();
    void stop() { m_process.stop(20000); }
    // Where the page is and what it says, for a failure message.
    QString where();

private:
    bool arrivedAt(const QString& path);
    bool click(const QString& selector);
    bool signOut();

    XvfbDisplay& m_display;
    QString m_app;
    ChildProcess m_process;
    DevToolsClient m_devTools;
};

bool Session::start(const QString& dataDir, const QString& scratch, const QStringList& extra)
{
    const quint16 port = freeLoopbackPort();
    const quint16 debugPort = freeLoopbackPort();
    const QString home = QStringLiteral("http://localhost:%1/").arg(port);
    QProcessEnvironment environment = latchkeyEnvironment(scratch);
    environment.insert(QStringLiteral("DISPLAY"), m_display.name());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"), QString::number(debugPort));
    m_process.start(m_app,
                    QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--port"),
                                QString::number(port)} +
                        extra,
                    environment);
    const QUrl page = DevToolsClient::findPage(debugPort, home, 60000);
    if (!page.isValid() || !m_devTools.open(page))
        return fail(QStringLiteral("the app's page never appeared over DevTools"));
    return arrivedAt(QStringLiteral("/"));
}

bool Session::arrivedAt(const QString& path)
{
    return m_devTools.waitUntil(
        QStringLiteral("location.pathname === '%1' && document.readyState === 'complete' && "
                       "document.documentElement.classList.contains('js')")
            .arg(path),
        30000);
}

bool Session::click(const QString& selector)
{
    if (!m_devTools.clickElement(selector))
        return fail(m_devTools.lastError());
    return true;
}

bool Session::registerProfile()
{
    m_devTools.evaluate(QStringLiteral("location.assign('/register'), true"));
    if (!arrivedAt(QStringLiteral("/register")))
        return fail(QStringLiteral("no registration page"));
    m_devTools.evaluate(
        QStringLiteral("(() => { const set = (s, v) => { document.querySelector(s).value = v; }; "
                       "set('#name', 'Bench Person'); set('#username', 'bench'); "
                       "set('#email', 'bench@example.org'); return true; })()"));
    if (!click(QStringLiteral("form[action=\"/register\"] button[type=\"submit\"]")) ||
        !m_devTools.waitUntil(
            QStringLiteral("!!document.querySelector('button[data-passkey-register]')"), 30000))
        return fail(QStringLiteral("the profile was not created"));
    if (!click(QStringLiteral("button[data-passkey-register]")) ||
        !arrivedAt(QStringLiteral("/profile")))
        return fail(QStringLiteral("the passkey was not registered (%1)").arg(where()));
    return true;
}

QString Session::where()
{
    const auto text = m_devTools.evaluate(QStringLiteral(
        "location.pathname + ': ' + document.body.innerText.replace(/\\s+/g, ' ').slice(0, 300)"));
    const QString err = QString::fromLocal8Bit(m_process.process().readAllStandardError());
    return (text ? text->toString() : m_devTools.lastError()) +
           (err.isEmpty() ? QString() : QStringLiteral("; the app said: ") + err.right(600));
}

bool Session::signOut()
{
    return click(QStringLiteral(".nav-form button[type=submit]")) &&
           m_devTools.waitUntil(
               QStringLiteral("location.pathname === '/signout' && document.readyState === "
                              "'complete' && !!document.querySelector('form[data-passkey-signin] "
                              "button[type=submit]')"),
               30000);
}

std::optional<Timing> Session::timedSignIn()
{
    if (!signOut())
        return std::nullopt;
    m_devTools.evaluate(QStringLiteral(
        "document.addEventListener('click', (e) => sessionStorage.setItem('benchClick', "
        "String(performance.timeOrigin + e.timeStamp)), {capture: true}), true"));
    if (!click(QStringLiteral("form[data-passkey-signin] button[type=submit]")) ||
        !arrivedAt(QStringLiteral("/profile")) ||
        !m_devTools.waitUntil(
            QStringLiteral("performance.getEntriesByName('first-contentful-paint').length > 0"),
            30000))
        return std::nullopt;
    const auto elapsed = m_devTools.evaluate(QStringLiteral(
        "(() => { const click = Number(sessionStorage.getItem('benchClick')); return {"
        "toNavigation: performance.timeOrigin - click, toPaint: performance.timeOrigin + "
        "performance.getEntriesByName('first-contentful-paint')[0].startTime - click}; })()"));
    if (!elapsed)
        return std::nullopt;
    return Timing{elapsed->toObject().value(QStringLiteral("toNavigation")).toDouble(),
                  elapsed->toObject().value(QStringLiteral("toPaint")).toDouble()};
}

// One app per database size, both running; their sign-ins alternate so that the load of a
// shared machine falls on both alike.
struct Size {
    int profiles = 0;
    QString store = QStringLiteral("software");
    QStringList arguments; // for the app: e.g. --tpm-tcti
    QTemporaryDir scratch;
    std::unique_ptr<Session> session;
    QList<double> toNavigation;
    QList<double> toPaint;
};

bool prepare(Size& size, XvfbDisplay& display, const QString& app)
{
    const QString dataDir = size.scratch.filePath(QStringLiteral("data"));
    QDir().mkpath(dataDir);
    out() << size.profiles << " profiles, " << size.store << " key store:" << Qt::endl;
    if (!fillProfiles(QDir(dataDir).filePath(QStringLiteral("latchkey.sqlite")), size.profiles - 1))
        return false;
    size.session = std::make_unique<Session>(display, app);
    return size.session->start(dataDir, size.scratch.filePath(QStringLiteral("home")),
                               size.arguments) &&
           size.session->registerProfile();
}

bool signInOnce(Size& size, bool counted)
{
    const auto timing = size.session->timedSignIn();
    if (!timing)
        return fail(QStringLiteral("a sign-in with %1 profiles did not finish (%2)")
                        .arg(size.profiles)
                        .arg(size.session->where()));
    if (counted) {
        size.toNavigation.append(timing->toNavigation);
        size.toPaint.append(timing->toPaint);
    }
    return true;
}

void report(const Size& size)
{
    out() << size.profiles << " profiles, " << size.store
          << " key store, click -> signed-in page painted (ms):";
    for (const double t : size.toPaint)
        out() << ' ' << QString::number(t, 'f', 1);
    out() << Qt::endl
          << "  median " << QString::number(median(size.toPaint), 'f', 1)
          << " ms (of which click -> profile page requested: "
          << QString::number(median(size.toNavigation), 'f', 1) << " ms)" << Qt::endl;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        fail(QStringLiteral("usage: latchkey_bench_signin <latchkey_bench_signin_app> [runs]"));
        return 2;
    }
    const int runs = arguments.size() > 2 ? std::max(1, arguments.at(2).toInt()) : 15;
    XvfbDisplay display;
    QString whyNot;
    if (!display.start(QStringLiteral("1280x800x24"), &whyNot)) {
        fail(whyNot);
        return 1;
    }
    const int largeCount = qEnvironmentVariableIntValue("BENCH_SIGNIN_LARGE") > 0
                               ? qEnvironmentVariableIntValue("BENCH_SIGNIN_LARGE")
                               : 100000;
    Size small;
    small.profiles = 100;
    Size large;
    large.profiles = largeCount;
    // A third app on 100 profiles keeps its passkey in the TPM store, on a real swtpm.
    latchkey::testing::SwtpmProcess swtpm;
    if (!swtpm.start(small.scratch.filePath(QStringLiteral("tpm")))) {
        fail(swtpm.errorString());
        return 1;
    }
    Size tpm;
    tpm.profiles = 100;
    tpm.store = QStringLiteral("TPM (swtpm)");
    tpm.arguments = {QStringLiteral("--tpm-tcti"), swtpm.tcti()};
    if (!prepare(small, display, arguments.at(1)) || !prepare(large, display, arguments.at(1)) ||
        !prepare(tpm, display, arguments.at(1)))
        return 1;
    for (int run = 0; run <= runs; ++run) {
        // The first round warms the apps up and is not counted.
        if (!signInOnce(small, run > 0) || !signInOnce(large, run > 0) || !signInOnce(tpm, run > 0))
            return 1;
    }
    small.session->stop();
    large.session->stop();
    tpm.session->stop();
    report(small);
    report(large);
    report(tpm);
    const double smallMedian = median(small.toPaint);
    const double largeMedian = median(large.toPaint);
    out() << "median sign-in, 100 profiles: " << QString::number(smallMedian, 'f', 1) << " ms"
          << Qt::endl
          << "median sign-in, " << largeCount
          << " profiles: " << QString::number(largeMedian, 'f', 1) << " ms" << Qt::endl
          << "ratio " << largeCount
          << " / 100: " << QString::number(largeMedian / smallMedian, 'f', 2)
          << " (goal <= 1.20; goal median <= 150 ms)" << Qt::endl
          << "median sign-in, 100 profiles, TPM store (swtpm): "
          << QString::number(median(tpm.toPaint), 'f', 1) << " ms; ratio TPM / software: "
          << QString::number(median(tpm.toPaint) / smallMedian, 'f', 2) << Qt::endl;
    return 0;
}
