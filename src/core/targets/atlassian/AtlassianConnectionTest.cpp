#include "AtlassianConnectionTest.h"

AtlassianConnectionTest::AtlassianConnectionTest(TargetConfig config, QString credential, const QString& restPath,
                                                 const QString& product, int steps, QObject* parent)
    : TargetTest(parent)
    , m_config(std::move(config))
    , m_client(std::make_unique<AtlassianClient>(m_config, std::move(credential), restPath))
    , m_steps(steps)
{
    m_result.product = product;
}

void AtlassianConnectionTest::cancelled()
{
    m_client->cancel();
}

void AtlassianConnectionTest::finish(const std::optional<ConnectorError>& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.error = error;
    m_result.ok = !error;
    step(tr("Done"), m_steps);
    Q_EMIT finished(m_result);
}
