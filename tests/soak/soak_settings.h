#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace latchkey::soak {

// A whole-number setting from the environment (the benchmark command's long runs set them),
// or fallback when it is unset or not a positive number.
inline int settingFromEnvironment(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace latchkey::soak

namespace latchkey::soak {

// QtTest ends a test function after 5 minutes (QTEST_FUNCTION_TIMEOUT); a long run of the
// benchmark command gets the time it needs. Called in main(), before QTest::qExec() reads it.
inline void allowTestFunctionSeconds(qint64 seconds)
{
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(seconds * 1000));
}

} // namespace latchkey::soak
