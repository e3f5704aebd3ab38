#pragma once

#include "TargetDialog.h"
#include "targets/TargetConfig.h"

#include <QGroupBox>
#include <QPointer>
#include <QSqlDatabase>

class QAction;
class QTableView;
class TargetListModel;

// The Applications list beside the connectors: the applications a connector can synchronize
// into (Jira Data Center), with Add, Edit, Test and Remove. Add and Edit open a dialog with its
// own Save and Test Connection; Test runs the same test on the selected one.
class ApplicationsPanel final : public QGroupBox
{
    Q_OBJECT

public:
    explicit ApplicationsPanel(QWidget* parent = nullptr);
    ~ApplicationsPanel() override;

    // The directory whose applications are listed; an invalid one empties the list.
    void setDirectory(QSqlDatabase directory);
    void reload();

    // For the window's Applications menu, and tests.
    QList<QAction*> actions() const;
    QTableView* view() const { return m_view; }
    TargetDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    // An application was added, changed or removed: connector lists and wizards should reload.
    void changed();
    void statusMessage(const QString& text);

private:
    const TargetConfig* selected() const;
    void openDialog(const std::optional<TargetConfig>& existing);
    void testSelected();
    void removeSelected();
    void updateActions();

    QSqlDatabase m_directory;
    TargetListModel* m_model;
    QTableView* m_view;
    QAction* m_add;
    QAction* m_edit;
    QAction* m_test;
    QAction* m_remove;
    QPointer<TargetDialog> m_dialog;
};
