#pragma once

#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

// A run's changes as files for people and scripts: CSV (one row per change) and JSON.
namespace Report {

enum class Format { Csv, Json };

// From a file name's extension; nullopt when it is neither .csv nor .json.
std::optional<Format> formatForFile(const QString& fileName);

// "email: a@x → b@x; active: true → false", for tables and CSV.
QString describeFields(const QList<FieldChange>& fields);

bool write(QIODevice* device, Format format, const RunRecord& run, const ChangeSet& changes);

} // namespace Report
