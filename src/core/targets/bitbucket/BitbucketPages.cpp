#include "BitbucketPages.h"

#include "targets/atlassian/PageJson.h"

using namespace PageJson;

namespace {

QString idOf(dom::element value)
{
    if (int64_t number = 0; value.get_int64().get(number) == simdjson::SUCCESS) {
        return QString::number(number);
    }
    return textOf(value);
}

BitbucketPages::User readUser(dom::object object)
{
    BitbucketPages::User user;
    for (const dom::key_value_pair field : object) {
        if (field.key == "id") {
            user.id = idOf(field.value);
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
        // Anything else (slug, directory, links) is passed over.
    }
    return user;
}

template <typename T, typename Read>
std::optional<BitbucketPages::Page<T>> pageOf(const QByteArray& body, Read read)
{
    const std::optional<dom::object> page = objectOf(body);
    const std::optional<dom::array> values = page ? arrayAt(*page, "values") : std::nullopt;
    if (!values) {
        return std::nullopt;
    }
    BitbucketPages::Page<T> out;
    out.values.reserve(qsizetype(values->size()));
    for (const dom::element element : *values) {
        dom::object object;
        if (element.get_object().get(object) != simdjson::SUCCESS) {
            return std::nullopt;
        }
        out.values.append(read(object));
    }
    out.isLastPage = boolAt(*page, "isLastPage").value_or(true);
    out.nextPageStart = integerAt(*page, "nextPageStart");
    return out;
}

} // namespace

namespace BitbucketPages {

std::optional<Page<User>> users(const QByteArray& body)
{
    return pageOf<User>(body, readUser);
}

std::optional<Page<QString>> groups(const QByteArray& body)
{
    return pageOf<QString>(body, [](dom::object object) {
        dom::element name;
        return object.at_key("name").get(name) == simdjson::SUCCESS ? textOf(name) : QString();
    });
}

std::optional<Page<Permission>> permissions(const QByteArray& body)
{
    return pageOf<Permission>(body, [](dom::object object) {
        Permission entry;
        dom::object user;
        if (object.at_key("user").get_object().get(user) == simdjson::SUCCESS) {
            entry.userId = readUser(user).id;
        }
        dom::element permission;
        if (object.at_key("permission").get(permission) == simdjson::SUCCESS) {
            entry.permission = textOf(permission);
        }
        return entry;
    });
}

} // namespace BitbucketPages
