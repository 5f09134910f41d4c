#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wellbeing::edit {

// The difference between two texts as a unified diff ("--- a/…", "+++ b/…", "@@ -l,n +l,n @@" hunks with
// `context` lines around each change), line by line (Myers' algorithm). Line endings stay part of the
// lines, so a CRLF file shows as CRLF; a last line without a line ending is marked "\ No newline at end
// of file". Empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, std::size_t context = 3);

}  // namespace wellbeing::edit
