#!/usr/bin/env bash
# The README's install command, `cmake --install BUILD --strip`, into a scratch prefix: a stripped binary
# that runs, the schemas, the templates, a manual page per command and the completions for bash, zsh and
# fish where each shell looks for them.
source "$(dirname "$0")/lib.sh"
: "${WELLBEING_BUILD:?path to the build folder}"
skip_without "binutils installs it" readelf

grep -qF 'cmake --install build/release --strip' "$WELLBEING_ROOT/README.md" ||
  fail "the README no longer says to install with --strip"
prefix=$work/prefix
cmake --install "$WELLBEING_BUILD" --prefix "$prefix" --strip >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "cmake --install failed"; }
for path in bin/wellbeing share/wellbeing/schemas/wellbeing-record.schema.json \
    share/wellbeing/schemas/wellbeing-config.schema.json share/wellbeing/templates/report.html.mustache \
    share/man/man1/wellbeing.1 share/man/man1/wellbeing-add.1 share/bash-completion/completions/wellbeing \
    share/zsh/vendor-completions/_wellbeing share/fish/vendor_completions.d/wellbeing.fish; do
  [[ -s "$prefix/$path" ]] || fail "cmake --install did not install $path"
done
if readelf -S "$prefix/bin/wellbeing" | grep -qE '\.(symtab|debug_info)'; then fail "the installed binary is not stripped"; fi
built=$(stat -c %s "$WELLBEING")
installed=$(stat -c %s "$prefix/bin/wellbeing")
echo "built binary: $((built / 1024)) kB; installed: $((installed / 1024)) kB"
[[ $("$prefix/bin/wellbeing" --version) == "wellbeing $WELLBEING_VERSION" ]] || fail "the installed binary does not run"
echo "cmake --install --strip: stripped binary, schemas, templates, manual pages and completions"
