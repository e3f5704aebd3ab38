#pragma once

#include <QSet>
#include <QString>

// Alt+letter shortcuts for buttons made at run time (filters with counts), in any language: the
// first letter of the text that no other control of the window uses yet.
namespace Mnemonics {

// The letters `texts` already claim with "&x" (lower case).
QSet<QChar> taken(const QStringList& texts);
// `text` with "&" before its first letter not in `used`, which gains it; unchanged when every
// letter is taken.
QString assign(const QString& text, QSet<QChar>& used);

} // namespace Mnemonics
