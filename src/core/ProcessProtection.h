#pragma once

// What a process that holds secrets does before it reads the first one, as KeePassXC does: no
// core dump (a dump of its memory would hold the client secret, tokens and passwords in clear)
// and, for the command line, not dumpable on Linux, so that other processes of the same user
// cannot read its memory or environment through /proc or ptrace. Each returns false when the
// system refused; the program goes on (no secret is written anywhere either way).
namespace ProcessProtection {

// Both programs, first thing in main().
bool disableCoreDumps();
// usersync-cli only: the desktop portal (file dialogs under Wayland, Flatpak and Snap) reads the
// window's /proc entries, which an undumpable process closes to it.
bool makeUndumpable();

} // namespace ProcessProtection
