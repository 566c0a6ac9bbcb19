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
