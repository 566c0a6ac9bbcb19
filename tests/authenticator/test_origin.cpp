#include "authenticator/origin.h"

#include <QtTest>

using namespace latchkey::authenticator;

Q_DECLARE_METATYPE(std::optional<QString>)

// §5.1.3 steps 7-8: the caller's origin must be a secure context, and the RP ID a registrable
// domain suffix of (or equal to) its host.
class TestOrigin : public QObject {
    Q_OBJECT

private slots:
    void secureOriginsSerializeWithoutDefaultPort_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::addColumn<QString>("origin");
        QTest::newRow("localhost with port") << QUrl("http://localhost:8080/register?x=1")
                                             << QStringLiteral("http://localhost:8080");
        QTest::newRow("localhost default port")
            << QUrl("http://localhost/") << QStringLiteral("http://localhost");
        QTest::newRow("https default port") << QUrl("https://Login.Example.com:443/a")
                                            << QStringLiteral("https://login.example.com");
        QTest::newRow("https other port")
            << QUrl("https://example.com:8443") << QStringLiteral("https://example.com:8443");
        QTest::newRow("idn as ace") << QUrl("https://b\u00fccher.example/")
                                    << QStringLiteral("https://xn--bcher-kva.example");
    }

    void secureOriginsSerializeWithoutDefaultPort()
    {
        QFETCH(QUrl, page);
        QFETCH(QString, origin);
        const auto serialized = secureOrigin(page);
        QVERIFY2(serialized.ok(),
                 qPrintable(serialized.ok() ? QString() : serialized.error().message));
        QCOMPARE(*serialized, origin);
    }

    void insecureOrIpOriginsAreSecurityErrors_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::newRow("ipv4 loopback") << QUrl("http://127.0.0.1:8080/");
        QTest::newRow("ipv4 over https") << QUrl("https://192.168.1.10/");
        QTest::newRow("ipv6 loopback") << QUrl("http://[::1]:8080/");
        QTest::newRow("numeric last label") << QUrl("https://foo.123/");
        QTest::newRow("plain http domain") << QUrl("http://example.com/");
        QTest::newRow("file") << QUrl("file:///tmp/page.html");
        QTest::newRow("no url") << QUrl();
        QTest::newRow("ftp") << QUrl("ftp://localhost/");
    }

    void insecureOrIpOriginsAreSecurityErrors()
    {
        QFETCH(QUrl, page);
        const auto serialized = secureOrigin(page);
        QVERIFY(!serialized.ok());
        QCOMPARE(serialized.error().name, DomErrorName::SecurityError);
        QVERIFY(!serialized.error().message.isEmpty());
    }

    void rpIdMustFitTheOrigin_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::addColumn<std::optional<QString>>("requested");
        QTest::addColumn<QString>("expected"); // empty: SecurityError
        const QUrl local("http://localhost:8080/");
        const QUrl sub("https://login.example.com/");
        QTest::newRow("absent: host") << local << std::optional<QString>() << "localhost";
        QTest::newRow("localhost") << local << std::optional<QString>("localhost") << "localhost";
        QTest::newRow("uppercase folds")
            << local << std::optional<QString>("LOCALHOST") << "localhost";
        QTest::newRow("other domain on localhost")
            << local << std::optional<QString>("example.com") << "";
        QTest::newRow("ip rp id") << local << std::optional<QString>("127.0.0.1") << "";
        QTest::newRow("empty") << local << std::optional<QString>("") << "";
        QTest::newRow("with port") << local << std::optional<QString>("localhost:8080") << "";
        QTest::newRow("registrable suffix")
            << sub << std::optional<QString>("example.com") << "example.com";
        QTest::newRow("equal host")
            << sub << std::optional<QString>("login.example.com") << "login.example.com";
        QTest::newRow("bare tld") << sub << std::optional<QString>("com") << "";
        QTest::newRow("not a suffix label") << sub << std::optional<QString>("ample.com") << "";
        QTest::newRow("longer than host")
            << sub << std::optional<QString>("a.login.example.com") << "";
        QTest::newRow("other site") << sub << std::optional<QString>("example.org") << "";
        QTest::newRow("localhost is no suffix of a subdomain")
            << QUrl("http://app.localhost:8080/") << std::optional<QString>("localhost") << "";
    }

    // WebAuthn L3 §5.1.3 step 8 / §5.1.4.1 step 7 through HTML's "is a registrable domain
    // suffix of or is equal to": a public suffix never fits, whether the Public Suffix List has
    // it in its ICANN part (co.uk), its private part (github.io), by a wildcard (*.ck, with the
    // exception !www.ck), or by its implicit "*" rule (an unlisted TLD).
    void rpIdMustNotBeAPublicSuffix_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::addColumn<std::optional<QString>>("requested");
        QTest::addColumn<QString>("expected"); // empty: SecurityError
        const QUrl uk("https://example.co.uk/");
        const QUrl ukLogin("https://login.example.co.uk/");
        const QUrl pages("https://someone.github.io/");
        const QUrl idn("https://login.example.\u516c\u53f8.cn/");
        QTest::newRow("icann: co.uk") << uk << std::optional<QString>("co.uk") << "";
        QTest::newRow("icann: uk") << uk << std::optional<QString>("uk") << "";
        QTest::newRow("icann: registrable domain itself")
            << uk << std::optional<QString>("example.co.uk") << "example.co.uk";
        QTest::newRow("icann: registrable suffix")
            << ukLogin << std::optional<QString>("example.co.uk") << "example.co.uk";
        QTest::newRow("icann: co.uk from a subdomain")
            << ukLogin << std::optional<QString>("co.uk") << "";
        QTest::newRow("icann: uppercase folds")
            << ukLogin << std::optional<QString>("Example.CO.UK") << "example.co.uk";
        QTest::newRow("private: github.io") << pages << std::optional<QString>("github.io") << "";
        QTest::newRow("private: the site itself")
            << pages << std::optional<QString>("someone.github.io") << "someone.github.io";
        QTest::newRow("private: registrable suffix")
            << QUrl("https://docs.someone.github.io/")
            << std::optional<QString>("someone.github.io") << "someone.github.io";
        QTest::newRow("private: github.io from a subdomain")
            << QUrl("https://docs.someone.github.io/") << std::optional<QString>("github.io") << "";
        QTest::newRow("idn: public suffix in unicode")
            << idn << std::optional<QString>("\u516c\u53f8.cn") << "";
        QTest::newRow("idn: public suffix in ace")
            << idn << std::optional<QString>("xn--55qx5d.cn") << "";
        QTest::newRow("idn: registrable suffix in unicode, uppercase")
            << idn << std::optional<QString>("EXAMPLE.\u516c\u53f8.cn") << "example.xn--55qx5d.cn";
        QTest::newRow("wildcard: *.ck")
            << QUrl("https://login.site.foo.ck/") << std::optional<QString>("foo.ck") << "";
        QTest::newRow("wildcard: registrable under *.ck")
            << QUrl("https://login.site.foo.ck/") << std::optional<QString>("site.foo.ck")
            << "site.foo.ck";
        QTest::newRow("wildcard exception: www.ck")
            << QUrl("https://login.www.ck/") << std::optional<QString>("www.ck") << "www.ck";
        QTest::newRow("unlisted tld")
            << QUrl("https://login.example.notatld/") << std::optional<QString>("notatld") << "";
        QTest::newRow("unlisted tld: registrable suffix")
            << QUrl("https://login.example.notatld/") << std::optional<QString>("example.notatld")
            << "example.notatld";
    }

    void rpIdMustNotBeAPublicSuffix() { rpIdMustFitTheOrigin(); }

    void rpIdMustFitTheOrigin()
    {
        QFETCH(QUrl, page);
        QFETCH(std::optional<QString>, requested);
        QFETCH(QString, expected);
        const auto rpId = relyingPartyId(requested, page);
        if (expected.isEmpty()) {
            QVERIFY(!rpId.ok());
            QCOMPARE(rpId.error().name, DomErrorName::SecurityError);
        } else {
            QVERIFY2(rpId.ok(), qPrintable(rpId.ok() ? QString() : rpId.error().message));
            QCOMPARE(*rpId, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestOrigin)
#include "test_origin.moc"
