#include "server/guards.h"

#include "core/constant_time.h"

#include <QCoreApplication>

namespace latchkey::server {

namespace {

QByteArray expectedOrigin(quint16 port)
{
    return "http://localhost:" + QByteArray::number(port);
}

} // namespace

QByteArray secretCookieName()
{
    return "latchkey_secret";
}

bool isStateChanging(const QByteArray& method)
{
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::optional<GuardFailure> checkHost(const HttpRequest& request, quint16 port)
{
    int hostHeaders = 0;
    for (const auto& entry : request.headers) {
        if (entry.first.compare("host", Qt::CaseInsensitive) == 0)
            ++hostHeaders;
    }
    const QByteArray expected = "localhost:" + QByteArray::number(port);
    if (hostHeaders == 1 && request.header("host") == expected)
        return std::nullopt;
    return GuardFailure{
        421, QCoreApplication::translate("latchkey::server::Guards",
                                         "This address is not served here. Open Latchkey at "
                                         "http://localhost:%1/ instead.")
                 .arg(port)};
}

bool isFromAppView(const HttpRequest& request, const QByteArray& secret)
{
    return !secret.isEmpty() &&
           core::constantTimeEquals(request.header("x-latchkey-secret"), secret);
}

std::optional<GuardFailure> checkSecret(const HttpRequest& request, const QByteArray& secret)
{
    const QByteArray fromCookie = request.cookie(secretCookieName());
    if (isFromAppView(request, secret) ||
        (!secret.isEmpty() && core::constantTimeEquals(fromCookie, secret)))
        return std::nullopt;
    return missingSecret();
}

GuardFailure missingSecret()
{
    return GuardFailure{403, QCoreApplication::translate(
                                 "latchkey::server::Guards",
                                 "Only the Latchkey app may open these pages. Use the Latchkey "
                                 "window, or the one-time link printed by \"latchkey --serve\".")};
}

std::optional<GuardFailure> checkOrigin(const HttpRequest& request, quint16 port)
{
    if (!isStateChanging(request.method))
        return std::nullopt;
    const QByteArray origin = request.header("origin");
    if (origin == expectedOrigin(port))
        return std::nullopt;
    // With Referrer-Policy: no-referrer, Chromium sends "Origin: null" on our own form posts
    // (Fetch, "serializing a request origin"). Sec-Fetch-Site is set by the browser alone,
    // never by page script, and tells where such a request really came from.
    if (origin == "null" && request.header("sec-fetch-site") == "same-origin")
        return std::nullopt;
    return GuardFailure{
        403, QCoreApplication::translate("latchkey::server::Guards",
                                         "This form was sent from another site, so it was refused. "
                                         "Submit it again from the Latchkey page.")};
}

GuardFailure bodyTooLarge()
{
    return GuardFailure{
        413, QCoreApplication::translate("latchkey::server::Guards",
                                         "The request is larger than 64 KiB, so it was refused.")};
}

GuardFailure serverBusy()
{
    return GuardFailure{
        503, QCoreApplication::translate("latchkey::server::Guards",
                                         "Latchkey is busy with other requests. Try again in a "
                                         "moment.")};
}

std::optional<GuardFailure> checkBodySize(const HttpRequest& request)
{
    if (request.body.size() <= kMaxBodyBytes)
        return std::nullopt;
    return bodyTooLarge();
}

} // namespace latchkey::server
