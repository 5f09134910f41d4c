#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` on this build makes a .deb that depends on the Debian 12 runtime
# libraries the binary links (found by dpkg-shlibdeps), holds a stripped binary, the schemas, templates,
# manual pages and completions in their standard places, and runs from a scratch root it is unpacked into:
# --version, a validate of examples/records, and `man -l` on its manual pages. Needs cpack, dpkg-deb,
# dpkg-shlibdeps (dpkg-dev) and man (man-db); without them the test says so and passes, except under
# CI=true, where it fails.
set -euo pipefail

: "${WELLBEING:?path to the wellbeing binary}" "${WELLBEING_ROOT:?path to the repository}"
: "${WELLBEING_BUILD:?path to the build folder}"
fail() { echo "FAIL: $*" >&2; exit 1; }

missing=()
for tool in cpack dpkg-deb dpkg-shlibdeps man readelf; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  message="package_deb: ${missing[*]} not installed (scripts/install-deps --test installs dpkg-dev and man-db)"
  [[ "${CI:-}" == "true" ]] && fail "$message"
  echo "SKIPPED: $message" >&2
  exit 77  # ctest reports it as skipped
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC

cpack --config "$WELLBEING_BUILD/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$work"/out/wellbeing_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "cpack made no wellbeing_*.deb: $(ls "$work/out")"
deb=${debs[0]}
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) kB"

# The dependencies are the runtime packages of the libraries, as Debian 12 names them.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libyaml-cpp0.7 libfmt9 libpcre2-8-0 libgit2-1.5 libssl3 libstdc++6 libc6; do
  [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] || fail "Depends lacks $package"
done
[[ $depends != *-dev* ]] || fail "Depends names a -dev package"

# Unpacked into a scratch root, as dpkg would install it (not system-wide).
root=$work/root
dpkg-deb -x "$deb" "$root"
for path in usr/bin/wellbeing usr/share/wellbeing/schemas/wellbeing-record.schema.json \
    usr/share/wellbeing/templates/report.html.mustache usr/share/man/man1/wellbeing.1 \
    usr/share/man/man1/wellbeing-validate.1 usr/share/man/man1/wellbeing-add.1 \
    usr/share/bash-completion/completions/wellbeing usr/share/zsh/vendor-completions/_wellbeing \
    usr/share/fish/vendor_completions.d/wellbeing.fish; do
  [[ -s "$root/$path" ]] || fail "the package lacks /$path"
done
if readelf -S "$root/usr/bin/wellbeing" | grep -qE '\.(symtab|debug_info)'; then fail "the binary is not stripped"; fi
size=$(stat -c %s "$root/usr/bin/wellbeing")
echo "stripped binary: $((size / 1024)) kB"

wellbeing=$root/usr/bin/wellbeing
[[ $("$wellbeing" --version) == "wellbeing "* ]] || fail "--version printed $("$wellbeing" --version)"
(cd "$WELLBEING_ROOT/examples" && "$wellbeing" validate records) >"$work/validate.txt" 2>&1 ||
  { cat "$work/validate.txt" >&2; fail "validate of examples/records failed"; }
grep -q "records checked, all valid" "$work/validate.txt" || fail "validate said: $(tail -1 "$work/validate.txt")"
"$wellbeing" validate --schema "$root/usr/share/wellbeing/schemas/wellbeing-record.schema.json" \
  "$WELLBEING_ROOT/examples/records/p-0001.yaml" || fail "the installed schema does not validate p-0001"

# Every page reads with man, without a warning from groff, and has the usual sections.
for page in "$root"/usr/share/man/man1/*.1; do
  MANWIDTH=100 man --warnings -l "$page" >"$work/page.txt" 2>"$work/warnings.txt" ||
    { cat "$work/warnings.txt" >&2; fail "man -l $(basename "$page") failed"; }
  [[ ! -s "$work/warnings.txt" ]] || { cat "$work/warnings.txt" >&2; fail "groff warns about $(basename "$page")"; }
  for section in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" "SEE ALSO"; do
    grep -q "^$section" "$work/page.txt" || fail "$(basename "$page") has no $section section"
  done
done
pages=$(ls "$root/usr/share/man/man1" | wc -l)
# One page for wellbeing and one for each command --help lists.
commands=$("$wellbeing" --help | awk '/^Subcommands:/ { on = 1; next } on && NF { n++ } END { print n }')
[[ $pages -eq $((commands + 1)) ]] || fail "$pages manual pages for $commands commands"
# A page as one line of words, so that filling and justification do not matter.
read_page() { MANWIDTH=100 man -l "$root/usr/share/man/man1/$1" | tr -s ' \n' '  '; }
read_page wellbeing-validate.1 >"$work/validate.txt"
for words in "wellbeing-validate - Check records against the schema" "--strict" \
    "Warnings fail the run too" "--format" "Output format: text, json" "0 when every file is valid"; do
  grep -qF -- "$words" "$work/validate.txt" || fail "wellbeing-validate(1) lacks '$words'"
done
read_page wellbeing-add.1 >"$work/add.txt"
for words in conversation safeguarding "--led-by" "--next-review-due" "--approach TEXT (required)" "4 the file changed"; do
  grep -qF -- "$words" "$work/add.txt" || fail "wellbeing-add(1) lacks '$words'"
done
echo "$pages manual pages read by man; the package runs from a scratch root"
