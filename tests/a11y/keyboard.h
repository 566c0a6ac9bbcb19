#pragma once

#include "headless_chromium.h"

#include <QImage>
#include <QJsonObject>
#include <QRectF>
#include <QString>

namespace latchkey::a11y::testing {

// Keys as a keyboard sends them, through Chromium's input pipeline (Input.dispatchKeyEvent):
// the page sees keydown, keypress and keyup, focus moves and buttons activate as they would
// for a person. No mouse, no script clicks.
class Keyboard {
public:
    explicit Keyboard(server::testing::HeadlessChromium& browser) : m_browser(browser) {}

    void tab() { press(QStringLiteral("Tab"), 9); }
    void shiftTab() { press(QStringLiteral("Tab"), 9, {}, kShift); }
    void enter() { press(QStringLiteral("Enter"), 13, QStringLiteral("\r")); }
    void space() { press(QStringLiteral(" "), 32, QStringLiteral(" ")); }
    void escape() { press(QStringLiteral("Escape"), 27); }
    void down() { press(QStringLiteral("ArrowDown"), 40); }
    // One key press per character.
    void type(const QString& text);

private:
    static constexpr int kShift = 8;
    void press(const QString& key, int code, const QString& text = {}, int modifiers = 0);

    server::testing::HeadlessChromium& m_browser;
};

// The element that has the keyboard focus: what it is, and where it is in the viewport.
struct FocusedElement {
    QString description; // "BUTTON \"Sign out\"", "body" when nothing has focus
    bool focusVisible = false;
    QRectF box; // CSS pixels, viewport
};

FocusedElement focusedElement(server::testing::HeadlessChromium& browser);

// The viewport, as Chromium paints it (CSS pixels at scale 1).
QImage viewportImage(server::testing::HeadlessChromium& browser);

// How visible the focus is: the number of pixels around and on box whose colour differs at a
// contrast of at least 3:1 (WCAG 1.4.11) between the focused and the unfocused picture.
int pixelsChangedAtThreeToOne(const QImage& focused, const QImage& unfocused, const QRectF& box);

} // namespace latchkey::a11y::testing
