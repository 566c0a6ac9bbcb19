// End to end: passkeys in the real latchkey window on a private Xvfb display. The pages are
// driven over the DevTools protocol; the app's own "Confirm it's you" prompt is answered with
// real X keyboard input (xdotool through XTEST), as a person would. The app verifies the person
// through PAM on a real PAM stack (pam_wrapper, preloaded by CTest, with the service "latchkey"
// of tests/authenticator/pam asking pam_matrix for a password): the password is typed into the
// prompt's field, so the pages' userVerification "required" gets a real UV flag. The keys are
// in a real software TPM (swtpm, started by the test; LATCHKEY_TPM_TCTI names it to the app). Each
// step checks the rows in the SQLite file and saves screenshots to $LATCHKEY_ARTIFACTS_DIR.
#include "app_window_launch.h"
#include "child_process.h"
#include "dev_tools_client.h"
#include "screen_capture.h"
#include "swtpm_process.h"
#include "xvfb_display.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <pwd.h>
#include <unistd.h>

using namespace latchkey::app::testing;

namespace {

constexpr auto kPassword = "correct horse";

// pam_matrix's passdb: this account may sign in to the service "latchkey" with kPassword.
bool writePassdb()
{
    const passwd* account = getpwuid(getuid());
    QSaveFile passdb(qEnvironmentVariable("LATCHKEY_PAM_PASSDB"));
    if (!account || !passdb.open(QIODevice::WriteOnly))
        return false;
    for (const char* service : {"latchkey", "latchkey_password", "latchkey_verbose"})
        passdb.write(QStringLiteral("%1:%2:%3\n")
                         .arg(QString::fromLocal8Bit(account->pw_name), kPassword, service)
                         .toUtf8());
    return passdb.commit();
}

QString artifactPath(const QString& fileName)
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(fileName);
}

// Mean brightness (0..255) of an image, sampled on a grid: the prompt's modal shade darkens
// the whole window, which is how the test sees that the native prompt is up.
double brightness(const QImage& image)
{
    if (image.isNull())
        return -1;
    double sum = 0;
    int count = 0;
    for (int y = 5; y < image.height(); y += 23) {
        for (int x = 5; x < image.width(); x += 23) {
            sum += qGray(image.pixel(x, y));
            ++count;
        }
    }
    return count ? sum / count : -1;
}

// Entries of the app's TPM keys file (one sealed key blob and its record each); -1 when
// unreadable.
int keysInFile(const QString& dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("tpm-keys.json")));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return int(QJsonDocument::fromJson(file.readAll())
                   .object()
                   .value(QStringLiteral("entries"))
                   .toArray()
                   .size());
}

} // namespace

class TestE2ePasskeys : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void clientIsInstalledBeforePageScripts();
    void sameOriginFramesGetTheClientToo();
    void createProfile();
    void escapeOnThePromptShowsTheToastAndStoresNothing();
    void registerPasskeyThroughThePrompt();
    void secondPasskeyOnThisComputerIsRefusedAsExcluded();
    void signOut();
    void signInUsernameFirst();
    void secondProfileRegistersItsPasskey();
    void signInUsernamelessWithTheAccountChooser();
    void renamePasskey();
    void deleteProfile();
    void signInUsernamelessWithOnePasskeyLeft();
    void removeTheLastPasskey();
    void credentialObjectIsShapedLikeABrowsers();
    void abortSignalClosesThePromptWithAbortError();
    void passkeyNotOnThisComputerIsToldInThePromptFirst_data();
    void passkeyNotOnThisComputerIsToldInThePromptFirst();
    void withoutAVerifierAClickAloneConfirmsAndThePagesSaySo();
    void cleanupTestCase();

private:
    bool arrivedAt(const QString& path);
    // The page's error toast region (NotAllowedError, InvalidStateError, ...) says fragment.
    bool errorToastSays(const QString& fragment);
    void fill(const QString& selector, const QString& text);
    void click(const QString& selector);
    void clickForPrompt(const QString& selector);
    void submit(const QString& formSelector);
    void pressKeys(const QStringList& keys);
    void typeText(const QString& text);
    QImage windowImage() const;
    bool waitForPrompt(bool shown, int timeoutMs = 15000);
    void answerPrompt(const QStringList& keys, const QString& screenshotName);
    void answerPromptWithPassword(const QStringList& keysFirst, const QString& screenshotName);
    qint64 rows(const QString& sql);
    QString toastText();
    void shoot(const QString& name);
    void signOutFromTheNavigation();
    void createProfileNamed(const QString& name, const QString& username);

    QTemporaryDir m_scratch;
    latchkey::testing::SwtpmProcess m_tpm; // outlives the app
    // The second launch, with no way to verify the person (outlive its app).
    QTemporaryDir m_presenceOnlyScratch;
    QTemporaryDir m_noPamServices;
    XvfbDisplay m_display;
    ChildProcess m_app;
    DevToolsClient m_devTools;
    QString m_homeUrl;
    QString m_dataDir;
    QString m_xdotool;
    double m_pageBrightness = -1;
};

