// The Debian package, made by CPack from this build tree and installed into this machine: its
// contents and control data, lintian (no errors), appstreamcli on the packaged metainfo, dpkg -i,
// the installed commands in /usr/bin, the installed app's window under a private Xvfb (a
// screenshot), and dpkg --purge leaving nothing behind in /usr and /etc. As root only (CI);
// RUN_SERIAL, since while it runs /etc/pam.d/latchkey and the polkit action exist. Whatever
// happens, the package is purged again before the test ends.
#include "app_window_launch.h"
#include "child_process.h"
#include "dev_tools_client.h"
#include "screen_capture.h"
#include "xvfb_display.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace latchkey::app::testing;

namespace {

const QString kPackage = QStringLiteral("latchkey");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

Run run(const QString& program, const QStringList& arguments, int timeoutMs = 120000,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {-1, QString(), process.errorString()};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAllStandardOutput()),
                QStringLiteral("timed out after %1 ms").arg(timeoutMs)};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString artifactPath(const QString& fileName)
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(fileName);
}

bool packageInstalled()
{
    const Run status = run(QStringLiteral("dpkg-query"),
                           {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), kPackage});
    return status.exitCode == 0 && status.out.contains(QLatin1String("installed")) &&
           !status.out.contains(QLatin1String("not-installed"));
}

// Every path under /usr and /etc (not following links, not crossing into other mounts).
QSet<QString> systemPaths()
{
    QSet<QString> paths;
    for (const char* root : {"/usr", "/etc"}) {
        QDirIterator it(QString::fromLatin1(root),
                        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.insert(it.next());
    }
    return paths;
}

// The environment of a person's session: unlike the other tests' latchkeyEnvironment, PAM is
// the machine's own (the installed /etc/pam.d/latchkey is what is being tested).
QProcessEnvironment installedAppEnvironment(const QString& scratch)
{
    QProcessEnvironment environment = latchkeyEnvironment(scratch);
    environment.remove(QStringLiteral("PAM_WRAPPER"));
    environment.remove(QStringLiteral("PAM_WRAPPER_SERVICE_DIR"));
    environment.remove(QStringLiteral("LD_PRELOAD"));
    return environment;
}

// Whether latchkey --authenticators reports the PAM verifier as available.
bool pamVerifierAvailable(const QString& report)
{
    const QJsonObject json = QJsonDocument::fromJson(report.toUtf8()).object();
    for (const QJsonValue& verifier : json.value(QStringLiteral("userVerifiers")).toArray()) {
        const QJsonObject entry = verifier.toObject();
        if (entry.value(QStringLiteral("name")).toString() == QLatin1String("pam"))
            return entry.value(QStringLiteral("available")).toBool();
    }
    return false;
}

} // namespace

class TestDebPackage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void packageIsBuiltWithComputedDependencies();
    void packageHoldsEveryPart();
    void lintianReportsNoErrors();
    void packagedMetainfoIsValid();
    void dpkgInstallsIt();
    void installedCommandsRun();
    void installedAppOpensItsWindow();
    void purgeLeavesNothingBehind();
    void cleanupTestCase();

private:
    void purgeIfInstalled();

    QTemporaryDir m_scratch;
    QString m_deb;
    QStringList m_contents;       // paths in the package, absolute ("/usr/bin/latchkey")
    QStringList m_installedFiles; // dpkg -L after installation
    QSet<QString> m_pathsBefore;
    bool m_installedHere = false;
};

