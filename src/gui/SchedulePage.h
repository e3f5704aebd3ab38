#pragma once

#include "ConnectorPage.h"
#include "SchedulePreset.h"

#include <QDateTime>
#include <QList>

#include <memory>

namespace Ui {
class SchedulePage;
}

// Enable Scheduled Synchronization: a preset (every day, every weekday, every N hours) or a cron
// expression of one's own, checked as it is typed, with what it means in words and the next five runs.
class SchedulePage final : public ConnectorPage
{
    Q_OBJECT

public:
    static constexpr int previewCount = 5;

    explicit SchedulePage(QWidget* parent = nullptr);
    ~SchedulePage() override;

    void load(const ConnectorConfig& config) override;
    void store(ConnectorConfig& config) const override;
    bool isComplete() const override;

    // The next runs shown, in the chosen time zone (empty while the expression is wrong).
    QList<QDateTime> previewTimes() const { return m_preview; }

protected:
    void changeEvent(QEvent* event) override;

private:
    SchedulePreset chosenPreset() const;
    void showPreset(const SchedulePreset& preset);
    void applyPreset();
    void cronChanged();
    void updatePreview();
    void updateTimeZone();
    void updateEnabled();
    void updateTexts();
    void reserveHeights();

    std::unique_ptr<Ui::SchedulePage> m_ui;
    QList<QDateTime> m_preview;
    bool m_valid = true;
};
