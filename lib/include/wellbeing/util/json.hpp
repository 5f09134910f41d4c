#pragma once
// What every JSON output of wellbeing shares.
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace wellbeing::util {

// The "version" key every JSON output carries (validate, rules, diff, log, summary, render): raised when a
// change to one of them would break a reader of it.
inline constexpr int k_json_version = 1;

// The JSON text of a value, as every output writes it: `indent` spaces per level (-1: one line), UTF-8 kept
// as it is except the three characters some readers take for line breaks (U+0085, U+2028, U+2029), which
// are escaped; text that is not UTF-8 (only code can make it) becomes U+FFFD.
std::string json_text(const nlohmann::json& value, int indent = -1);
std::string json_text(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace wellbeing::util
