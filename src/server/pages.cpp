#include "server/pages.h"

#include "server/form_body.h"
#include "server/store_failure.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace latchkey::server {

namespace {

std::string s(const QString& value)
{
    return value.toStdString();
}

QString errorHeading(int status)
{
    switch (status) {
    case 400:
        return QCoreApplication::translate("latchkey::server::Pages",
                                           "The request could not be read");
    case 403:
        return QCoreApplication::translate("latchkey::server::Pages", "Access refused");
    case 404:
        return QCoreApplication::translate("latchkey::server::Pages", "Page not found");
    case 405:
        return QCoreApplication::translate("latchkey::server::Pages", "Not allowed here");
    case 409:
        return QCoreApplication::translate("latchkey::server::Pages", "Already in use");
    case 413:
        return QCoreApplication::translate("latchkey::server::Pages", "Request too large");
    case 415:
        return QCoreApplication::translate("latchkey::server::Pages", "Unsupported format");
    case 421:
        return QCoreApplication::translate("latchkey::server::Pages", "Wrong address");
    case 503:
        return QCoreApplication::translate("latchkey::server::Pages", "Busy just now");
    default:
        return QCoreApplication::translate("latchkey::server::Pages", "Something went wrong");
    }
}

QString errorCode(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("bad_request");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 405:
        return QStringLiteral("method_not_allowed");
    case 413:
        return QStringLiteral("payload_too_large");
    case 415:
        return QStringLiteral("unsupported_media_type");
    case 421:
        return QStringLiteral("misdirected_request");
    case 503:
        return QStringLiteral("service_unavailable");
    default:
        return QStringLiteral("internal_error");
    }
}

// A page answered with errors says so first in its title, which screen readers announce on
// load even without script.
QString titleWithError(const QString& title, bool hasError)
{
    if (!hasError)
        return title;
    return QCoreApplication::translate("latchkey::server::Pages", "Error: %1").arg(title);
}

TemplateData fieldData(const QString& name, const QString& value, const FormErrors& errors)
{
    TemplateData field;
    field.set("value", s(value));
    const QString message = errors.messageFor(name);
    field.set("invalid", !message.isEmpty());
    field.set("error", s(message));
    return field;
}

QJsonObject fieldErrorsJson(const FormErrors& errors)
{
    QJsonObject fields;
    for (const FieldError& error : errors.fields)
        fields.insert(error.field, error.message);
    return fields;
}

TemplateData userData(const store::User& user)
{
    TemplateData data;
    data.set("username", s(user.username));
    data.set("displayName", s(user.displayName));
    data.set("email", s(user.email));
    data.set("welcome", s(QCoreApplication::translate("latchkey::server::Pages", "Welcome, %1.")
                              .arg(user.displayName)));
    return data;
}

} // namespace

Pages::Pages(store::Database& database, Sessions& sessions)
    : m_sessions(sessions), m_users(database), m_credentials(database),
      m_renderer(sessions.context())
{}

// A profile that never got a passkey and is older than any session can be (so its enrolment
// session is gone and nobody can ever finish it) no longer holds its username and email.
store::StoreResult<bool> Pages::removeUnfinishedProfiles(const store::NewUser& newUser)
{
    // Every read comes first: should one fail, nothing has been deleted yet.
    const auto unfinished = unfinishedProfiles(newUser);
    if (!unfinished)
        return unfinished.error();
    bool removed = false;
    for (const qint64 id : *unfinished) {
        const auto deleted = m_users.remove(id);
        // NotFound: another request released it first. A failed delete is not "still taken".
        if (!deleted && store::isStoreFault(deleted.error()))
            return deleted.error();
        removed = deleted.ok() || removed;
    }
    return removed;
}

// The profiles holding the new profile's username or email that can never be finished. A
// passkey count that could not be read is an error here, never "no passkey".
store::StoreResult<QList<qint64>> Pages::unfinishedProfiles(const store::NewUser& newUser) const
{
    const QDateTime cutoff = m_sessions.now().addMSecs(-Sessions::longestLifetime().count());
    QList<qint64> ids;
    for (const QString& login : {newUser.username, newUser.email}) {
        const auto user = m_users.findByLogin(login);
        if (!user)
            return user.error();
        if (!*user || (*user)->createdAt > cutoff || ids.contains((*user)->id))
            continue;
        const auto passkeys = m_credentials.countForUser((*user)->id);
        if (!passkeys)
            return passkeys.error();
        if (*passkeys == 0)
            ids.append((*user)->id);
    }
    return ids;
}

