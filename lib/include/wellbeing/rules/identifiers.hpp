#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace wellbeing::rules {

// Personal identifiers that must not be written in a record's free text (Caldicott: the minimum necessary).
enum class IdentifierKind { nhs_number, phone_number, postcode };

// "an NHS number", "a UK phone number", "a postcode".
std::string_view describe(IdentifierKind kind);

struct IdentifierMatch {
  IdentifierKind kind;
  std::size_t offset;  // byte offset of the match in the text
  std::size_t length;  // bytes
};

// True when `digits` (exactly ten ASCII digits) passes the NHS number modulus 11 check: weights 10 down to 2
// on the first nine digits, 11 minus the remainder of the sum is the tenth (11 reads as 0; 10 is never valid).
bool valid_nhs_check_digit(std::string_view digits);

// Every identifier in `text`, in order, none overlapping:
//  - NHS numbers: ten digits, written together or spaced 3-3-4 (spaces or hyphens), with a valid check
//    digit, and not part of a longer number;
//  - UK phone numbers: landline (01, 02, 03) and mobile (07) numbers in national form (0…) or international
//    form (+44 or 0044, with or without "(0)"), with spaces, hyphens or brackets around the area code;
//  - UK postcodes: outward code, a space, inward code ("LS1 4AP"), in capitals or not; or run together in
//    capitals ("LS14AP").
// Digits or letters directly around a candidate (part of a longer code or reference) rule it out.
std::vector<IdentifierMatch> find_identifiers(std::string_view text);

}  // namespace wellbeing::rules
