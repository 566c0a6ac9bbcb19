#include "server/page_renderer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace latchkey::server {

namespace {

// Each entry is one user-visible sentence of the pages; lupdate extracts the
// QT_TRANSLATE_NOOP texts and translate() looks them up at run time.
struct Entry {
    const char* key;
    const char* text;
};

constexpr const char* kContext = "latchkey::server::Pages";

const Entry kStrings[] = {
    {"skipToContent", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Skip to content")},
    {"navLabel", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Main")},
    {"navHome", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Home")},
    {"navRegister", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Register")},
    {"navSignIn", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign in")},
    {"navProfile", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Profile")},
    {"navSignOut", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign out")},
    {"navSettings", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Settings")},
    {"brandHome", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Latchkey home")},
    {"notifications", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Notifications")},
    {"dismiss", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Dismiss notification")},
    {"toastSuccess", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Done")},
    {"toastWarning", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Heads up")},
    {"toastError", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Something went wrong")},
    {"networkError", QT_TRANSLATE_NOOP("latchkey::server::Pages",
                                       "Latchkey could not be reached. Check that the app is "
                                       "still running, then try again.")},
    {"footer", QT_TRANSLATE_NOOP("latchkey::server::Pages",
                                 "Latchkey runs on this computer only. Nothing leaves it.")},
    // Home
    {"homeEyebrow", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Passwordless local profiles")},
    {"homeHeading",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign in to this computer with a passkey")},
    {"homeLead",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Latchkey gives everyone who uses this computer a profile of their own, "
                       "unlocked with a passkey kept on this computer. No password to "
                       "remember, nothing to leak.")},
    {"homeCreate", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Create a profile")},
    {"homeSignIn", QT_TRANSLATE_NOOP("latchkey::server::Pages", "I already have one")},
    {"featureNoPasswordTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "No passwords")},
    {"featureNoPasswordText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "A passkey replaces the password: there is nothing to type, reuse or "
                       "phish.")},
    {"featureDeviceTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Keys stay here")},
    {"featureDeviceText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Private keys stay on this computer, sealed, and never leave it.")},
    {"featureOfflineTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Works offline")},
    {"featureOfflineText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Profiles are stored on this computer. No account, no cloud, no "
                       "network needed.")},
    // Register
    {"registerTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Create your profile")},
    {"registerLead",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Tell us who you are. Next you will register a passkey to sign in.")},
    {"stepProfile", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Profile")},
    {"stepPasskey", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Passkey")},
    {"stepsLabel", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Progress")},
    {"fieldName", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Display name")},
    {"fieldNameHint",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "Optional. How Latchkey greets you; up to 64 "
                                                  "characters. Your username is used when empty.")},
    {"fieldUsername", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Username")},
    {"fieldUsernameHint",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "3 to 32 letters, digits, dots, underscores or hyphens.")},
    {"fieldEmail", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Email address")},
    {"fieldEmailHint", QT_TRANSLATE_NOOP("latchkey::server::Pages",
                                         "Used to find your profile; never sent anywhere.")},
    {"required", QT_TRANSLATE_NOOP("latchkey::server::Pages", "required")},
    {"registerSubmit", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Create profile")},
    {"registerHaveProfile",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "Already have a profile?")},
    {"formProblem", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Please check the form")},
    // Register done
    {"doneTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Profile created")},
    {"doneLead", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Welcome, %1.")},
    {"doneUsername", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Username")},
    {"doneEmail", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Email address")},
    {"doneNextTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Next: register a passkey")},
    {"doneNextText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Your profile is saved. Register a passkey now: it is how you sign in. "
                       "Latchkey asks you to confirm it's you first.")},
    {"presenceOnlyTitle",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "This computer cannot check who you are")},
    {"presenceOnlyText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "No system sign-in (password or fingerprint) is set up for Latchkey, so a "
                       "passkey here is confirmed by pressing Confirm alone: anyone at this "
                       "computer could use it. To confirm with your password or fingerprint, "
                       "install packaging/pam/latchkey as /etc/pam.d/latchkey and start Latchkey "
                       "again.")},
    {"registerPasskey", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Register a passkey")},
    {"passkeyNeedsScript",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Passkeys need this page's script. Allow JavaScript for Latchkey, or "
                       "use the Latchkey app.")},
    {"passkeyNickname", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Passkey name (optional)")},
    {"doneHome", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Back to home")},
    // Sign in
    {"signinTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign in")},
    {"signinLead", QT_TRANSLATE_NOOP("latchkey::server::Pages",
                                     "Enter your username or email address, then confirm "
                                     "with your passkey.")},
    {"fieldLogin", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Username or email address")},
    {"signinSubmit", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Continue")},
    {"signinNoProfile", QT_TRANSLATE_NOOP("latchkey::server::Pages", "New here?")},
    {"signinUsernameless",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign in with a passkey, no username")},
    {"signinSwitchUser", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Switch user")},
    {"signinAsLast", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign in")},
    {"signinOr", QT_TRANSLATE_NOOP("latchkey::server::Pages", "or")},
    // Profile
    {"profileTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Your profile")},
    {"profilePasskeys", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Passkeys")},
    {"profileName", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Name")},
    {"profileUid", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Profile ID")},
    {"passkeyAuthenticator", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Authenticator")},
    {"passkeyCreated", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Created")},
    {"passkeyLastUsed", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Last used")},
    {"passkeyBackup", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Backup")},
    {"passkeyRename", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Rename")},
    {"passkeyNewName", QT_TRANSLATE_NOOP("latchkey::server::Pages", "New name")},
    {"passkeyRemove", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Remove")},
    {"passkeyLastWarning",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "This is the profile's only passkey. Without it nobody can sign in to "
                       "this profile until a new passkey is registered in this session.")},
    {"passkeyLastConfirm",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "I understand: remove the only passkey of this profile")},
    {"passkeyAdd", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Add another passkey")},
    {"freshHint", QT_TRANSLATE_NOOP("latchkey::server::Pages",
                                    "Adding or removing a passkey needs one of this profile's "
                                    "passkeys used in the last 5 minutes.")},
    {"freshConfirm", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Confirm it's you")},
    {"profileDeleteTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Delete this profile")},
    {"profileDeleteText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "The profile and its passkey records are deleted, and you are signed "
                       "out. In Latchkey's window its passkey is also deleted from this "
                       "computer's key store; a passkey kept by a browser, phone or security "
                       "key may stay there until you remove it. This cannot be undone.")},
    {"profileDeleteConfirm",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "Type your username to confirm")},
    {"profileDeleteSubmit", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Delete profile")},
    // Recovery sign-in
    {"recoveryTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Register a new passkey")},
    {"recoveryOneStep",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "This recovery sign-in allows one thing: registering a new passkey for "
                       "this profile, and removing the passkeys you lost. It ends when the new "
                       "passkey is registered, or after 15 minutes.")},
    {"recoveryLostTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Passkeys you lost")},
    {"recoveryLostText",
     QT_TRANSLATE_NOOP("latchkey::server::Pages",
                       "Remove each passkey you no longer have, so that nobody who finds the "
                       "device can sign in with it.")},
    {"recoveryNoPasskeys",
     QT_TRANSLATE_NOOP("latchkey::server::Pages", "This profile has no passkey left.")},
    {"recoveryRemoveLost", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Remove: I lost it")},
    // Errors
    {"errorHome", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Go to the home page")},
};

} // namespace

QString pageLanguage()
{
    //: The BCP 47 language code of this translation, for the pages' <html lang>: de, fr, pt-BR.
    const QString tag =
        QCoreApplication::translate("latchkey::server::Pages", "en", "language code");
    static const QRegularExpression languageTag(
        QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"));
    return languageTag.match(tag).hasMatch() ? tag : QStringLiteral("en");
}

const TemplateData& pageStrings()
{
    // Translated once per language and thread: every page reads them three times, and
    // translating all of them was a fifth of a page's cost (bench/README.md). A translator
    // installed for another language changes pageLanguage(), which makes them anew.
    struct Cache {
        bool filled = false;
        QString language;
        TemplateData strings;
    };
    thread_local Cache cache;
    const QString language = pageLanguage();
    if (!cache.filled || cache.language != language) {
        TemplateData strings;
        for (const Entry& entry : kStrings)
            strings.set(entry.key, QCoreApplication::translate(kContext, entry.text).toStdString());
        cache = Cache{true, language, std::move(strings)};
    }
    return cache.strings;
}

} // namespace latchkey::server
