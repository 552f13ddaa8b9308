#!/usr/bin/env bash
# Scale benchmarks for docs/benchmarks.md. Usage: bench/run.sh [BUILD_DIR]
# 1. the scoring engine in memory: 1 000 000 clients, 10 000 000 transactions;
# 2. generating that portfolio as CSV, importing it into SQLite, scoring it from the database.
set -euo pipefail
build=${1:-build}
out=bench/out
mkdir -p "$out"
rm -f "$out"/bench.db*
echo "== scoring engine (in memory, one core)"
"$build"/scoring_bench 1000000 10000000
echo "== generate 1 000 000 clients / 10 000 000 transactions as CSV"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs demo --out "$out/csv" --clients 1000000 --transactions 10000000 --as-of 2026-06-30
echo "== import into SQLite (one transaction, no re-scoring)"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs import --db "$out/bench.db" --no-rescore --as-of 2026-06-30 \
  "$out"/csv/clients.csv "$out"/csv/persons.csv "$out"/csv/accounts.csv "$out"/csv/transactions.csv \
  "$out"/csv/facts.csv "$out"/csv/links.csv
echo "== score every client from the database"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs score --db "$out/bench.db" --as-of 2026-06-30 --format csv --no-save >/dev/null
