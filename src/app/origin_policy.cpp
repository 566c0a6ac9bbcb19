#include "app/origin_policy.h"

namespace latchkey::app {

namespace {

int defaultPort(const QString& scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    return -1;
}

} // namespace

bool isSameOrigin(const QUrl& a, const QUrl& b)
{
    if (!a.isValid() || !b.isValid() || a.host().isEmpty())
        return false;
    // QUrl lower-cases scheme and host when parsing, so plain comparison is enough.
    const QString scheme = a.scheme();
    return scheme == b.scheme() && a.host() == b.host() &&
           a.port(defaultPort(scheme)) == b.port(defaultPort(scheme));
}

NavigationDecision decideNavigation(const QUrl& ownOrigin, const QUrl& target)
{
    if (isSameOrigin(ownOrigin, target))
        return NavigationDecision::Stay;
    // WebEngine loads about:blank into a fresh view; it is not a navigation away.
    if (target == QUrl(QStringLiteral("about:blank")))
        return NavigationDecision::Stay;
    const QString scheme = target.scheme();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto"))
        return NavigationDecision::OpenExternally;
    return NavigationDecision::Block;
}

} // namespace latchkey::app
