#pragma once
// `validate --changed-since REV`: the files of a run narrowed to those git shows changed since REV.

#include <string>
#include <vector>

#include "wellbeing/validation/batch.hpp"

namespace wellbeing::cli {

// Keeps in `inputs` only the files added, changed or renamed since `revision` in the git repository holding
// the first of `paths` (standard input stays), and says on standard error which records inside `paths` were
// deleted or renamed since. Throws InputError when there is no repository or no such revision.
void keep_changed_since(const std::string& revision, const std::vector<std::string>& paths,
                        validation::Inputs& inputs);

}  // namespace wellbeing::cli
