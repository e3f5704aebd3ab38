#include "ConfluencePages.h"

#include "targets/atlassian/PageJson.h"

using namespace PageJson;

namespace {

template <typename T, typename Read>
std::optional<ConfluencePages::Page<T>> pageOf(const QByteArray& body, Read read)
{
    const std::optional<dom::object> page = objectOf(body);
    const std::optional<dom::array> results = page ? arrayAt(*page, "results") : std::nullopt;
    if (!results) {
        return std::nullopt;
    }
    ConfluencePages::Page<T> out;
    out.results.reserve(qsizetype(results->size()));
    for (const dom::element element : *results) {
        dom::object object;
        if (element.get_object().get(object) != simdjson::SUCCESS) {
            return std::nullopt;
        }
        out.results.append(read(object));
    }
    out.start = integerAt(*page, "start").value_or(0);
    dom::object links;
    out.hasNext = page->at_key("_links").get_object().get(links) == simdjson::SUCCESS
        && links.at_key("next").error() == simdjson::SUCCESS;
    return out;
}

} // namespace

namespace ConfluencePages {

std::optional<Page<User>> users(const QByteArray& body)
{
    return pageOf<User>(body, [](dom::object object) {
        User user;
        for (const dom::key_value_pair field : object) {
            if (field.key == "userKey") {
                user.key = textOf(field.value);
            } else if (field.key == "username") {
                user.name = textOf(field.value);
            } else if (field.key == "email") {
                user.email = textOf(field.value);
            } else if (field.key == "displayName") {
                user.displayName = textOf(field.value);
            } else if (field.key == "status") {
                const QString status = textOf(field.value);
                if (!status.isEmpty()) {
                    user.active = status.compare(QLatin1String("Deactivated"), Qt::CaseInsensitive) != 0;
                }
            }
            // Anything else (profile picture, links) is passed over.
        }
        return user;
    });
}

std::optional<Page<QString>> groups(const QByteArray& body)
{
    return pageOf<QString>(body, [](dom::object object) {
        dom::element name;
        return object.at_key("name").get(name) == simdjson::SUCCESS ? textOf(name) : QString();
    });
}

} // namespace ConfluencePages
