#pragma once

#include <optional>
#include <string>

#include "wellbeing/util/date.hpp"

namespace wellbeing::write {

// A new person's record, as `wellbeing new` writes it.
struct NewRecord {
  std::string id;                             // "p-0007"
  std::string known_as;                       // the name they like to be called; may be empty
  std::string voice = "direct";               // how their views are heard at present
  std::optional<util::Date> support_started;  // when support began, if known
  std::string schema_path;                    // for the editor's "$schema=" line, relative to the record
};

// The text of a new record: the editor schema line, schema, the person, and all nine areas marked
// not yet explored, each with the statute's words as a comment. Valid against the record schema.
std::string new_record_text(const NewRecord& record);

// A new folder's settings, as `wellbeing init` writes them.
struct FolderSettings {
  std::string provider_name;
  std::string provider_type = "other";
};

// wellbeing.yaml for a new folder, every setting written out with its default and a comment. Valid
// against the config schema.
std::string config_text(const FolderSettings& settings);

// README.md for a new folder: what it is and how to work in it, for the provider's staff.
std::string folder_readme(const FolderSettings& settings);

}  // namespace wellbeing::write
