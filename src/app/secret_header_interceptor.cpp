#include "app/secret_header_interceptor.h"

#include "app/origin_policy.h"

#include <QWebEngineUrlRequestInfo>

namespace latchkey::app {

SecretHeaderInterceptor::SecretHeaderInterceptor(QUrl handlerOrigin, QByteArray headerName,
                                                 QByteArray secret, QObject* parent)
    : QWebEngineUrlRequestInterceptor(parent), m_origin(std::move(handlerOrigin)),
      m_headerName(std::move(headerName)), m_secret(std::move(secret))
{}

void SecretHeaderInterceptor::interceptRequest(QWebEngineUrlRequestInfo& info)
{
    if (isSameOrigin(m_origin, info.requestUrl()))
        info.setHttpHeader(m_headerName, m_secret);
}

} // namespace latchkey::app
