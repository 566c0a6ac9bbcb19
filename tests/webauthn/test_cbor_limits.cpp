#include "webauthn/cbor_limits.h"

#include <QCborArray>
#include <QCborMap>
#include <QTest>

using namespace latchkey::webauthn;

class TestCborLimits : public QObject {
    Q_OBJECT

private slots:
    void decodesOneItem();
    void reportsWhereTheItemEnds();
    void rejectsTrailingBytes();
    void rejectsTruncatedItem();
    void rejectsEmptyInput();
    void rejectsNestingDeeperThanLimit();
    void acceptsNestingAtLimit();
    void rejectsOversizedContainerHeader();
    void rejectsTooManyItems();
    void rejectsOversizedString();
    void rejectsReservedAdditionalInfo();
};

void TestCborLimits::decodesOneItem()
{
    QCborMap map;
    map.insert(1, 2);
    map.insert(QStringLiteral("a"), QByteArray("xyz"));
    auto value = decodeCborItem(QCborValue(map).toCbor());
    QVERIFY(value.ok());
    QCOMPARE(value->toMap(), map);
}

void TestCborLimits::reportsWhereTheItemEnds()
{
    const QByteArray first = QCborValue(QCborMap{{1, 2}}).toCbor();
    const QByteArray bytes = first + QByteArray("\xa0", 1);
    qsizetype consumed = 0;
    auto value = decodeCborItem(bytes, &consumed);
    QVERIFY(value.ok());
    QCOMPARE(consumed, first.size());
}

void TestCborLimits::rejectsTrailingBytes()
{
    const QByteArray bytes = QCborValue(QCborMap{{1, 2}}).toCbor() + QByteArray("\x00", 1);
    auto value = decodeCborItem(bytes);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborMalformed);
}

void TestCborLimits::rejectsTruncatedItem()
{
    QByteArray bytes = QCborValue(QCborMap{{1, QByteArray(40, 'x')}}).toCbor();
    bytes.chop(5);
    auto value = decodeCborItem(bytes);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborMalformed);
}

void TestCborLimits::rejectsEmptyInput()
{
    QCOMPARE(decodeCborItem(QByteArray()).error().code, ErrorCode::CborMalformed);
}

void TestCborLimits::rejectsNestingDeeperThanLimit()
{
    // 100 nested one-element arrays: 0x81 0x81 ... 0x00
    const QByteArray bytes = QByteArray(100, '\x81') + QByteArray(1, '\0');
    auto value = decodeCborItem(bytes);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborLimitExceeded);
}

void TestCborLimits::acceptsNestingAtLimit()
{
    const QByteArray bytes = QByteArray(16, '\x81') + QByteArray(1, '\0');
    QVERIFY(decodeCborItem(bytes).ok());
}

void TestCborLimits::rejectsOversizedContainerHeader()
{
    // An array header claiming 2^32-1 entries with no data: refused before any allocation.
    const QByteArray bytes("\x9a\xff\xff\xff\xff", 5);
    auto value = decodeCborItem(bytes);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborLimitExceeded);
}

void TestCborLimits::rejectsTooManyItems()
{
    QCborArray outer;
    for (int i = 0; i < 10; ++i) {
        QCborArray inner;
        for (int j = 0; j < 1000; ++j)
            inner.append(j);
        outer.append(inner);
    }
    auto value = decodeCborItem(QCborValue(outer).toCbor());
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborLimitExceeded);
}

void TestCborLimits::rejectsOversizedString()
{
    // A byte string header claiming 2^31 bytes.
    const QByteArray bytes("\x5a\x80\x00\x00\x00", 5);
    auto value = decodeCborItem(bytes);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborLimitExceeded);
}

void TestCborLimits::rejectsReservedAdditionalInfo()
{
    auto value = decodeCborItem(QByteArray("\x1c", 1));
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, ErrorCode::CborMalformed);
}

QTEST_APPLESS_MAIN(TestCborLimits)
#include "test_cbor_limits.moc"