void TestE2ePasskeys::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    // The app inherits pam_wrapper from this process: it must be there, or PAM would be the
    // machine's own.
    QCOMPARE(qEnvironmentVariable("PAM_WRAPPER"), QStringLiteral("1"));
    QVERIFY(writePassdb());
    QVERIFY2(m_tpm.start(m_scratch.filePath(QStringLiteral("tpm"))),
             qPrintable(m_tpm.errorString()));
    qputenv("LATCHKEY_TPM_TCTI", m_tpm.tcti().toLocal8Bit());
    m_xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    if (m_xdotool.isEmpty())
        QSKIP("skipped: xdotool is not installed (packaging/install-deps.sh)");
    QString whyNot;
    if (!m_display.start(QStringLiteral("1280x800x24"), &whyNot))
        QFAIL(qPrintable(whyNot));

    AppWindowLaunch launch;
    QVERIFY2(launchAppWindow(QStringLiteral(LATCHKEY_BINARY), m_scratch.path(), m_display, m_app,
                             m_devTools, launch, &whyNot),
             qPrintable(whyNot));
    m_dataDir = launch.dataDir;
    m_homeUrl = launch.homeUrl;
    QVERIFY2(arrivedAt(QStringLiteral("/")), qPrintable(m_devTools.lastError()));
}

// navigator.credentials is ours (never the native get(), which crashes Qt WebEngine 6.4), and
// Qt's QWebChannel stays private to the client script.
void TestE2ePasskeys::clientIsInstalledBeforePageScripts()
{
    const auto native = m_devTools.evaluate(
        QStringLiteral("[navigator.credentials.get, navigator.credentials.create, "
                       "PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable]"
                       ".some((f) => String(f).includes('[native code]'))"));
    QVERIFY2(native, qPrintable(m_devTools.lastError()));
    QCOMPARE(native->toBool(), false);
    QCOMPARE(m_devTools.evaluate(QStringLiteral("typeof QWebChannel"))->toString(),
             QStringLiteral("undefined"));
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral("PublicKeyCredential.isConditionalMediationAvailable()"))
                 ->toBool(),
             false);
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral(
                     "PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()"))
                 ->toBool(),
             true);
    // A page cannot put the native function back.
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral("(() => { try { CredentialsContainer.prototype.get = "
                                          "null; } catch (e) {} return typeof "
                                          "navigator.credentials.get; })()"))
                 ->toString(),
             QStringLiteral("function"));
    // An aborted signal rejects with AbortError before anything is asked.
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral(
                     "(async () => { const c = new AbortController(); c.abort(); try { await "
                     "navigator.credentials.get({publicKey: {challenge: new Uint8Array(32)}, "
                     "signal: c.signal}); return 'resolved'; } catch (e) { return e.name; } })()"))
                 ->toString(),
             QStringLiteral("AbortError"));
    shoot(QStringLiteral("01-home"));
}

// An about:blank frame shares the page's origin and would bring the native functions back;
// it gets the client's refusals (app_bridge_frames shows they reject and ask nobody).
void TestE2ePasskeys::sameOriginFramesGetTheClientToo()
{
    const auto result = m_devTools.evaluate(QStringLiteral(R"js((() => {
        const blank = document.createElement('iframe');
        document.body.appendChild(blank);
        const get = blank.contentWindow.navigator.credentials.get;
        blank.remove();
        return String(get);
    })())js"));
    QVERIFY2(result, qPrintable(m_devTools.lastError()));
    qInfo("about:blank frame's get: %s", qPrintable(result->toString().left(80)));
    QVERIFY(!result->toString().contains(QStringLiteral("[native code]")));
}

void TestE2ePasskeys::createProfile()
{
    createProfileNamed(QStringLiteral("Ada Lovelace"), QStringLiteral("ada"));
    shoot(QStringLiteral("02-profile-created"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 0);
}

void TestE2ePasskeys::escapeOnThePromptShowsTheToastAndStoresNothing()
{
    clickForPrompt(QStringLiteral("button[data-passkey-register]"));
    answerPrompt({QStringLiteral("Escape")}, QStringLiteral("03-prompt-to-cancel"));
    // NotAllowedError: the page's error toast.
    QVERIFY2(errorToastSays(QStringLiteral("cancelled")), qPrintable(toastText()));
    shoot(QStringLiteral("04-cancelled-toast"));
    qInfo("cancel toast: %s", qPrintable(toastText()));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 0);
}

