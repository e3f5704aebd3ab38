#pragma once

#include "ConnectorPage.h"

#include <memory>

namespace Ui {
class ConnectorTypePage;
}

// Where the users come from. Keycloak is the only type so far; each type is one list entry.
class ConnectorTypePage final : public ConnectorPage
{
    Q_OBJECT

public:
    explicit ConnectorTypePage(QWidget* parent = nullptr);
    ~ConnectorTypePage() override;

    void load(const ConnectorConfig& config) override;
    void store(ConnectorConfig& config) const override;
    bool isComplete() const override;

private:
    std::unique_ptr<Ui::ConnectorTypePage> m_ui;
};