void TestDebPackage::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("the package test installs into this machine with dpkg: run it as root (CI does)");
    QVERIFY(m_scratch.isValid());
    // A run killed half-way (a CTest timeout) leaves the package installed; the next run
    // starts from a clean machine again.
    if (packageInstalled()) {
        qWarning("a latchkey package is installed (a killed earlier run?); purging it first");
        purgeIfInstalled();
        QVERIFY2(!packageInstalled(), "the latchkey package left by an earlier run stays");
    }

    QElapsedTimer timer;
    timer.start();
    const Run cpack = run(QStringLiteral("cpack"),
                          {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                           QStringLiteral(LATCHKEY_BUILD_DIR "/CPackConfig.cmake"),
                           QStringLiteral("-B"), m_scratch.filePath(QStringLiteral("cpack"))},
                          540000);
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.all()));
    const QStringList debs = QDir(m_scratch.filePath(QStringLiteral("cpack")))
                                 .entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = QDir(m_scratch.filePath(QStringLiteral("cpack"))).filePath(debs.first());
    qInfo("built %s (%lld bytes) in %.1f s", qPrintable(debs.first()), QFileInfo(m_deb).size(),
          timer.elapsed() / 1000.0);
    QFile::remove(artifactPath(debs.first()));
    QVERIFY(QFile::copy(m_deb, artifactPath(debs.first())));

    const Run listing = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QCOMPARE(listing.exitCode, 0);
    for (const QString& line : listing.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        // "-rw-r--r-- root/root  1234 2026-12-04 04:30 ./usr/bin/latchkey"
        const qsizetype at = line.indexOf(QLatin1String(" ./"));
        QVERIFY2(at > 0, qPrintable(line));
        QVERIFY2(line.contains(QLatin1String(" root/root ")), qPrintable(line));
        QString path = line.mid(at + 2);
        if (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (!path.isEmpty())
            m_contents << path;
    }
    // Nothing the package brings may be on this machine already (a `cmake --install`, say):
    // dpkg would take it over and the purge would then delete a file this test did not put
    // there.
    for (const QString& path : m_contents) {
        if (QFileInfo(path).isFile())
            QFAIL(qPrintable(QStringLiteral("%1 exists already, not from this package; remove "
                                            "it before running the package test")
                                 .arg(path)));
    }
}

void TestDebPackage::packageIsBuiltWithComputedDependencies()
{
    const Run fields = run(QStringLiteral("dpkg-deb"),
                           {QStringLiteral("-f"), m_deb, QStringLiteral("Package"),
                            QStringLiteral("Version"), QStringLiteral("Architecture"),
                            QStringLiteral("Depends"), QStringLiteral("Installed-Size")});
    QCOMPARE(fields.exitCode, 0);
    qInfo("%s", qPrintable(fields.out.trimmed()));
    QVERIFY(fields.out.contains(QLatin1String("Package: latchkey\n")));
    QVERIFY(fields.out.contains(QLatin1String("Version: " LATCHKEY_VERSION "\n")));
    QVERIFY(fields.out.contains(QLatin1String("Architecture: amd64\n")) ||
            fields.out.contains(QLatin1String("Architecture: arm64\n")));
    // dpkg-shlibdeps' part: the shared libraries the two binaries link, with versions.
    for (const char* library : {"libqt6core6", "libqt6webenginecore6 (>=", "libqt6httpserver6",
                                "libssl3 (>=", "libpam0g (>=", "libtss2-esys", "libc6 (>="})
        QVERIFY2(fields.out.contains(QLatin1String(library)), library);
    // The part listed by hand: what is only loaded at run time.
    for (const char* runtime : {"qml6-module-qtwebengine", "libqt6sql6-sqlite",
                                "libqt6webenginecore6-bin", "libpam-runtime"})
        QVERIFY2(fields.out.contains(QLatin1String(runtime)), runtime);
}

void TestDebPackage::packageHoldsEveryPart()
{
    QStringList expected = {
        QStringLiteral("/usr/bin/latchkey"),
        QStringLiteral("/usr/bin/latchkey-webauthn"),
        QStringLiteral("/usr/share/applications/latchkey.desktop"),
        QStringLiteral("/usr/share/metainfo/io.latchkey.Latchkey.metainfo.xml"),
        QStringLiteral("/usr/share/icons/hicolor/scalable/apps/latchkey.svg"),
        QStringLiteral("/etc/pam.d/latchkey"),
        QStringLiteral("/usr/share/polkit-1/actions/io.latchkey.Latchkey.policy"),
        QStringLiteral("/usr/share/doc/latchkey/copyright"),
        QStringLiteral("/usr/share/doc/latchkey/changelog.gz"),
        QStringLiteral("/usr/share/man/man1/latchkey.1.gz"),
        QStringLiteral("/usr/share/man/man1/latchkey-webauthn.1.gz"),
    };
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512})
        expected << QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/latchkey.png").arg(size);
    for (const QString& path : expected)
        QVERIFY2(m_contents.contains(path), qPrintable(path));
    // Nothing of the build tree or the tests rides along.
    for (const QString& path : m_contents)
        QVERIFY2(!path.contains(QLatin1String("test")) &&
                     !path.startsWith(QLatin1String("/usr/local")),
                 qPrintable(path));

    // The PAM service is a conffile: an administrator's change survives an upgrade.
    const QString control = m_scratch.filePath(QStringLiteral("control"));
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), m_deb, control}).exitCode, 0);
    QFile conffiles(QDir(control).filePath(QStringLiteral("conffiles")));
    QVERIFY(conffiles.open(QIODevice::ReadOnly));
    QCOMPARE(conffiles.readAll().trimmed(), QByteArray("/etc/pam.d/latchkey"));
}

