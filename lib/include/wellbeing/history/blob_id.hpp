#pragma once

#include <string>
#include <string_view>

namespace wellbeing::history {

// The id git gives this content as a file (its blob's SHA-1, 40 hex digits: what `git hash-object` prints),
// computed without a repository. The one content digest of the library where a collision would matter.
std::string blob_id(std::string_view content);

}  // namespace wellbeing::history
