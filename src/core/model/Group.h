#pragma once

#include <QString>

// A group as a source describes it. `path` is Keycloak's full path ("/Engineering/Platform");
// two groups may share a name under different parents, never a path.
struct Group
{
    QString id;
    QString name;
    QString path;
    QString parentId; // empty for a top-level group

    bool operator==(const Group&) const = default;
};
