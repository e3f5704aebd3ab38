#include "LdapSettings.h"

#include <QJsonArray>

#include <array>

using namespace Qt::StringLiterals;

namespace {

struct Field
{
    QLatin1StringView name;
    QString LdapSettings::*member;
};

// Every setting but the object classes of users, which are a list.
constexpr std::array fields{
    Field{"usersBase"_L1, &LdapSettings::usersBase},
    Field{"groupsBase"_L1, &LdapSettings::groupsBase},
    Field{"groupObjectClass"_L1, &LdapSettings::groupObjectClass},
    Field{"usernameAttribute"_L1, &LdapSettings::usernameAttribute},
    Field{"groupNameAttribute"_L1, &LdapSettings::groupNameAttribute},
    Field{"memberAttribute"_L1, &LdapSettings::memberAttribute},
    Field{"emailAttribute"_L1, &LdapSettings::emailAttribute},
    Field{"firstNameAttribute"_L1, &LdapSettings::firstNameAttribute},
    Field{"lastNameAttribute"_L1, &LdapSettings::lastNameAttribute},
    Field{"displayNameAttribute"_L1, &LdapSettings::displayNameAttribute},
    Field{"fullNameAttribute"_L1, &LdapSettings::fullNameAttribute},
    Field{"idAttribute"_L1, &LdapSettings::idAttribute},
    Field{"placeholderMember"_L1, &LdapSettings::placeholderMember},
};

constexpr auto userObjectClassesName = "userObjectClasses"_L1;

} // namespace

QStringList LdapSettings::names()
{
    QStringList all;
    for (const Field& field : fields) {
        all << field.name;
    }
    all << userObjectClassesName;
    return all;
}

bool LdapSettings::set(const QString& name, const QString& value)
{
    if (name == userObjectClassesName) {
        userObjectClasses.clear();
        for (const QString& objectClass : value.split(u',')) {
            if (!objectClass.trimmed().isEmpty()) {
                userObjectClasses << objectClass.trimmed();
            }
        }
        return true;
    }
    for (const Field& field : fields) {
        if (name == field.name) {
            this->*field.member = value.trimmed();
            return true;
        }
    }
    return false;
}

QString LdapSettings::value(const QString& name) const
{
    if (name == userObjectClassesName) {
        return userObjectClasses.join(u',');
    }
    for (const Field& field : fields) {
        if (name == field.name) {
            return this->*field.member;
        }
    }
    return {};
}

QJsonObject LdapSettings::toJson() const
{
    QJsonObject json;
    for (const Field& field : fields) {
        json.insert(field.name, this->*field.member);
    }
    json.insert(userObjectClassesName, QJsonArray::fromStringList(userObjectClasses));
    return json;
}

LdapSettings LdapSettings::fromJson(const QJsonObject& json)
{
    LdapSettings settings;
    for (const Field& field : fields) {
        if (json.contains(field.name)) {
            settings.*field.member = json.value(field.name).toString();
        }
    }
    if (json.contains(userObjectClassesName)) {
        settings.userObjectClasses.clear();
        for (const QJsonValue objectClass : json.value(userObjectClassesName).toArray()) {
            settings.userObjectClasses << objectClass.toString();
        }
    }
    return settings;
}
