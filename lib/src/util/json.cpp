#include "wellbeing/util/json.hpp"

#include <string_view>

#include <nlohmann/json.hpp>

namespace wellbeing::util {

namespace {

// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as \u escapes. Their UTF-8 bytes can only stand inside a
// string, since JSON's own syntax is ASCII, so replacing them in the text changes no structure.
std::string escape_line_separators(std::string text) {
  if (text.find("\xC2\x85") == std::string::npos && text.find("\xE2\x80\xA8") == std::string::npos &&
      text.find("\xE2\x80\xA9") == std::string::npos) {
    return text;
  }
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = std::string_view(text).substr(i);
    if (rest.starts_with("\xC2\x85")) {
      out += "\\u0085";
      i += 1;
    } else if (rest.starts_with("\xE2\x80\xA8")) {
      out += "\\u2028";
      i += 2;
    } else if (rest.starts_with("\xE2\x80\xA9")) {
      out += "\\u2029";
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

template <class Json>
std::string dump(const Json& value, int indent) {
  return escape_line_separators(value.dump(indent, ' ', false, Json::error_handler_t::replace));
}

}  // namespace

std::string json_text(const nlohmann::json& value, int indent) { return dump(value, indent); }
std::string json_text(const nlohmann::ordered_json& value, int indent) { return dump(value, indent); }

}  // namespace wellbeing::util
