// The summary as a terminal table: headings, aligned columns, and colour only when asked for.
#include <fmt/format.h>

#include <algorithm>

#include "render_words.hpp"
#include "text_table.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/style.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::summary {

using namespace detail;

namespace {

std::string heading(const Paint& paint, std::string_view text) { return paint(k_bold, text) + "\n"; }

std::string_view review_color(ReviewDue::Status status) {
  return status == ReviewDue::Status::overdue    ? k_red
         : status == ReviewDue::Status::due_soon ? k_yellow
                                                 : std::string_view();
}

}  // namespace

std::string render_person_table(const PersonSummary& p, const Options& options, bool color) {
  const Paint paint{color};
  const Redaction& r = p.redaction;
  std::string out;
  out += heading(paint, fmt::format("Wellbeing summary: {}", terminal_safe(person_words(p.id, p.known_as))));
  out += fmt::format("File {}, as of {}{}\n", terminal_safe(p.file), show_date(options.as_of, r),
                     r.on ? " (redacted)" : "");
  out += fmt::format("Support started {}\n\n", dash(show_date(p.support_started, r)));

  out += heading(paint, "Voice");
  out += fmt::format("  {}; {}", voice_words(p.voice.voice), take_part_words(p.voice.can_take_part));
  out += p.voice.capacity_date ? fmt::format(" (recorded {})\n", show_date(p.voice.capacity_date, r)) : "\n";
  out += fmt::format("  accessible formats: {}\n", p.voice.formats.empty() ? "none" : join(p.voice.formats, ", "));
  out += fmt::format("  representatives: {}\n", terminal_safe(representatives_words(p.voice)));
  out += fmt::format("  evidence: {}\n\n", evidence_words(p.voice));

  out += heading(paint, "Areas (in the order of the Care Act, not a ranking)");
  TextTable areas({"area", "status", "last discussed", "importance", "open outcomes", "said"});
  for (const AreaSummary& area : p.areas) {
    areas.add({{fmt::format("{} {}", area.info->letter, area.info->title)},
               {std::string(status_words(area.status))},
               {dash(show_date(area.last_discussed, r))},
               {importance_words(area)},
               {area.open_outcomes.empty() ? "-" : join(area.open_outcomes, ", ")},
               {dash(area.said)}});
  }
  out += areas.render(paint) + "\n";

  out += heading(paint, fmt::format("Outcomes: {}", status_counts_words(p.outcomes_by_status)));
  if (!p.outcomes.empty()) {
    TextTable outcomes({"id", "kind", "status", "areas", "who acts", "actions done", "said"});
    for (const OutcomeSummary& o : p.outcomes) {
      const auto done = std::count_if(o.actions.begin(), o.actions.end(), [](const auto& a) { return a.done; });
      outcomes.add({{o.id},
                    {o.kind},
                    {std::string(status_words(o.status))},
                    {join(o.areas, ", ")},
                    {o.actors.empty() ? "-" : join(o.actors, ", ", actor_words)},
                    {fmt::format("{} of {}", done, o.actions.size())},
                    {dash(o.said)}});
    }
    out += outcomes.render(paint);
  }
  out += "\n";

  out += heading(paint, fmt::format("Overdue actions: {}", p.overdue_actions.size()));
  if (!p.overdue_actions.empty()) {
    TextTable actions({"outcome", "action", "who", "due", "overdue by", "what"});
    for (const ActionSummary& a : p.overdue_actions) {
      actions.add({{a.outcome_id},
                   {a.id},
                   {action_who(a)},
                   {show_date(a.due, r)},
                   {days_words(a.days_overdue), k_red},
                   {dash(a.what)}});
    }
    out += actions.render(paint);
  }
  out += "\n";

  out += heading(paint, "Review");
  const ReviewDue& review = p.review;
  out += review.last_date ? fmt::format("  last: {} ({}, {})\n", show_date(review.last_date, r), dash(review.last_type),
                                        review.last_id)
                          : std::string("  last: none yet\n");
  if (review.next_due) {
    out += fmt::format("  next: {} ({}): {}\n", show_date(review.next_due, r), basis_words(review, options.config),
                       paint(review_color(review.status), review_words(review)));
  } else {
    out += fmt::format("  next: {}\n", paint(k_yellow, review_words(review)));
  }
  for (const PendingRequest& request : p.pending_requests) {
    out +=
        fmt::format("  review request {} pending since {} ({}){}\n", request.id, show_date(request.date, r),
                    days_words(request.days_waiting),
                    request.reference.empty() ? "" : fmt::format(", reference {}", terminal_safe(request.reference)));
  }
  out += "\n";

  out += heading(paint, fmt::format("Wellbeing measures: {}", measures_words(p.measures)));
  {
    TextTable measures({"question", "latest", "since the previous",
                        p.measures.last_review
                            ? fmt::format("since the last review {}", show_date(p.measures.last_review, r))
                            : std::string("since the last review"),
                        "since the first"});
    const auto rows = measure_rows(p.measures, r);
    for (const auto& row : rows) {
      std::vector<Cell> cells;
      for (const std::string& text : row) {
        cells.push_back({text});
      }
      measures.add(std::move(cells));
    }
    if (!rows.empty()) {
      out += measures.render(paint);
    }
  }
  out += "\n";

  out += fmt::format("{} {}\n", paint(k_bold, "Conversations:"),
                     fmt::format("{} in all, {} from {} to {}; last {}", p.conversations, p.conversations_in_period,
                                 show_date(options.period.from, r), show_date(options.period.to, r),
                                 dash(show_date(p.last_conversation, r))));
  std::string safeguarding = fmt::format("{} open flag{}", p.safeguarding_open, p.safeguarding_open == 1 ? "" : "s");
  if (!p.safeguarding_types.empty()) {
    safeguarding += fmt::format(" ({})", join(p.safeguarding_types, ", "));
  }
  out += fmt::format("{} {}\n", paint(k_bold, "Safeguarding:"),
                     p.safeguarding_open > 0 ? paint(k_red, safeguarding) : safeguarding);
  out += fmt::format("{} {}\n", paint(k_bold, "Findings:"), findings_words(p.findings));
  for (const std::string& line : changed_checks_words(options.config, std::span(&p, 1), false)) {
    out += fmt::format("{} {}\n", paint(k_bold, "Changed by the provider:"), terminal_safe(line));
  }
  return out;
}

