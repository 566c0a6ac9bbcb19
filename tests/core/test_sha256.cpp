#include "core/sha256.h"

#include <QTest>

using namespace latchkey::core;

class TestSha256 : public QObject {
    Q_OBJECT

private slots:
    void matchesFips180Vectors_data();
    void matchesFips180Vectors();
};

void TestSha256::matchesFips180Vectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digestHex");
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
                                         "7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
                                       "f20015ad");
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestSha256::matchesFips180Vectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digestHex);
    const QByteArray digest = sha256(input);
    QCOMPARE(digest.size(), kSha256Length);
    QCOMPARE(digest.toHex(), digestHex);
}

QTEST_APPLESS_MAIN(TestSha256)
#include "test_sha256.moc"
