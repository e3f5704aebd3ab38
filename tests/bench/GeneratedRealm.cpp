#include "GeneratedRealm.h"

#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

DirectorySnapshot generatedRealm(int users, int groups, int perUser)
{
    QRandomGenerator random(20261128);
    DirectorySnapshot snapshot;
    snapshot.groups.reserve(groups);
    for (int i = 0; i < groups; ++i) {
        const qint32 parent = i % 10 == 0 ? -1 : qint32(random.bounded(i));
        const QString name = u"group-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
        snapshot.groups.append(Group{u"g-%1"_s.arg(i), name,
                                     (parent < 0 ? QString() : snapshot.groups.at(parent).path) + u'/' + name,
                                     parent < 0 ? QString() : snapshot.groups.at(parent).id});
    }
    snapshot.users.reserve(users);
    for (int i = 0; i < users; ++i) {
        User user;
        user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        user.username = u"bench%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        user.email = user.username + u"@example.com"_s;
        user.firstName = u"Bench"_s;
        user.lastName = u"User %1"_s.arg(i);
        snapshot.users.append(std::move(user));
        QSet<qint32> chosen;
        while (chosen.size() < std::min(perUser, groups)) {
            chosen.insert(qint32(random.bounded(groups)));
        }
        for (const qint32 group : chosen) {
            snapshot.memberships.append(Membership{qint32(i), group});
        }
    }
    return snapshot;
}
