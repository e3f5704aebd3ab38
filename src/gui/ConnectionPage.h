#pragma once

#include "ConnectorPage.h"
#include "targets/TargetConfig.h"

#include <memory>

struct ConnectionTestResult;

namespace Ui {
class ConnectionPage;
}

// Name, Keycloak URL, realm, client id and secret, with Save and Test Connection and its outcome
// inline. The secret field is empty unless a new secret is typed: a stored one is never shown.
class ConnectionPage final : public ConnectorPage
{
    Q_OBJECT

public:
    explicit ConnectionPage(QWidget* parent = nullptr);
    ~ConnectionPage() override;

    void load(const ConnectorConfig& config) override;
    void store(ConnectorConfig& config) const override;
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The applications the connector may synchronize into, besides the directory itself.
    void setTargets(const QList<TargetConfig>& targets);

    // What was typed into the secret field; empty means "keep the stored one".
    QString typedSecret() const;
    // A secret is in the keychain already, so the field may stay empty.
    void setSecretStored(bool stored);

    // Save and Test Connection's states, shown under its button.
    void setWorking(const QString& text);
    void showTestResult(const ConnectionTestResult& result);
    // A problem that stopped saving or testing: `headline` says which, `text` what to do.
    void showProblem(const QString& headline, const QString& text);
    bool isWorking() const { return m_working; }
    // The last test passed: Enter now saves and returns instead of testing again.
    bool testPassed() const { return m_testPassed; }

protected:
    // Enter runs Save and Test Connection until a test has passed (the wizard's default button
    // would leave the page untested), then Save and Return.
    void keyPressEvent(QKeyEvent* event) override;

Q_SIGNALS:
    void saveAndTestRequested();
    void cancelTestRequested();

private:
    void setIdle();

    void selectTarget(const QString& targetId);

    std::unique_ptr<Ui::ConnectionPage> m_ui;
    QString m_targetId; // as loaded, until the list of targets is known
    bool m_secretStored = false;
    bool m_working = false;
    bool m_testPassed = false;
};
