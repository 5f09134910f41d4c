#include "wellbeing/summary/folder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/validation/batch.hpp"

namespace wellbeing::summary {

namespace {

struct Checked {
  std::string person_id;
  std::optional<PersonSummary> person;
};

PersonRef ref_of(const PersonSummary& person) { return {person.id, person.known_as, person.file}; }

bool contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

util::Expected<std::vector<std::string>, util::Failure> collect_files(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::set<fs::path> seen;
  std::size_t not_records = 0;
  for (const std::string& path : paths) {
    const validation::Inputs inputs = validation::collect_inputs({path});
    not_records += inputs.not_records;
    if (!inputs.problems.empty()) {
      const Diagnostic& d = inputs.problems.front();
      return util::unexpected(fmt::format("{}: {}", d.location.file, d.message));
    }
    std::error_code ec;
    const bool folder = fs::is_directory(path, ec);
    for (const std::string& file : inputs.files) {
      // A folder's settings file is not a record; named on its own it is read as one (and found invalid).
      if (folder && fs::path(file).filename() == records::k_config_file_name) {
        continue;
      }
      std::error_code canonical_ec;
      const fs::path key = file == "-" ? fs::path("-") : fs::weakly_canonical(file, canonical_ec);
      if (seen.insert(canonical_ec ? fs::path(file) : key).second) {
        out.push_back(file);
      }
    }
  }
  if (out.empty()) {
    return util::unexpected(validation::no_records_message(paths, not_records));
  }
  return out;
}

std::vector<SummarisedFile> summarise_files(const std::vector<std::string>& files, const Options& options,
                                            unsigned jobs) {
  // check_files runs the check on its threads; each document's summary waits by its path until its result
  // comes back. Only one file's text is kept (to show its lines): a folder keeps only what it counts.
  std::mutex mutex;
  std::map<std::string, Checked> checked;
  const records::CheckOptions check_options{options.config, options.as_of};
  const bool keep_source = files.size() == 1;
  std::vector<SummarisedFile> out;
  out.reserve(files.size());
  validation::check_files(
      files,
      [&](const document::Document& document) {
        Diagnostics diagnostics = validation::check_record(document, check_options);
        const records::Record record = records::read_record(document.root);
        Checked result{std::string(record.person.id), std::nullopt};
        if (!has_errors(diagnostics)) {
          result.person = summarise_person(document.root, diagnostics, document.path, options);
        }
        const std::lock_guard lock(mutex);
        checked.insert_or_assign(document.path, std::move(result));
        return diagnostics;
      },
      jobs,
      [&](validation::FileResult&& result) {
        SummarisedFile file;
        file.path = std::move(result.path);
        if (keep_source) {
          file.source = std::move(result.source);
        }
        file.readable = result.readable;
        file.diagnostics = std::move(result.diagnostics);
        const std::lock_guard lock(mutex);
        if (auto it = checked.find(file.path); it != checked.end()) {
          file.person_id = std::move(it->second.person_id);
          // The check's diagnostics are what decided validity; a parse failure never reaches the check.
          if (!has_errors(file.diagnostics)) {
            file.person = std::move(it->second.person);
          }
          checked.erase(it);
        }
        out.push_back(std::move(file));
      });
  return out;
}

FolderSummary summarise_folder(std::vector<SummarisedFile> files, const Options& options) {
  FolderSummary summary;
  summary.as_of = options.as_of;
  summary.period = options.period;
  summary.within_days = options.within_days;
  summary.filter = options.filter;
  summary.redaction = options.redaction;

  std::map<std::string, std::string> counted_files;  // person id -> the file counted for them
  for (SummarisedFile& file : files) {
    if (!file.person_id.empty() && !options.filter.wants_person(file.person_id)) {
      continue;
    }
    if (file.person_id.empty() && !options.filter.people.empty() && file.person) {
      continue;  // a valid record with no id cannot be one of the people asked for
    }
    if (file.person) {
      auto [it, inserted] = counted_files.emplace(file.person_id, file.path);
      if (!inserted) {
        // Two files for one person would count them twice; keep the first and say so.
        file.diagnostics.push_back(
            Diagnostic{Severity::error,
                       "summary",
                       fmt::format("person {} is also in {}: this file is left out so they are not counted twice",
                                   file.person_id, it->second),
                       Location{file.path, 0, 0},
                       "/person/id",
                       {}});
        file.person.reset();
      }
    }
    FileStatus status;
    status.path = file.path;
    status.person_id = file.person_id;
    status.readable = file.readable;
    status.counted = file.person.has_value();
    const FindingCounts counts = count_findings(file.diagnostics);
    status.errors = counts.errors;
    status.warnings = counts.warnings;
    status.infos = counts.infos;
    for (const Diagnostic& d : file.diagnostics) {
      if (d.severity == Severity::error) {
        status.first_error = d;
        if (options.redaction.on) {
          status.first_error->message.clear();  // schema messages can quote what was written
        }
        break;
      }
    }
    summary.left_out += !status.counted;
    summary.files.push_back(std::move(status));
    if (file.person) {
      summary.people.push_back(std::move(*file.person));
    }
  }

  for (const records::AreaInfo& info : records::k_areas) {
    if (options.filter.wants_area(info.id)) {
      summary.outcomes_by_area.push_back(AreaOutcomes{&info, 0, {}});
    }
  }

  std::map<std::string, std::size_t> safeguarding_types;
  std::array<long, 4> ons4_total{};
  for (const PersonSummary& person : summary.people) {
    const PersonRef ref = ref_of(person);
    switch (person.review.status) {
      case ReviewDue::Status::overdue:
        summary.reviews_overdue.push_back({ref, person.review});
        break;
      case ReviewDue::Status::due_soon:
        summary.reviews_due_soon.push_back({ref, person.review});
        break;
      case ReviewDue::Status::unknown:
        summary.reviews_unknown.push_back(ref);
        break;
      case ReviewDue::Status::ok:
        break;
    }

    for (const OutcomeSummary& outcome : person.outcomes) {
      ++summary.outcomes;
      const auto status = status_index(outcome.status);
      if (status) {
        ++summary.outcomes_by_status[*status];
      }
      for (AreaOutcomes& area : summary.outcomes_by_area) {
        if (contains(outcome.areas, area.info->id)) {
          ++area.total;
          if (status) {
            ++area.by_status[*status];
          }
        }
      }
      if (outcome.status == "met" && outcome.met_on && options.period.contains(*outcome.met_on)) {
        summary.met_in_period.push_back({ref, outcome.id, *outcome.met_on, outcome.actors});
        for (const std::string& actor : outcome.actors) {
          if (auto index = actor_index(actor)) {
            ++summary.who_acted[*index];
          }
        }
      }
    }
    summary.overdue_actions += person.overdue_actions.size();

    for (const PendingRequest& request : person.pending_requests) {
      summary.pending_requests.push_back({ref, request});
    }

    summary.safeguarding_open += person.safeguarding_open;
    summary.safeguarding_people += person.safeguarding_open > 0;
    for (const std::string& type : person.safeguarding_types) {
      ++safeguarding_types[type];
    }

    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      if (person.ons4.change[q]) {
        ++summary.ons4[q].people;
        ons4_total[q] += *person.ons4.change[q];
      }
    }

    summary.people_measured += person.measures.ons4 + person.measures.swemwbs > 0;
    for (std::size_t q = 0; q < records::k_measure_questions.size(); ++q) {
      const records::QuestionTrend& trend = person.measures.questions[q];
      auto count = [](MeasureCounts& counts, const std::optional<records::MeasureChange>& change) {
        if (change) {
          ++(change->direction == records::Direction::better  ? counts.better
             : change->direction == records::Direction::worse ? counts.worse
                                                              : counts.same);
        }
      };
      count(summary.measures[q].since_previous, trend.since_previous);
      count(summary.measures[q].since_review, trend.since_review);
      count(summary.measures[q].since_first, trend.since_first);
    }

    if (person.conversations_in_period == 0) {
      // With their latest conversation, wherever it falls, so a reader sees how long it has been.
      summary.no_conversation.push_back({ref, person.last_conversation});
    }
  }
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    if (summary.ons4[q].people > 0) {
      summary.ons4[q].average = static_cast<double>(ons4_total[q]) / static_cast<double>(summary.ons4[q].people);
    }
  }
  if (options.redaction.shows(options.redaction.safeguarding)) {
    summary.safeguarding_by_type.assign(safeguarding_types.begin(), safeguarding_types.end());
  }

  std::stable_sort(summary.reviews_overdue.begin(), summary.reviews_overdue.end(),
                   [](const ReviewEntry& a, const ReviewEntry& b) { return a.review.days < b.review.days; });
  std::stable_sort(summary.reviews_due_soon.begin(), summary.reviews_due_soon.end(),
                   [](const ReviewEntry& a, const ReviewEntry& b) { return a.review.days < b.review.days; });
  std::stable_sort(summary.met_in_period.begin(), summary.met_in_period.end(),
                   [](const MetOutcome& a, const MetOutcome& b) { return a.met_on < b.met_on; });
  std::stable_sort(
      summary.pending_requests.begin(), summary.pending_requests.end(),
      [](const PendingEntry& a, const PendingEntry& b) { return a.request.days_waiting > b.request.days_waiting; });
  return summary;
}

}  // namespace wellbeing::summary
