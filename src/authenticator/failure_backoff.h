#pragma once

#include <chrono>

namespace latchkey::authenticator {

// Slows down guessing: after n failed verifications in a row, the next attempt waits
// 2^(n-1) s (1, 2, 4, ... capped at kMaxDelay); a success starts over. The time is passed in,
// so a test can walk it without sleeping.
class FailureBackoff {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kMaxDelay{30'000};

    // How long an attempt starting at now must still wait (zero: it may start).
    std::chrono::milliseconds remaining(Clock::time_point now) const;
    void recordFailure(Clock::time_point now);
    void recordSuccess();
    int failuresInARow() const { return m_failures; }

    static std::chrono::milliseconds delayAfter(int failuresInARow);

private:
    int m_failures = 0;
    Clock::time_point m_notBefore{};
};

} // namespace latchkey::authenticator
