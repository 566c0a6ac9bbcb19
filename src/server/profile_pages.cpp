#include "server/profile_pages.h"

#include "core/base64url.h"
#include "server/authenticator_names.h"
#include "server/credential_signals.h"
#include "server/fresh_verification.h"
#include "server/passkey_flows.h"
#include "server/store_failure.h"

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
    item.set("id", core::encodeBase64Url(credential.credentialId).toStdString());
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
      m_credentials(database), m_renderer(context)
{}

ApiResult<TemplateData> ProfilePages::profileData(const store::User& user) const
{
    const auto credentials = m_credentials.listForUser(user.id);
    if (!credentials)
        return readFailure(credentials.error());
    TemplateData data;
    data.set("displayName", s(user.displayName.isEmpty() ? user.username : user.displayName));
    data.set("username", s(user.username));
    data.set("email", s(user.email));
    data.set("uid", s(user.uid));
    TemplateData list{TemplateData::type::list};
    for (const store::Credential& credential : *credentials)
        list.push_back(passkeyData(credential, credentials->size() == 1));
    data.set("passkeys", list);
    data.set("passkeyCount", std::to_string(credentials->size()));
    data.set("hasPasskeys", !credentials->isEmpty());
    data.set("recoveryLead",
             s(tr("You signed in to the profile \"%1\" without a passkey.").arg(user.username)));
    return data;
}

// A recovery sign-in sees the recovery page (register a new passkey, remove lost ones)
// where a signed-in session sees the profile.
QString ProfilePages::pageTemplate(const CurrentSession& session)
{
    return session.state == SessionState::Recovering ? QStringLiteral("recovery")
                                                     : QStringLiteral("profile");
}

HttpResponse ProfilePages::profilePage(const HttpRequest& request, int status,
                                       const CurrentSession& session, const QList<Toast>& toasts)
{
    const auto data = profileData(*session.user);
    if (!data)
        return m_pages.error(request, data.error());
    return renderProfile(status, *data, toasts, session.state == SessionState::Recovering);
}

HttpResponse ProfilePages::renderProfile(int status, const TemplateData& data,
                                         const QList<Toast>& toasts, bool recovering)
{
    const PageContext context{recovering ? tr("Register a new passkey") : tr("Your profile"),
                              QStringLiteral("profile"), true, toasts};
    return HttpResponse::html(status, m_renderer.renderPage(recovering ? QStringLiteral("recovery")
                                                                       : QStringLiteral("profile"),
                                                            data, context));
}

// A profile without a passkey is reached only by its creator's enrolment session (or after
// its last passkey was removed): the one thing to do there is register a passkey.
HttpResponse ProfilePages::enrolPage(const HttpRequest& request, const CurrentSession& session)
{
    auto data = profileData(*session.user);
    if (!data)
        return m_pages.error(request, data.error());
    data->set("welcome", s(QCoreApplication::translate("latchkey::server::Pages", "Welcome, %1.")
                               .arg(session.user->displayName)));
    const PageContext context{tr("Register a passkey"), QStringLiteral("profile"), true, {}};
    return HttpResponse::html(
        200, m_renderer.renderPage(QStringLiteral("register_done"), *data, context));
}

HttpResponse ProfilePages::profile(const HttpRequest& request)
{
    const auto session = m_sessions.current(request);
    if (!session)
        return m_pages.error(request, readFailure(session.error()));
    if (session->state == SessionState::Enrolling)
        return enrolPage(request, *session);
    if (session->state != SessionState::SignedIn && session->state != SessionState::Recovering)
        return HttpResponse::redirect("/signin");
    return profilePage(request, 200, *session, {});
}

ApiResult<ProfilePages::Action> ProfilePages::beginAction(const HttpRequest& request,
                                                          bool recoveryMay)
{
    const BodyResult<FormFields> fields = parseFormBody(request);
    if (!fields)
        return ApiError{fields.error().status, QStringLiteral("bad_request"),
                        fields.error().message};
    const auto session = m_sessions.current(request);
    if (!session)
        return readFailure(session.error());
    Action action{*session, *fields};
    if (action.session.state == SessionState::Enrolling)
        return ApiError{403, QStringLiteral("passkey_required"),
                        tr("Register a passkey for this profile first.")};
    if (action.session.state == SessionState::Recovering) {
        if (recoveryMay)
            return action;
        return ApiError{403, QStringLiteral("recovery_only"),
                        tr("This recovery sign-in only lets you register a new passkey and "
                           "remove the ones you lost. Register a new passkey first; then sign in "
                           "with it to change anything else.")};
    }
    if (action.session.state != SessionState::SignedIn)
        return ApiError{401, QStringLiteral("no_session"),
                        tr("You are not signed in (or your session ended). Sign in again.")};
    return action;
}

ApiResult<QByteArray> ProfilePages::credentialField(const Action& action) const
{
    const auto id =
        core::decodeBase64Url(QStringView(action.fields.value(QStringLiteral("credential"))));
    if (!id || id->isEmpty())
        return ApiError{400, QStringLiteral("invalid_credential"),
                        tr("The passkey to change is missing or not base64url.")};
    return *id;
}

