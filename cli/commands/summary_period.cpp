// `wellbeing summary DIR --period monthly|quarterly|yearly`.
#include "summary_period.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "command.hpp"
#include "wellbeing/summary/period.hpp"

namespace wellbeing::cli {

int run_periods(const PeriodRequest& request, ColorChoice color) {
  namespace fs = std::filesystem;
  using namespace wellbeing::summary;
  std::error_code ec;
  if (!fs::is_directory(request.folder, ec)) {
    throw InputError(fmt::format("--period: {} is not a folder; --period summarises a records folder",
                                 request.folder));
  }
  const Interval interval = request.period == "monthly"   ? Interval::monthly
                            : request.period == "yearly" ? Interval::yearly
                                                         : Interval::quarterly;
  Period span;
  span.to = date_or(request.to, date_or(request.as_of, util::today()));
  if (!request.from.empty()) {
    span.from = date_or(request.from, span.to);
  } else {
    auto first = first_record_date(request.folder);
    if (!first) {
      throw InputError(fmt::format("--period: {}", first.error().message));
    }
    span.from = first->value_or(span.to);
  }
  if (span.to < span.from) {
    throw InputError(fmt::format("the period ends ({}) before it starts ({})", util::format_date(span.to),
                                 util::format_date(span.from)));
  }
  const records::Config config = settings_for(fs::path(request.folder) / records::k_config_file_name, color);
  auto summary = summarise_periods(request.folder, interval, span, config);
  if (!summary) {
    throw InputError(fmt::format("--period: {}", summary.error().message));
  }
  write_out(stdout, render_periods(*summary, request.format));
  return k_exit_ok;
}

}  // namespace wellbeing::cli
