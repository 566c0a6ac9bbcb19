#include "authenticator/client_data_json.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace latchkey::authenticator;

// WebAuthn L3 §5.8.1.2: the limited serialization of CollectedClientData.
class TestClientDataJson : public QObject {
    Q_OBJECT

private slots:
    void membersComeInSpecOrderWithCrossOriginFalse()
    {
        const QByteArray json =
            clientDataJson(QStringLiteral("webauthn.create"), QByteArray::fromHex("00ff10"),
                           QStringLiteral("http://localhost:8080"));
        QCOMPARE(json, QByteArray("{\"type\":\"webauthn.create\",\"challenge\":\"AP8Q\","
                                  "\"origin\":\"http://localhost:8080\",\"crossOrigin\":false}"));
    }

    void challengeIsBase64UrlWithoutPadding()
    {
        const QByteArray json =
            clientDataJson(QStringLiteral("webauthn.get"), QByteArray::fromHex("fbff"),
                           QStringLiteral("https://example.com"));
        const QJsonObject parsed = QJsonDocument::fromJson(json).object();
        QCOMPARE(parsed["challenge"].toString(), QStringLiteral("-_8"));
        QCOMPARE(parsed["type"].toString(), QStringLiteral("webauthn.get"));
    }

    void ccdToStringEscapesOnlyQuoteBackslashAndControls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QByteArray("\"a\\\"b\"");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArray("\"a\\\\b\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\\u000ab\"");
        QTest::newRow("unit separator") << QString(QChar(0x1f)) << QByteArray("\"\\u001f\"");
        QTest::newRow("slash kept") << QStringLiteral("a/b") << QByteArray("\"a/b\"");
        QTest::newRow("delete kept") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
        QTest::newRow("non-ascii as utf-8")
            << QStringLiteral("\u00e9\U0001F511") << QByteArray("\"\xc3\xa9\xf0\x9f\x94\x91\"");
    }

    void ccdToStringEscapesOnlyQuoteBackslashAndControls()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(ccdToString(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestClientDataJson)
#include "test_client_data_json.moc"
