import QtQuick
import QtQuick.Controls

// The profiles whose passkeys fit a usernameless sign-in: display name and username, one
// row each. Up and Down move, a click or the arrow keys choose; the prompt confirms.
ListView {
    id: list

    // [{displayName, userName}]
    property var accounts: []
    // The sentence above the list ("Choose the profile..."), read with it.
    property string instruction: ""

    model: accounts
    clip: true
    currentIndex: 0
    keyNavigationEnabled: true
    boundsBehavior: Flickable.StopAtBounds
    implicitHeight: Math.min(contentHeight, 240)
    activeFocusOnTab: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Profiles")
    Accessible.description: instruction

    delegate: ItemDelegate {
        id: row
        required property int index
        required property var modelData

        width: ListView.view.width
        highlighted: ListView.isCurrentItem
        focusPolicy: Qt.NoFocus
        Accessible.role: Accessible.ListItem
        Accessible.name: modelData.displayName + " (" + modelData.userName + ")"
        Accessible.description: qsTr("Profile %1 of %2: Up and Down choose another, Enter confirms.")
                                .arg(index + 1).arg(list.count)
        Accessible.selectable: true
        Accessible.selected: highlighted
        onClicked: list.currentIndex = index

        contentItem: Column {
            spacing: 2
            Label {
                text: row.modelData.displayName
                // A profile's names, shown as typed: never markup.
                textFormat: Text.PlainText
                font.bold: true
                elide: Text.ElideRight
                width: parent.width
            }
            Label {
                text: row.modelData.userName
                textFormat: Text.PlainText
                color: "#4a5160"
                elide: Text.ElideRight
                width: parent.width
            }
        }
        background: Rectangle {
            color: row.highlighted ? "#d7eeee" : (row.hovered ? "#eef0f3" : "transparent")
            border.color: row.highlighted && list.activeFocus ? "#0b6f72" : "transparent"
            border.width: 2
            radius: 6
        }
    }
}
