#include "wellbeing/summary/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/records/measures.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/validation/settings.hpp"

namespace wellbeing::summary {

namespace {

namespace fs = std::filesystem;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// One record content (git blob), parsed and checked once.
struct Parsed {
  std::optional<document::Document> document;  // set only when the record is valid
  std::optional<records::Record> record;       // the view of `document`
  std::string person_id;
};

// The repository holding `folder` and the folder's path inside it ('/'-separated, "" for its top).
struct Located {
  history::Repository repository;
  std::string inside;
};

util::Expected<Located, util::Failure> locate(const fs::path& folder) {
  auto repository = history::Repository::discover(folder);
  if (!repository) {
    return util::unexpected(repository.error());
  }
  auto inside = repository->relative_path(folder);
  if (!inside) {
    return util::unexpected(inside.error());
  }
  std::string path = *inside == "." ? std::string() : std::move(inside).value();
  return Located{std::move(repository).value(), std::move(path)};
}

util::Date commit_date(const history::Repository& repository, const std::string& id) {
  const history::Signature who = repository.commit(id).committer;
  const std::int64_t local = who.time + static_cast<std::int64_t>(who.offset_minutes) * 60;
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return util::Date{std::chrono::sys_days{std::chrono::days{days}}};
}

// When the review `review` of `record` was due: set by the review before it, or the first-review window.
std::optional<util::Date> due_before(const records::Record& record, const records::Review& review,
                                     const records::Config& config) {
  const records::Review* before = nullptr;
  for (const records::Review& other : record.reviews) {
    if (&other != &review && other.date && *other.date < *review.date && (!before || *before->date < *other.date)) {
      before = &other;
    }
  }
  if (before) {
    return before->next_review_due ? *before->next_review_due
                                   : util::add_months(*before->date, config.review_interval_months);
  }
  if (record.person.support_started) {
    return util::add_days(*record.person.support_started, 7 * config.first_review_max_weeks);
  }
  return std::nullopt;
}

using NotMet = std::set<std::pair<std::string, std::string>>;  // (person id, outcome id)

// The column's figures from the records of one commit; `not_met_before` holds the outcomes not met at the
// end of the period before, and becomes this period's.
void count(PeriodColumn& column, const std::vector<const Parsed*>& files, const records::Config& config,
           NotMet& not_met_before) {
  NotMet not_met_now;
  std::set<std::string> seen;
  for (const Parsed* parsed : files) {
    if (!parsed->record) {
      ++column.left_out;
      continue;
    }
    if (!seen.insert(parsed->person_id).second) {
      ++column.left_out;  // a second file for one person is not counted twice
      continue;
    }
    const records::Record& record = *parsed->record;
    const Period& period = column.period;
    ++column.people;
    for (const records::Area& area : record.areas) {
      column.areas_unexplored += area.status != "explored";
    }
    for (const records::Conversation& c : record.conversations) {
      column.conversations += c.date && period.contains(*c.date);
    }
    for (const records::Outcome& o : record.outcomes) {
      column.outcomes_opened += o.opened && period.contains(*o.opened);
      column.outcomes_met += o.status == "met" && o.met_on && period.contains(*o.met_on);
      if (o.status == "not_met") {
        std::pair<std::string, std::string> key{parsed->person_id, std::string(o.id)};
        column.outcomes_not_met += !not_met_before.contains(key);
        not_met_now.insert(std::move(key));
      }
    }
    for (const records::Review& review : record.reviews) {
      if (!review.date || !period.contains(*review.date)) {
        continue;
      }
      const std::optional<util::Date> due = due_before(record, review, config);
      if (!due || !(*due < *review.date)) {
        ++column.reviews_on_time;
      } else {
        ++column.reviews_late;
      }
    }
    for (const records::ReviewRequest& request : record.review_requests) {
      column.review_requests_outstanding += request.status == "pending";
    }
    for (const records::SafeguardingFlag& flag : record.safeguarding) {
      column.safeguarding_open += flag.status == "open";
    }
    const records::MeasureTrends trends = records::measure_trends(record);
    bool measured = false;
    for (std::size_t q = 0; q < trends.questions.size(); ++q) {
      if (const auto& change = trends.questions[q].since_first) {
        measured = true;
        PeriodColumn::Moves& moves = column.moves[q];
        ++(change->direction == records::Direction::better ? moves.better
           : change->direction == records::Direction::worse ? moves.worse
                                                             : moves.same);
      }
    }
    column.measured += measured;
  }
  not_met_before = std::move(not_met_now);
}

}  // namespace

std::string_view to_string(Interval interval) {
  switch (interval) {
    case Interval::monthly:
      return "monthly";
    case Interval::quarterly:
      return "quarterly";
    case Interval::yearly:
      return "yearly";
  }
  return "";
}

std::vector<PeriodFigure> period_figures(const PeriodColumn& c) {
  std::vector<PeriodFigure> out{
      {"people", "People supported", c.people, 0},
      {"conversations", "Conversations held", c.conversations, 0},
      {"outcomes_opened", "Outcomes opened", c.outcomes_opened, 0},
      {"outcomes_met", "Outcomes met", c.outcomes_met, 0},
      {"outcomes_not_met", "Outcomes not met", c.outcomes_not_met, 0},
      {"reviews_on_time", "Reviews held on time", c.reviews_on_time, 0},
      {"reviews_late", "Reviews held late", c.reviews_late, 0},
      {"review_requests_outstanding", "Review requests outstanding", c.review_requests_outstanding, 0},
      {"safeguarding_open", "Open safeguarding flags", c.safeguarding_open, 0},
      {"areas_unexplored", "Areas still unexplored", c.areas_unexplored, 0},
      {"measured", "People measured twice or more, latest answer against first", c.measured, 0},
  };
  for (std::size_t q = 0; q < records::k_measure_questions.size(); ++q) {
    const records::MeasureQuestion& question = records::k_measure_questions[q];
    const PeriodColumn::Moves& m = c.moves[q];
    const std::size_t of = m.better + m.same + m.worse;
    for (const auto& [suffix, words, value] : {std::tuple{"better", "better", m.better},
                                               std::tuple{"same", "about the same", m.same},
                                               std::tuple{"worse", "worse", m.worse}}) {
      out.push_back({fmt::format("{}_{}", question.key, suffix),
                     fmt::format("{}: {}", question.label, words), value, of});
    }
  }
  return out;
}

std::vector<PeriodColumn> split_periods(Interval interval, Period span) {
  std::vector<PeriodColumn> out;
  const int step = interval == Interval::monthly ? 1 : interval == Interval::quarterly ? 3 : 12;
  const unsigned first_month = static_cast<unsigned>(span.from.month());
  const unsigned start_month = interval == Interval::yearly ? 1 : (first_month - 1) / step * step + 1;
  util::Date start{span.from.year(), month{start_month}, day{1}};
  while (!(span.to < start)) {
    const util::Date next = util::add_months(start, step);
    PeriodColumn column;
    const int y = static_cast<int>(start.year());
    const unsigned m = static_cast<unsigned>(start.month());
    column.label = interval == Interval::monthly     ? fmt::format("{}-{:02}", y, m)
                   : interval == Interval::quarterly ? fmt::format("{}-Q{}", y, (m - 1) / 3 + 1)
                                                     : fmt::format("{}", y);
    column.period.from = start < span.from ? span.from : start;
    const util::Date end = util::add_days(next, -1);
    column.period.to = span.to < end ? span.to : end;
    out.push_back(std::move(column));
    start = next;
  }
  return out;
}

util::Expected<std::optional<util::Date>, util::Failure> first_record_date(const fs::path& folder) {
  auto located = locate(folder);
  if (!located) {
    return util::unexpected(located.error());
  }
  history::Repository* const repository = &located->repository;
  const std::string* const inside = &located->inside;
  const std::vector<std::string> chain = repository->first_parents();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!repository->yaml_files(*it, *inside).empty()) {
      return std::optional<util::Date>(commit_date(*repository, *it));
    }
  }
  return std::optional<util::Date>();
}

