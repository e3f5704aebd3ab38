#pragma once

#include <QStringList>

#include <functional>

class QLineEdit;
class QWidget;

// How the window's lists are searched, the same everywhere: every word typed must appear, each
// in any of a row's texts, case ignored; the platform's Find key (Ctrl+F) goes to the field.
namespace Search {

QStringList words(const QString& text);
// Whether `found` says yes to every word (it looks for one word in a row's texts).
bool matchesAll(const QStringList& words, const std::function<bool(const QString& word)>& found);
// Ctrl+F anywhere in `window` focuses `field`, its text selected.
void addFindShortcut(QWidget* window, QLineEdit* field);

} // namespace Search
