#pragma once

#include <QString>

// Usernames, group and connector names compare case-insensitively and Unicode-normalised:
// "Jürgen" typed with a combining diaeresis and "JÜRGEN" are one name.
inline QString nameKey(const QString& name)
{
    return name.normalized(QString::NormalizationForm_KC).toCaseFolded();
}