HttpResponse Pages::home(const HttpRequest& request)
{
    // The navigation offers the profile and sign-out to a browser with a profile session.
    const auto current = m_sessions.current(request);
    if (!current)
        return error(request, readFailure(current.error()));
    const SessionState state = current->state;
    const PageContext context{QCoreApplication::translate("latchkey::server::Pages", "Home"),
                              QStringLiteral("home"),
                              state == SessionState::SignedIn || state == SessionState::Enrolling ||
                                  state == SessionState::Recovering,
                              {}};
    return HttpResponse::html(200, m_renderer.renderPage(QStringLiteral("home"), {}, context));
}

HttpResponse Pages::registerForm(const HttpRequest&)
{
    return registerPage(200, RegisterView{});
}

HttpResponse Pages::registerPage(int status, const RegisterView& view)
{
    TemplateData data;
    data.set("name", fieldData(QStringLiteral("name"), view.input.displayName, view.fieldErrors));
    data.set("username",
             fieldData(QStringLiteral("username"), view.input.username, view.fieldErrors));
    data.set("email", fieldData(QStringLiteral("email"), view.input.email, view.fieldErrors));
    data.set("formError", s(view.formError));
    data.set("hasFormError", !view.formError.isEmpty());
    PageContext context{titleWithError(QCoreApplication::translate("latchkey::server::Pages",
                                                                   "Create your profile"),
                                       !view.formError.isEmpty()),
                        QStringLiteral("register"),
                        false,
                        {}};
    if (!view.formError.isEmpty())
        context.toasts.append(
            {Toast::Kind::Error,
             QCoreApplication::translate("latchkey::server::Pages", "Profile not created"),
             view.formError});
    return HttpResponse::html(status,
                              m_renderer.renderPage(QStringLiteral("register"), data, context));
}

HttpResponse Pages::registerFailure(const HttpRequest& request, int status, const QString& code,
                                    const RegisterView& view)
{
    if (!request.wantsJson())
        return registerPage(status, view);
    QJsonObject answer =
        errorBody({status, code, view.formError},
                  QCoreApplication::translate("latchkey::server::Pages", "Profile not created"));
    answer.insert(QStringLiteral("fields"), fieldErrorsJson(view.fieldErrors));
    return jsonResponse(status, answer);
}

// The new profile's creator gets an enrolment session: the only way to attach its first
// passkey (README "Sessions").
HttpResponse Pages::registerSuccess(const HttpRequest& request, const store::User& user)
{
    const auto enrolment = m_sessions.startEnrolment(user.id);
    if (!enrolment)
        return error(request, 500,
                     QCoreApplication::translate("latchkey::server::Pages",
                                                 "Your profile is saved, but no session could "
                                                 "be started: %1")
                         .arg(enrolment.error().message));
    HttpResponse response = registerAnswer(request, user);
    response.addHeader("Set-Cookie", Sessions::sessionCookie(enrolment->token));
    return response;
}

HttpResponse Pages::registerAnswer(const HttpRequest& request, const store::User& user)
{
    const TemplateData data = userData(user);
    if (!request.wantsJson()) {
        const PageContext context{
            QCoreApplication::translate("latchkey::server::Pages", "Profile created"),
            QStringLiteral("register"),
            false,
            {{Toast::Kind::Success,
              QCoreApplication::translate("latchkey::server::Pages", "Profile created"),
              QCoreApplication::translate("latchkey::server::Pages",
                                          "Your profile \"%1\" is saved.")
                  .arg(user.username)}}};
        return HttpResponse::html(
            201, m_renderer.renderPage(QStringLiteral("register_done"), data, context));
    }
    const QJsonObject answer{
        {QStringLiteral("ok"), true},
        {QStringLiteral("title"),
         QCoreApplication::translate("latchkey::server::Pages", "Profile created")},
        {QStringLiteral("message"),
         QCoreApplication::translate("latchkey::server::Pages", "Your profile \"%1\" is saved.")
             .arg(user.username)},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("uid"), user.uid},
                                             {QStringLiteral("username"), user.username},
                                             {QStringLiteral("displayName"), user.displayName},
                                             {QStringLiteral("email"), user.email}}},
        {QStringLiteral("next"), QStringLiteral("register_passkey")},
        {QStringLiteral("html"),
         QString::fromUtf8(m_renderer.renderFragment(QStringLiteral("register_done"), data))}};
    return jsonResponse(201, answer);
}

