#pragma once
// `wellbeing render DIR`: the provider report, one review pack for a whole records folder.

#include <string>

#include "options.hpp"

namespace wellbeing::cli {

struct FolderRender {
  std::string folder;
  std::string format;  // "md", "html", "json" (from --format or -o's extension)
  std::string output;  // -o, "" or "-" for standard output
  std::string template_dir;
  bool redact = false, no_redact = false;
  std::string as_of;
  std::string at;      // --at DATE|REV
  std::string period;  // --period monthly|quarterly|yearly ("" for quarterly)
  std::string site;    // --site OUT: write the site there instead of one page
};

// Renders the provider report (or, with `site`, the site: render_site.hpp); returns the exit code (0 made,
// 1 when no record in the folder is valid).
// Throws InputError for an empty folder, invalid settings, a broken template or a failed write.
int run_render_folder(FolderRender request, ColorChoice color);

}  // namespace wellbeing::cli