void TestE2ePasskeys::registerPasskeyThroughThePrompt()
{
    fill(QStringLiteral("input#passkey-nickname"), QStringLiteral("This laptop"));
    clickForPrompt(QStringLiteral("button[data-passkey-register]"));
    answerPromptWithPassword({}, QStringLiteral("05-prompt-create"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    QVERIFY(
        m_devTools.waitUntil(QStringLiteral("document.body.innerText.includes('This laptop')")));
    shoot(QStringLiteral("06-profile-with-passkey"));
    // The key is in the TPM: its own AAGUID, named on the profile page.
    QVERIFY(m_devTools.evaluate(QStringLiteral("document.body.innerText"))
                ->toString()
                .contains(QStringLiteral("key in the TPM")));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials c JOIN users u ON u.id = "
                                 "c.user_id WHERE u.username = 'ada' AND c.nickname = 'This "
                                 "laptop'")),
             1);
    QVERIFY(QFile::exists(QDir(m_dataDir).filePath(QStringLiteral("tpm-keys.json"))));
    QVERIFY(QFile::exists(m_dataDir + QStringLiteral("-sealing/sealing.key")));
}

// This computer already holds a passkey of this profile: the page lists it in
// excludeCredentials, so a browser answers InvalidStateError after the person confirms.
void TestE2ePasskeys::secondPasskeyOnThisComputerIsRefusedAsExcluded()
{
    fill(QStringLiteral("input#passkey-nickname"), QStringLiteral("Second"));
    clickForPrompt(QStringLiteral("button[data-passkey-register]"));
    answerPromptWithPassword({}, QStringLiteral("07-prompt-second-passkey"));
    // InvalidStateError, in the page's words.
    QVERIFY2(errorToastSays(QStringLiteral("already on this computer")), qPrintable(toastText()));
    shoot(QStringLiteral("08-second-passkey-refused"));
    qInfo("excluded toast: %s", qPrintable(toastText()));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
}

