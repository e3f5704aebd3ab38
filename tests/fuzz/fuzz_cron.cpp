// A schedule as an administrator types it (the wizard, `--schedule`) or as it is stored: it is
// refused with a sentence or, once accepted, describes itself, reads back to the same schedule,
// and fires at strictly later times, in the zones with and without daylight saving.

#include "FuzzSupport.h"
#include "schedule/CronExpression.h"

#include <QTimeZone>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 512) {
        return 0; // longer than any schedule field holds; the search time grows with the lists
    }
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    QString error;
    const std::optional<CronExpression> cron = CronExpression::parse(text, &error);
    if (!cron) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(!cron->describe().isEmpty());
    QString againError;
    const std::optional<CronExpression> again = CronExpression::parse(cron->text(), &againError);
    FUZZ_CHECK(again && *again == *cron);

    static const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("Europe/Berlin"), QTimeZone("Australia/Lord_Howe")};
    const QDateTime start(QDate(2026, 3, 29), QTime(0, 59, 30), QTimeZone::utc());
    for (const QTimeZone& zone : zones) {
        QDateTime previous = start;
        for (const QDateTime& time : cron->nextTimes(start, zone, 3)) {
            FUZZ_CHECK(time.isValid() && time > previous);
            previous = time;
        }
    }
    return 0;
}
