// The window comes back where the person left it.
#include "app/window_geometry.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using latchkey::app::WindowGeometry;

class TestWindowGeometry : public QObject {
    Q_OBJECT

private slots:
    void init();
    void withNothingSavedTheDefaultSizeStays();
    void savedGeometryComesBack();
    void positionOffEveryScreenKeepsOnlyTheSize();
    void maximizedComesBackMaximized();
    void movedAndResizedWindowIsSaved();
    void settingsGoBesideAnExplicitDataFolder();

private:
    void writeSettings(const QRect& geometry, bool maximized);
    QString m_file;
    QTemporaryDir m_folder;
};

void TestWindowGeometry::init()
{
    m_file = m_folder.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction()));
}

void TestWindowGeometry::writeSettings(const QRect& geometry, bool maximized)
{
    QSettings settings(m_file, QSettings::IniFormat);
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/maximized"), maximized);
}

void TestWindowGeometry::withNothingSavedTheDefaultSizeStays()
{
    QWindow window;
    window.resize(1100, 760);
    WindowGeometry geometry(m_file, &window);
    geometry.restoreAndShow();
    QVERIFY(window.isVisible());
    QCOMPARE(window.size(), QSize(1100, 760));
}

void TestWindowGeometry::savedGeometryComesBack()
{
    writeSettings(QRect(40, 50, 900, 640), false);
    QWindow window;
    window.resize(1100, 760);
    WindowGeometry geometry(m_file, &window);
    geometry.restoreAndShow();
    QTRY_COMPARE(window.geometry(), QRect(40, 50, 900, 640));
}

void TestWindowGeometry::positionOffEveryScreenKeepsOnlyTheSize()
{
    writeSettings(QRect(20000, 20000, 700, 600), false);
    QWindow window;
    window.resize(1100, 760);
    WindowGeometry geometry(m_file, &window);
    geometry.restoreAndShow();
    QTRY_COMPARE(window.size(), QSize(700, 600));
    QVERIFY(window.x() < 20000);
}

void TestWindowGeometry::maximizedComesBackMaximized()
{
    writeSettings(QRect(10, 10, 800, 600), true);
    QWindow window;
    WindowGeometry geometry(m_file, &window);
    geometry.restoreAndShow();
    QTRY_VERIFY(window.windowStates().testFlag(Qt::WindowMaximized));
    geometry.save();
    const QSettings settings(m_file, QSettings::IniFormat);
    QVERIFY(settings.value(QStringLiteral("window/maximized")).toBool());
    // Un-maximizing later returns to the normal geometry, so that is what stays saved.
    QCOMPARE(settings.value(QStringLiteral("window/geometry")).toRect(), QRect(10, 10, 800, 600));
}

void TestWindowGeometry::movedAndResizedWindowIsSaved()
{
    QWindow window;
    window.resize(1100, 760);
    WindowGeometry geometry(m_file, &window);
    geometry.restoreAndShow();
    window.setGeometry(QRect(30, 35, 640, 580));
    QTRY_COMPARE(window.geometry(), QRect(30, 35, 640, 580));
    geometry.save();
    const QSettings settings(m_file, QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("window/geometry")).toRect(), QRect(30, 35, 640, 580));
    QCOMPARE(settings.value(QStringLiteral("window/maximized")).toBool(), false);
}

void TestWindowGeometry::settingsGoBesideAnExplicitDataFolder()
{
    QCOMPARE(WindowGeometry::settingsFileFor(QStringLiteral("/srv/profiles")),
             QStringLiteral("/srv/profiles/window.ini"));
    QVERIFY(WindowGeometry::settingsFileFor(QString()).endsWith(QLatin1String("/window.ini")));
}

QTEST_MAIN(TestWindowGeometry)
#include "test_window_geometry.moc"
