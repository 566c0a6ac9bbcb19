#include "app/translations.h"

#include "app/data_folder.h"
#include "server/language_setting.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace latchkey::app {

namespace {

void installIfFound(QCoreApplication& application, const QString& name, const QString& folder)
{
    auto* translator = new QTranslator(&application);
    if (translator->load(QLocale(), name, QStringLiteral("_"), folder))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages;
    const QStringList catalogues =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("latchkey_*.qm")}, QDir::Files);
    for (const QString& file : catalogues) {
        // latchkey_pt_BR.qm -> pt-BR
        QString code = file.mid(int(qstrlen("latchkey_")));
        code.chop(int(qstrlen(".qm")));
        languages << code.replace(QLatin1Char('_'), QLatin1Char('-'));
    }
    return languages;
}

QString chosenLanguage(const QString& requestedDataDir)
{
    return server::LanguageSetting(appSettingsFile(requestedDataDir), availableLanguages())
        .chosen();
}

void installTranslations(QCoreApplication& application, const QString& language)
{
    if (!language.isEmpty())
        QLocale::setDefault(QLocale(language));
    installIfFound(application, QStringLiteral("latchkey"), QStringLiteral(":/i18n"));
    // Qt's own strings (standard dialogs, WebEngine context menus), when installed.
    installIfFound(application, QStringLiteral("qt"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace latchkey::app
