#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diff/schema_info.hpp"

namespace wellbeing::merge {

// A place both sides changed in different ways, left for a person to decide.
struct Conflict {
  std::string path;   // identity path, as in diff::Change ("/outcomes/o-3/status")
  std::string label;  // in words: `Outcome o-3 "…": status: ours met, theirs not_met`
};

struct Result {
  std::string text;                 // ours, edited: the merge, with conflict markers where there are conflicts
  std::vector<Conflict> conflicts;  // empty when the merge is clean
  bool semantic = true;             // false: a side could not be read, so the texts were merged line by line
  bool line_conflicts = false;      // the line-level merge left conflict markers
  std::vector<std::string> notes;   // what the merge decided that a person may want to know
};

// A three-way merge of a record at the level of its content (git's merge driver: base %O, ours %A,
// theirs %B).
//
// The result is ours' text, edited: every byte that neither side changed is kept. A field changed on one
// side only takes that change (the value's text is replaced in place); items (matched by `x-identity`)
// added on one side are copied from that side's text, re-indented, at their place in date order (else
// after the item that precedes them there); items removed on one side unchanged on the other are removed;
// values of lists without identity are merged as collections. Items both sides added under the same id
// with different content are both kept, theirs under the next free id (when nothing else in theirs refers
// to it). The same value changed differently on both sides, or changed on one and removed on the other, is
// a conflict: the whole lines holding ours' value are put between "<<<<<<< ours", "=======" and
// ">>>>>>> theirs" markers with theirs' version of the same lines.
//
// Where the layout cannot be edited by lines (an item to insert into a list ours wrote in flow style and
// also changed), the whole lines of both versions of that part are a conflict. When a side is not readable
// YAML, or not even that is possible, the texts are merged line by line instead (git's merge-file, conflict
// markers included), with `semantic` false. Never throws for bad input.
Result merge_records(std::string_view base, std::string_view ours, std::string_view theirs,
                     const diff::SchemaNode& schema = diff::record_schema());

}  // namespace wellbeing::merge
