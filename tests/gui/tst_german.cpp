#include "AppInfo.h"
#include "ConnectorWizard.h"
#include "HistoryDialog.h"
#include "MessageBox.h"
#include "ReportView.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"
#include "sync/Planner.h"
#include "sync/Rollback.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

// The window as a German administrator reads it, on the test realm's own data (614 users, two
// groups named "Team A"): the report in German, every Alt+letter unique per screen, no text
// too wide for its page. USERSYNC_SCREENSHOTS=folder saves each screen.
class TestGerman final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TestEnvironment::isolateUserFolders();
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        AppInfo::installTranslations();
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        QString error;
        m_connection =
            DatabaseConnection::open(DirectoryLocation::sqlite(m_temporary.filePath(u"de.sqlite"_s)), {}, &error);
        QVERIFY2(m_connection, qPrintable(error));
        QSqlDatabase db = m_connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        m_snapshot = snapshotOf(m_realm);
    }

    void firstSyncReportIsGerman()
    {
        const auto plan = planNow({});
        QCOMPARE(plan->count(Change::Object::Group, Change::Action::Skip), 2); // the two "Team A"
        ReportView view;
        view.setReport(simulation(), plan);
        const QString headline = text(view, "summaryLabel");
        QVERIFY2(
            headline.startsWith(u"Simulation: Noch wurde nichts geändert. Eine vollständige Synchronisation würde "_s),
            qPrintable(headline));
        QVERIFY2(headline.contains(u"%L1 Benutzer"_s.arg(m_realm.users().size())) && headline.contains(u"hinzufügen"_s),
                 qPrintable(headline));
        QVERIFY2(text(view, "skipBannerLabel").contains(u"nicht synchronisiert"_s),
                 qPrintable(text(view, "skipBannerLabel")));
        checkMnemonics(&view, {});
        screenshot(view, u"de-simulated-sync"_s);
    }

    void noOpAndDeletionLimitReports()
    {
        const auto first = planNow({});
        QString error;
        RunRecord applied = simulation();
        applied.id = u"de-first-run"_s;
        applied.mode = u"full"_s;
        QVERIFY2(DirectoryStore(m_connection->database()).apply(*first, applied, &error), qPrintable(error));

        ReportView nothing;
        nothing.setReport(simulation(), planNow({}));
        QVERIFY2(text(nothing, "summaryLabel").contains(u"Das Verzeichnis entspricht bereits Keycloak"_s),
                 qPrintable(text(nothing, "summaryLabel")));
        screenshot(nothing, u"de-report-no-op"_s);

        SyncOptions narrowed;
        narrowed.requiredGroups = {u"Admins"_s};
        const auto guarded = planNow(narrowed);
        QVERIFY(guarded->deletionGuardTripped);
        ReportView limit;
        limit.setReport(simulation(), guarded);
        QVERIFY2(text(limit, "deletionLimitBannerLabel").startsWith(u"Löschgrenze"_s),
                 qPrintable(text(limit, "deletionLimitBannerLabel")));
        screenshot(limit, u"de-report-deletion-limit"_s);
    }

    // The rollback of the first sync asks first, in German, naming what it would do.
    void rollbackConfirmationIsGerman()
    {
        QString error;
        DirectoryStore store(m_connection->database());
        const auto run = store.findRun(u"de-first-run"_s, &error);
        QVERIFY2(run, qPrintable(error));
        const auto recorded = store.changes(run->id, &error);
        const auto current = store.load(&error);
        QVERIFY2(recorded && current, qPrintable(error));
        RollbackResult preview;
        preview.status = RollbackResult::Status::Succeeded;
        preview.rolledBack = *run;
        preview.added = Rollback::Added::Disable;
        preview.plan = std::make_shared<ChangeSet>(
            Rollback::plan(*run, *recorded, *current, SyncOptions{}, Rollback::Added::Disable));
        QString shown;
        QStringList buttons;
        QTimer::singleShot(0, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            shown = box->text() + u'\n' + box->informativeText();
            for (QAbstractButton* button : box->buttons()) {
                buttons << button->text();
                QVERIFY(button->icon().isNull()); // no tick on a destructive button
            }
            if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
                box->grab().save(folder + u"/de-rollback-confirmation.png"_s);
            }
            box->reject();
        });
        MessageBox::setTestMode(false);
        const auto request = HistoryDialog::confirmRollback(nullptr, *run, preview);
        QVERIFY(!request); // rejected
        QVERIFY2(shown.contains(u"deaktivieren"_s) && shown.contains(u"Löschgrenze"_s), qPrintable(shown));
        QCOMPARE(buttons.size(), 3); // disable and apply, delete instead, cancel
        QVERIFY2(buttons.contains(u"Abbrechen"_s), qPrintable(buttons.join(u'|')));
    }

    // Every page of the wizard: one control per Alt+letter, and nothing wider than the page.
    void wizardMnemonicsAreUniqueAndTextsFit()
    {
        ConnectorWizard wizard(QSqlDatabase(), std::nullopt);
        for (const int id : wizard.pageIds()) {
            QWizardPage* page = wizard.page(id);
            QStringList extra;
            for (const QWizard::WizardButton button :
                 {QWizard::NextButton, QWizard::BackButton, QWizard::FinishButton, QWizard::CancelButton}) {
                extra << page->buttonText(button);
            }
            checkMnemonics(page, extra);
        }
        auto* byEmail = wizard.findChild<QCheckBox*>(u"matchByEmailCheckBox"_s);
        QVERIFY(byEmail);
        QVERIFY2(byEmail->sizeHint().width() < wizard.minimumWidth() - 80, qPrintable(byEmail->text()));
    }