void TestE2ePasskeys::signOut()
{
    signOutFromTheNavigation();
    shoot(QStringLiteral("09-signed-out"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 0);
}

void TestE2ePasskeys::signInUsernameFirst()
{
    QVERIFY(m_devTools.evaluate(QStringLiteral("document.body.innerText"))
                ->toString()
                .contains(QStringLiteral("Ada Lovelace")));
    clickForPrompt(
        QStringLiteral("form[data-passkey-signin] button[type=submit]:not([data-switch-user])"));
    answerPromptWithPassword({}, QStringLiteral("10-prompt-sign-in"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    shoot(QStringLiteral("11-signed-in-username-first"));
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral(
                     "document.querySelector('[data-profile-username]').textContent"))
                 ->toString()
                 .trimmed(),
             QStringLiteral("ada"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 1);
    QCOMPARE(
        rows(QStringLiteral("SELECT count(*) FROM credentials WHERE last_used_at IS NOT NULL")), 1);
}

void TestE2ePasskeys::secondProfileRegistersItsPasskey()
{
    signOutFromTheNavigation();
    createProfileNamed(QStringLiteral("Grace Hopper"), QStringLiteral("grace"));
    fill(QStringLiteral("input#passkey-nickname"), QStringLiteral("Grace's laptop"));
    clickForPrompt(QStringLiteral("button[data-passkey-register]"));
    answerPromptWithPassword({}, QStringLiteral("12-prompt-create-grace"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    shoot(QStringLiteral("13-grace-profile"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 2);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 2);
}

// Two discoverable passkeys fit: the prompt lists both profiles (newest first); Down picks the
// second, Ada, and Enter confirms.
void TestE2ePasskeys::signInUsernamelessWithTheAccountChooser()
{
    signOutFromTheNavigation();
    click(QStringLiteral("[data-switch-user]"));
    QVERIFY(arrivedAt(QStringLiteral("/signin")));
    QVERIFY(m_devTools.waitUntil(QStringLiteral("!!document.querySelector('#login')")));
    shoot(QStringLiteral("14-signin-form"));
    clickForPrompt(QStringLiteral("[data-passkey-usernameless]"));
    answerPromptWithPassword({QStringLiteral("Down"), QStringLiteral("Return")},
                             QStringLiteral("15-prompt-account-chooser"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    shoot(QStringLiteral("16-signed-in-usernameless"));
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral(
                     "document.querySelector('[data-profile-username]').textContent"))
                 ->toString()
                 .trimmed(),
             QStringLiteral("ada"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                                 "WHERE u.username = 'ada'")),
             1);
}

void TestE2ePasskeys::renamePasskey()
{
    fill(QStringLiteral("form[action$=rename] input[name=nickname]"),
         QStringLiteral("Work laptop"));
    click(QStringLiteral("form[action$=rename] button[type=submit]"));
    QVERIFY(m_devTools.waitUntil(QStringLiteral(
        "document.querySelector('p[data-passkey-nickname]').textContent === 'Work laptop'")));
    shoot(QStringLiteral("17-renamed"));
    QCOMPARE(
        rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = 'Work laptop'")), 1);
    QCOMPARE(
        rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = 'This laptop'")), 0);
}

// Deleting Ada's profile takes her passkey row with it; Grace's stays. The answer's Signal API
// data reaches the app's authenticator, which deletes Ada's key from tpm-keys.json.
void TestE2ePasskeys::deleteProfile()
{
    QCOMPARE(keysInFile(m_dataDir), 2);
    fill(QStringLiteral("#delete-confirm"), QStringLiteral("ada"));
    click(QStringLiteral("form[action$=delete] button[type=submit]"));
    QVERIFY(arrivedAt(QStringLiteral("/")));
    shoot(QStringLiteral("18-profile-deleted"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users WHERE username = 'ada'")), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 0);
    QTRY_COMPARE(keysInFile(m_dataDir), 1);
}

// Ada's key left the key store with her profile, so the prompt has Grace's alone: no chooser.
// Down would pick a second account if one were listed (Ada's, whose sign-in would fail); with
// one account it changes nothing and Enter signs Grace in.
void TestE2ePasskeys::signInUsernamelessWithOnePasskeyLeft()
{
    QVERIFY(m_devTools.evaluate(QStringLiteral("location.assign('/signin'), true")));
    QVERIFY(arrivedAt(QStringLiteral("/signin")));
    if (m_devTools.evaluate(QStringLiteral("!!document.querySelector('[data-switch-user]')"))
            ->toBool()) {
        click(QStringLiteral("[data-switch-user]"));
        QVERIFY(arrivedAt(QStringLiteral("/signin")));
    }
    clickForPrompt(QStringLiteral("[data-passkey-usernameless]"));
    answerPromptWithPassword({QStringLiteral("Down")}, QStringLiteral("19-prompt-grace"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral(
                     "document.querySelector('[data-profile-username]').textContent"))
                 ->toString()
                 .trimmed(),
             QStringLiteral("grace"));
    shoot(QStringLiteral("20-grace-signed-in"));
}

// Grace's only passkey: removed once the warning's box is ticked; the profile then asks for a
// new passkey.
void TestE2ePasskeys::removeTheLastPasskey()
{
    click(QStringLiteral("form[action$=remove] input[name=confirm]"));
    QVERIFY(m_devTools.waitUntil(QStringLiteral(
        "document.querySelector('form[action$=remove] input[name=confirm]').checked")));
    click(QStringLiteral("form[action$=remove] button[type=submit]"));
    QVERIFY(m_devTools.waitUntil(QStringLiteral("!document.querySelector('li.passkey') && "
                                                "!!document.querySelector('button[data-passkey-"
                                                "register]')")));
    shoot(QStringLiteral("21-passkey-removed"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 0);
    // signalAllAcceptedCredentials with nothing accepted: Grace's key leaves tpm-keys.json too.
    QTRY_COMPARE(keysInFile(m_dataDir), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 1);
}

// What the page gets from navigator.credentials.create(): a PublicKeyCredential in all but
// native identity. Started from page script, answered in the native prompt.
void TestE2ePasskeys::credentialObjectIsShapedLikeABrowsers()
{
    QTest::qWait(300);
    m_pageBrightness = brightness(windowImage());
    QVERIFY(m_devTools.evaluate(QStringLiteral(R"js((() => {
        window.created = null;
        navigator.credentials.create({publicKey: {
            rp: {id: 'localhost', name: 'Latchkey'},
            user: {id: new Uint8Array([1, 2, 3, 4]), name: 'shape', displayName: 'Shape Test'},
            challenge: new Uint8Array(32).fill(7),
            pubKeyCredParams: [{type: 'public-key', alg: -7}],
            authenticatorSelection: {residentKey: 'discouraged', userVerification: 'required'},
        }}).then((c) => {
            window.createdRawId = c.rawId;
            const r = c.response;
            window.created = {
                isPublicKeyCredential: c instanceof PublicKeyCredential,
                rawIdIsBuffer: c.rawId instanceof ArrayBuffer,
                idMatches: c.id === JSON.parse(JSON.stringify(c)).rawId,
                type: c.type,
                attachment: c.authenticatorAttachment,
                buffers: [r.clientDataJSON, r.attestationObject, r.getAuthenticatorData(),
                          r.getPublicKey()].every((b) => b instanceof ArrayBuffer && b.byteLength > 0),
                transports: r.getTransports(),
                algorithm: r.getPublicKeyAlgorithm(),
                flags: new Uint8Array(r.getAuthenticatorData())[32],
                clientData: JSON.parse(new TextDecoder().decode(r.clientDataJSON)),
                extensions: c.getClientExtensionResults(),
            };
        }, (e) => { window.created = {error: e.name + ': ' + e.message}; });
        return true;
    })())js")));
    answerPromptWithPassword({}, QStringLiteral("22-prompt-page-script"));
    QVERIFY(m_devTools.waitUntil(QStringLiteral("window.created !== null")));
    const QJsonObject created = m_devTools.evaluate(QStringLiteral("window.created"))->toObject();
    QVERIFY2(!created.contains(QStringLiteral("error")),
             qPrintable(created.value(QStringLiteral("error")).toString()));
    QVERIFY(created.value(QStringLiteral("isPublicKeyCredential")).toBool());
    QVERIFY(created.value(QStringLiteral("rawIdIsBuffer")).toBool());
    QVERIFY(created.value(QStringLiteral("idMatches")).toBool());
    QVERIFY(created.value(QStringLiteral("buffers")).toBool());
    QCOMPARE(created.value(QStringLiteral("type")).toString(), QStringLiteral("public-key"));
    QCOMPARE(created.value(QStringLiteral("attachment")).toString(), QStringLiteral("platform"));
    QCOMPARE(created.value(QStringLiteral("transports")).toArray(),
             QJsonArray{QStringLiteral("internal")});
    QCOMPARE(created.value(QStringLiteral("algorithm")).toInt(), -7);
    // The password went through PAM: user present (0x01) and verified (0x04).
    QCOMPARE(created.value(QStringLiteral("flags")).toInt() & 0x05, 0x05);
    const QJsonObject clientData = created.value(QStringLiteral("clientData")).toObject();
    QCOMPARE(clientData.value(QStringLiteral("type")).toString(),
             QStringLiteral("webauthn.create"));
    QCOMPARE(clientData.value(QStringLiteral("origin")).toString() + QLatin1Char('/'), m_homeUrl);
    // Nothing reached the relying party: the page never posted it.
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 0);
}

// AbortController.abort() while the prompt is up: the prompt closes and the promise rejects
// with AbortError. The key asked for is the one the previous test made (every discoverable key
// has left with its profile or passkey; with none to use, the prompt would be the notice).
void TestE2ePasskeys::abortSignalClosesThePromptWithAbortError()
{
    QTest::qWait(300);
    m_pageBrightness = brightness(windowImage());
    QVERIFY(m_devTools.evaluate(QStringLiteral(R"js((() => {
        window.aborted = null;
        window.controller = new AbortController();
        navigator.credentials.get({publicKey: {challenge: new Uint8Array(32).fill(9),
                                               rpId: 'localhost', userVerification: 'required',
                                               allowCredentials: [{type: 'public-key',
                                                                   id: window.createdRawId}]},
                                   signal: window.controller.signal})
            .then(() => { window.aborted = 'resolved'; },
                  (e) => { window.aborted = (e instanceof DOMException) + ' ' + e.name; });
        return true;
    })())js")));
    QVERIFY2(waitForPrompt(true), "the native prompt did not appear");
    shoot(QStringLiteral("23-prompt-before-abort"));
    QVERIFY(m_devTools.evaluate(QStringLiteral("window.controller.abort(), true")));
    QVERIFY2(waitForPrompt(false), "the prompt stayed after the page aborted");
    QVERIFY(m_devTools.waitUntil(QStringLiteral("window.aborted !== null")));
    QCOMPARE(m_devTools.evaluate(QStringLiteral("window.aborted"))->toString(),
             QStringLiteral("true AbortError"));
}

// A page asks for a passkey this computer does not hold (an unknown id; or any discoverable
// one, and none is left). The app says so in its prompt and the page hears nothing until the
// person closes it (Return on Close, or Escape): then NotAllowedError, worded as a cancel, so a
// page cannot probe silently for who has a passkey here (WebAuthn L3 §14.6.2).
void TestE2ePasskeys::passkeyNotOnThisComputerIsToldInThePromptFirst_data()
{
    QTest::addColumn<QString>("allowCredentials");
    QTest::addColumn<QString>("key");
    QTest::newRow("unknown id, Close")
        << QStringLiteral("[{type: 'public-key', id: new Uint8Array(32).fill(0xab)}]")
        << QStringLiteral("Return");
    QTest::newRow("no discoverable passkey, Escape")
        << QStringLiteral("[]") << QStringLiteral("Escape");
}

void TestE2ePasskeys::passkeyNotOnThisComputerIsToldInThePromptFirst()
{
    QFETCH(QString, allowCredentials);
    QFETCH(QString, key);
    QTest::qWait(300);
    m_pageBrightness = brightness(windowImage());
    QVERIFY(m_devTools.evaluate(QStringLiteral(R"js((() => {
        window.absent = null;
        const started = performance.now();
        navigator.credentials.get({publicKey: {challenge: new Uint8Array(32).fill(5),
                                               rpId: 'localhost', userVerification: 'required',
                                               allowCredentials: %1}})
            .then(() => { window.absent = {outcome: 'resolved'}; },
                  (e) => { window.absent = {outcome: (e instanceof DOMException) + ' ' + e.name,
                                            message: e.message,
                                            afterMs: performance.now() - started}; });
        return true;
    })())js")
                                    .arg(allowCredentials)));
    QVERIFY2(waitForPrompt(true), "no prompt: the page was answered without the person");
    QElapsedTimer open;
    open.start();
    shoot(QStringLiteral("24-no-passkey-here-%1").arg(key.toLower()));
    QTest::qWait(1500);
    QVERIFY2(m_devTools.evaluate(QStringLiteral("window.absent === null"))->toBool(),
             "the page heard back while the prompt was still open");
    const qint64 heldMs = open.elapsed();
    pressKeys({key});
    QVERIFY2(waitForPrompt(false), "the prompt did not close after the key press");
    QVERIFY(m_devTools.waitUntil(QStringLiteral("window.absent !== null")));
    const QJsonObject absent = m_devTools.evaluate(QStringLiteral("window.absent"))->toObject();
    QCOMPARE(absent.value(QStringLiteral("outcome")).toString(),
             QStringLiteral("true NotAllowedError"));
    QCOMPARE(absent.value(QStringLiteral("message")).toString(),
             QStringLiteral("The request was cancelled."));
    QVERIFY2(absent.value(QStringLiteral("afterMs")).toDouble() >= double(heldMs),
             qPrintable(QStringLiteral("answered after %1 ms, the prompt was open %2 ms")
                            .arg(absent.value(QStringLiteral("afterMs")).toDouble())
                            .arg(heldMs)));
}

// A second launch where nothing can verify the person: pam_wrapper finds no "latchkey" service
// (an empty service folder), and there is no polkit here. The app says so before the passkey
// is made, the page's own check says no user-verifying platform authenticator, and Enter alone
// registers and signs in: the flags say present, never verified.
void TestE2ePasskeys::withoutAVerifierAClickAloneConfirmsAndThePagesSaySo()
{
    QCOMPARE(m_app.stop(20000), 0);
    qputenv("PAM_WRAPPER_SERVICE_DIR", m_noPamServices.path().toLocal8Bit());
    AppWindowLaunch launch;
    QString whyNot;
    QVERIFY2(launchAppWindow(QStringLiteral(LATCHKEY_BINARY), m_presenceOnlyScratch.path(),
                             m_display, m_app, m_devTools, launch, &whyNot),
             qPrintable(whyNot));
    m_dataDir = launch.dataDir;
    m_homeUrl = launch.homeUrl;
    QVERIFY2(arrivedAt(QStringLiteral("/")), qPrintable(m_devTools.lastError()));
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral(
                     "PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()"))
                 ->toBool(),
             false);

    createProfileNamed(QStringLiteral("Lin Presence"), QStringLiteral("lin"));
    QVERIFY(m_devTools.evaluate(QStringLiteral("!!document.querySelector('[data-presence-only]')"))
                ->toBool());
    shoot(QStringLiteral("30-presence-only-register"));
    clickForPrompt(QStringLiteral("button[data-passkey-register]"));
    answerPrompt({QStringLiteral("Return")}, QStringLiteral("31-presence-only-prompt"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    shoot(QStringLiteral("32-presence-only-profile"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);

    signOutFromTheNavigation();
    QVERIFY(m_devTools.evaluate(QStringLiteral("!!document.querySelector('[data-presence-only]')"))
                ->toBool());
    shoot(QStringLiteral("33-presence-only-signin"));
    clickForPrompt(
        QStringLiteral("form[data-passkey-signin] button[type=submit]:not([data-switch-user])"));
    answerPrompt({QStringLiteral("Return")}, QStringLiteral("34-presence-only-prompt-sign-in"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(toastText()));
    shoot(QStringLiteral("35-presence-only-signed-in"));

    // What a page gets: present, not verified. The page's brightness is read before its
    // script opens the prompt, which may be up within the next few milliseconds.
    QTest::qWait(300);
    m_pageBrightness = brightness(windowImage());
    const auto flags = m_devTools.evaluate(QStringLiteral(R"js((async () => {
        const c = navigator.credentials.create({publicKey: {
            rp: {id: 'localhost', name: 'Latchkey'},
            user: {id: new Uint8Array([9, 9]), name: 'flags', displayName: 'Flags'},
            challenge: new Uint8Array(32).fill(3),
            pubKeyCredParams: [{type: 'public-key', alg: -7}],
            authenticatorSelection: {residentKey: 'discouraged', userVerification: 'preferred'},
        }});
        window.flagsResult = c.then((cred) => new Uint8Array(cred.response.getAuthenticatorData())[32],
                                    (e) => e.name);
        return true;
    })())js"));
    QVERIFY2(flags, qPrintable(m_devTools.lastError()));
    answerPrompt({QStringLiteral("Return")}, QStringLiteral("36-presence-only-page-script"));
    const auto flagByte = m_devTools.evaluate(QStringLiteral("window.flagsResult"));
    QVERIFY2(flagByte, qPrintable(m_devTools.lastError()));
    QCOMPARE(flagByte->toInt() & 0x05, 0x01); // UP, and UV clear
}

void TestE2ePasskeys::cleanupTestCase()
{
    QCOMPARE(m_app.stop(20000), 0);
}

// ---- helpers ------------------------------------------------------------------------------

bool TestE2ePasskeys::arrivedAt(const QString& path)
{
    return m_devTools.waitUntil(
        QStringLiteral("location.pathname === %1 && document.readyState === 'complete' && "
                       "document.documentElement.classList.contains('js')")
            .arg(jsString(path)),
        20000);
}

bool TestE2ePasskeys::errorToastSays(const QString& fragment)
{
    return m_devTools.waitUntil(
        QStringLiteral("document.querySelector('[data-toast-region=assertive]').textContent"
                       ".includes(%1)")
            .arg(jsString(fragment)));
}

void TestE2ePasskeys::fill(const QString& selector, const QString& text)
{
    const auto filled = m_devTools.evaluate(
        QStringLiteral("(() => { const e = document.querySelector(%1); e.focus(); e.value = %2; "
                       "e.dispatchEvent(new Event('input', {bubbles: true})); return e.value; })()")
            .arg(jsString(selector), jsString(text)));
    QVERIFY2(filled, qPrintable(m_devTools.lastError()));
    QCOMPARE(filled->toString(), text);
}

// A real mouse click through Chromium's input pipeline, at the element's centre.
void TestE2ePasskeys::click(const QString& selector)
{
    QVERIFY2(m_devTools.clickElement(selector), qPrintable(m_devTools.lastError()));
}

// The window's brightness with the page alone, then the click that opens the prompt.
void TestE2ePasskeys::clickForPrompt(const QString& selector)
{
    QTest::qWait(300);
    m_pageBrightness = brightness(windowImage());
    QVERIFY(m_pageBrightness > 0);
    click(selector);
}

// Real key presses on the X server (XTEST), delivered to the focused Latchkey window.
void TestE2ePasskeys::pressKeys(const QStringList& keys)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), m_display.name());
    for (const QString& key : keys) {
        QProcess xdotool;
        xdotool.setProcessEnvironment(environment);
        xdotool.start(m_xdotool, {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                  QStringLiteral("--name"), QStringLiteral("^Latchkey$"),
                                  QStringLiteral("windowfocus"), QStringLiteral("key"), key});
        QVERIFY(xdotool.waitForFinished(10000));
        QVERIFY2(xdotool.exitCode() == 0, xdotool.readAllStandardError().constData());
        QTest::qWait(150);
    }
}

// Real typing on the X server (XTEST), into the focused field of the Latchkey window.
void TestE2ePasskeys::typeText(const QString& text)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), m_display.name());
    QProcess xdotool;
    xdotool.setProcessEnvironment(environment);
    xdotool.start(m_xdotool, {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                              QStringLiteral("--name"), QStringLiteral("^Latchkey$"),
                              QStringLiteral("windowfocus"), QStringLiteral("type"),
                              QStringLiteral("--delay"), QStringLiteral("30"), text});
    QVERIFY(xdotool.waitForFinished(10000));
    QVERIFY2(xdotool.exitCode() == 0, xdotool.readAllStandardError().constData());
    QTest::qWait(150);
}

