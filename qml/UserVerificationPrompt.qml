import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Confirm it's you": the app's own prompt before a passkey is created or used. Modal in the
// window; Enter confirms, Escape cancels, focus starts on Confirm (or on the list of profiles
// when the person must pick one). Answers go to the verifier (QmlUserVerifier).
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
    // Set once the verifier has its answer, so closing the popup does not answer twice.
    property bool answered: true

    function confirm() {
        if (notice) {
            cancel()
            return
        }
        if (answered)
            return
        answered = true
        verifier.confirm(choosing ? chooser.currentIndex : 0)
        close()
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
        function onPromptRequested(reason, site, userName, displayName, accounts) {
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
            prompt.close()
        }
    }

    onOpened: (choosing ? chooser : confirmButton).forceActiveFocus()
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
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !prompt.notice && !prompt.choosing && prompt.userName !== ""
            text: qsTr("Profile: %1 (%2)").arg(prompt.displayName).arg(prompt.userName)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: prompt.choosing
            text: qsTr("Choose the profile to sign in with:")
            Layout.fillWidth: true
        }
        AccountChooser {
            id: chooser
            visible: prompt.choosing
            accounts: prompt.choosing ? prompt.accounts : []
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            Keys.onReturnPressed: prompt.confirm()
            Keys.onEnterPressed: prompt.confirm()
        }
        Label {
            visible: !prompt.notice // the notice's sentence names the site already
            text: qsTr("Site: %1").arg(prompt.site)
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
                Accessible.name: text
                onClicked: prompt.cancel()
                Keys.onReturnPressed: prompt.cancel()
                Keys.onEnterPressed: prompt.cancel()
            }
            Button {
                id: confirmButton
                text: prompt.notice ? qsTr("Close") : qsTr("Confirm")
                highlighted: true
                Accessible.name: text
                onClicked: prompt.confirm()
                Keys.onReturnPressed: prompt.confirm()
                Keys.onEnterPressed: prompt.confirm()
            }
        }
    }
}
