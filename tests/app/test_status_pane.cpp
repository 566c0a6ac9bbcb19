// The window's start-up and failure pane: never a blank rectangle, and a failure offers a
// way to try again.
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

class TestStatusPane : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void normalStartShowsTheIconWithoutText();
    void failureShowsTheReasonAndATryAgainButton();
    void tryAgainAsksForARetry();

private:
    QQuickItem* pane() const { return m_window->contentItem()->childItems().constFirst(); }
    QQuickItem* findByText(QQuickItem* root, const QString& fragment, bool exact = false) const;
    QImage grab(const QString& artifactName);

    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
};

void TestStatusPane::initTestCase()
{
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQmlComponent component(
        &m_engine, QUrl::fromLocalFile(QStringLiteral(LATCHKEY_QML_DIR "/StatusPane.qml")));
    QObject* object = component.create();
    QVERIFY2(object, qPrintable(component.errorString()));
    m_window = std::make_unique<QQuickWindow>();
    m_window->resize(800, 600);
    auto* item = qobject_cast<QQuickItem*>(object);
    item->setParentItem(m_window->contentItem());
    item->setSize(QSizeF(800, 600));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QQuickItem* TestStatusPane::findByText(QQuickItem* root, const QString& fragment, bool exact) const
{
    const QString text = root->property("text").toString();
    if ((exact ? text == fragment : text.contains(fragment)) && root->isVisible())
        return root;
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = findByText(child, fragment, exact))
            return found;
    }
    return nullptr;
}

QImage TestStatusPane::grab(const QString& artifactName)
{
    const QImage image = m_window->grabWindow();
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR");
    if (!folder.isEmpty())
        image.save(folder + QStringLiteral("/status-pane-%1.png").arg(artifactName));
    return image;
}

void TestStatusPane::normalStartShowsTheIconWithoutText()
{
    QVERIFY(!findByText(pane(), QStringLiteral("Opening")));
    const QImage image = grab(QStringLiteral("opening"));
    // Not a blank rectangle: the icon's teal is somewhere in the middle of the pane.
    const QColor centre = image.pixelColor(image.width() / 2, image.height() / 2 - 10);
    QVERIFY2(centre.green() > centre.red() + 40, qPrintable(centre.name()));
}

void TestStatusPane::failureShowsTheReasonAndATryAgainButton()
{
    pane()->setProperty("failure", QStringLiteral("Connection refused"));
    QTRY_VERIFY(findByText(pane(), QStringLiteral("Connection refused")));
    QVERIFY(findByText(pane(), QStringLiteral("cannot show its pages")));
    QVERIFY(findByText(pane(), QStringLiteral("Try again"), true));
    grab(QStringLiteral("failed"));
}

void TestStatusPane::tryAgainAsksForARetry()
{
    QSignalSpy retry(pane(), SIGNAL(retryRequested()));
    QQuickItem* label = findByText(pane(), QStringLiteral("Try again"), true);
    QVERIFY(label);
    const QPointF centre = label->mapToScene(QPointF(label->width() / 2, label->height() / 2));
    QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, centre.toPoint());
    QTRY_COMPARE(retry.count(), 1);
}

QTEST_MAIN(TestStatusPane)
#include "test_status_pane.moc"
