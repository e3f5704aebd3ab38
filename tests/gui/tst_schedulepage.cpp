#include "SchedulePage.h"
#include "SchedulePreset.h"
#include "TimeZoneComboBox.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimeEdit>
#include <QWindow>
#include <QWizard>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SchedulePreset::Kind)

// The Scheduled Synchronization page as an administrator uses it: presets that write the cron
// expression, an expression of one's own checked as it is typed, and a searchable time zone.
class TestSchedulePage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<SchedulePage>();
        ConnectorConfig config;
        config.schedule.enabled = true;
        config.schedule.timeZone = tokyo; // no daylight saving, so runs are evenly spaced
        m_page->load(config);
        m_page->resize(640, 560);
        m_page->show();
        m_page->windowHandle()->requestActivate();
        QTRY_COMPARE(QGuiApplication::focusWindow(), m_page->windowHandle());
    }

    void cleanup() { m_page.reset(); }

    void newConnectorRunsEveryDayAtTwo()
    {
        SchedulePage page;
        page.load(ConnectorConfig{});
        QCOMPARE(presets(page)->currentIndex(), int(SchedulePreset::Daily));
        QCOMPARE(field<QTimeEdit>(page, u"presetTimeEdit"_s)->time(), QTime(2, 0));
        QCOMPARE(cron(page)->text(), u"0 0 2 * * ?"_s);
        // The system's time zone is the one chosen, and it comes first.
        auto* zones = field<TimeZoneComboBox>(page, u"timeZoneComboBox"_s);
        QCOMPARE(zones->currentIndex(), 0);
        QCOMPARE(zones->zoneId(), QString());
        QVERIFY2(zones->currentText().contains(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
                 qPrintable(zones->currentText()));
        ConnectorConfig stored;
        stored.schedule.cron.clear();
        page.store(stored);
        QCOMPARE(stored.schedule, ConnectorConfig{}.schedule);
    }

    void presetWritesItsExpression_data()
    {
        QTest::addColumn<SchedulePreset::Kind>("kind");
        QTest::addColumn<QString>("typed"); // the time, or the hours
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("description");
        QTest::newRow("every day") << SchedulePreset::Daily << u"06:30"_s << u"0 30 6 * * ?"_s
                                   << u"Every day at 06:30"_s;
        QTest::newRow("every day late") << SchedulePreset::Daily << u"23:05"_s << u"0 5 23 * * ?"_s
                                        << u"Every day at 23:05"_s;
        QTest::newRow("weekdays") << SchedulePreset::Weekdays << u"06:30"_s << u"0 30 6 ? * MON-FRI"_s
                                  << u"Every weekday (Monday to Friday) at 06:30"_s;
        QTest::newRow("every 4 hours") << SchedulePreset::EveryNHours << u"4"_s << u"0 0 */4 * * ?"_s
                                       << u"Every 4 hours"_s;
        QTest::newRow("every hour") << SchedulePreset::EveryNHours << u"1"_s << u"0 0 * * * ?"_s << u"Every hour"_s;
        QTest::newRow("every 7 hours") << SchedulePreset::EveryNHours << u"7"_s << u"0 0 */7 * * ?"_s
                                       << u"Every day at 00:00, 07:00, 14:00 and 21:00"_s;
    }

    // Each preset, chosen and filled in by keyboard, writes its expression and previews its runs.
    void presetWritesItsExpression()
    {
        QFETCH(SchedulePreset::Kind, kind);
        QFETCH(QString, typed);
        QFETCH(QString, expression);
        QFETCH(QString, description);
        presets()->setFocus();
        presets()->setCurrentIndex(SchedulePreset::Custom); // from elsewhere, so that the choice is made here
        while (presets()->currentIndex() != kind) {
            QTest::keyClick(presets(), Qt::Key_Up);
        }
        if (kind == SchedulePreset::EveryNHours) {
            auto* hours = field<QSpinBox>(u"presetHoursSpinBox"_s);
            QVERIFY(hours->isVisible());
            QTest::keyClick(m_page.get(), Qt::Key_V, Qt::AltModifier); // Interval
            QVERIFY(hours->hasFocus());
            hours->selectAll();
            QTest::keyClicks(hours, typed);
            QCOMPARE(hours->value(), typed.toInt());
        } else {
            auto* time = field<QTimeEdit>(u"presetTimeEdit"_s);
            QVERIFY(time->isVisible());
            QTest::keyClick(m_page.get(), Qt::Key_A, Qt::AltModifier); // at
            QVERIFY(time->hasFocus());
            time->setSelectedSection(QDateTimeEdit::HourSection);
            QTest::keyClicks(time, typed);
            QCOMPARE(time->time(), QTime::fromString(typed, u"HH:mm"_s));
        }
        QCOMPARE(cron()->text(), expression);
        QCOMPARE(field<QLabel>(u"cronDescriptionLabel"_s)->text(), description);
        QVERIFY(m_page->isComplete());

        const QList<QDateTime> runs = m_page->previewTimes();
        QCOMPARE(runs.size(), SchedulePage::previewCount);
        QVERIFY(runs.first() > QDateTime::currentDateTime());
        const QTimeZone zone(tokyo.toUtf8());
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QDateTime run = runs.at(i).toTimeZone(zone);
            const QString what = run.toString(Qt::ISODate);
            if (kind == SchedulePreset::EveryNHours) {
                const int hours = typed.toInt();
                QCOMPARE(run.time().minute(), 0);
                QVERIFY2(run.time().hour() % hours == 0, qPrintable(what));
            } else {
                QCOMPARE(run.time(), QTime::fromString(typed, u"HH:mm"_s));
                if (kind == SchedulePreset::Weekdays) {
                    QVERIFY2(run.date().dayOfWeek() <= 5, qPrintable(what)); // Monday to Friday
                }
            }
            if (i > 0) {
                const QDateTime before = runs.at(i - 1).toTimeZone(zone);
                QVERIFY(run > before);
                const qint64 days = before.date().daysTo(run.date());
                if (kind == SchedulePreset::Daily) {
                    QCOMPARE(days, qint64(1));
                } else if (kind == SchedulePreset::Weekdays) {
                    QVERIFY2(days == 1 || (days == 3 && run.date().dayOfWeek() == 1), qPrintable(what));
                }
            }
        }
        // What is stored is the expression shown, so the preset is found again when it is loaded.
        ConnectorConfig stored;
        m_page->store(stored);
        QCOMPARE(stored.schedule.cron, expression);
        QCOMPARE(SchedulePreset::fromCron(stored.schedule.cron).kind, kind);
    }

    void loadingShowsThePreset_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<SchedulePreset::Kind>("kind");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<int>("hours");
        const QTime none;
        QTest::newRow("weekdays") << u"0 30 6 ? * MON-FRI"_s << SchedulePreset::Weekdays << QTime(6, 30) << 0;
        QTest::newRow("weekdays, lower case")
            << u"0 30 6 ? * mon-fri"_s << SchedulePreset::Weekdays << QTime(6, 30) << 0;
        QTest::newRow("every day") << u"0 15 22 * * ?"_s << SchedulePreset::Daily << QTime(22, 15) << 0;
        QTest::newRow("every day, ? for the day of month")
            << u"0 0 3 ? * *"_s << SchedulePreset::Daily << QTime(3, 0) << 0;
        QTest::newRow("every 6 hours") << u"0 0 */6 * * ?"_s << SchedulePreset::EveryNHours << none << 6;
        QTest::newRow("every 3 hours from 0") << u"0 0 0/3 * * ?"_s << SchedulePreset::EveryNHours << none << 3;
        QTest::newRow("every hour") << u"0 0 * * * ?"_s << SchedulePreset::EveryNHours << none << 1;
        QTest::newRow("twice a month") << u"0 15 9 1,15 * ?"_s << SchedulePreset::Custom << none << 0;
        QTest::newRow("crontab") << u"30 6 * * 1-5"_s << SchedulePreset::Custom << none << 0;
        QTest::newRow("Monday to Saturday") << u"0 30 6 ? * MON-SAT"_s << SchedulePreset::Custom << none << 0;
        QTest::newRow("at a second") << u"15 30 6 * * ?"_s << SchedulePreset::Custom << none << 0;
        QTest::newRow("hours from 1") << u"0 0 1/4 * * ?"_s << SchedulePreset::Custom << none << 0;
        QTest::newRow("in one year") << u"0 0 2 * * ? 2030"_s << SchedulePreset::Custom << none << 0;
        QTest::newRow("wrong") << u"0 0 25 * * ?"_s << SchedulePreset::Custom << none << 0;
    }

    void loadingShowsThePreset()
    {
        QFETCH(QString, expression);
        QFETCH(SchedulePreset::Kind, kind);
        QFETCH(QTime, time);
        QFETCH(int, hours);
        ConnectorConfig config;
        config.schedule.enabled = true;
        config.schedule.cron = expression;
        m_page->load(config);
        QCOMPARE(presets()->currentIndex(), int(kind));
        auto* options = field<QStackedWidget>(u"presetStackedWidget"_s);
        switch (kind) {
        case SchedulePreset::Daily:
        case SchedulePreset::Weekdays:
            QCOMPARE(options->currentWidget()->objectName(), u"presetTimePage"_s);
            QCOMPARE(field<QTimeEdit>(u"presetTimeEdit"_s)->time(), time);
            break;
        case SchedulePreset::EveryNHours:
            QCOMPARE(options->currentWidget()->objectName(), u"presetHoursPage"_s);
            QCOMPARE(field<QSpinBox>(u"presetHoursSpinBox"_s)->value(), hours);
            break;
        case SchedulePreset::Custom:
            QCOMPARE(options->currentWidget()->objectName(), u"presetCustomPage"_s);
            break;
        }
        // Shown as loaded, and stored unchanged: an equivalent preset expression is not forced on it.
        QCOMPARE(cron()->text(), expression);
        ConnectorConfig stored;
        m_page->store(stored);
        QCOMPARE(stored.schedule.cron, expression);
    }

    // Typing in the expression field picks the preset it matches, and Custom for anything else.
    void typingAnExpressionShowsItsPreset()
    {
        cron()->setFocus();
        cron()->selectAll();
        QTest::keyClicks(cron(), u"0 0 */6 * * ?"_s);
        QCOMPARE(presets()->currentIndex(), int(SchedulePreset::EveryNHours));
        QCOMPARE(field<QSpinBox>(u"presetHoursSpinBox"_s)->value(), 6);
        QTest::keyClicks(cron(), u" 2030"_s);
        QCOMPARE(presets()->currentIndex(), int(SchedulePreset::Custom));
        QCOMPARE(cron()->text(), u"0 0 */6 * * ? 2030"_s); // kept as typed
        // Back to a preset: its own expression, from the time it had before.
        presets()->setCurrentIndex(SchedulePreset::Weekdays);
        QCOMPARE(cron()->text(), u"0 0 2 ? * MON-FRI"_s);
        // The Default button is a preset too.
        presets()->setCurrentIndex(SchedulePreset::Custom);
        QTest::keyClick(m_page.get(), Qt::Key_F, Qt::AltModifier);
        QTRY_COMPARE(cron()->text(), u"0 0 2 * * ?"_s); // a button's mnemonic clicks it a moment later
        QCOMPARE(presets()->currentIndex(), int(SchedulePreset::Daily));
    }

    // A wrong expression marks its field, names the problem, blocks Next and Save, and moves nothing.
    void wrongExpressionIsMarked()
    {
        auto* description = field<QLabel>(u"cronDescriptionLabel"_s);
        auto* nextRuns = field<QLabel>(u"nextRunsLabel"_s);
        QCoreApplication::sendPostedEvents(); // the layout catches up
        const QRect previewBefore = nextRuns->geometry();
        const QRect fieldBefore = cron()->geometry();
        QVERIFY(cron()->styleSheet().isEmpty());
        QVERIFY(cron()->accessibleDescription().isEmpty());
        QCOMPARE(nextRuns->text().count(u'\n'), SchedulePage::previewCount - 1);

        QSignalSpy completeChanged(m_page.get(), &QWizardPage::completeChanged);
        presets()->setCurrentIndex(SchedulePreset::Custom);
        cron()->setFocus();
        cron()->selectAll();
        QTest::keyClicks(cron(), u"0 0 25 * * ?"_s);
        const QString problem = u"Hours: 25 is out of range; hours run from 0 to 23."_s;
        QVERIFY(!m_page->isComplete());
        QVERIFY(!completeChanged.isEmpty());
        QVERIFY2(cron()->styleSheet().contains(u"border"_s), qPrintable(cron()->styleSheet()));
        QCOMPARE(cron()->accessibleDescription(), problem);
        QCOMPARE(description->text(), problem);
        QCOMPARE(field<QLabel>(u"cronDescriptionCaptionLabel"_s)->text(), u"Problem:"_s);
        QCOMPARE(nextRuns->text(), u"—"_s);
        QVERIFY(m_page->previewTimes().isEmpty());
        QCoreApplication::sendPostedEvents();
        QCOMPARE(nextRuns->geometry(), previewBefore);
        QCOMPARE(cron()->geometry(), fieldBefore);

        // Switched off, a wrong expression is kept as typed and blocks nothing.
        m_page->findChild<QCheckBox*>(u"scheduleEnabledCheckBox"_s)->setChecked(false);
        QVERIFY(m_page->isComplete());
        m_page->findChild<QCheckBox*>(u"scheduleEnabledCheckBox"_s)->setChecked(true);
        QVERIFY(!m_page->isComplete());

        cron()->selectAll();
        QTest::keyClicks(cron(), u"0 3 2 * * ?"_s);
        QVERIFY(m_page->isComplete());
        QVERIFY(cron()->styleSheet().isEmpty());
        QVERIFY(cron()->accessibleDescription().isEmpty());
        QCOMPARE(description->text(), u"Every day at 02:03"_s);
        QCOMPARE(field<QLabel>(u"cronDescriptionCaptionLabel"_s)->text(), u"In words:"_s);
        QCOMPARE(m_page->previewTimes().size(), SchedulePage::previewCount);
    }

    void timeZoneIsSearchable_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("lower case") << u"berl"_s;
        QTest::newRow("upper case") << u"BERL"_s;
        QTest::newRow("the city alone") << u"Berlin"_s;
    }

    void timeZoneIsSearchable()
    {
        QFETCH(QString, typed);
        auto* zones = field<TimeZoneComboBox>(u"timeZoneComboBox"_s);
        zones->setFocus();
        zones->lineEdit()->selectAll();
        QTest::keyClicks(zones->lineEdit(), typed);
        // Half a name is not a zone yet.
        QVERIFY(!zones->isValid());
        QVERIFY(!m_page->isComplete());

        QCompleter* completer = zones->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QStringList offered;
        for (int row = 0; row < completer->completionCount(); ++row) {
            completer->setCurrentRow(row);
            offered << completer->currentCompletion();
        }
        QVERIFY2(offered.contains(u"Europe/Berlin"_s), qPrintable(offered.join(u", "_s)));
        QVERIFY2(offered.size() < 5, qPrintable(offered.join(u", "_s))); // found, not the whole list

        // Chosen from the list by keyboard: accepted, previewed and stored.
        QAbstractItemView* popup = completer->popup();
        const QModelIndex berlin = completer->completionModel()->index(offered.indexOf(u"Europe/Berlin"_s), 0);
        popup->setCurrentIndex(berlin);
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(zones->currentText(), u"Europe/Berlin"_s);
        QVERIFY(zones->isValid());
        QVERIFY(m_page->isComplete());
        QVERIFY(zones->styleSheet().isEmpty());
        QVERIFY(zones->accessibleDescription().isEmpty());
        QCOMPARE(m_page->previewTimes().first().timeZone(), QTimeZone("Europe/Berlin"));
        ConnectorConfig stored;
        m_page->store(stored);
        QCOMPARE(stored.schedule.timeZone, u"Europe/Berlin"_s);
    }

    void wrongTimeZoneIsNotAccepted()
    {
        auto* zones = field<TimeZoneComboBox>(u"timeZoneComboBox"_s);
        QCoreApplication::sendPostedEvents(); // the layout catches up
        const QRect before = zones->geometry();
        zones->setFocus();
        zones->lineEdit()->selectAll();
        QTest::keyClicks(zones->lineEdit(), u"Mars/Olympus"_s);
        QVERIFY(!zones->isValid());
        QVERIFY(!m_page->isComplete());
        QVERIFY2(zones->styleSheet().contains(u"border"_s), qPrintable(zones->styleSheet()));
        QCOMPARE(zones->accessibleDescription(), u"“Mars/Olympus” is not a time zone; choose one from the list."_s);
        QCoreApplication::sendPostedEvents();
        QCOMPARE(zones->geometry(), before);
        QVERIFY(m_page->previewTimes().isEmpty());
        QCOMPARE(field<QLabel>(u"nextRunsLabel"_s)->text(), u"—"_s);
        ConnectorConfig stored;
        m_page->store(stored);
        QCOMPARE(stored.schedule.timeZone, tokyo); // the zone before, never the typed text

        // Typed in full, in any case, it is taken and spelled as the list does once the field is left.
        zones->lineEdit()->selectAll();
        QTest::keyClicks(zones->lineEdit(), u"europe/berlin"_s);
        QVERIFY(zones->isValid());
        QVERIFY(m_page->isComplete());
        QCOMPARE(zones->zoneId(), u"Europe/Berlin"_s);
        if (zones->completer()->popup()->isVisible()) {
            QTest::keyClick(zones->completer()->popup(), Qt::Key_Escape);
        }
        QVERIFY(!zones->completer()->popup()->isVisible());
        QCOMPARE(zones->currentText(), u"europe/berlin"_s);
        cron()->setFocus();
        QCOMPARE(zones->currentText(), u"Europe/Berlin"_s);
    }

    // The help is on the page, not only in a tooltip, and smaller than the fields' text.
    void helpIsShown()
    {
        auto* help = field<QLabel>(u"scheduleHelpLabel"_s);
        QVERIFY(help->isVisible());
        QVERIFY2(plain(help->text())
                     .contains(u"Scheduled syncs run while UserSync is open (also from the system tray) "
                               u"or when its service runs (usersync-cli schedule run, or the systemd "
                               u"user service usersync-schedule)."_s),
                 qPrintable(help->text()));
        QVERIFY(help->font().pointSizeF() < m_page->font().pointSizeF());
        QVERIFY(field<QLabel>(u"cronHintLabel"_s)->isVisible());
    }

    void helpBreaksOnlyBetweenCommandsAndExpressions_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("pieces");
        QTest::newRow("help") << u"scheduleHelpLabel"_s
                              << QStringList{u"usersync-cli schedule run"_s, u"usersync-schedule"_s};
        QTest::newRow("hint") << u"cronHintLabel"_s
                              << QStringList{u"0 0 8,17 * * ?"_s, u"30 6 * * 1-5"_s, u"day-of-month"_s,
                                             u"day-of-week"_s};
    }

    // Laid out at any width, as the label does, no line ends inside a command or an expression.
    void helpBreaksOnlyBetweenCommandsAndExpressions()
    {
        QFETCH(QString, label);
        QFETCH(QStringList, pieces);
        const QLabel* text = field<QLabel>(label);
        for (int width = 120; width <= 800; width += 4) {
            QTextDocument document;
            document.setDefaultFont(text->font());
            QTextOption option;
            option.setWrapMode(QTextOption::WordWrap); // as a word-wrapped QLabel
            document.setDefaultTextOption(option);
            document.setHtml(text->text());
            document.setTextWidth(width);
            QVERIFY(document.size().height() > 0); // laid out
            QStringList lines;
            for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
                const QTextLayout* layout = block.layout();
                for (int i = 0; i < layout->lineCount(); ++i) {
                    const QTextLine line = layout->lineAt(i);
                    lines << block.text().mid(line.textStart(), line.textLength());
                }
            }
            QVERIFY(lines.size() > 1 || width > 300); // it does wrap
            const QString laidOut = readable(lines.join(u'\n'));
            for (const QString& piece : std::as_const(pieces)) {
                QVERIFY2(laidOut.contains(piece), qPrintable(u"%1 px:\n%2"_s.arg(width).arg(laidOut)));
            }
        }
    }

    // Each label's letter is used once on the page (and not by the wizard's Back, Next and Save
    // and Return), and takes the keyboard to its field.
    void mnemonicsAreUniqueAndReachTheirFields()
    {
        QSet<QChar> used{u'B', u'N', u'S'};
        for (QWidget* widget : m_page->findChildren<QWidget*>()) {
            QString text;
            if (auto* label = qobject_cast<QLabel*>(widget)) {
                text = label->text();
            } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
                text = button->text();
            }
            const qsizetype amp = text.indexOf(u'&');
            if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == u'&') {
                continue;
            }
            const QChar letter = text.at(amp + 1).toUpper();
            QVERIFY2(!used.contains(letter), qPrintable(widget->objectName() + u": "_s + text));
            used.insert(letter);
            if (auto* label = qobject_cast<QLabel*>(widget)) {
                QVERIFY2(label->buddy(), qPrintable(label->objectName()));
            }
        }
        QCOMPARE(used.size(), 3 + 8); // E R A X F T C, and V on the hours page

        const auto reaches = [this](Qt::Key key, const QString& name) {
            QTest::keyClick(m_page.get(), key, Qt::AltModifier);
            return focusedField() == name;
        };
        QVERIFY(reaches(Qt::Key_R, u"presetComboBox"_s));
        QVERIFY(reaches(Qt::Key_A, u"presetTimeEdit"_s));
        QVERIFY(reaches(Qt::Key_X, u"cronLineEdit"_s));
        QVERIFY(reaches(Qt::Key_T, u"timeZoneComboBox"_s));
        // A button's mnemonic clicks it a moment later.
        auto* enabled = field<QCheckBox>(u"scheduleEnabledCheckBox"_s);
        QTest::keyClick(m_page.get(), Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(!enabled->isChecked());
        QVERIFY(!cron()->isEnabled());
        QTest::keyClick(m_page.get(), Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(enabled->isChecked());
        auto* runMissed = field<QCheckBox>(u"runMissedCheckBox"_s);
        const bool wasChecked = runMissed->isChecked();
        QTest::keyClick(m_page.get(), Qt::Key_C, Qt::AltModifier);
        QTRY_COMPARE(runMissed->isChecked(), !wasChecked);
    }

    void tabReachesEveryControl_data()
    {
        QTest::addColumn<SchedulePreset::Kind>("kind");
        QTest::addColumn<QString>("option"); // the control beside the preset, if any
        QTest::newRow("every day") << SchedulePreset::Daily << u"presetTimeEdit"_s;
        QTest::newRow("every N hours") << SchedulePreset::EveryNHours << u"presetHoursSpinBox"_s;
        QTest::newRow("custom") << SchedulePreset::Custom << QString();
    }

    // Tab goes through the controls in the order of the page, and round to the first again.
    void tabReachesEveryControl()
    {
        QFETCH(SchedulePreset::Kind, kind);
        QFETCH(QString, option);
        presets()->setCurrentIndex(kind);
        QStringList expected{u"scheduleEnabledCheckBox"_s, u"presetComboBox"_s};
        if (!option.isEmpty()) {
            expected << option;
        }
        expected << u"cronLineEdit"_s << u"cronDefaultButton"_s << u"timeZoneComboBox"_s << u"runMissedCheckBox"_s;
        field<QCheckBox>(u"scheduleEnabledCheckBox"_s)->setFocus();
        QStringList reached{focusedField()};
        while (reached.size() < 20) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            if (focusedField() == reached.first()) {
                break;
            }
            // Text that can be selected by keyboard (the words and the next runs) may take a stop too,
            // and a time edit takes one for its hours and one for its minutes.
            if (!qobject_cast<QLabel*>(QApplication::focusWidget()) && focusedField() != reached.last()) {
                reached << focusedField();
            }
        }
        QCOMPARE(reached, expected);
    }

    // For looking at: USERSYNC_SCREENSHOTS=folder saves the page as the wizard shows it.
    void screenshot()
    {
        const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS");
        if (folder.isEmpty()) {
            QSKIP("set USERSYNC_SCREENSHOTS to a folder to save a screenshot");
        }
        QWizard wizard;
        wizard.setMinimumSize(680, 640); // as the connector wizard
        auto* page = new SchedulePage(&wizard);
        wizard.addPage(page);
        ConnectorConfig config;
        config.schedule.enabled = true;
        config.schedule.cron = u"0 30 6 ? * MON-FRI"_s;
        page->load(config);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCoreApplication::sendPostedEvents();
        QVERIFY(wizard.grab().save(folder + u"/schedule-page.png"_s));

        page->findChild<QComboBox*>(u"presetComboBox"_s)->setCurrentIndex(SchedulePreset::Custom);
        page->findChild<QLineEdit*>(u"cronLineEdit"_s)->setText(u"0 0 25 * * ?"_s);
        page->findChild<TimeZoneComboBox*>(u"timeZoneComboBox"_s)->setEditText(u"Europe/Berl"_s);
        QCoreApplication::sendPostedEvents();
        QVERIFY(wizard.grab().save(folder + u"/schedule-page-wrong.png"_s));
        page->findChild<QLineEdit*>(u"cronLineEdit"_s)->setText(u"0 0 2"_s);
        QCoreApplication::sendPostedEvents();
        QVERIFY(wizard.grab().save(folder + u"/schedule-page-long-problem.png"_s));
    }

