#pragma once

#include "server/api_answers.h"
#include "server/http_message.h"
#include "server/page_renderer.h"
#include "server/profile_form.h"
#include "server/sessions.h"
#include "store/user_store.h"

namespace latchkey::server {

// The route handlers of the site: each turns a request into a full page (no script) or a
// JSON answer (Accept: application/json, used by latchkey.js).
class Pages {
public:
    Pages(store::Database& database, Sessions& sessions);
    void setPresenceOnly(bool presenceOnly) { m_renderer.setPresenceOnly(presenceOnly); }

    HttpResponse home(const HttpRequest& request);
    HttpResponse registerForm(const HttpRequest& request);
    HttpResponse registerSubmit(const HttpRequest& request);
    HttpResponse signInForm(const HttpRequest& request);
    HttpResponse signInSubmit(const HttpRequest& request);
    // The sign-in page with a toast (after sign-out or deleting a profile: the change is
    // made, so the page is shown even when the last profile's greeting cannot be read).
    HttpResponse signInWithToast(const HttpRequest& request, const Toast& toast);

    // An error as a page or as JSON, with the status's own heading.
    HttpResponse error(const HttpRequest& request, int status, const QString& message);
    // The same with the refusal's own code in the JSON (e.g. store_error, store_busy).
    HttpResponse error(const HttpRequest& request, const ApiError& error);
    HttpResponse notFound(const HttpRequest& request);
    HttpResponse methodNotAllowed(const HttpRequest& request, const QList<QByteArray>& allowed);

private:
    struct RegisterView {
        ProfileInput input;
        FormErrors fieldErrors;
        QString formError;
    };

    HttpResponse registerPage(int status, const RegisterView& view);
    HttpResponse registerFailure(const HttpRequest& request, int status, const QString& code,
                                 const RegisterView& view);
    HttpResponse registerSuccess(const HttpRequest& request, const store::User& user);
    HttpResponse registerAnswer(const HttpRequest& request, const store::User& user);
    // changeMade: the request already changed something (sign-out, profile deleted), so a
    // failed read of the greeting leaves it out instead of refusing the page.
    HttpResponse signInPage(const HttpRequest& request, int status, const QString& login,
                            const QString& fieldError, const QList<Toast>& toasts,
                            bool changeMade = false);
    store::StoreResult<void> addLastUser(const HttpRequest& request, TemplateData& data) const;
    store::StoreResult<bool> removeUnfinishedProfiles(const store::NewUser& newUser);
    store::StoreResult<QList<qint64>> unfinishedProfiles(const store::NewUser& newUser) const;

    Sessions& m_sessions;
    store::UserStore m_users;
    store::CredentialStore m_credentials;
    PageRenderer m_renderer;
};

} // namespace latchkey::server
