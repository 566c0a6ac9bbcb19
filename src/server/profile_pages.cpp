#include "server/profile_pages.h"

#include "server/authenticator_names.h"
#include "server/credential_signals.h"
#include "server/passkey_flows.h"
#include "webauthn/base64url.h"

#include <QCoreApplication>

namespace latchkey::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("latchkey::server::ProfilePages", text);
}

std::string s(const QString& value)
{
    return value.toStdString();
}

QString shownTime(const QDateTime& time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

TemplateData passkeyData(const store::Credential& credential, bool last)
{
    TemplateData item;
    item.set("id", webauthn::encodeBase64Url(credential.credentialId).toStdString());
    item.set("nickname", s(credential.nickname));
    const QString model = authenticatorName(credential.aaguid);
    item.set("authenticator", s(model.isEmpty() ? QCoreApplication::translate(
                                                      "latchkey::server::ProfilePages", "Passkey")
                                                : model));
    item.set("created", s(shownTime(credential.createdAt)));
    item.set("lastUsed", s(credential.lastUsedAt ? shownTime(*credential.lastUsedAt)
                                                 : QCoreApplication::translate(
                                                       "latchkey::server::ProfilePages", "Never")));
    item.set("backedUp", s(credential.backupState
                               ? QCoreApplication::translate("latchkey::server::ProfilePages",
                                                             "Backed up (synced)")
                           : credential.backupEligible
                               ? QCoreApplication::translate("latchkey::server::ProfilePages",
                                                             "Can be backed up, not yet")
                               : QCoreApplication::translate("latchkey::server::ProfilePages",
                                                             "Only on this device")));
    item.set("last", last);
    item.set("confirmValue", s(ProfilePages::lastPasskeyConfirmation()));
    return item;
}

} // namespace

ProfilePages::ProfilePages(store::Database& database, const ServerContext& context,
                           Sessions& sessions, Pages& pages)
    : m_context(context), m_sessions(sessions), m_pages(pages), m_users(database),
      m_credentials(database)
{}

TemplateData ProfilePages::profileData(const store::User& user) const
{
    TemplateData data;
    data.set("displayName", s(user.displayName.isEmpty() ? user.username : user.displayName));
    data.set("username", s(user.username));
    data.set("email", s(user.email));
    data.set("uid", s(user.uid));
    const QList<store::Credential> credentials = m_credentials.listForUser(user.id);
    TemplateData list{TemplateData::type::list};
    for (const store::Credential& credential : credentials)
        list.push_back(passkeyData(credential, credentials.size() == 1));
    data.set("passkeys", list);
    data.set("passkeyCount", std::to_string(credentials.size()));
    return data;
}

HttpResponse ProfilePages::profilePage(int status, const CurrentSession& session,
                                       const QList<Toast>& toasts)
{
    const PageContext context{tr("Your profile"), QStringLiteral("profile"), true, toasts};
    return HttpResponse::html(status, m_renderer.renderPage(QStringLiteral("profile"),
                                                            profileData(*session.user), context));
}

// A profile without a passkey is reached only by its creator's enrolment session (or after
// its last passkey was removed): the one thing to do there is register a passkey.
HttpResponse ProfilePages::enrolPage(const CurrentSession& session)
{
    TemplateData data = profileData(*session.user);
    data.set("welcome", s(QCoreApplication::translate("latchkey::server::Pages", "Welcome, %1.")
                              .arg(session.user->displayName)));
    const PageContext context{tr("Register a passkey"), QStringLiteral("profile"), true, {}};
    return HttpResponse::html(
        200, m_renderer.renderPage(QStringLiteral("register_done"), data, context));
}

HttpResponse ProfilePages::profile(const HttpRequest& request)
{
    const CurrentSession session = m_sessions.current(request);
    if (session.state == SessionState::Enrolling)
        return enrolPage(session);
    if (session.state != SessionState::SignedIn)
        return HttpResponse::redirect("/signin");
    return profilePage(200, session, {});
}

ApiResult<ProfilePages::Action> ProfilePages::beginAction(const HttpRequest& request)
{
    const BodyResult<FormFields> fields = parseFormBody(request);
    if (!fields)
        return ApiError{fields.error().status, QStringLiteral("bad_request"),
                        fields.error().message};
    Action action{m_sessions.current(request), *fields};
    if (action.session.state == SessionState::Enrolling)
        return ApiError{403, QStringLiteral("passkey_required"),
                        tr("Register a passkey for this profile first.")};
    if (action.session.state != SessionState::SignedIn)
        return ApiError{401, QStringLiteral("no_session"),
                        tr("You are not signed in (or your session ended). Sign in again.")};
    return action;
}

