#include "ConnectionPage.h"

#include "ConnectorWizard.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "ui_ConnectionPage.h"

#include <QWizard>

namespace {

QString paragraph(const QString& mark, const QString& headline, const QStringList& lines)
{
    QString html = QStringLiteral("<p><b>%1 %2</b>").arg(mark, headline.toHtmlEscaped());
    for (const QString& line : lines) {
        html += QStringLiteral("<br>") + line.toHtmlEscaped();
    }
    return html + QStringLiteral("</p>");
}

} // namespace

ConnectionPage::ConnectionPage(QWidget* parent)
    : ConnectorPage(parent)
    , m_ui(std::make_unique<Ui::ConnectionPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Connection"));
    setSubTitle(tr("Where the Keycloak realm is and how UserSync signs in to it. Save and Test Connection "
                   "checks everything before the first sync."));
    for (QLineEdit* edit :
         {m_ui->nameLineEdit, m_ui->urlLineEdit, m_ui->realmLineEdit, m_ui->clientIdLineEdit, m_ui->secretLineEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }
    connect(m_ui->showSecretToolButton, &QToolButton::toggled, this,
            [this](bool shown) { m_ui->secretLineEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_ui->saveAndTestButton, &QPushButton::clicked, this, &ConnectionPage::saveAndTestRequested);
    connect(m_ui->cancelTestButton, &QPushButton::clicked, this, &ConnectionPage::cancelTestRequested);
    // The setup guide's two ways on: Save and Return (the wizard's Finish), or the advanced pages.
    setButtonText(QWizard::NextButton, tr("Show &Advanced Settings"));
}

ConnectionPage::~ConnectionPage() = default;

void ConnectionPage::load(const ConnectorConfig& config)
{
    m_ui->nameLineEdit->setText(config.name);
    m_ui->urlLineEdit->setText(config.keycloak.baseUrl);
    m_ui->realmLineEdit->setText(config.keycloak.realm);
    m_ui->clientIdLineEdit->setText(config.keycloak.clientId);
    m_ui->secretLineEdit->clear();
    setSecretStored(!config.id.isEmpty());
}

void ConnectionPage::store(ConnectorConfig& config) const
{
    config.name = m_ui->nameLineEdit->text().trimmed();
    config.keycloak.baseUrl = m_ui->urlLineEdit->text().trimmed();
    config.keycloak.realm = m_ui->realmLineEdit->text().trimmed();
    config.keycloak.clientId = m_ui->clientIdLineEdit->text().trimmed();
}

void ConnectionPage::initializePage()
{
    // Keyboard users start typing at the first field, or the first empty one when editing.
    for (QLineEdit* edit : {m_ui->nameLineEdit, m_ui->urlLineEdit, m_ui->realmLineEdit, m_ui->clientIdLineEdit}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_ui->nameLineEdit->setFocus();
}

QString ConnectionPage::typedSecret() const
{
    return m_ui->secretLineEdit->text();
}

void ConnectionPage::setSecretStored(bool stored)
{
    m_secretStored = stored;
    m_ui->secretLineEdit->setPlaceholderText(stored ? tr("Unchanged: kept in the system keychain") : QString());
    Q_EMIT completeChanged();
}

bool ConnectionPage::isComplete() const
{
    const bool filled = !m_ui->nameLineEdit->text().trimmed().isEmpty()
        && !m_ui->urlLineEdit->text().trimmed().isEmpty() && !m_ui->realmLineEdit->text().trimmed().isEmpty()
        && !m_ui->clientIdLineEdit->text().trimmed().isEmpty()
        && (m_secretStored || !m_ui->secretLineEdit->text().isEmpty());
    return filled && !m_working;
}

bool ConnectionPage::validatePage()
{
    // Every problem at once, where it is typed: the wizard's settings as they now stand.
    const QStringList problems = static_cast<ConnectorWizard*>(wizard())->config().validate();
    if (!problems.isEmpty()) {
        showProblem(tr("Not saved."), problems.join(QLatin1Char('\n')));
        return false;
    }
    return true;
}

void ConnectionPage::setWorking(const QString& text)
{
    m_working = true;
    m_ui->saveAndTestButton->setEnabled(false);
    m_ui->cancelTestButton->setVisible(true);
    m_ui->testResultLabel->setText(QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
    Q_EMIT completeChanged();
}

void ConnectionPage::setIdle()
{
    const bool hadFocus = m_ui->cancelTestButton->hasFocus();
    m_working = false;
    m_ui->cancelTestButton->setVisible(false);
    m_ui->saveAndTestButton->setEnabled(true);
    if (hadFocus) {
        m_ui->saveAndTestButton->setFocus(); // keyboard users keep their place
    }
    Q_EMIT completeChanged();
}

void ConnectionPage::showTestResult(const ConnectionTestResult& result)
{
    setIdle();
    QStringList lines;
    if (result.baseUrl.isValid()) {
        lines << tr("Keycloak answers at %1 (%2).")
                     .arg(result.baseUrl.toString(), result.withAuthPath ? tr("with /auth") : tr("without /auth"));
    }
    if (result.tokenObtained) {
        lines << tr("Signed in as client “%1”.").arg(m_ui->clientIdLineEdit->text().trimmed());
    }
    if (result.usersReadable) {
        lines << tr("Users readable: %L1.").arg(result.userCount);
    }
    if (result.groupsReadable) {
        lines << tr("Groups readable: %L1, of which %L2 at the top level.")
                     .arg(result.groupCount)
                     .arg(result.topLevelGroupCount);
    }
    for (const QString& warning : result.warnings) {
        lines << tr("Note: %1").arg(warning);
    }
    if (result.ok) {
        m_ui->testResultLabel->setText(
            paragraph(QStringLiteral("✔"), tr("Connection OK. The connector is saved."), lines));
        return;
    }
    const QString message = result.error ? result.error->message : tr("The test ended without a result.");
    QStringList failure{message};
    failure << lines;
    m_ui->testResultLabel->setText(paragraph(
        QStringLiteral("✘"), tr("The connection failed. The connector is saved; correct it and test again."), failure));
}

void ConnectionPage::showProblem(const QString& headline, const QString& text)
{
    setIdle();
    m_ui->testResultLabel->setText(paragraph(QStringLiteral("✘"), headline, text.split(QLatin1Char('\n'))));
}
