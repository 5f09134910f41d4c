#!/usr/bin/env bash
# Filters a rendered report for golden tests: the git commit that last changed the record, its date and
# whether the file has uncommitted changes become placeholders, so a golden file does not go stale when the
# record is committed (or in a shallow clone). tests/e2e/render_provenance.sh checks those facts instead.
exec sed -E \
  -e 's/[0-9a-f]{40}/<commit>/g' \
  -e 's/(commit (<code>)?)[0-9a-f]{12}/\1<commit>/g' \
  -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}/<commit date>/g' \
  -e 's/ No uncommitted changes\./ <git status>/' \
  -e 's/ (<strong>|\*\*)The file has uncommitted changes:(<\/strong>|\*\*) this report shows them, and the commit above does not\./ <git status>/'
