// POST /register over real HTTP: success writes one NFC-normalized, trimmed row; every
// failure (invalid field, duplicate in another letter case, malformed body) answers with its
// status and message and writes nothing. Both paths: the plain form (HTML page) and
// latchkey.js (JSON).
#include "server_fixture.h"
#include "store/user_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

using namespace latchkey;
using namespace latchkey::server::testing;

namespace {

QByteArray formBody(const QString& name, const QString& username, const QString& email)
{
    return "name=" + QUrl::toPercentEncoding(name) +
           "&username=" + QUrl::toPercentEncoding(username) +
           "&email=" + QUrl::toPercentEncoding(email);
}

const Headers kFormHeaders{{"Content-Type", "application/x-www-form-urlencoded"}};
const Headers kJsonHeaders{{"Content-Type", "application/json"}, {"Accept", "application/json"}};

QJsonObject jsonOf(const WireResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

} // namespace

class TestRegister : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registerCreatesRowWithTrimmedNfcValues();
    void emptyDisplayNameFallsBackToUsername();
    void successAnswersWithNextStepPage();
    void jsonPathAnswersJson();
    void urlencodedWithAcceptJsonAnswersJson();
    void duplicateInOtherLetterCaseConflicts_data();
    void duplicateInOtherLetterCaseConflicts();
    void duplicateAnswersJsonConflict();
    void invalidFieldIsRejectedBesideTheField_data();
    void invalidFieldIsRejectedBesideTheField();
    void invalidFieldAnswersJsonFieldErrors();
    void malformedBodyIsRejected_data();
    void malformedBodyIsRejected();
    void typedValuesAreEscapedInTheAnswer();

private:
    WireResponse post(const QByteArray& body, const Headers& headers = kFormHeaders);
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestRegister::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->errorString()));
}

void TestRegister::cleanup()
{
    m_fixture.reset();
}

WireResponse TestRegister::post(const QByteArray& body, const Headers& headers)
{
    return m_fixture->sendGood("POST", "/register", headers, body);
}

void TestRegister::registerCreatesRowWithTrimmedNfcValues()
{
    // "Amélie" typed with a combining acute accent (NFD) and stray spaces.
    const QString decomposed = QStringLiteral("Ame\u0301lie");
    const WireResponse response =
        post(formBody(QStringLiteral("  ") + decomposed + "  ", QStringLiteral(" ame\u0301lie_1 "),
                      QStringLiteral(" amelie@example.org\t")));
    QCOMPARE(response.status, 201);
    QCOMPARE(m_fixture->userCount(), 1);
    const auto found =
        store::UserStore(m_fixture->database()).findByLogin(QStringLiteral("amélie_1"));
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
    const std::optional<store::User>& user = *found;
    QVERIFY(user.has_value());
    QCOMPARE(user->username, QStringLiteral("am\u00e9lie_1"));
    QCOMPARE(user->displayName, QStringLiteral("Am\u00e9lie"));
    QCOMPARE(user->email, QStringLiteral("amelie@example.org"));
}

void TestRegister::emptyDisplayNameFallsBackToUsername()
{
    QCOMPARE(
        post(formBody({}, QStringLiteral("grace"), QStringLiteral("grace@example.com"))).status,
        201);
    const auto found = store::UserStore(m_fixture->database()).findByLogin(QStringLiteral("grace"));
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
    const std::optional<store::User>& user = *found;
    QVERIFY(user.has_value());
    QCOMPARE(user->displayName, QStringLiteral("grace"));
}

void TestRegister::successAnswersWithNextStepPage()
{
    const WireResponse response = post(formBody(
        QStringLiteral("Ada Lovelace"), QStringLiteral("ada"), QStringLiteral("ada@example.com")));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QVERIFY(response.body.startsWith("<!doctype html>"));
    QVERIFY(response.body.contains("Profile created"));
    QVERIFY(response.body.contains("Next: register a passkey"));
    QVERIFY(response.body.contains("Welcome, Ada Lovelace."));
    QVERIFY(response.body.contains("toast-success"));
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
}

