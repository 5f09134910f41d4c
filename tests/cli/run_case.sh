#!/usr/bin/env bash
# Runs one command-line golden case and compares stdout, stderr and the exit status with the expected files.
#
# A case is a folder holding:
#   cmd              a bash command line; `wellbeing` runs the binary under test; it runs in the case folder,
#                    with $ROOT set to the repository root, under `set -o pipefail`, so a pipeline's status
#                    is its first failing command's (`wellbeing … | tr` reports wellbeing's status)
#   stdin            (optional) fed to the command's standard input
#   expected_stdout  expected standard output      (missing = must be empty)
#   expected_stderr  expected standard error       (missing = must be empty)
#   expected_exit    expected exit status          (missing = 0)
# In the expected files `@VERSION@` stands for the project's version (WELLBEING_VERSION, set by ctest), so
# a version bump changes no case. With WELLBEING_UPDATE_GOLDEN=1 the expected files are rewritten from what
# the command did, with "wellbeing VERSION" written back as "wellbeing @VERSION@".
#
# Usage: WELLBEING_VERSION=X.Y.Z run_case.sh WELLBEING_BINARY CASE_DIR
set -uo pipefail

version=${WELLBEING_VERSION:?the version the binary reports (ctest sets it from the project)}

binary=$(realpath "$1")
case_dir=$(realpath "$2")
ROOT=$(realpath "$(dirname "$0")/../..")
export ROOT

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A predictable environment: no colour settings from the caller, a fixed terminal type.
unset NO_COLOR CLICOLOR_FORCE
export TERM=dumb LC_ALL=C.UTF-8 TZ=UTC
# No results cache: a case writes nothing into the folders it reads, and its output never depends on an earlier run.
export WELLBEING_NO_CACHE=1

mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/wellbeing"
stdin_file=/dev/null
[[ -f "$case_dir/stdin" ]] && stdin_file="$case_dir/stdin"

(cd "$case_dir" && PATH="$work/bin:$PATH" bash -o pipefail -c "$(cat "$case_dir/cmd")") \
  <"$stdin_file" >"$work/stdout" 2>"$work/stderr"
echo "$?" >"$work/exit"

if [[ "${WELLBEING_UPDATE_GOLDEN:-}" == "1" ]]; then
  for stream in stdout stderr; do
    if [[ -s "$work/$stream" ]]; then
      sed "s/wellbeing ${version//./\\.}/wellbeing @VERSION@/g" "$work/$stream" >"$case_dir/expected_$stream"
    else
      rm -f "$case_dir/expected_$stream"
    fi
  done
  if [[ "$(cat "$work/exit")" != "0" ]]; then cp "$work/exit" "$case_dir/expected_exit"; else rm -f "$case_dir/expected_exit"; fi
  echo "updated $(basename "$case_dir")"
  exit 0
fi

status=0
for stream in stdout stderr; do
  expected="$work/expected_$stream"
  if [[ -f "$case_dir/expected_$stream" ]]; then
    sed "s/@VERSION@/$version/g" "$case_dir/expected_$stream" >"$expected"
  else
    : >"$expected"
  fi
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$work/$stream"; then
    status=1
  fi
done
expected_exit=0
[[ -f "$case_dir/expected_exit" ]] && expected_exit=$(cat "$case_dir/expected_exit")
if [[ "$(cat "$work/exit")" != "$expected_exit" ]]; then
  echo "exit status: expected $expected_exit, got $(cat "$work/exit")"
  status=1
fi
exit $status
