#include "authenticator/origin.h"

#include <QStringList>

namespace latchkey::authenticator {
namespace {

constexpr int kHttpPort = 80;
constexpr int kHttpsPort = 443;

ClientError securityError(const QString& message)
{
    return clientError(DomErrorName::SecurityError, message);
}

bool isNumberLabel(const QString& label)
{
    if (label.isEmpty())
        return false;
    bool ok = false;
    if (label.startsWith(QLatin1String("0x")))
        label.mid(2).toULongLong(&ok, 16);
    else
        label.toULongLong(&ok, 10);
    return ok || label == QLatin1String("0x");
}

// An IPv6 literal, or a host the URL standard would parse as IPv4 (its last label is a number).
bool isIpAddress(const QString& host)
{
    if (host.contains(QLatin1Char(':')) || host.startsWith(QLatin1Char('[')))
        return true;
    QStringList labels = host.split(QLatin1Char('.'));
    if (labels.size() > 1 && labels.last().isEmpty())
        labels.removeLast();
    return isNumberLabel(labels.last());
}

QString asciiHost(const QUrl& url)
{
    return url.host(QUrl::FullyEncoded).toLower();
}

// An RP ID written as a domain: ACE form, lowercase; empty when it is not a domain at all.
QString canonicalDomain(const QString& domain)
{
    if (domain.isEmpty() || domain.contains(QLatin1Char('/')) || domain.contains(QLatin1Char(':')))
        return {};
    return QString::fromLatin1(QUrl::toAce(domain)).toLower();
}

} // namespace

ClientResult<QString> secureOrigin(const QUrl& pageUrl)
{
    if (!pageUrl.isValid() || pageUrl.host().isEmpty())
        return securityError(QStringLiteral("The page has no web origin; passkeys need one."));
    const QString scheme = pageUrl.scheme().toLower();
    const QString host = asciiHost(pageUrl);
    if (isIpAddress(host))
        return securityError(QStringLiteral("The page was opened by IP address (%1); passkeys need "
                                            "a domain name, e.g. http://localhost:<port>.")
                                 .arg(host));
    if (scheme == QLatin1String("http") && host != QLatin1String("localhost"))
        return securityError(QStringLiteral("Plain http is only trusted for localhost; %1 is not "
                                            "a secure context.")
                                 .arg(host));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return securityError(
            QStringLiteral("Pages from %1: URLs cannot use passkeys.").arg(scheme));
    const int defaultPort = scheme == QLatin1String("https") ? kHttpsPort : kHttpPort;
    const int port = pageUrl.port(defaultPort);
    QString origin = scheme + QStringLiteral("://") + host;
    if (port != defaultPort)
        origin += QLatin1Char(':') + QString::number(port);
    return origin;
}

ClientResult<QString> relyingPartyId(const std::optional<QString>& requested, const QUrl& pageUrl)
{
    const QString host = asciiHost(pageUrl);
    if (!requested)
        return host;
    const QString rpId = canonicalDomain(*requested);
    if (rpId.isEmpty() || isIpAddress(rpId))
        return securityError(
            QStringLiteral("The relying party id \"%1\" is not a domain name.").arg(*requested));
    if (rpId == host)
        return rpId;
    const bool suffix = host.endsWith(QLatin1Char('.') + rpId) && rpId.contains(QLatin1Char('.')) &&
                        host != QLatin1String("localhost");
    if (!suffix)
        return securityError(QStringLiteral("The relying party id \"%1\" does not belong to the "
                                            "page's host %2.")
                                 .arg(rpId, host));
    return rpId;
}

} // namespace latchkey::authenticator
