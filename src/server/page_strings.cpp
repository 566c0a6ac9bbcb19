#include "server/page_renderer.h"

#include <QCoreApplication>

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
                       "unlocked with a fingerprint, a face or a device PIN. No password to "
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
                       "Private keys live in this computer's secure hardware and never leave "
                       "it.")},
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
                       "Passkey registration arrives in the next version of Latchkey. Your "
                       "profile is saved and will be ready for it.")},
    {"doneHome", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Back to home")},
    // Sign in
    {"signinTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Sign in")},
    {"signinLead", QT_TRANSLATE_NOOP("latchkey::server::Pages",
                                     "Enter your username or email address, then confirm "
                                     "with your passkey.")},
    {"fieldLogin", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Username or email address")},
    {"signinSubmit", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Continue")},
    {"signinNoProfile", QT_TRANSLATE_NOOP("latchkey::server::Pages", "New here?")},
    // Profile
    {"profileTitle", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Your profile")},
    {"profilePasskeys", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Passkeys")},
    // Errors
    {"errorHome", QT_TRANSLATE_NOOP("latchkey::server::Pages", "Go to the home page")},
};

} // namespace

TemplateData pageStrings()
{
    TemplateData strings;
    for (const Entry& entry : kStrings)
        strings.set(entry.key, QCoreApplication::translate(kContext, entry.text).toStdString());
    return strings;
}

} // namespace latchkey::server
