import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Confirm it's you": the app's own prompt before a passkey is created or used. Modal in the
// window; Enter confirms, Escape cancels, focus starts on Confirm (or on the list of profiles
// when the person must pick one). Answers go to the verifier (QmlUserVerifier).
Popup {
    id: prompt

    property QtObject verifier: null
    property string reason: ""
    property string site: ""
    property string userName: ""
    property string displayName: ""
    property var accounts: []
    readonly property bool choosing: accounts.length > 1
    // Set once the verifier has its answer, so closing the popup does not answer twice.
    property bool answered: true

    function confirm() {
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
            prompt.answered = false
            chooser.currentIndex = 0
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
            text: qsTr("Confirm it's you")
            font.pixelSize: 22
            font.bold: true
            Accessible.role: Accessible.Heading
            Layout.fillWidth: true
        }
        Label {
            id: reasonLabel
            text: prompt.reason
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !prompt.choosing && prompt.userName !== ""
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
            text: qsTr("Site: %1").arg(prompt.site)
            color: "#4a5160"
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: 10
            Button {
                id: cancelButton
                text: qsTr("Cancel")
                Accessible.name: text
                onClicked: prompt.cancel()
                Keys.onReturnPressed: prompt.cancel()
                Keys.onEnterPressed: prompt.cancel()
            }
            Button {
                id: confirmButton
                text: qsTr("Confirm")
                highlighted: true
                Accessible.name: text
                onClicked: prompt.confirm()
                Keys.onReturnPressed: prompt.confirm()
                Keys.onEnterPressed: prompt.confirm()
            }
        }
    }
}
