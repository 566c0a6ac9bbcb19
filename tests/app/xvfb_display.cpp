#include "xvfb_display.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <memory>
#include <xcb/xcb.h>

namespace latchkey::app::testing {

bool XvfbDisplay::start(const QString& screenGeometry, QString* whyNot)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (program.isEmpty()) {
        *whyNot = QStringLiteral("Xvfb is not installed (packaging/install-deps.sh installs it)");
        return false;
    }
    // -displayfd 1: Xvfb writes the display number it chose to stdout once it is ready.
    m_xvfb.start(program,
                 {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                  QStringLiteral("0"), screenGeometry, QStringLiteral("-nolisten"),
                  QStringLiteral("tcp"), QStringLiteral("-br")});
    QByteArray output;
    const QDeadlineTimer deadline(15000);
    while (!output.contains('\n') && !deadline.hasExpired() &&
           m_xvfb.process().state() != QProcess::NotRunning) {
        m_xvfb.process().waitForReadyRead(200);
        output += m_xvfb.process().readAllStandardOutput();
    }
    bool ok = false;
    const int number = output.trimmed().toInt(&ok);
    if (!ok) {
        *whyNot = QStringLiteral("Xvfb did not start: ") +
                  QString::fromLocal8Bit(m_xvfb.process().readAllStandardError());
        return false;
    }
    m_name = QStringLiteral(":%1").arg(number);
    return true;
}

namespace {

struct FreeDeleter {
    void operator()(void* p) const { std::free(p); }
};
template <typename T> using XcbReply = std::unique_ptr<T, FreeDeleter>;

QString windowTitle(xcb_connection_t* connection, xcb_window_t window, xcb_atom_t utf8Name,
                    xcb_atom_t utf8String)
{
    for (const auto& [property, type] :
         {std::pair{utf8Name, utf8String},
          std::pair<xcb_atom_t, xcb_atom_t>{XCB_ATOM_WM_NAME, XCB_ATOM_STRING}}) {
        const XcbReply<xcb_get_property_reply_t> reply(xcb_get_property_reply(
            connection, xcb_get_property(connection, 0, window, property, type, 0, 1024), nullptr));
        if (reply && xcb_get_property_value_length(reply.get()) > 0)
            return QString::fromUtf8(static_cast<const char*>(xcb_get_property_value(reply.get())),
                                     xcb_get_property_value_length(reply.get()));
    }
    return {};
}

xcb_atom_t internAtom(xcb_connection_t* connection, const char* name)
{
    const XcbReply<xcb_intern_atom_reply_t> reply(xcb_intern_atom_reply(
        connection, xcb_intern_atom(connection, 0, static_cast<uint16_t>(strlen(name)), name),
        nullptr));
    return reply ? reply->atom : xcb_atom_t{XCB_ATOM_NONE};
}

} // namespace

QList<XWindowInfo> viewableTopLevelWindows(const QString& display)
{
    QList<XWindowInfo> windows;
    xcb_connection_t* connection = xcb_connect(display.toLocal8Bit().constData(), nullptr);
    if (xcb_connection_has_error(connection)) {
        xcb_disconnect(connection);
        return windows;
    }
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
    const xcb_atom_t utf8Name = internAtom(connection, "_NET_WM_NAME");
    const xcb_atom_t utf8String = internAtom(connection, "UTF8_STRING");
    const XcbReply<xcb_query_tree_reply_t> tree(
        xcb_query_tree_reply(connection, xcb_query_tree(connection, root), nullptr));
    const int count = tree ? xcb_query_tree_children_length(tree.get()) : 0;
    const xcb_window_t* children = tree ? xcb_query_tree_children(tree.get()) : nullptr;
    for (int i = 0; i < count; ++i) {
        const XcbReply<xcb_get_window_attributes_reply_t> attributes(
            xcb_get_window_attributes_reply(
                connection, xcb_get_window_attributes(connection, children[i]), nullptr));
        const XcbReply<xcb_get_geometry_reply_t> geometry(
            xcb_get_geometry_reply(connection, xcb_get_geometry(connection, children[i]), nullptr));
        if (!attributes || !geometry || attributes->map_state != XCB_MAP_STATE_VIEWABLE)
            continue;
        windows.append({windowTitle(connection, children[i], utf8Name, utf8String),
                        QRect(geometry->x, geometry->y, geometry->width, geometry->height)});
    }
    xcb_disconnect(connection);
    return windows;
}

} // namespace latchkey::app::testing
