#include "ConnectorTypePage.h"

#include "ui_ConnectorTypePage.h"

#include <QWizard>

ConnectorTypePage::ConnectorTypePage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::ConnectorTypePage>())
{
    m_ui->setupUi(this);
    // A few rows, not the whole page: one type today, a handful later.
    m_ui->typeListWidget->setMaximumHeight(m_ui->typeListWidget->fontMetrics().height() * 6);
    setTitle(tr("Connector Type"));
    setSubTitle(tr("UserSync reads users and groups from it; it never changes the source."));
    auto* keycloak = new QListWidgetItem(QIcon(QStringLiteral(":/icons/keycloak.svg")),
                                         tr("Keycloak\nUsers, groups and memberships of one realm, read with a "
                                            "service account."),
                                         m_ui->typeListWidget);
    keycloak->setData(Qt::UserRole, ConnectorConfig::keycloakType);
    m_ui->typeListWidget->setIconSize(QSize(32, 32));
    m_ui->typeListWidget->setCurrentItem(keycloak);
    connect(m_ui->typeListWidget, &QListWidget::currentItemChanged, this, &QWizardPage::completeChanged);
    // A double click chooses and goes on, as in a file dialog.
    connect(m_ui->typeListWidget, &QListWidget::itemActivated, this, [this] { wizard()->next(); });
}

ConnectorTypePage::~ConnectorTypePage() = default;

void ConnectorTypePage::load(const ConnectorConfig& config)
{
    for (int row = 0; row < m_ui->typeListWidget->count(); ++row) {
        if (m_ui->typeListWidget->item(row)->data(Qt::UserRole).toString() == config.type) {
            m_ui->typeListWidget->setCurrentRow(row);
        }
    }
}

void ConnectorTypePage::store(ConnectorConfig& config) const
{
    if (const QListWidgetItem* item = m_ui->typeListWidget->currentItem()) {
        config.type = item->data(Qt::UserRole).toString();
    }
}

bool ConnectorTypePage::isComplete() const
{
    return m_ui->typeListWidget->currentItem() != nullptr;
}
