// The summary as Markdown: tables that stay tables whatever the text holds.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "render_words.hpp"
#include "text_table.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/escape.hpp"

namespace wellbeing::summary {

using namespace detail;

namespace {

// Free text as inline Markdown: on one line, nothing in it read as markup.
std::string md(std::string_view text) { return util::escape_markdown(text); }

std::string md_or_dash(std::string_view text) { return text.empty() ? std::string("-") : md(text); }


}  // namespace

std::string render_person_markdown(const PersonSummary& p, const Options& options) {
  const Redaction& r = p.redaction;
  std::string out;
  out += fmt::format("# Wellbeing summary: {}\n\n", md(person_words(p.id, p.known_as)));
  out +=
      fmt::format("- File: {}\n- As of: {}{}\n- Support started: {}\n\n", md(p.file), show_date(options.as_of, r),
                  r.on ? " (redacted)" : "", dash(show_date(p.support_started, r)));

  out += "## Voice\n\n";
  out += fmt::format("- {}; {}{}\n", voice_words(p.voice.voice), take_part_words(p.voice.can_take_part),
                     p.voice.capacity_date ? fmt::format(" (recorded {})", show_date(p.voice.capacity_date, r)) : "");
  out += fmt::format("- Accessible formats: {}\n", p.voice.formats.empty() ? "none" : join(p.voice.formats, ", "));
  out += fmt::format("- Representatives: {}\n", md(representatives_words(p.voice)));
  out += fmt::format("- Evidence: {}\n\n", md(evidence_words(p.voice)));

  out += "## Areas\n\nIn the order of the Care Act, not a ranking.\n\n";
  MdTable areas({"", "Area", "Status", "Last discussed", "Importance", "Open outcomes", "Said"});
  for (const AreaSummary& area : p.areas) {
    areas.add({std::string(1, area.info->letter), std::string(area.info->title), std::string(status_words(area.status)),
               dash(show_date(area.last_discussed, r)),
               area.importance.empty() ? importance_words(area) : md(importance_words(area)),
               area.open_outcomes.empty() ? "-" : join(area.open_outcomes, ", "), md_or_dash(area.said)});
  }
  out += areas.render() + "\n";

  out += fmt::format("## Outcomes\n\n{}.\n\n", status_counts_words(p.outcomes_by_status));
  if (!p.outcomes.empty()) {
    MdTable outcomes({"Id", "Kind", "Status", "Areas", "Who acts", "Actions done", "Said"});
    for (const OutcomeSummary& o : p.outcomes) {
      const auto done = std::count_if(o.actions.begin(), o.actions.end(), [](const auto& a) { return a.done; });
      outcomes.add({o.id, o.kind, std::string(status_words(o.status)), join(o.areas, ", "),
                    o.actors.empty() ? "-" : join(o.actors, ", ", actor_words),
                    fmt::format("{} of {}", done, o.actions.size()), md_or_dash(o.said)});
    }
    out += outcomes.render() + "\n";
  }

  out += fmt::format("## Overdue actions\n\n{} overdue.\n\n", p.overdue_actions.size());
  if (!p.overdue_actions.empty()) {
    MdTable actions({"Outcome", "Action", "Who", "Due", "Overdue by", "What"});
    for (const ActionSummary& a : p.overdue_actions) {
      actions.add(
          {a.outcome_id, a.id, md(action_who(a)), show_date(a.due, r), days_words(a.days_overdue), md_or_dash(a.what)});
    }
    out += actions.render() + "\n";
  }

  out += "## Review\n\n";
  const ReviewDue& review = p.review;
  out += review.last_date ? fmt::format("- Last: {} ({}, {})\n", show_date(review.last_date, r), dash(review.last_type),
                                        review.last_id)
                          : std::string("- Last: none yet\n");
  out += review.next_due ? fmt::format("- Next: {} ({}): **{}**\n", show_date(review.next_due, r),
                                       basis_words(review, options.config), review_words(review))
                         : fmt::format("- Next: **{}**\n", review_words(review));
  for (const PendingRequest& request : p.pending_requests) {
    out += fmt::format("- Review request {} pending since {} ({}){}\n", request.id, show_date(request.date, r),
                       days_words(request.days_waiting),
                       request.reference.empty() ? "" : fmt::format(", reference {}", md(request.reference)));
  }
  out += "\n";

  std::string counted = measures_words(p.measures);
  counted[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(counted[0])));  // a sentence
  out += fmt::format("## Wellbeing measures\n\n{}.\n\n", counted);
  {
    MdTable measures({"Question", "Latest", "Since the previous",
                      p.measures.last_review
                          ? fmt::format("Since the last review ({})", show_date(p.measures.last_review, r))
                          : std::string("Since the last review"),
                      "Since the first"});
    const auto rows = measure_rows(p.measures, r);
    for (const auto& row : rows) {
      measures.add(row);
    }
    if (!rows.empty()) {
      out += measures.render() + "\n";
    }
  }

