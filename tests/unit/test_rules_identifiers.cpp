// Finding NHS numbers, UK phone numbers and postcodes in free text. Every number here is made up: NHS
// numbers from the 999 range kept for testing, phone numbers from Ofcom's ranges kept for drama.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wellbeing/rules/identifiers.hpp"

using wellbeing::rules::find_identifiers;
using wellbeing::rules::IdentifierKind;
using wellbeing::rules::valid_nhs_check_digit;

namespace {

// "kind@offset+length" for each match.
std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& match : find_identifiers(text)) {
    const char* kind = match.kind == IdentifierKind::nhs_number     ? "nhs"
                       : match.kind == IdentifierKind::phone_number ? "phone"
                                                                    : "postcode";
    out.push_back(std::string(kind) + "@" + std::to_string(match.offset) + "+" + std::to_string(match.length));
  }
  return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_SUITE("rules::identifiers") {
  TEST_CASE("the NHS number check digit is modulus 11") {
    CHECK(valid_nhs_check_digit("9991234578"));
    CHECK(valid_nhs_check_digit("9434765919"));        // the example in the NHS's own documentation
    CHECK_FALSE(valid_nhs_check_digit("9991234577"));  // wrong last digit
    CHECK_FALSE(valid_nhs_check_digit("9991234560"));  // the check digit would be 10: never issued
    CHECK_FALSE(valid_nhs_check_digit("999123457"));   // nine digits
    CHECK_FALSE(valid_nhs_check_digit("99912345x8"));
  }

  TEST_CASE("NHS numbers together or spaced 3-3-4, with a valid check digit") {
    CHECK(found("NHS 999 123 4578.") == List{"nhs@4+12"});
    CHECK(found("9991234578") == List{"nhs@0+10"});
    CHECK(found("no. 999-123-4578") == List{"nhs@4+12"});
    CHECK(found("999 123 4577").empty());  // check digit wrong
    CHECK(found("999 1234 578").empty());  // not spaced 3-3-4
    CHECK(found("999 123-4578").empty());  // two kinds of separator
    CHECK(found("99912345780").empty());   // part of a longer number
    CHECK(found("A9991234578").empty());   // part of a code
    CHECK(found("9991234578B").empty());
    CHECK(found("1.9991234578").empty());  // part of a decimal
  }

  TEST_CASE("UK landline and mobile numbers, national and international") {
    CHECK(found("Ring 07700 900461 first") == List{"phone@5+12"});
    CHECK(found("07700900461") == List{"phone@0+11"});
    CHECK(found("+44 7700 900461") == List{"phone@0+15"});
    CHECK(found("+44 (0)7700 900461") == List{"phone@0+18"});
    CHECK(found("0044 7700 900461") == List{"phone@0+16"});
    CHECK(found("(0113) 496 0123") == List{"phone@0+15"});
    CHECK(found("0113 496 0123") == List{"phone@0+13"});
    CHECK(found("020 7946 0958.") == List{"phone@0+13"});
    CHECK(found("01632 960001") == List{"phone@0+12"});
    CHECK(found("0113-496-0123") == List{"phone@0+13"});
    CHECK(found("call 07700 900461 or 020 7946 0958") == List{"phone@5+12", "phone@21+13"});
  }

  TEST_CASE("numbers that are not phone numbers") {
    CHECK(found("07700 90046").empty());        // a digit short for a mobile
    CHECK(found("0800 123 4567").empty());      // freephone: an organisation's, not a person's
    CHECK(found("+33 1 23 45 67 89").empty());  // not a UK number
    CHECK(found("2026-03-01 to 2026-03-28").empty());
    CHECK(found("9 of 11 times, at 12:30").empty());
    CHECK(found("HO-2026-0415 and ASC-RR-26-1142").empty());
    CHECK(found("19.98 and 23.21").empty());
  }

  TEST_CASE("UK postcodes, spaced or run together in capitals") {
    CHECK(found("4 Mill Lane, LS1 4AP.") == List{"postcode@13+7"});
    CHECK(found("ls1 4ap") == List{"postcode@0+7"});
    CHECK(found("SW1A 1AA") == List{"postcode@0+8"});
    CHECK(found("M1 1AE") == List{"postcode@0+6"});
    CHECK(found("DN55 1PT") == List{"postcode@0+8"});
    CHECK(found("EC1A1BB") == List{"postcode@0+7"});
    CHECK(found("(CR2 6XH)") == List{"postcode@1+7"});
  }

  TEST_CASE("words and codes that are not postcodes") {
    CHECK(found("Ls1 4Ap").empty());   // mixed case
    CHECK(found("ls14ap").empty());    // run together in small letters
    CHECK(found("LS1 4CP").empty());   // C is never in an inward code
    CHECK(found("QA1 1AA").empty());   // Q never starts one
    CHECK(found("LS1 4APX").empty());  // part of a longer word
    CHECK(found("Room 12A on the 2nd floor, A4 paper, the M25 at 9am").empty());
    CHECK(found("").empty());
  }

  TEST_CASE("the fewest digits and letters each kind can be written with are still found") {
    // A postcode: two digits and three letters at least; NHS and phone numbers: ten digits.
    CHECK(found("m1 1ae") == List{"postcode@0+6"});
    CHECK(found("at M1 1AE") == List{"postcode@3+6"});
    CHECK(found("9991234578") == List{"nhs@0+10"});
    CHECK(found("01632960001") == List{"phone@0+11"});
    CHECK(found("+44 1632 960001") == List{"phone@0+15"});
    // Dates, ids and short numbers hold too few of either.
    CHECK(found("2026-07-01").empty());
    CHECK(found("o-12, c-3 and n-14 on 2026-07-01 at 10:30").empty());
    CHECK(found("12 AB").empty());
  }

  TEST_CASE("several kinds in one text, in order") {
    CHECK(found("LS1 4AP, 07700 900461, 999 123 4578") == List{"postcode@0+7", "phone@9+12", "nhs@23+12"});
  }
}
