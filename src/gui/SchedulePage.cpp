#include "SchedulePage.h"

#include "schedule/CronExpression.h"
#include "ui_SchedulePage.h"

#include <QEvent>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// Commands and expressions are not translated, and not broken across lines: <nobr> keeps their
// spaces, and a hyphen before a letter (where Qt would break: "usersync-cli") is shown as a
// non-breaking one, U+2011. "1-5" breaks nowhere, and stays as it can be copied.
QString unbroken(QString text)
{
    static const QRegularExpression hyphen(u"-(?=\\p{L})"_s);
    return u"<nobr>%1</nobr>"_s.arg(text.replace(hyphen, QString(QChar(0x2011))).toHtmlEscaped());
}

// A red frame on the field and the problem for screen readers; an empty problem clears both.
// The frame is drawn within the field's usual height (see reserveHeights), so nothing moves.
void markField(QWidget* field, const QString& problem)
{
    const QString type = qobject_cast<QComboBox*>(field) ? u"QComboBox"_s : u"QLineEdit"_s;
    field->setStyleSheet(problem.isEmpty() ? QString()
                                           : u"%1 { border: 2px solid #d32f2f; border-radius: 3px; }"_s.arg(type));
    field->setAccessibleDescription(problem);
    field->setToolTip(problem);
}

// The field's height without the red frame, kept with it.
void keepHeight(QWidget* field)
{
    const QString frame = field->styleSheet();
    field->setStyleSheet({});
    field->setFixedHeight(field->sizeHint().height());
    field->setStyleSheet(frame);
}

void makeSecondary(QLabel* label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
}

} // namespace

SchedulePage::SchedulePage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::SchedulePage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Scheduled Synchronization"));
    setSubTitle(tr("A full sync that runs on its own, with the same deletion limit as one started by hand."));
    makeSecondary(m_ui->scheduleHelpLabel);
    makeSecondary(m_ui->cronHintLabel);
    m_ui->presetHoursSpinBox->setRange(SchedulePreset::minHours, SchedulePreset::maxHours);
    showPreset(SchedulePreset{});
    updateTexts();
    reserveHeights();

    connect(m_ui->scheduleEnabledCheckBox, &QCheckBox::toggled, this, &SchedulePage::updateEnabled);
    connect(m_ui->presetComboBox, &QComboBox::currentIndexChanged, this, &SchedulePage::applyPreset);
    connect(m_ui->presetTimeEdit, &QTimeEdit::timeChanged, this, &SchedulePage::applyPreset);
    connect(m_ui->presetHoursSpinBox, &QSpinBox::valueChanged, this, &SchedulePage::applyPreset);
    connect(m_ui->cronLineEdit, &QLineEdit::textChanged, this, &SchedulePage::cronChanged);
    connect(m_ui->timeZoneComboBox, &TimeZoneComboBox::zoneChanged, this, &SchedulePage::updateTimeZone);
    connect(m_ui->cronDefaultButton, &QPushButton::clicked, this,
            [this] { m_ui->cronLineEdit->setText(CronExpression::defaultExpression); });
}

SchedulePage::~SchedulePage() = default;

void SchedulePage::load(const ConnectorConfig& config)
{
    m_ui->scheduleEnabledCheckBox->setChecked(config.schedule.enabled);
    m_ui->cronLineEdit->setText(config.schedule.cron);
    m_ui->timeZoneComboBox->setZoneId(config.schedule.timeZone);
    m_ui->runMissedCheckBox->setChecked(config.schedule.runMissed);
    cronChanged(); // also when the text was already the same
    updateTimeZone();
    updateEnabled();
}

void SchedulePage::store(ConnectorConfig& config) const
{
    config.schedule.enabled = m_ui->scheduleEnabledCheckBox->isChecked();
    config.schedule.cron = m_ui->cronLineEdit->text().simplified();
    config.schedule.timeZone = m_ui->timeZoneComboBox->zoneId();
    config.schedule.runMissed = m_ui->runMissedCheckBox->isChecked();
}

bool SchedulePage::isComplete() const
{
    // A wrong expression blocks only while it would be used; switched off, it is kept as typed.
    return (m_valid && m_ui->timeZoneComboBox->isValid()) || !m_ui->scheduleEnabledCheckBox->isChecked();
}

void SchedulePage::changeEvent(QEvent* event)
{
    ConnectorPage::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateTexts();
        updatePreview();
    } else if (event->type() == QEvent::FontChange) {
        reserveHeights();
        updateTimeZone(); // and the preview: the marks again
    }
}

SchedulePreset SchedulePage::chosenPreset() const
{
    SchedulePreset preset;
    preset.kind = SchedulePreset::Kind(m_ui->presetComboBox->currentIndex());
    preset.time = m_ui->presetTimeEdit->time();
    preset.hours = m_ui->presetHoursSpinBox->value();
    return preset;
}

