#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/options.hpp"
#include "wellbeing/summary/person.hpp"

namespace wellbeing::summary {

// ---- One person's or a folder's summary as text, one renderer per format. None prints; none fails. --------

// The formats a summary is shown in: a terminal table, Markdown, JSON (the structure README.md documents)
// and CSV (one row per person, outcome, action or review).
enum class Format { table, markdown, json, csv };

// The flat tables a summary exports (`summary --format csv --rows …`), one row per person, outcome, action
// or person's review. Every cell is text: dates as show_date gives them, lists joined by spaces, flags
// "yes"/"no", and counts never negative (overdue and time to go are separate columns), so no number needs
// a sign a spreadsheet could take for a formula.
// `checks` is what the provider changed in them: one row per rule its settings change, and per suppression.
enum class RowKind { people, outcomes, actions, reviews, checks };

// How to render: the format, the CSV rows, colour for the table, and the folder summary's title.
struct RenderOptions {
  Format format = Format::table;
  RowKind rows = RowKind::people;  // CSV only
  bool color = false;              // table only: ANSI colours (headings bold, overdue red, due soon yellow)
  std::string title;               // folder table and Markdown: what follows "Wellbeing summary: "
};

// `file`'s summary in `style.format`. Table, Markdown and CSV show only a counted person (table and
// Markdown are "" for a file left out, CSV its header); JSON always has the file, its findings and the
// person (null when left out).
std::string render_person(const SummarisedFile& file, const Options& options, const RenderOptions& style);

// The folder summary in `style.format`, with `style.title` as its heading (table and Markdown).
std::string render_folder(const FolderSummary& folder, const Options& options, const RenderOptions& style);

// The terminal table of one person (`color`: ANSI colours) or a folder. Free text is made terminal-safe
// (control characters become spaces) and columns line up by character count, with no trailing spaces.
std::string render_person_table(const PersonSummary& person, const Options& options, bool color);
std::string render_folder_table(const FolderSummary& folder, const std::string& title, const Options& options,
                                bool color);

// Markdown of one person or a folder: headings, bullets and tables that stay tables whatever the text holds
// (free text on one line, with every character that could start markup, raw HTML or a cell escaped).
std::string render_person_markdown(const PersonSummary& person, const Options& options);
std::string render_folder_markdown(const FolderSummary& folder, const std::string& title, const Options& options);

// JSON (2-space indent, ending with a newline) of one checked file or a folder. Absent and redacted values
// are null; invalid UTF-8 is replaced.
std::string render_person_json(const SummarisedFile& file, const Options& options);
std::string render_folder_json(const FolderSummary& folder, const Options& options);

// CSV (RFC 4180, CRLF line ends, formula-guarded) of the rows of `kind` for `people`, header first.
// `config` gives the rules its settings change, for the `checks` rows.
std::string render_csv(std::span<const PersonSummary> people, RowKind kind, const records::Config* config = nullptr);

// "left out FILE: 2 errors, first: MESSAGE" (or "left out FILE: cannot be read"), on one line and
// terminal-safe whatever the message holds, for standard error.
std::string left_out_note(const FileStatus& status);

// ---- CSV's parts ------------------------------------------------------------------------------------------

struct Rows {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// "people", "outcomes", "actions", "reviews", "checks".
std::string_view to_string(RowKind kind);

// The rows of `kind` for `people`, in their order (outcomes and actions in record order within a person).
Rows make_rows(std::span<const PersonSummary> people, RowKind kind, const records::Config* config = nullptr);

// One CSV field (RFC 4180) that no spreadsheet will run as a formula. A value starting with `=`, `+`,
// `-`, `@`, a tab, a carriage return or a line feed gets a leading single quote (`'`) and is quoted; a
// value holding a comma, a double quote, a carriage return or a line feed is quoted, with its double
// quotes doubled. Other values are written as they are.
std::string csv_field(std::string_view value);

// One CSV record: the fields joined by commas, ending with CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace wellbeing::summary
