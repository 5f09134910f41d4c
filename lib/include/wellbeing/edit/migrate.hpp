#pragma once

#include <string>
#include <string_view>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::edit {

// The result of moving a record's text from wellbeing/v1 to wellbeing/v2.
struct Migration {
  bool already_v2 = false;  // nothing to do: `text` is the old text
  std::string text;         // the whole new file
};

// Turns a wellbeing/v1 record into wellbeing/v2 by editing its text; every byte outside the changed
// entries is kept. `schema:` becomes wellbeing/v2; each area's `said` becomes its first view, dated by the
// area's `updated`, with `from` the conversations of that date that list the area (left out when none
// does); each string concern becomes `{ text, raised }`, raised on the area's `updated`. The result is
// parsed again and every said and concern must read back the same, or this fails with a message naming
// the line. An area written in flow style ({ … }) is written again whole, its words the same.
util::Expected<Migration, util::Failure> migrate_record(std::string_view text, const document::Document& parsed);

// Whether the parsed record says `schema: wellbeing/v1`.
bool is_v1_record(const document::Node& root);

}  // namespace wellbeing::edit
