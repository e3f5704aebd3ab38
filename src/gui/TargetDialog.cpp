#include "TargetDialog.h"

#include "JobThread.h"
#include "config/SecretStore.h"
#include "targets/TargetStore.h"
#include "targets/TargetTest.h"
#include "ui_TargetDialog.h"

#include <QLayout>
#include <QPushButton>

namespace {

QString line(bool passed, const QString& text)
{
    return QStringLiteral("<tr><td style=\"color:%1\">%2</td><td>%3</td></tr>")
        .arg(passed ? QStringLiteral("#107c10") : QStringLiteral("#c50f1f"),
             passed ? QStringLiteral("✔") : QStringLiteral("✘"), text.toHtmlEscaped());
}

} // namespace

TargetDialog::TargetDialog(QSqlDatabase directory, const std::optional<TargetConfig>& existing, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TargetDialog>())
    , m_directory(std::move(directory))
    , m_config(existing.value_or(TargetConfig{}))
{
    m_ui->setupUi(this);
    setWindowTitle(existing ? tr("Edit Application “%1”").arg(existing->name) : tr("Add Application"));
    for (const QString& type : TargetConfig::types()) {
        m_ui->typeComboBox->addItem(tr("%1 Data Center").arg(TargetConfig::productName(type)), type);
    }
    m_ui->authComboBox->addItem(tr("A personal access token (recommended)"), int(TargetConfig::Auth::Token));
    m_ui->authComboBox->addItem(tr("A username and password"), int(TargetConfig::Auth::Basic));
    m_ui->nameLineEdit->setText(m_config.name);
    m_ui->typeComboBox->setCurrentIndex(std::max(0, m_ui->typeComboBox->findData(m_config.type)));
    m_ui->typeComboBox->setEnabled(!existing); // a stored application keeps its type
    m_ui->urlLineEdit->setText(m_config.url);
    m_ui->authComboBox->setCurrentIndex(std::max(0, m_ui->authComboBox->findData(int(m_config.auth))));
    m_ui->usernameLineEdit->setText(m_config.username);
    m_ui->caFileLineEdit->setText(m_config.http.caFile);
    m_ui->accessGroupsLineEdit->setText(m_config.accessGroups.join(QStringLiteral(", ")));
    m_ui->inFlightSpinBox->setValue(m_config.http.maxInFlight);
    m_ui->timeoutSpinBox->setValue(m_config.http.timeoutSeconds);
    m_ui->retriesSpinBox->setValue(m_config.http.maxRetries);
    connect(m_ui->authComboBox, &QComboBox::currentIndexChanged, this, &TargetDialog::updateAuthFields);
    connect(m_ui->typeComboBox, &QComboBox::currentIndexChanged, this, [this] {
        // Bitbucket refuses tokens where a sync works: a new Bitbucket application starts on Basic.
        if (m_config.id.isEmpty() && m_ui->typeComboBox->currentData().toString() == TargetConfig::bitbucketType) {
            m_ui->authComboBox->setCurrentIndex(m_ui->authComboBox->findData(int(TargetConfig::Auth::Basic)));
        }
        updateAuthFields();
    });
    connect(m_ui->saveAndTestButton, &QPushButton::clicked, this, &TargetDialog::saveAndTest);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    // A bare host name is a web address too: https is assumed, and shown.
    connect(m_ui->urlLineEdit, &QLineEdit::editingFinished, this, [this] {
        const QString typed = m_ui->urlLineEdit->text().trimmed();
        if (!typed.isEmpty() && !typed.contains(QStringLiteral("://"))) {
            m_ui->urlLineEdit->setText(QStringLiteral("https://") + typed);
        }
    });
    updateAuthFields();
    m_ui->nameLineEdit->setFocus();
}

TargetDialog::~TargetDialog() = default;

void TargetDialog::fitHeight()
{
    layout()->activate();
    if (const int needed = layout()->totalHeightForWidth(width()); needed > height()) {
        resize(width(), needed);
    }
}

void TargetDialog::updateAuthFields()
{
    // The hint below the credential changes length with the product and the way of signing in.
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
    const bool basic = m_ui->authComboBox->currentData().toInt() == int(TargetConfig::Auth::Basic);
    m_ui->usernameLabel->setVisible(basic);
    m_ui->usernameLineEdit->setVisible(basic);
    m_ui->credentialLabel->setText(basic ? tr("&Password:") : tr("T&oken:"));
    const bool stored =
        !m_config.id.isEmpty() && m_config.auth == TargetConfig::Auth(m_ui->authComboBox->currentData().toInt());
    m_ui->credentialLineEdit->setPlaceholderText(stored ? tr("stored in the system keychain; type to replace it")
                                                        : QString());
    const QString type = m_ui->typeComboBox->currentData().toString();
    const bool bitbucket = type == TargetConfig::bitbucketType;
    m_ui->accessGroupsLabel->setVisible(bitbucket);
    m_ui->accessGroupsLineEdit->setVisible(bitbucket);
    if (bitbucket) {
        m_ui->urlLineEdit->setPlaceholderText(tr("https://bitbucket.example.com"));
        m_ui->credentialHintLabel->setText(
            basic ? tr("The account of a Bitbucket administrator (Admin or System admin global permission). After a "
                       "few wrong passwords Bitbucket asks for a CAPTCHA; UserSync then stops and says so.")
                  : tr("Bitbucket refuses personal access tokens on its administration API: choose “A username "
                       "and password” and sign in as a Bitbucket administrator."));
        return;
    }
    if (type == TargetConfig::confluenceType) {
        m_ui->urlLineEdit->setPlaceholderText(tr("https://confluence.example.com"));
        m_ui->credentialHintLabel->setText(
            basic ? tr("The account of a Confluence administrator. After a few wrong passwords Confluence asks for "
                       "a CAPTCHA in the browser; UserSync then stops and says so.")
                  : tr("A Confluence administrator's personal access token: in Confluence, your avatar → Settings → "
                       "Personal Access Tokens → Create token. It is kept in the system keychain only."));
        return;
    }
    m_ui->urlLineEdit->setPlaceholderText(tr("https://jira.example.com"));
    m_ui->credentialHintLabel->setText(
        basic ? tr("The account of a Jira system administrator. After a few wrong passwords Jira asks for a CAPTCHA "
                   "in the browser; UserSync then stops and says so.")
              : tr("A Jira system administrator's personal access token: in Jira, your avatar → Profile → Personal "
                   "Access Tokens → Create token. It is kept in the system keychain only."));
}

