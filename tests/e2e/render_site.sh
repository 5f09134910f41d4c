#!/usr/bin/env bash
# render DIR --site OUT: an index, the provider page and one page per person, for opening offline. Every
# link in every page resolves: a relative link to a file that exists, and a fragment to an id on its page.
# The folder is refused when it holds anything render --site did not write, and can be written again.
source "$(dirname "$0")/lib.sh"

cp -r "$WELLBEING_ROOT/examples" "$work/provider"
cd "$work/provider"
"$WELLBEING" render records --as-of 2026-11-22 --site site

[[ -f site/index.html && -f site/provider.html ]] || fail "the site lacks index.html or provider.html"
people=$(find records -maxdepth 1 -name 'p-*.yaml' | wc -l)
pages=$(find site/people -name 'p-*.html' | wc -l)
[[ $pages -eq $people ]] || fail "expected one page per person ($people), got $pages"

links=0
while IFS= read -r page; do
  dir=$(dirname "$page")
  while IFS= read -r href; do
    links=$((links + 1))
    case $href in
      http://* | https://* | mailto:*) continue ;;  # a URL written in a record, shown as a link
    esac
    file=${href%%#*}
    fragment=${href#"$file"}
    target=$page
    if [[ -n $file ]]; then
      target="$dir/$file"
      [[ -f $target ]] || fail "$page links to $href, which is not there"
    fi
    if [[ -n $fragment ]]; then
      grep -qF "id=\"${fragment#\#}\"" "$target" || fail "$page links to $href: no such id in $target"
    fi
  done < <(grep -o 'href="[^"]*"' "$page" | sed 's/^href="//; s/"$//')
done < <(find site -name '*.html')
echo "site: $((pages + 2)) pages, $links links, all resolve"

# Each person's page links back, and the index and the provider page link to every person.
for page in site/people/*.html; do
  grep -qF 'href="../provider.html"' "$page" || fail "$page has no link back to the provider page"
  id=$(basename "$page" .html)
  grep -qF "href=\"people/$id.html\"" site/index.html || fail "the index does not link to $id"
  grep -qF "href=\"people/$id.html\"" site/provider.html || fail "the provider page does not link to $id"
done

# Written again over its own site: fine. Into a folder holding anything else: refused, nothing written.
"$WELLBEING" render records --as-of 2026-11-22 --site site
mkdir other && echo "mine" >other/notes.txt
if "$WELLBEING" render records --site other 2>"$work/err"; then fail "render --site wrote into a folder it did not make"; fi
grep -qF "the folder is not empty and was not written by render --site" "$work/err" || fail "unexpected refusal: $(cat "$work/err")"
[[ $(ls other) == "notes.txt" ]] || fail "render --site left files in a folder it refused"

# Redacted, no page names anyone the records' redaction withholds.
sed -i '/^  keep:/,$d' wellbeing.yaml
"$WELLBEING" render records --as-of 2026-11-22 --redact --site redacted
for name in Maureen Dorothy Tomasz Graham Amira; do
  if grep -rlqF "$name" redacted; then fail "the redacted site names $name: $(grep -rlF "$name" redacted)"; fi
done
echo "redacted site: no names"
