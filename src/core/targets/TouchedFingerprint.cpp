#include "TouchedFingerprint.h"

#include "model/NameKey.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace TouchedFingerprint {

QByteArray of(const DirectoryState& state, const ChangeSet& plan)
{
    QHash<QString, const LocalUser*> users;
    QHash<QString, const LocalUser*> usersByName;
    for (const LocalUser& user : state.users) {
        users.insert(user.id, &user);
        usersByName.insert(nameKey(user.username), &user);
    }
    QHash<QString, const LocalGroup*> groups;
    QHash<QString, const LocalGroup*> groupsByName;
    for (const LocalGroup& group : state.groups) {
        groups.insert(group.id, &group);
        groupsByName.insert(nameKey(group.name), &group);
    }
    QSet<std::pair<QString, QString>> memberships;
    for (const LocalMembership& membership : state.memberships) {
        memberships.insert({state.users.at(membership.user).id, state.groups.at(membership.group).id});
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString& text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    const auto addUser = [&add](const LocalUser* user) {
        if (!user) {
            add(u"-"_s);
            return;
        }
        add(user->id);
        add(user->username);
        add(user->email);
        add(user->displayName);
        add(user->active ? u"1"_s : u"0"_s);
        add(user->originConnector);
        add(user->externalId);
    };
    for (const Change& change : plan.changes) {
        if (change.action == Action::Unchanged || change.action == Action::Skip) {
            continue;
        }
        if (change.object == Object::User) {
            addUser(change.action == Action::Add ? usersByName.value(nameKey(change.key))
                                                 : users.value(change.localId));
        } else {
            const LocalGroup* group =
                change.action == Action::Add ? groupsByName.value(nameKey(change.key)) : groups.value(change.localId);
            add(group ? group->id + u'\n' + group->originConnector : u"-"_s);
        }
    }
    for (const MembershipChange& change : plan.memberships) {
        if (change.action == Action::Skip) {
            continue;
        }
        const QString& user = plan.memberUsers.at(change.user).id;
        const QString& group = plan.memberGroups.at(change.group).id;
        add(memberships.contains({user, group}) ? u"m"_s : u"-"_s);
    }
    return hash.result().toHex();
}

} // namespace TouchedFingerprint
