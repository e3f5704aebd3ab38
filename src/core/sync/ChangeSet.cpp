#include "ChangeSet.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

const std::array<QString, Change::actionCount> actionNames = {
    u"add"_s,    u"link"_s,      u"modify"_s,     u"unchanged"_s, u"disable"_s,
    u"delete"_s, u"anonymize"_s, u"reactivate"_s, u"skip"_s,      u"remove"_s,
};
const std::array<QString, 3> objectNames = {u"user"_s, u"group"_s, u"membership"_s};

} // namespace

QString Change::outcomeName(ChangeOutcome outcome)
{
    switch (outcome) {
    case ChangeOutcome::None:
        return {};
    case ChangeOutcome::Pending:
        return u"pending"_s;
    case ChangeOutcome::Done:
        return u"done"_s;
    case ChangeOutcome::Failed:
        return u"failed"_s;
    }
    return {};
}

ChangeOutcome Change::outcomeFromName(const QString& name)
{
    if (name == u"pending"_s) {
        return ChangeOutcome::Pending;
    }
    if (name == u"done"_s) {
        return ChangeOutcome::Done;
    }
    if (name == u"failed"_s) {
        return ChangeOutcome::Failed;
    }
    return ChangeOutcome::None;
}

QString Change::objectName(Object object)
{
    return objectNames.at(std::size_t(object));
}

QString Change::actionName(Action action)
{
    return actionNames.at(std::size_t(action));
}

std::optional<Change::Action> Change::actionFromName(const QString& name)
{
    const auto it = std::find(actionNames.cbegin(), actionNames.cend(), name);
    return it == actionNames.cend() ? std::nullopt : std::optional(Action(it - actionNames.cbegin()));
}

std::optional<Change::Object> Change::objectFromName(const QString& name)
{
    const auto it = std::find(objectNames.cbegin(), objectNames.cend(), name);
    return it == objectNames.cend() ? std::nullopt : std::optional(Object(it - objectNames.cbegin()));
}

int ChangeSet::count(Change::Object object, Change::Action action) const
{
    if (object == Change::Object::Membership) {
        return int(std::count_if(memberships.cbegin(), memberships.cend(),
                                 [action](const MembershipChange& change) { return change.action == action; }));
    }
    return int(std::count_if(changes.cbegin(), changes.cend(), [object, action](const Change& change) {
        return change.object == object && change.action == action;
    }));
}

int ChangeSet::removals() const
{
    return int(std::count_if(changes.cbegin(), changes.cend(), [](const Change& change) {
        return change.object == Change::Object::User
            && (change.action == Change::Action::Disable || change.action == Change::Action::Delete
                || change.action == Change::Action::Anonymize);
    }));
}

bool ChangeSet::hasChanges() const
{
    return std::any_of(memberships.cbegin(), memberships.cend(),
                       [](const MembershipChange& change) { return change.action != Change::Action::Skip; })
        || std::any_of(changes.cbegin(), changes.cend(), [](const Change& change) {
               return change.action != Change::Action::Unchanged && change.action != Change::Action::Skip;
           });
}

static_assert(std::tuple_size_v<ChangeSet::Tally> == objectNames.size());

ChangeSet::Tally ChangeSet::tally() const
{
    Tally tally{};
    for (const Change& change : changes) {
        ++tally.at(std::size_t(change.object)).at(std::size_t(change.action));
    }
    for (const MembershipChange& change : memberships) {
        ++tally.at(std::size_t(Change::Object::Membership)).at(std::size_t(change.action));
    }
    return tally;
}

QJsonObject ChangeSet::countsJson(const Tally& tally)
{
    QJsonObject counts;
    for (std::size_t object = 0; object < objectNames.size(); ++object) {
        QJsonObject perAction;
        for (std::size_t action = 0; action < actionNames.size(); ++action) {
            if (const int n = tally.at(object).at(action); n > 0) {
                perAction.insert(actionNames.at(action), n);
            }
        }
        counts.insert(objectNames.at(object) + u"s"_s, perAction);
    }
    return counts;
}

Change ChangeSet::at(qsizetype index) const
{
    return index < changes.size() ? changes.at(index) : toChange(memberships.at(index - changes.size()));
}

Change ChangeSet::toChange(const MembershipChange& membership) const
{
    const MemberRef& user = memberUsers.at(membership.user);
    const MemberRef& group = memberGroups.at(membership.group);
    Change change;
    change.object = Change::Object::Membership;
    change.action = membership.action;
    change.key = user.name + u" → "_s + group.name;
    change.localId = user.id;
    change.groupLocalId = group.id;
    if (membership.action == Change::Action::Remove) {
        change.fields = {{u"origin"_s, membership.origin, {}}};
    } else if (membership.origin != connectorId) {
        change.fields = {{u"origin"_s, {}, membership.origin}};
    }
    change.outcome = membership.outcome;
    if (membership.outcome == ChangeOutcome::Failed) {
        change.error = membership.reason;
    } else {
        change.reason = membership.reason;
    }
    return change;
}

void ChangeSet::addMembership(Change::Action action, const MemberRef& user, const MemberRef& group,
                              const QString& origin, const QString& reason)
{
    const auto refOf = [](QList<MemberRef>& refs, QHash<QString, qint32>& index, const MemberRef& ref) {
        if (index.size() != refs.size()) { // the tables were filled elsewhere: index them first
            index.clear();
            for (qint32 i = 0; i < qint32(refs.size()); ++i) {
                index.insert(refs.at(i).id, i);
            }
        }
        const auto it = index.constFind(ref.id);
        if (it != index.cend()) {
            return it.value();
        }
        refs.append(ref);
        return *index.insert(ref.id, qint32(refs.size() - 1));
    };
    memberships.append(
        {action, refOf(memberUsers, m_userRefs, user), refOf(memberGroups, m_groupRefs, group), origin, reason});
}

QList<qsizetype> ChangeSet::membershipsByGroup() const
{
    QList<qsizetype> order(memberships.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [this](qsizetype a, qsizetype b) { return memberships.at(a).group < memberships.at(b).group; });
    return order;
}
