#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <simdjson.h>
#include <string_view>

// What the page readers of the Atlassian targets (JiraPages, ConfluencePages) share: a simdjson
// DOM parser per thread, reused between pages, and reading a field the way QJsonValue would (a
// missing or mistyped field is empty).
namespace PageJson {

namespace dom = simdjson::dom;

// The parser picks the fastest implementation for this processor at run time and validates the
// whole text; it keeps its buffers between pages.
dom::parser& parser();
QString textOf(dom::element value); // null, or not a string: empty
std::optional<dom::object> objectOf(const QByteArray& body);
std::optional<dom::array> arrayAt(dom::object object, std::string_view key);
std::optional<bool> boolAt(dom::object object, std::string_view key);
std::optional<qint64> integerAt(dom::object object, std::string_view key);

} // namespace PageJson