QImage TestE2ePasskeys::windowImage() const
{
    for (const XWindowInfo& window : viewableTopLevelWindows(m_display.name())) {
        if (window.title == QLatin1String("Latchkey") && window.geometry.width() > 100)
            return grabScreen(m_display.name()).copy(window.geometry);
    }
    return {};
}

bool TestE2ePasskeys::waitForPrompt(bool shown, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const double now = brightness(windowImage());
        if (shown ? now < 0.75 * m_pageBrightness : now > 0.9 * m_pageBrightness)
            return true;
        QTest::qWait(50);
    }
    return false;
}

// Waits for the prompt the caller's click opened, photographs it, and answers it with keys.
void TestE2ePasskeys::answerPrompt(const QStringList& keys, const QString& screenshotName)
{
    QVERIFY2(waitForPrompt(true), "the native prompt did not appear (the window never dimmed)");
    QTest::qWait(300);
    shoot(screenshotName);
    pressKeys(keys);
    QVERIFY2(waitForPrompt(false), "the native prompt did not close after the key press");
}

// As answerPrompt, for a prompt where PAM asks for the password: keysFirst (picking an account
// and confirming it), then the password typed into the prompt's field and Enter.
void TestE2ePasskeys::answerPromptWithPassword(const QStringList& keysFirst,
                                               const QString& screenshotName)
{
    QVERIFY2(waitForPrompt(true), "the native prompt did not appear (the window never dimmed)");
    QTest::qWait(300);
    shoot(screenshotName);
    pressKeys(keysFirst);
    QTest::qWait(300); // PAM's question reaches the prompt and its field takes the focus
    typeText(QString::fromLatin1(kPassword));
    shoot(screenshotName + QStringLiteral("-password"));
    pressKeys({QStringLiteral("Return")});
    QVERIFY2(waitForPrompt(false), "the native prompt did not close after the password");
}

