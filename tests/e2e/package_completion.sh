#!/usr/bin/env bash
# Shell completion made by `wellbeing completion`: bash's completion function, called as bash calls it (with
# COMP_WORDS and COMP_CWORD), offers the commands, the options of a command, the kinds of `add`, the nine
# area ids after --area, choices such as --format's, and files where a file goes. zsh's and fish's are
# tested in package_completion_zsh.sh and package_completion_fish.sh.
set -euo pipefail

: "${WELLBEING:?path to the wellbeing binary}" "${WELLBEING_ROOT:?path to the repository}"
fail() { echo "FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$WELLBEING" completion bash >"$work/wellbeing.bash"
# shellcheck source=/dev/null
source "$work/wellbeing.bash"
[[ $(complete -p wellbeing) == "complete -F _wellbeing wellbeing" ]] || fail "complete -p: $(complete -p wellbeing)"

# Completes the words given, the last being the one under the cursor; prints the candidates one a line, sorted.
complete_words() {
  COMP_WORDS=(wellbeing "$@")
  COMP_CWORD=$(($# ))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _wellbeing wellbeing "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
# expect WANT... -- WORDS...: every WANT is among the candidates for WORDS.
expect() {
  local want=() got
  while [[ $1 != -- ]]; do want+=("$1"); shift; done
  shift
  got=$(complete_words "$@")
  for word in "${want[@]}"; do
    grep -qxF -- "$word" <<<"$got" || fail "'wellbeing $*' does not offer '$word'; it offers: $(echo $got)"
  done
}
# refuse WORD -- WORDS...: WORD is not among the candidates.
refuse() {
  local word=$1 got
  shift 2
  got=$(complete_words "$@")
  if grep -qxF -- "$word" <<<"$got"; then fail "'wellbeing $*' offers '$word'"; fi
}

# The commands; the hidden ones (man, completion) stay out of the way.
expect validate summary render add setup-git -- ""
[[ $(complete_words s) == $'schema\nsetup-git\nshow\nsummary' ]] || fail "'wellbeing s' offers: $(complete_words s)"
refuse man -- ""
expect --color --version --help -- --

# The options of validate, and of add's kinds.
expect --strict --format --jobs --as-of --schema -- validate --
refuse --outcome -- validate --
expect --outcome --who --what --due --dry-run -- add action --
refuse --who -- add progress --

# The kinds of add.
kinds=$(complete_words add "")
for kind in conversation outcome action progress strength review measure safeguarding sharing evidence area; do
  grep -qxF "$kind" <<<"$kinds" || fail "'wellbeing add' does not offer the kind '$kind'"
done
[[ $(complete_words add o) == outcome ]] || fail "'wellbeing add o' offers: $(complete_words add o)"

# The nine area ids after --area, wherever --area is.
areas="accommodation contribution control dignity health participation protection relationships social_economic"
[[ $(complete_words add area records/p-0001.yaml --area "" | tr '\n' ' ') == "$areas " ]] ||
  fail "add area --area offers: $(complete_words add area records/p-0001.yaml --area "")"
[[ $(complete_words summary --area "") == $(tr ' ' '\n' <<<"$areas") ]] || fail "summary --area offers other words"
[[ $(complete_words add outcome x.yaml --area so) == social_economic ]] || fail "--area so does not complete"

# Choices of an option.
expect text json github junit -- validate --format ""
[[ $(complete_words summary --format c) == csv ]] || fail "summary --format c offers: $(complete_words summary --format c)"
[[ $(complete_words schema "") == $'config\nrecord' ]] || fail "schema offers: $(complete_words schema "")"

# Files: a record for validate and add, a file after --schema and -o, a folder after --template.
mkdir -p "$work/folder/records" "$work/folder/templates"
touch "$work/folder/records/p-0001.yaml" "$work/folder/records/p-0002.yaml" "$work/folder/schema.json"
cd "$work/folder"
[[ $(complete_words validate records/p-) == $'records/p-0001.yaml\nrecords/p-0002.yaml' ]] ||
  fail "validate records/p- offers: $(complete_words validate records/p-)"
expect records/p-0001.yaml -- add outcome records/p-0001
expect records/p-0001.yaml -- validate --strict records/p-0001      # a flag takes no value
expect records/p-0001.yaml -- add action -n records/p-0001
expect schema.json -- validate --schema sch
expect records/p-0002.yaml -- render records/p-0001.yaml -o records/p-0002
[[ $(complete_words render x.yaml --template "") == $'records\ntemplates' ]] ||
  fail "render --template offers more than folders: $(complete_words render x.yaml --template "")"
# Not a file where a word goes.
refuse schema.json -- validate --format ""

echo "bash completion: commands, options, add kinds, area ids, choices and files"
