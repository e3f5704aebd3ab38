#pragma once

#include <QString>

// Fault injection for the crash-safety tests only: USERSYNC_TEST_KILL_AT names a point where the
// process kills itself with SIGKILL, so that a test chooses the moment of a crash without
// depending on timing. Unset, nothing happens. The points (docs/RELIABILITY.md): into the SQL
// directory "row:N", "applied", "commit", "committed"; into an application "begun", "call:N",
// "finished".
namespace TestHooks {

// Kills the process if `point` is the one asked for.
void killIfAsked(const QString& point);
// The same for the `count`th event of a kind ("row", "call"); formats the point's name only when
// a test asked for one.
void killAt(const QString& kind, int count);

} // namespace TestHooks
