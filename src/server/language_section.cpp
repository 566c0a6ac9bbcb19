#include "server/language_section.h"

#include "server/form_body.h"

#include <QCoreApplication>
#include <QLocale>

namespace latchkey::server {

namespace {

std::string s(const QString& value)
{
    return value.toStdString();
}

TemplateData sectionStrings()
{
    TemplateData t;
    t.set("heading",
          s(QCoreApplication::translate("latchkey::server::LanguageSection", "Language")));
    t.set("lead", s(QCoreApplication::translate(
                      "latchkey::server::LanguageSection",
                      "The language of Latchkey's window and pages, for every profile on this "
                      "computer. It changes the next time Latchkey starts.")));
    t.set("legend",
          s(QCoreApplication::translate("latchkey::server::LanguageSection", "Show Latchkey in")));
    t.set("save",
          s(QCoreApplication::translate("latchkey::server::LanguageSection", "Save language")));
    return t;
}

// The system's language as the person would name it: "System language (Deutsch)".
QString systemChoiceLabel()
{
    // The C locale (no LANG) is English, which is what Latchkey then shows.
    const QLocale locale = QLocale::system();
    const QString system = locale.language() == QLocale::C
                               ? QStringLiteral("en")
                               : locale.name().section(QLatin1Char('_'), 0, 0);
    return QCoreApplication::translate("latchkey::server::LanguageSection",
                                       "The system's language (%1)")
        .arg(LanguageSetting::nativeName(system));
}

} // namespace

QByteArray LanguageSection::render(PageRenderer& renderer, const QString& error) const
{
    const QString chosen = m_setting.chosen();
    TemplateData choices{TemplateData::type::list};
    TemplateData system;
    system.set("code", std::string());
    system.set("id", std::string("language-system"));
    system.set("name", s(systemChoiceLabel()));
    system.set("checked", chosen.isEmpty());
    choices.push_back(system);
    for (const QString& code : m_setting.languages()) {
        TemplateData choice;
        choice.set("code", s(code));
        choice.set("id", s(QStringLiteral("language-") + code));
        // Each language in its own words, marked as such for screen readers.
        choice.set("name", s(LanguageSetting::nativeName(code)));
        choice.set("lang", s(code));
        choice.set("checked", chosen == code);
        choices.push_back(choice);
    }
    TemplateData data;
    data.set("lt", sectionStrings());
    data.set("choices", choices);
    data.set("invalid", !error.isEmpty());
    data.set("error", s(error));
    return renderer.renderFragment(QStringLiteral("settings_language"), data);
}

ApiResult<Toast> LanguageSection::save(const HttpRequest& request)
{
    const auto fields = parseFormBody(request);
    if (!fields)
        return ApiError{fields.error().status, QStringLiteral("bad_form"), fields.error().message};
    if (!fields->contains(QStringLiteral("language")))
        return ApiError{
            400, QStringLiteral("missing_fields"),
            QCoreApplication::translate("latchkey::server::LanguageSection", "Choose a language.")};
    const QString code = fields->value(QStringLiteral("language"));
    const bool known = code.isEmpty() || m_setting.languages().contains(code);
    if (!m_setting.choose(code))
        return ApiError{known ? 500 : 400,
                        known ? QStringLiteral("settings_not_written")
                              : QStringLiteral("unknown_language"),
                        m_setting.errorString()};
    const QString name = code.isEmpty() ? systemChoiceLabel() : LanguageSetting::nativeName(code);
    return Toast{Toast::Kind::Success,
                 QCoreApplication::translate("latchkey::server::LanguageSection", "Language saved"),
                 QCoreApplication::translate("latchkey::server::LanguageSection",
                                             "Latchkey will be in %1 from its next start.")
                     .arg(name)};
}

} // namespace latchkey::server
