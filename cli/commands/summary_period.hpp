#pragma once
// `summary DIR --period monthly|quarterly|yearly`: the folder's figures per period, from git.

#include <string>

#include "options.hpp"
#include "wellbeing/summary/render.hpp"

namespace wellbeing::cli {

struct PeriodRequest {
  std::string folder;  // the one folder named (default ".")
  std::string period;  // monthly | quarterly | yearly
  std::string from, to, as_of;
  summary::Format format = summary::Format::table;
};

// Prints the columns; returns the exit code. Throws InputError outside a git repository, for a file or more
// than one path, and for a period that ends before it starts.
int run_periods(const PeriodRequest& request, ColorChoice color);

}  // namespace wellbeing::cli
