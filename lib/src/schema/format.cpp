#include "format.hpp"

#include <algorithm>
#include <optional>

namespace wellbeing::schema::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The value of `count` ASCII digits at `offset`, or nullopt.
std::optional<int> digits_at(std::string_view text, std::size_t offset, std::size_t count) {
  if (offset + count > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = offset; i < offset + count; ++i) {
    if (!is_digit(text[i])) {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

bool is_unreserved(char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

bool is_sub_delim(char c) { return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos; }

// Every character is unreserved, a sub-delimiter, one of `extra`, or a complete %XX escape.
bool all_uri_chars(std::string_view text, std::string_view extra) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !is_hex(text[i + 1]) || !is_hex(text[i + 2])) {
        return false;
      }
      i += 2;
    } else if (!is_unreserved(c) && !is_sub_delim(c) && extra.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool is_host(std::string_view host) {
  if (host.starts_with('[')) {
    // IP-literal: an IPv6 address or IPvFuture; checked for its alphabet only.
    if (!host.ends_with(']') || host.size() < 3) {
      return false;
    }
    const std::string_view inside = host.substr(1, host.size() - 2);
    if (inside.front() == 'v' || inside.front() == 'V') {
      return all_uri_chars(inside.substr(1), ":");
    }
    return std::all_of(inside.begin(), inside.end(), [](char c) { return is_hex(c) || c == ':' || c == '.'; }) &&
           inside.find(':') != std::string_view::npos;
  }
  return all_uri_chars(host, "");
}

bool is_authority(std::string_view authority) {
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    if (!all_uri_chars(authority.substr(0, at), ":")) {
      return false;
    }
    authority.remove_prefix(at + 1);
  }
  // A port follows the last colon that is not inside an IP literal.
  const std::size_t bracket = authority.rfind(']');
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    const std::string_view port = authority.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(), is_digit)) {
      return false;
    }
    authority = authority.substr(0, colon);
  }
  return is_host(authority);
}

bool is_dot_atom(std::string_view text, bool (*allowed)(char)) {
  if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [allowed](char c) { return c == '.' || allowed(c); });
}

bool is_atext(char c) {
  return is_alpha(c) || is_digit(c) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool is_label_char(char c) { return is_alpha(c) || is_digit(c) || c == '-'; }

// RFC 5322 quoted-string local part: "joe bloggs", with backslash escapes.
bool is_quoted_local(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') {
    return false;
  }
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\\') {
      if (i + 2 >= text.size()) {
        return false;
      }
      ++i;
    } else if (c == '"' || c < 0x20 || c == 0x7F) {
      return false;
    }
  }
  return true;
}

// Four decimal octets, 0 to 255, without leading zeros.
bool is_ipv4(std::string_view text) {
  int octets = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t dot = std::min(text.find('.', start), text.size());
    const std::string_view part = text.substr(start, dot - start);
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), is_digit) ||
        (part.size() > 1 && part.front() == '0')) {
      return false;
    }
    int value = 0;
    for (char c : part) {
      value = value * 10 + (c - '0');
    }
    if (value > 255) {
      return false;
    }
    ++octets;
    start = dot + 1;
  }
  return octets == 4;
}

}  // namespace

bool is_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  const auto year = digits_at(text, 0, 4);
  const auto month = digits_at(text, 5, 2);
  const auto day = digits_at(text, 8, 2);
  return year && month && day && *month >= 1 && *month <= 12 && *day >= 1 && *day <= days_in_month(*year, *month);
}

bool is_time(std::string_view text) {
  if (text.size() < 9 || text[2] != ':' || text[5] != ':') {
    return false;
  }
  const auto hour = digits_at(text, 0, 2);
  const auto minute = digits_at(text, 3, 2);
  const auto second = digits_at(text, 6, 2);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
    return false;
  }
  std::size_t i = 8;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
    }
    if (i == start) {
      return false;
    }
  }
  if (i >= text.size()) {
    return false;  // RFC 3339 requires the offset
  }
  int offset_minutes = 0;
  if (text[i] == 'Z' || text[i] == 'z') {
    if (i + 1 != text.size()) {
      return false;
    }
  } else if (text[i] == '+' || text[i] == '-') {
    if (text.size() != i + 6 || text[i + 3] != ':') {
      return false;
    }
    const auto offset_hour = digits_at(text, i + 1, 2);
    const auto offset_minute = digits_at(text, i + 4, 2);
    if (!offset_hour || !offset_minute || *offset_hour > 23 || *offset_minute > 59) {
      return false;
    }
    offset_minutes = (text[i] == '+' ? 1 : -1) * (*offset_hour * 60 + *offset_minute);
  } else {
    return false;
  }
  if (*second == 60) {
    // A leap second is the last second of a UTC day: 23:59:60Z, or the same instant in another zone.
    const int utc = ((*hour * 60 + *minute - offset_minutes) % 1440 + 1440) % 1440;
    return utc == 23 * 60 + 59;
  }
  return true;
}

bool is_date_time(std::string_view text) {
  return text.size() > 11 && (text[10] == 'T' || text[10] == 't') && is_date(text.substr(0, 10)) &&
         is_time(text.substr(11));
}

bool is_email(std::string_view text) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos) {
    return false;
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (!is_dot_atom(local, is_atext) && !is_quoted_local(local)) {
    return false;
  }
  if (domain.starts_with('[')) {
    if (!domain.ends_with(']') || domain.size() < 3) {
      return false;
    }
    const std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.starts_with("IPv6:")) {
      const std::string_view address = literal.substr(5);
      return !address.empty() && address.find(':') != std::string_view::npos &&
             std::all_of(address.begin(), address.end(), [](char c) { return is_hex(c) || c == ':' || c == '.'; });
    }
    return is_ipv4(literal);
  }
  if (!is_dot_atom(domain, is_label_char)) {
    return false;
  }
  // No label may start or end with a hyphen.
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, dot - start);
    if (label.front() == '-' || label.back() == '-') {
      return false;
    }
    start = dot + 1;
  }
  return true;
}

bool is_uri(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(text.front())) {
    return false;
  }
  const std::string_view scheme = text.substr(0, colon);
  if (!std::all_of(scheme.begin(), scheme.end(),
                   [](char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; })) {
    return false;
  }
  std::string_view rest = text.substr(colon + 1);
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    if (!all_uri_chars(rest.substr(hash + 1), ":@/?")) {
      return false;
    }
    rest = rest.substr(0, hash);
  }
  const std::size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    if (!all_uri_chars(rest.substr(question + 1), ":@/?")) {
      return false;
    }
    rest = rest.substr(0, question);
  }
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const std::size_t slash = rest.find('/');
    if (!is_authority(rest.substr(0, slash))) {
      return false;
    }
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  return all_uri_chars(rest, ":@/");
}

}  // namespace wellbeing::schema::detail
