#include "AtlassianReader.h"

#include <memory>

void AtlassianReader::readBoth(std::function<void(Done)> first, std::function<void(Done)> second, Done done)
{
    auto partsLeft = std::make_shared<int>(2);
    auto firstError = std::make_shared<std::optional<ConnectorError>>();
    const auto partDone = [this, done, partsLeft, firstError](std::optional<ConnectorError> error) {
        if (error && !*firstError) {
            *firstError = std::move(error);
            m_client->cancel(); // the other part ends cancelled; the first error is the cause
        }
        if (--*partsLeft == 0) {
            done(*firstError);
        }
    };
    first(partDone);
    second(partDone);
}

void AtlassianReader::readThreeParts(std::function<void(Done)> users, std::function<void(Done)> groups,
                                     std::function<void(Done)> members, Done done)
{
    readBoth(std::move(users), std::move(groups), [members, done](std::optional<ConnectorError> error) {
        if (error) {
            done(error);
        } else {
            members(done);
        }
    });
}

void AtlassianReader::readEveryGroup(const QString& phase, const std::function<void(qint32)>& readGroup, Done done)
{
    m_memberPhase = phase;
    m_membersDone = std::move(done);
    m_memberError.reset();
    m_groupsLeft = int(m_state.groups.size());
    report(phase, 0, m_state.groups.size());
    if (m_groupsLeft == 0) {
        finishMembers(std::nullopt);
        return;
    }
    for (qint32 group = 0; group < qint32(m_state.groups.size()); ++group) {
        readGroup(group);
    }
}

void AtlassianReader::groupRead()
{
    --m_groupsLeft;
    report(m_memberPhase, m_state.groups.size() - m_groupsLeft, m_state.groups.size());
    if (m_groupsLeft == 0) {
        finishMembers(std::nullopt);
    }
}

bool AtlassianReader::addMember(const AtlassianProduct& product, qint32 group, std::optional<qint32> user,
                                const QString& memberName)
{
    if (!user) {
        finishMembers(AtlassianErrors::incomplete(product,
                                                  tr("“%1” has a member (%2) that the user list did not contain")
                                                      .arg(m_state.groups.at(group).name, memberName)));
        return false;
    }
    QSet<qint32>& seen = m_membersSeen[group];
    if (!seen.contains(*user)) {
        seen.insert(*user);
        m_state.memberships.append({*user, group, {}});
    }
    return true;
}

void AtlassianReader::memberPagesRead(qint32 group)
{
    m_membersSeen.remove(group);
    groupRead();
}

void AtlassianReader::finishMembers(const std::optional<ConnectorError>& error)
{
    if (error && !m_memberError) {
        m_memberError = error;
        m_client->cancel(); // the rest is of no use
    }
    if (m_membersDone && (m_memberError || m_groupsLeft == 0)) {
        Done done = std::exchange(m_membersDone, {});
        done(m_memberError);
    }
}
