# The preamble every end-to-end script sources first: `source "$(dirname "$0")/lib.sh"`.
#
# It sets strict mode, checks what ctest passes (WELLBEING: the binary, WELLBEING_ROOT: the repository,
# WELLBEING_VERSION: the version the binary reports), makes $work (a temporary folder, removed on exit) and
# a predictable environment: UTC, C.UTF-8, no colour, HOME=$work/home with no system git configuration and
# a fictional git identity, so test repositories commit the same way everywhere.
set -euo pipefail

: "${WELLBEING:?path to the wellbeing binary}" "${WELLBEING_ROOT:?path to the repository}"
: "${WELLBEING_VERSION:?the version the binary reports}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
# No results cache unless a test asks for one (unset WELLBEING_NO_CACHE): runs stay independent.
export WELLBEING_NO_CACHE=1
unset CLICOLOR_FORCE GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL \
  GIT_COMMITTER_DATE
mkdir -p "$HOME"
cat >"$HOME/.gitconfig" <<'EOF'
[user]
	name = Test Runner
	email = runner@example.org
[init]
	defaultBranch = main
EOF

# fail MESSAGE: ends the test as failed.
fail() { echo "FAIL: $*" >&2; exit 1; }

# skip_without HINT TOOL…: ends the test as skipped (exit 77) when a tool is not installed, saying so
# loudly; under CI=true a missing tool fails the test instead. HINT says how to install them.
skip_without() {
  local hint=$1 tool missing=()
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local message
  message="$(basename "$0" .sh): ${missing[*]} not installed ($hint)"
  [[ "${CI:-}" == "true" ]] && fail "$message"
  echo "SKIPPED: $message" >&2
  exit 77  # ctest reports it as skipped
}

# as_author NAME EMAIL DATE COMMAND…: runs a git command as that author and committer, at that date.
as_author() {
  local name=$1 email=$2 date=$3
  shift 3
  GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$date \
    GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=$date "$@"
}

# has TEXT NEEDLE WHAT / lacks TEXT NEEDLE WHAT: fails unless (when) TEXT holds the fixed string NEEDLE.
has() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in the $3"; }
lacks() { if grep -qF -- "$2" <<<"$1"; then fail "did not expect '$2' in the $3"; fi; }

# same_text WHAT EXPECTED ACTUAL / same_file EXPECTED_FILE ACTUAL_FILE WHAT: fails showing the difference.
same_text() {
  diff -u --label "expected $1" --label "actual $1" <(printf '%s\n' "$2") <(printf '%s\n' "$3") || fail "$1 differs"
}
same_file() { diff -u --label "expected $3" --label "actual $3" "$1" "$2" || fail "$3 differs"; }

# expect_exit STATUS LABEL COMMAND…: runs the command with its output in out.txt and err.txt (in the
# current folder) and fails unless it exits with STATUS.
expect_exit() {
  local want=$1 label=$2 got=0
  shift 2
  "$@" >out.txt 2>err.txt || got=$?
  [[ $got == "$want" ]] || fail "$label: exit $got, expected $want; stderr: $(cat err.txt)"
}
