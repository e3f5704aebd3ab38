#include "SyncRulesPage.h"

#include "ui_SyncRulesPage.h"

SyncRulesPage::SyncRulesPage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::SyncRulesPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Sync Rules"));
    setSubTitle(tr("Who is synced, and what happens to users who leave."));
    m_ui->cleanupComboBox->addItem(tr("Disable them (recommended)"), int(SyncOptions::Cleanup::Disable));
    m_ui->cleanupComboBox->addItem(tr("Delete them"), int(SyncOptions::Cleanup::Delete));
    m_ui->cleanupComboBox->addItem(tr("Anonymize them (reversible pseudonym)"), int(SyncOptions::Cleanup::Anonymize));
    m_ui->cleanupComboBox->addItem(tr("Keep them as they are"), int(SyncOptions::Cleanup::Keep));
}

SyncRulesPage::~SyncRulesPage() = default;

void SyncRulesPage::load(const ConnectorConfig& config)
{
    m_ui->cleanupComboBox->setCurrentIndex(m_ui->cleanupComboBox->findData(int(config.sync.cleanup)));
    m_ui->requiredGroupsLineEdit->setText(config.sync.requiredGroups.join(QStringLiteral(", ")));
    m_ui->deletionLimitSpinBox->setValue(config.sync.deletionLimitCount);
    m_ui->deletionPercentSpinBox->setValue(config.sync.deletionLimitPercent);
    m_ui->matchByEmailCheckBox->setChecked(config.sync.matchByEmail);
}

void SyncRulesPage::store(ConnectorConfig& config) const
{
    config.sync.cleanup = SyncOptions::Cleanup(m_ui->cleanupComboBox->currentData().toInt());
    config.sync.requiredGroups.clear();
    for (const QString& group : m_ui->requiredGroupsLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!group.trimmed().isEmpty()) {
            config.sync.requiredGroups << group.trimmed();
        }
    }
    config.sync.deletionLimitCount = m_ui->deletionLimitSpinBox->value();
    config.sync.deletionLimitPercent = m_ui->deletionPercentSpinBox->value();
    config.sync.matchByEmail = m_ui->matchByEmailCheckBox->isChecked();
}
