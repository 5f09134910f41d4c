// The three-way merge of records (git's merge driver). The input is base, ours and theirs, separated by NUL
// bytes. Properties: merging never crashes or throws; when theirs is base, the merge is ours, unchanged and
// without conflicts.
#include "fuzz.hpp"
#include "wellbeing/merge/merge.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wellbeing;
  using fuzz::require;
  const std::vector<std::string> parts = fuzz::split_parts(fuzz::as_text(data, size), 3);
  const std::string& base = parts[0];
  const std::string& ours = parts[1];
  const std::string& theirs = parts[2];
  (void)merge::merge_records(base, ours, theirs);

  const merge::Result unchanged = merge::merge_records(base, ours, base);
  require(unchanged.text == ours, "a merge with an unchanged theirs is ours");
  require(unchanged.conflicts.empty() && !unchanged.line_conflicts, "a merge with an unchanged theirs is clean");
  return 0;
}
