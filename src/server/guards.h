#pragma once

#include "server/http_message.h"

#include <QString>
#include <optional>

namespace latchkey::server {

// Largest request body the handler accepts (the register form is well under 1 KiB).
inline constexpr qsizetype kMaxBodyBytes = 64 * 1024;

// Why a request was refused before routing: the status to answer with and a sentence.
struct GuardFailure {
    int status = 403;
    QString message;
};

// The name of the HttpOnly cookie that carries the launch secret for ordinary browsers.
QByteArray secretCookieName();

// DNS rebinding: the Host header must be exactly "localhost:<port>" (one header only).
std::optional<GuardFailure> checkHost(const HttpRequest& request, quint16 port);

// Only the app's own WebEngine profile (header) or a browser that opened the one-time URL
// (cookie) knows the per-launch secret. Compared in constant time.
std::optional<GuardFailure> checkSecret(const HttpRequest& request, const QByteArray& secret);

// True when the request carries the secret in the header that only the app's own view adds:
// the answer goes to the Latchkey window, never to an ordinary browser.
// The refusal for a request without the secret.
GuardFailure missingSecret();

bool isFromAppView(const HttpRequest& request, const QByteArray& secret);

// CSRF: state-changing methods must come from our own origin, http://localhost:<port>
// ("Origin: null" counts only with the browser's own "Sec-Fetch-Site: same-origin").
std::optional<GuardFailure> checkOrigin(const HttpRequest& request, quint16 port);

// Bodies larger than kMaxBodyBytes are refused.
std::optional<GuardFailure> checkBodySize(const HttpRequest& request);
GuardFailure bodyTooLarge();
// Too many bytes are waiting to be answered on all connections together (ConnectionLimits).
GuardFailure serverBusy();

bool isStateChanging(const QByteArray& method);

} // namespace latchkey::server
