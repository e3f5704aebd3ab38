#pragma once

#include "directory/DirectoryLocation.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class DirectoryGroupModel;
class DirectoryUserModel;
class JobThread;
class QPushButton;
class QSortFilterProxyModel;
struct DirectoryLoadResult;

namespace Ui {
class DirectoryDialog;
}

// Browse Users and Groups: what syncs made of the directory, searchable and sortable. The
// directory is read on a worker each time the dialog opens or reloads.
class DirectoryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DirectoryDialog(DirectoryLocation location, QWidget* parent = nullptr);
    ~DirectoryDialog() override;

    void reload();
    bool isLoading() const { return m_load; }

    QSortFilterProxyModel* users() const { return m_userProxy; }
    QSortFilterProxyModel* groups() const { return m_groupProxy; }

Q_SIGNALS:
    void loaded();

private:
    void showLoaded(const DirectoryLoadResult& result);
    void updateStatus();
    // Shows the members of the group at `group` (a row of the groups' model), or everyone (-1).
    void showMembersOf(int group);

    std::unique_ptr<Ui::DirectoryDialog> m_ui;
    DirectoryLocation m_location;
    DirectoryUserModel* m_userModel;
    DirectoryGroupModel* m_groupModel;
    QSortFilterProxyModel* m_userProxy;
    QSortFilterProxyModel* m_groupProxy;
    QPointer<JobThread> m_load;
    QString m_error;
    bool m_reloadAgain = false;
    QPushButton* m_showAllButton = nullptr;
    QString m_membersOf; // the group whose members the users' list shows
};
