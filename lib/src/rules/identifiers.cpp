#include "wellbeing/rules/identifiers.hpp"

#include <algorithm>
#include <string>

namespace wellbeing::rules {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(char c) { return is_digit(c) || is_upper(c) || is_lower(c); }
char upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
bool one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// A full stop between two digits ("1.5"), which joins a number rather than ending it.
bool decimal_point(std::string_view text, std::size_t i) {
  return text[i] == '.' && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) && is_digit(text[i + 1]);
}

// A candidate number: digits with single spaces or hyphens between groups, brackets around an area code,
// and an optional leading "+". `end` is one past its last digit.
struct NumberRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string digits;
  bool plus = false;
  bool brackets = false;
};

NumberRun read_number(std::string_view text, std::size_t begin) {
  NumberRun run;
  run.begin = begin;
  std::size_t i = begin;
  if (text[i] == '+') {
    run.plus = true;
    ++i;
  }
  std::size_t last_digit_end = i;
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      run.digits += c;
      ++i;
      last_digit_end = i;
      continue;
    }
    // Up to two separators in a row (") ", " (", " - "), and only when a digit follows them.
    std::size_t j = i;
    while (j < text.size() && j - i < 3 && one_of(text[j], " -()")) {
      ++j;
    }
    if (j == i || j >= text.size() || !is_digit(text[j])) {
      break;
    }
    for (std::size_t k = i; k < j; ++k) {
      run.brackets = run.brackets || text[k] == '(' || text[k] == ')';
    }
    i = j;
  }
  run.end = last_digit_end;
  return run;
}

// Ten digits written together, or 3-3-4 with one kind of separator.
bool nhs_layout(std::string_view written) {
  if (written.size() == 10) {
    return true;
  }
  if (written.size() != 12) {
    return false;
  }
  const char sep = written[3];
  if ((sep != ' ' && sep != '-') || written[7] != sep) {
    return false;
  }
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (i != 3 && i != 7 && !is_digit(written[i])) {
      return false;
    }
  }
  return true;
}

// The number in national form ("07700900123"), or empty when it is not a UK number.
std::string national_form(const NumberRun& run) {
  std::string digits = run.digits;
  const bool international = run.plus || digits.starts_with("0044");
  if (!international) {
    return digits.starts_with("0") ? digits : std::string();
  }
  digits.erase(0, run.plus ? 0 : 2);
  if (!digits.starts_with("44")) {
    return {};
  }
  digits.erase(0, 2);
  // "+44 (0)7700 …": the trunk 0 written in brackets.
  return digits.starts_with("0") ? digits : "0" + digits;
}

bool uk_phone(std::string_view national) {
  if (national.size() < 2 || national[0] != '0') {
    return false;
  }
  switch (national[1]) {
    case '1':
      return national.size() == 10 || national.size() == 11;
    case '2':
    case '3':
    case '7':
      return national.size() == 11;
    default:
      return false;
  }
}

// Postcodes (after the Royal Mail format): outward code A9, A99, AA9, AA99, A9A or AA9A; inward code 9AA.
constexpr std::string_view k_first = "ABCDEFGHIJKLMNOPRSTUWYZ";   // not Q, V, X
constexpr std::string_view k_second = "ABCDEFGHKLMNOPQRSTUVWXY";  // not I, J, Z
constexpr std::string_view k_third_a9a = "ABCDEFGHJKPSTUW";       // A9A
constexpr std::string_view k_fourth_aa9a = "ABEHMNPRVWXY";        // AA9A
constexpr std::string_view k_inward = "ABDEFGHJLNPQRSTUWXYZ";     // not C, I, K, M, O, V

// Lengths of the outward codes that start at text[i] (upper-cased), longest first.
std::vector<std::size_t> outward_lengths(std::string_view text, std::size_t i) {
  auto at = [&](std::size_t k) { return i + k < text.size() ? upper(text[i + k]) : '\0'; };
  std::vector<std::size_t> out;
  if (!one_of(at(0), k_first) || at(0) == '\0') {
    return out;
  }
  if (is_digit(at(1))) {
    if (is_digit(at(2))) {
      out.push_back(3);  // A99
    }
    if (at(2) != '\0' && one_of(at(2), k_third_a9a)) {
      out.push_back(3);  // A9A
    }
    out.push_back(2);  // A9
  } else if (at(1) != '\0' && one_of(at(1), k_second) && is_digit(at(2))) {
    if (is_digit(at(3))) {
      out.push_back(4);  // AA99
    }
    if (at(3) != '\0' && one_of(at(3), k_fourth_aa9a)) {
      out.push_back(4);  // AA9A
    }
    out.push_back(3);  // AA9
  }
  return out;
}

