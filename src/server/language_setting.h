#pragma once

#include <QString>
#include <QStringList>

namespace latchkey::server {

// The language a person chose for Latchkey on the settings page, kept across launches in the
// app's own settings file (INI, beside window.ini: the same for every profile). Empty means
// "follow the system locale". Only a language this build has a catalogue for is ever stored
// or returned: an unknown or garbled value in the file reads as empty.
class LanguageSetting {
public:
    // available: BCP 47 codes with a catalogue in this build ("de", "es", "fr"); English, the
    // source language, is always offered.
    LanguageSetting(QString settingsFile = {}, QStringList available = {});

    // "en" first, then the rest in the order given.
    const QStringList& languages() const { return m_languages; }
    // The stored choice, or empty.
    QString chosen() const;
    // Stores code ("" = follow the system). False, with nothing written, for a code not in
    // languages() or when the file cannot be written (errorString() says why).
    bool choose(const QString& code);
    QString errorString() const { return m_error; }

    // A language's own name for itself, capitalised ("Deutsch", "Español", "English").
    static QString nativeName(const QString& code);

private:
    QString m_file;
    QStringList m_languages;
    QString m_error;
};

} // namespace latchkey::server
