#pragma once

#include <QUrl>

namespace latchkey::app {

// True when both URLs have the same scheme, host and port (default ports filled in), i.e.
// the same web origin. The secret header goes only to the handler's own origin.
bool isSameOrigin(const QUrl& a, const QUrl& b);

// What the window does with a navigation to a URL.
enum class NavigationDecision {
    Stay,           // the handler's own page: load it in the window
    OpenExternally, // an ordinary web or mail link: hand it to the system browser
    Block,          // anything else (file:, javascript:, custom schemes): refuse
};

NavigationDecision decideNavigation(const QUrl& ownOrigin, const QUrl& target);

} // namespace latchkey::app