// The change is saved by now. Should reading the profile back fail, the answer still says
// it is done and sends the browser to /profile, which reports the read failure itself.
HttpResponse ProfilePages::actionDone(const HttpRequest& request, const CurrentSession& session,
                                      const QString& title, const QString& message,
                                      const QJsonObject& signal)
{
    const auto data = profileData(*session.user);
    const bool recovering = session.state == SessionState::Recovering;
    if (!request.wantsJson())
        return data
                   ? renderProfile(200, *data, {{Toast::Kind::Success, title, message}}, recovering)
                   : HttpResponse::redirect("/profile");
    QJsonObject answer{{QStringLiteral("ok"), true},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("message"), message}};
    if (data)
        answer.insert(QStringLiteral("html"),
                      QString::fromUtf8(m_renderer.renderFragment(pageTemplate(session), *data)));
    else
        answer.insert(QStringLiteral("redirect"), QStringLiteral("/profile"));
    if (!signal.isEmpty())
        answer.insert(QStringLiteral("signal"), signal);
    return jsonResponse(200, answer);
}

HttpResponse ProfilePages::actionFailed(const HttpRequest& request, const ApiError& error,
                                        const QString& title)
{
    if (request.wantsJson())
        return apiErrorResponse(error, title);
    const auto session = m_sessions.current(request);
    if (!session ||
        (session->state != SessionState::SignedIn && session->state != SessionState::Recovering))
        return m_pages.error(request, error);
    return profilePage(request, error.status, *session,
                       {{Toast::Kind::Error, title, error.message}});
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
    return writeFailure(renamed.error());
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
// needs the explicit confirmation field the page shows beside its warning. Everything the
// answer needs is read before the write, so a failed read changes nothing.
ApiResult<ProfilePages::Removal> ProfilePages::applyRemove(const Action& action)
{
    const auto id = credentialField(action);
    if (!id)
        return id.error();
    if (const auto stale = checkFreshVerification(action.session, m_context.now()))
        return *stale;
    const store::User& user = *action.session.user;
    const auto credentials = m_credentials.listForUser(user.id);
    if (!credentials)
        return readFailure(credentials.error());
    Removal removal;
    std::optional<store::Credential> removed;
    for (const store::Credential& credential : *credentials) {
        if (credential.credentialId == *id)
            removed = credential;
        else
            removal.remainingIds.append(credential.credentialId);
    }
    if (!removed)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This profile has no such passkey. Reload the page.")};
    if (removal.remainingIds.isEmpty() &&
        action.fields.value(QStringLiteral("confirm")) != lastPasskeyConfirmation())
        return ApiError{409, QStringLiteral("last_passkey"),
                        tr("This is your profile's only passkey: without it nobody can sign "
                           "in to the profile. Tick the confirmation to remove it anyway.")};
    const auto deleted =
        m_credentials.removeEndingOtherSessions(user.id, *id, action.session.session.id);
    if (!deleted)
        return writeFailure(deleted.error());
    removal.nickname = removed->nickname;
    // The removed passkey is unknown now, and the ones left are all this profile accepts.
    removal.signal = acceptedCredentialsSignal(user.userHandle, removal.remainingIds, {*id});
    return removal;
}

HttpResponse ProfilePages::removePasskey(const HttpRequest& request)
{
    const QString title = tr("Passkey not removed");
    // A recovery sign-in removes the passkeys the person lost.
    const auto action = beginAction(request, true);
    if (!action)
        return actionFailed(request, action.error(), title);
    const auto removed = applyRemove(*action);
    if (!removed)
        return actionFailed(request, removed.error(), title);
    const QString message = tr("\"%1\" no longer unlocks this profile.").arg(removed->nickname);
    if (!removed->remainingIds.isEmpty())
        return actionDone(request, action->session, tr("Passkey removed"), message,
                          removed->signal);
    // No passkey left: the session is an enrolment session again (register a new one).
    if (request.wantsJson())
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("ok"), true},
                                        {QStringLiteral("title"), tr("Passkey removed")},
                                        {QStringLiteral("message"), message},
                                        {QStringLiteral("redirect"), QStringLiteral("/profile")},
                                        {QStringLiteral("signal"), removed->signal}});
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
    const auto credentials = m_credentials.listForUser(user.id);
    if (!credentials)
        return actionFailed(request, readFailure(credentials.error()), title);
    QList<QByteArray> deletedIds;
    for (const store::Credential& credential : *credentials)
        deletedIds.append(credential.credentialId);
    const auto removed = m_users.remove(user.id); // credentials and sessions go by cascade
    if (!removed)
        return actionFailed(request, writeFailure(removed.error()), title);
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
    const auto session = m_sessions.current(request);
    if (!session)
        return actionFailed(request, readFailure(session.error()), tr("Sign-out"));
    if (session->state == SessionState::None) {
        HttpResponse refused = actionFailed(
            request, {401, QStringLiteral("no_session"), tr("You were not signed in.")},
            tr("Sign-out"));
        refused.addHeader("Set-Cookie", Sessions::clearedSessionCookie());
        return refused;
    }
    const auto ended = m_sessions.end(session->token);
    if (!ended)
        return actionFailed(request, writeFailure(ended.error()), tr("Sign-out"));
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
