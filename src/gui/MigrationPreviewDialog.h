#pragma once

#include "sync/Planner.h"

#include <QDialog>

#include <memory>

namespace Ui {
class MigrationPreviewDialog;
}

// What a first sync would do with the directory's existing users: who is linked (keeping id
// and history), who is created, and where a collision needs a decision first.
class MigrationPreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    MigrationPreviewDialog(const QString& connectorName, const QList<Planner::MatchPreview>& entries,
                           QWidget* parent = nullptr);
    ~MigrationPreviewDialog() override;

    static QString outcomeLabel(Planner::MatchPreview::Outcome outcome);

private:
    std::unique_ptr<Ui::MigrationPreviewDialog> m_ui;
};
