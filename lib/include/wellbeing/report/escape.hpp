#pragma once

#include <string>
#include <string_view>

namespace wellbeing::report {

// Whether `url` may be a live link: http:// or https:// with a host, or mailto: with an address; no spaces,
// control characters, quotes or angle brackets. Schemes are matched without regard to case.
bool is_safe_link(std::string_view url);

// Turns every http, https and mailto URL in text that util::escape_markup already escaped into a link
// (<a href="…">…</a>). Anything else, javascript: included, stays text.
std::string linkify_html(std::string_view escaped);

// Turns every http, https and mailto URL in text that util::escape_markdown already escaped into an autolink
// (<…>). Anything else stays text.
std::string linkify_markdown(std::string_view escaped);

}  // namespace wellbeing::report
