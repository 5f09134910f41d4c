// Rules about the person's voice and the people around them: WB012, WB013, WB014.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "checks.hpp"

namespace wellbeing::rules::detail {

namespace {

// Who can support and represent a person who cannot take part; a professional involved in their care cannot.
constexpr std::array<std::string_view, 7> k_appropriate_roles{
    "family", "friend", "carer", "attorney", "deputy", "imca", "care_act_advocate"};

std::string_view where_voice_is_written(const records::Person& person) {
  return person.can_take_part == "not_at_present" ? "/capacity/can_take_part" : "/voice";
}

}  // namespace

Findings wb012_voice_established(const Context& context) {
  Findings out;
  const records::Person& person = context.record.person;
  const std::string why = cannot_take_part(person);
  if (!why.empty() && person.representatives.empty() && context.record.evidence.empty()) {
    out.push_back(at(person, where_voice_is_written(person),
                     fmt::format("the person cannot take part at present ({}) but the record has no representative, "
                                 "advocate or evidence of how their views were found",
                                 why)));
  }
  return out;
}

Findings wb013_advocate(const Context& context) {
  Findings out;
  const records::Person& person = context.record.person;
  const std::string why = cannot_take_part(person);
  const bool supported =
      std::any_of(person.representatives.begin(), person.representatives.end(), [](const records::Representative& r) {
        return std::find(k_appropriate_roles.begin(), k_appropriate_roles.end(), r.role) != k_appropriate_roles.end();
      });
  if (!why.empty() && !supported) {
    out.push_back(at(person, person.representatives.empty() ? where_voice_is_written(person) : "/representatives",
                     fmt::format("the person cannot take part at present ({}) and has no family member, friend, carer, "
                                 "attorney, deputy or advocate to support them: consider an independent advocate",
                                 why)));
  }
  return out;
}

Findings wb014_consulted_basis(const Context& context) {
  Findings out;
  for (const auto& evidence : context.record.evidence) {
    if (evidence.has_consulted && evidence.consulted_basis.empty()) {
      out.push_back(
          at(evidence, "/consulted",
             fmt::format("evidence {} consulted {} but does not say why they know the person "
                         "(consulted.basis)",
                         evidence.id,
                         evidence.consulted_name.empty() ? std::string_view("someone") : evidence.consulted_name)));
    }
  }
  return out;
}

}  // namespace wellbeing::rules::detail
