#!/usr/bin/env bash
# The official-SDK suite: builds botsession-mock, installs pinned boto3 and lark-oapi from
# PyPI into a throw-away venv, starts two servers on free loopback ports (a plain one, and a
# credentialed one with the flags `suite.py --server-flags` prints: a Feishu app, an AWS key,
# --rate-limit) and runs suite.py against both. Exits with the suite's status.
#
#   bash mock/sdk/run.sh          (from any directory; honours CARGO_TARGET_DIR and PYTHON)
#
# Bounded: the whole script by TOTAL_SECONDS, the install and the suite by their own limits
# (in the foreground, so that the outer bound reaches them too).
# Stops only the servers it started, by their PIDs, whatever way the script ends.
set -euo pipefail

# The SDKs, pinned: current releases, botocore in step with boto3.
readonly BOTO3=1.44.8
readonly BOTOCORE=1.44.8
readonly LARK_OAPI=1.7.5

readonly TOTAL_SECONDS=600 # everything, the build included
readonly INSTALL_SECONDS=300
readonly SUITE_SECONDS=180
readonly START_SECONDS=10 # for the server's `listening on` line

# The whole run under one bound: the script runs itself again under `timeout`, which on
# expiry signals its whole process group (the build, pip, the suite and the server).
if [[ -z "${BOTSESSION_SDK_BOUNDED:-}" ]]; then
  export BOTSESSION_SDK_BOUNDED=1
  exec timeout --kill-after=10 "$TOTAL_SECONDS" bash "${BASH_SOURCE[0]}" "$@"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"

work="$(mktemp -d)"
server_pids=()
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  local pid
  for pid in "${server_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
# A signal ends the script through its EXIT trap.
trap 'exit 143' TERM
trap 'exit 130' INT

echo "==> cargo build -p botsession-mock"
cd "$root"
cargo build -p botsession-mock
# Relative to the root, as cargo reads it there.
server="${CARGO_TARGET_DIR:-$root/target}/debug/botsession-mock"

echo "==> venv with boto3==$BOTO3 botocore==$BOTOCORE lark-oapi==$LARK_OAPI"
if ! "$python" -m venv "$work/venv"; then
  echo "cannot create a venv with $python: the SDK suite needs Python 3 with its venv module" >&2
  exit 1
fi
pins=("boto3==$BOTO3" "botocore==$BOTOCORE" "lark-oapi==$LARK_OAPI")
# --no-compile: lark-oapi has thousands of modules, and the suite imports a few of them;
# compiling them all at install time costs more than the whole suite.
if ! timeout --foreground "$INSTALL_SECONDS" "$work/venv/bin/python" -m pip install --quiet \
  --no-compile --disable-pip-version-check --no-input --timeout 30 --retries 2 "${pins[@]}" \
  >"$work/pip.log" 2>&1; then
  # pip's last error, and the network failure behind it if it logged one.
  reason="$(grep -E '^ERROR' "$work/pip.log" | tail -n 1 || true)"
  network="(Failed to establish a new connection|Temporary failure in name resolution"
  network+="|Name or service not known|timed out)[^')]*"
  cause="$(grep -oE "$network" "$work/pip.log" | tail -n 1 || true)"
  message="cannot install ${pins[*]} from PyPI: ${reason:-no answer within $INSTALL_SECONDS s}"
  if [[ -n "$cause" ]]; then
    message+=" ($cause)"
  fi
  echo "$message; the SDK suite needs network access to PyPI" >&2
  exit 1
fi

# start NAME FLAGS...: starts a server on a free loopback port with FLAGS, its output in
# $work/NAME.out and .err, and sets `base` to the URL it listens on.
start() {
  local name="$1" pid
  shift
  "$server" --listen 127.0.0.1:0 "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pid=$!
  server_pids+=("$pid")
  base=""
  for _ in $(seq $((START_SECONDS * 10))); do
    base="$(sed -n 's|^listening on \(http://.*\)$|\1|p' "$work/$name.out")"
    [[ -n "$base" ]] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "botsession-mock ($name) exited before listening:" >&2
      cat "$work/$name.err" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "botsession-mock ($name) printed no 'listening on' line within $START_SECONDS s" >&2
  exit 1
}

echo "==> botsession-mock --listen 127.0.0.1:0"
start plain
plain="$base"

# The credentialed server's flags, from suite.py (its test app and key): one a line.
flags=()
while IFS= read -r flag; do
  flags+=("$flag")
done < <(timeout --foreground 30 "$work/venv/bin/python" "$here/suite.py" --server-flags)
if [[ ${#flags[@]} -eq 0 ]]; then
  echo "suite.py --server-flags printed no flags" >&2
  exit 1
fi
# The flags hold test secrets: only their names are shown.
names="$(printf '%s\n' "${flags[@]}" | grep -- '^--' | tr '\n' ' ')"
echo "==> botsession-mock --listen 127.0.0.1:0 ${names% }"
start credentialed "${flags[@]}"
credentialed="$base"

echo "==> suite.py $plain --credentialed $credentialed"
status=0
timeout --foreground "$SUITE_SECONDS" "$work/venv/bin/python" "$here/suite.py" "$plain" \
  --credentialed "$credentialed" || status=$?
if [[ $status -eq 124 ]]; then
  echo "suite.py did not finish within $SUITE_SECONDS s" >&2
fi
if [[ $status -ne 0 ]]; then
  for name in plain credentialed; do
    if [[ -s "$work/$name.err" ]]; then
      echo "--- botsession-mock ($name) stderr" >&2
      cat "$work/$name.err" >&2
    fi
  done
fi
echo "sdk suite: $SECONDS s in all, exit $status"
exit "$status"
