// `wellbeing summary [PATH…]`: one person's wellbeing work at a glance, or a whole folder's.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/summary/csv.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/rows.hpp"
#include "wellbeing/util/text.hpp"
#include "wellbeing/validation/batch.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using namespace wellbeing::summary;

enum class Format { table, md, json, csv };

struct Options {
  std::vector<std::string> paths;
  std::string as_of, from, to;
  int within = -1;
  std::vector<std::string> areas, statuses, people;
  Format format = Format::table;
  std::string rows;
  bool redact = false;
  bool no_redact = false;
  bool strict = false;
  unsigned jobs = 0;
};

// Text a terminal shows as it is: control characters (C0, DEL and C1, which could move the cursor or
// recolour the screen) become spaces.
std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7f) {
      out += ' ';
    } else if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += ' ';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Words for people: the JSON and CSV keep the schema's values; table and Markdown say them in plain words.

std::string_view status_words(std::string_view status) {
  if (status == "in_progress") {
    return "in progress";
  }
  if (status == "not_met") {
    return "not met";
  }
  if (status == "not_yet_explored") {
    return "not yet explored";
  }
  return status;
}

std::string_view actor_words(std::string_view actor) {
  if (actor == "self") {
    return "the person";
  }
  if (actor == "other_agency") {
    return "other agency";
  }
  return actor;
}

std::string_view voice_words(std::string_view voice) {
  if (voice == "direct") {
    return "speaks for themselves";
  }
  if (voice == "supported") {
    return "speaks for themselves, with help";
  }
  if (voice == "represented") {
    return "represented by a carer, family member or advocate";
  }
  if (voice == "observation") {
    return "understood mainly by spending time with them";
  }
  if (voice == "earlier_views") {
    return "earlier views are the main guide";
  }
  return voice.empty() ? std::string_view("not recorded") : voice;
}

std::string_view take_part_words(std::string_view can_take_part) {
  if (can_take_part == "able") {
    return "able to take part";
  }
  if (can_take_part == "with_support") {
    return "takes part with support";
  }
  if (can_take_part == "not_at_present") {
    return "cannot take part at present";
  }
  return "capacity not recorded";
}

std::string_view question_words(std::size_t question) {
  static constexpr std::array<std::string_view, 4> words{"life satisfaction", "worthwhile", "happy yesterday",
                                                         "anxious yesterday (lower is better)"};
  return words[question];
}

std::string join(const std::vector<std::string>& values, std::string_view separator,
                 std::string_view (*words)(std::string_view) = nullptr) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) {
      out += separator;
    }
    out += words ? std::string(words(value)) : value;
  }
  return out;
}

std::string days_words(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

std::string review_words(const ReviewDue& review) {
  switch (review.status) {
    case ReviewDue::Status::overdue:
      return fmt::format("overdue by {}", days_words(-review.days));
    case ReviewDue::Status::due_soon:
    case ReviewDue::Status::ok: {
      std::string words =
          review.days == 0 ? std::string("due today") : fmt::format("due in {}", days_words(review.days));
      if (review.window_opens && review.next_due) {
        const int opens_in = review.days - util::days_between(*review.window_opens, *review.next_due);
        if (opens_in > 0) {
          words += fmt::format(" (the window opens in {})", days_words(opens_in));
        }
      }
      return words;
    }
    case ReviewDue::Status::unknown:
      return "no review and no start date";
  }
  return {};
}

std::string basis_words(const ReviewDue& review, const records::Config& config) {
  switch (review.basis) {
    case ReviewDue::Basis::recorded:
      return "as set at the last review";
    case ReviewDue::Basis::interval:
      return fmt::format("{} months after the last review", config.review_interval_months);
    case ReviewDue::Basis::first_review:
      return fmt::format("first review, {} to {} weeks after support started", config.first_review_min_weeks,
                         config.first_review_max_weeks);
    case ReviewDue::Basis::none:
      return "unknown";
  }
  return {};
}

std::string signed_number(int value) { return value > 0 ? fmt::format("+{}", value) : fmt::format("{}", value); }

std::string average_words(double value) {
  const double rounded = std::round(value * 100.0) / 100.0;
  return rounded > 0 ? fmt::format("+{:.2f}", rounded) : fmt::format("{:.2f}", rounded == 0 ? 0.0 : rounded);
}

std::string findings_words(const FindingCounts& findings) {
  return fmt::format("{} error{}, {} warning{}, {} info", findings.errors, findings.errors == 1 ? "" : "s",
                     findings.warnings, findings.warnings == 1 ? "" : "s", findings.infos);
}

std::string person_words(const std::string& id, const std::string& known_as) {
  return terminal_safe(known_as.empty() || known_as == id ? id : fmt::format("{} {}", id, known_as));
}

// ---------------------------------------------------------------------------------------------------------
// Terminal tables.

struct Paint {
  bool color = false;
  std::string operator()(std::string_view code, std::string_view text) const {
    return color && !code.empty() ? fmt::format("{}{}\x1b[0m", code, text) : std::string(text);
  }
};
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_red = "\x1b[1;31m";
constexpr std::string_view k_yellow = "\x1b[1;33m";

struct Cell {
  std::string text;
  std::string_view color = {};
};

// Columns aligned by character count, two spaces apart, no trailing spaces.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}

  void add(std::vector<Cell> row) { m_rows.push_back(std::move(row)); }
  bool empty() const { return m_rows.empty(); }

  std::string render(const Paint& paint, std::string_view indent = "  ") const {
    std::vector<std::size_t> widths(m_header.size(), 0);
    for (std::size_t c = 0; c < m_header.size(); ++c) {
      widths[c] = util::utf8_length(m_header[c]);
    }
    for (const auto& row : m_rows) {
      for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
        widths[c] = std::max(widths[c], util::utf8_length(terminal_safe(row[c].text)));
      }
    }
    std::string out;
    auto line = [&](const std::vector<Cell>& cells) {
      std::string text(indent);
      for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
        const std::string cell = terminal_safe(cells[c].text);
        text += paint(cells[c].color, cell);
        if (c + 1 < cells.size()) {
          text += std::string(widths[c] - util::utf8_length(cell) + 2, ' ');
        }
      }
      while (!text.empty() && text.back() == ' ') {
        text.pop_back();
      }
      out += text + "\n";
    };
    std::vector<Cell> header;
    for (const std::string& title : m_header) {
      header.push_back({title, {}});
    }
    line(header);
    for (const auto& row : m_rows) {
      line(row);
    }
    return out;
  }

 private:
  std::vector<std::string> m_header;
  std::vector<std::vector<Cell>> m_rows;
};

