#include "AtlassianReader.h"

#include <memory>

void AtlassianReader::readThreeParts(std::function<void(Done)> users, std::function<void(Done)> groups,
                                     std::function<void(Done)> members, Done done)
{
    auto partsLeft = std::make_shared<int>(2);
    auto firstError = std::make_shared<std::optional<ConnectorError>>();
    const auto partDone = [this, members, done, partsLeft, firstError](std::optional<ConnectorError> error) {
        if (error && !*firstError) {
            *firstError = std::move(error);
            m_client->cancel(); // the other part ends cancelled; the first error is the cause
        }
        if (--*partsLeft > 0) {
            return;
        }
        if (*firstError) {
            done(*firstError);
        } else {
            members(done);
        }
    };
    users(partDone);
    groups(partDone);
}
