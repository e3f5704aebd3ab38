#include "ChangeSet.h"

using namespace Qt::StringLiterals;

namespace {

const std::array<QString, Change::actionCount> actionNames = {
    u"add"_s,    u"link"_s,      u"modify"_s,     u"unchanged"_s, u"disable"_s,
    u"delete"_s, u"anonymize"_s, u"reactivate"_s, u"skip"_s,      u"remove"_s,
};
const std::array<QString, 3> objectNames = {u"user"_s, u"group"_s, u"membership"_s};

} // namespace

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
    return std::any_of(changes.cbegin(), changes.cend(), [](const Change& change) {
        return change.action != Change::Action::Unchanged && change.action != Change::Action::Skip;
    });
}

QJsonObject ChangeSet::countsJson() const
{
    QJsonObject counts;
    for (int object = 0; object < int(objectNames.size()); ++object) {
        QJsonObject perAction;
        for (int action = 0; action < Change::actionCount; ++action) {
            if (const int n = count(Change::Object(object), Change::Action(action)); n > 0) {
                perAction.insert(actionNames.at(std::size_t(action)), n);
            }
        }
        counts.insert(objectNames.at(std::size_t(object)) + u"s"_s, perAction);
    }
    return counts;
}
