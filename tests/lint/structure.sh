#!/usr/bin/env bash
# The layout ARCHITECTURE.md describes, checked: each lib/ folder includes only the folders listed before it
# (a bullet naming several folders lists them in their order), and each file under cli/commands/ stays a
# thin command (at most 300 lines).
# Usage: structure.sh REPOSITORY_ROOT
set -uo pipefail
root=${1:?usage: structure.sh REPOSITORY_ROOT}
cd "$root" || exit 2

# The layers, in order: the backticked folder names on the bullets of the lib/ section.
mapfile -t layers < <(sed -n '/^- `lib\/`/,/^- `cli\/`/p' ARCHITECTURE.md | grep -E '^  - `' |
  sed -E 's/ — .*//' | grep -oE '`[a-z_]+/`' | tr -d '`/')
if (( ${#layers[@]} < 5 )); then
  echo "structure: could not read the layers from ARCHITECTURE.md (found ${#layers[@]})" >&2
  exit 1
fi
declare -A rank
for i in "${!layers[@]}"; do rank[${layers[$i]}]=$i; done
echo "layers, first to last: ${layers[*]}"

problems=0
checked=0
for folder in lib/src/* lib/include/wellbeing/*; do
  [[ -d $folder ]] || continue
  name=$(basename "$folder")
  if [[ -z ${rank[$name]+x} ]]; then
    echo "structure: $folder is not a layer ARCHITECTURE.md lists" >&2
    problems=$((problems + 1))
    continue
  fi
  while IFS=: read -r file line included; do
    checked=$((checked + 1))
    target=$(sed -E 's|.*"wellbeing/([a-z_]+)/.*|\1|' <<<"$included")
    if [[ -z ${rank[$target]+x} ]]; then
      echo "structure: $file:$line includes wellbeing/$target/, which is not a layer ARCHITECTURE.md lists" >&2
      problems=$((problems + 1))
    elif (( rank[$target] > rank[$name] )); then
      echo "structure: $file:$line: $name/ includes $target/, which ARCHITECTURE.md places after it" >&2
      problems=$((problems + 1))
    fi
  done < <(grep -rnE '#include "wellbeing/[a-z_]+/' "$folder")
done
echo "includes between layers checked: $checked"

commands=0
for file in cli/commands/*.cpp; do
  commands=$((commands + 1))
  lines=$(wc -l <"$file")
  if (( lines > 300 )); then
    echo "structure: $file has $lines lines; a command is options, one library call and printing (at most 300)" >&2
    problems=$((problems + 1))
  fi
done
echo "command files checked: $commands"

if (( problems > 0 )); then
  echo "structure: $problems problems" >&2
  exit 1
fi
echo "structure: as ARCHITECTURE.md describes"