void TargetDialog::showProblem(const QString& text)
{
    m_ui->resultLabel->setText(QStringLiteral("<p style=\"color:#c50f1f\">%1</p>").arg(text.toHtmlEscaped()));
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
}

void TargetDialog::setWorking(bool working)
{
    m_ui->saveAndTestButton->setEnabled(!working);
    if (working) {
        m_ui->resultLabel->setText(tr("Testing the connection…"));
    }
}

void TargetDialog::saveAndTest()
{
    TargetConfig config = m_config;
    config.name = m_ui->nameLineEdit->text().trimmed();
    config.type = m_ui->typeComboBox->currentData().toString();
    if (config.type == TargetConfig::bitbucketType) {
        config.accessGroups.clear();
        for (const QString& group : m_ui->accessGroupsLineEdit->text().split(QLatin1Char(','))) {
            if (!group.trimmed().isEmpty()) {
                config.accessGroups.append(group.trimmed());
            }
        }
    }
    config.url = m_ui->urlLineEdit->text().trimmed();
    config.auth = TargetConfig::Auth(m_ui->authComboBox->currentData().toInt());
    config.username = config.auth == TargetConfig::Auth::Basic ? m_ui->usernameLineEdit->text().trimmed() : QString();
    config.http.caFile = m_ui->caFileLineEdit->text().trimmed();
    config.http.maxInFlight = m_ui->inFlightSpinBox->value();
    config.http.timeoutSeconds = m_ui->timeoutSpinBox->value();
    config.http.maxRetries = m_ui->retriesSpinBox->value();
    const QString typed = m_ui->credentialLineEdit->text();
    QStringList problems = config.validate();
    const bool needsCredential = config.id.isEmpty() || config.auth != m_config.auth;
    if (typed.isEmpty() && needsCredential) {
        problems << (config.auth == TargetConfig::Auth::Basic ? tr("Enter the password.")
                                                              : tr("Enter the personal access token."));
    }
    if (!problems.isEmpty()) {
        showProblem(problems.join(u'\n'));
        return;
    }
    QString error;
    TargetStore store(m_directory);
    const bool stored = config.id.isEmpty() ? store.add(config, &error) : store.update(config, &error);
    if (!stored) {
        showProblem(error);
        return;
    }
    m_config = config;
    setWindowTitle(tr("Edit Application “%1”").arg(config.name));
    m_ui->typeComboBox->setEnabled(false);
    Q_EMIT saved(m_config);
    setWorking(true);
    if (!typed.isEmpty()) {
        SecretStore().write(m_config.secretKey(), typed, this, [this, typed](const SecretResult& result) {
            if (!result.ok()) {
                setWorking(false);
                showProblem(result.message);
                return;
            }
            m_ui->credentialLineEdit->clear();
            updateAuthFields();
            startTest(typed);
        });
        return;
    }
    SecretStore().read(m_config.secretKey(), this, [this](const SecretResult& result) {
        if (!result.ok()) {
            setWorking(false);
            showProblem(result.message);
            return;
        }
        startTest(result.secret);
    });
}

void TargetDialog::startTest(const QString& credential)
{
    const TargetConfig config = m_config;
    m_test = JobThread::start<TargetTest, TargetTestResult>(
        this, [config, credential] { return TargetTest::create(config, credential); }, &TargetTest::finished,
        [this](const TargetTestResult& result) {
            m_test.clear();
            setWorking(false);
            QString ignored; // the outcome is shown either way
            TargetStore(m_directory).recordTest(m_config.id, result, &ignored);
            showResult(result);
            Q_EMIT tested(result);
        });
}

void TargetDialog::showResult(const TargetTestResult& result)
{
    QString rows;
    if (!result.version.isEmpty()) {
        rows += line(true, tr("%1 %2 answers at %3").arg(result.product, result.version, m_config.url));
    }
    if (!result.signedInAs.isEmpty()) {
        rows += line(true,
                     result.systemAdministrator
                         ? tr("Signed in as %1, a system administrator").arg(result.signedInAs)
                         : tr("Signed in as %1, a %2 administrator").arg(result.signedInAs, result.product));
    }
    if (result.userCount >= 0) {
        rows += line(true, tr("Users that can be read: %L1 (with %2)").arg(result.userCount).arg(result.listing));
    }
    if (result.groupCount >= 0) {
        rows += line(true, tr("Groups: %L1").arg(result.groupCount));
    }
    if (result.error) {
        rows += line(false, result.error->message);
    }
    QString html = QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows);
    for (const QString& warning : result.warnings) {
        html += QStringLiteral("<p>⚠ %1</p>").arg(warning.toHtmlEscaped());
    }
    html += result.ok ? tr("<p><b>The connection works.</b> Choose this application under “Synchronize into” in a "
                           "connector, then run a simulated sync.</p>")
                      : QString();
    m_ui->resultLabel->setText(html);
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
}