util::Expected<PeriodSummary, util::Failure> summarise_periods(const fs::path& folder, Interval interval,
                                                             Period span, const records::Config& config) {
  auto located = locate(folder);
  if (!located) {
    return util::unexpected(located.error());
  }
  history::Repository* const repository = &located->repository;
  const std::string* const inside = &located->inside;
  PeriodSummary summary;
  summary.interval = interval;
  summary.span = span;
  summary.folder = folder.generic_string();
  summary.columns = split_periods(interval, span);

  // The folder's settings as the commit holds them: the nearest wellbeing.yaml in the folder or above it,
  // as find_config looks in the working tree; the defaults when there was none then. Settings that
  // `validate` would refuse at that commit (not valid, or a protected rule turned off) give way to today's
  // (`config`), which it has checked.
  std::map<std::string, std::unique_ptr<records::Config>> settings_by_text;  // by the file's text
  std::unique_ptr<records::Config> no_settings;                             // when there was no file
  const auto settings_at = [&](const std::string& commit) -> const records::Config& {
    std::string folder_in = *inside;
    while (true) {
      const std::string path = folder_in.empty() ? std::string(records::k_config_file_name)
                                                 : fmt::format("{}/{}", folder_in, records::k_config_file_name);
      if (auto text = repository->read_file(commit, path)) {
        auto [it, inserted] = settings_by_text.try_emplace(*text);
        if (inserted) {
          auto read = validation::read_settings(std::move(*text), path);
          it->second = std::make_unique<records::Config>(read ? std::move(read).value() : config);
        }
        return *it->second;
      }
      if (folder_in.empty()) {
        break;
      }
      const std::size_t slash = folder_in.rfind('/');
      folder_in.resize(slash == std::string::npos ? 0 : slash);
    }
    if (!no_settings) {
      no_settings = std::make_unique<records::Config>();
    }
    return *no_settings;
  };

  // Every content read, by its blob id and the settings it was checked with.
  std::map<std::pair<std::string, const records::Config*>, std::unique_ptr<Parsed>> by_blob;
  const auto parsed_at = [&](const std::string& commit, util::Date as_of, const records::Config& settings) {
    std::vector<const Parsed*> files;
    if (commit.empty()) {
      return files;
    }
    for (const history::Repository::TreeFile& file : repository->yaml_files(commit, *inside)) {
      if (fs::path(file.path).filename() == records::k_config_file_name) {
        continue;
      }
      auto [it, inserted] = by_blob.try_emplace(std::pair(file.blob, &settings));
      if (inserted) {
        it->second = std::make_unique<Parsed>();
        if (auto text = repository->read_blob(file.blob)) {
          auto parsed = document::parse(std::move(*text), file.path);
          if (parsed) {
            const Diagnostics diagnostics =
                validation::check_record(*parsed, records::CheckOptions{settings, as_of});
            if (!has_errors(diagnostics)) {
              it->second->document.emplace(std::move(parsed).value());
              it->second->record.emplace(records::read_record(it->second->document->root));
              it->second->person_id = std::string(it->second->record->person.id);
            }
          }
        }
      }
      files.push_back(it->second.get());
    }
    return files;
  };

  NotMet not_met;
  if (!summary.columns.empty()) {
    // What was not met already before the first period does not count as not met in it.
    const util::Date before = util::add_days(summary.columns.front().period.from, -1);
    PeriodColumn scratch;
    scratch.period = {before, before};
    const std::string commit = repository->last_commit_on(before).value_or("");
    const records::Config& settings = commit.empty() ? config : settings_at(commit);
    count(scratch, parsed_at(commit, before, settings), settings, not_met);
  }
  for (PeriodColumn& column : summary.columns) {
    column.commit = repository->last_commit_on(column.period.to).value_or("");
    const records::Config& settings = column.commit.empty() ? config : settings_at(column.commit);
    count(column, parsed_at(column.commit, column.period.to, settings), settings, not_met);
  }
  return summary;
}

}  // namespace wellbeing::summary
