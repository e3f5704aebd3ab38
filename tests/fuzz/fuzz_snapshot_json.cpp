// A snapshot file (`usersync-cli fetch --output`, read back by `sync --snapshot`): whatever it
// holds, reading it either fails with a sentence or gives a snapshot whose memberships point at
// its own users and groups and which writes back to itself.

#include "FuzzSupport.h"
#include "model/SnapshotJson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString error;
    const std::optional<DirectorySnapshot> snapshot = SnapshotJson::fromJson(Fuzz::bytes(data, size), &error);
    if (!snapshot) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    for (const Membership& membership : snapshot->memberships) {
        FUZZ_CHECK(membership.user >= 0 && membership.user < snapshot->users.size());
        FUZZ_CHECK(membership.group >= 0 && membership.group < snapshot->groups.size());
    }
    QString againError;
    const std::optional<DirectorySnapshot> again = SnapshotJson::fromJson(SnapshotJson::toJson(*snapshot), &againError);
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->users == snapshot->users);
    FUZZ_CHECK(again->groups == snapshot->groups);
    FUZZ_CHECK(again->memberships == snapshot->memberships);
    FUZZ_CHECK(again->source == snapshot->source);
    return 0;
}
