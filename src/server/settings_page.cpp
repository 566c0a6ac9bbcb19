#include "server/settings_page.h"

#include "server/store_failure.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace latchkey::server {

SettingsPage::SettingsPage(const ServerContext& context, Sessions& sessions, Pages& pages,
                           LanguageSection& language)
    : m_sessions(sessions), m_pages(pages), m_language(language), m_renderer(context)
{}

HttpResponse SettingsPage::show(const HttpRequest& request)
{
    return page(request, 200, {});
}

HttpResponse SettingsPage::saveLanguage(const HttpRequest& request)
{
    const auto saved = m_language.save(request);
    if (request.wantsJson()) {
        if (!saved)
            return apiErrorResponse(saved.error(), QString());
        return jsonResponse(200, QJsonObject{{QStringLiteral("ok"), true},
                                             {QStringLiteral("title"), saved->title},
                                             {QStringLiteral("message"), saved->message}});
    }
    if (!saved)
        return page(
            request, saved.error().status,
            {{Toast::Kind::Error,
              QCoreApplication::translate("latchkey::server::SettingsPage", "Language not saved"),
              saved.error().message}},
            saved.error().message);
    return page(request, 200, {*saved});
}

HttpResponse SettingsPage::page(const HttpRequest& request, int status, const QList<Toast>& toasts,
                                const QString& languageError)
{
    const auto current = m_sessions.current(request);
    if (!current)
        return m_pages.error(request, readFailure(current.error()));
    const bool signedIn =
        current->state == SessionState::SignedIn || current->state == SessionState::Enrolling;
    TemplateData sections{TemplateData::type::list};
    TemplateData language;
    language.set("html", m_language.render(m_renderer, languageError).toStdString());
    sections.push_back(language);
    TemplateData data;
    data.set(
        "heading",
        QCoreApplication::translate("latchkey::server::SettingsPage", "Settings").toStdString());
    data.set("sections", sections);
    const PageContext context{
        QCoreApplication::translate("latchkey::server::SettingsPage", "Settings"),
        QStringLiteral("settings"), signedIn, toasts};
    return HttpResponse::html(status,
                              m_renderer.renderPage(QStringLiteral("settings"), data, context));
}

} // namespace latchkey::server
