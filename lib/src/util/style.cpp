#include "wellbeing/util/style.hpp"

namespace wellbeing::util::style {

std::string paint(std::string_view code, std::string_view text, bool on) {
  if (!on || code.empty()) {
    return std::string(text);
  }
  std::string out;
  out.reserve(code.size() + text.size() + k_reset.size());
  out.append(code).append(text).append(k_reset);
  return out;
}

}  // namespace wellbeing::util::style
