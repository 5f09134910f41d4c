#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/document/node.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::edit {

// What `wellbeing add` can add to a record.
enum class ItemKind {
  conversation, outcome, action, progress, strength, review, review_request, measure, safeguarding, sharing,
  evidence, area
};

struct KindInfo {
  ItemKind kind;
  std::string_view name;        // as typed after `wellbeing add`: "review-request"
  std::string_view title;       // in messages: "review request"
  std::string_view list_key;    // the list it goes in: "review_requests" ("actions" in an outcome; "" for area)
  std::string_view definition;  // its definition in the record schema: "review_request"
  std::string_view id_prefix;   // "rr" ("" for area, which has no id)
  std::string_view date_key;    // the key that holds its date: "date", "opened", "updated"; "" for none
  bool date_ordered;            // the list is kept in date order
};

// The kind's title as a sentence names one: "a conversation", "an outcome", "evidence".
std::string with_article(const KindInfo& info);

// Every kind, in the order `wellbeing add --help` lists them.
std::span<const KindInfo> kinds();
const KindInfo& kind_info(ItemKind kind);
// The kind called `name` ("review-request", or "review_request"), or nullptr.
const KindInfo* find_kind(std::string_view name);

// One thing to add. `fields` is a mapping of the item's keys (without an id, which is generated, though a
// given free id is kept); for an area, the keys to set in that area.
struct Addition {
  ItemKind kind = ItemKind::conversation;
  document::Node fields;
  std::string outcome;  // action and progress: the id of the outcome it belongs to
  std::string area;     // area: the area's id ("health")
};

// `fields` with what a person need not type filled in: the date (under the kind's date key) when absent;
// status open (outcomes, safeguarding) or pending (review requests); instrument ONS4 when ons4 answers
// are given; an area's status explored when what the person said is given. Keys keep the schema's order.
document::Node complete_fields(ItemKind kind, const document::Node& fields, util::Date date);

// Keys of `fields` (and of mappings inside it) in the order the record schema lists them for `kind`.
document::Node order_fields(ItemKind kind, const document::Node& fields);

// The record schema's node for `key` of `kind` ("referral.to" for a nested key), its $ref not followed, so
// its own description is kept; nullptr when the schema has no such property.
const document::Node* schema_property(ItemKind kind, std::string_view key);

// Whether the record schema's `required` lists `key` for an entry of `kind`; for a nested key
// ("referral.to"), every part in its parent, or, given the entry's fields `present`, the last part where the
// parts before it are there ("to" once the entry has a referral). Requirements under if/then do not count.
bool schema_requires(ItemKind kind, std::string_view key, const document::Node* present = nullptr);

// A replacement of the bytes [offset, offset + length) of the old text by `text` (an insertion when
// length is 0).
struct TextEdit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};

// The result of adding to a record's text.
struct Change {
  std::string text;             // the whole new file
  std::vector<TextEdit> edits;  // by increasing offset in the old text; every other byte is kept
  std::string id;               // the new item's id ("" for an area)
  std::string pointer;          // where the addition is in the new record: "/outcomes/2/actions/0"
  std::uint32_t line = 0;       // the first changed line of the new text
  document::Node item;          // what was added (for an area: the fields set)
  // An insertion into a list at `index` moves the items after it: old pointers under
  // `list_pointer`/index… shift by one. map_pointer() applies that to a pointer of the old record.
  std::string list_pointer;
  std::size_t index = 0;
  std::string map_pointer(std::string_view old_pointer) const;
};

// Adds `addition` to the record whose text is `text` (parsed as `parsed`), by inserting text where a
// person would put it: the end of the right list, in date order for dated lists, creating the list
// when absent; for an area, by replacing only the values that change. The file's line endings,
// indentation, sequence style and flow or block style are matched. The result is parsed again and must
// equal the old record plus the addition, or this fails. Fails with a message: the outcome or area is
// not found, the id is taken, or the file is written in a way that cannot be changed safely in place.
util::Expected<Change, util::Failure> add_to_record(std::string_view text, const document::Document& parsed,
                                                  const Addition& addition);

// Every id in the record ("id" keys at any depth), in document order.
std::vector<std::string> all_ids(const document::Node& root);

// The next free id with `prefix` ("o" -> "o-4" when o-1…o-3 are taken): one more than the highest.
std::string next_id(const document::Node& root, std::string_view prefix);

// `text` with `edits` (non-overlapping, by increasing offset) applied.
std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits);

}  // namespace wellbeing::edit
