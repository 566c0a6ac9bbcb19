// Draws latchkey.svg's shapes into latchkey-<size>.png (this build has no SVG renderer).
// Build once by hand: g++ -std=c++20 -fPIC render_icons.cpp $(pkg-config --cflags --libs Qt6Gui)
#include <QGuiApplication>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

namespace {

void drawIcon(QPainter& painter)
{
    QLinearGradient paper(0, 16, 0, 240);
    paper.setColorAt(0, QColor(0x14, 0xa3, 0x94));
    paper.setColorAt(1, QColor(0x0b, 0x5f, 0x6e));
    painter.setPen(Qt::NoPen);
    painter.setBrush(paper);
    painter.drawRoundedRect(QRectF(16, 16, 224, 224), 48, 48);

    painter.setBrush(Qt::white);
    QPainterPath ring;
    ring.setFillRule(Qt::OddEvenFill);
    ring.addEllipse(QPointF(92, 128), 44, 44);
    ring.addEllipse(QPointF(92, 128), 18, 18);
    painter.drawPath(ring);
    painter.drawRoundedRect(QRectF(126, 116, 88, 24), 6, 6);
    painter.drawRoundedRect(QRectF(168, 130, 16, 38), 4, 4);
    painter.drawRoundedRect(QRectF(196, 130, 18, 28), 4, 4);
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication application(argc, argv);
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 256.0, size / 256.0);
        drawIcon(painter);
        painter.end();
        image.save(QStringLiteral("latchkey-%1.png").arg(size));
    }
    return 0;
}
