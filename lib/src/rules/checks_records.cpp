// Rules about safeguarding, measures, requests, sharing and free text: WB011, WB018, WB019, WB024, WB026, WB041.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

#include "checks.hpp"
#include "wellbeing/rules/identifiers.hpp"

namespace wellbeing::rules::detail {

namespace {

// Keys whose values are codes, ids, references or dates, never free text: identifiers are not looked for
// there (a local authority's reference may well be a long number).
// clang-format off
constexpr std::array<std::string_view, 41> k_structured_keys{
    "schema", "id", "status", "kind", "level", "said_by", "representative", "role", "voice", "who", "approach",
    "accessible_format", "formats", "instrument", "type", "basis", "requested_by", "who_at_risk", "can_take_part",
    "rule", "areas", "evidence", "review_request", "reference", "referral_reference", "licence",
    "date", "until", "updated", "opened", "met_on", "due", "done", "agreed_on", "closed_on", "since",
    "support_started", "next_review_due", "who_acts", "consent_recorded", "service_can_meet"};
// clang-format on

constexpr int k_pending_days = 56;  // 8 weeks

std::string_view plural(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::nhs_number:
      return "NHS numbers";
    case IdentifierKind::phone_number:
      return "UK phone numbers";
    case IdentifierKind::postcode:
      return "postcodes";
  }
  return "identifiers";
}

// `pointer` is where `node` is; it grows and shrinks back as the walk goes down and up, so no string is built
// for the many values that hold nothing.
void scan(const document::Node& node, std::string& pointer, std::string_view field, Findings& out) {
  if (node.is_string()) {
    // One finding per value, naming each kind found (the identifiers themselves are not repeated).
    std::vector<std::string> kinds;
    std::size_t found = 0;
    const auto matches = find_identifiers(node.as_string());
    for (const IdentifierKind kind :
         {IdentifierKind::nhs_number, IdentifierKind::phone_number, IdentifierKind::postcode}) {
      const auto n = std::count_if(matches.begin(), matches.end(), [&](const auto& m) { return m.kind == kind; });
      if (n == 1) {
        kinds.emplace_back(describe(kind));
      } else if (n > 1) {
        kinds.push_back(fmt::format("{} {}", n, plural(kind)));
      }
      found += static_cast<std::size_t>(n);
    }
    if (found > 0) {
      out.push_back({fmt::format("{} holds what {} like {}: identifiers do not belong in the record", field,
                                 found == 1 ? "looks" : "look", fmt::join(kinds, " and ")),
                     pointer, node.mark()});
    }
    return;
  }
  if (node.is_mapping()) {
    for (const document::Entry& entry : node.entries()) {
      // Every identifier holds a digit: text without one, and values that are not text, need no more look.
      const document::Node& value = entry.value;
      const bool may_hold = value.is_string() ? std::any_of(value.as_string().begin(), value.as_string().end(),
                                                            [](char c) { return c >= '0' && c <= '9'; })
                                              : value.is_mapping() || value.is_sequence();
      if (may_hold &&
          std::find(k_structured_keys.begin(), k_structured_keys.end(), entry.key) == k_structured_keys.end()) {
        const std::size_t size = pointer.size();
        pointer += '/';
        if (entry.key.find_first_of("~/") == std::string::npos) {
          pointer += entry.key;  // the usual key, which needs no escape
        } else {
          pointer += document::escape_pointer_token(entry.key);
        }
        scan(entry.value, pointer, entry.key, out);
        pointer.resize(size);
      }
    }
    return;
  }
  std::size_t index = 0;
  for (const document::Node& item : node.items()) {
    const std::size_t size = pointer.size();
    fmt::format_to(std::back_inserter(pointer), "/{}", index++);
    scan(item, pointer, field, out);
    pointer.resize(size);
  }
}

// Does `text` end a sentence or a clause (so that what follows it may well start in lower case)?
// A closing bracket ends a phrase too: "Mo (team leader)".
bool ends_clause(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\'')) {
    text.remove_suffix(1);
  }
  return !text.empty() && std::string_view(".!?;:)").find(text.back()) != std::string_view::npos;
}

// Lists of people, where "his social worker" after "Sophie" is a second person, not the rest of a sentence.
constexpr std::array<std::string_view, 2> k_people_lists{"attendees", "participants"};

// Does `text` open a bracket that it does not close: "Kofi (for the first ten minutes"?
bool opens_bracket(std::string_view text) {
  return std::count(text.begin(), text.end(), '(') > std::count(text.begin(), text.end(), ')');
}

