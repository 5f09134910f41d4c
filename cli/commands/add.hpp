#pragma once
// `wellbeing add KIND FILE`, shared by its registration (add_options.cpp) and its run (add.cpp).

#include <string>

#include "command.hpp"
#include "wellbeing/edit/entry_fields.hpp"
#include "wellbeing/edit/record_edit.hpp"

namespace wellbeing::cli {

// One `add KIND` subcommand's options, as given.
struct AddOptions {
  edit::ItemKind kind = edit::ItemKind::conversation;
  CLI::App* app = nullptr;
  std::string file;
  edit::FieldValues values;  // by flag
  std::string from;
  std::string date;
  std::string as_of;
  std::string outcome;
  std::string area;
  bool edit = false;
  bool dry_run = false;
};

// Adds the entry `options` describe (from options, --from, or the editor) when it brings no new error,
// printing diagnostics to stderr coloured as `global` says; returns the exit code.
int run_add(const AddOptions& options, const GlobalOptions& global);

}  // namespace wellbeing::cli
