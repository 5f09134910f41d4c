#!/usr/bin/env bash
# Filters a rendered report for golden tests: the git commit that last changed the record (or "never
# committed"), its date, and whether the file has uncommitted changes become placeholders, so a golden
# file does not go stale when the record is committed (or differ in a shallow clone).
# tests/e2e/render_git.sh checks those facts instead.
exec sed -E \
  -e 's/, last changed in commit (<code>)?[0-9a-f]{12}(<\/code>)? \([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}\)\./, <git commit>./' \
  -e 's/, never committed\./, <git commit>./' \
  -e 's/ No uncommitted changes\./ <git status>/' \
  -e 's/ (<strong>|\*\*)The file has uncommitted changes:(<\/strong>|\*\*) this report shows them, and the commit above does not\./ <git status>/'