// WB041's walk. In every list, on one line: an entry that follows one with a bracket left open is the rest of
// it; and outside lists of people, an entry of words that starts in lower case after one that does not end a
// sentence is most likely that sentence's end. Either way a comma inside [ ] split one entry in two.
void split_sentences(const document::Node& node, std::string& pointer, bool people, Findings& out) {
  if (node.is_mapping()) {
    for (const document::Entry& entry : node.entries()) {
      const std::size_t size = pointer.size();
      pointer += '/';
      pointer += document::escape_pointer_token(entry.key);
      split_sentences(entry.value, pointer,
                      std::find(k_people_lists.begin(), k_people_lists.end(), entry.key) != k_people_lists.end(),
                      out);
      pointer.resize(size);
    }
    return;
  }
  if (!node.is_sequence()) {
    return;
  }
  const auto items = node.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const document::Node& item = items[i];
    const std::size_t size = pointer.size();
    fmt::format_to(std::back_inserter(pointer), "/{}", i);
    if (i > 0 && item.is_string() && items[i - 1].is_string() && item.mark().line == items[i - 1].mark().line) {
      const std::string& words = item.as_string();
      const std::string& before = items[i - 1].as_string();
      if (opens_bracket(before)) {
        out.push_back({fmt::format("\"{}\" follows \"{}\", which leaves a bracket open, on the same line: the "
                                   "comma inside [ ] split one entry in two; put the whole entry in double quotes",
                                   words, before),
                       pointer, item.mark()});
      } else if (!people && !words.empty() && words.front() >= 'a' && words.front() <= 'z' &&
                 words.find(' ') != std::string::npos && !before.empty() && !ends_clause(before)) {
        out.push_back({fmt::format("\"{}\" starts in lower case after \"{}\" on the same line: if they are one "
                                   "sentence, the comma inside [ ] split it in two; put the whole sentence in "
                                   "double quotes",
                                   words, before),
                       pointer, item.mark()});
      }
    }
    split_sentences(item, pointer, people, out);
    pointer.resize(size);
  }
}

}  // namespace

Findings wb011_safeguarding_referral(const Context& context) {
  Findings out;
  for (const auto& flag : context.record.safeguarding) {
    if (flag.status == "open" && flag.referral_reference.empty() && flag.no_referral_reason.empty()) {
      out.push_back(at(flag, "",
                       fmt::format("safeguarding flag {} is open with no referral reference and no reason for making "
                                   "no referral",
                                   flag.id)));
    }
  }
  return out;
}

Findings wb018_ons4_range(const Context& context) {
  Findings out;
  for (const auto& measure : context.record.measures) {
    const document::Node* ons4 = measure.node ? measure.node->find("ons4") : nullptr;
    if (!ons4 || !ons4->is_mapping()) {
      continue;
    }
    for (const document::Entry& entry : ons4->entries()) {
      const document::Node& value = entry.value;
      const bool valid = value.is_integer() && value.as_integer() >= 0 && value.as_integer() <= 10;
      if (valid || value.is_null() || value.is_mapping() || value.is_sequence()) {
        continue;  // a missing answer, or a list, is the schema's to report
      }
      const std::string shown = value.is_string() ? fmt::format("'{}'", value.as_string()) : value.text();
      out.push_back(at(measure, "/ons4/" + document::escape_pointer_token(entry.key),
                       fmt::format("ONS4 answer {} of measure {} is {}: answers are whole numbers from 0 to 10",
                                   entry.key, measure.id, shown)));
    }
  }
  return out;
}

Findings wb019_identifiers(const Context& context) {
  Findings out;
  std::string pointer;
  scan(context.root, pointer, "", out);
  return out;
}

Findings wb024_review_request_pending(const Context& context) {
  Findings out;
  for (const auto& request : context.record.review_requests) {
    if (request.status != "pending" || !request.date) {
      continue;
    }
    const int days = util::days_between(*request.date, context.options.as_of);
    if (days > k_pending_days) {
      out.push_back(at(request, "/status",
                       fmt::format("review request {} to {} has been pending since {} ({}): chase it and record the "
                                   "answer",
                                   request.id, request.sent_to.empty() ? "the local authority" : request.sent_to,
                                   show(*request.date), count(days, "day", "days"))));
    }
  }
  return out;
}

Findings wb026_consent_recorded(const Context& context) {
  Findings out;
  for (const auto& entry : context.record.sharing) {
    if (entry.basis != "consent" || entry.consent_recorded.value_or(false)) {
      continue;
    }
    out.push_back(at(entry, entry.consent_recorded ? "/consent_recorded" : "",
                     fmt::format("sharing {} with {} relies on consent, but the consent is not recorded", entry.id,
                                 entry.with.empty() ? "someone" : entry.with)));
  }
  return out;
}

Findings wb041_sentence_split_at_a_comma(const Context& context) {
  Findings out;
  std::string pointer;
  split_sentences(context.root, pointer, false, out);
  return out;
}

}  // namespace wellbeing::rules::detail
