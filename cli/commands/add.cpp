// `wellbeing add KIND FILE`: adds a conversation, outcome, action … to a record by inserting text, so that
// every other byte of the file stays as it was; checks the result before writing it atomically.
#include "add.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "wellbeing/edit/accept.hpp"
#include "wellbeing/edit/template.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/write/cleanup.hpp"
#include "options.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;
using document::Node;
using edit::ItemKind;

template <typename T>
T or_input_error(util::Expected<T, util::Failure> result) {
  if (!result) {
    throw InputError(std::move(result).error());
  }
  return std::move(result).value();
}

// The fragment given with --from, as a mapping.
Node fragment_from(const std::string& from) {
  const std::string display = from == "-" ? "<stdin>" : from;
  auto text = util::read_bounded(from, 1 << 20);
  if (!text) {
    throw InputError(fmt::format("{}: {}", from, text.error().message));
  }
  return or_input_error(edit::fields_from_yaml(std::move(text).value(), display));
}

int run_editor(const fs::path& file) {
  const char* visual = std::getenv("VISUAL");
  const char* editor = visual && *visual ? visual : std::getenv("EDITOR");
  const std::string command = editor && *editor ? editor : "vi";
  const pid_t child = ::fork();
  if (child < 0) {
    throw InputError("cannot start the editor");
  }
  if (child == 0) {
    const std::string script = command + " \"$@\"";
    ::execl("/bin/sh", "sh", "-c", script.c_str(), command.c_str(), file.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      throw InputError("lost track of the editor");
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct Edited {
  Node fields;
  fs::path kept;  // the edited file, kept until the entry is written
};

// Opens the editor until what was written can be added or is emptied; nullopt when it was cancelled.
std::optional<Edited> edit_interactively(const AddOptions& options, const document::Document& document,
                                         const Diagnostics& old_findings, const records::CheckOptions& check,
                                         const Node& prefill, const edit::Addition& base) {
  std::string pattern =
      (fs::temp_directory_path() / fmt::format("wellbeing-add-{}-XXXXXX.yaml", edit::kind_info(options.kind).name))
          .string();
  // Registered, so that SIGINT, SIGTERM or SIGHUP while the editor is open does not leave it behind.
  const int fd = write::create_registered(pattern, 5);
  if (fd < 0) {
    throw InputError("cannot create a file for the editor");
  }
  ::close(fd);
  const fs::path path(pattern);
  std::string text = edit::entry_template(options.kind, options.file, prefill);
  bool reopened = false;  // the editor was opened again with errors
  auto cancel = [&](std::string_view why) {
    write::remove_registered(path);
    write_out(stderr, fmt::format("wellbeing: {}; nothing was added\n", why));
    return std::nullopt;
  };
  while (true) {
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << text;
    }
    const int status = run_editor(path);
    if (status != 0) {
      return cancel(fmt::format("the editor exited with status {}", status));
    }
    std::ifstream in(path, std::ios::binary);
    const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // An editor that returns at once (not waiting for the person) would otherwise reopen forever.
    if (reopened && saved == text) {
      return cancel("the entry was saved unchanged after its errors");
    }
    text = edit::without_problems(saved);
    if (edit::only_comments(text)) {
      return cancel("the file was left empty");
    }
    const edit::EditedEntry edited = edit::read_edited(text, path.string(), document, old_findings, base, check);
    if (edited.problems.empty()) {
      return Edited{edited.fields, path};
    }
    text = edit::with_problems(text, edited.problems);
    reopened = true;
  }
}

// "--led-by and --approach are required for a conversation", and where else they may be given.
std::string missing_message(const std::vector<edit::Field>& missing, const edit::KindInfo& info,
                            const std::string& from) {
  auto listed = [&](auto word) {
    std::string out;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      out += fmt::format("{}{}", i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ", word(missing[i]));
    }
    return out;
  };
  std::string message = fmt::format("{} {} required for {}", listed([](const edit::Field& f) { return f.flag; }),
                                    missing.size() == 1 ? "is" : "are", edit::with_article(info));
  if (!from.empty()) {
    message += fmt::format(" (or {} in {})", listed([](const edit::Field& f) { return f.key; }),
                           from == "-" ? "standard input" : from);
  }
  return message;
}

}  // namespace

int run_add(const AddOptions& options, const GlobalOptions& global) {
  const ItemKind kind = options.kind;
  const edit::KindInfo& info = edit::kind_info(kind);
  const bool color = use_color(global.color, stderr);
  const util::Date as_of = date_or(options.as_of, util::today());
  std::optional<util::Date> date;
  if (!options.date.empty()) {
    date = date_or(options.date, as_of);
  }
  if (kind == ItemKind::area && options.area.empty()) {
    throw InputError("say which area to update with --area (dignity, health, protection, control, participation, "
                     "social_economic, relationships, accommodation, contribution)");
  }
  if ((kind == ItemKind::action || kind == ItemKind::progress) && options.outcome.empty()) {
    throw InputError(fmt::format("say which outcome the {} is for with --outcome o-N", info.title));
  }

  auto real = write::resolve(options.file);
  if (!real) {
    return report_failure(real.error());
  }
  const records::CheckOptions check = check_options_for(*real, as_of, global.color);

  edit::Addition base;
  base.kind = kind;
  base.outcome = options.outcome;
  base.area = options.area;

  // What to add: a fragment, options, or the editor.
  Node fields = Node::make_mapping({});
  const bool given = edit::has_values(options.values);
  const bool interactive = options.edit || (options.from.empty() && !given && ::isatty(STDIN_FILENO));
  if (!options.from.empty()) {
    fields = edit::strip_blank(fragment_from(options.from));
  } else if (!interactive && !given) {
    throw InputError(fmt::format("say what to add: options (see `wellbeing add {} --help`), --from FILE, or --edit "
                                 "to write it in an editor",
                                 info.name));
  }
  fields = or_input_error(edit::fields_from_values(kind, options.values, fields));
  if (date) {
    fields = edit::set_path(fields, std::vector<std::string>{std::string(info.date_key)},
                            Node::make_string(options.date));
  }
  const util::Date default_date = date.value_or(as_of);

  std::optional<fs::path> kept;
  if (interactive) {
    auto read = write::read_for_update(*real, document::ParseOptions{}.max_bytes);
    if (!read) {
      return report_failure(read.error());
    }
    auto parsed = document::parse(read->text, options.file);
    if (!parsed) {
      write_out(stderr, format_diagnostics_text(parsed.error(), read->text, color));
      write_out(stderr, fmt::format("wellbeing: error: {} cannot be read as YAML; fix it first\n", options.file));
      return k_exit_findings;
    }
    const Diagnostics old_findings = validation::check_record(*parsed, check);
    // The template starts from what is known: for an area, what the record already says about it.
    const Node prefill = edit::template_prefill(kind, parsed->root, options.area, fields, default_date);
    auto edited = edit_interactively(options, *parsed, old_findings, check, prefill, base);
    if (!edited) {
      return k_exit_findings;
    }
    fields = edited->fields;
    kept = edited->kept;
  }
  base.fields = edit::complete_fields(kind, fields, default_date);
  // What the editor's entry lacks is shown in the editor; options are named as they were typed.
  if (const auto missing = edit::missing_fields(kind, base.fields); !interactive && !missing.empty()) {
    throw InputError(missing_message(missing, info, options.from));
  }
  // Whatever stops the write, what the person wrote in the editor is not lost.
  auto keep_note = [&] {
    if (kept) {
      write::unregister(*kept);
      write_out(stderr, fmt::format("wellbeing: what you wrote is kept in {} (add it with --from)\n", kept->string()));
    }
  };

  // Lock, read, change, check, write. A dry run only reads.
  std::optional<write::Lock> lock;
  if (!options.dry_run) {
    auto acquired = write::Lock::acquire(*real);
    if (!acquired) {
      keep_note();
    return report_failure(acquired.error());
    }
    lock.emplace(std::move(acquired).value());
  }
  auto read = write::read_for_update(*real, document::ParseOptions{}.max_bytes);
  if (!read) {
    keep_note();
    return report_failure(read.error());
  }
  auto parsed = document::parse(read->text, options.file);
  if (!parsed) {
    write_out(stderr, format_diagnostics_text(parsed.error(), read->text, color));
    write_out(stderr, fmt::format("wellbeing: error: {} cannot be read as YAML, so nothing can be added to it "
                                  "safely; fix it first\n",
                                  options.file));
    keep_note();
    return k_exit_findings;
  }
  const edit::Acceptance verdict =
      edit::accept_addition(*parsed, validation::check_record(*parsed, check), base, check);
  if (!verdict.refusal.empty()) {
    write_out(stderr, fmt::format("wellbeing: error: cannot add the {} to {}: {}\n", info.title, options.file,
                                  verdict.refusal));
    keep_note();
    return k_exit_findings;
  }
  const edit::Change& change = *verdict.change;
  if (!verdict.new_errors.empty()) {
    write_out(stderr, format_diagnostics_text(verdict.new_errors, change.text, color));
    write_out(stderr, fmt::format("wellbeing: error: the {} would make {} invalid ({} error(s) above, shown where "
                                  "it would go); nothing was written\n",
                                  info.title, options.file, verdict.new_errors.size()));
    keep_note();
    return k_exit_findings;
  }
  if (options.dry_run) {
    write_out(stdout, history::file_change_diff(read->text, change.text, options.file));
  }
  write_out(stderr, format_diagnostics_text(verdict.entry_notes, change.text, color));
  if (verdict.old_errors > 0) {
    write_out(stderr, fmt::format("wellbeing: warning: {} already had {} error(s) (see `wellbeing validate {}`); "
                                  "this {} adds none\n",
                                  options.file, verdict.old_errors, options.file, info.title));
  }
  if (options.dry_run) {
    return k_exit_ok;
  }
  if (auto written = write::replace_file(*read, change.text); !written) {
    keep_note();
    return report_failure(written.error());
  }
  if (kept) {
    write::remove_registered(*kept);
  }
  const std::string what = kind == ItemKind::area ? fmt::format("updated area {}", options.area)
                                                  : fmt::format("added {} {}", info.title, change.id);
  write_out(stdout, fmt::format("{}:{}: {}\n", options.file, change.line, what));
  return k_exit_ok;
}

}  // namespace wellbeing::cli
