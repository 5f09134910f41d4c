// `wellbeing diff`: a semantic diff of two versions of a record: files, revisions, or git's external diff.
#include "wellbeing/diff/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/diff/render.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/history/repository.hpp"

namespace wellbeing::cli {

namespace {

enum class Format { text, md, json };

constexpr std::size_t k_max_arguments = 9;  // git's external diff gives 9 for a rename

struct Options {
  std::array<std::string, k_max_arguments> slots;  // the positional arguments, in order
  std::vector<std::string> args;                   // the ones given
  bool separator = false;                          // "--" was given: REV1 [REV2] -- FILE
  Format format = Format::text;
  bool git_external = false;
};

// CLI11 would list nine anonymous positionals; say what the forms are instead.
class UsageFormatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* /*app*/, std::string /*name*/) const override {
    return "Usage: wellbeing diff [OPTIONS] OLD NEW\n"
           "       wellbeing diff [OPTIONS] REV1 [REV2] -- FILE\n"
           "       wellbeing diff --git-external PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE\n";
  }
};

// One version to compare: its display name and text (nullopt: the file is not there in that version).
struct Version {
  std::string name;
  std::optional<std::string> text;
};

document::Node parse_version(const Version& version, bool color) {
  if (!version.text) {
    return document::Node();
  }
  auto parsed = document::parse(*version.text, version.name);
  if (!parsed) {
    std::string out;
    for (const Diagnostic& diagnostic : parsed.error()) {
      out += format_diagnostic_text(diagnostic, *version.text, color);
    }
    write_out(stderr, out);
    throw InputError(fmt::format("{} is not readable YAML, so it cannot be compared", version.name));
  }
  return parsed->root;
}

std::string render(const std::vector<diff::Change>& changes, Format format, bool color) {
  switch (format) {
    case Format::text:
      return diff::render_text(changes, {color, true, ""});
    case Format::md:
      return diff::render_markdown(changes, 2);
    case Format::json:
      return diff::render_json(changes) + "\n";
  }
  return {};
}

Version read_local(const std::string& path) {
  if (path != "-" && !std::filesystem::exists(path)) {
    return Version{path, std::nullopt};
  }
  return Version{path == "-" ? "<stdin>" : path, read_input(path)};
}

// REV1 [REV2] -- FILE: the file at each revision (the working tree's when REV2 is left out). A record
// renamed between the two is found by its person id.
std::pair<Version, Version> read_revisions(const std::vector<std::string>& args) {
  const std::string& file = args.back();
  auto repository = history::Repository::discover(std::filesystem::path(file).parent_path().empty()
                                                      ? std::filesystem::path(".")
                                                      : std::filesystem::path(file).parent_path());
  if (!repository) {
    throw InputError(fmt::format("cannot compare revisions of {}: {}", file, repository.error().message));
  }
  auto path = repository->relative_path(file);
  if (!path) {
    throw InputError(path.error());
  }
  const auto at = [&](const std::string& revision) {
    auto id = repository->resolve(revision);
    if (!id) {
      const bool looks_like_file = args.size() == 2 && revision.find('.') != std::string::npos;
      throw InputError(looks_like_file ? fmt::format("cannot read {}: no such file, and not a revision", revision)
                                       : id.error());
    }
    return std::make_pair(*id, Version{fmt::format("{}:{}", revision, *path), repository->read_file(*id, *path)});
  };
  auto [old_id, old_version] = at(args[0]);
  Version new_version;
  std::string new_id;
  if (args.size() == 3) {
    std::tie(new_id, new_version) = at(args[1]);
  } else {
    new_version = read_local(file);
  }
  // Follow a rename: look for the same person in the version that lacks the file.
  if (!old_version.text && new_version.text) {
    if (auto found = repository->find_record(old_id, history::person_id_of(*new_version.text), {})) {
      old_version = Version{fmt::format("{}:{}", args[0], *found), repository->read_file(old_id, *found)};
    }
  } else if (old_version.text && !new_version.text && !new_id.empty()) {
    if (auto found = repository->find_record(new_id, history::person_id_of(*old_version.text), {})) {
      new_version = Version{fmt::format("{}:{}", args[1], *found), repository->read_file(new_id, *found)};
    }
  }
  if (!old_version.text && !new_version.text) {
    throw InputError(fmt::format("{} is in neither version", *path));
  }
  return {std::move(old_version), std::move(new_version)};
}

