// Registers `wellbeing add` and one subcommand per kind of entry, each with the options of its fields.
#include <fmt/format.h>

#include "add.hpp"
#include "help.hpp"
#include "options.hpp"

namespace wellbeing::cli {

using edit::ItemKind;

Command register_add(CLI::App& app, const GlobalOptions& global) {
  CLI::App* add = app.add_subcommand(
      "add", "Add a conversation, outcome, action, note … to a record, leaving every other byte as it was");
  add->require_subcommand(1);
  std::vector<std::shared_ptr<AddOptions>> all;
  for (const edit::KindInfo& info : edit::kinds()) {
    auto options = std::make_shared<AddOptions>();
    options->kind = info.kind;
    CLI::App* sub = add->add_subcommand(std::string(info.name), std::string(edit::kind_help(info.kind)));
    options->app = sub;
    sub->add_option("file", options->file, "The record (symlinks are followed)")->required();
    if (info.kind == ItemKind::action || info.kind == ItemKind::progress) {
      sub->add_option("--outcome", options->outcome, "The outcome it belongs to (o-N)")->option_text("ID");
    }
    if (info.kind == ItemKind::area) {
      sub->add_option("--area", options->area, "The area to update: dignity, health, protection, control, …")
          ->option_text("ID")
          ->transform(area_value());
    }
    for (const edit::Field& field : edit::kind_fields(info.kind)) {
      CLI::Option* option = sub->add_option(std::string(field.flag), options->values[std::string(field.flag)],
                                            std::string(field.help));
      const std::string_view word = field.type == edit::FieldType::date      ? "DATE"
                                    : field.type == edit::FieldType::list    ? "TEXT ..."
                                    : field.type == edit::FieldType::integer ? "N"
                                    : field.type == edit::FieldType::boolean ? "true|false"
                                                                             : "TEXT";
      // Not CLI11's required(): the entry may come from --from or the editor instead.
      option->option_text(std::string(word));
      mark_required_later(option, [kind = info.kind, field] { return edit::is_required(kind, field); });
      if (field.type == edit::FieldType::list) {
        option->allow_extra_args(false);
      }
      if (field.type == edit::FieldType::date) {
        option->transform(date_value());
      }
      if (field.flag == "--area") {
        option->transform(area_value());
      }
    }
    if (!info.date_key.empty()) {
      add_date_option(*sub, "--date", options->date,
                      fmt::format("The date ({}), YYYY-MM-DD (default: today, or --as-of)", info.date_key));
    }
    sub->add_option("--from", options->from, "Take the entry from a YAML file of its keys (- for standard input)")
        ->option_text("FILE");
    sub->add_flag("--edit", options->edit, "Write it in $VISUAL or $EDITOR, from a template with prompts (the "
                                           "default when no content is given and standard input is a terminal)");
    sub->add_flag("-n,--dry-run", options->dry_run, "Show the change as a unified diff and write nothing");
    add_date_option(*sub, "--as-of", options->as_of, "The date the checks take as today, YYYY-MM-DD (default: today)");
    sub->footer(
        "The entry is inserted where a person would put it (the end of its list, in date order for dated lists),\n"
        "in the file's own style; no other byte changes. Its id is the next free one. The result is checked\n"
        "first: an entry that would make the record invalid is refused (exit 1), and a record that already has\n"
        "errors still takes an entry that adds none, with a warning.\n"
        "Exit status: 0 added; 1 refused (invalid, or nowhere safe to put it); 2 usage or unreadable file;\n"
        "4 the file changed while the command ran; 5 another writer holds FILE.lock. Nothing is written\n"
        "unless the exit status is 0.");
    all.push_back(options);
  }
  add->footer("Run `wellbeing add KIND --help` for the options of each kind. Exit status: 0 added, 1 refused, 2 "
              "usage error, 4 the file changed underneath, 5 locked.");
  return Command{add, [all, &global] {
                   for (const auto& options : all) {
                     if (options->app->parsed()) {
                       return run_add(*options, global);
                     }
                   }
                   return k_exit_usage;
                 }};
}

}  // namespace wellbeing::cli
