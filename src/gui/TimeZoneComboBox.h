#pragma once

#include <QComboBox>
#include <QTimeZone>

// An IANA time zone, typed with completion ("berl" offers Europe/Berlin) or picked from the list;
// the system's time zone comes first and stands for "whatever the computer uses".
class TimeZoneComboBox final : public QComboBox
{
    Q_OBJECT

public:
    explicit TimeZoneComboBox(QWidget* parent = nullptr);

    // The IANA id chosen, empty for the system's time zone. While the typed text names no zone,
    // the last zone that was valid.
    QString zoneId() const { return m_zoneId; }
    // Selects `id` (empty: the system's); a valid id the list leaves out (an alias such as
    // US/Eastern) is added rather than replaced.
    void setZoneId(const QString& id);
    QTimeZone timeZone() const;
    // Whether the text names a time zone.
    bool isValid() const { return m_valid; }

Q_SIGNALS:
    // The text was edited or another zone chosen; the zone may be the same, or not valid.
    void zoneChanged();

protected:
    void focusOutEvent(QFocusEvent* event) override;

private:
    void readText(const QString& text);

    QString m_zoneId;
    bool m_valid = true;
};
