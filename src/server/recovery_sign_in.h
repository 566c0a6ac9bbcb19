#pragma once

#include "server/http_message.h"
#include "store/session_store.h"
#include "store/user_store.h"

namespace latchkey::server {

// The answer that hands a browser the recovery session Sessions::startRecovery issued (a
// recovery code or an emailed link proved the profile): the session cookie, the last-user
// cookie, and the way to /profile, whose recovery page offers the one step such a session
// allows. A plain form gets 303 to /profile; JSON (latchkey.js) gets
// {"ok": true, "title", "message", "redirect": "/profile"}.
HttpResponse recoveryGrantedAnswer(const HttpRequest& request, const store::IssuedSession& issued,
                                   const store::User& user);

} // namespace latchkey::server
