#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/node.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::document {

// Limits that keep hostile input from exhausting time or memory. Each is an error when exceeded.
struct ParseOptions {
  std::size_t max_bytes = 16 * 1024 * 1024;  // larger files are refused before parsing
  std::size_t max_depth = 100;               // nesting of sequences and mappings
  std::size_t max_nodes = 1'000'000;         // nodes after expanding aliases (stops "billion laughs")
};

// A parsed file: its display path, its text (for showing source lines) and its root node.
//
// Results for unusual files: an empty or comment-only file parses to a null root at 1:1; a file with
// more than one YAML document ("---" separating them) is an error at the start of the second one.
struct Document {
  std::string path;
  std::shared_ptr<const std::string> source;  // the text as parsed, without a UTF-8 byte order mark
  Node root;
  bool bom = false;  // the file starts with a UTF-8 byte order mark (util::k_utf8_bom), left out of `source`

  // The file's bytes as read: `source`, after the byte order mark when it had one.
  std::string text() const;
};

using ParseResult = util::Expected<Document, Diagnostics>;

// Parses YAML 1.2 (and so JSON) text into a located, typed tree. Scalars are typed by the YAML 1.2 core
// schema; quoted and block scalars are strings. Fails with every problem found ("yaml" diagnostics, each
// with a location): syntax errors, duplicate keys (naming both lines), invalid UTF-8, NUL and other
// control characters, undefined or cyclic aliases, unknown tags, and the limits in ParseOptions.
ParseResult parse(std::string text, std::string path, const ParseOptions& options = {});

// The same, on text the caller shares: it is parsed in place, and the document holds it (a copy only when
// a byte order mark is taken off), so a caller that keeps the pointer has the text when parsing fails.
ParseResult parse(std::shared_ptr<const std::string> text, std::string path, const ParseOptions& options = {});

// The one "io" diagnostic for a file that could not be read (util::read_bounded's failure), at `display_path`.
Diagnostic unreadable(const util::Failure& failure, const std::string& display_path);

// Reads a file and parses it; an unreadable file is one "io" diagnostic. `display_path` names the file
// in diagnostics. "-" reads standard input.
ParseResult parse_file(const std::filesystem::path& file, std::string display_path,
                       const ParseOptions& options = {});

}  // namespace wellbeing::document
