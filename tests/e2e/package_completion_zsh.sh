#!/usr/bin/env bash
# zsh completion made by `wellbeing completion zsh`, installed as _wellbeing (share/zsh/vendor-completions):
# zsh reads it without a syntax error, compinit finds it by its #compdef line, and its function, called as
# zsh's completion system calls it (words, CURRENT, PREFIX; _describe and compadd stand in for the real
# ones and print what they are offered), offers the commands, the kinds of `add`, an option of a kind and
# the nine area ids after --area.
source "$(dirname "$0")/lib.sh"
skip_without "scripts/install-deps --test installs it" zsh

mkdir -p "$work/functions"
"$WELLBEING" completion zsh >"$work/functions/_wellbeing"
zsh -n "$work/functions/_wellbeing" || fail "zsh cannot read the zsh completion"

found=$(zsh -fc 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$1/.zcompdump"; print -r -- "${_comps[wellbeing]}"' \
  zsh "$work/functions")
[[ $found == _wellbeing ]] || fail "compinit does not complete wellbeing with _wellbeing: '$found'"

# offered CURRENT WORDS...: what _wellbeing offers for the word at CURRENT (1 is `wellbeing`), one a line.
offered() {
  zsh -fc '
    fpath=("$1" $fpath); shift
    _describe() { local name=${@[-1]}; print -rl -- ${${(P)name}%%:*}; }
    compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }
    _files() { print -r -- "(files)"; }
    _message() { :; }
    autoload -Uz _wellbeing
    CURRENT=$1; shift
    words=("$@"); PREFIX=${words[CURRENT]}
    _wellbeing' zsh "$work/functions" "$@"
}
# expect WANT... -- CURRENT WORDS...: every WANT is among what is offered.
expect() {
  local want=() got word
  while [[ $1 != -- ]]; do want+=("$1"); shift; done
  shift
  got=$(offered "$@")
  for word in "${want[@]}"; do
    grep -qxF -- "$word" <<<"$got" || fail "zsh: 'wellbeing ${*:2}' does not offer '$word'; it offers: $(echo $got)"
  done
}

expect validate summary render add setup-git help -- 2 wellbeing ad
got=$(offered 2 wellbeing "")
if grep -qxF man <<<"$got"; then fail "zsh offers the hidden command man"; fi
expect conversation outcome action progress review-request measure safeguarding area -- 3 wellbeing add ""
expect --approach --led-by --dry-run -- 4 wellbeing add conversation --
expect accommodation contribution control dignity health participation protection relationships social_economic \
  -- 6 wellbeing add area x.yaml --area ""
expect text json github junit -- 4 wellbeing validate --format ""
expect "(files)" -- 3 wellbeing validate ""
echo "zsh completion: found by compinit; commands, add kinds, options, area ids, choices and files"
