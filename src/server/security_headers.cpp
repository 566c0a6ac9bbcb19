#include "server/security_headers.h"

namespace latchkey::server {

QByteArray contentSecurityPolicy()
{
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
           "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}

void applySecurityHeaders(HttpResponse& response, Audience audience)
{
    response.setHeader("Content-Security-Policy", contentSecurityPolicy());
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (audience == Audience::Browser)
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    if (response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "no-store");
    if (response.header("Content-Type").isEmpty() && !response.body.isEmpty())
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
}

} // namespace latchkey::server
