#pragma once

#include "model/DirectorySnapshot.h"

// A snapshot as a fetch of a large realm would give: USERS users, GROUPS groups in a forest
// (every tenth a root), each user in MEMBERSHIPS_PER_USER random groups. The same realm for
// the same numbers, except the users' Keycloak ids.
DirectorySnapshot generatedRealm(int users, int groups, int perUser);