HttpResponse Pages::registerSubmit(const HttpRequest& request)
{
    const BodyResult<FormFields> fields = parseFormBody(request);
    if (!fields) {
        const int status = fields.error().status;
        RegisterView view{{}, {}, fields.error().message};
        return registerFailure(request, status, errorCode(status), view);
    }
    RegisterView view{ProfileForm::readInput(*fields), {}, {}};
    if (const QList<QString> missing = ProfileForm::missingFields(*fields); !missing.isEmpty()) {
        view.formError = QCoreApplication::translate("latchkey::server::Pages",
                                                     "The form is missing the field(s): %1.")
                             .arg(missing.join(QStringLiteral(", ")));
        return registerFailure(request, 400, QStringLiteral("missing_field"), view);
    }
    const auto newUser = ProfileForm::validate(view.input);
    if (!newUser) {
        view.fieldErrors = newUser.error();
        view.formError = QCoreApplication::translate("latchkey::server::Pages",
                                                     "Some fields need your attention.");
        return registerFailure(request, 400, QStringLiteral("invalid_field"), view);
    }
    store::StoreResult<store::User> created = m_users.create(*newUser);
    if (!created && created.error().code == store::StoreError::Code::Conflict) {
        const auto released = removeUnfinishedProfiles(*newUser);
        if (!released) {
            const ApiError failure = readFailure(released.error());
            view.formError = failure.message;
            return registerFailure(request, failure.status, failure.code, view);
        }
        if (*released)
            created = m_users.create(*newUser);
    }
    if (created)
        return registerSuccess(request, *created);
    if (created.error().code == store::StoreError::Code::Conflict) {
        view.formError = QCoreApplication::translate(
            "latchkey::server::Pages", "That username or email address is already in use.");
        return registerFailure(request, 409, QStringLiteral("conflict"), view);
    }
    view.formError = QCoreApplication::translate("latchkey::server::Pages",
                                                 "Your profile could not be saved: %1")
                         .arg(created.error().message);
    // Invalid: the store refused a value the form let through; the person can change it.
    if (created.error().code == store::StoreError::Code::Invalid)
        return registerFailure(request, 400, QStringLiteral("invalid"), view);
    const ApiError failure = writeFailure(created.error());
    if (created.error().code == store::StoreError::Code::Busy ||
        created.error().fault != store::StoreError::Fault::None)
        view.formError = failure.message;
    return registerFailure(request, failure.status, failure.code, view);
}

// The profile this browser signed in to last (by uid, from an HttpOnly cookie): greeted by
// name, its login filled in, with "switch user" to forget it.
store::StoreResult<void> Pages::addLastUser(const HttpRequest& request, TemplateData& data) const
{
    const QString uid = QString::fromLatin1(request.cookie(Sessions::lastUserCookieName()));
    std::optional<store::User> user;
    if (!uid.isEmpty()) {
        auto found = m_users.findByUid(uid);
        if (!found)
            return found.error();
        user = *found;
    }
    data.set("hasLastUser", user.has_value());
    if (!user)
        return {};
    data.set("lastUserGreeting",
             s(QCoreApplication::translate("latchkey::server::Pages", "Welcome back, %1.")
                   .arg(user->displayName.isEmpty() ? user->username : user->displayName)));
    data.set("lastUserLogin", s(user->username));
    return {};
}

