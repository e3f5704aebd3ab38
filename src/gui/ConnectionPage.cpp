#include "ConnectionPage.h"

#include "ConnectorWizard.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "ui_ConnectionPage.h"

#include <QKeyEvent>
#include <QPushButton>
#include <QWizard>

#include <array>
#include <optional>

namespace {

QString paragraph(const QString& mark, const QString& headline, const QStringList& lines)
{
    QString html = QStringLiteral("<p><b>%1 %2</b>").arg(mark, headline.toHtmlEscaped());
    for (const QString& line : lines) {
        html += QStringLiteral("<br>") + line.toHtmlEscaped();
    }
    return html + QStringLiteral("</p>");
}

// One step of the test as a line of the checklist: passed, failed (in red, with what to do), or
// not reached.
QString step(std::optional<bool> passed, const QString& text, const QString& fix = {})
{
    if (!passed) {
        return QStringLiteral("<tr><td style=\"color:gray\">–</td><td style=\"color:gray\">%1</td></tr>")
            .arg(text.toHtmlEscaped());
    }
    if (*passed) {
        return QStringLiteral("<tr><td style=\"color:#107c10\">✔</td><td>%1</td></tr>").arg(text.toHtmlEscaped());
    }
    return QStringLiteral("<tr><td style=\"color:#c50f1f\">✘</td><td><span style=\"color:#c50f1f\">%1</span>"
                          "<br>%2</td></tr>")
        .arg(text.toHtmlEscaped(), fix.toHtmlEscaped());
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
    // The same Alt+letter both ways (the one "Sho&w" has in this language), so that a keyboard
    // user can toggle it back.
    const QKeySequence toggle = m_ui->showSecretToolButton->shortcut();
    connect(m_ui->showSecretToolButton, &QToolButton::toggled, this, [this, toggle](bool shown) {
        m_ui->secretLineEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showSecretToolButton->setText(shown ? tr("Hide") : tr("Show"));
        m_ui->showSecretToolButton->setShortcut(toggle);
    });
    // A bare host name is a web address too: https is assumed, and shown.
    connect(m_ui->urlLineEdit, &QLineEdit::editingFinished, this, [this] {
        const QString typed = m_ui->urlLineEdit->text().trimmed();
        if (!typed.isEmpty() && !typed.contains(QStringLiteral("://"))) {
            m_ui->urlLineEdit->setText(QStringLiteral("https://") + typed);
        }
    });
    for (QLineEdit* edit :
         {m_ui->nameLineEdit, m_ui->urlLineEdit, m_ui->realmLineEdit, m_ui->clientIdLineEdit, m_ui->secretLineEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this] { m_testPassed = false; }); // test again
    }
    connect(m_ui->targetComboBox, &QComboBox::currentIndexChanged, this, [this] { m_testPassed = false; });
    setTargets({});
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
    m_targetId = config.targetId;
    selectTarget(config.targetId);
}

void ConnectionPage::setTargets(const QList<TargetConfig>& targets)
{
    m_ui->targetComboBox->clear();
    m_ui->targetComboBox->addItem(tr("This directory (UserSync's own)"), QString());
    for (const TargetConfig& target : targets) {
        m_ui->targetComboBox->addItem(tr("%1 (%2, %3)").arg(target.name, target.productName(), target.url), target.id);
    }
    selectTarget(m_targetId);
}

void ConnectionPage::selectTarget(const QString& targetId)
{
    const int index = m_ui->targetComboBox->findData(targetId);
    m_ui->targetComboBox->setCurrentIndex(std::max(index, 0));
}

void ConnectionPage::store(ConnectorConfig& config) const
{
    config.name = m_ui->nameLineEdit->text().trimmed();
    config.keycloak.baseUrl = m_ui->urlLineEdit->text().trimmed();
    if (!config.keycloak.baseUrl.isEmpty() && !config.keycloak.baseUrl.contains(QStringLiteral("://"))) {
        config.keycloak.baseUrl.prepend(QStringLiteral("https://"));
    }
    config.keycloak.realm = m_ui->realmLineEdit->text().trimmed();
    config.keycloak.clientId = m_ui->clientIdLineEdit->text().trimmed();
    if (m_ui->targetComboBox->count() > 0) {
        config.targetId = m_ui->targetComboBox->currentData().toString();
    }
}

void ConnectionPage::keyPressEvent(QKeyEvent* event)
{
    const bool enter =
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier;
    // A focused button takes Enter itself; this is for the fields.
    if (!enter || qobject_cast<QAbstractButton*>(focusWidget())) {
        ConnectorPage::keyPressEvent(event);
        return;
    }
    event->accept();
    if (m_working) {
        return;
    }
    if (m_testPassed) {
        wizard()->accept(); // Save and Return
    } else if (m_ui->saveAndTestButton->isEnabled()) {
        Q_EMIT saveAndTestRequested();
    }
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
    m_testPassed = result.ok;
    if (result.error && result.error->kind == ConnectorError::Kind::Cancelled) {
        m_ui->testResultLabel->setText(
            paragraph(QStringLiteral("–"), tr("Test cancelled. The connector is saved."), {}));
        return;
    }
    // A checklist in the order the test goes: the first step that failed says what to do.
    const QString fix = result.error ? result.error->message : tr("The test ended without a result.");
    const bool found = result.baseUrl.isValid();
    const std::array<std::pair<bool, QString>, 5> steps = {{
        {found,
         found ? tr("Keycloak answers at %1 (%2).")
                     .arg(result.baseUrl.toString(), result.withAuthPath ? tr("with /auth") : tr("without /auth"))
               : tr("Keycloak found")},
        {result.realmFound, tr("Realm “%1” found").arg(m_ui->realmLineEdit->text().trimmed())},
        {result.tokenObtained, tr("Signed in as client “%1”").arg(m_ui->clientIdLineEdit->text().trimmed())},
        {result.usersReadable,
         result.usersReadable ? tr("Users readable: %L1").arg(result.userCount) : tr("Users readable")},
        {result.groupsReadable,
         result.groupsReadable ? tr("Groups readable: %L1, of which %L2 at the top level")
                                     .arg(result.groupCount)
                                     .arg(result.topLevelGroupCount)
                               : tr("Groups readable")},
    }};
    QString table = QStringLiteral("<table cellspacing=\"2\">");
    bool failedYet = false;
    for (const auto& [passed, text] : steps) {
        if (passed) {
            table += step(true, text);
        } else if (!failedYet && !result.ok) {
            failedYet = true;
            table += step(false, text, fix);
        } else {
            table += step(std::nullopt, text);
        }
    }
    if (!result.ok && !failedYet) {
        table += step(false, tr("Connection"), fix);
    }
    for (const QString& warning : result.warnings) {
        table += QStringLiteral("<tr><td>⚠</td><td>%1</td></tr>").arg(tr("Note: %1").arg(warning).toHtmlEscaped());
    }
    table += QStringLiteral("</table>");
    const QString headline = result.ok
        ? tr("Connection OK. The connector is saved; press Enter to save and return.")
        : tr("The connection failed. The connector is saved; correct it and test again.");
    m_ui->testResultLabel->setText(
        QStringLiteral("<p><b>%1 %2</b></p>%3")
            .arg(result.ok ? QStringLiteral("✔") : QStringLiteral("✘"), headline.toHtmlEscaped(), table));
}

void ConnectionPage::showProblem(const QString& headline, const QString& text)
{
    setIdle();
    m_ui->testResultLabel->setText(paragraph(QStringLiteral("✘"), headline, text.split(QLatin1Char('\n'))));
}
