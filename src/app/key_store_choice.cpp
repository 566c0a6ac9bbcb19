#include "app/key_store_choice.h"

#include "authenticator/tpm/tpm_device.h"

#include <QFile>
#include <unistd.h>

namespace latchkey::app {

TpmChoice chooseTpm(const QString& requestedTcti, const QString& environmentTcti,
                    bool defaultDeviceUsable)
{
    if (!requestedTcti.isEmpty())
        return {true, requestedTcti, true};
    if (!environmentTcti.isEmpty())
        return {true, environmentTcti, true};
    if (defaultDeviceUsable)
        return {true, authenticator::kDefaultTpmTcti, false};
    return {};
}

bool defaultTpmDeviceUsable()
{
    const QString device = authenticator::kDefaultTpmTcti.section(QLatin1Char(':'), 1);
    return ::access(QFile::encodeName(device).constData(), R_OK | W_OK) == 0;
}

TpmChoice chooseTpmHere(const QString& requestedTcti)
{
    return chooseTpm(requestedTcti, qEnvironmentVariable("LATCHKEY_TPM_TCTI"),
                     defaultTpmDeviceUsable());
}

} // namespace latchkey::app