HttpResponse Pages::signInPage(const HttpRequest& request, int status, const QString& login,
                               const QString& fieldError, const QList<Toast>& toasts,
                               bool changeMade)
{
    TemplateData data;
    if (auto greeted = addLastUser(request, data); !greeted) {
        const ApiError failure = readFailure(greeted.error());
        if (!changeMade)
            return error(request, failure);
        // After sign-out or deleting a profile the change is made: the page says so, without
        // the greeting, rather than reporting that change as failed.
        data.set("hasLastUser", false);
    }
    data.set("login", fieldData(QStringLiteral("login"), login,
                                FormErrors{fieldError.isEmpty()
                                               ? QList<FieldError>{}
                                               : QList<FieldError>{{"login", fieldError}}}));
    const PageContext context{
        titleWithError(QCoreApplication::translate("latchkey::server::Pages", "Sign in"),
                       !fieldError.isEmpty()),
        QStringLiteral("signin"), false, toasts};
    return HttpResponse::html(status,
                              m_renderer.renderPage(QStringLiteral("signin"), data, context));
}

HttpResponse Pages::signInForm(const HttpRequest& request)
{
    return signInPage(request, 200, {}, {}, {});
}

HttpResponse Pages::signInWithToast(const HttpRequest& request, const Toast& toast)
{
    return signInPage(request, 200, {}, {}, {toast}, true);
}

// Passkey sign-in runs in the page's script (navigator.credentials.get); a form posted
// without script gets the same answer for every well-formed login, so it tells nothing
// about which profiles exist.
HttpResponse Pages::signInSubmit(const HttpRequest& request)
{
    const BodyResult<FormFields> fields = parseFormBody(request);
    if (!fields)
        return error(request, fields.error().status, fields.error().message);
    const QString login =
        fields->value(QStringLiteral("login")).trimmed().normalized(QString::NormalizationForm_C);
    if (login.isEmpty() || login.size() > ProfileForm::kEmailMax) {
        const QString message = QCoreApplication::translate(
            "latchkey::server::Pages", "Enter your username or email address.");
        if (request.wantsJson()) {
            QJsonObject answer = errorBody({400, QStringLiteral("invalid_field"), message}, {});
            answer.insert(QStringLiteral("fields"),
                          QJsonObject{{QStringLiteral("login"), message}});
            return jsonResponse(400, answer);
        }
        return signInPage(
            request, 400, login, message,
            {{Toast::Kind::Error, QCoreApplication::translate("latchkey::server::Pages", "Sign-in"),
              message}});
    }
    const QString soon = QCoreApplication::translate(
        "latchkey::server::Pages",
        "Signing in with a passkey needs this page's script. Allow JavaScript for Latchkey, "
        "or use the Latchkey app.");
    if (request.wantsJson())
        return jsonResponse(200, QJsonObject{{QStringLiteral("ok"), true},
                                             {QStringLiteral("status"), QStringLiteral("pending")},
                                             {QStringLiteral("title"),
                                              QCoreApplication::translate("latchkey::server::Pages",
                                                                          "Script needed")},
                                             {QStringLiteral("message"), soon}});
    return signInPage(
        request, 200, login, {},
        {{Toast::Kind::Warning,
          QCoreApplication::translate("latchkey::server::Pages", "Script needed"), soon}});
}

HttpResponse Pages::error(const HttpRequest& request, int status, const QString& message)
{
    if (request.wantsJson())
        return apiErrorResponse({status, errorCode(status), message}, {});
    TemplateData data;
    data.set("status", std::to_string(status));
    data.set("heading", s(errorHeading(status)));
    data.set("message", s(message));
    const PageContext context{errorHeading(status), {}, false, {}};
    return HttpResponse::html(status,
                              m_renderer.renderPage(QStringLiteral("error"), data, context));
}

HttpResponse Pages::error(const HttpRequest& request, const ApiError& refusal)
{
    if (request.wantsJson())
        return apiErrorResponse(refusal, {});
    return error(request, refusal.status, refusal.message);
}

HttpResponse Pages::notFound(const HttpRequest& request)
{
    return error(request, 404,
                 QCoreApplication::translate(
                     "latchkey::server::Pages",
                     "There is no page at %1. Check the address or start from the home page.")
                     .arg(request.path));
}

HttpResponse Pages::methodNotAllowed(const HttpRequest& request, const QList<QByteArray>& allowed)
{
    HttpResponse response =
        error(request, 405,
              QCoreApplication::translate("latchkey::server::Pages", "%1 is not accepted at %2.")
                  .arg(QString::fromLatin1(request.method), request.path));
    response.setHeader("Allow", allowed.join(", "));
    return response;
}

} // namespace latchkey::server
