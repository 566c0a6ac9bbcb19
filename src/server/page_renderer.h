#pragma once

#include "server/server_context.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <kainjow/mustache.hpp>
#include <memory>
#include <string>

namespace latchkey::server {

using TemplateData = kainjow::mustache::data;

// A notification shown at the top of the page; errors are announced assertively.
struct Toast {
    enum class Kind { Success, Warning, Error };
    Kind kind = Kind::Success;
    QString title;
    QString message;
};

// What the base layout needs besides the page's own body.
struct PageContext {
    QString title;
    QString activeNav; // "home", "register", "signin", "profile" or empty
    bool signedIn = false;
    QList<Toast> toasts;
};

// Renders the pages from the mustache templates in qrc (:/latchkey/templates). Values are
// HTML-escaped by the template engine; only rendered page bodies go in unescaped. Every
// template names this server's paths as {{root}}/..., root being the server's path prefix.
class PageRenderer {
public:
    explicit PageRenderer(const ServerContext& context) : m_context(context) {}
    // No verifier on this computer checks who the person is (the app said so): the passkey
    // steps say that a passkey is then confirmed by a click alone, and what to install.
    // Templates read it as {{#presenceOnly}}.
    void setPresenceOnly(bool presenceOnly) { m_presenceOnly = presenceOnly; }

    // The page's body template rendered inside the base layout.
    QByteArray renderPage(const QString& name, TemplateData data, const PageContext& context);
    // A template on its own (e.g. a fragment sent in a JSON answer).
    QByteArray renderFragment(const QString& name, TemplateData data);

    static std::string toStd(const QString& value) { return value.toStdString(); }
    static TemplateData toastData(const Toast& toast);

private:
    const std::string& templateText(const QString& name);
    // The template parsed once (parsing was most of a page's cost: bench/README.md).
    kainjow::mustache::mustache& compiled(const QString& name);
    TemplateData layoutData(const PageContext& context) const;
    const ServerContext& m_context;
    QHash<QString, std::string> m_templates;
    QHash<QString, std::shared_ptr<kainjow::mustache::mustache>> m_compiled;
    bool m_presenceOnly = false;
};

// The translated strings every template reads as {{t.<key>}}, in the current language.
const TemplateData& pageStrings();

// The language of the pages for <html lang>, given by the translation itself ("de", "fr");
// "en" without one, or when a translation gives something that is not a language tag.
QString pageLanguage();

} // namespace latchkey::server
