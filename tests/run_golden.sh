#!/usr/bin/env bash
# Runs one golden case: tests/golden/NAME/cmd is a bash script run in a
# scratch copy of the case folder with $SARGS set to the binary under test;
# its standard output must equal `expected` byte for byte, and its exit code
# `expected_exit` (0 when the file is absent). Update a case with
# UPDATE_GOLDEN=1 after checking the new output by hand.
set -uo pipefail
sargs=$1
case_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$case_dir"/. "$work"/
cd "$work"
SARGS="$sargs" bash ./cmd >actual 2>stderr
code=$?
want_code=0
[[ -f expected_exit ]] && want_code=$(cat expected_exit)
if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  cp actual "$case_dir/expected"
  if [[ $code != 0 ]]; then echo "$code" >"$case_dir/expected_exit"; else rm -f "$case_dir/expected_exit"; fi
  exit 0
fi
status=0
if [[ $code != "$want_code" ]]; then
  echo "exit code $code, expected $want_code"
  cat stderr
  status=1
fi
if ! diff -u expected actual; then
  echo "--- stderr:"
  cat stderr
  status=1
fi
exit $status
