#pragma once

#include "server/api_answers.h"
#include "server/form_body.h"
#include "server/page_renderer.h"
#include "server/pages.h"
#include "server/server_context.h"
#include "server/sessions.h"
#include "store/credential_store.h"
#include "store/user_store.h"

namespace latchkey::server {

// The signed-in part of the site: the profile page and its actions (rename or remove a
// passkey, delete the profile), sign-out and "switch user". Each action is a plain form POST
// answered with a full page, or JSON (with the re-rendered card) for latchkey.js.
class ProfilePages {
public:
    ProfilePages(store::Database& database, const ServerContext& context, Sessions& sessions,
                 Pages& pages);
    void setPresenceOnly(bool presenceOnly) { m_renderer.setPresenceOnly(presenceOnly); }

    HttpResponse profile(const HttpRequest& request);
    HttpResponse renamePasskey(const HttpRequest& request);
    HttpResponse removePasskey(const HttpRequest& request);
    HttpResponse deleteProfile(const HttpRequest& request);
    HttpResponse signOut(const HttpRequest& request);
    HttpResponse forgetLastUser(const HttpRequest& request);

    // The value of the confirmation field that allows removing a profile's last passkey.
    static QString lastPasskeyConfirmation() { return QStringLiteral("remove-last-passkey"); }

private:
    struct Action {
        CurrentSession session;
        FormFields fields;
    };

    // What removing a passkey did: its nickname, the ids the profile still accepts and the
    // Signal API data that tells authenticators.
    struct Removal {
        QString nickname;
        QList<QByteArray> remainingIds;
        QJsonObject signal;
    };

    // An action of a signed-in session; a recovery sign-in may take it only when
    // recoveryMay (removing a lost passkey), and is refused everything else.
    ApiResult<Action> beginAction(const HttpRequest& request, bool recoveryMay = false);
    ApiResult<QByteArray> credentialField(const Action& action) const;
    ApiResult<QString> applyRename(const Action& action);
    ApiResult<Removal> applyRemove(const Action& action);
    ApiResult<TemplateData> profileData(const store::User& user) const;
    HttpResponse profilePage(const HttpRequest& request, int status, const CurrentSession& session,
                             const QList<Toast>& toasts);
    HttpResponse renderProfile(int status, const TemplateData& data, const QList<Toast>& toasts,
                               bool recovering = false);
    HttpResponse enrolPage(const HttpRequest& request, const CurrentSession& session);
    static QString pageTemplate(const CurrentSession& session);
    HttpResponse actionDone(const HttpRequest& request, const CurrentSession& session,
                            const QString& title, const QString& message,
                            const QJsonObject& signal = {});
    HttpResponse actionFailed(const HttpRequest& request, const ApiError& error,
                              const QString& title);

    const ServerContext& m_context;
    Sessions& m_sessions;
    Pages& m_pages;
    store::UserStore m_users;
    store::CredentialStore m_credentials;
    PageRenderer m_renderer;
};

} // namespace latchkey::server
