#include "PageJson.h"

namespace PageJson {

dom::parser& parser()
{
    static thread_local dom::parser instance;
    return instance;
}

QString textOf(dom::element value)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) {
        return {};
    }
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::optional<dom::object> objectOf(const QByteArray& body)
{
    dom::object object;
    if (parser().parse(body.constData(), size_t(body.size())).get(object) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return object;
}

std::optional<dom::array> arrayAt(dom::object object, std::string_view key)
{
    dom::array values;
    if (object.at_key(key).get_array().get(values) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return values;
}

std::optional<bool> boolAt(dom::object object, std::string_view key)
{
    bool value = false;
    if (object.at_key(key).get_bool().get(value) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> integerAt(dom::object object, std::string_view key)
{
    int64_t value = 0;
    if (object.at_key(key).get_int64().get(value) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    return qint64(value);
}

} // namespace PageJson
