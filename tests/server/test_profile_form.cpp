// The register form's rules (ProfileForm) and the strict body reader (form_body), without
// HTTP: each rule accepts what it documents and refuses the rest with its own sentence.
#include "server/form_body.h"
#include "server/profile_form.h"

#include <QTest>

using namespace latchkey::server;

class TestProfileForm : public QObject {
    Q_OBJECT

private slots:
    void usernameRule_data();
    void usernameRule();
    void emailRule_data();
    void emailRule();
    void displayNameRule_data();
    void displayNameRule();
    void inputIsTrimmedAndNfcNormalized();
    void emptyDisplayNameBecomesTheUsername();
    void everyInvalidFieldIsReported();
    void usernameAndEmailMustBePresent();
    void urlEncodedBodyIsDecodedStrictly_data();
    void urlEncodedBodyIsDecodedStrictly();
};

void TestProfileForm::usernameRule_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << QStringLiteral("ada") << true;
    QTest::newRow("punctuation") << QStringLiteral("a.d_a-1") << true;
    QTest::newRow("thirty-two") << QString(32, u'x') << true;
    QTest::newRow("accented") << QStringLiteral("\u00e9lodie") << true;
    QTest::newRow("combining-mark") << QStringLiteral("e\u0301lodie") << true;
    QTest::newRow("cjk") << QStringLiteral("\u5c71\u7530\u592a\u90ce") << true;
    QTest::newRow("cyrillic") << QStringLiteral("\u0430\u043d\u043d\u0430") << true;
    QTest::newRow("two") << QStringLiteral("ab") << false;
    QTest::newRow("thirty-three") << QString(33, u'x') << false;
    QTest::newRow("space") << QStringLiteral("a b c") << false;
    QTest::newRow("at") << QStringLiteral("a@b.c") << false;
    QTest::newRow("slash") << QStringLiteral("a/b/c") << false;
    QTest::newRow("emoji") << QStringLiteral("\U0001F511key") << false;
    QTest::newRow("arabic-indic-digits") << QStringLiteral("\u0661\u0662\u0663") << false;
    QTest::newRow("zero-width-joiner") << QStringLiteral("ad\u200da") << false;
    QTest::newRow("nul") << QStringLiteral("ad") + QChar(0) + QStringLiteral("a") << false;
}

void TestProfileForm::usernameRule()
{
    QFETCH(QString, username);
    QFETCH(bool, valid);
    const auto problem = ProfileForm::checkUsername(username);
    QCOMPARE(!problem.has_value(), valid);
}

void TestProfileForm::emailRule_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("ada@example.com") << true;
    QTest::newRow("plus-and-dots") << QStringLiteral("a.d+a@mail.example.co.uk") << true;
    QTest::newRow("hyphen-domain") << QStringLiteral("ada@my-host.example") << true;
    QTest::newRow("idn") << QStringLiteral("ada@b\u00fccher.example") << true;
    QTest::newRow("no-at") << QStringLiteral("ada.example.com") << false;
    QTest::newRow("two-at") << QStringLiteral("a@b@example.com") << false;
    QTest::newRow("empty-local") << QStringLiteral("@example.com") << false;
    QTest::newRow("single-label") << QStringLiteral("ada@localhost") << false;
    QTest::newRow("trailing-dot") << QStringLiteral("ada@example.com.") << false;
    QTest::newRow("leading-dot-local") << QStringLiteral(".ada@example.com") << false;
    QTest::newRow("double-dot-local") << QStringLiteral("a..da@example.com") << false;
    QTest::newRow("label-hyphen-end") << QStringLiteral("ada@example-.com") << false;
    QTest::newRow("label-64") << QStringLiteral("ada@") + QString(64, u'a') + ".com" << false;
    QTest::newRow("local-65") << QString(65, u'a') + QStringLiteral("@example.com") << false;
    QTest::newRow("angle") << QStringLiteral("<ada>@example.com") << false;
    QTest::newRow("ip-literal") << QStringLiteral("ada@[127.0.0.1]") << false;
    QTest::newRow("underscore-domain") << QStringLiteral("ada@ex_ample.com") << false;
}

void TestProfileForm::emailRule()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);
    QCOMPARE(!ProfileForm::checkEmail(email).has_value(), valid);
}

