#pragma once

#include "directory/DirectoryLocation.h"
#include "directory/DirectoryState.h"
#include "jobs/Job.h"

#include <QCoreApplication>
#include <QMap>

#include <memory>

struct DirectoryLoadResult
{
    std::shared_ptr<const DirectoryState> state; // set exactly when error is empty
    QMap<QString, QString> connectorNames; // by id, for "where did this user come from"
    QString error; // a sentence
};
Q_DECLARE_METATYPE(DirectoryLoadResult)

// Reads the whole directory, users, groups and memberships, in the job's thread: a window
// browsing a directory of a hundred thousand users must not wait for it.
class DirectoryLoadJob final : public Job
{
    Q_OBJECT

public:
    explicit DirectoryLoadJob(DirectoryLocation location, QObject* parent = nullptr);

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const DirectoryLoadResult& result);

private:
    DirectoryLocation m_location;
};
