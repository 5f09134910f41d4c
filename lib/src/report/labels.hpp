#pragma once
// The words the person report and the provider report share: the record's enumerated values, dates as
// people read them (and as a redaction lets them be known), counts and lists.

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/records/redaction.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::report::labels {

// ---- Words for the record's enumerated values -------------------------------------------------------------

struct Label {
  std::string_view value;
  std::string_view words;
};

inline constexpr std::array k_voice{
    Label{"direct", "Speaks for themselves"},
    Label{"supported", "Speaks for themselves, with support"},
    Label{"represented", "Represented by a carer, family member or advocate"},
    Label{"observation", "Views understood mainly by spending time with them"},
    Label{"earlier_views", "Guided mainly by their earlier views"},
};
inline constexpr std::array k_can_take_part{
    Label{"able", "Able to take part"},
    Label{"with_support", "Can take part with support"},
    Label{"not_at_present", "Cannot take part in the conversation at present"},
};
inline constexpr std::array k_role{
    Label{"family", "Family"},
    Label{"friend", "Friend"},
    Label{"carer", "Carer"},
    Label{"care_act_advocate", "Care Act advocate"},
    Label{"imca", "Independent mental capacity advocate"},
    Label{"attorney", "Attorney"},
    Label{"deputy", "Deputy"},
    Label{"professional", "Professional"},
};
inline constexpr std::array k_format{
    Label{"easy_read", "Easy read"},
    Label{"large_print", "Large print"},
    Label{"braille", "Braille"},
    Label{"audio", "Audio"},
    Label{"bsl", "British Sign Language"},
    Label{"makaton", "Makaton"},
    Label{"interpreter", "Interpreter"},
    Label{"pictures", "Pictures"},
    Label{"objects_of_reference", "Objects of reference"},
    Label{"other", "Other"},
};
inline constexpr std::array k_level{Label{"high", "High"}, Label{"medium", "Medium"}, Label{"low", "Low"},
                                    Label{"not_said", "Not said"}};
inline constexpr std::array k_said_by{
    Label{"person", "said by the person"},
    Label{"representative", "said by a representative"},
    Label{"judgement", "a judgement from consultation and evidence"},
};
inline constexpr std::array k_evidence_kind{
    Label{"earlier_views", "Earlier views"},       Label{"observation", "Observation"},
    Label{"consultation", "Consultation"},         Label{"abc_chart", "ABC chart"},
    Label{"advocate_report", "Advocate's report"}, Label{"other", "Other evidence"},
};
inline constexpr std::array k_strength_level{
    Label{"self", "The person"},
    Label{"network", "Family and friends"},
    Label{"community", "Community"},
};
inline constexpr std::array k_outcome_kind{
    Label{"achieve", "To achieve"},
    Label{"change", "To change"},
    Label{"keep", "To keep the same"},
};
inline constexpr std::array k_outcome_status{
    Label{"open", "Open"},       Label{"in_progress", "In progress"}, Label{"met", "Met"},
    Label{"not_met", "Not met"}, Label{"withdrawn", "Withdrawn"},
};
inline constexpr std::array k_actor{
    Label{"self", "The person"},     Label{"network", "Family and friends"},  Label{"community", "Community"},
    Label{"service", "The service"}, Label{"other_agency", "Another agency"},
};
inline constexpr std::array k_approach{
    Label{"powerful_questions", "Powerful questions"},
    Label{"appreciative_enquiry", "Appreciative enquiry"},
    Label{"observation", "Observation"},
    Label{"consultation", "Consultation with people who know them"},
    Label{"everyday", "An everyday conversation"},
};
inline constexpr std::array k_review_type{
    Label{"first", "First review"},
    Label{"scheduled", "Scheduled review"},
    Label{"requested", "Requested review"},
    Label{"change_of_circumstances", "Change of circumstances"},
};
inline constexpr std::array k_requested_by{
    Label{"person", "The person"},
    Label{"carer", "A carer"},
    Label{"provider", "The provider"},
    Label{"other", "Other"},
};
inline constexpr std::array k_request_status{
    Label{"pending", "Pending"},
    Label{"accepted", "Accepted"},
    Label{"completed", "Completed"},
    Label{"declined", "Declined"},
};
inline constexpr std::array k_abuse_type{
    Label{"physical", "Physical abuse"},
    Label{"domestic", "Domestic abuse"},
    Label{"sexual", "Sexual abuse"},
    Label{"psychological", "Psychological abuse"},
    Label{"financial_material", "Financial or material abuse"},
    Label{"modern_slavery", "Modern slavery"},
    Label{"discriminatory", "Discriminatory abuse"},
    Label{"organisational", "Organisational abuse"},
    Label{"neglect", "Neglect"},
    Label{"self_neglect", "Self-neglect"},
};
inline constexpr std::array k_flag_status{Label{"open", "Open"}, Label{"closed", "Closed"}};
inline constexpr std::array k_basis{
    Label{"consent", "Consent"},
    Label{"care_and_treatment", "Care and treatment"},
    Label{"legal_obligation", "Legal obligation"},
    Label{"vital_interests", "Vital interests"},
    Label{"safeguarding", "Safeguarding"},
    Label{"public_task", "Public task"},
};
inline constexpr std::array k_at_risk{
    Label{"child", "A child"},
    Label{"vulnerable_adult", "Another adult at risk"},
    Label{"other", "Someone else"},
};

// The words for `value`, or the value as written when it is not one the schema knows (an invalid record).
template <std::size_t N>
inline std::string words(const std::array<Label, N>& labels, std::string_view value) {
  for (const Label& label : labels) {
    if (label.value == value) {
      return std::string(label.words);
    }
  }
  return std::string(value);
}

// `value` when it is one the schema knows, else "unknown": safe to use in a class attribute.
template <std::size_t N>
inline std::string token(const std::array<Label, N>& labels, std::string_view value) {
  for (const Label& label : labels) {
    if (label.value == value) {
      return std::string(label.value);
    }
  }
  return "unknown";
}

inline constexpr std::array<std::string_view, 12> k_months{"January",   "February", "March",    "April",
                                                           "May",       "June",     "July",     "August",
                                                           "September", "October",  "November", "December"};

inline std::string month_year(util::Date date) {
  return fmt::format("{} {}", k_months[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()));
}

inline std::string short_month_year(util::Date date) {
  return fmt::format("{} {}", k_months[static_cast<unsigned>(date.month()) - 1].substr(0, 3),
                     static_cast<int>(date.year()));
}

template <typename Text>
std::string join(const std::vector<Text>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (item.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

inline std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  return join<std::string>(items, separator);
}

inline std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// A chart coordinate: one decimal is finer than a printer dot at these sizes; fixed so output is the same
// everywhere.
inline std::string number(double value) {
  std::string out = fmt::format("{:.1f}", value);
  return out == "-0.0" ? "0.0" : out;
}

// ---- Redaction ---------------------------------------------------------------------------------------------

// The report's words for what the redaction shows. Withheld text is already marked in the data (the record
// is redacted before the report is made from it); what is left here is how dates and kept kinds show.
class RedactedText {
 public:
  explicit RedactedText(const records::Redaction& redaction) : m_redaction(redaction) {}

  bool enabled() const { return m_redaction.on; }
  // Whether one kind of detail is shown, as in keeps(&records::Redaction::names).
  bool keeps(bool records::Redaction::*kept) const { return m_redaction.shows(m_redaction.*kept); }
  std::string date(const std::optional<util::Date>& value) const {
    const std::optional<records::ShownDate> shown = m_redaction.date(value);
    if (!shown) {
      return {};
    }
    return shown->month_only ? month_year(shown->date) : long_date(shown->date);
  }
  // "2026-11-22", or "2026-11" when the redaction keeps no exact dates.
  std::string iso(util::Date value) const { return records::format_date(m_redaction.date(value)); }
  // "on 3 June 2026", or "in June 2026" when only the month is shown; "" for none.
  std::string on(const std::optional<util::Date>& value) const {
    const std::optional<records::ShownDate> shown = m_redaction.date(value);
    return !shown ? std::string() : fmt::format("{} {}", shown->month_only ? "in" : "on", date(value));
  }

 private:
  records::Redaction m_redaction;
};

}  // namespace wellbeing::report::labels
