import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Confirm it's you": the app's own prompt before a passkey is created or used. Modal in the
// window; Enter confirms, Escape cancels, focus starts on Confirm (or on the list of profiles
// when the person must pick one). Answers go to the verifier (QmlUserVerifier).
// Confirm alone proves only that someone is here. When the site asks that the computer verify
// who it is (verifying), the system (PAM) does it: its question ("Password:") appears as a
// field, its messages ("Place your finger on the reader") as text, and the prompt closes when
// the system has answered. After failed attempts it shows how long the next one waits.
// As a notice ("No passkey here", when a site asks for a passkey this computer does not hold)
// it has one button, Close; Enter and Escape close it, and closing is the only answer.
Popup {
    id: prompt

    property QtObject verifier: null
    property string reason: ""
    property string site: ""
    property string userName: ""
    property string displayName: ""
    property var accounts: []
    property bool notice: false
    readonly property bool choosing: !notice && accounts.length > 1
    // The system verifies the person; started once the verification runs.
    property bool verifying: false
    property bool started: false
    // The system's question waiting for the person (a password field when hidden).
    property bool asking: false
    property string question: ""
    property bool hiddenAnswer: true
    property string systemMessage: ""
    property bool systemMessageIsError: false
    property int retrySeconds: 0
    // Set once the verifier has its answer, so closing the popup does not answer twice.
    property bool answered: true

    function confirm() {
        if (notice) {
            cancel()
            return
        }
        if (answered)
            return
        if (verifying) {
            if (asking)
                submitAnswer()
            else if (!started) {
                started = true
                verifier.confirm(choosing ? chooser.currentIndex : 0)
            }
            return
        }
        answered = true
        verifier.confirm(choosing ? chooser.currentIndex : 0)
        close()
    }

    function submitAnswer() {
        if (!asking)
            return
        asking = false
        const text = answerField.text
        answerField.text = ""
        verifier.answer(text)
    }

    function resetSystemState() {
        asking = false
        question = ""
        systemMessage = ""
        systemMessageIsError = false
        retrySeconds = 0
        answerField.text = ""
    }

    function cancel() {
        close()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(460, parent ? parent.width - 32 : 460)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: 24

    Connections {
        target: prompt.verifier
        function onPromptRequested(reason, site, userName, displayName, accounts, verifying) {
            prompt.resetSystemState()
            prompt.verifying = verifying
            prompt.started = verifying && accounts.length <= 1
            prompt.reason = reason
            prompt.site = site
            prompt.userName = userName
            prompt.displayName = displayName
            prompt.accounts = accounts
            prompt.notice = false
            prompt.answered = false
            chooser.currentIndex = 0
            prompt.open()
        }
        function onNoticeRequested(site) {
            prompt.resetSystemState()
            prompt.verifying = false
            prompt.started = false
            prompt.reason = ""
            prompt.site = site
            prompt.userName = ""
            prompt.displayName = ""
            prompt.accounts = []
            prompt.notice = true
            prompt.answered = false
            prompt.open()
        }
        function onPromptClosed() {
            prompt.answered = true
            prompt.resetSystemState()
            prompt.close()
        }
        function onQuestionAsked(question, hidden) {
            prompt.retrySeconds = 0
            prompt.question = question
            prompt.hiddenAnswer = hidden
            prompt.asking = true
            answerField.forceActiveFocus(Qt.TabFocusReason)
        }
        function onMessageShown(message, error) {
            prompt.systemMessage = message
            prompt.systemMessageIsError = error
        }
        function onRetryDelayed(delayMs) {
            prompt.retrySeconds = Math.ceil(delayMs / 1000)
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: prompt.opened && prompt.retrySeconds > 0
        onTriggered: prompt.retrySeconds = Math.max(0, prompt.retrySeconds - 1)
    }

    // As a keyboard focus (Tab's reason), so the control shows its focus frame from the start.
    onOpened: (asking ? answerField : choosing ? chooser : confirmButton).forceActiveFocus(Qt.TabFocusReason)
    onClosed: {
        if (!answered) {
            answered = true
            verifier.decline()
        }
    }

    Overlay.modal: Rectangle {
        color: "#80000000"
    }

    background: Rectangle {
        color: "#ffffff"
        radius: 10
        border.color: "#c9ced6"
    }

    contentItem: ColumnLayout {
        spacing: 14
        // A Popup is not an Item: its content carries the dialog's accessible name.
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text
        Accessible.description: reasonLabel.text
        Keys.onReturnPressed: prompt.confirm()
        Keys.onEnterPressed: prompt.confirm()

        Label {
            id: title
            text: prompt.notice ? qsTr("No passkey here") : qsTr("Confirm it's you")
            font.pixelSize: 22
            font.bold: true
            Accessible.role: Accessible.Heading
            Layout.fillWidth: true
        }
        Label {
            id: reasonLabel
            text: prompt.notice
                  ? qsTr("There is no passkey for %1 on this computer.").arg(prompt.site)
                  : prompt.reason
            // Names and sites come from profiles and pages: never markup (no <img> fetch).
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !prompt.notice && !prompt.choosing && prompt.userName !== ""
            text: qsTr("Profile: %1 (%2)").arg(prompt.displayName).arg(prompt.userName)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            id: chooserLabel
            visible: prompt.choosing
            text: qsTr("Choose the profile to sign in with:")
            Layout.fillWidth: true
        }
        AccountChooser {
            id: chooser
            visible: prompt.choosing
            accounts: prompt.choosing ? prompt.accounts : []
            instruction: chooserLabel.text
            // The account is fixed once the system's verification has started for it.
            enabled: !(prompt.verifying && prompt.started)
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            Keys.onReturnPressed: prompt.confirm()
            Keys.onEnterPressed: prompt.confirm()
        }
        Label {
            id: verificationLabel
            visible: !prompt.notice
            text: prompt.verifying
                  ? qsTr("This computer's own sign-in (your password or fingerprint) confirms it's you.")
                  : qsTr("Confirm shows you are here; it does not check who you are.")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: "#4a5160"
            Layout.fillWidth: true
        }
        Label {
            id: questionLabel
            visible: prompt.asking
            // The system's own words (PAM's "Password:"): data, never markup.
            text: prompt.question
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: answerField
            visible: prompt.asking
            echoMode: prompt.hiddenAnswer ? TextInput.Password : TextInput.Normal
            placeholderText: prompt.hiddenAnswer ? qsTr("Password") : ""
            Accessible.role: Accessible.EditableText
            Accessible.name: prompt.question
            Accessible.description: verificationLabel.text
            Layout.fillWidth: true
            Keys.onReturnPressed: prompt.submitAnswer()
            Keys.onEnterPressed: prompt.submitAnswer()
        }
        Label {
            id: systemMessageLabel
            visible: prompt.systemMessage !== ""
            text: prompt.systemMessage
            textFormat: Text.PlainText
            color: prompt.systemMessageIsError ? "#b3261e" : "#1f2430"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            id: retryLabel
            visible: prompt.retrySeconds > 0
            text: qsTr("Too many failed attempts: you can try again in %n second(s).", "",
                       prompt.retrySeconds)
            textFormat: Text.PlainText
            color: "#b3261e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !prompt.notice // the notice's sentence names the site already
            text: qsTr("Site: %1").arg(prompt.site)
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            color: "#4a5160"
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: 10
            Button {
                id: cancelButton
                visible: !prompt.notice
                text: qsTr("Cancel")
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: qsTr("Closes this prompt: no passkey is created or used.")
                onClicked: prompt.cancel()
                Keys.onReturnPressed: prompt.cancel()
                Keys.onEnterPressed: prompt.cancel()
            }
            Button {
                id: confirmButton
                text: prompt.notice ? qsTr("Close") : qsTr("Confirm")
                highlighted: true
                // While the system works (a fingerprint, a delay) there is nothing to confirm.
                enabled: prompt.notice || !prompt.verifying || prompt.asking || !prompt.started
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: prompt.notice ? reasonLabel.text : verificationLabel.text
                onClicked: prompt.confirm()
                Keys.onReturnPressed: prompt.confirm()
                Keys.onEnterPressed: prompt.confirm()
            }
        }
    }
}
