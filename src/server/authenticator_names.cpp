#include "server/authenticator_names.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QUuid>

namespace latchkey::server {

QString authenticatorName(const QByteArray& aaguid)
{
    if (aaguid.size() != 16)
        return {};
    const QString uuid = QUuid::fromRfc4122(aaguid).toString(QUuid::WithoutBraces);
    // Latchkey's own: one AAGUID per key store, so the profile says where each key is kept.
    if (uuid == QLatin1String("d6843ecc-a929-41df-a698-40df8f209f70"))
        return QCoreApplication::translate("latchkey::server::Pages",
                                           "Latchkey on this computer, software key store");
    if (uuid == QLatin1String("e05b567d-0914-438f-b525-f5479694837a"))
        return QCoreApplication::translate("latchkey::server::Pages",
                                           "Latchkey on this computer, key in the TPM");
    if (uuid == QLatin1String("f2516e14-7106-4e95-aea2-7b2ed4465d75"))
        return QCoreApplication::translate("latchkey::server::Pages",
                                           "Latchkey on this Mac, key in the Secure Enclave");
    if (uuid == QLatin1String("01020304-0506-0708-0102-030405060708"))
        return QCoreApplication::translate("latchkey::server::Pages",
                                           "Chromium virtual authenticator");
    if (uuid == QLatin1String("08987058-cadc-4b81-b6e1-30de50dcbe96"))
        return QStringLiteral("Windows Hello");
    if (uuid == QLatin1String("adce0002-35bc-c60a-648b-0b25f1f05503"))
        return QStringLiteral("Chrome on Mac");
    if (uuid == QLatin1String("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4"))
        return QStringLiteral("Google Password Manager");
    if (uuid == QLatin1String("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"))
        return QStringLiteral("iCloud Keychain");
    return {};
}

QString defaultNickname(const QByteArray& aaguid, const QString& attachment)
{
    const QString known = authenticatorName(aaguid);
    if (!known.isEmpty())
        return known;
    if (attachment == QLatin1String("platform"))
        return QCoreApplication::translate("latchkey::server::Pages", "Passkey on %1")
            .arg(QHostInfo::localHostName());
    return QCoreApplication::translate("latchkey::server::Pages", "Passkey");
}

} // namespace latchkey::server
