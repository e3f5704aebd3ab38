#include "Search.h"

#include <QLineEdit>
#include <QShortcut>

#include <algorithm>

namespace Search {

QStringList words(const QString& text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool matchesAll(const QStringList& words, const std::function<bool(const QString& word)>& found)
{
    return std::all_of(words.cbegin(), words.cend(), found);
}

void addFindShortcut(QWidget* window, QLineEdit* field)
{
    auto* find = new QShortcut(QKeySequence::Find, window);
    QObject::connect(find, &QShortcut::activated, field, [field] {
        field->setFocus(Qt::ShortcutFocusReason);
        field->selectAll();
    });
}

} // namespace Search
