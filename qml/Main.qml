import QtQuick
// The ApplicationWindow type itself, without the Controls style's decoration of it: the style
// module and its QML files then load only with the passkey prompt, not at every start
// (bench/startup). The prompt brings its own Overlay.modal.
import QtQuick.Templates as T
import QtWebChannel
import QtWebEngine

// The Latchkey window: the local handler's pages in a WebEngineView, a start-up and
// failure pane so the window is never a blank white rectangle, and the usual shortcuts.
T.ApplicationWindow {
    id: window

    // Set by C++ (AppWindow) before the window is created.
    required property QtObject shell
    required property WebEngineProfile webProfile
    // The passkey bridge (WebAuthnBridge): null when the window runs without passkeys.
    property QtObject passkeys: null

    readonly property color paper: "#f4f5f7"
    readonly property real minimumZoom: 0.5
    readonly property real maximumZoom: 3.0
    property bool everLoaded: false
    property string failure: ""
    // A quick start shows the window's paper colour and then the page; the start-up pane
    // appears only when the first page takes longer than this (no flash, and no pane to
    // draw while the page is still loading).
    readonly property int startupPaneDelay: 400
    property bool startIsSlow: false

    title: qsTr("Latchkey")
    width: 1100
    height: 760
    minimumWidth: 400
    minimumHeight: 560
    // C++ shows the window once its remembered geometry is applied.
    visible: false
    color: paper

    function zoomBy(factor) {
        view.zoomFactor = Math.min(maximumZoom, Math.max(minimumZoom, view.zoomFactor * factor))
    }

    function retry() {
        failure = ""
        if (view.url.toString() === "")
            view.url = shell.homeUrl
        else
            view.reload()
    }

    // The injected WebAuthn client reaches the bridge here, as "latchkeyPasskeys".
    WebChannel {
        id: channel
    }

    WebEngineView {
        id: view
        anchors.fill: parent
        profile: window.webProfile
        webChannel: channel
        url: window.shell.homeUrl
        backgroundColor: window.paper

        // A ceremony belongs to the page that started it.
        onUrlChanged: if (window.passkeys) window.passkeys.pageChanged()

        onNavigationRequested: function(request) {
            if (!window.shell.admitNavigation(request.url, request.isMainFrame))
                request.action = WebEngineNavigationRequest.IgnoreRequest
        }
        onNewWindowRequested: function(request) {
            if (window.shell.admitNewWindow(request.requestedUrl))
                view.url = request.requestedUrl
        }
        onLoadingChanged: function(info) {
            if (info.status === WebEngineLoadingInfo.LoadSucceededStatus) {
                window.everLoaded = true
                window.failure = ""
                window.shell.reportLoadSucceeded()
            } else if (info.status === WebEngineLoadingInfo.LoadFailedStatus
                       && info.errorDomain !== WebEngineLoadingInfo.HttpStatusCodeDomain
                       && info.errorCode !== -3 /* ERR_ABORTED: a navigation we refused */) {
                window.failure = info.errorString
            }
        }
        onRenderProcessTerminated: function(status, exitCode) {
            if (status !== WebEngineView.NormalTerminationStatus)
                window.failure = qsTr("The page stopped unexpectedly (exit code %1).").arg(exitCode)
        }
    }

    // A thin progress line for later navigations; the pane below covers the first one.
    Rectangle {
        anchors.top: parent.top
        anchors.left: parent.left
        height: 3
        width: parent.width * view.loadProgress / 100
        color: "#0b6f72"
        visible: window.everLoaded && view.loading
        Accessible.role: Accessible.ProgressBar
        Accessible.name: qsTr("Loading the page")
        Accessible.description: view.title
    }

    Timer {
        interval: window.startupPaneDelay
        running: !window.everLoaded
        onTriggered: window.startIsSlow = true
    }

    StatusPane {
        objectName: "statusPane"
        anchors.fill: parent
        visible: (!window.everLoaded && window.startIsSlow) || window.failure !== ""
        failure: window.failure
        onRetryRequested: window.retry()
        // The pane held the keyboard (its Try again button): the pages get it back.
        onVisibleChanged: if (!visible) view.forceActiveFocus()
    }

    // The passkey prompt is loaded the first time a page asks for one, not at start-up: its
    // file is read and its imports (QtQuick.Layouts) loaded only then. Loading happens on
    // pendingChanged, which the verifier emits before promptRequested or noticeRequested.
    Loader {
        id: promptLoader
        active: false
        source: "UserVerificationPrompt.qml"
        onLoaded: item.verifier = window.passkeys.verifier
    }
    Connections {
        target: window.passkeys ? window.passkeys.verifier : null
        function onPendingChanged() {
            if (window.passkeys.verifier.pending)
                promptLoader.active = true
        }
    }

    Component.onCompleted: {
        if (window.passkeys) {
            window.passkeys.view = view
            channel.registerObject("latchkeyPasskeys", window.passkeys.channelObject)
        }
    }

    Shortcut {
        sequence: "Ctrl+Q"
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }
    Shortcut {
        sequences: ["Ctrl+R", "F5"]
        onActivated: window.retry()
    }
    Shortcut {
        sequences: ["Ctrl++", "Ctrl+="]
        onActivated: window.zoomBy(1.1)
    }
    Shortcut {
        sequence: "Ctrl+-"
        onActivated: window.zoomBy(1 / 1.1)
    }
    Shortcut {
        sequence: "Ctrl+0"
        onActivated: view.zoomFactor = 1.0
    }
    Shortcut {
        sequence: "Alt+Left"
        onActivated: view.goBack()
    }
    Shortcut {
        sequence: "Alt+Right"
        onActivated: view.goForward()
    }
}
