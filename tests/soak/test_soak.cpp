// Load: the real `latchkey --serve` (a real data folder, real SQLite, real HTTP over loopback
// through the one-time link's cookie and path) and many browsers at once, each on its own
// thread with Latchkey's own authenticator making real attestations and assertions, creating
// profiles, registering passkeys, signing in and out for a bounded time. It holds that no
// request fails, that a finished registration or sign-in posted again is refused (no challenge
// is accepted twice), that a session token is refused once signed out, and that the server's
// resident memory after warm-up grows by less than 5%. Figures are printed.
//
// LATCHKEY_SOAK_SECONDS (default 30) and LATCHKEY_SOAK_CLIENTS (default 16) set the run;
// bench/run-all.sh runs it for ten minutes.
#include "fake/in_memory_key_store.h"
#include "serve_instance.h"
#include "soak_browser.h"
#include "soak_settings.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

using namespace latchkey::soak;

namespace {

// What every browser adds up; failures keep their first few descriptions.
struct Tally {
    std::atomic<qint64> requests{0};
    std::atomic<qint64> registrations{0};
    std::atomic<qint64> signIns{0};
    std::atomic<qint64> replaysRefused{0};
    std::atomic<qint64> staleSessionsRefused{0};
    std::atomic<qint64> failures{0};
    QMutex mutex;
    QStringList firstFailures;

    void fail(const QString& what)
    {
        if (++failures > 20)
            return;
        QMutexLocker lock(&mutex);
        firstFailures.append(what);
    }
};

QString describe(const char* step, const HttpAnswer& answer, const QString& failure = {})
{
    return QStringLiteral("%1: %2 %3 %4")
        .arg(QLatin1String(step))
        .arg(answer.status)
        .arg(failure, QString::fromUtf8(answer.body.left(300)));
}

// One browser's loop: a new profile with its passkey (its finished registration posted again
// now and then), then sign-ins to it and to earlier ones, each followed by a sign-out and the
// signed-out token tried again.
void browse(int index, const ServerAddress& address, const QDeadlineTimer& until, Tally& tally)
{
    latchkey::authenticator::InMemoryKeyStore keys;
    SoakBrowser browser(address, keys);
    QStringList mine;
    for (int round = 0; !until.hasExpired(); ++round) {
        const QString username = QStringLiteral("soak%1x%2").arg(index).arg(round);
        browser.forgetCookies();
        const Step profile = browser.createProfile(username, username + "@example.org");
        if (profile.status() != 201) {
            tally.fail(describe("create profile", profile.answer));
            continue;
        }
        const Step passkey = browser.registerPasskey();
        if (passkey.status() != 201) {
            tally.fail(describe("register passkey", passkey.answer, passkey.failure));
            continue;
        }
        ++tally.registrations;
        mine.append(username);
        if (round % 3 == 0) {
            const HttpAnswer replay =
                browser.postJson("/api/passkeys/registration/verify", passkey.sent);
            if (replay.status == 409)
                ++tally.replaysRefused;
            else
                tally.fail(describe("registration replayed", replay));
        }
        for (int k = 0; k < 2 && !until.hasExpired(); ++k) {
            const QString login = k == 0 ? username : mine.at((round * 7 + index) % mine.size());
            browser.setSessionCookie({});
            const Step signIn = browser.signIn(login);
            if (signIn.status() != 200) {
                tally.fail(describe("sign in", signIn.answer, signIn.failure));
                continue;
            }
            ++tally.signIns;
            if (k == 0) {
                const HttpAnswer replay =
                    browser.postJson("/api/passkeys/authentication/verify", signIn.sent);
                if (replay.status == 409)
                    ++tally.replaysRefused;
                else
                    tally.fail(describe("assertion replayed", replay));
            }
            const HttpAnswer profilePage = browser.get("/profile");
            if (profilePage.status != 200)
                tally.fail(describe("profile page", profilePage));
            const QByteArray token = browser.sessionCookie();
            const Step out = browser.signOut();
            if (out.status() != 200) {
                tally.fail(describe("sign out", out.answer));
                continue;
            }
            // The signed-out token, as a copied cookie would bring it.
            browser.setSessionCookie(token);
            const HttpAnswer after = browser.get("/profile");
            const HttpAnswer action = browser.postJson("/api/passkeys/registration/options", {});
            if (after.status == 303 && after.header("location").endsWith("/signin") &&
                action.status == 401)
                ++tally.staleSessionsRefused;
            else
                tally.fail(
                    describe("signed-out session used", after.status == 303 ? action : after));
        }
    }
    tally.requests += browser.requests();
}

} // namespace

