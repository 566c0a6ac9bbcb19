// FailureBackoff: the wait after failed verifications in a row, on a clock the test moves.

#include "authenticator/failure_backoff.h"

#include <QtTest>

using namespace latchkey::authenticator;
using namespace std::chrono_literals;

class TestFailureBackoff : public QObject {
    Q_OBJECT

private slots:
    void firstAttemptNeverWaits()
    {
        FailureBackoff backoff;
        QCOMPARE(backoff.remaining(FailureBackoff::Clock::now()), 0ms);
    }

    void delayDoublesWithEachFailureInARowUpToTheCap()
    {
        QCOMPARE(FailureBackoff::delayAfter(0), 0ms);
        QCOMPARE(FailureBackoff::delayAfter(1), 1000ms);
        QCOMPARE(FailureBackoff::delayAfter(2), 2000ms);
        QCOMPARE(FailureBackoff::delayAfter(3), 4000ms);
        QCOMPARE(FailureBackoff::delayAfter(6), 30000ms);
        QCOMPARE(FailureBackoff::delayAfter(1000), FailureBackoff::kMaxDelay);
    }

    void remainingCountsDownFromTheLastFailure()
    {
        FailureBackoff backoff;
        const auto start = FailureBackoff::Clock::now();
        backoff.recordFailure(start);
        backoff.recordFailure(start);
        QCOMPARE(backoff.failuresInARow(), 2);
        QCOMPARE(backoff.remaining(start), 2000ms);
        QCOMPARE(backoff.remaining(start + 1500ms), 500ms);
        QCOMPARE(backoff.remaining(start + 2000ms), 0ms);
    }

    void successStartsOver()
    {
        FailureBackoff backoff;
        const auto start = FailureBackoff::Clock::now();
        backoff.recordFailure(start);
        backoff.recordSuccess();
        QCOMPARE(backoff.failuresInARow(), 0);
        QCOMPARE(backoff.remaining(start), 0ms);
        backoff.recordFailure(start);
        QCOMPARE(backoff.remaining(start), 1000ms);
    }
};

QTEST_GUILESS_MAIN(TestFailureBackoff)
#include "test_failure_backoff.moc"
