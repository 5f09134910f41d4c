#pragma once

#include <string_view>
#include <vector>

namespace wellbeing::schema {

// The file name of the record schema and of the folder configuration schema, as embedded.
inline constexpr std::string_view k_record_schema = "wellbeing-record.schema.json";
inline constexpr std::string_view k_config_schema = "wellbeing-config.schema.json";
inline constexpr std::string_view k_draft07_schema = "draft-07.schema.json";
inline constexpr std::string_view k_draft07_uri = "http://json-schema.org/draft-07/schema";

// The text of an embedded schema by file name ("wellbeing-record.schema.json"), or empty when unknown.
std::string_view embedded_schema(std::string_view name);

}  // namespace wellbeing::schema
