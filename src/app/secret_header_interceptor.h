#pragma once

#include <QByteArray>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace latchkey::app {

// Adds the per-launch secret header to requests for the local handler's own origin and to
// nothing else, so no other site the window might reach ever sees the secret.
class SecretHeaderInterceptor : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT

public:
    SecretHeaderInterceptor(QUrl handlerOrigin, QByteArray headerName, QByteArray secret,
                            QObject* parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo& info) override;

private:
    // Immutable after construction: WebEngine may call interceptRequest from its IO thread.
    const QUrl m_origin;
    const QByteArray m_headerName;
    const QByteArray m_secret;
};

} // namespace latchkey::app
