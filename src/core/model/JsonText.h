#pragma once

#include <QString>
#include <QStringView>

// JSON text written by hand, for the places that write hundreds of thousands of small objects
// (snapshots, the history of a run): a QJsonDocument for each cost more than the rest of the work.
namespace JsonText {

// `text` as a JSON string, quoted and escaped, appended to `out`.
void appendString(QString& out, QStringView text);

} // namespace JsonText
