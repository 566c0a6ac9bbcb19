#include "server/language_setting.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QSettings>

namespace latchkey::server {

namespace {

const QString kKey = QStringLiteral("app/language");

} // namespace

LanguageSetting::LanguageSetting(QString settingsFile, QStringList available)
    : m_file(std::move(settingsFile))
{
    m_languages << QStringLiteral("en");
    for (const QString& code : available) {
        if (!m_languages.contains(code))
            m_languages << code;
    }
}

QString LanguageSetting::chosen() const
{
    if (m_file.isEmpty() || !QFileInfo::exists(m_file))
        return {};
    const QSettings settings(m_file, QSettings::IniFormat);
    const QString stored = settings.value(kKey).toString();
    return m_languages.contains(stored) ? stored : QString();
}

bool LanguageSetting::choose(const QString& code)
{
    m_error.clear();
    if (!code.isEmpty() && !m_languages.contains(code)) {
        m_error = QCoreApplication::translate("latchkey::server::LanguageSetting",
                                              "Latchkey has no translation into \"%1\".")
                      .arg(code);
        return false;
    }
    if (m_file.isEmpty()) {
        m_error = QCoreApplication::translate(
            "latchkey::server::LanguageSetting",
            "This launch of Latchkey has no settings file, so the language cannot be kept.");
        return false;
    }
    QSettings settings(m_file, QSettings::IniFormat);
    if (code.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, code);
    // QSettings writes the whole file to a temporary one and renames it (QSaveFile).
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        m_error =
            QCoreApplication::translate(
                "latchkey::server::LanguageSetting",
                "The settings file %1 could not be written; check its folder's permissions and "
                "free space.")
                .arg(m_file);
        return false;
    }
    return true;
}

QString LanguageSetting::nativeName(const QString& code)
{
    // Qt names a locale with its territory ("español de España", "American English"); the
    // choice is the language itself, so the languages this build ships are named here.
    static const QHash<QString, QString> names{{QStringLiteral("en"), QStringLiteral("English")},
                                               {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                               {QStringLiteral("es"), QStringLiteral("Español")},
                                               {QStringLiteral("fr"), QStringLiteral("Français")}};
    if (const auto known = names.constFind(code); known != names.constEnd())
        return *known;
    const QString name = QLocale(code).nativeLanguageName();
    if (name.isEmpty())
        return code;
    return QLocale(code).toUpper(name.left(1)) + name.mid(1);
}

} // namespace latchkey::server
