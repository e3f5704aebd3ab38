#pragma once

#include "ConnectorPage.h"

#include <memory>

namespace Ui {
class NetworkPage;
}

// Extra certificate authorities and how hard UserSync may press the server.
class NetworkPage final : public ConnectorPage
{
    Q_OBJECT

public:
    explicit NetworkPage(QWidget* parent = nullptr);
    ~NetworkPage() override;

    void load(const ConnectorConfig& config) override;
    void store(ConnectorConfig& config) const override;
    bool validatePage() override;

private:
    void browseCaFile();

    std::unique_ptr<Ui::NetworkPage> m_ui;
};
