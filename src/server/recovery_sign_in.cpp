#include "server/recovery_sign_in.h"

#include "server/api_answers.h"
#include "server/sessions.h"

#include <QCoreApplication>

namespace latchkey::server {

HttpResponse recoveryGrantedAnswer(const HttpRequest& request, const store::IssuedSession& issued,
                                   const store::User& user)
{
    HttpResponse response =
        request.wantsJson()
            ? jsonResponse(
                  200,
                  QJsonObject{
                      {QStringLiteral("ok"), true},
                      {QStringLiteral("title"),
                       QCoreApplication::translate("latchkey::server::RecoverySignIn",
                                                   "Recovery sign-in")},
                      {QStringLiteral("message"),
                       QCoreApplication::translate(
                           "latchkey::server::RecoverySignIn",
                           "Register a new passkey for %1 now: this sign-in allows only that, "
                           "and only for 15 minutes.")
                           .arg(user.username)},
                      {QStringLiteral("redirect"), QStringLiteral("/profile")}})
            : HttpResponse::redirect("/profile");
    response.addHeader("Set-Cookie", Sessions::sessionCookie(issued.token));
    response.addHeader("Set-Cookie", Sessions::lastUserCookie(user.uid));
    return response;
}

} // namespace latchkey::server