void TestRegister::jsonPathAnswersJson()
{
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{"name", "Ada"}, {"username", "ada"}, {"email", "ada@example.com"}})
            .toJson();
    const WireResponse response = post(body, kJsonHeaders);
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject answer = jsonOf(response);
    QCOMPARE(answer.value("ok").toBool(), true);
    QCOMPARE(answer.value("user").toObject().value("username").toString(), QStringLiteral("ada"));
    QCOMPARE(answer.value("next").toString(), QStringLiteral("register_passkey"));
    QVERIFY(answer.value("html").toString().contains("Next: register a passkey"));
    QVERIFY(!answer.value("user").toObject().value("uid").toString().isEmpty());
    QCOMPARE(m_fixture->userCount(), 1);
}

void TestRegister::urlencodedWithAcceptJsonAnswersJson()
{
    const WireResponse response =
        post(formBody({}, QStringLiteral("ada"), QStringLiteral("ada@example.com")),
             {{"Content-Type", "application/x-www-form-urlencoded;charset=UTF-8"},
              {"Accept", "application/json"}});
    QCOMPARE(response.status, 201);
    QCOMPARE(jsonOf(response).value("ok").toBool(), true);
}

void TestRegister::duplicateInOtherLetterCaseConflicts_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("email");
    QTest::newRow("username-upper") << QStringLiteral("GRACE") << QStringLiteral("new@example.com");
    QTest::newRow("username-mixed") << QStringLiteral("gRaCe") << QStringLiteral("new@example.com");
    QTest::newRow("email-upper") << QStringLiteral("newname")
                                 << QStringLiteral("GRACE@EXAMPLE.COM");
    QTest::newRow("both") << QStringLiteral("Grace") << QStringLiteral("Grace@Example.com");
    QTest::newRow("non-ascii-username")
        << QStringLiteral("ÉLODIE") << QStringLiteral("other@example.com");
}

void TestRegister::duplicateInOtherLetterCaseConflicts()
{
    QFETCH(QString, username);
    QFETCH(QString, email);
    QCOMPARE(
        post(formBody({}, QStringLiteral("grace"), QStringLiteral("grace@example.com"))).status,
        201);
    QCOMPARE(
        post(formBody({}, QStringLiteral("élodie"), QStringLiteral("elodie@example.com"))).status,
        201);
    const WireResponse response = post(formBody(QStringLiteral("Someone"), username, email));
    QCOMPARE(response.status, 409);
    QVERIFY(response.body.contains("That username or email address is already in use"));
    QVERIFY(response.body.contains("<form"));
    QVERIFY(response.body.contains("<title>Error: Create your profile · Latchkey</title>"));
    QVERIFY(response.body.contains("toast-error"));
    QCOMPARE(m_fixture->userCount(), 2);
}

void TestRegister::duplicateAnswersJsonConflict()
{
    QCOMPARE(
        post(formBody({}, QStringLiteral("grace"), QStringLiteral("grace@example.com"))).status,
        201);
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", "GRACE"}, {"email", "g2@example.com"}}).toJson();
    const WireResponse response = post(body, kJsonHeaders);
    QCOMPARE(response.status, 409);
    const QJsonObject error = jsonOf(response).value("error").toObject();
    QCOMPARE(error.value("code").toString(), QStringLiteral("conflict"));
    QCOMPARE(error.value("message").toString(),
             QStringLiteral("That username or email address is already in use."));
    QCOMPARE(m_fixture->userCount(), 1);
}