private:
    static inline const QString tokyo = u"Asia/Tokyo"_s;

    template <typename T>
    static T* field(const QWidget& page, const QString& name)
    {
        auto* found = page.findChild<T*>(name);
        if (!found) {
            qFatal("no field %s", qPrintable(name));
        }
        return found;
    }

    template <typename T>
    T* field(const QString& name) const
    {
        return field<T>(*m_page, name);
    }

    static QComboBox* presets(const QWidget& page) { return field<QComboBox>(page, u"presetComboBox"_s); }
    QComboBox* presets() const { return presets(*m_page); }
    static QLineEdit* cron(const QWidget& page) { return field<QLineEdit>(page, u"cronLineEdit"_s); }
    QLineEdit* cron() const { return cron(*m_page); }

    // Text as read: with plain spaces and hyphens.
    static QString readable(QString text) { return text.replace(QChar::Nbsp, u' ').replace(QChar(0x2011), u'-'); }

    // Text as read, without markup.
    static QString plain(const QString& html)
    {
        QTextDocument document;
        document.setHtml(html);
        return readable(document.toPlainText());
    }

    // The named field that has the keyboard (a spin box's or combo box's own line edit counts as it).
    static QString focusedField()
    {
        for (QWidget* widget = QApplication::focusWidget(); widget; widget = widget->parentWidget()) {
            if (!widget->objectName().isEmpty() && !widget->objectName().startsWith(u"qt_"_s)) {
                return widget->objectName();
            }
        }
        return {};
    }

    std::unique_ptr<SchedulePage> m_page;
};

QTEST_MAIN(TestSchedulePage)
#include "tst_schedulepage.moc"
