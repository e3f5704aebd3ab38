#include "MainWindow.h"
#include "TestEnvironment.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TestEnvironment::isolateUserFolders();
        QVERIFY(m_temporary.isValid());
    }

    void showsTheOpenDirectory()
    {
        MainWindow window;
        const auto location = DirectoryLocation::sqlite(m_temporary.filePath(u"directory.sqlite"_s));
        QVERIFY(window.openDirectory(location));
        QCOMPARE(label(window, "directoryLocationLabel")->text(), location.displayName());
        QCOMPARE(label(window, "directoryStatusLabel")->text(), u"Open"_s);
        QVERIFY(QFile::exists(location.filePath()));
    }

    void saysWhyADirectoryCannotBeOpened()
    {
        QFile blocker(m_temporary.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        MainWindow window;
        QVERIFY(!window.openDirectory(DirectoryLocation::sqlite(blocker.fileName() + u"/directory.sqlite"_s)));
        QVERIFY2(label(window, "directoryStatusLabel")->text().contains(u"cannot be created"_s),
                 qPrintable(label(window, "directoryStatusLabel")->text()));
    }

    void quitHasItsShortcut()
    {
        MainWindow window;
        auto* quit = window.findChild<QAction*>(u"quitAction"_s);
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    }

    void windowGeometryIsRemembered()
    {
        QSettings().remove(u"MainWindow"_s);
        {
            MainWindow window;
            window.resize(731, 457);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.close());
        }
        QVERIFY(QSettings().contains(u"MainWindow/geometry"_s));
        MainWindow restored;
        QCOMPARE(restored.size(), QSize(731, 457));
    }

private:
    static QLabel* label(const MainWindow& window, const char* name)
    {
        auto* found = window.findChild<QLabel*>(QLatin1String(name));
        Q_ASSERT(found);
        return found;
    }

    QTemporaryDir m_temporary;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
