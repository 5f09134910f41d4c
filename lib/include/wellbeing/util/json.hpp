#pragma once
// What every JSON output of wellbeing shares.

namespace wellbeing::util {

// The "version" key every JSON output carries (validate, rules, diff, log, summary, render): raised when a
// change to one of them would break a reader of it.
inline constexpr int k_json_version = 1;

}  // namespace wellbeing::util