private:
    static DirectorySnapshot snapshotOf(const TestRealm& realm)
    {
        DirectorySnapshot snapshot;
        QHash<QString, qint32> users;
        for (const QJsonObject& user : realm.users()) {
            User entry;
            entry.username = user.value(u"username"_s).toString();
            entry.id = u"k-"_s + entry.username;
            entry.email = user.value(u"email"_s).toString();
            entry.firstName = user.value(u"firstName"_s).toString();
            entry.lastName = user.value(u"lastName"_s).toString();
            entry.enabled = user.value(u"enabled"_s).toBool(true);
            users.insert(entry.username.toLower(), qint32(snapshot.users.size()));
            snapshot.users.append(entry);
        }
        QHash<QString, qint32> groups;
        for (const QString& path : realm.groupPaths()) {
            const QString parent = path.section(u'/', 0, -2);
            groups.insert(path, qint32(snapshot.groups.size()));
            snapshot.groups.append(Group{path, path.section(u'/', -1), path, parent.isEmpty() ? QString() : parent});
        }
        for (const auto& [username, path] : realm.memberships()) {
            snapshot.memberships.append(Membership{users.value(username), groups.value(path)});
        }
        return snapshot;
    }

    std::shared_ptr<ChangeSet> planNow(const SyncOptions& options)
    {
        QString error;
        const auto state = DirectoryStore(m_connection->database()).load(&error);
        return std::make_shared<ChangeSet>(
            Planner::plan(m_snapshot, state.value_or(DirectoryState{}), u"kc"_s, options, &Planner::newLocalId));
    }

    static RunRecord simulation()
    {
        RunRecord run;
        run.id = u"0123456789abcdef"_s;
        run.connectorId = u"kc"_s;
        run.connectorName = u"Test Realm"_s;
        run.mode = u"simulate"_s;
        run.trigger = u"manual"_s;
        run.status = u"succeeded"_s;
        run.startedAt = QDateTime(QDate(2026, 12, 1), QTime(21, 5)).toMSecsSinceEpoch();
        return run;
    }

    static QString text(const QWidget& view, const char* label)
    {
        auto* found = view.findChild<QLabel*>(QLatin1String(label));
        return found ? found->text() : u"(no %1)"_s.arg(QLatin1String(label));
    }

    // The Alt+letters of the labels with a buddy and the buttons shown on `screen`, and of
    // `extra` texts (the wizard's buttons), are all different.
    static void checkMnemonics(QWidget* screen, const QStringList& extra)
    {
        QStringList texts = extra;
        for (QWidget* widget : screen->findChildren<QWidget*>()) {
            if (!widget->isVisibleTo(screen)) {
                continue;
            }
            if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy()) {
                texts << label->text();
            } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
                texts << button->text();
            }
        }
        QHash<QChar, QString> owners;
        for (const QString& text : std::as_const(texts)) {
            const qsizetype at = text.indexOf(u'&');
            if (at < 0 || at + 1 >= text.size() || text.at(at + 1) == u'&') {
                continue;
            }
            const QChar letter = text.at(at + 1).toLower();
            QVERIFY2(!owners.contains(letter),
                     qPrintable(u"Alt+%1 on %2: “%3” and “%4”"_s.arg(letter, screen->objectName(), owners.value(letter),
                                                                     text)));
            owners.insert(letter, text);
        }
    }

    static void screenshot(ReportView& view, const QString& name)
    {
        if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
            view.resize(1000, 680);
            view.show();
            QCoreApplication::sendPostedEvents();
            QVERIFY(view.grab().save(folder + u'/' + name + u".png"_s));
        }
    }

    TestRealm m_realm;
    QTemporaryDir m_temporary;
    std::unique_ptr<DatabaseConnection> m_connection;
    DirectorySnapshot m_snapshot;
};

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
