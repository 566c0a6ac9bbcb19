#include "server/profile_form.h"

#include <QCoreApplication>
#include <QStringList>

namespace latchkey::server {

namespace {

QString clean(const QString& value)
{
    return value.trimmed().normalized(QString::NormalizationForm_C);
}

qsizetype codePoints(const QString& value)
{
    return value.toUcs4().size();
}

bool hasControlCharacter(const QString& value)
{
    for (const char32_t c : value.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Other_Format ||
            category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

bool isLetterOrMark(char32_t c)
{
    return QChar::isLetter(c) || QChar::isMark(c);
}

bool isUsernameCharacter(char32_t c)
{
    return isLetterOrMark(c) || (c >= U'0' && c <= U'9') || c == U'.' || c == U'_' || c == U'-';
}

bool isDomainCharacter(char32_t c)
{
    return isLetterOrMark(c) || (c >= U'0' && c <= U'9') || c == U'-';
}

bool isValidDomainLabel(const QString& label)
{
    if (label.isEmpty() || codePoints(label) > ProfileForm::kDomainLabelMax)
        return false;
    if (label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    const QList<uint> characters = label.toUcs4();
    return std::all_of(characters.begin(), characters.end(),
                       [](uint c) { return isDomainCharacter(c); });
}

bool isValidDomain(const QString& domain)
{
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return false;
    return std::all_of(labels.begin(), labels.end(), isValidDomainLabel);
}

bool isValidLocalPart(const QString& local)
{
    static const QString forbidden = QStringLiteral("\"(),:;<>[\\]");
    if (local.isEmpty() || codePoints(local) > ProfileForm::kEmailLocalMax)
        return false;
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(QStringLiteral("..")))
        return false;
    for (const QChar c : local) {
        if (c.isSpace() || forbidden.contains(c))
            return false;
    }
    return true;
}

} // namespace

QString FormErrors::messageFor(const QString& field) const
{
    for (const FieldError& error : fields) {
        if (error.field == field)
            return error.message;
    }
    return {};
}

ProfileInput ProfileForm::readInput(const FormFields& fields)
{
    return ProfileInput{clean(fields.value(QStringLiteral("name"))),
                        clean(fields.value(QStringLiteral("username"))),
                        clean(fields.value(QStringLiteral("email")))};
}

QList<QString> ProfileForm::missingFields(const FormFields& fields)
{
    QList<QString> missing;
    for (const QString& required : {QStringLiteral("username"), QStringLiteral("email")}) {
        if (!fields.contains(required))
            missing.append(required);
    }
    return missing;
}

std::optional<QString> ProfileForm::checkUsername(const QString& username)
{
    if (username.isEmpty())
        return QCoreApplication::translate("latchkey::server::ProfileForm", "Choose a username.");
    if (hasControlCharacter(username))
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "A username cannot contain control characters.");
    const qsizetype length = codePoints(username);
    if (length < kUsernameMin || length > kUsernameMax)
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "A username has 3 to 32 characters.");
    const QList<uint> characters = username.toUcs4();
    if (!std::all_of(characters.begin(), characters.end(),
                     [](uint c) { return isUsernameCharacter(c); }))
        return QCoreApplication::translate(
            "latchkey::server::ProfileForm",
            "Use only letters, digits, dots (.), underscores (_) and hyphens (-) in a "
            "username.");
    return std::nullopt;
}

std::optional<QString> ProfileForm::checkEmail(const QString& email)
{
    if (email.isEmpty())
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "Enter your email address.");
    if (hasControlCharacter(email))
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "An email address cannot contain control characters.");
    if (codePoints(email) > kEmailMax)
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "An email address has at most 254 characters.");
    const QStringList parts = email.split(u'@');
    if (parts.size() != 2 || !isValidLocalPart(parts.at(0)) || !isValidDomain(parts.at(1)))
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "Enter an email address like name@example.com.");
    return std::nullopt;
}

std::optional<QString> ProfileForm::checkDisplayName(const QString& displayName)
{
    if (hasControlCharacter(displayName))
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "A display name cannot contain control characters.");
    if (codePoints(displayName) > kDisplayNameMax)
        return QCoreApplication::translate("latchkey::server::ProfileForm",
                                           "A display name has at most 64 characters.");
    return std::nullopt;
}

core::Result<store::NewUser, FormErrors> ProfileForm::validate(const ProfileInput& input)
{
    FormErrors errors;
    if (const auto message = checkDisplayName(input.displayName))
        errors.fields.append({QStringLiteral("name"), *message});
    if (const auto message = checkUsername(input.username))
        errors.fields.append({QStringLiteral("username"), *message});
    if (const auto message = checkEmail(input.email))
        errors.fields.append({QStringLiteral("email"), *message});
    if (!errors.fields.isEmpty())
        return errors;
    const QString displayName = input.displayName.isEmpty() ? input.username : input.displayName;
    return store::NewUser{input.username, displayName, input.email};
}

} // namespace latchkey::server
