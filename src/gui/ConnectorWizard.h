#pragma once

#include "config/ConnectorConfig.h"

#include <QPointer>
#include <QSqlDatabase>
#include <QWizard>

#include <functional>
#include <optional>

class ConnectionPage;
class ConnectorPage;
class JobThread;
struct ConnectionTestResult;

// Add Connector and Edit Connector: the setup guide as pages. Save and Test Connection stores
// the connector (its secret in the keychain) and tests it on a worker; Save and Return stores
// it and closes. Editing opens the same pages filled in, without the type page.
class ConnectorWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        TypePageId,
        ConnectionPageId,
        SchedulePageId,
        RulesPageId,
        MappingPageId,
        NetworkPageId,
    };

    // `directory` is a connection of this thread; `existing` is the connector to edit.
    ConnectorWizard(QSqlDatabase directory, const std::optional<ConnectorConfig>& existing, QWidget* parent = nullptr);
    ~ConnectorWizard() override;

    // The connector as the pages now show it.
    ConnectorConfig config() const;
    // Saving, or testing: Save and Return waits.
    bool isBusy() const;

    void saveAndTest();
    void cancelTest();
    void accept() override;
    void reject() override;

Q_SIGNALS:
    // The connector was stored (added or changed); the window shows it at once.
    void saved(const QString& connectorId);
    // A test ended, for tests and for the window's list.
    void testFinished(const ConnectionTestResult& result);
    // Cancel on a new connector that never passed its test, and the administrator chose to
    // remove it (its secret too).
    void removed(const QString& connectorId);

private:
    // Stores the settings, then the secret if one was typed; `then(true)` once both are kept.
    void save(std::function<void(bool)> then);
    void startTest(const QString& secret);
    void testWithStoredSecret();

    QSqlDatabase m_directory;
    ConnectorConfig m_config; // what was loaded or last saved; its id once stored
    ConnectorConfig m_shown; // m_config as the pages showed it then: what Cancel compares with
    QList<ConnectorPage*> m_pages;
    ConnectionPage* m_connection;
    QPointer<JobThread> m_test;
    bool m_saving = false;
    bool m_addedHere = false; // this wizard stored a new connector
    bool m_testPassed = false;
};
