#include "core/constant_time.h"

#include <QTest>

using namespace latchkey::core;

class TestConstantTime : public QObject {
    Q_OBJECT

private slots:
    void equalBytesAreEqual();
    void anyDifferingByteIsUnequal();
    void differentLengthsAreUnequal();
};

void TestConstantTime::equalBytesAreEqual()
{
    QVERIFY(constantTimeEquals(QByteArray("secret"), QByteArray("secret")));
    QVERIFY(constantTimeEquals(QByteArray(), QByteArray()));
}

void TestConstantTime::anyDifferingByteIsUnequal()
{
    const QByteArray value(32, 'a');
    for (qsizetype i = 0; i < value.size(); ++i) {
        QByteArray other = value;
        other[i] = 'b';
        QVERIFY2(!constantTimeEquals(value, other), qPrintable(QString::number(i)));
    }
}

void TestConstantTime::differentLengthsAreUnequal()
{
    QVERIFY(!constantTimeEquals(QByteArray("secret"), QByteArray("secre")));
    QVERIFY(!constantTimeEquals(QByteArray("secret"), QByteArray()));
}

QTEST_APPLESS_MAIN(TestConstantTime)
#include "test_constant_time.moc"
