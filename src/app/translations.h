#pragma once

class QCoreApplication;

namespace latchkey::app {

// Installs the translation of the native UI and the pages for the system's languages, when
// this build has one (the .qm files are compiled into the binary under :/i18n). English is
// the source language and needs none.
void installTranslations(QCoreApplication& application);

} // namespace latchkey::app