std::string dash(std::string text) { return text.empty() ? std::string("-") : text; }

std::string heading(const Paint& paint, std::string_view text) { return paint(k_bold, text) + "\n"; }

std::string_view review_color(ReviewDue::Status status) {
  return status == ReviewDue::Status::overdue    ? k_red
         : status == ReviewDue::Status::due_soon ? k_yellow
                                                 : std::string_view();
}

std::string importance_words(const AreaSummary& area) {
  if (area.importance.empty()) {
    return "-";
  }
  if (area.importance_said_by == "representative") {
    const std::string who =
        area.importance_representative_name.empty()
            ? area.importance_representative
            : fmt::format("{}, {}", area.importance_representative_name, area.importance_representative);
    return fmt::format("{} (said by representative {})", area.importance, who);
  }
  return fmt::format("{} (said by the {})", area.importance, dash(area.importance_said_by));
}

std::string status_counts_words(const StatusCounts& counts) {
  std::string out;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out += fmt::format("{}{} {}", i ? ", " : "", counts[i], status_words(k_outcome_statuses[i]));
  }
  return out;
}

std::string representatives_words(const VoiceSummary& voice) {
  std::vector<std::string> parts;
  for (const RepresentativeSummary& r : voice.representatives) {
    parts.push_back(r.name.empty() ? fmt::format("{} ({})", r.id, r.role)
                                   : fmt::format("{} ({}, {})", r.name, r.id, r.role));
  }
  return parts.empty() ? std::string("none") : terminal_safe(join(parts, "; "));
}

std::string evidence_words(const VoiceSummary& voice) {
  std::vector<std::string> parts;
  for (const auto& [kind, count] : voice.evidence) {
    parts.push_back(fmt::format("{} {}", count, kind));
  }
  return parts.empty() ? std::string("none") : join(parts, ", ");
}

std::string action_who(const ActionSummary& action) {
  return action.name.empty() ? std::string(actor_words(action.who))
                             : fmt::format("{} ({})", action.name, actor_words(action.who));
}

std::string render_person_table(const PersonSummary& p, const summary::Options& options, const Paint& paint) {
  const Redaction& r = p.redaction;
  std::string out;
  out += heading(paint, fmt::format("Wellbeing summary: {}", person_words(p.id, p.known_as)));
  out += fmt::format("File {}, as of {}{}\n", terminal_safe(p.file), util::format_date(options.as_of),
                     r.on ? " (redacted)" : "");
  out += fmt::format("Support started {}\n\n", dash(show_date(p.support_started, r)));

  out += heading(paint, "Voice");
  out += fmt::format("  {}; {}", voice_words(p.voice.voice), take_part_words(p.voice.can_take_part));
  out += p.voice.capacity_date ? fmt::format(" (recorded {})\n", show_date(p.voice.capacity_date, r)) : "\n";
  out += fmt::format("  accessible formats: {}\n", p.voice.formats.empty() ? "none" : join(p.voice.formats, ", "));
  out += fmt::format("  representatives: {}\n", representatives_words(p.voice));
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

  out += heading(
      paint, fmt::format("ONS4 personal wellbeing: {} measure{}", p.ons4.measures, p.ons4.measures == 1 ? "" : "s"));
  if (p.ons4.first) {
    TextTable ons4({"question", fmt::format("first {}", show_date(p.ons4.first->date, r)),
                    fmt::format("latest {}", show_date(p.ons4.latest->date, r)), "change"});
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      auto answer = [&](const Ons4Answers& a) {
        return a.answers[q] >= 0 ? std::to_string(a.answers[q]) : std::string("-");
      };
      ons4.add({{std::string(question_words(q))},
                {answer(*p.ons4.first)},
                {answer(*p.ons4.latest)},
                {p.ons4.change[q] ? signed_number(*p.ons4.change[q]) : std::string("-")}});
    }
    out += ons4.render(paint);
  }
  out += "\n";

  out += fmt::format("{} {}\n", paint(k_bold, "Conversations:"),
                     fmt::format("{} in all, {} from {} to {}; last {}", p.conversations, p.conversations_in_period,
                                 util::format_date(options.period.from), util::format_date(options.period.to),
                                 dash(show_date(p.last_conversation, r))));
  std::string safeguarding = fmt::format("{} open flag{}", p.safeguarding_open, p.safeguarding_open == 1 ? "" : "s");
  if (!p.safeguarding_types.empty()) {
    safeguarding += fmt::format(" ({})", join(p.safeguarding_types, ", "));
  }
  out += fmt::format("{} {}\n", paint(k_bold, "Safeguarding:"),
                     p.safeguarding_open > 0 ? paint(k_red, safeguarding) : safeguarding);
  out += fmt::format("{} {}\n", paint(k_bold, "Findings:"), findings_words(p.findings));
  return out;
}