  out += "## Other\n\n";
  out += fmt::format("- Conversations: {} in all, {} from {} to {}; last {}\n", p.conversations,
                     p.conversations_in_period, show_date(options.period.from, r),
                     show_date(options.period.to, r), dash(show_date(p.last_conversation, r)));
  out += fmt::format("- Safeguarding: {} open flag{}{}\n", p.safeguarding_open, p.safeguarding_open == 1 ? "" : "s",
                     p.safeguarding_types.empty() ? "" : fmt::format(" ({})", join(p.safeguarding_types, ", ")));
  out += fmt::format("- Findings: {}\n", findings_words(p.findings));
  for (const std::string& line : changed_checks_words(options.config, std::span(&p, 1), false)) {
    out += fmt::format("- Changed by the provider: {}\n", md(line));
  }
  return out;
}

std::string render_folder_markdown(const FolderSummary& f, const std::string& title, const Options& options) {
  const records::Config& config = options.config;
  const Redaction& r = f.redaction;
  std::string out;
  out += fmt::format("# Wellbeing summary: {}\n\n", md(title));
  if (!config.provider_name.empty()) {
    out += fmt::format("- Provider: {}\n", md(config.provider_name));
  }
  out += fmt::format("- As of: {}{}\n- Period: {} to {}\n- Due soon: within {} days\n", show_date(f.as_of, r),
                     r.on ? " (redacted)" : "", show_date(f.period.from, r), show_date(f.period.to, r),
                     f.within_days);
  if (const std::string filters = filter_words(f.filter); !filters.empty()) {
    out += fmt::format("- Counting only: {}\n", md(filters));
  }
  out +=
      fmt::format("- People: {} counted from {} files, {} left out\n\n", f.people.size(), f.files.size(), f.left_out);

  out += fmt::format("## Reviews\n\n{} overdue, {} due soon, {} with no date to go by.\n\n", f.reviews_overdue.size(),
                     f.reviews_due_soon.size(), f.reviews_unknown.size());
  if (!f.reviews_overdue.empty() || !f.reviews_due_soon.empty() || !f.reviews_unknown.empty()) {
    MdTable reviews({"Person", "Last review", "Next due", "Status"});
    auto add = [&](const ReviewEntry& e) {
      reviews.add({md(person_words(e.person.id, e.person.known_as)), dash(show_date(e.review.last_date, r)),
                   show_date(e.review.next_due, r), review_words(e.review)});
    };
    std::for_each(f.reviews_overdue.begin(), f.reviews_overdue.end(), add);
    std::for_each(f.reviews_due_soon.begin(), f.reviews_due_soon.end(), add);
    for (const PersonRef& person : f.reviews_unknown) {
      reviews.add({md(person_words(person.id, person.known_as)), "-", "-", "no review and no start date"});
    }
    out += reviews.render() + "\n";
  }

  out += fmt::format("## Outcomes\n\n{} outcomes: {}. Overdue actions: {}.\n\n", f.outcomes,
                     status_counts_words(f.outcomes_by_status), f.overdue_actions);
  {
    std::vector<std::string> header{"", "Area", "Total"};
    for (std::string_view status : k_outcome_statuses) {
      header.emplace_back(status_words(status));
    }
    MdTable areas(header);
    for (const AreaOutcomes& area : f.outcomes_by_area) {
      std::vector<std::string> row{std::string(1, area.info->letter), std::string(area.info->title),
                                   std::to_string(area.total)};
      for (std::size_t count : area.by_status) {
        row.push_back(std::to_string(count));
      }
      areas.add(std::move(row));
    }
    out += areas.render() + "\nAn outcome counts under each area it names.\n\n";
  }

  out += fmt::format("## Outcomes met in the period\n\n{} met.\n\n", f.met_in_period.size());
  if (!f.met_in_period.empty()) {
    MdTable met({"Person", "Outcome", "Met on", "Who acted"});
    for (const MetOutcome& m : f.met_in_period) {
      met.add({md(person_words(m.person.id, m.person.known_as)), m.outcome_id, show_date(m.met_on, r),
               m.actors.empty() ? "-" : join(m.actors, ", ", actor_words)});
    }
    out += met.render() + "\n";
    MdTable acted({"Who acted", "Outcomes"});
    for (std::size_t i = 0; i < k_actors.size(); ++i) {
      acted.add({std::string(actor_words(k_actors[i])), std::to_string(f.who_acted[i])});
    }
    out += acted.render() + "\n";
  }

  out += fmt::format("## Review requests pending\n\n{} pending.\n\n", f.pending_requests.size());
  if (!f.pending_requests.empty()) {
    MdTable pending({"Person", "Request", "Since", "Waiting", "Reference"});
    for (const PendingEntry& p : f.pending_requests) {
      pending.add({md(person_words(p.person.id, p.person.known_as)), p.request.id, dash(show_date(p.request.date, r)),
                   days_words(p.request.days_waiting), md_or_dash(p.request.reference)});
    }
    out += pending.render() + "\n";
  }

  out += fmt::format("## Safeguarding\n\n{} open flag{} ({} {}).\n\n", f.safeguarding_open,
                     f.safeguarding_open == 1 ? "" : "s", f.safeguarding_people,
                     f.safeguarding_people == 1 ? "person" : "people");
  if (!f.safeguarding_by_type.empty()) {
    MdTable types({"Type", "Open flags"});
    for (const auto& [type, count] : f.safeguarding_by_type) {
      types.add({type, std::to_string(count)});
    }
    out += types.render() + "\n";
  }

  out += fmt::format("## Wellbeing measures\n\n{} {} measured. How many are better, about the same or worse: each "
                     "person's latest answer against their previous one, the one at their last review and their first "
                     "(ONS4: a change of one point or more; SWEMWBS: three metric points or more).\n\n",
                     f.people_measured, f.people_measured == 1 ? "person" : "people");
  {
    MdTable measures({"Question", "Since the previous", "Since the last review", "Since the first"});
    for (std::size_t q = 0; q < records::k_measure_questions.size(); ++q) {
      if (q + 1 == records::k_measure_questions.size() && !has_counts(f.measures[q])) {
        continue;  // SWEMWBS only when someone has it
      }
      measures.add({std::string(records::k_measure_questions[q].label), counts_words(f.measures[q].since_previous),
                    counts_words(f.measures[q].since_review), counts_words(f.measures[q].since_first)});
    }
    out += measures.render() + "\n";
  }

  out += "## ONS4 personal wellbeing\n\nAverage change from each person's first measure to their latest.\n\n";
  {
    MdTable ons4({"Question", "Average change", "People"});
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      ons4.add({std::string(question_words(q)), f.ons4[q].people ? average_words(f.ons4[q].average) : "-",
                std::to_string(f.ons4[q].people)});
    }
    out += ons4.render() + "\n";
  }

  out += fmt::format("## No conversation in the period\n\n{} {}.\n\n", f.no_conversation.size(),
                     f.no_conversation.size() == 1 ? "person" : "people");
  if (!f.no_conversation.empty()) {
    MdTable quiet({"Person", "Last conversation"});
    for (const QuietPerson& q : f.no_conversation) {
      quiet.add({md(person_words(q.person.id, q.person.known_as)), dash(show_date(q.last_conversation, r))});
    }
    out += quiet.render() + "\n";
  }

  out += fmt::format("## Validation\n\n{} of {} files left out.\n", f.left_out, f.files.size());
  const auto with_findings = std::count_if(f.files.begin(), f.files.end(), has_findings);
  if (with_findings > 0) {
    MdTable files({"File", "Person", "Counted", "Errors", "Warnings", "Infos", "First error"});
    for (const FileStatus& s : f.files) {
      if (!has_findings(s)) {
        continue;
      }
      const std::string first = first_error_words(s.first_error);
      files.add({md(s.path), md_or_dash(s.person_id), s.counted ? "yes" : "no", std::to_string(s.errors),
                 std::to_string(s.warnings), std::to_string(s.infos), s.first_error ? md(first) : first});
    }
    out += "\n" + files.render();
  }
  const std::vector<std::string> changed = changed_checks_words(options.config, f.people, true);
  if (!changed.empty()) {
    out += "\n## Checks changed by the provider\n\n";
    for (const std::string& line : changed) {
      out += fmt::format("- {}\n", md(line));
    }
  }
  return out;
}

}  // namespace wellbeing::summary
