#include "TimeZoneComboBox.h"

#include <QCompleter>
#include <QFocusEvent>
#include <QLineEdit>
#include <QStringListModel>

TimeZoneComboBox::TimeZoneComboBox(QWidget* parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(12);
    addItem(tr("System time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QString());
    QStringList ids;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        ids << QString::fromUtf8(id);
        addItem(ids.last(), ids.last());
    }
    // Completion over the ids alone, anywhere in the name: "york" finds America/New_York.
    auto* completer = new QCompleter(new QStringListModel(ids, this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);
    connect(this, &QComboBox::editTextChanged, this, &TimeZoneComboBox::readText);
}

void TimeZoneComboBox::setZoneId(const QString& id)
{
    int index = findData(id);
    if (index < 0 && QTimeZone(id.toUtf8()).isValid()) {
        addItem(id, id);
        index = count() - 1;
    }
    setCurrentIndex(std::max(index, 0));
    readText(currentText()); // also when the index stays the same but the text was edited
}

QTimeZone TimeZoneComboBox::timeZone() const
{
    return m_zoneId.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(m_zoneId.toUtf8());
}

void TimeZoneComboBox::focusOutEvent(QFocusEvent* event)
{
    QComboBox::focusOutEvent(event);
    // "europe/berlin" is shown as the list spells it once it is accepted.
    if (event->reason() != Qt::PopupFocusReason && m_valid && currentText() != itemText(currentIndex())) {
        setZoneId(m_zoneId);
    }
}

void TimeZoneComboBox::readText(const QString& text)
{
    const QString typed = text.trimmed();
    const int index = findText(typed, Qt::MatchFixedString); // case-insensitive
    // An id Qt knows but the list leaves out is taken as typed. (QTimeZone(typed).isValid() is no
    // test: Qt 6.4 reads any unknown name as a POSIX rule.)
    const bool known = index < 0 && QTimeZone::isTimeZoneIdAvailable(typed.toUtf8());
    m_valid = index >= 0 || known;
    if (m_valid) {
        m_zoneId = known ? typed : itemData(index).toString();
    }
    Q_EMIT zoneChanged();
}
