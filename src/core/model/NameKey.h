#pragma once

#include <QString>

// Usernames, group and connector names compare case-insensitively and Unicode-normalised:
// "Jürgen" typed with a combining diaeresis and "JÜRGEN" are one name.
inline QString nameKey(const QString& name)
{
    // Most names are ASCII, where NFKC changes nothing and case folding is lower-casing; the
    // full normalisation costs far more and a sync computes hundreds of thousands of keys.
    bool ascii = true;
    for (const QChar c : name) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    return ascii ? name.toLower() : name.normalized(QString::NormalizationForm_KC).toCaseFolded();
}
