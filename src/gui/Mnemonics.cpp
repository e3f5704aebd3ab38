#include "Mnemonics.h"

#include <QStringList>

namespace Mnemonics {

QSet<QChar> taken(const QStringList& texts)
{
    QSet<QChar> letters;
    for (const QString& text : texts) {
        for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'&', i + 2)) {
            if (text.at(i + 1) != u'&') {
                letters.insert(text.at(i + 1).toLower());
            }
        }
    }
    return letters;
}

QString assign(const QString& text, QSet<QChar>& used)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar letter = text.at(i).toLower();
        if (letter.isLetter() && !used.contains(letter)) {
            used.insert(letter);
            return QString(text).insert(i, u'&');
        }
    }
    return text;
}

} // namespace Mnemonics
