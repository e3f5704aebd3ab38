#include "ConnectorWizard.h"

#include "ConnectionPage.h"
#include "ConnectorTypePage.h"
#include "JobThread.h"
#include "MappingPage.h"
#include "MessageBox.h"
#include "NetworkPage.h"
#include "SchedulePage.h"
#include "SyncRulesPage.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "targets/TargetStore.h"

#include <QLabel>

ConnectorWizard::ConnectorWizard(QSqlDatabase directory, const std::optional<ConnectorConfig>& existing,
                                 QWidget* parent)
    : QWizard(parent)
    , m_directory(std::move(directory))
    , m_config(existing.value_or(ConnectorConfig{}))
    , m_connection(new ConnectionPage(this))
{
    setWindowTitle(existing ? tr("Edit Connector “%1”").arg(existing->name) : tr("Add Connector"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Save and Return"));
    setMinimumSize(680, 560); // no taller than the main window

    const QList<std::pair<PageId, ConnectorPage*>> pages = {
        {TypePageId, new ConnectorTypePage(this)}, {ConnectionPageId, m_connection},
        {SchedulePageId, new SchedulePage(this)},  {RulesPageId, new SyncRulesPage(this)},
        {MappingPageId, new MappingPage(this)},    {NetworkPageId, new NetworkPage(this)},
    };
    for (const auto& [id, page] : pages) {
        setPage(id, page);
        page->load(m_config);
        // Save and Return from every page past the type: the advanced pages are all optional.
        page->setFinalPage(id != TypePageId);
        m_pages << page;
    }
    if (existing) {
        setStartId(ConnectionPageId); // the type of a stored connector does not change
    }
    // Help lines read as help: smaller and quieter than the labels they explain.
    for (QLabel* hint : findChildren<QLabel*>()) {
        if (hint->objectName().endsWith(QLatin1String("HintLabel"))
            && hint->foregroundRole() != QPalette::PlaceholderText) { // not made quiet by its page already
            QFont font = hint->font();
            font.setPointSizeF(font.pointSizeF() * 0.9);
            hint->setFont(font);
            QPalette palette = hint->palette();
            palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
            hint->setPalette(palette);
        }
    }
    QString error;
    m_connection->setTargets(TargetStore(m_directory).list(&error).value_or(QList<TargetConfig>{}));
    m_shown = config();
    connect(m_connection, &ConnectionPage::saveAndTestRequested, this, &ConnectorWizard::saveAndTest);
    connect(m_connection, &ConnectionPage::cancelTestRequested, this, &ConnectorWizard::cancelTest);
}

ConnectorWizard::~ConnectorWizard() = default;

ConnectorConfig ConnectorWizard::config() const
{
    ConnectorConfig config = m_config;
    for (const ConnectorPage* page : m_pages) {
        page->store(config);
    }
    return config;
}

bool ConnectorWizard::isBusy() const
{
    return m_saving || m_test;
}

void ConnectorWizard::saveAndTest()
{
    if (isBusy() || !m_connection->validatePage()) {
        return;
    }
    const QString typed = m_connection->typedSecret();
    save([this, typed](bool saved) {
        if (!saved) {
            return;
        }
        if (typed.isEmpty()) {
            testWithStoredSecret();
        } else {
            startTest(typed);
        }
    });
}

void ConnectorWizard::save(std::function<void(bool)> then)
{
    ConnectorConfig config = this->config();
    if (const QStringList problems = config.validate(); !problems.isEmpty()) {
        m_connection->showProblem(tr("Not saved."), problems.join(QLatin1Char('\n')));
        then(false);
        return;
    }
    const bool added = config.id.isEmpty();
    const QString secret = m_connection->typedSecret();
    if (added && secret.isEmpty()) {
        m_connection->showProblem(tr("Not saved."),
                                  tr("Enter the client secret, from the Credentials tab of the client in the Keycloak "
                                     "admin console."));
        then(false);
        return;
    }
    ConnectorStore store(m_directory);
    QString error;
    m_connection->setWorking(tr("Saving…"));
    if (!(added ? store.add(config, &error) : store.update(config, &error))) {
        m_connection->showProblem(tr("Not saved."), error);
        then(false);
        return;
    }
    if (secret.isEmpty()) {
        m_config = config;
        m_shown = this->config();
        Q_EMIT saved(config.id);
        then(true);
        return;
    }
    m_saving = true;
    m_connection->setWorking(tr("Storing the client secret in the system keychain…"));
    SecretStore().write(
        config.secretKey(), secret, this, [this, config, added, then = std::move(then)](const SecretResult& written) {
            m_saving = false;
            if (!written.ok() && added) {
                // A new connector without its secret could never run: take it back.
                QString ignored;
                ConnectorStore(m_directory).remove(config.id, &ignored);
                m_connection->showProblem(tr("Not saved."), written.message);
                then(false);
                return;
            }
            m_config = config;
            if (!written.ok()) {
                // The settings are saved; the stored secret is the old one.
                m_connection->showProblem(tr("Settings saved, but the new secret is not."), written.message);
                Q_EMIT saved(config.id);
                then(false);
                return;
            }
            m_connection->setSecretStored(true);
            m_addedHere = m_addedHere || added; // kept, with its secret: Cancel asks about it now
            m_shown = this->config();
            Q_EMIT saved(config.id);
            then(true);
        });
}

void ConnectorWizard::testWithStoredSecret()
{
    m_saving = true;
    m_connection->setWorking(tr("Reading the client secret from the system keychain…"));
    SecretStore().read(m_config.secretKey(), this, [this](const SecretResult& secret) {
        m_saving = false;
        if (!secret.ok()) {
            m_connection->showProblem(tr("Saved, but not tested."), secret.message);
            return;
        }
        startTest(secret.secret);
    });
}

void ConnectorWizard::startTest(const QString& secret)
{
    m_connection->setWorking(tr("Testing the connection to “%1”…").arg(m_config.keycloak.baseUrl));
    const KeycloakSettings settings = m_config.keycloak;
    m_test = JobThread::start<ConnectionTest, ConnectionTestResult>(
        this, [settings, secret] { return std::make_unique<ConnectionTest>(settings, secret); },
        &ConnectionTest::finished,
        [this](const ConnectionTestResult& result) {
            m_test.clear();
            m_testPassed = result.ok;
            m_connection->showTestResult(result);
            // The window's status column says how the connector's last test went.
            QString ignored; // the outcome is on the page either way
            ConnectorStore(m_directory).recordTest(m_config.id, result, &ignored);
            Q_EMIT testFinished(result);
        });
}

void ConnectorWizard::cancelTest()
{
    if (m_test) {
        m_test->cancel(); // it still reports, as cancelled
    }
}

void ConnectorWizard::accept()
{
    if (isBusy() || !validateCurrentPage()) {
        return;
    }
    save([this](bool saved) {
        if (saved) {
            QWizard::accept();
            return;
        }
        // The problem is shown on the connection page: go back there.
        while (currentId() != ConnectionPageId && !visitedIds().isEmpty() && currentId() != visitedIds().constFirst()) {
            back();
        }
    });
}

void ConnectorWizard::reject()
{
    if (m_saving) {
        return; // the keychain is being written (or asks to be unlocked): its outcome must be kept
    }
    cancelTest();
    if (m_addedHere && !m_testPassed) {
        // Saved by Save and Test, but it never passed: keep it to fix later, or take it back.
        const auto answer = MessageBox::ask(
            this, QMessageBox::Question, tr("Keep the Connector?"),
            tr("Keep the connector “%1”? It did not pass its connection test.").arg(m_config.name),
            {{QMessageBox::Save, tr("Keep It"), QMessageBox::AcceptRole},
             {QMessageBox::Discard, tr("Remove It"), QMessageBox::DestructiveRole}},
            QMessageBox::Save, tr("Removing it also removes its client secret from the system keychain."));
        if (answer == QMessageBox::Cancel) {
            return; // back to the wizard
        }
        if (answer == QMessageBox::Discard) {
            QString error;
            if (!ConnectorStore(m_directory).remove(m_config.id, &error)) {
                m_connection->showProblem(tr("Not removed."), error);
                return;
            }
            SecretStore().remove(m_config.secretKey(), parent(), [](const SecretResult&) {});
            Q_EMIT removed(m_config.id);
        }
    } else if (config() != m_shown) {
        const auto answer =
            MessageBox::ask(this, QMessageBox::Question, tr("Discard Changes?"),
                            m_config.id.isEmpty() ? tr("Discard the new connector?")
                                                  : tr("Discard the changes to “%1”?").arg(m_config.name),
                            {{QMessageBox::Discard, tr("Discard"), QMessageBox::DestructiveRole}}, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return;
        }
    }
    QWizard::reject();
}