void TestProfileForm::displayNameRule_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("spaces-inside") << QStringLiteral("Ada King, Countess of Lovelace") << true;
    QTest::newRow("emoji") << QStringLiteral("Ada \U0001F511") << true;
    QTest::newRow("sixty-four") << QString(64, u'n') << true;
    // Length counts characters (code points), not UTF-16 units.
    QTest::newRow("sixty-four-astral") << QStringLiteral("\U0001F511").repeated(64) << true;
    QTest::newRow("sixty-five-astral") << QStringLiteral("\U0001F511").repeated(65) << false;
    QTest::newRow("sixty-five") << QString(65, u'n') << false;
    QTest::newRow("newline") << QStringLiteral("Ada\nKing") << false;
    QTest::newRow("tab") << QStringLiteral("Ada\tKing") << false;
    QTest::newRow("bidi-override") << QStringLiteral("Ada\u202eKing") << false;
}

void TestProfileForm::displayNameRule()
{
    QFETCH(QString, displayName);
    QFETCH(bool, valid);
    QCOMPARE(!ProfileForm::checkDisplayName(displayName).has_value(), valid);
}

void TestProfileForm::inputIsTrimmedAndNfcNormalized()
{
    const ProfileInput input =
        ProfileForm::readInput({{QStringLiteral("name"), QStringLiteral("  Zoe\u0308 ")},
                                {QStringLiteral("username"), QStringLiteral("\tzoe\u0308\n")},
                                {QStringLiteral("email"), QStringLiteral(" zoe@example.com ")}});
    QCOMPARE(input.displayName, QStringLiteral("Zo\u00eb"));
    QCOMPARE(input.username, QStringLiteral("zo\u00eb"));
    QCOMPARE(input.email, QStringLiteral("zoe@example.com"));
}

void TestProfileForm::emptyDisplayNameBecomesTheUsername()
{
    const auto user = ProfileForm::validate(
        {QString(), QStringLiteral("zoe"), QStringLiteral("zoe@example.com")});
    QVERIFY(user.ok());
    QCOMPARE(user->displayName, QStringLiteral("zoe"));
}

void TestProfileForm::everyInvalidFieldIsReported()
{
    const auto user =
        ProfileForm::validate({QString(65, u'n'), QStringLiteral("z"), QStringLiteral("zoe")});
    QVERIFY(!user.ok());
    QCOMPARE(user.error().fields.size(), 3);
    QVERIFY(!user.error().messageFor(QStringLiteral("name")).isEmpty());
    QVERIFY(!user.error().messageFor(QStringLiteral("username")).isEmpty());
    QVERIFY(!user.error().messageFor(QStringLiteral("email")).isEmpty());
}

void TestProfileForm::usernameAndEmailMustBePresent()
{
    QCOMPARE(ProfileForm::missingFields({{QStringLiteral("name"), QStringLiteral("x")}}),
             (QList<QString>{QStringLiteral("username"), QStringLiteral("email")}));
    QVERIFY(ProfileForm::missingFields(
                {{QStringLiteral("username"), QString()}, {QStringLiteral("email"), QString()}})
                .isEmpty());
}

void TestProfileForm::urlEncodedBodyIsDecodedStrictly_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("username");
    QTest::newRow("plus-is-space") << QByteArray("username=a+b") << true << QStringLiteral("a b");
    QTest::newRow("utf8") << QByteArray("username=%C3%A9lodie") << true
                          << QStringLiteral("\u00e9lodie");
    QTest::newRow("no-value") << QByteArray("username") << true << QString();
    QTest::newRow("empty-pairs") << QByteArray("&&username=x&") << true << QStringLiteral("x");
    QTest::newRow("bad-hex") << QByteArray("username=%G1") << false << QString();
    QTest::newRow("lone-percent") << QByteArray("username=%") << false << QString();
    QTest::newRow("overlong-utf8") << QByteArray("username=%C0%AF") << false << QString();
    QTest::newRow("surrogate-utf8") << QByteArray("username=%ED%A0%80") << false << QString();
    QTest::newRow("repeated") << QByteArray("username=a&username=a") << false << QString();
}

void TestProfileForm::urlEncodedBodyIsDecodedStrictly()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QString, username);
    const auto fields = parseUrlEncoded(body);
    QCOMPARE(fields.ok(), valid);
    if (valid)
        QCOMPARE(fields->value(QStringLiteral("username")), username);
    else
        QCOMPARE(fields.error().status, 400);
}

QTEST_GUILESS_MAIN(TestProfileForm)
#include "test_profile_form.moc"