// Shows `preset` without writing its expression (it is the one in the field already).
void SchedulePage::showPreset(const SchedulePreset& preset)
{
    {
        const QSignalBlocker blockKind(m_ui->presetComboBox);
        const QSignalBlocker blockTime(m_ui->presetTimeEdit);
        const QSignalBlocker blockHours(m_ui->presetHoursSpinBox);
        m_ui->presetComboBox->setCurrentIndex(preset.kind);
        m_ui->presetTimeEdit->setTime(preset.time);
        m_ui->presetHoursSpinBox->setValue(preset.hours);
    }
    QWidget* options = preset.kind == SchedulePreset::EveryNHours ? m_ui->presetHoursPage
        : preset.kind == SchedulePreset::Custom                   ? m_ui->presetCustomPage
                                                                  : m_ui->presetTimePage;
    m_ui->presetStackedWidget->setCurrentWidget(options);
    m_ui->presetHoursSpinBox->setSuffix(preset.hours == 1 ? tr(" hour") : tr(" hours"));
}

void SchedulePage::applyPreset()
{
    const SchedulePreset preset = chosenPreset();
    showPreset(preset);
    if (preset.kind != SchedulePreset::Custom) {
        m_ui->cronLineEdit->setText(preset.cron());
    }
}

void SchedulePage::cronChanged()
{
    // Typing an expression a preset writes shows that preset; any other is Custom.
    showPreset(SchedulePreset::fromCron(m_ui->cronLineEdit->text(), chosenPreset()));
    updatePreview();
}

void SchedulePage::updateTimeZone()
{
    TimeZoneComboBox* zones = m_ui->timeZoneComboBox;
    markField(zones,
              zones->isValid() ? QString()
                               : tr("“%1” is not a time zone; choose one from the list.").arg(zones->currentText()));
    updatePreview();
}

void SchedulePage::updateEnabled()
{
    const bool enabled = m_ui->scheduleEnabledCheckBox->isChecked();
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_ui->presetLabel, m_ui->presetComboBox, m_ui->presetStackedWidget, m_ui->cronLabel, m_ui->cronLineEdit,
             m_ui->cronDefaultButton, m_ui->cronHintLabel, m_ui->cronDescriptionCaptionLabel,
             m_ui->cronDescriptionLabel, m_ui->nextRunsCaptionLabel, m_ui->nextRunsLabel, m_ui->timeZoneLabel,
             m_ui->timeZoneComboBox, m_ui->runMissedCheckBox}) {
        widget->setEnabled(enabled);
    }
    Q_EMIT completeChanged();
}

void SchedulePage::updatePreview()
{
    QString error;
    const auto expression = CronExpression::parse(m_ui->cronLineEdit->text(), &error);
    m_valid = expression.has_value();
    m_preview.clear();
    markField(m_ui->cronLineEdit, error);
    m_ui->cronDescriptionCaptionLabel->setText(m_valid ? tr("In words:") : tr("Problem:"));
    if (!expression || !m_ui->timeZoneComboBox->isValid()) {
        m_ui->cronDescriptionLabel->setText(expression ? expression->describe() : error);
        m_ui->nextRunsLabel->setText(tr("—", "no next runs"));
        Q_EMIT completeChanged();
        return;
    }
    m_preview =
        expression->nextTimes(QDateTime::currentDateTimeUtc(), m_ui->timeZoneComboBox->timeZone(), previewCount);
    m_ui->cronDescriptionLabel->setText(expression->describe());
    QStringList lines;
    const QLocale locale;
    for (const QDateTime& time : std::as_const(m_preview)) {
        lines
            << tr("%1 at %2").arg(locale.toString(time.date(), QLocale::LongFormat), time.time().toString(u"HH:mm"_s));
    }
    m_ui->nextRunsLabel->setText(lines.isEmpty() ? tr("Never: no date matches this expression.")
                                                 : lines.join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

void SchedulePage::updateTexts()
{
    m_ui->scheduleHelpLabel->setText(
        tr("Scheduled syncs run while UserSync is open (also from the system tray) or when its service runs (%1, or "
           "the systemd user service %2).")
            .toHtmlEscaped()
            .arg(unbroken(u"usersync-cli schedule run"_s), unbroken(u"usersync-schedule"_s)));
    m_ui->cronHintLabel->setText(
        tr("Quartz syntax: %1, e.g. %2 for every day at 08:00 and 17:00. A crontab line such as %3 "
           "works too.")
            .toHtmlEscaped()
            .arg(tr("seconds minutes hours day-of-month month day-of-week [year]")
                     .replace(u'-', QChar(0x2011))
                     .toHtmlEscaped(),
                 unbroken(u"0 0 8,17 * * ?"_s), unbroken(u"30 6 * * 1-5"_s)));
    showPreset(chosenPreset()); // the hours' suffix
}

// The preview keeps the height of all its runs, the words two lines and the expression field its
// height without the red frame, so that nothing moves while an expression is typed.
void SchedulePage::reserveHeights()
{
    const int line = m_ui->nextRunsLabel->fontMetrics().lineSpacing();
    m_ui->nextRunsLabel->setMinimumHeight(line * previewCount);
    m_ui->cronDescriptionLabel->setMinimumHeight(m_ui->cronDescriptionLabel->fontMetrics().lineSpacing() * 2);
    keepHeight(m_ui->cronLineEdit);
    keepHeight(m_ui->timeZoneComboBox);
}
