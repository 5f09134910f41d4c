#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/document/node.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::records {

using document::Mark;

// The nine areas of wellbeing (Care Act 2014, s.1(2)), in statutory order (a–i). No hierarchy: the order
// is the statute's, never a ranking.
struct AreaInfo {
  std::string_view id;       // "dignity"
  char letter;               // 'a'
  std::string_view title;    // "Personal dignity"
  std::string_view wording;  // the statute's words
};
extern const std::array<AreaInfo, 9> k_areas;

// The area with this id, or with this statutory letter ("a"…"i"), or nullptr.
const AreaInfo* find_area(std::string_view id_or_letter);

// A typed, read-only view of a record (schema wellbeing/v2, or v1 read the same way), its text read in place, built
// leniently: what is missing or of the wrong type is left empty, so the view can be built from any document (the schema
// reports the problems). Every item keeps its JSON pointer and mark so findings can point at it.

struct Suppression {
  std::string_view rule;
  std::string_view reason;
};

struct Item {
  std::string_view id;
  std::string pointer;  // "/outcomes/2"
  Mark mark;
  std::vector<Suppression> suppress;
  const document::Node* node = nullptr;  // the item's node inside the document the record was built from

  bool suppresses(std::string_view rule) const;
};

struct Representative : Item {
  std::string_view name, role, relationship, supports_with;
};

struct Importance {
  std::string_view level;    // high | medium | low | not_said
  std::string_view said_by;  // person | representative | judgement ("" when not said)
  std::string_view representative, reason, judged_by, how;
  std::vector<std::string_view> from;  // conversation and evidence ids it rests on
};

// One view of an area (v2 `views` item; a v1 `said` is read as one view with no date or source).
struct View : Item {
  std::optional<util::Date> date;
  std::string_view said;
  std::string_view by;  // person | representative | judgement ("" means person)
  std::string_view representative, judged_by, how;
  std::vector<std::string_view> from;  // conversation and evidence ids
};

// One concern (a v1 string, or a v2 `{ text, raised, resolved }`).
struct Concern {
  std::string_view text;
  std::optional<util::Date> raised, resolved;
  std::vector<std::string_view> from;
  std::string pointer;
  Mark mark;
};

struct Area : Item {
  const AreaInfo* info = nullptr;
  bool present = false;     // the key exists in the record
  std::string_view status;  // explored | not_yet_explored
  std::string_view said;    // the current view: the latest view's words (v1: `said`)
  std::vector<View> views;  // every view, oldest first (v1: the one `said`, when there is one)
  bool has_views = false;   // the area writes `views` (v2)
  std::optional<Importance> importance;
  bool concerns_none_raised = false;
  std::vector<std::string_view> concerns;  // the concerns not resolved, in words
  std::vector<Concern> all_concerns;       // every concern, resolved ones too
  bool concerns_present = false;
  std::vector<std::string_view> evidence;  // evidence ids
  std::optional<util::Date> updated;
};

struct Evidence : Item {
  std::string_view kind, by, summary;
  std::optional<util::Date> date, until;
  std::string_view consulted_name, consulted_role, consulted_basis;
  bool has_consulted = false;
  std::vector<std::string_view> areas;
};

struct Strength : Item {
  std::string_view level, text;
  std::vector<std::string_view> areas;
};

struct Action : Item {
  std::string_view who, name, what;
  std::optional<util::Date> due, done;
};

struct ProgressNote : Item {
  std::optional<util::Date> date;
  std::string_view by, note;
};

struct StatusChange {
  std::optional<util::Date> date;
  std::string_view status, by, note;
};

struct Outcome : Item {
  std::string_view kind, said, status;
  std::vector<StatusChange> history;  // each status change, oldest first
  std::vector<std::string_view> areas;
  std::vector<Mark> area_marks;
  std::optional<util::Date> opened, met_on;
  std::vector<std::string_view> who_acts;
  std::vector<Action> actions;
  std::vector<ProgressNote> progress;
  bool service_can_meet = true;
  bool has_referral = false;
  std::string_view referral_to, referral_reference;
  std::optional<util::Date> referral_date;
  std::string_view review_request;
  std::vector<std::string_view> safeguarding;  // safeguarding flag ids it takes into account
  bool has_risk_to_others = false;
  std::string_view risk_description, risk_who, risk_mitigation, risk_agreed_by;
  std::optional<util::Date> risk_agreed_on;
};

struct Conversation : Item {
  std::optional<util::Date> date;
  std::vector<std::string_view> participants, quotes, areas;
  std::string_view led_by, approach, accessible_format, summary;
};

struct Ons4 {
  int life_satisfaction = 0, worthwhile = 0, happy_yesterday = 0, anxious_yesterday = 0;
};

struct Measure : Item {
  std::optional<util::Date> date;
  std::string_view instrument, licence, by, note;
  std::optional<Ons4> ons4;
  std::optional<double> score;
};

struct Review : Item {
  std::optional<util::Date> date, next_review_due;
  std::string_view type, review_request, absent_reason;
  std::vector<std::string_view> attendees, working, not_working, changes;
};

struct ReviewRequest : Item {
  std::optional<util::Date> date;
  std::string_view requested_by, reason, sent_to, reference, status;
};

struct SafeguardingFlag : Item {
  std::optional<util::Date> date, closed_on;
  std::string_view type, person_wishes, action_taken, referral_reference, no_referral_reason, status;
  std::vector<std::string_view> areas;  // the areas it touches besides protection
};

struct SharingEntry : Item {
  std::optional<util::Date> date;
  std::string_view with, what, basis, by;
  std::optional<bool> consent_recorded;
};

struct Person : Item {
  std::string_view known_as, voice;
  std::optional<util::Date> support_started;
  std::string_view communication_needs;
  std::vector<std::string_view> communication_formats;
  std::string_view communication_language;
  std::string_view can_take_part;  // able | with_support | not_at_present ("" when not recorded)
  std::string_view capacity_by, capacity_note;
  std::optional<util::Date> capacity_date;
  std::vector<Representative> representatives;
  std::vector<std::string_view> important_to_me;
};

struct Record {
  std::string_view schema;  // "wellbeing/v2", "wellbeing/v1"
  bool is_v1() const { return schema == "wellbeing/v1"; }
  Person person;
  std::array<Area, 9> areas;  // statutory order, always nine (absent ones have present == false)
  std::vector<Evidence> evidence;
  std::vector<Strength> strengths;
  std::vector<Outcome> outcomes;
  std::vector<Conversation> conversations;
  std::vector<Measure> measures;
  std::vector<Review> reviews;
  std::vector<ReviewRequest> review_requests;
  std::vector<SafeguardingFlag> safeguarding;
  std::vector<SharingEntry> sharing;

  // The latest review by date (nullptr when there is none).
  const Review* latest_review() const;
  // The area with this id, or nullptr.
  const Area* area(std::string_view id) const;
};

// Builds the view of `root` (the root of a parsed record). Never fails. The view points into `root`'s
// nodes (Item::node) and its text is `root`'s own (string_views, not copies), so `root` must outlive it.
Record read_record(const document::Node& root);

// The item of `items` whose id is `id` (the first, should ids repeat), or nullptr.
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items) {
    if (item.id == id) {
      return &item;
    }
  }
  return nullptr;
}

}  // namespace wellbeing::records
