#include "BitbucketAccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QString BitbucketAccess::toText() const
{
    if (isEmpty()) {
        return {};
    }
    QStringList sorted = groups;
    sorted.sort(Qt::CaseInsensitive);
    QJsonObject json{{u"groups"_s, QJsonArray::fromStringList(sorted)}};
    if (!permission.isEmpty()) {
        json.insert(u"permission"_s, permission);
    }
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

BitbucketAccess BitbucketAccess::fromText(const QString& text)
{
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    BitbucketAccess access;
    for (const QJsonValue group : json.value(u"groups"_s).toArray()) {
        if (!group.toString().isEmpty()) {
            access.groups.append(group.toString());
        }
    }
    access.groups.sort(Qt::CaseInsensitive);
    access.permission = json.value(u"permission"_s).toString();
    return access;
}
