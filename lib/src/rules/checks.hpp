#pragma once
// The rules' check functions and what they share. Internal to lib/src/rules.

#include <functional>
#include <string>
#include <string_view>

#include "wellbeing/rules/rule.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::rules::detail {

// A finding at `relative` inside `item` ("/importance/said_by"; "" for the item itself): its pointer, and
// the mark of that value when it exists, else the item's own mark.
Finding at(const records::Item& item, std::string_view relative, std::string message);

// Calls `visit` on every item of the record that has an id or can carry `suppress`: the person, the
// representatives, the areas that are present, and every list entry, actions and progress notes included.
void for_each_item(const records::Record& record, const std::function<void(const records::Item&)>& visit);

// "1 day", "3 days".
std::string count(long n, std::string_view singular, std::string_view plural);

// "YYYY-MM-DD".
inline std::string show(util::Date date) { return util::format_date(date); }

// When the person cannot take part in a wellbeing conversation at present (capacity not_at_present, or a
// voice that is represented, by observation or from earlier views): a few words saying why; else empty.
std::string cannot_take_part(const records::Person& person);

// When the first review falls due: support_started plus the folder's maximum weeks (nullopt without a start).
std::optional<util::Date> first_review_due_by(const Context& context);

// The check function of each rule (see rule.cpp for what each protects).
Findings wb001_all_areas(const Context& context);
Findings wb002_importance_source(const Context& context);
Findings wb003_concerns_recorded(const Context& context);
Findings wb004_unique_ids(const Context& context);
Findings wb005_references(const Context& context);
Findings wb006_no_future_dates(const Context& context);
Findings wb007_review_overdue(const Context& context);
Findings wb008_first_review_overdue(const Context& context);
Findings wb009_unmet_outcome_referred(const Context& context);
Findings wb010_risk_mitigated(const Context& context);
Findings wb011_safeguarding_referral(const Context& context);
Findings wb012_voice_established(const Context& context);
Findings wb013_advocate(const Context& context);
Findings wb014_consulted_basis(const Context& context);
Findings wb015_outcome_actions(const Context& context);
Findings wb016_action_owner(const Context& context);
Findings wb017_strengths_first(const Context& context);
Findings wb018_ons4_range(const Context& context);
Findings wb019_identifiers(const Context& context);
Findings wb020_id_matches_file(const Context& context);
Findings wb021_areas_explored(const Context& context);
Findings wb022_areas_current(const Context& context);
Findings wb023_met_on(const Context& context);
Findings wb024_review_request_pending(const Context& context);
Findings wb025_risk_agreed_first(const Context& context);
Findings wb026_consent_recorded(const Context& context);
Findings wb027_dates_in_order(const Context& context);
Findings wb028_own_importance(const Context& context);
Findings wb029_review_due_soon(const Context& context);
Findings wb030_known_suppressions(const Context& context);
Findings wb031_capacity_current(const Context& context);
Findings wb032_review_interval(const Context& context);
Findings wb033_conversation_since_review(const Context& context);
Findings wb034_review_attended(const Context& context);
Findings wb035_not_met_followed_up(const Context& context);
Findings wb036_formats_used(const Context& context);
Findings wb037_safeguarding_in_outcomes(const Context& context);
Findings wb040_views_have_a_source(const Context& context);
Findings wb041_sentence_split_at_a_comma(const Context& context);

}  // namespace wellbeing::rules::detail
