#include "authenticator/failure_backoff.h"

#include <algorithm>

namespace latchkey::authenticator {

std::chrono::milliseconds FailureBackoff::delayAfter(int failuresInARow)
{
    if (failuresInARow <= 0)
        return std::chrono::milliseconds(0);
    // 2^15 s is already far past the cap; the shift stays defined for any count.
    const int exponent = std::min(failuresInARow - 1, 15);
    return std::min(std::chrono::milliseconds(1000LL << exponent), kMaxDelay);
}

std::chrono::milliseconds FailureBackoff::remaining(Clock::time_point now) const
{
    if (now >= m_notBefore)
        return std::chrono::milliseconds(0);
    return std::chrono::ceil<std::chrono::milliseconds>(m_notBefore - now);
}

void FailureBackoff::recordFailure(Clock::time_point now)
{
    ++m_failures;
    m_notBefore = now + delayAfter(m_failures);
}

void FailureBackoff::recordSuccess()
{
    m_failures = 0;
    m_notBefore = Clock::time_point{};
}

} // namespace latchkey::authenticator
