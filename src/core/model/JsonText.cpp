#include "JsonText.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace JsonText {

void appendString(QString& out, QStringView text)
{
    out += u'"';
    const auto needsEscape = [](QChar c) { return c.unicode() < 0x20 || c == u'"' || c == u'\\'; };
    if (std::none_of(text.cbegin(), text.cend(), needsEscape)) {
        out += text;
        out += u'"';
        return;
    }
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
}

} // namespace JsonText