void TestDebPackage::lintianReportsNoErrors()
{
    const Run lintian = run(QStringLiteral("lintian"),
                            {QStringLiteral("--allow-root"), QStringLiteral("--tag-display-limit"),
                             QStringLiteral("0"), QStringLiteral("--display-info"), m_deb},
                            300000);
    QFile report(artifactPath(QStringLiteral("package-lintian.txt")));
    QVERIFY(report.open(QIODevice::WriteOnly));
    report.write(lintian.all().toUtf8());
    report.close();
    // 0: nothing at or above the fail level (error); 1: something is; 2: lintian itself failed.
    QVERIFY2(lintian.exitCode == 0 || lintian.exitCode == 1, qPrintable(lintian.all()));
    const QStringList lines = lintian.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList errors = lines.filter(QRegularExpression(QStringLiteral("^E: ")));
    const QStringList warnings = lines.filter(QRegularExpression(QStringLiteral("^W: ")));
    const QStringList infos = lines.filter(QRegularExpression(QStringLiteral("^I: ")));
    qInfo("lintian: %lld errors, %lld warnings, %lld notes", errors.size(), warnings.size(),
          infos.size());
    for (const QString& line : warnings + infos)
        qInfo("  %s", qPrintable(line));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(lintian.exitCode, 0);
}

void TestDebPackage::packagedMetainfoIsValid()
{
    const QString tree = m_scratch.filePath(QStringLiteral("tree"));
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, tree}).exitCode, 0);
    const Run validate = run(QStringLiteral("appstreamcli"),
                             {QStringLiteral("validate"), QStringLiteral("--no-net"),
                              QDir(tree).filePath(QStringLiteral(
                                  "usr/share/metainfo/io.latchkey.Latchkey.metainfo.xml"))});
    qInfo("%s", qPrintable(validate.all().trimmed()));
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.all()));
    QVERIFY(validate.all().contains(QLatin1String("Validation was successful")));
}

void TestDebPackage::dpkgInstallsIt()
{
    m_pathsBefore = systemPaths();
    m_installedHere = true; // from here on, cleanupTestCase purges whatever happens
    const Run install = run(QStringLiteral("dpkg"), {QStringLiteral("-i"), m_deb}, 300000);
    QVERIFY2(install.exitCode == 0, qPrintable(install.all()));
    QVERIFY(packageInstalled());
    const Run list = run(QStringLiteral("dpkg"), {QStringLiteral("-L"), kPackage});
    QCOMPARE(list.exitCode, 0);
    m_installedFiles = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& path : m_contents) {
        QVERIFY2(m_installedFiles.contains(path), qPrintable(path));
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    }
    QCOMPARE(QFileInfo(QStringLiteral("/usr/bin/latchkey")).permissions() & QFileDevice::ExeOther,
             QFileDevice::ExeOther);
}

void TestDebPackage::installedCommandsRun()
{
    const QProcessEnvironment environment =
        installedAppEnvironment(m_scratch.filePath(QStringLiteral("commands")));
    const Run version =
        run(QStringLiteral("/usr/bin/latchkey"), {QStringLiteral("--version")}, 30000, environment);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("latchkey " LATCHKEY_VERSION));

    const Run report = run(QStringLiteral("/usr/bin/latchkey"),
                           {QStringLiteral("--authenticators"), QStringLiteral("--data-dir"),
                            m_scratch.filePath(QStringLiteral("report-data"))},
                           60000, environment);
    QCOMPARE(report.exitCode, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(report.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(report.all()));
    QVERIFY2(!json.value(QStringLiteral("keyStores")).toArray().isEmpty(), qPrintable(report.out));
    // The installed PAM service is where the app looks for it: PAM is now available.
    QVERIFY2(pamVerifierAvailable(report.out), qPrintable(report.out));
    // The environment every other test gives the app does not see it: their prompts stay the
    // same whether or not the service is installed.
    const Run isolated =
        run(QStringLiteral("/usr/bin/latchkey"),
            {QStringLiteral("--authenticators"), QStringLiteral("--data-dir"),
             m_scratch.filePath(QStringLiteral("report-data"))},
            60000, latchkeyEnvironment(m_scratch.filePath(QStringLiteral("other"))));
    QCOMPARE(isolated.exitCode, 0);
    QVERIFY2(!pamVerifierAvailable(isolated.out), qPrintable(isolated.out));

    const Run help = run(QStringLiteral("/usr/bin/latchkey-webauthn"), {QStringLiteral("--help")},
                         30000, environment);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QLatin1String("verify")), qPrintable(help.all()));
}

