#include "Report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Report {

namespace {

QString csvField(const QString& text)
{
    // Quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.
    QString value = text;
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front())) {
        value.prepend(u'\'');
    }
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        value.replace(u"\""_s, u"\"\""_s);
        return u'"' + value + u'"';
    }
    return value;
}

} // namespace

std::optional<Format> formatForFile(const QString& fileName)
{
    if (fileName.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
        return Format::Csv;
    }
    if (fileName.endsWith(u".json"_s, Qt::CaseInsensitive)) {
        return Format::Json;
    }
    return std::nullopt;
}

QString describeFields(const QList<FieldChange>& fields)
{
    // Concatenated rather than formatted with arg(): a report table describes every row.
    static const QString none = u"–"_s;
    QString text;
    for (const FieldChange& field : fields) {
        if (!text.isEmpty()) {
            text += u"; "_s;
        }
        text += field.field + u": "_s + (field.before.isEmpty() ? none : field.before) + u" → "_s
            + (field.after.isEmpty() ? none : field.after);
    }
    return text;
}

bool write(QIODevice* device, Format format, const RunRecord& run, const ChangeSet& changes)
{
    if (format == Format::Csv) {
        // outcome and error: how each change into an application ended (empty for the directory,
        // which applies all at once).
        QByteArray text = "object,action,key,displayName,email,changes,reason,localId,externalId,outcome,error\r\n";
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const Change change = changes.at(i);
            const QStringList row = {Change::objectName(change.object),
                                     Change::actionName(change.action),
                                     change.key,
                                     change.displayName,
                                     change.email,
                                     describeFields(change.fields),
                                     change.reason,
                                     change.localId,
                                     change.externalId,
                                     Change::outcomeName(change.outcome),
                                     change.error};
            QStringList cells;
            for (const QString& cell : row) {
                cells << csvField(cell);
            }
            text += cells.join(u',').toUtf8() + "\r\n";
        }
        return device->write(text) == text.size();
    }
    QJsonArray array;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const Change change = changes.at(i);
        QJsonArray fields;
        for (const FieldChange& field : change.fields) {
            fields.append(
                QJsonObject{{u"field"_s, field.field}, {u"before"_s, field.before}, {u"after"_s, field.after}});
        }
        array.append(QJsonObject{{u"object"_s, Change::objectName(change.object)},
                                 {u"action"_s, Change::actionName(change.action)},
                                 {u"key"_s, change.key},
                                 {u"displayName"_s, change.displayName},
                                 {u"email"_s, change.email},
                                 {u"localId"_s, change.localId},
                                 {u"externalId"_s, change.externalId},
                                 {u"fields"_s, fields},
                                 {u"reason"_s, change.reason},
                                 {u"outcome"_s, Change::outcomeName(change.outcome)},
                                 {u"error"_s, change.error}});
    }
    const QJsonObject document{{u"run"_s, run.id},          {u"connector"_s, run.connectorName},
                               {u"mode"_s, run.mode},       {u"status"_s, run.status},
                               {u"message"_s, run.message}, {u"counts"_s, run.counts},
                               {u"target"_s, run.targetId}, {u"changes"_s, array}};
    const QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Indented);
    return device->write(json) == json.size();
}

} // namespace Report
