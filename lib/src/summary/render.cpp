#include "wellbeing/summary/render.hpp"

namespace wellbeing::summary {

std::string render_person(const SummarisedFile& file, const Options& options, const RenderOptions& style) {
  std::span<const PersonSummary> people;
  if (file.person) {
    people = std::span<const PersonSummary>(&*file.person, 1);
  }
  switch (style.format) {
    case Format::table:
      return file.person ? render_person_table(*file.person, options, style.color) : std::string();
    case Format::markdown:
      return file.person ? render_person_markdown(*file.person, options) : std::string();
    case Format::json:
      return render_person_json(file, options);
    case Format::csv:
      return render_csv(people, style.rows, &options.config);
  }
  return {};
}

std::string render_folder(const FolderSummary& folder, const Options& options, const RenderOptions& style) {
  switch (style.format) {
    case Format::table:
      return render_folder_table(folder, style.title, options, style.color);
    case Format::markdown:
      return render_folder_markdown(folder, style.title, options);
    case Format::json:
      return render_folder_json(folder, options);
    case Format::csv:
      return render_csv(folder.people, style.rows, &options.config);
  }
  return {};
}

}  // namespace wellbeing::summary
