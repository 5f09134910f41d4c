#!/usr/bin/env bash
# fish completion made by `wellbeing completion fish`, installed as wellbeing.fish
# (share/fish/vendor_completions.d): fish reads it without a syntax error and, asked with `complete -C` as
# it asks when Tab is pressed, offers the commands, the kinds of `add`, an option of a kind, the nine area
# ids after --area and the words of --format.
source "$(dirname "$0")/lib.sh"
skip_without "scripts/install-deps --test installs it" fish

"$WELLBEING" completion fish >"$work/wellbeing.fish"
fish --no-execute "$work/wellbeing.fish" || fail "fish cannot read the fish completion"

# offered LINE: the words fish offers for the command line LINE (the cursor at its end), one a line.
offered() { fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$work/wellbeing.fish" "$1" | cut -f1; }
# expect LINE WANT...: every WANT is among what fish offers for LINE.
expect() {
  local line=$1 got word
  shift
  got=$(offered "$line")
  for word in "$@"; do
    grep -qxF -- "$word" <<<"$got" || fail "fish: '$line' does not offer '$word'; it offers: $(echo $got)"
  done
}

[[ $(offered "wellbeing ad") == add ]] || fail "fish: 'wellbeing ad' offers: $(offered "wellbeing ad")"
expect "wellbeing " validate summary render add setup-git help
if offered "wellbeing " | grep -qxF man; then fail "fish offers the hidden command man"; fi
expect "wellbeing add " conversation outcome action progress review-request measure safeguarding area
expect "wellbeing add conversation --" --approach --led-by --dry-run
expect "wellbeing add area x.yaml --area " accommodation contribution control dignity health participation \
  protection relationships social_economic
expect "wellbeing validate --format " text json github junit
echo "fish completion: commands, add kinds, options, area ids and choices"
