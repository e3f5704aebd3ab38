#include "NetworkPage.h"

#include "ui_NetworkPage.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QSpinBox>

using namespace Qt::StringLiterals;

NetworkPage::NetworkPage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::NetworkPage>())
{
    m_ui->setupUi(this);
    // Numbers of a few digits: compact fields, as on the sync rules page.
    for (QSpinBox* box : {m_ui->pageSizeSpinBox, m_ui->inFlightSpinBox, m_ui->timeoutSpinBox, m_ui->retriesSpinBox}) {
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance(u"000000 s"_s) + 40);
    }
    setTitle(tr("Network"));
    setSubTitle(tr("Certificates and request limits for reaching Keycloak."));
    m_ui->networkProblemLabel->hide();
    connect(m_ui->caFileBrowseButton, &QPushButton::clicked, this, &NetworkPage::browseCaFile);
}

NetworkPage::~NetworkPage() = default;

void NetworkPage::load(const ConnectorConfig& config)
{
    m_ui->caFileLineEdit->setText(config.keycloak.caFile);
    m_ui->pageSizeSpinBox->setValue(config.keycloak.pageSize);
    m_ui->inFlightSpinBox->setValue(config.keycloak.maxInFlight);
    m_ui->timeoutSpinBox->setValue(config.keycloak.timeoutSeconds);
    m_ui->retriesSpinBox->setValue(config.keycloak.maxRetries);
}

void NetworkPage::store(ConnectorConfig& config) const
{
    config.keycloak.caFile = m_ui->caFileLineEdit->text().trimmed();
    config.keycloak.pageSize = m_ui->pageSizeSpinBox->value();
    config.keycloak.maxInFlight = m_ui->inFlightSpinBox->value();
    config.keycloak.timeoutSeconds = m_ui->timeoutSpinBox->value();
    config.keycloak.maxRetries = m_ui->retriesSpinBox->value();
}

bool NetworkPage::validatePage()
{
    const QString path = m_ui->caFileLineEdit->text().trimmed();
    const bool readable = path.isEmpty() || QFileInfo(path).isReadable();
    m_ui->networkProblemLabel->setText(
        tr("The certificate file “%1” cannot be read. Choose a PEM file that exists, or leave the field empty.")
            .arg(path));
    m_ui->networkProblemLabel->setVisible(!readable);
    if (!readable) {
        m_ui->caFileLineEdit->setFocus();
    }
    return readable;
}

void NetworkPage::browseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Extra CA Certificates"), m_ui->caFileLineEdit->text(),
                                                      tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty()) {
        m_ui->caFileLineEdit->setText(path);
    }
}
