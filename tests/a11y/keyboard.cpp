#include "keyboard.h"

#include <QJsonObject>
#include <QtMath>
#include <algorithm>

namespace latchkey::a11y::testing {

using server::testing::HeadlessChromium;

void Keyboard::press(const QString& key, int code, const QString& text, int modifiers)
{
    QJsonObject down{{"type", text.isEmpty() ? "rawKeyDown" : "keyDown"},
                     {"key", key},
                     {"code", key == QLatin1String(" ") ? QStringLiteral("Space") : key},
                     {"windowsVirtualKeyCode", code},
                     {"nativeVirtualKeyCode", code},
                     {"modifiers", modifiers}};
    if (!text.isEmpty())
        down.insert("text", text);
    m_browser.call(QStringLiteral("Input.dispatchKeyEvent"), down);
    QJsonObject up = down;
    up.insert("type", "keyUp");
    up.remove("text");
    m_browser.call(QStringLiteral("Input.dispatchKeyEvent"), up);
}

void Keyboard::type(const QString& text)
{
    for (const QChar character : text) {
        const QString one(character);
        // A character key: its text is what lands in the field.
        m_browser.call(QStringLiteral("Input.dispatchKeyEvent"),
                       {{"type", "keyDown"}, {"key", one}, {"text", one}});
        m_browser.call(QStringLiteral("Input.dispatchKeyEvent"), {{"type", "keyUp"}, {"key", one}});
    }
}

FocusedElement focusedElement(HeadlessChromium& browser)
{
    const QJsonObject found = browser
                                  .evaluate(QStringLiteral(R"((() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {description: "body"};
  const r = el.getBoundingClientRect();
  const name = (el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].textContent)
                || el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60);
  return {description: el.tagName + (el.id ? "#" + el.id : "") + ' "' + name + '"',
          focusVisible: el.matches(":focus-visible"), x: r.x, y: r.y, w: r.width, h: r.height};
})())"))
                                  .toObject();
    return {found.value("description").toString(), found.value("focusVisible").toBool(),
            QRectF(found.value("x").toDouble(), found.value("y").toDouble(),
                   found.value("w").toDouble(), found.value("h").toDouble())};
}

QImage viewportImage(HeadlessChromium& browser)
{
    const QJsonObject reply =
        browser.call(QStringLiteral("Page.captureScreenshot"), {{"format", "png"}});
    const QByteArray png = QByteArray::fromBase64(
        reply.value("result").toObject().value("data").toString().toLatin1());
    const double cssWidth = browser.evaluate(QStringLiteral("window.innerWidth")).toDouble();
    QImage image = QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32);
    // In CSS pixels, as the boxes are.
    if (cssWidth > 0 && image.width() != qRound(cssWidth))
        image = image.scaledToWidth(qRound(cssWidth), Qt::FastTransformation);
    return image;
}

namespace {

double luminance(QRgb pixel)
{
    const auto channel = [](int value) {
        const double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(qRed(pixel)) + 0.7152 * channel(qGreen(pixel)) +
           0.0722 * channel(qBlue(pixel));
}

} // namespace

int pixelsChangedAtThreeToOne(const QImage& focused, const QImage& unfocused, const QRectF& box)
{
    // The indicator may sit outside the element (outline-offset): look 8 px around it.
    const QRect area =
        box.toAlignedRect().adjusted(-8, -8, 8, 8) & focused.rect() & unfocused.rect();
    int changed = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const double a = luminance(focused.pixel(x, y));
            const double b = luminance(unfocused.pixel(x, y));
            if ((std::max(a, b) + 0.05) / (std::min(a, b) + 0.05) >= 3.0)
                ++changed;
        }
    }
    return changed;
}

} // namespace latchkey::a11y::testing
