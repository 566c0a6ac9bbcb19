#include "server/page_renderer.h"

#include "server/static_assets.h"

#include <QFile>

namespace latchkey::server {

namespace {

struct NavItem {
    const char* key;
    const char* href;
    const char* stringKey;
};

// Pages with a passkey button or form load passkeys.js; the others (home, errors) leave it
// out, so the first page the window shows has one script less to fetch and compile.
bool pageUsesPasskeys(const QString& templateName)
{
    static const QStringList pages = {QStringLiteral("register"), QStringLiteral("register_done"),
                                      QStringLiteral("signin"), QStringLiteral("profile"),
                                      QStringLiteral("recovery")};
    return pages.contains(templateName);
}

// The header's logo goes inline (the same file the favicon link names): an <img> would be one
// more request the first page's load event waits for (bench/startup).
const std::string& brandLogo()
{
    static const std::string svg = [] {
        const std::optional<HttpResponse> logo = staticAsset(QStringLiteral("/static/logo.svg"));
        if (!logo)
            return std::string();
        // HTML puts an inline <svg> in the SVG namespace by itself; the file's xmlns is only
        // needed when it is fetched on its own (the favicon).
        return QByteArray(logo->body)
            .trimmed()
            .replace(" xmlns=\"http://www.w3.org/2000/svg\"", "")
            .toStdString();
    }();
    return svg;
}

TemplateData navList(const PageContext& context, const QString& root)
{
    static const NavItem signedOut[] = {{"home", "/", "navHome"},
                                        {"register", "/register", "navRegister"},
                                        {"signin", "/signin", "navSignIn"},
                                        {"settings", "/settings", "navSettings"}};
    static const NavItem signedIn[] = {{"home", "/", "navHome"},
                                       {"profile", "/profile", "navProfile"},
                                       {"settings", "/settings", "navSettings"}};
    const TemplateData& strings = pageStrings();
    TemplateData list{TemplateData::type::list};
    auto addItems = [&](const auto& items) {
        for (const NavItem& item : items) {
            TemplateData entry;
            entry.set("href", (root + QLatin1String(item.href)).toStdString());
            entry.set("label", *strings.get(item.stringKey));
            entry.set("current", context.activeNav == QLatin1String(item.key));
            list.push_back(entry);
        }
    };
    if (context.signedIn)
        addItems(signedIn);
    else
        addItems(signedOut);
    return list;
}

const char* kindName(Toast::Kind kind)
{
    switch (kind) {
    case Toast::Kind::Success:
        return "success";
    case Toast::Kind::Warning:
        return "warning";
    case Toast::Kind::Error:
        return "error";
    }
    return "error";
}

} // namespace

TemplateData PageRenderer::toastData(const Toast& toast)
{
    TemplateData data;
    data.set("kind", kindName(toast.kind));
    data.set("title", toStd(toast.title));
    data.set("message", toStd(toast.message));
    data.set("isError", toast.kind == Toast::Kind::Error);
    return data;
}

const std::string& PageRenderer::templateText(const QString& name)
{
    auto it = m_templates.find(name);
    if (it == m_templates.end()) {
        QFile file(QStringLiteral(":/latchkey/templates/%1.mustache").arg(name));
        // Templates are compiled into the binary, so a missing one is a build error that
        // renders as an empty body rather than a crash.
        const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        it = m_templates.insert(name, text.toStdString());
    }
    return it.value();
}

kainjow::mustache::mustache& PageRenderer::compiled(const QString& name)
{
    auto it = m_compiled.find(name);
    if (it == m_compiled.end())
        it = m_compiled.insert(name,
                               std::make_shared<kainjow::mustache::mustache>(templateText(name)));
    return **it;
}

TemplateData PageRenderer::layoutData(const PageContext& context) const
{
    TemplateData data;
    data.set("t", pageStrings());
    data.set("lang", toStd(pageLanguage()));
    data.set("brandLogo", brandLogo());
    data.set("title", toStd(context.title));
    data.set("signedIn", context.signedIn);
    data.set("root", toStd(m_context.pathPrefix));
    data.set("hasRoot", !m_context.pathPrefix.isEmpty());
    data.set("nav", navList(context, m_context.pathPrefix));
    TemplateData polite{TemplateData::type::list};
    TemplateData assertive{TemplateData::type::list};
    for (const Toast& toast : context.toasts) {
        if (toast.kind == Toast::Kind::Error)
            assertive.push_back(toastData(toast));
        else
            polite.push_back(toastData(toast));
    }
    data.set("toastsPolite", polite);
    data.set("toastsAssertive", assertive);
    return data;
}

QByteArray PageRenderer::renderFragment(const QString& name, TemplateData data)
{
    data.set("t", pageStrings());
    data.set("presenceOnly", m_presenceOnly);
    data.set("root", toStd(m_context.pathPrefix));
    return QByteArray::fromStdString(compiled(name).render(data));
}

QByteArray PageRenderer::renderPage(const QString& name, TemplateData data,
                                    const PageContext& context)
{
    const QByteArray body = renderFragment(name, std::move(data));
    TemplateData layout = layoutData(context);
    layout.set("passkeys", pageUsesPasskeys(name));
    layout.set("body", body.toStdString());
    layout.set("toast", kainjow::mustache::partial(
                            [text = templateText(QStringLiteral("toast"))] { return text; }));
    return QByteArray::fromStdString(compiled(QStringLiteral("layout")).render(layout));
}

} // namespace latchkey::server
