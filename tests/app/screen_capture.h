#pragma once

#include <QImage>
#include <QString>

namespace latchkey::app::testing {

// The whole X screen as the X server shows it (all windows composited by X itself), read
// from the root window with xcb. Null when the display cannot be read.
QImage grabScreen(const QString& display);

} // namespace latchkey::app::testing
