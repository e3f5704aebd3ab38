#pragma once

#include "ConnectorPage.h"

#include <memory>

namespace Ui {
class MappingPage;
}

// How Keycloak's groups and user fields become local ones.
class MappingPage final : public ConnectorPage
{
    Q_OBJECT

public:
    explicit MappingPage(QWidget* parent = nullptr);
    ~MappingPage() override;

    void load(const ConnectorConfig& config) override;
    void store(ConnectorConfig& config) const override;
    bool validatePage() override;

private:
    void updateEnabled();

    std::unique_ptr<Ui::MappingPage> m_ui;
};
