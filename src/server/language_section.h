#pragma once

#include "server/api_answers.h"
#include "server/http_message.h"
#include "server/language_setting.h"
#include "server/page_renderer.h"

namespace latchkey::server {

// The settings page's language section (settings_language.mustache) and its form, sent to
// POST /settings/language. The choice is kept by LanguageSetting; Latchkey installs its
// translation once, before the window opens, so the pages and the window change language at
// the next start (the page says so).
class LanguageSection {
public:
    explicit LanguageSection(LanguageSetting& setting) : m_setting(setting) {}

    // The section rendered: the system's language and every catalogue, the stored choice
    // checked; error: a sentence shown at the field (the last form's failure).
    QByteArray render(PageRenderer& renderer, const QString& error = {}) const;
    // Reads the form's "language" and stores it: the toast that says so, or why nothing was
    // stored (400 for a language Latchkey has no translation into, 500 when the settings file
    // cannot be written).
    ApiResult<Toast> save(const HttpRequest& request);

private:
    LanguageSetting& m_setting;
};

} // namespace latchkey::server
