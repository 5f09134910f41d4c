#include "wellbeing/rules/rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "checks.hpp"
#include "wellbeing/document/node.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::rules {

using namespace detail;

namespace {

// The rules. Ids are stable: a rule that is retired keeps its id, and a new rule takes the next number.
// Reasons cite the practice each rule protects: the Care Act 2014, its statutory guidance, the Mental
// Capacity Act 2005, the Caldicott principles and UK GDPR, and the practice guidance "Promoting Individual
// Wellbeing" (its numbered "rules" and sections).
constexpr std::array k_rules{
    Rule{"WB001", Severity::error, "All nine areas of wellbeing are in the record",
         "the area <id> (<title>) is missing",
         "The Care Act 2014, s.1(2), names nine areas of wellbeing with no hierarchy between them: how the person "
         "feels about each decides how much it matters to them. Listing all nine, with status: not_yet_explored "
         "where they have not been talked about yet, keeps any of them from being forgotten or quietly ranked "
         "below the others.",
         true, wb001_all_areas},
    Rule{"WB002", Severity::error,
         "Importance is the person's view, a representative's with a reason, a judgement resting on consultation "
         "and evidence when the person cannot take part, or not_said; never staff's guess",
         "the importance of <area> <is given by staff | names no representative | gives no reason | is a "
         "professional's | is a judgement though the person can take part | is a judgement without judged_by or "
         "from | is the person's though they cannot take part, without how>",
         "The person is the expert on their own wellbeing (Promoting Individual Wellbeing, rule 3; Care Act 2014 "
         "s.1(3)(a): begin with "
         "the assumption that the individual is best placed to judge their own wellbeing). When they cannot say, "
         "importance comes from someone who represents them, named, with the reason the person could not say "
         "(Mental Capacity Act 2005 s.4(6) and (7)). When the person cannot take part at present, wellbeing is "
         "established from their earlier views, from people who know them, from time spent with them and from "
         "evidence such as ABC charts (Promoting Individual Wellbeing): such a judgement names who made it and the "
         "entries it rests on. A level nobody said is written not_said: never make assumptions about what is "
         "important. Staff, and professionals involved in their care, never decide what matters to someone.",
         true, wb002_importance_source},
    Rule{"WB003", Severity::error, "An explored area records the person's concerns, or that they raised none",
         "the area <id> is explored but <records no concerns | says '<text>'>: write the person's worries, or "
         "none raised",
         "If a person says they have no worries in an area, that does not mean the area is unimportant to them "
         "(Promoting Individual Wellbeing, rule 4). Writing 'none raised' shows the question was asked and answered; a "
         "blank, or 'none', "
         "cannot be told apart from a question never asked.",
         true, wb003_concerns_recorded},
    Rule{"WB004", Severity::error, "Every id is used once in the record",
         "the id <id> is used again (first on line <n>)",
         "Diff, log, reports and the audit trail follow entries by id from one version of the file to the next, "
         "and references point at ids. Two entries with one id cannot be told apart, and anything that refers to "
         "it is ambiguous. Take the next free number; never reuse one.",
         false, wb004_unique_ids},
    Rule{"WB005", Severity::error, "References point at entries that exist",
         "<what> refers to <id>, which is not in the record",
         "An area's evidence, the conversation or evidence a view or an importance is from, an importance's "
         "representative, an outcome's review request and the areas an entry "
         "is about let a reader follow how the person's wellbeing was understood; the local authority and CQC ask "
         "for exactly that (Promoting Individual Wellbeing: proportionate records). A reference to nothing breaks the "
         "trail.",
         true, wb005_references},
    Rule{"WB006", Severity::error, "Nothing is dated in the future", "<what> is dated <date>, after today (<as-of>)",
         "A record says what happened. A date after today is almost always a typing slip (2062 for 2026) and makes "
         "reviews and reports wrong (UK GDPR art.5(1)(d): personal data kept accurate). Planned dates belong in "
         "'due', 'next_review_due' and 'support_started', which may be in the future.",
         false, wb006_no_future_dates},
    Rule{"WB007", Severity::warning, "Reviews happen on time",
         "the review after <review> was due on <date>, <n> days ago",
         "Care and support plans are kept under review, at least every 12 months and sooner when circumstances "
         "change (Care Act 2014 s.27; Care and Support Statutory Guidance, chapter 13). Wellbeing changes with "
         "circumstances, so it is monitored and reviewed (Promoting Individual Wellbeing). The due date is the latest "
         "review's "
         "next_review_due, or its date plus the folder's reviews.interval_months.",
         false, wb007_review_overdue},
    Rule{"WB008", Severity::warning, "The first review happens 6 to 8 weeks after support starts",
         "no review yet: the first was due by <date>, <n> weeks after support started on <date>",
         "The statutory guidance expects a light-touch review of a new care and support plan 6 to 8 weeks after it "
         "is agreed (Care and Support Statutory Guidance, chapter 13), to check early that the support promotes the "
         "person's wellbeing. The weeks are the folder's reviews.first_review_weeks.",
         false, wb008_first_review_overdue},
    Rule{"WB009", Severity::error, "An outcome the service cannot meet has a referral and a review request",
         "outcome <id> cannot be met by the service but has <no referral | no review request | no referral and no "
         "review request>",
         "Promoting Individual Wellbeing, 'Supporting the person to meet outcomes', asks for two things. 'If the "
         "service is not able to meet the person's Wellbeing outcomes they should support the person to access any "
         "help they may need': liaising with a carer, family member, advocate or other professional better placed "
         "to meet that outcome (the referral). And 'if the service is unable to (or no longer able to) support the "
         "person to meet their outcomes, a review should be requested' (the review_request; Care Act 2014 "
         "s.27(1)(b)). A review request alone leaves the person without help meanwhile; a referral alone leaves "
         "their support unexamined. Once the outcome is met, no review request is needed.",
         false, wb009_unmet_outcome_referred},
    Rule{"WB010", Severity::error, "A risk to others has a mitigation",
         "outcome <id> carries a risk to <who> with no mitigation",
         "Promoting one person's wellbeing must never put another vulnerable adult or a child at risk unless the "
         "risk can be mitigated; the responsibility to protect people from abuse or neglect always overrides it "
         "(Promoting Individual Wellbeing; Care Act 2014 s.1(2)(c) and s.42).",
         false, wb010_risk_mitigated, true},
    Rule{"WB011", Severity::error, "An open safeguarding flag has a referral reference, or a reason for none",
         "safeguarding flag <id> is open with no referral reference and no reason for making no referral",
         "A safeguarding concern always takes precedence (Promoting Individual Wellbeing). Where the local authority "
         "was told, its "
         "reference links the flag to its enquiry (Care Act 2014 s.42); where it was not, the reason (say, the "
         "person's own decision, made with capacity, and no one else at risk) shows that the decision was made, "
         "not missed.",
         true, wb011_safeguarding_referral, true},
    Rule{"WB012", Severity::error,
         "A person who cannot take part has a representative, an advocate or recorded evidence",
         "the person cannot take part at present (<why>) but the record has no representative, advocate or "
         "evidence of how their views were found",
         "When someone cannot discuss their wellbeing at that time, the duty to promote it remains: record how "
         "their views were established, from their earlier views and beliefs, a carer, family member or advocate, "
         "time spent with them, others who know them well, or ABC charts (Promoting Individual Wellbeing; Mental "
         "Capacity Act 2005 "
         "s.4(6) and (7)).",
         false, wb012_voice_established},
    Rule{"WB013", Severity::warning,
         "A person who cannot take part and has nobody appropriate has an independent advocate",
         "the person cannot take part at present (<why>) and has no family member, friend, carer, attorney, "
         "deputy or advocate to support them: consider an independent advocate",
         "An independent advocate is arranged where a person has substantial difficulty being involved and there "
         "is nobody appropriate to support and represent them (Care Act 2014 s.67; an IMCA under the Mental "
         "Capacity Act 2005 ss.35-41 for some decisions). A professional involved in their care is not that "
         "person.",
         false, wb013_advocate},
    Rule{"WB014", Severity::warning, "Someone consulted has a recorded basis",
         "evidence <id> consulted <name> but does not say why they know the person (consulted.basis)",
         "Consulting others who know the person well is good practice when the person cannot say (Promoting Individual "
         "Wellbeing; Mental "
         "Capacity Act 2005 s.4(7)), and the Caldicott principles ask that every use of confidential information "
         "be justified: the basis says why this person's view carries weight, and why they were asked.",
         false, wb014_consulted_basis},
    Rule{"WB015", Severity::warning, "An open outcome has at least one action",
         "outcome <id> is <status> but has no actions: say who will do what",
         "Supporting the person to meet their outcomes is intrinsic to promoting their wellbeing (Promoting Individual "
         "Wellbeing). An "
         "outcome with no action is a wish written down; every action has someone who does it, the person and "
         "their network and community first, then the service.",
         false, wb015_outcome_actions},
    Rule{"WB016", Severity::error, "Every action has someone to do it",
         "action <id> of outcome <id> does not say who does it",
         "Every action has someone who does it (Promoting Individual Wellbeing, 'Promoting independence and "
         "strengths'): self, network, "
         "community, service or other_agency. An action that belongs to nobody is done by nobody.",
         true, wb016_action_owner},
    Rule{"WB017", Severity::info, "Strengths first: the person and their network before the service",
         "every action of outcome <id> is the service's, though the record lists strengths of <whom> (<ids>) in "
         "its areas",
         "People are supported to use what they can do themselves, then what family, friends and community can "
         "do, and then the service (Promoting Individual Wellbeing, 'Promoting independence and strengths'; Care Act "
         "2014 s.1(3)(a) and "
         "(h)). When the service does everything although strengths are recorded, ask whether the person or their "
         "network could do part of it.",
         false, wb017_strengths_first},
    Rule{"WB018", Severity::error, "ONS4 answers are whole numbers from 0 to 10",
         "ONS4 answer <question> is <value>: answers are whole numbers from 0 to 10",
         "The ONS4 personal wellbeing questions (Office for National Statistics) are answered on a scale of 0 to "
         "10. Anything else cannot be compared over time or with national figures, and is usually a slip of the "
         "keyboard or a score from a different instrument.",
         true, wb018_ons4_range},
    Rule{"WB019", Severity::error, "No NHS numbers, phone numbers or postcodes in free text",
         "<field> holds what looks like <an NHS number | a UK phone number | a postcode>: identifiers do not "
         "belong in the record",
         "The Caldicott principles (2 and 3: use confidential information only when necessary, and the minimum "
         "necessary) and UK GDPR art.5(1)(c) (data minimisation). The record is read at reviews, by the local "
         "authority and by inspectors, and git keeps every version for good: identifiers stay in the provider's "
         "secure systems, and the person is known by a pseudonymous id.",
         false, wb019_identifiers},
    Rule{"WB020", Severity::error, "The person's id matches the file name",
         "person.id is <id> but the file is named <name>",
         "Files are named after the person's pseudonymous id, so records are found without names (Caldicott "
         "principles). A file whose id differs from its name is usually a copied record not yet changed, and two "
         "people's records could be confused. Checked only when the file name is itself an id (p-0007.yaml).",
         false, wb020_id_matches_file},
    Rule{"WB021", Severity::warning, "All nine areas are explored by the first review",
         "the area <id> is still not explored, though the first review was due by <date>",
         "No area is more important than another unless the person says so (Care Act 2014 s.1(2); Promoting Individual "
         "Wellbeing, rule "
         "2: never make assumptions about what is important). An area left unexplored past the first review is an "
         "assumption that it does not matter. If the person does not want to talk about it yet, suppress this rule "
         "on the area, with their reason.",
         false, wb021_areas_explored},
    Rule{"WB022", Severity::info, "Explored areas are looked at again within the review interval",
         "the area <id> was last updated on <date>, more than <n> months ago",
         "Wellbeing changes as the person's situation changes; understand it in the context of their current "
         "situation, and monitor and review it (Promoting Individual Wellbeing). What the person said more than a "
         "review interval ago "
         "may no longer hold.",
         false, wb022_areas_current},
    Rule{"WB023", Severity::warning, "A met outcome says when it was met, and only a met one",
         "outcome <id> <is met but has no met_on date | has a met_on date but its status is <status>>",
         "The local authority at review and CQC at inspection ask how the person's wellbeing was promoted (seed "
         "000); when an outcome was met is part of that evidence. A date and a status that disagree leave the "
         "reader unsure which is true.",
         true, wb023_met_on},
    Rule{"WB024", Severity::warning, "A review request is followed up",
         "review request <id> to <whom> has been pending since <date> (<n> days)",
         "A review is requested when the service can no longer meet the person's outcomes (Promoting Individual "
         "Wellbeing; Care Act "
         "2014 s.27(1)(b)); while it waits, those outcomes are not being met. A request pending for more than 8 "
         "weeks should be chased, and its status kept up to date.",
         false, wb024_review_request_pending},
    Rule{"WB025", Severity::warning, "An outcome with a risk to others goes ahead only once the mitigation is agreed",
         "<outcome <id> is <status> but the mitigation has no agreed_on date | action <id> was done on <date>, "
         "before the mitigation was agreed on <date>>",
         "An outcome that could put a child or another vulnerable adult at risk is not pursued unless the risk is "
         "mitigated (Promoting Individual Wellbeing). The date the mitigation was agreed, and by whom, shows it was in "
         "place before "
         "anything went ahead.",
         false, wb025_risk_agreed_first, true},
    Rule{"WB026", Severity::error, "Sharing on the basis of consent has the consent recorded",
         "sharing <id> with <whom> relies on consent, but the consent is not recorded",
         "Sharing for care matters as much as confidentiality (Caldicott principle 7), within the law: sharing "
         "that relies on consent needs the consent, and the provider must be able to show it was given (UK GDPR "
         "art.7(1)). Otherwise record the lawful basis that was actually used.",
         true, wb026_consent_recorded},
    Rule{"WB027", Severity::warning, "Dates are in order", "<later> (<date>) is before <earlier> (<date>)",
         "A record whose dates run backwards misleads its reader: an outcome met before it was opened, a flag "
         "closed before it was raised, a next review before the review itself. One of the dates is usually a "
         "typing slip (UK GDPR art.5(1)(d): personal data kept accurate).",
         false, wb027_dates_in_order},
    Rule{"WB028", Severity::warning, "A person who speaks for themselves gives their own importance",
         "the importance of <area> is a representative's, but the person speaks for themselves (voice: <voice>)",
         "The person is the expert (Promoting Individual Wellbeing, rule 3), and capacity is assumed unless it is "
         "shown otherwise (Mental "
         "Capacity Act 2005 s.1(2)). A representative's view stands in for the person's only when they cannot say "
         "at present; record the capacity finding if that is so.",
         false, wb028_own_importance},
    Rule{"WB029", Severity::info, "A review coming up soon is prepared with the person",
         "<the next review is due on <date>, in <n> days | the first review is due between <date> and <date>>",
         "Reviews are planned with the person rather than sprung on them: they need time to think about what is "
         "working and what is not, in a way that suits their communication needs, and to invite whoever they want "
         "there (Promoting Individual Wellbeing). The notice is the folder's reviews.due_soon_days.",
         false, wb029_review_due_soon},
    Rule{"WB030", Severity::warning, "A suppression names a real rule, with a reason",
         "the suppression <names <id>, which is not a rule | of <id> gives no reason>",
         "A suppression silences one rule on one entry, with a reason that someone else can check (an auditor, the "
         "person's next worker). One that names no rule silences nothing, and one without a reason cannot be "
         "checked.",
         true, wb030_known_suppressions},
    Rule{"WB031", Severity::warning, "A finding that the person cannot take part is looked at again",
         "the person was found unable to take part on <date>, more than <n> months ago: look at it again",
         "Capacity is assumed until shown otherwise, and is about one decision at one time (Mental Capacity Act "
         "2005 s.1(2) and s.2(1)). A finding that the person cannot take part 'at present' is revisited at least "
         "every review interval, and recorded with its new date.",
         false, wb031_capacity_current},
    Rule{"WB032", Severity::info, "The next review is set within the review interval",
         "review <id> sets the next review for <date>, more than <n> months after it",
         "Plans are reviewed at least every 12 months (Care and Support Statutory Guidance, chapter 13), or the "
         "folder's reviews.interval_months. A next review date further out than that is usually a slip in the "
         "year, and the review would be missed.",
         false, wb032_review_interval},
    Rule{"WB033", Severity::warning, "Wellbeing is talked about with the person between reviews",
         "no wellbeing conversation with the person since <the review <id> on <date> | support started on <date>> "
         "(<n> days ago)",
         "'In order to promote individual Wellbeing, you must talk about it with the person', and wellbeing changes "
         "as the person's situation changes, so it is monitored and reviewed as things change (Promoting Individual "
         "Wellbeing). When the person cannot take part at present the duty remains: then a conversation, a "
         "consultation with people who know them, or other evidence such as an ABC chart counts. The grace period is "
         "halfway from the latest review to the next one due, or, before any review, the earliest week of the first "
         "review (reviews.first_review_weeks.min) after support started.",
         false, wb033_conversation_since_review},
    Rule{"WB034", Severity::warning, "The person, or someone representing them, takes part in their review",
         "neither the person nor a representative took part in review <id> (<attendees>)",
         "The person is the expert in their own wellbeing, and conversations about it are person-centred, not "
         "process-led (Promoting Individual Wellbeing, rules 3 and 5; Care Act 2014 s.27(2)(b): the review involves "
         "the adult). A review held only among staff is a review of the service, not of the person's support. An "
         "attendee counts as the person when written with their known_as name (or 'the person'), and as a "
         "representative when written with a representative's name. When neither could be there, record why and "
         "how their views reached the review (absent_reason).",
         false, wb034_review_attended},
    Rule{"WB035", Severity::error, "An outcome that was not met has a referral or a review request",
         "outcome <id> is not_met with no referral and no review request",
         "'The responsibility to promote individual Wellbeing still remains' when the service does not meet an "
         "outcome: it supports the person to access help from someone better placed, and requests a review when it "
         "is unable to support them to meet their outcomes (Promoting Individual Wellbeing, 'Supporting the person "
         "to meet outcomes'). An outcome marked not_met with neither has simply been dropped. The outcomes the "
         "service said it cannot meet (service_can_meet: false) are WB009's, which asks for both; this rule asks an "
         "outcome the service tried and did not meet for at least one.",
         false, wb035_not_met_followed_up},
    Rule{"WB036", Severity::warning, "The formats the person needs are used in conversations with them",
         "the person needs <format>, but no conversation used it",
         "Questions about wellbeing must be appropriate to the person's needs around communication and asked in a "
         "manner that is accessible to them (Promoting Individual Wellbeing; the Accessible Information Standard, "
         "DCB1605). A format listed under person.communication.formats that no conversation's accessible_format "
         "names suggests the person was asked in a way they may not be able to take part in. Checked once there is "
         "a conversation (WB033 speaks for a record with none).",
         false, wb036_formats_used},
    Rule{"WB037", Severity::error,
         "While a safeguarding flag is open, the outcomes in the areas it touches take it into account",
         "outcome <id> is about <area>, which the open safeguarding flag <id> touches, but says nothing of it",
         "The responsibility to protect people from abuse or neglect will always override the responsibility to "
         "promote individual wellbeing (Promoting Individual Wellbeing; Care Act 2014 s.1(2)(c) and s.42). An "
         "outcome in progress in the areas an open concern touches (protection always, and the flag's areas) is "
         "planned knowing of it: list the flag under the outcome's safeguarding, and say in its actions how "
         "protection comes first. A met, not_met or withdrawn outcome with nothing left to do is not checked.",
         false, wb037_safeguarding_in_outcomes, true},
    Rule{"WB040", Severity::warning, "Each view and importance is tied to the conversation or evidence it came from",
         "<a view of <area> on <date> | the importance of <area>> is not tied to any conversation or evidence; "
         "<a view | a concern> on <date> cites <id> of <date>, after it",
         "What a person said is recorded with where it was heard, so that anyone can check it against the "
         "conversation, consultation or evidence it rests on, and see whose words they are (Promoting Individual "
         "Wellbeing: wellbeing is established from the person, from people who know them, from time spent with "
         "them and from evidence). A view or a level with no source cannot be told apart from staff's guess, and one "
         "that cites a conversation or evidence dated after it points at the wrong entry. Only wellbeing/v2 records "
         "are checked: a v1 area has no place for its source.",
         false, wb040_views_have_a_source},
    Rule{"WB041", Severity::warning, "A sentence written in a one-line list stays one entry",
         "\"<words>\" starts in lower case after \"<words>\" on the same line: the comma inside [ ] split a sentence",
         "A comma inside [ ] ends an entry, so `concerns: [First floor, no lift, steep stairs.]` records three "
         "worries where the person raised one, and a report then shows their words cut up and out of order. The "
         "record keeps what the person said as they said it (Promoting Individual Wellbeing: the person's own "
         "words; schemas/README.md, \"Writing YAML\"). An entry of words that starts in lower case on the same "
         "line as one that does not end a sentence is most likely the rest of it: put the whole sentence in "
         "double quotes, or give each entry its own line.",
         false, wb041_sentence_split_at_a_comma},
};

// Is `pointer` the same as `item` or inside it? ("/outcomes/1/actions/0" is inside "/outcomes/1", but
// "/outcomes/10" is not.)
bool inside(std::string_view pointer, std::string_view item) {
  return pointer.starts_with(item) && (pointer.size() == item.size() || pointer[item.size()] == '/');
}

}  // namespace

