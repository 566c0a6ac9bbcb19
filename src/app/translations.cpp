#include "app/translations.h"

#include <QCoreApplication>
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

void installTranslations(QCoreApplication& application)
{
    installIfFound(application, QStringLiteral("latchkey"), QStringLiteral(":/i18n"));
    // Qt's own strings (standard dialogs, WebEngine context menus), when installed.
    installIfFound(application, QStringLiteral("qt"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace latchkey::app
