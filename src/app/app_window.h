#pragma once

#include "app/app_error.h"
#include "authenticator/system_verifier.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

class QQmlComponent;
class QQmlEngine;
class QQuickWebEngineProfile;
class QQuickWindow;

namespace latchkey::app {

class FirstPaintReporter;
class SecretHeaderInterceptor;
class WebAuthnBridge;
class WindowGeometry;
class WindowShell;

// The app's window: a QML ApplicationWindow with a WebEngineView on the local handler,
// using a web profile of its own (off the record) that sends the launch secret to the
// handler's origin only.
class AppWindow : public QObject {
    Q_OBJECT

public:
    struct Setup {
        QString settingsFile; // window geometry
        QUrl qmlUrl = QUrl(QStringLiteral("qrc:/qml/Main.qml"));
    };

    // Where the pages are and the secret that opens them, known once the handler listens.
    struct Handler {
        QUrl homeUrl;
        QByteArray secretHeaderName;
        QByteArray launchSecret;
        QString dataFolder;               // where the profiles (and the passkeys file) live
        bool dataFolderRequested = false; // --data-dir: keep passkey secrets beside it
        // How the person is verified (UserVerificationChoice::chosen()), null: presence only.
        // It must outlive the window.
        authenticator::SystemVerifier* verifier = nullptr;
        QString tpmTcti; // --tpm-tcti
    };

    explicit AppWindow(Setup setup, QObject* parent = nullptr);
    ~AppWindow() override;

    // Makes the web profile and compiles the QML, while the backend is still starting on
    // its own thread.
    AppResult<void> prepare();

    // Creates the window already pointed at the handler (the home page starts loading
    // while the rest of the window is built) and shows it where it was last time.
    AppResult<void> open(const Handler& handler);

    QQuickWindow* window() const { return m_window; }

private:
    QQuickWebEngineProfile* makeProfile();
    AppError windowError(const QString& detail) const;

    Setup m_setup;
    SecretHeaderInterceptor* m_interceptor = nullptr;
    WebAuthnBridge* m_passkeys = nullptr;
    QQuickWebEngineProfile* m_profile = nullptr;
    WindowShell* m_shell = nullptr;
    QQmlEngine* m_engine = nullptr;
    QQmlComponent* m_component = nullptr;
    QQuickWindow* m_window = nullptr;
    WindowGeometry* m_geometry = nullptr;
    FirstPaintReporter* m_firstPaint = nullptr;
};

} // namespace latchkey::app
