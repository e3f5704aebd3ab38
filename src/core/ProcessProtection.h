#pragma once

// What a process that holds secrets does before it reads the first one: no core dump (a dump of
// its memory would hold the client secret, tokens and passwords in clear) and, on Linux, not
// dumpable, so that other processes of the same user cannot read its memory or environment
// through /proc or ptrace. As KeePassXC does. Both programs call it first thing in main().
namespace ProcessProtection {

// False when the system refused; the program goes on (no secret is written anywhere either way).
bool disableCoreDumps();

} // namespace ProcessProtection