void TestDebPackage::installedAppOpensItsWindow()
{
    XvfbDisplay display;
    QString whyNot;
    QVERIFY2(display.start(QStringLiteral("1280x800x24"), &whyNot), qPrintable(whyNot));
    ChildProcess app;
    DevToolsClient devTools;
    AppWindowLaunch launch;
    QVERIFY2(launchAppWindow(QStringLiteral("/usr/bin/latchkey"),
                             m_scratch.filePath(QStringLiteral("window")), display, app, devTools,
                             launch, &whyNot),
             qPrintable(whyNot));
    QVERIFY2(devTools.waitUntil(QStringLiteral("document.readyState === 'complete' && "
                                               "document.querySelector('main h1')"),
                                30000),
             qPrintable(devTools.lastError()));
    std::optional<XWindowInfo> window;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const XWindowInfo& candidate : viewableTopLevelWindows(display.name())) {
                if (candidate.title == QLatin1String("Latchkey") &&
                    candidate.geometry.width() > 100)
                    window = candidate;
            }
            return window.has_value();
        }(),
        20000);
    QTest::qWait(1000); // the page painted, not the start-up pane
    const QImage screen = grabScreen(display.name());
    QVERIFY2(!screen.isNull(), "the X screen could not be read");
    const QImage shot = screen.copy(window->geometry);
    QVERIFY(shot.save(artifactPath(QStringLiteral("package-installed-window.png"))));
    // A painted page has many colours; a blank or black window has one or two.
    QSet<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 7)
        for (int x = 0; x < shot.width(); x += 7)
            colours.insert(shot.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    const auto heading =
        devTools.evaluate(QStringLiteral("document.querySelector('main h1').innerText"));
    QVERIFY(heading);
    qInfo("installed app's home page: %s", qPrintable(heading->toString()));
    QCOMPARE(app.stop(20000), 0);
}

void TestDebPackage::purgeLeavesNothingBehind()
{
    const Run purge = run(QStringLiteral("dpkg"), {QStringLiteral("--purge"), kPackage}, 300000);
    QVERIFY2(purge.exitCode == 0, qPrintable(purge.all()));
    m_installedHere = false;
    QVERIFY(!packageInstalled());
    QVERIFY(QFileInfo(QStringLiteral("/var/lib/dpkg/info")).isDir());
    QVERIFY(QDir(QStringLiteral("/var/lib/dpkg/info"))
                .entryList({QStringLiteral("latchkey.*")}, QDir::Files)
                .isEmpty());
    // Every file and folder dpkg listed, unless another package shares the folder.
    for (const QString& path : m_installedFiles) {
        if (QFileInfo(path).isDir() && !QFileInfo(path).isSymLink())
            continue; // /usr/share/... folders other packages hold too; new ones are below
        QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
    }
    // And nothing new anywhere under /usr or /etc: no folder, no cache, no file left over.
    const QSet<QString> left = systemPaths() - m_pathsBefore;
    QStringList sorted(left.begin(), left.end());
    sorted.sort();
    QVERIFY2(sorted.isEmpty(), qPrintable(sorted.join(QLatin1Char('\n'))));
}

void TestDebPackage::cleanupTestCase()
{
    if (m_installedHere)
        purgeIfInstalled();
}

void TestDebPackage::purgeIfInstalled()
{
    const Run purge = run(QStringLiteral("dpkg"), {QStringLiteral("--purge"), kPackage}, 300000);
    if (purge.exitCode != 0)
        qWarning("dpkg --purge latchkey failed: %s", qPrintable(purge.all()));
}

QTEST_GUILESS_MAIN(TestDebPackage)
#include "test_deb_package.moc"
