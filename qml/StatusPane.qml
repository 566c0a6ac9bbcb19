import QtQuick
import QtQuick.Controls

// Covers the view until the first page is painted, and whenever the pages cannot be shown:
// a calm "opening" state, or what went wrong with a way to try again.
Rectangle {
    id: pane

    property string failure: ""
    readonly property bool failed: failure !== ""
    signal retryRequested()

    color: "#f4f5f7"

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        spacing: 16

        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: "qrc:/icons/latchkey-256.png"
            sourceSize.width: 96
            sourceSize.height: 96
            width: 96
            height: 96
            opacity: pane.failed ? 0.5 : 1.0
        }
        Label {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: 20
            color: "#1f2328"
            text: pane.failed ? qsTr("Latchkey cannot show its pages") : qsTr("Opening Latchkey…")
        }
        Label {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#57606a"
            visible: pane.failed
            text: qsTr("%1\nThe local handler did not answer. Try again; if it keeps failing, restart Latchkey.").arg(pane.failure)
        }
        BusyIndicator {
            anchors.horizontalCenter: parent.horizontalCenter
            running: !pane.failed && pane.visible
            visible: running
        }
        Button {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: pane.failed
            text: qsTr("Try again")
            onClicked: pane.retryRequested()
        }
    }
}