void TestRegister::invalidFieldIsRejectedBesideTheField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const QString okUser = QStringLiteral("ada");
    const QString okMail = QStringLiteral("ada@example.com");
    QTest::newRow("username-empty") << QString() << QString() << okMail << "username"
                                    << "Choose a username.";
    QTest::newRow("username-blank") << QString() << QStringLiteral("   ") << okMail << "username"
                                    << "Choose a username.";
    QTest::newRow("username-too-short") << QString() << QStringLiteral("ab") << okMail << "username"
                                        << "A username has 3 to 32 characters.";
    QTest::newRow("username-too-long") << QString() << QString(33, u'a') << okMail << "username"
                                       << "A username has 3 to 32 characters.";
    QTest::newRow("username-space") << QString() << QStringLiteral("ada l") << okMail << "username"
                                    << "Use only letters, digits, dots (.), underscores (_) and "
                                       "hyphens (-) in a username.";
    QTest::newRow("username-at") << QString() << QStringLiteral("ada@home") << okMail << "username"
                                 << "Use only letters, digits, dots (.), underscores (_) and "
                                    "hyphens (-) in a username.";
    QTest::newRow("username-emoji")
        << QString() << QStringLiteral("ada\U0001F600") << okMail << "username"
        << "Use only letters, digits, dots (.), underscores (_) and "
           "hyphens (-) in a username.";
    QTest::newRow("username-control")
        << QString() << QStringLiteral("ada\u0007x") << okMail << "username"
        << "A username cannot contain control characters.";
    QTest::newRow("email-empty") << QString() << okUser << QString() << "email"
                                 << "Enter your email address.";
    QTest::newRow("email-no-at") << QString() << okUser << QStringLiteral("ada.example.com")
                                 << "email"
                                 << "Enter an email address like name@example.com.";
    QTest::newRow("email-two-at") << QString() << okUser << QStringLiteral("a@b@example.com")
                                  << "email"
                                  << "Enter an email address like name@example.com.";
    QTest::newRow("email-no-dot-domain")
        << QString() << okUser << QStringLiteral("ada@localhost") << "email"
        << "Enter an email address like name@example.com.";
    QTest::newRow("email-empty-label")
        << QString() << okUser << QStringLiteral("ada@example..com") << "email"
        << "Enter an email address like name@example.com.";
    QTest::newRow("email-hyphen-label")
        << QString() << okUser << QStringLiteral("ada@-example.com") << "email"
        << "Enter an email address like name@example.com.";
    QTest::newRow("email-space") << QString() << okUser << QStringLiteral("a da@example.com")
                                 << "email"
                                 << "Enter an email address like name@example.com.";
    QTest::newRow("email-too-long") << QString() << okUser
                                    << QString(64, u'a') + "@" + QString(62, u'b') + "." +
                                           QString(62, u'c') + "." + QString(62, u'd') + ".com"
                                    << "email"
                                    << "An email address has at most 254 characters.";
    QTest::newRow("name-too-long") << QString(65, u'n') << okUser << okMail << "name"
                                   << "A display name has at most 64 characters.";
    QTest::newRow("name-control") << QStringLiteral("Ada\nLovelace") << okUser << okMail << "name"
                                  << "A display name cannot contain control characters.";
}

void TestRegister::invalidFieldIsRejectedBesideTheField()
{
    QFETCH(QString, name);
    QFETCH(QString, username);
    QFETCH(QString, email);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const WireResponse response = post(formBody(name, username, email));
    QCOMPARE(response.status, 400);
    const QString page = QString::fromUtf8(response.body);
    QVERIFY2(page.contains(message.toHtmlEscaped()), qPrintable(message));
    QVERIFY(page.contains(QStringLiteral("id=\"%1-error\" data-field-error=\"%1\">%2</p>")
                              .arg(field, message.toHtmlEscaped())));
    QVERIFY(page.contains(
        QStringLiteral("aria-describedby=\"%1-hint %1-error\" aria-invalid=\"true\"").arg(field)));
    QCOMPARE(m_fixture->userCount(), 0);
}

void TestRegister::invalidFieldAnswersJsonFieldErrors()
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", "x"}, {"email", "nope"}}).toJson();
    const WireResponse response = post(body, kJsonHeaders);
    QCOMPARE(response.status, 400);
    const QJsonObject answer = jsonOf(response);
    QCOMPARE(answer.value("error").toObject().value("code").toString(),
             QStringLiteral("invalid_field"));
    const QJsonObject fields = answer.value("fields").toObject();
    QCOMPARE(fields.value("username").toString(),
             QStringLiteral("A username has 3 to 32 characters."));
    QCOMPARE(fields.value("email").toString(),
             QStringLiteral("Enter an email address like name@example.com."));
    QVERIFY(!fields.contains("name"));
    QCOMPARE(m_fixture->userCount(), 0);
}

