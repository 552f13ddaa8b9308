#!/usr/bin/env bash
# Scale benchmarks for docs/benchmarks.md. Usage: bench/run.sh [BUILD_DIR]
# 1. the scoring engine in memory: 1 000 000 clients, 10 000 000 transactions;
# 2. generating that portfolio as CSV, importing it into SQLite, scoring it from the database;
# 3. monitoring it: in memory, incrementally, from the files and from the database;
# 4. sanctions screening: name-matching quality, speed, and every stored party of that portfolio.
set -euo pipefail
build=${1:-build}
out=bench/out
mkdir -p "$out"
rm -f "$out"/bench.db*
echo "== scoring engine (in memory, one core)"
"$build"/scoring_bench 1000000 10000000
echo "== generate 1 000 000 clients / 10 000 000 transactions as CSV"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs demo --out "$out/csv" --clients 1000000 --transactions 10000000 --as-of 2026-06-30
# The demo's transactions start 15 months before --as-of: its history is
# complete from 2025-03-30 (A2.49 and A2.50 judge only what began since).
echo "== import into SQLite (one transaction, no re-scoring)"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs import --db "$out/bench.db" --no-rescore --as-of 2026-06-30 \
  --history-complete-from 2025-03-30 \
  "$out"/csv/clients.csv "$out"/csv/persons.csv "$out"/csv/accounts.csv "$out"/csv/transactions.csv \
  "$out"/csv/facts.csv "$out"/csv/links.csv
echo "== score every client from the database"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs score --db "$out/bench.db" --as-of 2026-06-30 --format csv --no-save >/dev/null
echo "== monitoring: every rule over the transactions in memory; incremental evaluation against the database"
cp "$out/bench.db" "$out/incremental.db"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/monitoring_bench "$out/csv" "$out/incremental.db"
rm -f "$out"/incremental.db*
echo "== monitoring straight from the CSV files (sargs monitor --input), alerts to a file"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs monitor --input "$out"/csv/transactions.csv \
  --clients "$out"/csv/clients.csv --accounts "$out"/csv/accounts.csv --persons "$out"/csv/persons.csv \
  --as-of 2026-06-30 --history-complete-from 2025-03-30 --format csv >"$out/alerts_from_files.csv"
echo "== monitoring the database, first run (every client)"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs monitor --db "$out/bench.db" --as-of 2026-06-30 --format csv \
  >"$out/alerts_from_db.csv"
echo "== the same alerts both ways; every injected pattern found"
cut -d, -f2-9 "$out/alerts_from_files.csv" | sort >"$out/a.txt"
cut -d, -f2-9 "$out/alerts_from_db.csv" | sort >"$out/b.txt"
cmp "$out/a.txt" "$out/b.txt" && echo "identical: $(($(wc -l <"$out/a.txt") - 1)) alerts"
awk -F, 'NR > 1 { print $1 "," $2 }' "$out/csv/injected.csv" | sort -u >"$out/injected_keys.txt"
awk -F, 'NR > 1 { print $2 "," $4 }' "$out/alerts_from_db.csv" | sort -u >"$out/alert_keys.txt"
echo "injected (rule, client) pairs: $(wc -l <"$out/injected_keys.txt"), without an alert: $(comm -23 "$out/injected_keys.txt" "$out/alert_keys.txt" | wc -l), alerts on other clients: $(comm -13 "$out/injected_keys.txt" "$out/alert_keys.txt" | wc -l)"
rm -f "$out"/a.txt "$out"/b.txt
echo "== sanctions screening: quality and speed on the UN and OFAC lists (one core)"
"$build"/name_match_bench tests/data/namematch
/usr/bin/time -f "%e s, peak %M KiB" "$build"/screening_bench tests/data
echo "== screening the stored portfolio: load UN and OFAC into the benchmark database, then every party"
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs lists load --db "$out/bench.db" --source un \
  tests/data/sanctions/un_consolidated.xml >/dev/null
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs lists load --db "$out/bench.db" --source ofac \
  tests/data/sanctions/ofac/sdn.csv tests/data/sanctions/ofac/alt.csv tests/data/sanctions/ofac/add.csv >/dev/null
/usr/bin/time -f "%e s, peak %M KiB" "$build"/sargs screen --db "$out/bench.db" --all --format csv >"$out/hits.csv"
