#pragma once

#include "JobThread.h"
#include "targets/TargetConfig.h"

#include <QDialog>
#include <QPointer>
#include <QSqlDatabase>
#include <QUrl>

#include <memory>
#include <optional>

struct TargetTestResult;

namespace Ui {
class TargetDialog;
}

// Adding or editing an application to synchronize into (Jira, Confluence or Bitbucket Data
// Center): its address, how UserSync signs in, and Save and Test Connection, whose outcome shows
// below as a checklist. The token, password or client secret goes to the keychain only; a stored
// one is never shown, and an empty field keeps it. With OAuth 2.0 (Bitbucket), Save and Test first
// opens the browser to authorize UserSync when no authorization is stored yet; Authorize in
// Browser does it again (another administrator, a revoked authorization).
class TargetDialog final : public QDialog
{
    Q_OBJECT

public:
    TargetDialog(QSqlDatabase directory, const std::optional<TargetConfig>& existing, QWidget* parent = nullptr);
    ~TargetDialog() override;

    const TargetConfig& config() const { return m_config; }
    bool isTesting() const { return m_test != nullptr; }

Q_SIGNALS:
    // Stored (added or changed): lists of applications should reload.
    void saved(const TargetConfig& config);
    // A connection test ended.
    void tested(const TargetTestResult& result);

private:
    void updateAuthFields();
    // Grows the dialog to what its word-wrapped texts need at its width (Qt does not grow a window
    // for a label's height-for-width on its own).
    void fitHeight();
    void saveAndTest();
    void startTest(const QString& credential);
    // OAuth 2.0: the browser, then (on success) the connection test.
    void authorize();
    void startAuthorization(const QString& clientSecret);
    void showWaitingForBrowser(const QUrl& url);
    void showResult(const TargetTestResult& result);
    void showProblem(const QString& text);
    void setWorking(bool working);
    TargetConfig::Auth chosenAuth() const;
    void layOutRows(const QSet<QWidget*>& hidden);
    void offerAuthMethods();

    std::unique_ptr<Ui::TargetDialog> m_ui;
    QSqlDatabase m_directory;
    TargetConfig m_config;
    QPointer<JobThread> m_test;
    QPointer<JobThread> m_authorization;
    QList<std::pair<QWidget*, QWidget*>> m_formRows; // label (or none, for a spanning row) and field
};