qint64 TestE2ePasskeys::rows(const QString& sql)
{
    qint64 count = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e-rows"));
        db.setDatabaseName(QDir(m_dataDir).filePath(QStringLiteral("latchkey.sqlite")));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                count = query.value(0).toLongLong();
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("e2e-rows"));
    return count;
}

QString TestE2ePasskeys::toastText()
{
    const auto text = m_devTools.evaluate(
        QStringLiteral("Array.from(document.querySelectorAll('[data-toast-region]'))"
                       ".map((e) => e.textContent.trim()).join(' | ')"));
    return text ? text->toString() : m_devTools.lastError();
}

void TestE2ePasskeys::shoot(const QString& name)
{
    QTest::qWait(300);
    const QImage image = windowImage();
    QVERIFY2(!image.isNull(), "the Latchkey window could not be read from the X screen");
    QVERIFY(image.save(artifactPath(QStringLiteral("e2e-passkeys-%1.png").arg(name))));
}

void TestE2ePasskeys::signOutFromTheNavigation()
{
    click(QStringLiteral(".nav-form button[type=submit]"));
    QVERIFY(m_devTools.waitUntil(
        QStringLiteral("location.pathname === '/signout' && document.readyState === 'complete' && "
                       "!!document.querySelector('[data-passkey-usernameless]')"),
        20000));
}

void TestE2ePasskeys::createProfileNamed(const QString& name, const QString& username)
{
    QVERIFY(m_devTools.evaluate(QStringLiteral("location.assign('/register'), true")));
    QVERIFY(arrivedAt(QStringLiteral("/register")));
    fill(QStringLiteral("#name"), name);
    fill(QStringLiteral("#username"), username);
    fill(QStringLiteral("#email"), username + QStringLiteral("@example.org"));
    click(QStringLiteral("form[action=\"/register\"] button[type=\"submit\"]"));
    QVERIFY2(m_devTools.waitUntil(
                 QStringLiteral("!!document.querySelector('button[data-passkey-register]')")),
             qPrintable(toastText()));
}

QTEST_GUILESS_MAIN(TestE2ePasskeys)
#include "test_e2e_passkeys.moc"