ApiResult<QByteArray> ProfilePages::credentialField(const Action& action) const
{
    const auto id =
        webauthn::decodeBase64Url(QStringView(action.fields.value(QStringLiteral("credential"))));
    if (!id || id->isEmpty())
        return ApiError{400, QStringLiteral("invalid_credential"),
                        tr("The passkey to change is missing or not base64url.")};
    return *id;
}

HttpResponse ProfilePages::actionDone(const HttpRequest& request, const CurrentSession& session,
                                      const QString& title, const QString& message,
                                      const QJsonObject& signal)
{
    if (!request.wantsJson())
        return profilePage(200, session, {{Toast::Kind::Success, title, message}});
    QJsonObject answer{{QStringLiteral("ok"), true},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("html"),
                        QString::fromUtf8(m_renderer.renderFragment(QStringLiteral("profile"),
                                                                    profileData(*session.user)))}};
    if (!signal.isEmpty())
        answer.insert(QStringLiteral("signal"), signal);
    return jsonResponse(200, answer);
}

// The removed passkey is unknown now, and the ones left are all this profile accepts.
QJsonObject ProfilePages::removalSignal(const store::User& user, const QByteArray& removedId) const
{
    QList<QByteArray> accepted;
    for (const store::Credential& credential : m_credentials.listForUser(user.id))
        accepted.append(credential.credentialId);
    return acceptedCredentialsSignal(user.userHandle, accepted, {removedId});
}

HttpResponse ProfilePages::actionFailed(const HttpRequest& request, const ApiError& error,
                                        const QString& title)
{
    if (request.wantsJson())
        return apiErrorResponse(error, title);
    const CurrentSession session = m_sessions.current(request);
    if (session.state != SessionState::SignedIn)
        return m_pages.error(request, error.status, error.message);
    return profilePage(error.status, session, {{Toast::Kind::Error, title, error.message}});
}

ApiResult<QString> ProfilePages::applyRename(const Action& action)
{
    const auto id = credentialField(action);
    if (!id)
        return id.error();
    const auto nickname =
        PasskeyFlows::validateNickname(action.fields.value(QStringLiteral("nickname")));
    if (!nickname)
        return nickname.error();
    const auto renamed = m_credentials.rename(action.session.user->id, *id, *nickname);
    if (renamed)
        return *nickname;
    if (renamed.error().code == store::StoreError::Code::NotFound)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This profile has no such passkey. Reload the page.")};
    return ApiError{500, QStringLiteral("store_error"), renamed.error().message};
}

HttpResponse ProfilePages::renamePasskey(const HttpRequest& request)
{
    const QString title = tr("Passkey not renamed");
    const auto action = beginAction(request);
    if (!action)
        return actionFailed(request, action.error(), title);
    const auto renamed = applyRename(*action);
    if (!renamed)
        return actionFailed(request, renamed.error(), title);
    return actionDone(request, action->session, tr("Passkey renamed"),
                      tr("The passkey is now called \"%1\".").arg(*renamed));
}

// Removing the last passkey leaves the profile without a way in but this session, so it
// needs the explicit confirmation field the page shows beside its warning.
ApiResult<QString> ProfilePages::applyRemove(const Action& action)
{
    const auto id = credentialField(action);
    if (!id)
        return id.error();
    const qint64 userId = action.session.user->id;
    const std::optional<store::Credential> credential = m_credentials.findByCredentialId(*id);
    if (!credential || credential->userId != userId)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This profile has no such passkey. Reload the page.")};
    if (m_credentials.countForUser(userId) == 1 &&
        action.fields.value(QStringLiteral("confirm")) != lastPasskeyConfirmation())
        return ApiError{409, QStringLiteral("last_passkey"),
                        tr("This is your profile's only passkey: without it nobody can sign "
                           "in to the profile. Tick the confirmation to remove it anyway.")};
    const auto removed = m_credentials.remove(userId, *id);
    if (!removed)
        return ApiError{500, QStringLiteral("store_error"), removed.error().message};
    return credential->nickname;
}