void TestRegister::malformedBodyIsRejected_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray form = "application/x-www-form-urlencoded";
    const QByteArray json = "application/json";
    QTest::newRow("bad-percent") << form << QByteArray("username=ada%zz&email=a%40b.co") << 400
                                 << "not valid URL encoding";
    QTest::newRow("truncated-percent")
        << form << QByteArray("username=ada&email=a%4") << 400 << "not valid URL encoding";
    QTest::newRow("invalid-utf8") << form << QByteArray("username=ad%FF%FE&email=a%40b.co") << 400
                                  << "not valid URL encoding";
    QTest::newRow("repeated-field")
        << form << QByteArray("username=ada&username=bob&email=a%40b.co") << 400
        << "more than once";
    QTest::newRow("missing-email")
        << form << QByteArray("name=Ada&username=ada") << 400 << "missing the field(s): email";
    QTest::newRow("empty-body") << form << QByteArray() << 400
                                << "missing the field(s): username, email";
    QTest::newRow("json-malformed")
        << json << QByteArray("{\"username\": \"ada\"") << 400 << "not valid JSON";
    QTest::newRow("json-array") << json << QByteArray("[\"ada\"]") << 400
                                << "must be a JSON object";
    QTest::newRow("json-number") << json << QByteArray("{\"username\": 7, \"email\": \"a@b.co\"}")
                                 << 400 << "\"username\" must be text";
    QTest::newRow("json-null") << json << QByteArray("{\"username\": null, \"email\": \"a@b.co\"}")
                               << 400 << "\"username\" must be text";
    QTest::newRow("json-missing") << json << QByteArray("{\"email\": \"a@b.co\"}") << 400
                                  << "missing the field(s): username";
    QTest::newRow("text-plain") << QByteArray("text/plain") << QByteArray("username=ada") << 415
                                << "application/x-www-form-urlencoded or application/json";
    QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=x")
                               << QByteArray("--x--") << 415
                               << "application/x-www-form-urlencoded or application/json";
    QTest::newRow("no-content-type") << QByteArray() << QByteArray("username=ada") << 415
                                     << "application/x-www-form-urlencoded or application/json";
}

void TestRegister::malformedBodyIsRejected()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    Headers headers{{"Accept", "application/json"}};
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const WireResponse json = post(body, headers);
    QCOMPARE(json.status, status);
    QVERIFY2(jsonOf(json).value("error").toObject().value("message").toString().contains(message),
             json.body.constData());
    // The same without script: a full page with the message.
    headers.removeFirst();
    const WireResponse page = post(body, headers);
    QCOMPARE(page.status, status);
    QVERIFY(page.body.startsWith("<!doctype html>"));
    QVERIFY(QString::fromUtf8(page.body).contains(message.toHtmlEscaped()));
    QCOMPARE(m_fixture->userCount(), 0);
}

void TestRegister::typedValuesAreEscapedInTheAnswer()
{
    const WireResponse rejected =
        post(formBody(QStringLiteral("<script>alert(1)</script>"), QStringLiteral("\"><img src=x>"),
                      QStringLiteral("ada@example.com")));
    QCOMPARE(rejected.status, 400);
    QVERIFY(!rejected.body.contains("<script>alert"));
    QVERIFY(!rejected.body.contains("\"><img"));
    QVERIFY(rejected.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    const WireResponse created = post(formBody(QStringLiteral("<b>Ada</b>"), QStringLiteral("ada"),
                                               QStringLiteral("ada@example.com")));
    QCOMPARE(created.status, 201);
    QVERIFY(!created.body.contains("<b>Ada</b>"));
    QVERIFY(created.body.contains("&lt;b&gt;Ada&lt;/b&gt;"));
}

QTEST_GUILESS_MAIN(TestRegister)
#include "test_register.moc"