std::span<const Rule> all_rules() { return k_rules; }

const Rule* find_rule(std::string_view id) {
  const auto it = std::find_if(k_rules.begin(), k_rules.end(), [&](const Rule& rule) { return rule.id == id; });
  return it == k_rules.end() ? nullptr : &*it;
}

Diagnostics run_rules(const Context& context) {
  // The items that silence something, with what they silence.
  std::vector<const records::Item*> suppressing;
  for_each_item(context.record, [&](const records::Item& item) {
    if (!item.suppress.empty()) {
      suppressing.push_back(&item);
    }
  });

  Diagnostics out;
  const auto& settings = context.options.config.rules;
  for (const Rule& rule : k_rules) {
    Severity severity = rule.severity;
    if (const auto it = settings.find(std::string(rule.id)); it != settings.end()) {
      if (!it->second.severity) {
        continue;  // off in this folder
      }
      severity = *it->second.severity;
    }
    for (Finding& finding : rule.check(context)) {
      const bool suppressed = std::any_of(suppressing.begin(), suppressing.end(), [&](const records::Item* item) {
        return item->suppresses(rule.id) && inside(finding.pointer, item->pointer);
      });
      if (suppressed) {
        continue;
      }
      out.push_back(Diagnostic{severity,
                               std::string(rule.id),
                               std::move(finding.message),
                               Location{std::string(context.file), finding.mark.line, finding.mark.column},
                               std::move(finding.pointer),
                               {}});
    }
  }
  return out;
}

