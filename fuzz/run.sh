#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 20) on the stable toolchain and fails on any
# crash. `-s none` skips the sanitizer flag that needs nightly; libFuzzer still gets coverage and
# comparison tracing, and `-use_value_profile=1` lets it get past string comparisons.
#
#   bash fuzz/run.sh          # 20 s per target, as CI runs it
#   bash fuzz/run.sh 300      # the long run: 5 minutes per target
#   bash fuzz/run.sh 20 lex_v2_put_body lex_v2_session_header   # only these targets
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shift $(($# > 0 ? 1 : 0))

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

targets=(ids authorization route aily_response lex_response lex_v2_response mock aily_session_body aily_session_response lex_v2_put_body lex_v2_session_header)
if [ $# -gt 0 ]; then
  targets=("$@")
fi
cargo fuzz build -s none

# The response targets also start from the test fixtures (tests/fixtures/), framed the way
# fuzz_targets/common splits its input: two bytes of status (little-endian), `name:value`
# header lines up to a NUL, then the fixture as the body. Built on every run, so they follow
# the fixtures.
fixture_seeds="$(mktemp -d)"
trap 'rm -rf "$fixture_seeds"' EXIT
fixture_seed() { # target, status, header lines, fixture
  local dir="$fixture_seeds/$1"
  mkdir -p "$dir"
  {
    printf "\\x$(printf '%02x' $(($2 & 255)))\\x$(printf '%02x' $(($2 >> 8)))"
    printf '%s\0' "$3"
    cat "tests/fixtures/$4"
  } >"$dir/${4%.json}"
}
fixture_seed aily_response 200 'X-Tt-Logid:20261123000000000000000000' aily_delete_session_success.json
fixture_seed aily_response 400 'X-Request-Id:req-1' aily_delete_session_param_invalid.json
fixture_seed aily_response 403 '' aily_scope_missing_full_error.json
fixture_seed lex_response 200 'x-amzn-RequestId:5f1e2d3c-0000-4000-8000-000000000000' lex_delete_session_success.json
fixture_seed lex_response 409 'x-amzn-ErrorType:ConflictException:http://internal.amazon.com/coral/com.amazon.lex/' lex_conflict_exception.json

summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log="$(mktemp)"
  mkdir -p "$fixture_seeds/$t"
  if cargo fuzz run -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" "$fixture_seeds/$t" -- \
      -max_total_time="$seconds" -use_value_profile=1 -print_final_stats=1 >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
  summary+=("$(printf '%-22s %-6s %12s executions in %s s' "$t" "$status" "${runs:-?}" "$seconds")")
  if [ "$status" = CRASH ]; then
    tail -n 40 "$log"
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  rm -f "$log"
done
printf '\nfuzz summary (crashes: 0)\n'
printf '%s\n' "${summary[@]}"
