#include "MappingPage.h"

#include "ui_MappingPage.h"

MappingPage::MappingPage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::MappingPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Mapping"));
    setSubTitle(tr("How Keycloak groups and user fields are named in the directory."));
    m_ui->groupNamingComboBox->addItem(tr("Keycloak’s group name"), int(SyncOptions::GroupNaming::Name));
    m_ui->groupNamingComboBox->addItem(tr("Group name in lower case"), int(SyncOptions::GroupNaming::LowerCase));
    m_ui->groupNamingComboBox->addItem(tr("Full path, such as /staff/admins"), int(SyncOptions::GroupNaming::FullPath));
    m_ui->groupNamingComboBox->addItem(tr("Name rewritten by a pattern"), int(SyncOptions::GroupNaming::Replace));
    connect(m_ui->groupNamingComboBox, &QComboBox::currentIndexChanged, this, &MappingPage::updateEnabled);
    m_ui->mappingProblemLabel->hide();
}

MappingPage::~MappingPage() = default;

void MappingPage::load(const ConnectorConfig& config)
{
    const SyncOptions& sync = config.sync;
    m_ui->groupNamingComboBox->setCurrentIndex(m_ui->groupNamingComboBox->findData(int(sync.groupNaming)));
    m_ui->groupPatternLineEdit->setText(sync.groupPattern);
    m_ui->groupReplacementLineEdit->setText(sync.groupReplacement);
    m_ui->dropUnmatchedCheckBox->setChecked(sync.dropUnmatchedGroups);
    m_ui->ancestorsCheckBox->setChecked(sync.includeAncestorGroups);
    m_ui->usernameSourceLineEdit->setText(sync.usernameSource);
    m_ui->emailSourceLineEdit->setText(sync.emailSource);
    m_ui->firstNameSourceLineEdit->setText(sync.firstNameSource);
    m_ui->lastNameSourceLineEdit->setText(sync.lastNameSource);
    m_ui->displayNameLineEdit->setText(sync.displayNameTemplate);
    m_ui->customAttributesLineEdit->setText(sync.customAttributes.join(QStringLiteral(", ")));
    updateEnabled();
}

void MappingPage::store(ConnectorConfig& config) const
{
    SyncOptions& sync = config.sync;
    sync.groupNaming = SyncOptions::GroupNaming(m_ui->groupNamingComboBox->currentData().toInt());
    sync.groupPattern = m_ui->groupPatternLineEdit->text();
    sync.groupReplacement = m_ui->groupReplacementLineEdit->text();
    sync.dropUnmatchedGroups = m_ui->dropUnmatchedCheckBox->isChecked();
    sync.includeAncestorGroups = m_ui->ancestorsCheckBox->isChecked();
    sync.usernameSource = m_ui->usernameSourceLineEdit->text().trimmed();
    sync.emailSource = m_ui->emailSourceLineEdit->text().trimmed();
    sync.firstNameSource = m_ui->firstNameSourceLineEdit->text().trimmed();
    sync.lastNameSource = m_ui->lastNameSourceLineEdit->text().trimmed();
    sync.displayNameTemplate = m_ui->displayNameLineEdit->text();
    sync.customAttributes.clear();
    for (const QString& name : m_ui->customAttributesLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!name.trimmed().isEmpty()) {
            sync.customAttributes << name.trimmed();
        }
    }
}

bool MappingPage::validatePage()
{
    ConnectorConfig config;
    store(config);
    const QStringList problems = config.sync.validate();
    m_ui->mappingProblemLabel->setText(problems.join(QLatin1Char('\n')));
    m_ui->mappingProblemLabel->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

void MappingPage::updateEnabled()
{
    const bool replace = m_ui->groupNamingComboBox->currentData().toInt() == int(SyncOptions::GroupNaming::Replace);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_ui->groupPatternLabel, m_ui->groupPatternLineEdit,
                                                           m_ui->groupReplacementLabel, m_ui->groupReplacementLineEdit,
                                                           m_ui->dropUnmatchedCheckBox}) {
        widget->setEnabled(replace);
    }
}