bool inward_at(std::string_view text, std::size_t i) {
  return i + 3 <= text.size() && is_digit(text[i]) && one_of(upper(text[i + 1]), k_inward) &&
         one_of(upper(text[i + 2]), k_inward);
}

// Letters all capitals, or all small: "LS1 4AP" or "ls1 4ap", not "Ls1 4Ap".
bool consistent_case(std::string_view code, bool allow_lower) {
  bool any_upper = false;
  bool any_lower = false;
  for (char c : code) {
    any_upper = any_upper || is_upper(c);
    any_lower = any_lower || is_lower(c);
  }
  return !(any_upper && any_lower) && (allow_lower || !any_lower);
}

std::size_t match_postcode(std::string_view text, std::size_t i) {
  for (std::size_t out : outward_lengths(text, i)) {
    const std::size_t after = i + out;
    // Spaced: "LS1 4AP" (capitals or small letters).
    if (after < text.size() && text[after] == ' ' && inward_at(text, after + 1)) {
      const std::size_t end = after + 4;
      if ((end == text.size() || !is_alnum(text[end])) && consistent_case(text.substr(i, end - i), true)) {
        return end - i;
      }
    }
    // Run together: "LS14AP", capitals only.
    if (inward_at(text, after)) {
      const std::size_t end = after + 3;
      if ((end == text.size() || !is_alnum(text[end])) && consistent_case(text.substr(i, end - i), false)) {
        return end - i;
      }
    }
  }
  return 0;
}

}  // namespace

std::string_view describe(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::nhs_number:
      return "an NHS number";
    case IdentifierKind::phone_number:
      return "a UK phone number";
    case IdentifierKind::postcode:
      return "a postcode";
  }
  return "an identifier";
}

bool valid_nhs_check_digit(std::string_view digits) {
  if (digits.size() != 10) {
    return false;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (!is_digit(digits[i])) {
      return false;
    }
    if (i < 9) {
      sum += (digits[i] - '0') * static_cast<int>(10 - i);
    }
  }
  int check = 11 - sum % 11;
  if (check == 11) {
    check = 0;
  }
  return check != 10 && check == digits[9] - '0';
}

std::vector<IdentifierMatch> find_identifiers(std::string_view text) {
  std::vector<IdentifierMatch> out;
  // NHS and phone numbers hold ten digits or more, a postcode two digits and two letters (its inward code
  // is a digit and two letters, its outward code holds a digit), so most text (words, dates, ids such as
  // o-12) is known to hold none from its counts alone.
  const auto first_digit = std::find_if(text.begin(), text.end(), is_digit);
  if (first_digit == text.end()) {
    return out;  // the common case, found in one pass
  }
  std::size_t digits = 0;
  std::size_t letters = 0;
  for (const char c : text) {
    digits += is_digit(c) ? 1 : 0;
    letters += is_upper(c) || is_lower(c) ? 1 : 0;
  }
  if (digits < 2 || (digits < 10 && letters < 2)) {
    return out;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool word_start = i == 0 || !(is_alnum(text[i - 1]) || text[i - 1] == '+' || decimal_point(text, i - 1));
    if (word_start && (is_digit(c) || ((c == '+' || c == '(') && i + 1 < text.size() &&
                                       (is_digit(text[i + 1]) || text[i + 1] == '0')))) {
      const NumberRun run = read_number(text, c == '(' ? i + 1 : i);
      const bool boundary_after = run.end == text.size() || !(is_alnum(text[run.end]) || decimal_point(text, run.end));
      if (boundary_after && !run.digits.empty()) {
        const std::string_view written = text.substr(run.begin, run.end - run.begin);
        const std::string national = national_form(run);
        if (!run.plus && !run.brackets && run.digits.size() == 10 && run.digits[0] != '0' && nhs_layout(written) &&
            valid_nhs_check_digit(run.digits)) {
          out.push_back({IdentifierKind::nhs_number, run.begin, run.end - run.begin});
          i = run.end;
          continue;
        }
        if (uk_phone(national)) {
          out.push_back({IdentifierKind::phone_number, i, run.end - i});
          i = run.end;
          continue;
        }
      }
      // Not an identifier: skip the whole number so its tail is not read as a new one.
      i = std::max(run.end, i + 1);
      continue;
    }
    if (word_start && is_alnum(c)) {
      if (const std::size_t length = match_postcode(text, i)) {
        out.push_back({IdentifierKind::postcode, i, length});
        i += length;
        continue;
      }
      // Skip to the end of this word.
      while (i < text.size() && is_alnum(text[i])) {
        ++i;
      }
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace wellbeing::rules
