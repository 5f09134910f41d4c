// `wellbeing schema`: prints a built-in schema, for editors and for reading.
#include <map>

#include <fmt/format.h>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/schema/embedded.hpp"

namespace wellbeing::cli {

Command register_schema(CLI::App& app, const GlobalOptions& /*global*/) {
  auto which = std::make_shared<std::string>("record");
  CLI::App* sub = app.add_subcommand("schema", "Print the built-in JSON Schema (draft-07)");
  sub->add_option("name", *which, "Which schema: record (default) or config")
      ->check(one_of({"record", "config"}));
  return Command{sub, [which] {
                   const std::string_view name =
                       *which == "config" ? schema::k_config_schema : schema::k_record_schema;
                   const std::string_view text = schema::embedded_schema(name);
                   if (text.empty()) {
                     throw InputError(fmt::format("the {} schema is not built in", *which));
                   }
                   write_out(stdout, text);
                   return k_exit_ok;
                 }};
}

}  // namespace wellbeing::cli
