#pragma once

#include "child_process.h"

#include <QRect>
#include <QString>
#include <QStringList>

namespace latchkey::app::testing {

// A private X display for the test: Xvfb picks a free display number itself (-displayfd)
// and dies with the test.
class XvfbDisplay {
public:
    // False with a reason when Xvfb is not installed or did not start.
    bool start(const QString& screenGeometry, QString* whyNot);
    QString name() const { return m_name; } // ":N"

private:
    ChildProcess m_xvfb;
    QString m_name;
};

// A top-level X window as the X server sees it.
struct XWindowInfo {
    QString title;
    QRect geometry;
};

// The viewable top-level windows on a display, read with xcb (no window manager needed).
QList<XWindowInfo> viewableTopLevelWindows(const QString& display);

} // namespace latchkey::app::testing
