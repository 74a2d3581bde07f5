#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 20) on the stable toolchain and fails on any
# crash. `-s none` skips the sanitizer flag that needs nightly; libFuzzer still gets coverage and
# comparison tracing, and `-use_value_profile=1` lets it get past string comparisons.
#
#   bash fuzz/run.sh          # 20 s per target, as CI runs it
#   bash fuzz/run.sh 300      # the long run: 5 minutes per target
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

targets=(ids authorization route aily_response lex_response)
cargo fuzz build -s none

summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log="$(mktemp)"
  if cargo fuzz run -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$seconds" -use_value_profile=1 -print_final_stats=1 >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
  summary+=("$(printf '%-14s %-6s %12s executions in %s s' "$t" "$status" "${runs:-?}" "$seconds")")
  if [ "$status" = CRASH ]; then
    tail -n 40 "$log"
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  rm -f "$log"
done
printf '\nfuzz summary (crashes: 0)\n'
printf '%s\n' "${summary[@]}"