// git's external diff: path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-info].
// git stops when the driver fails, so every outcome is printed and the exit status is always 0.
int run_git_external(const Options& options, bool color) {
  const auto& args = options.args;
  if (args.size() == 1) {  // git names an unmerged path alone
    write_out(stdout, fmt::format("wellbeing diff: {} is unmerged\n", args[0]));
    return k_exit_ok;
  }
  if (args.size() != 7 && args.size() != 9) {
    write_out(stderr, fmt::format("wellbeing: error: --git-external takes the 7 (or 9) arguments git gives an "
                                  "external diff driver, not {}\n",
                                  args.size()));
    return k_exit_usage;
  }
  const std::string old_name = args[0];
  const std::string new_name = args.size() == 9 ? args[7] : args[0];
  const auto read = [](const std::string& file) -> std::optional<std::string> {
    if (file == "/dev/null") {
      return std::nullopt;
    }
    auto text = util::read_bounded(file, document::ParseOptions{}.max_bytes);
    return text ? std::optional<std::string>(std::move(*text)) : std::nullopt;
  };
  const auto old_text = read(args[1]);
  const auto new_text = read(args[4]);
  std::string out = fmt::format("wellbeing diff a/{} b/{}\n", old_name, new_name);
  auto old_doc = document::parse(old_text.value_or(""), old_name);
  auto new_doc = document::parse(new_text.value_or(""), new_name);
  if (!old_doc || !new_doc) {
    out += "(not readable as YAML, so shown line by line)\n";
    out += history::unified_diff(old_text.value_or(""), new_text.value_or(""), old_name, new_name,
                                 history::PatchStyle::git);
  } else {
    const auto changes = diff::diff_documents(old_doc->root, new_doc->root);
    if (changes.empty()) {
      out += "(no change to the content: only layout, comments or the order of items)\n";
    } else {
      out += diff::render_text(changes, {color, true, ""});
    }
  }
  write_out(stdout, out);
  return k_exit_ok;
}

int run(const Options& options, const GlobalOptions& global) {
  const bool color = options.format == Format::text && use_color(global.color, stdout);
  if (options.git_external) {
    try {
      return run_git_external(options, color);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "wellbeing: error: %s\n", e.what());
      return k_exit_ok;
    }
  }
  const auto& args = options.args;
  if (args.size() < 2 || args.size() > 3) {
    throw InputError("diff takes OLD NEW (two files), or REV1 [REV2] -- FILE");
  }
  const bool files = !options.separator && args.size() == 2 && (args[0] == "-" || std::filesystem::exists(args[0]));
  Version old_version;
  Version new_version;
  if (files) {
    if (args[0] == "-" && args[1] == "-") {
      throw InputError("standard input ('-') can be only one of the two versions");
    }
    old_version = read_local(args[0]);
    new_version = read_local(args[1]);
    if (!new_version.text) {
      throw InputError(fmt::format("cannot read {}: no such file", args[1]));
    }
  } else {
    std::tie(old_version, new_version) = read_revisions(args);
  }
  const bool diagnostics_color = use_color(global.color, stderr);
  const document::Node old_root = parse_version(old_version, diagnostics_color);
  const document::Node new_root = parse_version(new_version, diagnostics_color);
  const auto changes = diff::diff_documents(old_root, new_root);
  write_out(stdout, render(changes, options.format, color));
  return changes.empty() ? k_exit_ok : k_exit_findings;
}

}  // namespace

Command register_diff(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "diff", "Compare two versions of a record by meaning: items matched by id, changes in the record's words");
  sub->formatter(std::make_shared<UsageFormatter>());
  for (std::size_t i = 0; i < k_max_arguments; ++i) {
    // One positional per argument rather than a list: CLI11 keeps "--" (which tells revisions from files)
    // only while some positional is still unfilled.
    CLI::Option* option = sub->add_option(i == 0 ? "versions" : fmt::format("argument{}", i + 1), options->slots[i],
                                          "OLD NEW (files; - for standard input), or REV1 [REV2] -- FILE (git "
                                          "revisions; without REV2, the file as it is now)");
    if (i > 0) {
      option->group("");
    }
  }
  sub->preparse_callback([options](std::size_t) { options->slots.fill({}); });
  sub->parse_complete_callback([options, sub] {
    options->args.clear();
    for (const std::string& slot : options->slots) {
      if (!slot.empty()) {
        options->args.push_back(slot);
      }
    }
    const auto rest = sub->remaining();
    options->separator = std::find(rest.begin(), rest.end(), "--") != rest.end();
  });
  add_format_option(*sub, options->format, {{"text", Format::text}, {"md", Format::md}, {"json", Format::json}},
                    "Output format: text (default), md, json")
      ->option_text("FORMAT");
  sub->add_flag("--git-external", options->git_external,
                "Run as git's external diff driver (diff.<driver>.command): git appends path old-file old-hex "
                "old-mode new-file new-hex new-mode; always exits 0");
  sub->footer(
      "Exit status: 0 when the versions say the same, 1 when they differ, 2 on a usage error or unreadable input.\n"
      "JSON: a list of {path, kind (added|removed|changed), old, new, label}; path is a JSON pointer naming list "
      "items by id (/outcomes/o-3/status).");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
