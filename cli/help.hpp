#pragma once
// Help text in words a person reads: option values named by what they take, not by CLI11's type names, and
// `wellbeing help [COMMAND]`.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

#include "command.hpp"

namespace wellbeing::cli {

// A CLI11 formatter that writes an option's value as a person would: "text|json|github|junit" for a choice
// (not "ENUM:{github, json, junit, text}"), "N" for a number (not "UINT:UINT in [0 - 256]"), and
// "(required)" for what must be given. Subcommands made after it is set on the app inherit it.
std::shared_ptr<CLI::Formatter> make_help_formatter();

// Marks `option` "(required)" in help and manual pages when `required` says so, asked only when one is
// shown: what it asks (the record schema, for add's fields) is work no other run of the program needs.
void mark_required_later(const CLI::Option* option, std::function<bool()> required);

// `wellbeing help [COMMAND]`: the program's help, or one command's (a misspelt one gets "did you mean").
Command register_help(CLI::App& app, const GlobalOptions& global);

}  // namespace wellbeing::cli
