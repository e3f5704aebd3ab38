#pragma once

#include "ConnectorPage.h"

#include <memory>

namespace Ui {
class SyncRulesPage;
}

// Who is synced and what happens to those who leave: cleanup, required groups, the deletion
// limit and how existing local users are linked.
class SyncRulesPage final : public ConnectorPage
{
    Q_OBJECT

public:
    explicit SyncRulesPage(QWidget* parent = nullptr);
    ~SyncRulesPage() override;

    void load(const ConnectorConfig& config) override;
    void store(ConnectorConfig& config) const override;

private:
    std::unique_ptr<Ui::SyncRulesPage> m_ui;
};
