#include "core/base64url.h"

#include <QTest>

using namespace latchkey::core;

class TestBase64Url : public QObject {
    Q_OBJECT

private slots:
    void acceptsEncodings_data();
    void acceptsEncodings();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void encodesWithoutPadding_data();
    void encodesWithoutPadding();
    void roundTripsEveryLength();
    void decodesQStringInput();
};

void TestBase64Url::acceptsEncodings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("unpadded") << QByteArray("Zm9vYg") << QByteArray("foob");
    QTest::newRow("padded two") << QByteArray("Zm9vYg==") << QByteArray("foob");
    QTest::newRow("padded one") << QByteArray("Zm9vYmE=") << QByteArray("fooba");
    QTest::newRow("full group") << QByteArray("Zm9vYmFy") << QByteArray("foobar");
    QTest::newRow("url alphabet") << QByteArray("-_8") << QByteArray("\xfb\xff");
    QTest::newRow("standard alphabet") << QByteArray("+/8=") << QByteArray("\xfb\xff");
}

void TestBase64Url::acceptsEncodings()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, bytes);
    auto decoded = decodeBase64Url(QByteArrayView(text));
    QVERIFY2(decoded.ok(), text.constData());
    QCOMPARE(*decoded, bytes);
}

void TestBase64Url::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("space") << QByteArray("Zm9v Yg");
    QTest::newRow("newline") << QByteArray("Zm9vYg\n");
    QTest::newRow("bad character") << QByteArray("Zm9v*g");
    QTest::newRow("lone character") << QByteArray("Zm9vY");
    QTest::newRow("padding in middle") << QByteArray("Zm=9vYg");
    QTest::newRow("too much padding") << QByteArray("Zm9vYg===");
    QTest::newRow("padding not completing group") << QByteArray("Zm9vYg=");
    QTest::newRow("padding after full group") << QByteArray("Zm9v====");
    QTest::newRow("wrong padding count") << QByteArray("Zm9vYmE==");
    QTest::newRow("mixed alphabets") << QByteArray("-+ab");
    QTest::newRow("only padding") << QByteArray("==");
    QTest::newRow("non-ascii") << QByteArray("Zm9v\xc3\xa9");
}

void TestBase64Url::rejectsMalformed()
{
    QFETCH(QByteArray, text);
    auto decoded = decodeBase64Url(QByteArrayView(text));
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.error().startsWith(QStringLiteral("The value is not valid base64url: ")));
}

void TestBase64Url::encodesWithoutPadding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("one") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("two") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("three") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("url characters") << QByteArray("\xfb\xff") << QByteArray("-_8");
}

void TestBase64Url::encodesWithoutPadding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, text);
    QCOMPARE(encodeBase64Url(bytes), text);
}

void TestBase64Url::roundTripsEveryLength()
{
    QByteArray bytes;
    for (int i = 0; i < 300; ++i) {
        const QByteArray text = encodeBase64Url(bytes);
        QCOMPARE(text,
                 bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        auto decoded = decodeBase64Url(QByteArrayView(text));
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded, bytes);
        bytes.append(static_cast<char>(i * 37 + 11));
    }
}

void TestBase64Url::decodesQStringInput()
{
    auto decoded = decodeBase64Url(QStringView(u"Zm9vYmFy"));
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, QByteArray("foobar"));
    QVERIFY(!decodeBase64Url(QStringView(u"Zm9v\u00e9")).ok());
}

QTEST_APPLESS_MAIN(TestBase64Url)
#include "test_base64url.moc"