std::string render_folder_table(const FolderSummary& f, const std::string& title, const Options& options,
                                bool color) {
  const Paint paint{color};
  const records::Config& config = options.config;
  const Redaction& r = f.redaction;
  std::string out;
  out += heading(paint, fmt::format("Wellbeing summary: {}", terminal_safe(title)));
  if (!config.provider_name.empty()) {
    out += fmt::format("Provider: {}\n", terminal_safe(config.provider_name));
  }
  out += fmt::format("As of {}; period {} to {}; due soon means within {} days{}\n", show_date(f.as_of, r),
                     show_date(f.period.from, r), show_date(f.period.to, r), f.within_days,
                     r.on ? " (redacted)" : "");
  if (const std::string filters = filter_words(f.filter); !filters.empty()) {
    out += fmt::format("Counting only {}\n", terminal_safe(filters));
  }
  out +=
      fmt::format("People: {} counted from {} file{}", f.people.size(), f.files.size(), f.files.size() == 1 ? "" : "s");
  out += f.left_out ? paint(k_red, fmt::format(", {} left out (see Validation)", f.left_out)) : std::string();
  out += "\n\n";

  out += heading(
      paint,
      fmt::format("Reviews: {} overdue, {} due soon{}", f.reviews_overdue.size(), f.reviews_due_soon.size(),
                  f.reviews_unknown.empty() ? std::string()
                                            : fmt::format(", {} with no date to go by", f.reviews_unknown.size())));
  if (!f.reviews_overdue.empty() || !f.reviews_due_soon.empty() || !f.reviews_unknown.empty()) {
    TextTable reviews({"person", "last review", "next due", "status"});
    auto add = [&](const ReviewEntry& entry) {
      reviews.add({{person_words(entry.person.id, entry.person.known_as)},
                   {dash(show_date(entry.review.last_date, r))},
                   {show_date(entry.review.next_due, r)},
                   {review_words(entry.review), review_color(entry.review.status)}});
    };
    std::for_each(f.reviews_overdue.begin(), f.reviews_overdue.end(), add);
    std::for_each(f.reviews_due_soon.begin(), f.reviews_due_soon.end(), add);
    for (const PersonRef& person : f.reviews_unknown) {
      reviews.add(
          {{person_words(person.id, person.known_as)}, {"-"}, {"-"}, {"no review and no start date", k_yellow}});
    }
    out += reviews.render(paint);
  }
  out += "\n";

  out += heading(paint, fmt::format("Outcomes: {} ({})", f.outcomes, status_counts_words(f.outcomes_by_status)));
  {
    std::vector<std::string> header{"area", "total"};
    for (std::string_view status : k_outcome_statuses) {
      header.emplace_back(status_words(status));
    }
    TextTable areas(header);
    for (const AreaOutcomes& area : f.outcomes_by_area) {
      std::vector<Cell> row{{fmt::format("{} {}", area.info->letter, area.info->title)}, {std::to_string(area.total)}};
      for (std::size_t count : area.by_status) {
        row.push_back({std::to_string(count)});
      }
      areas.add(std::move(row));
    }
    out += areas.render(paint);
    out += "  (an outcome counts under each area it names)\n";
  }
  out += fmt::format("  overdue actions: {}\n\n", f.overdue_actions);

  out += heading(paint, fmt::format("Outcomes met in the period: {}", f.met_in_period.size()));
  if (!f.met_in_period.empty()) {
    TextTable met({"person", "outcome", "met on", "who acted"});
    for (const MetOutcome& m : f.met_in_period) {
      met.add({{person_words(m.person.id, m.person.known_as)},
               {m.outcome_id},
               {show_date(m.met_on, r)},
               {m.actors.empty() ? "-" : join(m.actors, ", ", actor_words)}});
    }
    out += met.render(paint);
    std::vector<std::string> acted;
    for (std::size_t i = 0; i < k_actors.size(); ++i) {
      acted.push_back(fmt::format("{} {}", actor_words(k_actors[i]), f.who_acted[i]));
    }
    out += fmt::format("  who acted on them: {}\n", join(acted, ", "));
  }
  out += "\n";

  out += heading(paint, fmt::format("Review requests pending: {}", f.pending_requests.size()));
  if (!f.pending_requests.empty()) {
    TextTable pending({"person", "request", "since", "waiting", "reference"});
    for (const PendingEntry& p : f.pending_requests) {
      pending.add({{person_words(p.person.id, p.person.known_as)},
                   {p.request.id},
                   {dash(show_date(p.request.date, r))},
                   {days_words(p.request.days_waiting)},
                   {dash(p.request.reference)}});
    }
    out += pending.render(paint);
  }
  out += "\n";

  std::string safeguarding =
      fmt::format("{} open flag{} ({} {})", f.safeguarding_open, f.safeguarding_open == 1 ? "" : "s",
                  f.safeguarding_people, f.safeguarding_people == 1 ? "person" : "people");
  for (const auto& [type, count] : f.safeguarding_by_type) {
    safeguarding += fmt::format("{} {} {}", &type == &f.safeguarding_by_type.front().first ? ":" : ",", type, count);
  }
  out += fmt::format("{} {}\n\n", paint(k_bold, "Safeguarding:"),
                     f.safeguarding_open > 0 ? paint(k_red, safeguarding) : safeguarding);

  out += heading(paint, fmt::format("Wellbeing measures: {} {} measured; how many are better, about the same or worse",
                                    f.people_measured, f.people_measured == 1 ? "person" : "people"));
  {
    TextTable measures({"question", "since the previous", "since the last review", "since the first"});
    for (std::size_t q = 0; q < records::k_measure_questions.size(); ++q) {
      if (q + 1 == records::k_measure_questions.size() && !has_counts(f.measures[q])) {
        continue;  // SWEMWBS only when someone has it
      }
      measures.add({{std::string(records::k_measure_questions[q].label)},
                    {counts_words(f.measures[q].since_previous)},
                    {counts_words(f.measures[q].since_review)},
                    {counts_words(f.measures[q].since_first)}});
    }
    out += measures.render(paint) + "\n";
  }

  out += heading(paint, "ONS4: average change from each person's first measure to their latest");
  {
    TextTable ons4({"question", "change", "people"});
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      ons4.add({{std::string(question_words(q))},
                {f.ons4[q].people ? average_words(f.ons4[q].average) : std::string("-")},
                {std::to_string(f.ons4[q].people)}});
    }
    out += ons4.render(paint) + "\n";
  }

  out += heading(paint, fmt::format("No conversation in the period: {}", f.no_conversation.size()));
  if (!f.no_conversation.empty()) {
    TextTable quiet({"person", "last conversation"});
    for (const QuietPerson& q : f.no_conversation) {
      quiet.add({{person_words(q.person.id, q.person.known_as)}, {dash(show_date(q.last_conversation, r))}});
    }
    out += quiet.render(paint);
  }
  out += "\n";

  const auto with_findings = std::count_if(f.files.begin(), f.files.end(), has_findings);
  out += heading(paint, fmt::format("Validation: {} of {} file{} left out", f.left_out, f.files.size(),
                                    f.files.size() == 1 ? "" : "s"));
  if (with_findings > 0) {
    TextTable files({"file", "person", "counted", "errors", "warnings", "infos", "first error"});
    for (const FileStatus& s : f.files) {
      if (!has_findings(s)) {
        continue;
      }
      const std::string first = first_error_words(s.first_error);
      files.add({{s.path},
                 {dash(s.person_id)},
                 {s.counted ? "yes" : "no", s.counted ? std::string_view() : k_red},
                 {std::to_string(s.errors)},
                 {std::to_string(s.warnings)},
                 {std::to_string(s.infos)},
                 {first}});
    }
    out += files.render(paint);
  }
  const std::vector<std::string> changed = changed_checks_words(options.config, f.people, true);
  if (!changed.empty()) {
    out += "\n" + heading(paint, fmt::format("Checks changed by the provider: {}", changed.size()));
    for (const std::string& line : changed) {
      out += fmt::format("  {}\n", terminal_safe(line));
    }
  }
  return out;
}

std::string left_out_note(const FileStatus& status) {
  std::string text = status.readable ? fmt::format("left out {}: {} error{}", status.path, status.errors,
                                                   status.errors == 1 ? "" : "s")
                                     : fmt::format("left out {}: cannot be read", status.path);
  if (status.first_error && !status.first_error->message.empty()) {
    text += fmt::format(", first: {}", status.first_error->message);
  }
  return terminal_safe(text);
}

}  // namespace wellbeing::summary
