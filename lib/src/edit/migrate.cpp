// wellbeing/v1 -> wellbeing/v2 by editing the record's text (see migrate.hpp).
#include "wellbeing/edit/migrate.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "wellbeing/document/source.hpp"
#include "wellbeing/edit/record_edit.hpp"
#include "wellbeing/edit/scalar.hpp"
#include "wellbeing/edit/style.hpp"

namespace wellbeing::edit {

namespace {

using document::Entry;
using document::Mark;
using document::Node;

// Line `line` with its line ending.
std::string_view whole_line(const document::SourceText& source, std::uint32_t line) {
  return source.text().substr(source.line_start(line), source.next_line_start(line) - source.line_start(line));
}

// Where an area's v1 words came from: the conversations dated `date` that list the area under areas, or,
// when there is none, the evidence entries the area itself lists under `evidence` that the record holds,
// dated on or before `date` (an entry begun after the words were written cannot be where they came from).
std::vector<std::string> sources_for(const Node& root, const Entry& area, const std::string& date) {
  std::vector<std::string> ids;
  if (const Node* conversations = root.find("conversations"); conversations != nullptr) {
    for (const Node& c : conversations->items()) {
      const Node* id = c.find("id");
      const Node* when = c.find("date");
      const Node* areas = c.find("areas");
      if (id == nullptr || when == nullptr || areas == nullptr || when->text() != date) {
        continue;
      }
      const auto items = areas->items();
      if (std::any_of(items.begin(), items.end(), [&](const Node& a) { return a.as_string() == area.key; })) {
        ids.push_back(id->as_string());
      }
    }
  }
  if (const Node* evidence = area.value.find("evidence"); ids.empty() && evidence != nullptr) {
    const Node* entries = root.find("evidence");
    for (const Node& e : evidence->items()) {
      const auto items = entries ? entries->items() : std::span<const Node>();
      const auto held = std::find_if(items.begin(), items.end(), [&](const Node& item) {
        const Node* id = item.find("id");
        const Node* when = item.find("date");
        return id && id->is_string() && e.is_string() && id->as_string() == e.as_string() && when &&
               when->text() <= date;
      });
      if (held != items.end()) {
        ids.push_back(e.as_string());
      }
    }
  }
  return ids;
}

// v1 string concerns as { text, raised } (other items as they are).
Node concerns_of(const Node& concerns, const std::string& date) {
  std::vector<Node> items;
  for (const Node& c : concerns.items()) {
    if (c.is_string()) {
      items.push_back(Node::make_mapping(
          {Entry{"text", {}, Node::make_string(c.as_string())}, Entry{"raised", {}, Node::make_string(date)}}));
    } else {
      items.push_back(c);
    }
  }
  return Node::make_sequence(std::move(items));
}

// A v1 said as the one view: its date, the words, and the conversations it came from when there are any.
Node views_of(const Node& said, const std::string& date, const std::vector<std::string>& from) {
  std::vector<Entry> view{Entry{"date", {}, Node::make_string(date)}, Entry{"said", {}, said}};
  if (from.size() == 1) {
    view.push_back(Entry{"from", {}, Node::make_string(from.front())});
  } else if (!from.empty()) {
    std::vector<Node> ids;
    for (const std::string& id : from) {
      ids.push_back(Node::make_string(id));
    }
    view.push_back(Entry{"from", {}, Node::make_sequence(std::move(ids))});
  }
  return Node::make_sequence({Node::make_mapping(std::move(view))});
}

// The comments of lines first..last, whole-line and trailing, each on a line of its own at `column`, so
// that they stay above what is written again.
std::string comments_in(const document::SourceText& source, std::uint32_t first, std::uint32_t last,
                        std::size_t column, const std::string& nl) {
  std::string kept;
  for (const std::string_view comment : source.comments(first, last)) {
    kept += std::string(column, ' ') + std::string(comment) + nl;
  }
  return kept;
}

struct LineEdit {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::string text;  // replaces lines first..last whole
};

}  // namespace

bool is_v1_record(const document::Node& root) {
  const Node* schema = root.find("schema");
  return schema != nullptr && schema->is_string() && schema->as_string() == "wellbeing/v1";
}

util::Expected<Migration, util::Failure> migrate_record(std::string_view text, const document::Document& parsed) {
  const Node& root = parsed.root;
  const Node* schema = root.find("schema");
  if (schema != nullptr && schema->is_string() && schema->as_string() == "wellbeing/v2") {
    return Migration{true, std::string(text)};
  }
  if (!is_v1_record(root)) {
    return util::unexpected(fmt::format("{}: not a wellbeing/v1 record (`schema:` should say wellbeing/v1)",
                                        parsed.path));
  }
  const document::SourceText source(text);
  const Style style = detect_style(source, root);
  const std::string& nl = style.newline;
  std::vector<TextEdit> edits;
  std::vector<LineEdit> lines;

  // schema: the value's own bytes, in whatever quotes it has.
  {
    const std::size_t at = source.offset(schema->mark());
    const std::size_t found = text.find("wellbeing/v1", at);
    edits.push_back(TextEdit{found + 11, 1, "2"});
  }

  if (const Node* areas = root.find("areas"); areas != nullptr && areas->is_mapping()) {
    for (const Entry& area : areas->entries()) {
      const Entry* said = area.value.find_entry("said");
      const Entry* concerns = area.value.find_entry("concerns");
      const bool string_concerns = concerns != nullptr && concerns->value.is_sequence() &&
                                   std::any_of(concerns->value.items().begin(), concerns->value.items().end(),
                                               [](const Node& c) { return c.is_string(); });
      if (said == nullptr && !string_concerns) {
        continue;
      }
      const Node* updated = area.value.find("updated");
      if (updated == nullptr) {
        return util::unexpected(fmt::format("{}:{}: area {} has no `updated` date to date its view or concerns "
                                            "by; add one, then migrate",
                                            parsed.path, area.key_mark.line, area.key));
      }
      const std::size_t value_at = source.offset(area.value.mark());
      const std::string date = updated->text();
      const std::vector<std::string> from = sources_for(root, area, date);
      if (value_at < text.size() && text[value_at] == '{') {
        // Written in flow style: the area is written again, its words the same, in the file's style.
        const std::size_t column = area.key_mark.column - 1;
        const std::uint32_t first = area.key_mark.line;
        const std::uint32_t last = source.block_last_line(first, column, true);
        std::vector<Entry> entries;
        for (const Entry& e : area.value.entries()) {
          if (e.key == "said") {
            entries.push_back(Entry{"views", {}, views_of(e.value, date, from)});
          } else if (e.key == "concerns" && string_concerns) {
            entries.push_back(Entry{"concerns", {}, concerns_of(e.value, date)});
          } else {
            entries.push_back(e);
          }
        }
        lines.push_back(LineEdit{first, last, comments_in(source, first, last, column, nl) +
                                                  render_entry(area.key, Node::make_mapping(std::move(entries)),
                                                               column, style)});
        continue;
      }
      if (said != nullptr) {
        const std::size_t column = said->key_mark.column - 1;
        const std::uint32_t first = said->key_mark.line;
        const std::uint32_t last = source.block_last_line(first, column, true);
        const std::string_view key_line = whole_line(source, first);
        const std::size_t colon = key_line.find(':', column);
        const std::string pad(column, ' ');
        const std::size_t dash = style.indented_sequences ? column + style.indent : column;
        const std::string inner(dash + style.dash_gap, ' ');
        const std::string extra(dash + style.dash_gap - column, ' ');
        std::string out = pad + "views:" + nl + std::string(dash, ' ') + "-" +
                          std::string(style.dash_gap - 1, ' ') + "date: " + date + nl + inner + "said" +
                          std::string(key_line.substr(colon));
        for (std::uint32_t line = first + 1; line <= last; ++line) {
          const std::string_view t = whole_line(source, line);
          out += source.is_blank(line) ? std::string(t) : extra + std::string(t);
        }
        if (!out.ends_with('\n')) {
          out += nl;
        }
        if (from.size() == 1) {
          out += inner + "from: " + quote_scalar(from.front(), Context::block) + nl;
        } else if (!from.empty()) {
          std::vector<Node> ids;
          for (const std::string& id : from) {
            ids.push_back(Node::make_string(id));
          }
          out += inner + "from: " + render_flow(Node::make_sequence(std::move(ids))) + nl;
        }
        lines.push_back(LineEdit{first, last, std::move(out)});
      }
      if (string_concerns) {
        const std::size_t column = concerns->key_mark.column - 1;
        const std::uint32_t first = concerns->key_mark.line;
        const std::uint32_t last = source.block_last_line(first, column, true);
        lines.push_back(LineEdit{first, last, comments_in(source, first, last, column, nl) +
                                                  render_entry("concerns", concerns_of(concerns->value, date),
                                                               column, style)});
      }
    }
  }
  for (const LineEdit& e : lines) {
    const std::size_t begin = source.line_start(e.first);
    const std::size_t end = source.next_line_start(e.last);
    edits.push_back(TextEdit{begin, end - begin, e.text});
  }
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
  Migration result{false, apply_edits(text, edits)};

  // The new text must say the same: every said as the first view, every concern's words.
  auto reparsed = document::parse(result.text, parsed.path);
  if (!reparsed) {
    return util::unexpected(fmt::format("{}: the record could not be migrated safely in place (the result does "
                                        "not read back); nothing was written",
                                        parsed.path));
  }
  const Node* new_areas = reparsed->root.find("areas");
  if (const Node* areas = root.find("areas"); areas != nullptr && areas->is_mapping()) {
    for (const Entry& area : areas->entries()) {
      const Node* after = new_areas == nullptr ? nullptr : new_areas->find(area.key);
      auto fail = [&] {
        return util::unexpected(util::Failure(fmt::format(
            "{}:{}: area {} could not be migrated safely in place; nothing was written", parsed.path,
            area.key_mark.line, area.key)));
      };
      if (after == nullptr) {
        return fail();
      }
      for (const Entry& e : area.value.entries()) {
        const Node* now = after->find(e.key == "said" ? "views" : e.key);
        if (now == nullptr) {
          return fail();
        }
        if (e.key == "said") {
          const Node* first = now->items().empty() ? nullptr : now->items().front().find("said");
          if (first == nullptr || !first->equals(e.value)) {
            return fail();
          }
        } else if (e.key == "concerns" && e.value.is_sequence()) {
          if (now->size() != e.value.size()) {
            return fail();
          }
          for (std::size_t i = 0; i < e.value.size(); ++i) {
            const Node& old_item = e.value.items()[i];
            const Node* words = old_item.is_string() ? now->items()[i].find("text") : &now->items()[i];
            if (words == nullptr || !words->equals(old_item)) {
              return fail();
            }
          }
        } else if (!now->equals(e.value)) {
          return fail();
        }
      }
    }
  }
  return result;
}

}  // namespace wellbeing::edit
