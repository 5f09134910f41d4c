// Rules about outcomes and actions: WB009, WB010, WB015, WB016, WB017, WB023, WB025.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "checks.hpp"

namespace wellbeing::rules::detail {

namespace {

bool active(const records::Outcome& outcome) { return outcome.status == "open" || outcome.status == "in_progress"; }

std::string_view at_risk(std::string_view who) {
  if (who == "child") {
    return "a child";
  }
  if (who == "vulnerable_adult") {
    return "another vulnerable adult";
  }
  return "others";
}

bool shares_an_area(const records::Strength& strength, const records::Outcome& outcome) {
  if (strength.areas.empty()) {
    return true;  // a strength not tied to an area may help anywhere
  }
  return std::any_of(strength.areas.begin(), strength.areas.end(), [&](std::string_view area) {
    return std::find(outcome.areas.begin(), outcome.areas.end(), area) != outcome.areas.end();
  });
}

}  // namespace

Findings wb009_unmet_outcome_referred(const Context& context) {
  // The seed asks for two things: help to reach someone better placed to meet this outcome (a referral), and,
  // since the service cannot support the person to meet it, a review of their support (a review request).
  // A met outcome needs no review any more; how it was met elsewhere is still the referral.
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    if (outcome.service_can_meet || outcome.status == "withdrawn") {
      continue;
    }
    const bool no_referral = !outcome.has_referral;
    const bool no_request = outcome.review_request.empty() && outcome.status != "met";
    if (no_referral && no_request) {
      out.push_back(at(outcome, "/service_can_meet",
                       fmt::format("outcome {} cannot be met by the service but has no referral and no review "
                                   "request: help the person reach someone better placed, and ask for a review",
                                   outcome.id)));
    } else if (no_referral) {
      out.push_back(at(outcome, "/service_can_meet",
                       fmt::format("outcome {} cannot be met by the service but has no referral: a review request "
                                   "alone does not help the person reach someone better placed to meet it",
                                   outcome.id)));
    } else if (no_request) {
      out.push_back(at(outcome, "/service_can_meet",
                       fmt::format("outcome {} cannot be met by the service but has no review request: ask the "
                                   "local authority to review the person's support (review_request)",
                                   outcome.id)));
    }
  }
  return out;
}

Findings wb010_risk_mitigated(const Context& context) {
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    if (outcome.has_risk_to_others && outcome.risk_mitigation.empty() && outcome.status != "withdrawn") {
      out.push_back(at(outcome, "/risk_to_others",
                       fmt::format("outcome {} carries a risk to {} with no mitigation: it does not go ahead until "
                                   "the risk is managed",
                                   outcome.id, at_risk(outcome.risk_who))));
    }
  }
  return out;
}

Findings wb015_outcome_actions(const Context& context) {
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    if (active(outcome) && outcome.actions.empty()) {
      out.push_back(
          at(outcome, "",
             fmt::format("outcome {} is {} but has no actions: say who will do what", outcome.id, outcome.status)));
    }
  }
  return out;
}

Findings wb016_action_owner(const Context& context) {
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    for (const auto& action : outcome.actions) {
      if (action.who.empty()) {
        out.push_back(at(action, "",
                         fmt::format("action {} of outcome {} does not say who does it (who: self, network, "
                                     "community, service or other_agency)",
                                     action.id, outcome.id)));
      }
    }
  }
  return out;
}

Findings wb017_strengths_first(const Context& context) {
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    const bool all_service =
        !outcome.actions.empty() && std::all_of(outcome.actions.begin(), outcome.actions.end(),
                                                [](const records::Action& action) { return action.who == "service"; });
    if (!active(outcome) || !all_service) {
      continue;
    }
    std::vector<std::string_view> ids;
    bool self = false;
    bool network = false;
    for (const auto& strength : context.record.strengths) {
      if ((strength.level == "self" || strength.level == "network") && shares_an_area(strength, outcome)) {
        ids.push_back(strength.id);
        self = self || strength.level == "self";
        network = network || strength.level == "network";
      }
    }
    if (ids.empty()) {
      continue;
    }
    const std::string_view whom = self && network ? "the person and their network"
                                  : self          ? "the person"
                                                  : "their network";
    out.push_back(at(outcome, "",
                     fmt::format("every action of outcome {} is the service's, though the record lists strengths of "
                                 "{} in its areas ({}): could they do part of it?",
                                 outcome.id, whom, fmt::join(ids, ", "))));
  }
  return out;
}

Findings wb023_met_on(const Context& context) {
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    if (outcome.status == "met" && !outcome.met_on) {
      out.push_back(at(outcome, "", fmt::format("outcome {} is met but has no met_on date", outcome.id)));
    } else if (outcome.met_on && !outcome.status.empty() && outcome.status != "met") {
      out.push_back(at(outcome, "/met_on",
                       fmt::format("outcome {} has a met_on date but its status is {}", outcome.id, outcome.status)));
    }
  }
  return out;
}

Findings wb025_risk_agreed_first(const Context& context) {
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    if (!outcome.has_risk_to_others || outcome.risk_mitigation.empty()) {
      continue;  // no risk, or WB010's to report
    }
    if (!outcome.risk_agreed_on) {
      if (outcome.status == "in_progress" || outcome.status == "met") {
        out.push_back(at(outcome, "/risk_to_others",
                         fmt::format("outcome {} is {} but the mitigation of its risk to others has no agreed_on date",
                                     outcome.id, outcome.status)));
      }
      continue;
    }
    for (const auto& action : outcome.actions) {
      if (action.done && *action.done < *outcome.risk_agreed_on) {
        out.push_back(at(action, "/done",
                         fmt::format("action {} was done on {}, before the mitigation of the risk to others was agreed "
                                     "on {}",
                                     action.id, show(*action.done), show(*outcome.risk_agreed_on))));
      }
    }
  }
  return out;
}

}  // namespace wellbeing::rules::detail
