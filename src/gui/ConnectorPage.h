#pragma once

#include "config/ConnectorConfig.h"

#include <QWizardPage>

// A page of the connector wizard: it shows part of a connector's settings and writes back what
// was typed. The wizard builds the connector from all pages, visited or not.
class ConnectorPage : public QWizardPage
{
    Q_OBJECT

public:
    using QWizardPage::QWizardPage;

    virtual void load(const ConnectorConfig& config) = 0;
    virtual void store(ConnectorConfig& config) const = 0;
};
