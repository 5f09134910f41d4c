#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/node.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::schema {

struct CompileOptions {
  // Where relative "$ref"s to other schema files are looked up: the folder of the root schema.
  std::filesystem::path base_directory;
  // URI prefixes served from local folders, e.g. "http://localhost:1234/" -> the test suite's remotes/.
  std::map<std::string, std::filesystem::path> uri_folders;
  // Assert "format" for date, date-time, time, email, uri and regex (draft-07 makes it optional).
  bool assert_formats = true;
};

struct CompiledSchema;

// A draft-07 JSON Schema compiled once (references resolved, regexes compiled) and then applied to
// many documents. Copies share the compiled form; validate() may be called from several threads.
class Validator {
 public:
  // Compiles `schema`. `schema_path` names the schema in diagnostics. Fails with "schema" diagnostics
  // for an invalid schema: an unresolvable $ref, an invalid regex, a keyword of the wrong type.
  static util::Expected<Validator, Diagnostics> compile(const document::Document& schema,
                                                        const CompileOptions& options = {});

  // Every way `document` breaks the schema, each a "schema" diagnostic with the value's location and
  // JSON pointer, the failing keyword and a message in plain words. Empty when valid.
  Diagnostics validate(const document::Document& document) const;

  // True when `node` is valid (no messages are built: the fast path).
  bool is_valid(const document::Node& node) const;

 private:
  explicit Validator(std::shared_ptr<const CompiledSchema> compiled) : m_compiled(std::move(compiled)) {}
  std::shared_ptr<const CompiledSchema> m_compiled;
};

}  // namespace wellbeing::schema
