#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace latchkey::app {

// The languages this build has a catalogue for (BCP 47: "de", "es", "fr"), from the .qm files
// compiled into the binary under :/i18n. English is the source language and needs none.
QStringList availableLanguages();

// The language chosen on the settings page for this data folder's launches (the app's
// settings file, server::LanguageSetting), or empty: follow the system locale.
QString chosenLanguage(const QString& requestedDataDir);

// Installs the translation of the native UI and the pages: for language when it is given
// (and makes it the default locale, so dates and numbers follow), otherwise for the system's
// languages, when this build has one.
void installTranslations(QCoreApplication& application, const QString& language = {});

} // namespace latchkey::app
