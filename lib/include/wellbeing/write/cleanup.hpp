#pragma once
// The one list of files that an interrupted command must not leave behind: temporary files, FILE.lock,
// the editor's file. While any is registered, SIGINT, SIGTERM and SIGHUP remove them all, then end the
// process by the same signal (a signal the process was started ignoring, as under nohup, stays ignored).
// Each function makes its change to the file and to the list with those signals blocked, so that no
// signal can land between the two. For the thread that writes; at most 16 files at a time.

#include <filesystem>
#include <string>

namespace wellbeing::write {

// Creates a new file from `pattern` as mkostemps(3) does (six X's, then `suffix_length` more characters),
// registered, close-on-exec; returns its descriptor and rewrites `pattern` to its name, or -1 with errno.
int create_registered(std::string& pattern, int suffix_length = 0);

// Links `from` to the new name `to` (failing with EEXIST rather than replace it) and registers `to`.
// Returns false with errno on failure, when nothing is registered.
bool link_registered(const std::filesystem::path& from, const std::filesystem::path& to);

// Renames the registered `from` over `to`: `from` is forgotten, and `to` registered when `register_to`.
// Returns false with errno on failure, when `from` stays registered.
bool rename_registered(const std::filesystem::path& from, const std::filesystem::path& to, bool register_to);

// Removes `path` and forgets it.
void remove_registered(const std::filesystem::path& path);

// Forgets `path` without removing it: it is meant to stay (a file handed back to the person).
void unregister(const std::filesystem::path& path);

}  // namespace wellbeing::write
