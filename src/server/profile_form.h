#pragma once

#include "core/result.h"
#include "server/form_body.h"
#include "store/user_store.h"

#include <QList>
#include <QString>

namespace latchkey::server {

// One field the person must fix, with the sentence shown beside it.
struct FieldError {
    QString field; // the form field's name attribute: "name", "username" or "email"
    QString message;
};

struct FormErrors {
    QList<FieldError> fields;
    QString messageFor(const QString& field) const;
};

// What the person typed, trimmed and NFC-normalized (what the form shows again on error).
struct ProfileInput {
    QString displayName;
    QString username;
    QString email;
};

// The register form's rules. The store enforces uniqueness; the form decides what a valid
// value is before anything is written:
// - every value is trimmed and normalized to Unicode NFC; control characters are refused;
// - username: 3 to 32 characters, each a letter of any script (with its combining marks),
//   a digit 0-9, '.', '_' or '-'. Non-ASCII letters are allowed because the store decides
//   uniqueness on a Unicode case fold (UserStore::loginKey), not an ASCII one;
// - email: one '@', a local part of at most 64 characters without spaces or
//   "(),:;<>[\] and without leading, trailing or doubled dots, a domain of at least two
//   dot-separated labels (letters, digits, '-', 1 to 63 characters, no '-' at either end),
//   at most 254 characters in all;
// - display name: at most 64 characters, may be empty: then the username is used.
class ProfileForm {
public:
    static constexpr int kUsernameMin = 3;
    static constexpr int kUsernameMax = 32;
    static constexpr int kDisplayNameMax = 64;
    static constexpr int kEmailMax = 254;
    static constexpr int kEmailLocalMax = 64;
    static constexpr int kDomainLabelMax = 63;

    // Field names are the form's: "name" (display name), "username", "email". Username and
    // email must be present; a missing display name counts as empty.
    static ProfileInput readInput(const FormFields& fields);
    static QList<QString> missingFields(const FormFields& fields);

    static core::Result<store::NewUser, FormErrors> validate(const ProfileInput& input);

    static std::optional<QString> checkUsername(const QString& username);
    static std::optional<QString> checkEmail(const QString& email);
    static std::optional<QString> checkDisplayName(const QString& displayName);
};

} // namespace latchkey::server
