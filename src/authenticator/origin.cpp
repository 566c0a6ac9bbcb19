#include "authenticator/origin.h"

#include <QCoreApplication>
#include <QStringList>
#include <libpsl.h>
#include <memory>

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

// The newer of libpsl's built-in Public Suffix List and the system's copy (Debian's
// publicsuffix package, updated with the system). Loaded once; lookups only read it.
const psl_ctx_t* publicSuffixList()
{
    static const std::unique_ptr<psl_ctx_t, decltype(&psl_free)> latest(psl_latest(nullptr),
                                                                        psl_free);
    return latest ? latest.get() : psl_builtin();
}

// HTML's "is a registrable domain suffix of or is equal to", for a suffix already known to end
// host after a dot: the suffix must not be a public suffix (co.uk, github.io, and any unknown
// TLD by the list's implicit "*" rule), nor end inside the host's public suffix, so it must end
// with the host's registrable domain (example.co.uk for login.example.co.uk).
bool isRegistrableSuffix(const QString& suffix, const QString& host)
{
    const psl_ctx_t* list = publicSuffixList();
    if (!list)
        return false; // no list on this computer: only the host itself fits
    const QByteArray suffixBytes = suffix.toUtf8();
    const QByteArray hostBytes = host.toUtf8();
    if (psl_is_public_suffix2(list, suffixBytes.constData(), PSL_TYPE_ANY))
        return false;
    const char* registrable = psl_registrable_domain(list, hostBytes.constData());
    if (!registrable)
        return false;
    const QString domain = QString::fromUtf8(registrable);
    return suffix == domain || suffix.endsWith(QLatin1Char('.') + domain);
}

} // namespace

ClientResult<QString> secureOrigin(const QUrl& pageUrl)
{
    if (!pageUrl.isValid() || pageUrl.host().isEmpty())
        return securityError(QCoreApplication::translate(
            "latchkey::authenticator::Origin", "The page has no web origin; passkeys need one."));
    const QString scheme = pageUrl.scheme().toLower();
    const QString host = asciiHost(pageUrl);
    if (isIpAddress(host))
        return securityError(
            QCoreApplication::translate("latchkey::authenticator::Origin",
                                        "The page was opened by IP address (%1); passkeys need "
                                        "a domain name, e.g. http://localhost:<port>.")
                .arg(host));
    if (scheme == QLatin1String("http") && host != QLatin1String("localhost"))
        return securityError(
            QCoreApplication::translate("latchkey::authenticator::Origin",
                                        "Plain http is only trusted for localhost; %1 is not "
                                        "a secure context.")
                .arg(host));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return securityError(QCoreApplication::translate("latchkey::authenticator::Origin",
                                                         "Pages from %1: URLs cannot use passkeys.")
                                 .arg(scheme));
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
            QCoreApplication::translate("latchkey::authenticator::Origin",
                                        "The relying party id \"%1\" is not a domain name.")
                .arg(*requested));
    if (rpId == host)
        return rpId;
    if (!host.endsWith(QLatin1Char('.') + rpId) || host == QLatin1String("localhost"))
        return securityError(
            QCoreApplication::translate("latchkey::authenticator::Origin",
                                        "The relying party id \"%1\" does not belong to the "
                                        "page's host %2.")
                .arg(rpId, host));
    if (!isRegistrableSuffix(rpId, host))
        return securityError(
            QCoreApplication::translate("latchkey::authenticator::Origin",
                                        "The relying party id \"%1\" is a public suffix "
                                        "(anyone can register names under it); use the "
                                        "site's own domain, e.g. %2.")
                .arg(rpId, host));
    return rpId;
}

} // namespace latchkey::authenticator
