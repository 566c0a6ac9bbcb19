#include "core/base64url.h"
#include "core/ids.h"

#include <QTest>

using namespace latchkey::core;

class TestChallenge : public QObject {
    Q_OBJECT

private slots:
    void randomHasTheLengthAskedFor();
    void randomRefusesFewerThanSixteenBytes();
    void twoRandomChallengesDiffer();
    void matchesOnlyItsOwnBytes();
    void emptyChallengeMatchesNothing();
    void showsAsBase64Url();
};

void TestChallenge::randomHasTheLengthAskedFor()
{
    QCOMPARE(Challenge::random()->bytes().size(), Challenge::kDefaultLength);
    QCOMPARE(Challenge::random(16)->bytes().size(), 16);
}

void TestChallenge::randomRefusesFewerThanSixteenBytes()
{
    QVERIFY(!Challenge::random(15));
    QVERIFY(!Challenge::random(0));
}

void TestChallenge::twoRandomChallengesDiffer()
{
    QVERIFY(Challenge::random()->bytes() != Challenge::random()->bytes());
}

void TestChallenge::matchesOnlyItsOwnBytes()
{
    const Challenge challenge(QByteArray(32, 'c'));
    QVERIFY(challenge.matches(QByteArray(32, 'c')));
    QByteArray other(32, 'c');
    other[31] = 'd';
    QVERIFY(!challenge.matches(other));
    QVERIFY(!challenge.matches(QByteArray(31, 'c')));
}

void TestChallenge::emptyChallengeMatchesNothing()
{
    QVERIFY(!Challenge().matches(QByteArray()));
}

void TestChallenge::showsAsBase64Url()
{
    const Challenge challenge(QByteArray("\xfb\xff\x00", 3));
    QCOMPARE(challenge.toBase64Url(), QStringLiteral("-_8A"));
    QCOMPARE(*decodeBase64Url(QStringView(challenge.toBase64Url())), challenge.bytes());
}

QTEST_APPLESS_MAIN(TestChallenge)
#include "test_challenge.moc"