std::string filter_words(const Filter& filter) {
  std::vector<std::string> parts;
  if (!filter.areas.empty()) {
    parts.push_back("areas " + join(filter.areas, ", "));
  }
  if (!filter.statuses.empty()) {
    parts.push_back("outcome statuses " + join(filter.statuses, ", "));
  }
  if (!filter.people.empty()) {
    parts.push_back("people " + join(filter.people, ", "));
  }
  return join(parts, "; ");
}

std::string render_folder_table(const FolderSummary& f, const std::string& title, const records::Config& config,
                                const Paint& paint) {
  const Redaction& r = f.redaction;
  std::string out;
  out += heading(paint, fmt::format("Wellbeing summary: {}", terminal_safe(title)));
  if (!config.provider_name.empty()) {
    out += fmt::format("Provider: {}\n", terminal_safe(config.provider_name));
  }
  out += fmt::format("As of {}; period {} to {}; due soon means within {} days{}\n", util::format_date(f.as_of),
                     util::format_date(f.period.from), util::format_date(f.period.to), f.within_days,
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

  const auto with_findings = std::count_if(f.files.begin(), f.files.end(), [](const FileStatus& s) {
    return !s.counted || s.errors + s.warnings + s.infos > 0;
  });
  out += heading(paint, fmt::format("Validation: {} of {} file{} left out", f.left_out, f.files.size(),
                                    f.files.size() == 1 ? "" : "s"));
  if (with_findings > 0) {
    TextTable files({"file", "person", "counted", "errors", "warnings", "infos", "first error"});
    for (const FileStatus& s : f.files) {
      if (s.counted && s.errors + s.warnings + s.infos == 0) {
        continue;
      }
      std::string first = "-";
      if (s.first_error) {
        const Diagnostic& d = *s.first_error;
        first = d.location.line > 0 ? fmt::format("{}:{}: ", d.location.line, d.location.column) : std::string();
        first += d.message.empty() ? fmt::format("[{}]", d.rule) : fmt::format("{} [{}]", d.message, d.rule);
      }
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
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown: tables that stay tables whatever the text holds.

// Free text as inline Markdown: on one line, with every character that could start markup, a link, raw
// HTML, an entity or a table cell escaped.
std::string md(std::string_view text) {
  std::string out;
  for (char c : terminal_safe(text)) {
    if (std::string_view("\\`*_[]<>|&~#!{}").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string md_or_dash(std::string_view text) { return text.empty() ? std::string("-") : md(text); }

class MdTable {
 public:
  explicit MdTable(std::vector<std::string> header) : m_header(std::move(header)) {}
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

  std::string render() const {
    auto line = [](const std::vector<std::string>& cells) {
      std::string text = "|";
      for (const std::string& cell : cells) {
        text += " " + cell + " |";
      }
      return text + "\n";
    };
    std::string out = line(m_header);
    out += "|";
    for (std::size_t i = 0; i < m_header.size(); ++i) {
      out += "---|";
    }
    out += "\n";
    for (const auto& row : m_rows) {
      out += line(row);
    }
    return out;
  }

 private:
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

std::string render_person_md(const PersonSummary& p, const summary::Options& options) {
  const Redaction& r = p.redaction;
  std::string out;
  out += fmt::format("# Wellbeing summary: {}\n\n", md(person_words(p.id, p.known_as)));
  out +=
      fmt::format("- File: {}\n- As of: {}{}\n- Support started: {}\n\n", md(p.file), util::format_date(options.as_of),
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
               dash(show_date(area.last_discussed, r)), md(importance_words(area)),
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

  out +=
      fmt::format("## ONS4 personal wellbeing\n\n{} measure{}.\n\n", p.ons4.measures, p.ons4.measures == 1 ? "" : "s");
  if (p.ons4.first) {
    MdTable ons4({"Question", fmt::format("First ({})", show_date(p.ons4.first->date, r)),
                  fmt::format("Latest ({})", show_date(p.ons4.latest->date, r)), "Change"});
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      auto answer = [&](const Ons4Answers& a) {
        return a.answers[q] >= 0 ? std::to_string(a.answers[q]) : std::string("-");
      };
      ons4.add({std::string(question_words(q)), answer(*p.ons4.first), answer(*p.ons4.latest),
                p.ons4.change[q] ? signed_number(*p.ons4.change[q]) : std::string("-")});
    }
    out += ons4.render() + "\n";
  }

  out += "## Other\n\n";
  out += fmt::format("- Conversations: {} in all, {} from {} to {}; last {}\n", p.conversations,
                     p.conversations_in_period, util::format_date(options.period.from),
                     util::format_date(options.period.to), dash(show_date(p.last_conversation, r)));
  out += fmt::format("- Safeguarding: {} open flag{}{}\n", p.safeguarding_open, p.safeguarding_open == 1 ? "" : "s",
                     p.safeguarding_types.empty() ? "" : fmt::format(" ({})", join(p.safeguarding_types, ", ")));
  out += fmt::format("- Findings: {}\n", findings_words(p.findings));
  return out;
}

std::string render_folder_md(const FolderSummary& f, const std::string& title, const records::Config& config) {
  const Redaction& r = f.redaction;
  std::string out;
  out += fmt::format("# Wellbeing summary: {}\n\n", md(title));
  if (!config.provider_name.empty()) {
    out += fmt::format("- Provider: {}\n", md(config.provider_name));
  }
  out += fmt::format("- As of: {}{}\n- Period: {} to {}\n- Due soon: within {} days\n", util::format_date(f.as_of),
                     r.on ? " (redacted)" : "", util::format_date(f.period.from), util::format_date(f.period.to),
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
  const auto with_findings = std::count_if(f.files.begin(), f.files.end(), [](const FileStatus& s) {
    return !s.counted || s.errors + s.warnings + s.infos > 0;
  });
  if (with_findings > 0) {
    MdTable files({"File", "Person", "Counted", "Errors", "Warnings", "Infos", "First error"});
    for (const FileStatus& s : f.files) {
      if (s.counted && s.errors + s.warnings + s.infos == 0) {
        continue;
      }
      std::string first = "-";
      if (s.first_error) {
        const Diagnostic& d = *s.first_error;
        first = d.location.line > 0 ? fmt::format("{}:{}: ", d.location.line, d.location.column) : std::string();
        first += d.message.empty() ? fmt::format("[{}]", d.rule) : fmt::format("{} [{}]", d.message, d.rule);
      }
      files.add({md(s.path), md_or_dash(s.person_id), s.counted ? "yes" : "no", std::to_string(s.errors),
                 std::to_string(s.warnings), std::to_string(s.infos), md(first)});
    }
    out += "\n" + files.render();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// JSON: the stable structure documented in README.md. Absent and redacted values are null.

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json date_json(const std::optional<util::Date>& date, const Redaction& redaction) {
  return date ? Json(show_date(date, redaction)) : Json(nullptr);
}

Json status_counts_json(const StatusCounts& counts) {
  Json out = Json::object();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out[std::string(k_outcome_statuses[i])] = counts[i];
  }
  return out;
}

Json action_json(const ActionSummary& a, const Redaction& r) {
  return {{"outcome", a.outcome_id},
          {"id", a.id},
          {"who", a.who},
          {"name", text_or_null(a.name)},
          {"what", text_or_null(a.what)},
          {"due", date_json(a.due, r)},
          {"done", date_json(a.done, r)},
          {"overdue", a.overdue},
          {"days_overdue", a.overdue ? Json(a.days_overdue) : Json(nullptr)}};
}

Json review_json(const ReviewDue& review, const Redaction& r) {
  Json last = nullptr;
  if (review.last_date) {
    last = {{"id", review.last_id}, {"type", text_or_null(review.last_type)}, {"date", date_json(review.last_date, r)}};
  }
  return {{"last", last},
          {"next_due", date_json(review.next_due, r)},
          {"window_opens", date_json(review.window_opens, r)},
          {"basis", to_string(review.basis)},
          {"status", to_string(review.status)},
          {"days", review.next_due ? Json(review.days) : Json(nullptr)}};
}

Json ons4_answers_json(const std::optional<Ons4Answers>& answers, const Redaction& r) {
  if (!answers) {
    return nullptr;
  }
  Json values = Json::object();
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    values[std::string(k_ons4_questions[q])] = answers->answers[q] >= 0 ? Json(answers->answers[q]) : Json(nullptr);
  }
  return {{"id", answers->measure_id}, {"date", date_json(answers->date, r)}, {"answers", values}};
}

Json pending_json(const PendingRequest& request, const Redaction& r) {
  return {{"id", request.id},
          {"date", date_json(request.date, r)},
          {"days_waiting", request.days_waiting},
          {"requested_by", text_or_null(request.requested_by)},
          {"sent_to", text_or_null(request.sent_to)},
          {"reference", text_or_null(request.reference)}};
}

Json findings_json(const FindingCounts& findings) {
  Json by_rule = Json::object();
  for (const auto& [rule, count] : findings.by_rule) {
    by_rule[rule] = count;
  }
  return {
      {"errors", findings.errors}, {"warnings", findings.warnings}, {"infos", findings.infos}, {"by_rule", by_rule}};
}

Json person_json(const PersonSummary& p) {
  const Redaction& r = p.redaction;
  Json representatives = Json::array();
  for (const RepresentativeSummary& rep : p.voice.representatives) {
    representatives.push_back({{"id", rep.id}, {"name", text_or_null(rep.name)}, {"role", text_or_null(rep.role)}});
  }
  Json evidence = Json::object();
  for (const auto& [kind, count] : p.voice.evidence) {
    evidence[kind] = count;
  }
  Json areas = Json::array();
  for (const AreaSummary& area : p.areas) {
    Json importance = nullptr;
    if (!area.importance.empty()) {
      importance = {{"level", area.importance},
                    {"said_by", text_or_null(area.importance_said_by)},
                    {"representative", text_or_null(area.importance_representative)},
                    {"representative_name", text_or_null(area.importance_representative_name)}};
    }
    areas.push_back({{"id", area.info->id},
                     {"letter", std::string(1, area.info->letter)},
                     {"title", area.info->title},
                     {"status", text_or_null(area.status)},
                     {"last_discussed", date_json(area.last_discussed, r)},
                     {"said", text_or_null(area.said)},
                     {"importance", importance},
                     {"open_outcomes", area.open_outcomes}});
  }
  Json outcomes = Json::array();
  for (const OutcomeSummary& o : p.outcomes) {
    Json actions = Json::array();
    for (const ActionSummary& a : o.actions) {
      Json action = action_json(a, r);
      action.erase("outcome");
      actions.push_back(std::move(action));
    }
    outcomes.push_back({{"id", o.id},
                        {"kind", text_or_null(o.kind)},
                        {"status", text_or_null(o.status)},
                        {"areas", o.areas},
                        {"said", text_or_null(o.said)},
                        {"opened", date_json(o.opened, r)},
                        {"met_on", date_json(o.met_on, r)},
                        {"who_acts", o.actors},
                        {"service_can_meet", o.service_can_meet},
                        {"review_request", text_or_null(o.review_request)},
                        {"actions", actions}});
  }
  Json overdue = Json::array();
  for (const ActionSummary& a : p.overdue_actions) {
    overdue.push_back(action_json(a, r));
  }
  Json change = nullptr;
  if (p.ons4.measures >= 2) {
    change = Json::object();
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      change[std::string(k_ons4_questions[q])] = p.ons4.change[q] ? Json(*p.ons4.change[q]) : Json(nullptr);
    }
  }
  Json pending = Json::array();
  for (const PendingRequest& request : p.pending_requests) {
    pending.push_back(pending_json(request, r));
  }
  std::size_t outcomes_total = 0;
  for (std::size_t count : p.outcomes_by_status) {
    outcomes_total += count;
  }
  return {{"id", p.id},
          {"known_as", text_or_null(p.known_as)},
          {"support_started", date_json(p.support_started, r)},
          {"voice",
           {{"voice", text_or_null(p.voice.voice)},
            {"can_take_part", text_or_null(p.voice.can_take_part)},
            {"capacity_date", date_json(p.voice.capacity_date, r)},
            {"formats", p.voice.formats},
            {"representatives", representatives},
            {"evidence", evidence}}},
          {"areas", areas},
          {"outcomes",
           {{"total", outcomes_total}, {"by_status", status_counts_json(p.outcomes_by_status)}, {"items", outcomes}}},
          {"overdue_actions", overdue},
          {"review", review_json(p.review, r)},
          {"ons4",
           {{"measures", p.ons4.measures},
            {"first", ons4_answers_json(p.ons4.first, r)},
            {"latest", ons4_answers_json(p.ons4.latest, r)},
            {"change", change}}},
          {"review_requests_pending", pending},
          {"safeguarding",
           {{"open", p.safeguarding_open},
            {"types", r.on && !r.safeguarding ? Json(nullptr) : Json(p.safeguarding_types)}}},
          {"conversations",
           {{"total", p.conversations},
            {"in_period", p.conversations_in_period},
            {"last", date_json(p.last_conversation, r)}}}};
}

Json header_json(std::string_view kind, const summary::Options& options) {
  return {{"version", 1},
          {"kind", kind},
          {"as_of", util::format_date(options.as_of)},
          {"period", {{"from", util::format_date(options.period.from)}, {"to", util::format_date(options.period.to)}}},
          {"within_days", options.within_days},
          {"redacted", options.redaction.on},
          {"provider", text_or_null(options.config.provider_name)}};
}

Json first_error_json(const std::optional<Diagnostic>& first) {
  if (!first) {
    return nullptr;
  }
  return {{"line", first->location.line},
          {"column", first->location.column},
          {"rule", first->rule},
          {"message", text_or_null(first->message)}};
}

std::string render_person_json(const SummarisedFile& file, const summary::Options& options) {
  Json root = header_json("person", options);
  root["file"] = file.path;
  root["counted"] = file.person.has_value();
  const FindingCounts findings = count_findings(file.diagnostics);
  root["findings"] = findings_json(findings);
  std::optional<Diagnostic> first;
  for (const Diagnostic& d : file.diagnostics) {
    if (d.severity == Severity::error) {
      first = d;
      if (options.redaction.on) {
        first->message.clear();
      }
      break;
    }
  }
  root["first_error"] = first_error_json(first);
  root["person"] = file.person ? person_json(*file.person) : Json(nullptr);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_folder_json(const FolderSummary& f, const summary::Options& options) {
  const Redaction& r = f.redaction;
  Json root = header_json("folder", options);
  root["filters"] = {{"areas", f.filter.areas}, {"statuses", f.filter.statuses}, {"people", f.filter.people}};

  Json files = Json::array();
  for (const FileStatus& s : f.files) {
    files.push_back({{"path", s.path},
                     {"person", text_or_null(s.person_id)},
                     {"readable", s.readable},
                     {"counted", s.counted},
                     {"errors", s.errors},
                     {"warnings", s.warnings},
                     {"infos", s.infos},
                     {"first_error", first_error_json(s.first_error)}});
  }
  root["files"] = {{"total", f.files.size()}, {"counted", f.people.size()}, {"left_out", f.left_out}, {"items", files}};

  Json people = Json::array();
  for (const PersonSummary& p : f.people) {
    people.push_back({{"id", p.id}, {"known_as", text_or_null(p.known_as)}, {"file", p.file}});
  }
  root["people"] = people;

  auto review_entries = [&](const std::vector<ReviewEntry>& entries) {
    Json list = Json::array();
    for (const ReviewEntry& e : entries) {
      list.push_back({{"person", e.person.id},
                      {"known_as", text_or_null(e.person.known_as)},
                      {"last", date_json(e.review.last_date, r)},
                      {"next_due", date_json(e.review.next_due, r)},
                      {"basis", to_string(e.review.basis)},
                      {"days", e.review.days}});
    }
    return list;
  };
  Json unknown = Json::array();
  for (const PersonRef& person : f.reviews_unknown) {
    unknown.push_back({{"person", person.id}, {"known_as", text_or_null(person.known_as)}});
  }
  root["reviews"] = {{"overdue", review_entries(f.reviews_overdue)},
                     {"due_soon", review_entries(f.reviews_due_soon)},
                     {"unknown", unknown}};

  Json by_area = Json::array();
  for (const AreaOutcomes& area : f.outcomes_by_area) {
    by_area.push_back({{"area", area.info->id},
                       {"title", area.info->title},
                       {"total", area.total},
                       {"by_status", status_counts_json(area.by_status)}});
  }
  root["outcomes"] = {{"total", f.outcomes},
                      {"by_status", status_counts_json(f.outcomes_by_status)},
                      {"by_area", by_area},
                      {"overdue_actions", f.overdue_actions}};

  Json met = Json::array();
  for (const MetOutcome& m : f.met_in_period) {
    met.push_back({{"person", m.person.id},
                   {"known_as", text_or_null(m.person.known_as)},
                   {"outcome", m.outcome_id},
                   {"met_on", show_date(m.met_on, r)},
                   {"who_acts", m.actors}});
  }
  Json acted = Json::object();
  for (std::size_t i = 0; i < k_actors.size(); ++i) {
    acted[std::string(k_actors[i])] = f.who_acted[i];
  }
  root["met_in_period"] = {{"count", f.met_in_period.size()}, {"who_acted", acted}, {"items", met}};

  Json pending = Json::array();
  for (const PendingEntry& p : f.pending_requests) {
    Json item = pending_json(p.request, r);
    Json entry = {{"person", p.person.id}, {"known_as", text_or_null(p.person.known_as)}};
    entry.update(item);
    pending.push_back(std::move(entry));
  }
  root["review_requests_pending"] = pending;

  Json by_type = Json::object();
  for (const auto& [type, count] : f.safeguarding_by_type) {
    by_type[type] = count;
  }
  root["safeguarding"] = {{"open", f.safeguarding_open},
                          {"people", f.safeguarding_people},
                          {"by_type", r.on && !r.safeguarding ? Json(nullptr) : by_type}};

  Json ons4 = Json::object();
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    const Ons4Change& change = f.ons4[q];
    ons4[std::string(k_ons4_questions[q])] = {
        {"people", change.people},
        {"average_change", change.people ? Json(std::round(change.average * 100.0) / 100.0) : Json(nullptr)}};
  }
  root["ons4"] = ons4;

  Json quiet = Json::array();
  for (const QuietPerson& q : f.no_conversation) {
    quiet.push_back({{"person", q.person.id},
                     {"known_as", text_or_null(q.person.known_as)},
                     {"last_conversation", date_json(q.last_conversation, r)}});
  }
  root["no_conversation_in_period"] = quiet;
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---------------------------------------------------------------------------------------------------------
// CSV.

std::string render_csv(std::span<const PersonSummary> people, RowKind kind) {
  const Rows rows = make_rows(people, kind);
  std::string out = csv_record(rows.header);
  for (const auto& row : rows.rows) {
    out += csv_record(row);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The command.

util::Date parse_date_option(std::string_view option, const std::string& text) {
  auto date = util::parse_date(text);
  if (!date) {
    throw InputError(fmt::format("{}: '{}' is not a date (write YYYY-MM-DD)", option, text));
  }
  return *date;
}

template <std::size_t N>
std::string choices(const std::array<std::string_view, N>& values) {
  std::string out;
  for (std::string_view value : values) {
    out += out.empty() ? "" : ", ";
    out += value;
  }
  return out;
}

std::vector<std::string> area_ids(const std::vector<std::string>& given) {
  std::vector<std::string> ids;
  for (const std::string& text : given) {
    const records::AreaInfo* area = records::find_area(text);
    if (!area) {
      std::vector<std::string_view> names;
      for (const records::AreaInfo& info : records::k_areas) {
        names.push_back(info.id);
      }
      const std::string best = util::closest_match(text, names);
      throw InputError(fmt::format("--area: unknown area '{}'{}; the areas are {} (or the letters a to i)", text,
                                   best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best),
                                   join(std::vector<std::string>(names.begin(), names.end()), ", ")));
    }
    if (std::find(ids.begin(), ids.end(), area->id) == ids.end()) {
      ids.emplace_back(area->id);
    }
  }
  return ids;
}

std::vector<std::string> statuses(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const std::string& text : given) {
    if (!status_index(text)) {
      const std::string best = util::closest_match(text, k_outcome_statuses);
      throw InputError(fmt::format("--status: unknown outcome status '{}'{}; the statuses are {}", text,
                                   best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best),
                                   choices(k_outcome_statuses)));
    }
    if (std::find(out.begin(), out.end(), text) == out.end()) {
      out.push_back(text);
    }
  }
  return out;
}

// The settings that govern every path: one records folder per summary, so the same rules apply to all.
records::Config load_folder_config(const std::vector<std::string>& paths) {
  std::optional<fs::path> found;
  bool first = true;
  for (const std::string& path : paths) {
    const std::optional<fs::path> config = records::find_config(path == "-" ? fs::path(".") : fs::path(path));
    if (first) {
      found = config;
      first = false;
    } else if (config != found) {
      throw InputError(
          fmt::format("the paths belong to different records folders ({} and {}); summarise one folder "
                      "at a time",
                      found ? found->generic_string() : "no wellbeing.yaml",
                      config ? config->generic_string() : "no wellbeing.yaml"));
    }
  }
  if (!found) {
    return records::Config{};
  }
  auto loaded = records::load_config(*found);
  if (!loaded) {
    const Diagnostic& d = loaded.error().front();
    throw InputError(fmt::format("the settings file {} is not valid: {}:{}:{}: {}", found->generic_string(),
                                 d.location.file, d.location.line, d.location.column, d.message));
  }
  return std::move(loaded).value();
}

// The files to read, each once (a file named twice, or inside a folder also named, would count twice).
std::vector<std::string> unique_files(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  std::set<fs::path> seen;
  for (const std::string& file : files) {
    std::error_code ec;
    const fs::path key = file == "-" ? fs::path("-") : fs::weakly_canonical(file, ec);
    if (seen.insert(ec ? fs::path(file) : key).second) {
      out.push_back(file);
    }
  }
  return out;
}

// "wellbeing: left out FILE: 2 errors, first: MESSAGE", on one line whatever the message holds.
void note_left_out(const FileStatus& status) {
  std::string text = status.readable ? fmt::format("left out {}: {} error{}", status.path, status.errors,
                                                   status.errors == 1 ? "" : "s")
                                     : fmt::format("left out {}: cannot be read", status.path);
  if (status.first_error && !status.first_error->message.empty()) {
    text += fmt::format(", first: {}", status.first_error->message);
  }
  write_out(stderr, "wellbeing: " + terminal_safe(text) + "\n");
}

int run(const Options& cli, const GlobalOptions& global) {
  if (!cli.rows.empty() && cli.format != Format::csv) {
    throw InputError("--rows goes with --format csv");
  }
  const std::vector<std::string> paths = cli.paths.empty() ? std::vector<std::string>{"."} : cli.paths;
  if (std::count(paths.begin(), paths.end(), "-") > 1) {
    throw InputError("standard input ('-') can be named only once");
  }
  std::vector<std::string> found;
  for (const std::string& path : paths) {
    const validation::Inputs inputs = validation::collect_inputs({path});
    if (!inputs.problems.empty()) {
      const Diagnostic& d = inputs.problems.front();
      throw InputError(fmt::format("{}: {}", d.location.file, d.message));
    }
    std::error_code ec;
    const bool folder = fs::is_directory(path, ec);
    for (const std::string& file : inputs.files) {
      // A folder's settings file is not a record; named on its own it is read as one (and found invalid).
      if (!folder || fs::path(file).filename() != records::k_config_file_name) {
        found.push_back(file);
      }
    }
  }
  const std::vector<std::string> files = unique_files(found);
  std::error_code ec;
  const bool one_person = paths.size() == 1 && (paths[0] == "-" || !fs::is_directory(paths[0], ec));

  const records::Config config = load_folder_config(paths);
  summary::Options options =
      default_options(config, cli.as_of.empty() ? util::today() : parse_date_option("--as-of", cli.as_of));
  if (cli.within >= 0) {
    options.within_days = cli.within;
  }
  if (!cli.to.empty()) {
    options.period.to = parse_date_option("--to", cli.to);
    if (cli.from.empty()) {
      options.period.from = util::add_days(util::add_months(options.period.to, -12), 1);
    }
  }
  if (!cli.from.empty()) {
    options.period.from = parse_date_option("--from", cli.from);
  }
  if (options.period.to < options.period.from) {
    throw InputError(fmt::format("the period ends ({}) before it starts ({})", util::format_date(options.period.to),
                                 util::format_date(options.period.from)));
  }
  options.filter.areas = area_ids(cli.areas);
  options.filter.statuses = statuses(cli.statuses);
  options.filter.people = cli.people;
  const bool redact = cli.redact || (!cli.no_redact && config.redact_by_default);
  if (redact) {
    options.redaction = Redaction::keeping(config.redaction_keep);
  }
  // Tables for reading shorten the person's words; data for other programs keeps them whole.
  options.said_width = cli.format == Format::table || cli.format == Format::md ? 60 : 0;
  const RowKind rows = cli.rows == "outcomes"  ? RowKind::outcomes
                       : cli.rows == "actions" ? RowKind::actions
                       : cli.rows == "reviews" ? RowKind::reviews
                                               : RowKind::people;

  std::vector<SummarisedFile> summarised = summarise_files(files, options, cli.jobs);
  const bool unreadable =
      std::any_of(summarised.begin(), summarised.end(), [](const SummarisedFile& f) { return !f.readable; });
  const Paint paint{use_color(global.color, stdout)};
  std::size_t left_out = 0;
  std::size_t counted = 0;

  if (one_person && summarised.size() == 1) {
    const SummarisedFile& file = summarised.front();
    if (!file.person) {
      // Show why, in full: this is the one file the user asked about (but not its lines, which hold what
      // was written, in a redacted run).
      const std::string_view source = file.source ? std::string_view(*file.source) : std::string_view();
      for (const Diagnostic& d : file.diagnostics) {
        if (d.severity == Severity::error && !options.redaction.on) {
          write_out(stderr, format_diagnostic_text(d, source, use_color(global.color, stderr)));
        }
      }
      const FindingCounts counts = count_findings(file.diagnostics);
      note_left_out(FileStatus{file.path, file.person_id, file.readable, false, counts.errors, counts.warnings,
                               counts.infos, std::nullopt});  // the errors themselves are shown above
      left_out = 1;
    } else {
      counted = 1;
    }
    std::span<const PersonSummary> people;
    if (file.person) {
      people = std::span<const PersonSummary>(&*file.person, 1);
    }
    switch (cli.format) {
      case Format::table:
        if (file.person) {
          write_out(stdout, render_person_table(*file.person, options, paint));
        }
        break;
      case Format::md:
        if (file.person) {
          write_out(stdout, render_person_md(*file.person, options));
        }
        break;
      case Format::json:
        write_out(stdout, render_person_json(file, options));
        break;
      case Format::csv:
        write_out(stdout, render_csv(people, rows));
        break;
    }
  } else {
    const FolderSummary folder = summarise_folder(std::move(summarised), options);
    for (const FileStatus& status : folder.files) {
      if (!status.counted) {
        note_left_out(status);
      }
    }
    left_out = folder.left_out;
    counted = folder.people.size();
    const std::string title = fmt::format("{} ({} {})", join(paths, ", "), folder.people.size(),
                                          folder.people.size() == 1 ? "person" : "people");
    for (const std::string& person : options.filter.people) {
      if (std::none_of(folder.people.begin(), folder.people.end(),
                       [&](const PersonSummary& p) { return p.id == person; })) {
        write_out(stderr, fmt::format("wellbeing: note: no valid record for person {}\n", person));
      }
    }
    switch (cli.format) {
      case Format::table:
        write_out(stdout, render_folder_table(folder, title, config, paint));
        break;
      case Format::md:
        write_out(stdout, render_folder_md(folder, title, config));
        break;
      case Format::json:
        write_out(stdout, render_folder_json(folder, options));
        break;
      case Format::csv:
        write_out(stdout, render_csv(folder.people, rows));
        break;
    }
  }
  if (unreadable) {
    return k_exit_usage;
  }
  // Files left out are reported, and the summary of the rest stands; but a summary of nothing is a failure.
  return left_out > 0 && (cli.strict || counted == 0) ? k_exit_findings : k_exit_ok;
}

}  // namespace

Command register_summary(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("summary", "Summarise one person's record, or a whole folder of records");
  sub->add_option("paths", options->paths,
                  "A record file (one person), or folders and files (a folder summary); - for standard input; "
                  "default: the current folder");
  sub->add_option("--as-of", options->as_of, "The date taken as today (YYYY-MM-DD; default: today)")
      ->option_text("DATE");
  sub->add_option("--within", options->within,
                  "A review due within this many days is due soon (default: reviews.due_soon_days, 28)")
      ->check(CLI::Range(0, 3650))
      ->option_text("DAYS");
  sub->add_option("--from", options->from,
                  "Start of the period for outcomes met and conversations held "
                  "(default: 12 months before --to)")
      ->option_text("DATE");
  sub->add_option("--to", options->to, "End of the period (default: the --as-of date)")->option_text("DATE");
  sub->add_option("--area", options->areas,
                  "Only outcomes naming this area, and only this area shown "
                  "(an id such as health, or a letter a-i; repeat or separate by commas)")
      ->delimiter(',')
      ->option_text("AREA");
  sub->add_option("--status", options->statuses,
                  "Only outcomes with this status: open, in_progress, met, not_met, withdrawn (repeatable)")
      ->delimiter(',')
      ->option_text("STATUS");
  sub->add_option("--person", options->people, "Only this person (their id, such as p-0001; repeatable)")
      ->delimiter(',')
      ->option_text("ID");
  const std::map<std::string, Format> formats{
      {"table", Format::table}, {"md", Format::md}, {"json", Format::json}, {"csv", Format::csv}};
  sub->add_option("--format", options->format, "Output format: table (default), md, json, csv")
      ->transform(choice(formats))
      ->option_text("FORMAT");
  sub->add_option("--rows", options->rows,
                  "With --format csv, one row per: people (default), outcomes, actions, "
                  "reviews")
      ->check(one_of({"people", "outcomes", "actions", "reviews"}))
      ->option_text("ROWS");
  auto* redact = sub->add_flag("--redact", options->redact,
                               "For sharing outside the provider: names replaced by ids, free text left out, counts "
                               "kept (what redaction.keep in wellbeing.yaml lists is kept)");
  auto* no_redact = sub->add_flag("--no-redact", options->no_redact,
                                  "Not redacted, even when wellbeing.yaml's "
                                  "redaction.default is true");
  redact->excludes(no_redact);
  sub->add_flag("--strict", options->strict, "Exit 1 when any file was left out as invalid (for CI)");
  sub->add_option("-j,--jobs", options->jobs, "Files read at once (default: one per core)")
      ->check(CLI::Range(0U, 256U))
      ->option_text("N");
  sub->footer(
      "One file gives that person's summary; a folder, or several files, the folder's. Invalid records are "
      "reported on standard error and left out of every count.\nExit status: 0 when there is a summary (files left "
      "out are reported, not failed), 1 when every file was left out, or any with --strict, 2 on a usage error "
      "or an unreadable path.");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
