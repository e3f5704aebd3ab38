#include "JiraPages.h"

#include "targets/atlassian/PageJson.h"

using namespace PageJson;

namespace {

bool readUser(dom::element value, JiraPages::User& user)
{
    dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) {
        return false;
    }
    for (const dom::key_value_pair field : object) {
        if (field.key == "key") {
            user.key = textOf(field.value);
        } else if (field.key == "name") {
            user.name = textOf(field.value);
        } else if (field.key == "emailAddress") {
            user.email = textOf(field.value);
        } else if (field.key == "displayName") {
            user.displayName = textOf(field.value);
        } else if (field.key == "active") {
            bool active = true;
            if (field.value.get_bool().get(active) == simdjson::SUCCESS) {
                user.active = active;
            }
        }
        // Anything else (avatars, time zone) is passed over.
    }
    return true;
}

} // namespace

namespace JiraPages {

std::optional<UserList> userList(const QByteArray& body)
{
    const std::optional<dom::object> page = objectOf(body);
    const std::optional<dom::array> values = page ? arrayAt(*page, "values") : std::nullopt;
    if (!values) {
        return std::nullopt;
    }
    UserList list;
    list.users.reserve(qsizetype(values->size()));
    for (const dom::element element : *values) {
        User user;
        if (!readUser(element, user)) {
            return std::nullopt;
        }
        list.users.append(std::move(user));
    }
    list.isLast = boolAt(*page, "isLast").value_or(false);
    // A string in the documentation, a number in some versions' answers.
    if (dom::element cursor; page->at_key("nextCursor").get(cursor) == simdjson::SUCCESS) {
        if (int64_t number = 0; cursor.get_int64().get(number) == simdjson::SUCCESS) {
            list.nextCursor = QString::number(number);
        } else {
            list.nextCursor = textOf(cursor);
        }
    }
    return list;
}

std::optional<QList<User>> userArray(const QByteArray& body)
{
    dom::array array;
    if (parser().parse(body.constData(), size_t(body.size())).get(array) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    QList<User> users;
    users.reserve(qsizetype(array.size()));
    for (const dom::element element : array) {
        User user;
        if (!readUser(element, user)) {
            return std::nullopt;
        }
        users.append(std::move(user));
    }
    return users;
}

std::optional<Members> members(const QByteArray& body)
{
    const std::optional<dom::object> page = objectOf(body);
    const std::optional<dom::array> values = page ? arrayAt(*page, "values") : std::nullopt;
    if (!values) {
        return std::nullopt;
    }
    Members members;
    members.keys.reserve(qsizetype(values->size()));
    for (const dom::element element : *values) {
        dom::object member;
        if (element.get_object().get(member) != simdjson::SUCCESS) {
            return std::nullopt;
        }
        dom::element key;
        members.keys.append(member.at_key("key").get(key) == simdjson::SUCCESS ? textOf(key) : QString());
    }
    members.isLast = boolAt(*page, "isLast").value_or(true);
    members.total = integerAt(*page, "total");
    return members;
}

} // namespace JiraPages
