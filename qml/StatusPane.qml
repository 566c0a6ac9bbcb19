import QtQuick

// Covers the view until the first page is painted, and whenever the pages cannot be shown:
// a calm "opening" state, or what went wrong with a way to try again. Plain QtQuick items
// and no animation during a normal start: nothing here competes with the page for the CPU.
Rectangle {
    id: pane

    property string failure: ""
    readonly property bool failed: failure !== ""
    // Only a slow start earns a moving sign of life.
    property bool slow: false
    signal retryRequested()

    color: "#f4f5f7"
    readonly property string heading: failed ? qsTr("Latchkey cannot show its pages")
                                             : qsTr("Opening Latchkey…")
    readonly property string detail: failed
        ? qsTr("%1\nThe page did not load. Try again; if it keeps failing, restart Latchkey.").arg(failure)
        : ""

    // Announced as it appears: an alert when the pages failed, otherwise a busy pane.
    Accessible.role: failed ? Accessible.AlertMessage : Accessible.Pane
    Accessible.name: heading
    Accessible.description: detail

    Timer {
        interval: 1500
        running: pane.visible && !pane.failed
        onTriggered: pane.slow = true
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        spacing: 16

        Image {
            id: icon
            anchors.horizontalCenter: parent.horizontalCenter
            source: "qrc:/icons/latchkey-256.png"
            sourceSize.width: 96
            sourceSize.height: 96
            width: 96
            height: 96
            opacity: pane.failed ? 0.5 : 1.0

            SequentialAnimation on opacity {
                running: pane.slow && !pane.failed && pane.visible
                loops: Animation.Infinite
                NumberAnimation { to: 0.4; duration: 700; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: 700; easing.type: Easing.InOutQuad }
            }
        }
        // Text and the button are created only when needed: a normal start then never loads
        // fonts into the GUI process, which keeps it lighter and the first paint sooner.
        Loader {
            width: parent.width
            active: pane.slow || pane.failed
            sourceComponent: Column {
                width: parent ? parent.width : 0
                spacing: 16

                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.pixelSize: 20
                    color: "#1f2328"
                    text: pane.heading
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.pixelSize: 14
                    color: "#57606a"
                    visible: pane.failed
                    // The failure comes from WebEngine and may quote the page's address.
                    textFormat: Text.PlainText
                    text: pane.detail
                }
                Rectangle {
                    id: retryButton
                    objectName: "retryButton"
                    anchors.horizontalCenter: parent.horizontalCenter
                    visible: pane.failed
                    width: retryLabel.implicitWidth + 40
                    height: 40
                    radius: 8
                    color: retryArea.pressed ? "#095457" : (retryArea.containsMouse ? "#0a6366" : "#0b6f72")
                    activeFocusOnTab: true
                    Keys.onReturnPressed: pane.retryRequested()
                    Keys.onEnterPressed: pane.retryRequested()
                    Keys.onSpacePressed: pane.retryRequested()
                    Accessible.role: Accessible.Button
                    Accessible.name: retryLabel.text
                    Accessible.description: pane.detail
                    Accessible.onPressAction: pane.retryRequested()
                    // The failure takes the keyboard: Enter tries again at once, as Tab's
                    // focus (the frame below shows).
                    onVisibleChanged: if (visible) forceActiveFocus(Qt.TabFocusReason)
                    Component.onCompleted: if (visible) forceActiveFocus(Qt.TabFocusReason)

                    // The keyboard focus: a ring outside the button, dark blue on the pane.
                    Rectangle {
                        anchors.fill: parent
                        anchors.margins: -4
                        radius: parent.radius + 4
                        color: "transparent"
                        border.width: 2
                        border.color: "#1f4fd8"
                        visible: retryButton.activeFocus
                    }

                    Text {
                        id: retryLabel
                        anchors.centerIn: parent
                        font.pixelSize: 15
                        font.bold: true
                        color: "white"
                        text: qsTr("Try again")
                    }
                    MouseArea {
                        id: retryArea
                        anchors.fill: parent
                        hoverEnabled: true
                        cursorShape: Qt.PointingHandCursor
                        onClicked: pane.retryRequested()
                    }
                }
            }
        }
    }
}