class TestSoak : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void concurrentCeremoniesMakeNoErrorAndHoldMemory();
    void cleanupTestCase();

private:
    QTemporaryDir m_scratch;
    std::unique_ptr<ServeInstance> m_server;
};

void TestSoak::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    m_server = std::make_unique<ServeInstance>(QStringLiteral(LATCHKEY_BINARY), m_scratch.path());
    QVERIFY2(m_server->start(m_scratch.filePath(QStringLiteral("data"))),
             qPrintable(m_server->error()));
}

void TestSoak::concurrentCeremoniesMakeNoErrorAndHoldMemory()
{
    const int seconds = settingFromEnvironment("LATCHKEY_SOAK_SECONDS", 30);
    const int clients = settingFromEnvironment("LATCHKEY_SOAK_CLIENTS", 16);
    const ServerAddress address{m_server->port(), m_server->prefix(), m_server->secretCookie()};
    Tally tally;
    const QDeadlineTimer until(qint64(seconds) * 1000);
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back(QThread::create(browse, i, address, until, std::ref(tally)));
        threads.back()->start();
    }
    // Warm-up: a fifth of the run (at least 5 s): the page cache, the allocator's arenas and
    // the database's first pages are in place by then.
    const qint64 warmUpMs = std::max<qint64>(5000, qint64(seconds) * 200);
    qint64 warmRss = -1;
    qint64 warmCeremonies = 0;
    qint64 peakAfterWarmUp = 0;
    while (!until.hasExpired()) {
        QThread::msleep(250);
        const qint64 rss = m_server->statusKb("VmRSS");
        if (warmRss < 0 && clock.elapsed() >= warmUpMs) {
            warmRss = rss;
            warmCeremonies = tally.registrations + tally.signIns;
        }
        if (warmRss >= 0)
            peakAfterWarmUp = std::max(peakAfterWarmUp, rss);
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(30000));
    const double elapsed = clock.elapsed() / 1000.0;
    const qint64 endRss = m_server->statusKb("VmRSS");
    const qint64 ceremonies = tally.registrations + tally.signIns;
    qInfo("%d browsers for %.1f s: %lld requests (%.0f/s), %lld ceremonies (%.1f/s: %lld "
          "registrations, %lld sign-ins)",
          clients, elapsed, qint64(tally.requests), double(tally.requests) / elapsed, ceremonies,
          double(ceremonies) / elapsed, qint64(tally.registrations), qint64(tally.signIns));
    qInfo("refused as they must be: %lld replayed finished responses, %lld signed-out sessions",
          qint64(tally.replaysRefused), qint64(tally.staleSessionsRefused));
    qInfo("server RSS: %lld kB after warm-up (%lld ceremonies in), %lld kB at the end (%+.2f%%), "
          "peak after warm-up %lld kB, VmHWM %lld kB",
          warmRss, warmCeremonies, endRss, 100.0 * double(endRss - warmRss) / double(warmRss),
          peakAfterWarmUp, m_server->statusKb("VmHWM"));
    for (const QString& failure : std::as_const(tally.firstFailures))
        qWarning("%s", qPrintable(failure));
    QCOMPARE(qint64(tally.failures), qint64(0));
    QVERIFY2(tally.registrations > 0 && tally.signIns > 0, "no ceremony finished");
    QVERIFY(tally.replaysRefused > 0);
    QVERIFY(tally.staleSessionsRefused > 0);
    QVERIFY2(m_server->running(), qPrintable(m_server->stderrText()));
    QVERIFY(warmRss > 0 && endRss > 0);
    QVERIFY2(double(endRss - warmRss) < 0.05 * double(warmRss),
             "the server's resident memory grew by 5% or more after warm-up");
}

void TestSoak::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->terminate(), 0);
}

int main(int argc, char** argv)
{
    allowTestFunctionSeconds(settingFromEnvironment("LATCHKEY_SOAK_SECONDS", 30) + 300);
    QCoreApplication application(argc, argv);
    TestSoak test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_soak.moc"
