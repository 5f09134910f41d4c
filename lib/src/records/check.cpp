#include "wellbeing/records/check.hpp"

#include "wellbeing/schema/embedded.hpp"

namespace wellbeing::records {

const schema::Validator& record_validator() {
  static const schema::Validator validator = [] {
    auto parsed = document::parse(std::string(schema::embedded_schema(schema::k_record_schema)),
                                  std::string(schema::k_record_schema));
    return std::move(schema::Validator::compile(*parsed)).value();
  }();
  return validator;
}

Diagnostics check_record(const document::Document& document, const CheckOptions& /*options*/) {
  Diagnostics diagnostics = record_validator().validate(document);
  sort_diagnostics(diagnostics);
  return diagnostics;
}

}  // namespace wellbeing::records