HttpResponse ProfilePages::removePasskey(const HttpRequest& request)
{
    const QString title = tr("Passkey not removed");
    const auto action = beginAction(request);
    if (!action)
        return actionFailed(request, action.error(), title);
    const auto removed = applyRemove(*action);
    if (!removed)
        return actionFailed(request, removed.error(), title);
    const QString message = tr("\"%1\" no longer unlocks this profile.").arg(*removed);
    const QJsonObject signal = removalSignal(*action->session.user, *credentialField(*action));
    if (m_credentials.countForUser(action->session.user->id) > 0)
        return actionDone(request, action->session, tr("Passkey removed"), message, signal);
    // No passkey left: the session is an enrolment session again (register a new one).
    if (request.wantsJson())
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("ok"), true},
                                        {QStringLiteral("title"), tr("Passkey removed")},
                                        {QStringLiteral("message"), message},
                                        {QStringLiteral("redirect"), QStringLiteral("/profile")},
                                        {QStringLiteral("signal"), signal}});
    return HttpResponse::redirect("/profile");
}

HttpResponse ProfilePages::deleteProfile(const HttpRequest& request)
{
    const QString title = tr("Profile not deleted");
    const auto action = beginAction(request);
    if (!action)
        return actionFailed(request, action.error(), title);
    const store::User& user = *action->session.user;
    const QString typed = action->fields.value(QStringLiteral("confirm"));
    if (store::UserStore::loginKey(typed.trimmed()) != store::UserStore::loginKey(user.username))
        return actionFailed(request,
                            {400, QStringLiteral("confirmation_required"),
                             tr("Type your username to confirm that the profile and all its "
                                "passkeys are deleted.")},
                            title);
    QList<QByteArray> deletedIds;
    for (const store::Credential& credential : m_credentials.listForUser(user.id))
        deletedIds.append(credential.credentialId);
    const auto removed = m_users.remove(user.id); // credentials and sessions go by cascade
    if (!removed)
        return actionFailed(request, {500, QStringLiteral("store_error"), removed.error().message},
                            title);
    // What happens to the keys is up to each authenticator: the page passes the signal on.
    const QString message =
        tr("The profile \"%1\" is deleted and its passkeys no longer sign in here. Latchkey's "
           "window also deleted its passkey from this computer's key store; a passkey kept by a "
           "browser, phone or security key may stay there until you remove it.")
            .arg(user.username);
    HttpResponse response =
        request.wantsJson()
            ? jsonResponse(
                  200, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("title"), tr("Profile deleted")},
                                   {QStringLiteral("message"), message},
                                   {QStringLiteral("redirect"), QStringLiteral("/")},
                                   {QStringLiteral("signal"),
                                    acceptedCredentialsSignal(user.userHandle, {}, deletedIds)}})
            : m_pages.signInWithToast(request,
                                      {Toast::Kind::Success, tr("Profile deleted"), message});
    response.addHeader("Set-Cookie", Sessions::clearedSessionCookie());
    response.addHeader("Set-Cookie", Sessions::clearedLastUserCookie());
    return response;
}

HttpResponse ProfilePages::signOut(const HttpRequest& request)
{
    const CurrentSession session = m_sessions.current(request);
    if (session.state == SessionState::None) {
        HttpResponse refused = actionFailed(
            request, {401, QStringLiteral("no_session"), tr("You were not signed in.")},
            tr("Sign-out"));
        refused.addHeader("Set-Cookie", Sessions::clearedSessionCookie());
        return refused;
    }
    const auto ended = m_sessions.end(session.token);
    if (!ended)
        return actionFailed(request, {500, QStringLiteral("store_error"), ended.error().message},
                            tr("Sign-out"));
    const Toast toast{Toast::Kind::Success, tr("Signed out"),
                      tr("Your session has ended on this computer.")};
    HttpResponse response =
        request.wantsJson()
            ? jsonResponse(200,
                           QJsonObject{{QStringLiteral("ok"), true},
                                       {QStringLiteral("title"), toast.title},
                                       {QStringLiteral("message"), toast.message},
                                       {QStringLiteral("redirect"), QStringLiteral("/signin")}})
            : m_pages.signInWithToast(request, toast);
    response.addHeader("Set-Cookie", Sessions::clearedSessionCookie());
    return response;
}

// "Switch user": the sign-in page stops greeting the last profile.
HttpResponse ProfilePages::forgetLastUser(const HttpRequest& request)
{
    HttpResponse response =
        request.wantsJson()
            ? jsonResponse(200,
                           QJsonObject{{QStringLiteral("ok"), true},
                                       {QStringLiteral("redirect"), QStringLiteral("/signin")}})
            : HttpResponse::redirect("/signin");
    response.addHeader("Set-Cookie", Sessions::clearedLastUserCookie());
    return response;
}

} // namespace latchkey::server
