#include "ChangeTableModel.h"
#include "ReportView.h"
#include "sync/Planner.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

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
        QVERIFY(view.findChild<QAbstractButton*>(u"user-addCountButton"_s));
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
                                              0,
                                              {}});
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
        m_run.mode = u"simulate"_s;
        m_run.status = u"succeeded"_s;
        m_view = std::make_unique<ReportView>();
        m_view->setReport(m_run, m_plan);
        m_table = m_view->findChild<QTableView*>(u"changesTableView"_s);
        QVERIFY(m_table);
    }

    void countsPerActionAlsoFilter()
    {
        QCOMPARE(plain(u"allFilterButton"_s), u"All (%1)"_s.arg(m_plan->size()));
        QVERIFY(button(u"allFilterButton"_s)->isChecked());
        QCOMPARE(plain(u"modifyFilterButton"_s), u"To modify (1)"_s); // a simulation: what would happen
        QCOMPARE(plain(u"disableFilterButton"_s), u"To disable (1)"_s);
        QVERIFY(!m_view->findChild<QAbstractButton*>(u"deleteFilterButton"_s)); // nothing deleted: no filter
        QTest::mouseClick(button(u"modifyFilterButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), 1);
        QCOMPARE(m_table->model()->index(0, 2).data().toString(), u"carol"_s);
        QCOMPARE(m_table->model()->index(0, ChangeTableModel::ActionColumn).data().toString(), u"To modify"_s);
        QTest::mouseClick(button(u"allFilterButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), int(m_plan->size()));
    }

    // One line per object type, each count a filter of that type and action.
    void countsPerObjectTypeFilterToo()
    {
        QCOMPARE(plain(u"user-modifyCountButton"_s), u"To modify: 1"_s);
        QCOMPARE(plain(u"user-unchangedCountButton"_s), u"Unchanged: 2"_s); // alice and bob
        QCOMPARE(plain(u"group-unchangedCountButton"_s), u"Unchanged: 1"_s);
        QTest::mouseClick(button(u"user-disableCountButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), 1);
        QCOMPARE(m_table->model()->index(0, 2).data().toString(), u"dave"_s);
        QVERIFY(button(u"disableFilterButton"_s)->isChecked());
        // The object type alone: every group, whatever its action.
        auto* objects = m_view->findChild<QComboBox*>(u"objectComboBox"_s);
        objects->setCurrentIndex(objects->findData(int(Change::Object::Group)));
        Q_EMIT objects->activated(objects->currentIndex());
        QTest::mouseClick(button(u"allFilterButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), 1);
        QCOMPARE(m_table->model()->index(0, ChangeTableModel::ObjectColumn).data().toString(), u"Group"_s);
        QCOMPARE(plain(u"allFilterButton"_s), u"All (1)"_s); // the counts of the type shown
    }

    void headlineSaysWhatWillHappen()
    {
        QCOMPARE(label(u"summaryLabel"_s),
                 u"Simulation: nothing has been changed yet. A full sync would add 2 memberships; modify 1 user; "
                 "disable 1 user."_s);
        QVERIFY(label(u"runLabel"_s).contains(u"run 01234567"_s));
        QVERIFY(!m_view->findChild<QWidget*>(u"skipBanner"_s));

        // The same plan, applied: the past tense.
        RunRecord applied = m_run;
        applied.mode = u"full"_s;
        applied.startedAt = QDateTime(QDate(2026, 12, 1), QTime(21, 5, 23)).toMSecsSinceEpoch();
        m_view->setReport(applied, m_plan);
        QVERIFY2(label(u"summaryLabel"_s)
                     .startsWith(u"Full sync applied on 1 Dec 2026 21:05: added 2 memberships; modified 1 user; "_s),
                 qPrintable(label(u"summaryLabel"_s)));
        QCOMPARE(plain(u"modifyFilterButton"_s), u"Modified (1)"_s);

        // Refused: nothing was changed, and the banner says why.
        RunRecord refused = applied;
        refused.status = u"refused"_s;
        refused.message = u"Another sync of “Test Realm” is running."_s;
        m_view->setReport(refused, m_plan);
        QVERIFY2(label(u"summaryLabel"_s).startsWith(u"Full sync refused on 1 Dec 2026 21:05: nothing was changed."_s),
                 qPrintable(label(u"summaryLabel"_s)));
        QCOMPARE(label(u"runMessageBannerLabel"_s), refused.message);
    }

    void aSyncWithNothingToDoSaysSo()
    {
        auto plan = std::make_shared<ChangeSet>();
        for (const QString& name : {u"alice"_s, u"bob"_s}) {
            Change change;
            change.key = name;
            plan->changes.append(change);
        }
        Change group;
        group.object = Change::Object::Group;
        group.key = u"Sales"_s;
        plan->changes.append(group);
        m_view->setReport(m_run, plan);
        QCOMPARE(label(u"summaryLabel"_s),
                 u"Simulation: the directory already matches Keycloak (2 users and 1 group up to date). Nothing to "
                 "apply."_s);
    }

    // Two Keycloak groups that map to one name: a warning above the table, their paths, their
    // reasons, and the memberships they take with them, all findable.
    void skipsAreWarnedAboutAndExplained()
    {
        DirectorySnapshot realm;
        User erin;
        erin.id = u"k-erin"_s;
        erin.username = u"erin"_s;
        realm.users = {erin};
        realm.groups = {Group{u"g-eng"_s, u"Engineering"_s, u"/Engineering"_s, {}},
                        Group{u"g-eng-a"_s, u"Team A"_s, u"/Engineering/Team A"_s, u"g-eng"_s},
                        Group{u"g-sales"_s, u"Sales"_s, u"/Sales"_s, {}},
                        Group{u"g-sales-a"_s, u"Team A"_s, u"/Sales/Team A"_s, u"g-sales"_s}};
        realm.memberships = {Membership{0, 1}};
        int next = 0;
        auto plan = std::make_shared<ChangeSet>(
            Planner::plan(realm, {}, u"kc"_s, {}, [&next] { return u"id-%1"_s.arg(++next); }));
        m_view->setReport(m_run, plan);
        const QString banner = label(u"skipBannerLabel"_s);
        QVERIFY2(banner.startsWith(u"2 groups, 1 membership will not be synced: Keycloak groups "_s),
                 qPrintable(banner));
        QVERIFY2(banner.contains(u"/Engineering/Team A, /Sales/Team A"_s), qPrintable(banner));
        QVERIFY(label(u"summaryLabel"_s).endsWith(u"; skip 2 groups and 1 membership."_s));

        QTest::mouseClick(button(u"showSkippedButton"_s), Qt::LeftButton);
        QCOMPARE(m_table->model()->rowCount(), 3);
        QStringList paths;
        for (int row = 0; row < 3; ++row) {
            paths << m_table->model()->index(row, ChangeTableModel::DisplayNameColumn).data().toString();
            QVERIFY(!m_table->model()->index(row, ChangeTableModel::ReasonColumn).data().toString().isEmpty());
        }
        QVERIFY2(paths.contains(u"/Engineering/Team A"_s) && paths.contains(u"/Sales/Team A"_s),
                 qPrintable(paths.join(u'|')));
        QVERIFY(m_table->model()
                    ->index(2, ChangeTableModel::ReasonColumn)
                    .data()
                    .toString()
                    .contains(u"its group /Engineering/Team A is not synced"_s));

        // Found by its path, and by every word typed.
        QTest::mouseClick(button(u"allFilterButton"_s), Qt::LeftButton);
        auto* search = m_view->findChild<QLineEdit*>(u"searchLineEdit"_s);
        search->setText(u"sales team"_s);
        QCOMPARE(m_table->model()->rowCount(), 2); // both skipped groups: one by its path, one by its reason
        QCOMPARE(label(u"shownLabel"_s), u"Showing 2 of %1 changes"_s.arg(plan->size()));

        // The path column fits the groups' paths, though the first rows are users.
        const int needed = m_table->fontMetrics().horizontalAdvance(u"/Engineering/Team A"_s);
        QVERIFY(m_table->horizontalHeader()->sectionSize(ChangeTableModel::DisplayNameColumn) > needed);
    }

    void filterButtonsHaveUniqueMnemonics()
    {
        m_view->setApplyAvailable(true);
        QSet<QChar> letters;
        QStringList texts;
        for (QAbstractButton* each : m_view->findChildren<QPushButton*>()) {
            texts << each->text();
        }
        for (const char* name : {"objectLabel", "searchLabel"}) {
            texts << m_view->findChild<QLabel*>(QLatin1String(name))->text();
        }
        for (const QString& text : std::as_const(texts)) {
            const qsizetype at = text.indexOf(u'&');
            if (at < 0 || at + 1 >= text.size()) {
                continue;
            }
            QVERIFY2(!letters.contains(text.at(at + 1).toLower()), qPrintable(texts.join(u" | "_s)));
            letters.insert(text.at(at + 1).toLower());
        }
        QVERIFY(letters.size() >= 6); // every filter button has one
    }

    void ctrlFFocusesTheSearch()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        m_table->setFocus();
        QTest::keyClick(m_table, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), m_view->findChild<QLineEdit*>(u"searchLineEdit"_s));
        QVERIFY(!m_table->tabKeyNavigation()); // Tab leaves the table
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
        auto* stack = m_view->findChild<QStackedWidget*>(u"detailsStackedWidget"_s);
        QCOMPARE(stack->currentWidget()->objectName(), u"detailsPlaceholderLabel"_s); // nothing selected yet
        QTest::mouseClick(button(u"modifyFilterButton"_s), Qt::LeftButton);
        m_table->setCurrentIndex(m_table->model()->index(0, 0));
        QCOMPARE(stack->currentWidget()->objectName(), u"detailsPage"_s);
        auto* details = m_view->findChild<QTableWidget*>(u"detailsTableWidget"_s);
        QCOMPARE(details->rowCount(), 1);
        QCOMPARE(details->item(0, 0)->text(), u"Email"_s); // for people, not the stored key
        QCOMPARE(details->item(0, 1)->text(), u"carol@example.com"_s);
        QCOMPARE(details->item(0, 2)->text(), u"carol@example.org"_s);
    }

    // Rows that tie on the column sorted by keep an order: by name within each object type.
    void sortingIsStable()
    {
        m_table->horizontalHeader()->setSortIndicator(ChangeTableModel::ObjectColumn, Qt::AscendingOrder);
        QStringList users;
        for (int row = 0; row < m_table->model()->rowCount(); ++row) {
            if (m_table->model()->index(row, ChangeTableModel::ObjectColumn).data().toString() == u"User"_s) {
                users << m_table->model()->index(row, ChangeTableModel::NameColumn).data().toString();
            }
        }
        QCOMPARE(users, (QStringList{u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s}));
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

    // Export writes everything or what is shown, and its buttons say which.
    void exportsAllOrWhatIsShown()
    {
        QTemporaryDir folder;
        QString error;
        const QString all = folder.filePath(u"report.csv"_s);
        QCOMPARE(plain(u"exportCsvButton"_s), u"Export All as CSV…"_s);
        QTest::mouseClick(button(u"modifyFilterButton"_s), Qt::LeftButton);
        QCOMPARE(plain(u"exportCsvButton"_s), u"Export 1 Shown as CSV…"_s);
        QCOMPARE(label(u"shownLabel"_s), u"Showing 1 of %1 changes"_s.arg(m_plan->size()));
        QVERIFY2(m_view->exportTo(all, Report::Format::Csv, false, &error), qPrintable(error));
        QCOMPARE(lines(all), qsizetype(1 + m_plan->size()));
        const QString shown = folder.filePath(u"shown.csv"_s);
        QVERIFY2(m_view->exportTo(shown, Report::Format::Csv, true, &error), qPrintable(error));
        QCOMPARE(lines(shown), qsizetype(1 + 1));
        QVERIFY(!m_view->exportTo(folder.filePath(u"missing/report.csv"_s), Report::Format::Csv, false, &error));
        QVERIFY(!error.isEmpty());

        // As the button does it: confirmed in the status bar, with the folder a click away.
        QVERIFY(m_view->exportAndConfirm(folder.filePath(u"confirmed.json"_s), Report::Format::Json, true));
        QCOMPARE(m_view->findChild<QStatusBar*>(u"reportStatusBar"_s)->currentMessage(),
                 u"Exported 1 changes to %1."_s.arg(QDir::toNativeSeparators(folder.filePath(u"confirmed.json"_s))));
        QVERIFY(m_view->findChild<QLabel*>(u"openFolderLabel"_s)
                    ->text()
                    .contains(QUrl::fromLocalFile(folder.path()).toString(QUrl::FullyEncoded)));
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
    static qsizetype lines(const QString& fileName)
    {
        QFile file(fileName);
        return file.open(QIODevice::ReadOnly) ? file.readAll().count("\r\n") : -1;
    }

    // A button's text without its mnemonic mark.
    QString plain(const QString& name) const { return button(name)->text().remove(u'&'); }

    QString label(const QString& name) const
    {
        auto* found = m_view->findChild<QLabel*>(name);
        if (!found) {
            qFatal("no label %s", qPrintable(name));
        }
        return found->text();
    }

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
