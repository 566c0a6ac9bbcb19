#include "screen_capture.h"

#include <cstdlib>
#include <memory>
#include <xcb/xcb.h>

namespace latchkey::app::testing {

QImage grabScreen(const QString& display)
{
    xcb_connection_t* connection = xcb_connect(display.toLocal8Bit().constData(), nullptr);
    if (xcb_connection_has_error(connection)) {
        xcb_disconnect(connection);
        return {};
    }
    const xcb_screen_t* screen = xcb_setup_roots_iterator(xcb_get_setup(connection)).data;
    xcb_get_image_reply_t* reply =
        xcb_get_image_reply(connection,
                            xcb_get_image(connection, XCB_IMAGE_FORMAT_Z_PIXMAP, screen->root, 0, 0,
                                          screen->width_in_pixels, screen->height_in_pixels, ~0u),
                            nullptr);
    QImage image;
    // Xvfb's 24-bit screens use 32 bits per pixel, laid out like QImage::Format_RGB32.
    if (reply && reply->depth == 24 &&
        xcb_get_image_data_length(reply) ==
            int(screen->width_in_pixels) * int(screen->height_in_pixels) * 4) {
        image = QImage(xcb_get_image_data(reply), screen->width_in_pixels, screen->height_in_pixels,
                       QImage::Format_RGB32)
                    .copy();
    }
    std::free(reply);
    xcb_disconnect(connection);
    return image;
}

} // namespace latchkey::app::testing
