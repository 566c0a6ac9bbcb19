#pragma once

#include "server/http_message.h"
#include "server/language_section.h"
#include "server/page_renderer.h"
#include "server/pages.h"
#include "server/sessions.h"

namespace latchkey::server {

// The settings page (/settings): one section per topic, each its own template
// (settings_<topic>.mustache). The language section is the app's, not a profile's, so the
// page opens signed in or not.
class SettingsPage {
public:
    SettingsPage(const ServerContext& context, Sessions& sessions, Pages& pages,
                 LanguageSection& language);

    HttpResponse show(const HttpRequest& request);
    // POST /settings/language: the page again with the outcome (a toast, or the error at the
    // field and nothing stored); JSON for a script.
    HttpResponse saveLanguage(const HttpRequest& request);

private:
    HttpResponse page(const HttpRequest& request, int status, const QList<Toast>& toasts,
                      const QString& languageError = {});

    Sessions& m_sessions;
    Pages& m_pages;
    LanguageSection& m_language;
    PageRenderer m_renderer;
};

} // namespace latchkey::server
