#include "SchedulePage.h"

#include "schedule/CronExpression.h"
#include "ui_SchedulePage.h"

#include <QLocale>
#include <QTimeZone>

SchedulePage::SchedulePage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::SchedulePage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Scheduled Synchronization"));
    setSubTitle(tr("A full sync that runs on its own, with the same deletion limit as one started by hand."));
    m_ui->timeZoneComboBox->addItem(tr("System time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
                                    QString());
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        m_ui->timeZoneComboBox->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    }
    connect(m_ui->scheduleEnabledCheckBox, &QCheckBox::toggled, this, &SchedulePage::updateEnabled);
    connect(m_ui->cronLineEdit, &QLineEdit::textChanged, this, &SchedulePage::updatePreview);
    connect(m_ui->timeZoneComboBox, &QComboBox::currentIndexChanged, this, &SchedulePage::updatePreview);
    connect(m_ui->cronDefaultButton, &QPushButton::clicked, this,
            [this] { m_ui->cronLineEdit->setText(CronExpression::defaultExpression); });
}

SchedulePage::~SchedulePage() = default;

void SchedulePage::load(const ConnectorConfig& config)
{
    m_ui->scheduleEnabledCheckBox->setChecked(config.schedule.enabled);
    m_ui->cronLineEdit->setText(config.schedule.cron);
    int zone = m_ui->timeZoneComboBox->findData(config.schedule.timeZone);
    if (zone < 0 && QTimeZone(config.schedule.timeZone.toUtf8()).isValid()) {
        // A valid name the list leaves out (an alias such as US/Eastern) is kept, not replaced.
        m_ui->timeZoneComboBox->addItem(config.schedule.timeZone, config.schedule.timeZone);
        zone = m_ui->timeZoneComboBox->count() - 1;
    }
    m_ui->timeZoneComboBox->setCurrentIndex(std::max(zone, 0));
    m_ui->runMissedCheckBox->setChecked(config.schedule.runMissed);
    updateEnabled();
    updatePreview();
}

void SchedulePage::store(ConnectorConfig& config) const
{
    config.schedule.enabled = m_ui->scheduleEnabledCheckBox->isChecked();
    config.schedule.cron = m_ui->cronLineEdit->text().simplified();
    config.schedule.timeZone = m_ui->timeZoneComboBox->currentData().toString();
    config.schedule.runMissed = m_ui->runMissedCheckBox->isChecked();
}

bool SchedulePage::isComplete() const
{
    // A wrong expression blocks only while it would be used; switched off, it is kept as typed.
    return m_valid || !m_ui->scheduleEnabledCheckBox->isChecked();
}

QTimeZone SchedulePage::timeZone() const
{
    const QString id = m_ui->timeZoneComboBox->currentData().toString();
    return id.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(id.toUtf8());
}

void SchedulePage::updateEnabled()
{
    const bool enabled = m_ui->scheduleEnabledCheckBox->isChecked();
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_ui->cronLabel, m_ui->cronLineEdit, m_ui->cronDefaultButton, m_ui->cronHintLabel,
             m_ui->cronDescriptionCaptionLabel, m_ui->cronDescriptionLabel, m_ui->nextRunsCaptionLabel,
             m_ui->nextRunsLabel, m_ui->timeZoneLabel, m_ui->timeZoneComboBox, m_ui->runMissedCheckBox}) {
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
    if (!expression) {
        m_ui->cronDescriptionLabel->setText(tr("✘ %1").arg(error));
        m_ui->nextRunsLabel->clear();
        Q_EMIT completeChanged();
        return;
    }
    const QTimeZone zone = timeZone();
    m_preview = expression->nextTimes(QDateTime::currentDateTimeUtc(), zone, previewCount);
    m_ui->cronDescriptionLabel->setText(expression->describe());
    QStringList lines;
    const QLocale locale;
    for (const QDateTime& time : std::as_const(m_preview)) {
        lines << tr("%1 at %2")
                     .arg(locale.toString(time.date(), QLocale::LongFormat),
                          time.time().toString(QStringLiteral("HH:mm")));
    }
    m_ui->nextRunsLabel->setText(lines.isEmpty() ? tr("Never: no date matches this expression.")
                                                 : lines.join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}
