#include "ChangeTableModel.h"
#include "ReportView.h"
#include "sync/Planner.h"

#include <QAbstractButton>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;

// The simulated-sync report as the administrator uses it: filters with counts, search,
// details of the selected change, export, apply.
class TestReportView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A large plan reaches the table a moment after the window opens, so that neither step holds
    // the window long; its counts are there at once.
    void largePlansFillTheTableOnTheNextPass()
    {
        auto plan = std::make_shared<ChangeSet>();
        for (int i = 0; i < 100'000; ++i) {
            Change change;
            change.action = Action::Add;
            change.key = u"user%1"_s.arg(i, 6, 10, QLatin1Char('0'));
            plan->changes.append(change);
        }
        ReportView view;
        QSignalSpy filled(&view, &ReportView::tableFilled);
        view.setReport(RunRecord{}, plan);
        auto* table = view.findChild<QTableView*>(u"changesTableView"_s);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(view.findChild<QAbstractButton*>(u"addFilterButton"_s)->text().contains(u"100,000"_s));
        QVERIFY(filled.wait());
        QCOMPARE(table->model()->rowCount(), 100'000);
        QCOMPARE(table->model()->index(99'999, ChangeTableModel::NameColumn).data().toString(), u"user099999"_s);
    }

    void init()
    {
        // A directory synced once, then a realm where carol's email changed and dave is gone.
        DirectorySnapshot before;
        for (const QString& name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s}) {
            User user;
            user.id = u"k-"_s + name;
            user.username = name;
            user.email = name + u"@example.com"_s;
            before.users.append(user);
        }
        before.groups = {Group{u"g-1"_s, u"Sales"_s, u"/Sales"_s, {}}};
        before.memberships = {Membership{0, 0}, Membership{2, 0}};
        int next = 0;
        const auto newId = [&next] { return u"id-%1"_s.arg(++next); };
        const ChangeSet first = Planner::plan(before, {}, u"kc"_s, {}, newId);
        DirectoryState synced;
        for (const Change& change : first.changes) {
            if (change.object == Change::Object::User) {
                synced.users.append(LocalUser{change.localId,
                                              change.key,
                                              change.email,
                                              {},
                                              {},
                                              change.displayName,
                                              true,
                                              {},
                                              u"kc"_s,
                                              change.externalId,
                                              0,
                                              0,
                                              0});
            } else {
                synced.groups.append(LocalGroup{change.localId, change.key, u"/Sales"_s, u"kc"_s, u"g-1"_s, 0, 0});
            }
        }
        DirectorySnapshot after = before;
        after.users[2].email = u"carol@example.org"_s;
        after.users.removeLast();
        SyncOptions options;
        options.deletionLimitPercent = 100;
        m_plan = std::make_shared<ChangeSet>(Planner::plan(after, synced, u"kc"_s, options, newId));
        m_run.id = u"0123456789abcdef"_s;
        m_run.connectorName = u"Test Realm"_s;
        m_view = std::make_unique<ReportView>();
        m_view->setReport(m_run, m_plan);
        m_table = m_view->findChild<QTableView*>(u"changesTableView"_s);
        QVERIFY(m_table);
    }

    void countsPerActionAlsoFilter()
    {
        QCOMPARE(button(u"allFilterButton"_s)->text(), u"All (%1)"_s.arg(m_plan->size()));
        QVERIFY(button(u"allFilterButton"_s)->isChecked());
        QCOMPARE(button(u"modifyFilterButton"_s)->text(), u"Modified (1)"_s);
        QCOMPARE(button(u"disableFilterButton"_s)->text(), u"Disabled (1)"_s);
        QVERIFY(!m_view->findChild<QAbstractButton*>(u"deleteFilterButton"_s)); // nothing deleted: no filter
        QTest::mouseClick(button(u"modifyFilterButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), 1);
        QCOMPARE(m_table->model()->index(0, 2).data().toString(), u"carol"_s);
        QTest::mouseClick(button(u"allFilterButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), int(m_plan->size()));
    }

    void searchNarrowsTheTable()
    {
        auto* search = m_view->findChild<QLineEdit*>(u"searchLineEdit"_s);
        QTest::keyClicks(search, u"dave"_s);
        QCOMPARE(m_table->model()->rowCount(), 1); // disabled; his membership stays
        search->clear();
        QCOMPARE(m_table->model()->rowCount(), int(m_plan->size()));
    }

    void selectedChangeShowsBeforeAndAfter()
    {
        QTest::mouseClick(button(u"modifyFilterButton"_s), Qt::LeftButton);
        m_table->setCurrentIndex(m_table->model()->index(0, 0));
        auto* details = m_view->findChild<QTableWidget*>(u"detailsTableWidget"_s);
        QCOMPARE(details->rowCount(), 1);
        QCOMPARE(details->item(0, 0)->text(), u"email"_s);
        QCOMPARE(details->item(0, 1)->text(), u"carol@example.com"_s);
        QCOMPARE(details->item(0, 2)->text(), u"carol@example.org"_s);
    }

    void sortsByAClickOnAColumn()
    {
        m_table->horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder); // what a header click does
        QStringList names;
        for (int row = 0; row < m_table->model()->rowCount(); ++row) {
            names << m_table->model()->index(row, 2).data().toString();
        }
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), // without regard to case (the tests run in the C locale)
                  [](const QString& a, const QString& b) { return QString::compare(a, b, Qt::CaseInsensitive) > 0; });
        QCOMPARE(names, sorted);
    }

    void exportsEveryChange()
    {
        QTemporaryDir folder;
        QString error;
        const QString file = folder.filePath(u"report.csv"_s);
        QTest::mouseClick(button(u"modifyFilterButton"_s), Qt::LeftButton); // the filter does not limit the export
        QVERIFY2(m_view->exportTo(file, Report::Format::Csv, &error), qPrintable(error));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count("\r\n"), qsizetype(1 + m_plan->size()));
        QVERIFY(!m_view->exportTo(folder.filePath(u"missing/report.csv"_s), Report::Format::Csv, &error));
        QVERIFY(!error.isEmpty());
    }

    void applyIsOfferedOnlyWhenAllowed()
    {
        auto* apply = m_view->findChild<QPushButton*>(u"applyButton"_s);
        QVERIFY(apply->isHidden());
        m_view->setApplyAvailable(true);
        QVERIFY(!apply->isHidden());
        QSignalSpy requested(m_view.get(), &ReportView::applyRequested);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
    }

    // For looking at: USERSYNC_SCREENSHOTS=folder saves the view as it is shown.
    void screenshot()
    {
        const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS");
        if (folder.isEmpty()) {
            QSKIP("set USERSYNC_SCREENSHOTS to a folder to save a screenshot");
        }
        m_view->setApplyAvailable(true);
        m_view->resize(960, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_table->setCurrentIndex(m_table->model()->index(0, 0));
        QVERIFY(m_view->grab().save(folder + u"/report-view.png"_s));
    }

private:
    QAbstractButton* button(const QString& name) const
    {
        auto* found = m_view->findChild<QAbstractButton*>(name);
        if (!found) {
            qFatal("no button %s", qPrintable(name));
        }
        return found;
    }

    std::shared_ptr<ChangeSet> m_plan;
    RunRecord m_run;
    std::unique_ptr<ReportView> m_view;
    QTableView* m_table = nullptr;
};

QTEST_MAIN(TestReportView)
#include "tst_reportview.moc"