Diagnostics check_config_rules(const records::Config& config) {
  Diagnostics out;
  std::vector<std::string_view> ids;
  for (const Rule& rule : k_rules) {
    ids.push_back(rule.id);
  }
  auto refuse = [&](const std::string& id, const records::RuleSetting& setting, std::string message) {
    out.push_back(Diagnostic{Severity::error,
                             "config",
                             fmt::format("rules: {}", message),
                             Location{config.path, setting.line, setting.column},
                             document::append_pointer("/rules", id),
                             {}});
  };
  for (const auto& [id, setting] : config.rules) {
    const Rule* rule = find_rule(id);
    if (!rule) {
      const std::string suggestion = util::closest_match(id, ids);
      refuse(id, setting,
             fmt::format("{} is not a rule{}", id,
                         suggestion.empty() ? "" : fmt::format(" (did you mean {}?)", suggestion)));
      continue;
    }
    const bool lowered = !setting.severity || *setting.severity < rule->severity;
    if (!lowered) {
      continue;  // as strict as its default, or stricter: no reason is needed
    }
    const std::string what = setting.severity ? fmt::format("set to {}", to_string(*setting.severity)) : "turned off";
    if (rule->protects) {
      std::string title(rule->title);
      title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
      refuse(id, setting,
             fmt::format("{} protects people ({}) and cannot be {} for the whole folder; silence it on one entry "
                         "with suppress and a reason instead",
                         id, title,
                         setting.severity ? fmt::format("set below {}", to_string(rule->severity)) : "turned off"));
    } else if (setting.short_form) {
      refuse(
          id, setting,
          fmt::format("{} is {} (its default is {}) with no reason: write {}: {{ severity: {}, reason: \"...\" }}", id,
                      what, to_string(rule->severity), id, setting.severity ? to_string(*setting.severity) : "off"));
    } else if (setting.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      refuse(id, setting, fmt::format("{} is {} with an empty reason: say why this folder changes it", id, what));
    }
  }
  return out;
}

}  // namespace wellbeing::rules
