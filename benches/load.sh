#!/usr/bin/env bash
# The mock server under load: wrk against `botsession-mock` and, side by side in the same run,
# against a bare axum server (`mock/examples/bare.rs`) answering a fixed body of the same size
# and status, on loopback. Runs alternate bare, mock, mock, bare, … so that drift on a shared
# machine weighs on both; the table gives req/s, p50 and p99 of each, the CPU time each server
# spent per answer (steadier than req/s when other jobs share the cores), and mock/bare of req/s.
#
# Usage: bash benches/load.sh [SECONDS]   (each run's length; default 10)
# Environment: WRK_THREADS (default 2), WRK_CONNECTIONS (32), LOAD_ROUNDS (2: runs of each
# server per scenario), CARGO_TARGET_DIR (honoured). Installs wrk with apt-get if missing.
set -euo pipefail

duration="${1:-10}"
threads="${WRK_THREADS:-2}"
connections="${WRK_CONNECTIONS:-32}"
rounds="${LOAD_ROUNDS:-2}"
for n in "$duration" "$threads" "$connections" "$rounds"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "load.sh: '$n' is not a positive whole number" >&2; exit 2; }
done

cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    echo "load.sh: wrk not found, installing it (apt-get install wrk)" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } \
        >/dev/null 2>&1 || true
    command -v wrk >/dev/null || {
        echo "load.sh: could not install wrk with apt-get (it needs root and a Debian or Ubuntu" \
            "package list); install wrk 4.x by hand and run again" >&2
        exit 1
    }
fi
command -v curl >/dev/null || { echo "load.sh: curl not found (install curl)" >&2; exit 1; }

cargo build --release --quiet -p botsession-mock --bin botsession-mock --example bare
# Wherever cargo put them: CARGO_TARGET_DIR, a configured target-dir, or target/.
target="$(cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
mock_bin="$target/release/botsession-mock"
bare_bin="$target/release/examples/bare"

tmp="$(mktemp -d)"
pids=()
cleanup() {
    # Only the servers this script started.
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

# start NAME COMMAND…: runs a server that prints `listening on http://ADDR`, and sets
# `started_pid` and `started_url` once it does (10 s at most).
start() {
    local name="$1"
    shift
    "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    started_pid=$!
    pids+=("$started_pid")
    local _
    for _ in $(seq 100); do
        started_url="$(sed -n 's|^listening on \(http://.*\)$|\1|p' "$tmp/$name.out")"
        [ -n "$started_url" ] && return
        kill -0 "$started_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "load.sh: $name did not start:" >&2
    cat "$tmp/$name.err" >&2
    exit 1
}

# stop PID: ends a server `start` started.
stop() {
    kill "$1"
    wait "$1" 2>/dev/null || true
    local kept=() pid
    for pid in "${pids[@]}"; do
        [ "$pid" = "$1" ] || kept+=("$pid")
    done
    pids=("${kept[@]}")
}

# The tokio worker threads of a process, one `tid cpu-ticks` line each (utime + stime: the
# fields after the `(comm)` of /proc/…/stat are state first, so utime is the 12th).
worker_ticks() {
    local task
    for task in /proc/"$1"/task/*; do
        # tokio names its workers `tokio-rt-worker` (older: `tokio-runtime-worker`, cut to 15).
        [[ "$(cat "$task/comm")" =~ ^tokio-(rt-worker|runtime-w) ]] || continue
        sed 's/^.*) //' "$task/stat" | awk -v tid="${task##*/}" '{ print tid, $12 + $13 }'
    done
}

# The whole process's CPU ticks.
process_ticks() {
    sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

cores="$(nproc)"
ticks_per_second="$(getconf CLK_TCK)"

# ---------------------------------------------------------------------------------------------
# The wrk scripts
# ---------------------------------------------------------------------------------------------

v2="/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions"

# Every script ends with this: one machine-readable line (latencies in µs; errors are those of
# the connection, not statuses, which are the scenario's).
cat >"$tmp/result.lua" <<'LUA'
function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT %.0f %.0f %.0f %.0f %.0f\n", summary.requests,
        summary.duration, latency:percentile(50), latency:percentile(99),
        e.connect + e.read + e.write + e.timeout))
end
LUA

{
    echo 'wrk.method = "DELETE"'
    cat "$tmp/result.lua"
} >"$tmp/notfound.lua"

{
    echo 'wrk.method = "DELETE"'
    echo 'wrk.headers["Authorization"] = "Bearer t-g1044qeGEDXTB6NDJOGV4JQX"'
    cat "$tmp/result.lua"
} >"$tmp/rejected.lua"

# Each wrk thread takes its own 64 session ids through put, get, delete, get, delete: in five
# passes over the ids, id k gets step (k + pass) mod 5 of that cycle, so each id goes through it
# in order, one step a pass, and two requests on one id are 64 apart (more than are in flight).
# Of the gets and of the deletes, half find the session and half do not. The requests are
# formatted once, in `init`.
{
    cat <<LUA
local path = "$v2/"
LUA
    cat <<'LUA'
local ids = 64
local put = '{"sessionState":{"sessionAttributes":{"k":"v"}}}'
local cycle = { "POST", "GET", "DELETE", "GET", "DELETE" }
local requests = {}
local turn = 0

local threads = {}
function setup(thread)
    table.insert(threads, thread)
    thread:set("prefix", "load" .. #threads .. "-")
end

function init(args)
    for pass = 0, #cycle - 1 do
        for k = 0, ids - 1 do
            local method = cycle[(k + pass) % #cycle + 1]
            local target = path .. prefix .. k
            if method == "POST" then
                local json = { ["Content-Type"] = "application/json" }
                table.insert(requests, wrk.format(method, target, json, put))
            else
                table.insert(requests, wrk.format(method, target, {}))
            end
        end
    end
end

function request()
    turn = turn % #requests + 1
    return requests[turn]
end
LUA
} >"$tmp/mix-requests.lua"
cat "$tmp/mix-requests.lua" "$tmp/result.lua" >"$tmp/mix.lua"

# The mix once more, tallying each answer's status and body length: only to size the bare
# server's body (wrk reads answers faster without a `response` function, so it is not timed).
cat "$tmp/mix-requests.lua" - >"$tmp/mix-tally.lua" <<'LUA'
-- A counter per status, as globals: `thread:get` reads numbers, not tables.
answers, bytes = 0, 0
function response(status, headers, body)
    answers = answers + 1
    bytes = bytes + #body
    _G["status" .. status] = (_G["status" .. status] or 0) + 1
end

function done(summary, latency, requests)
    local answers, bytes, statuses = 0, 0, {}
    for _, thread in ipairs(threads) do
        answers = answers + thread:get("answers")
        bytes = bytes + thread:get("bytes")
        for status = 100, 599 do
            statuses[status] = (statuses[status] or 0) + (thread:get("status" .. status) or 0)
        end
    end
    io.write(string.format("TALLY %d %d", answers, bytes))
    for status = 100, 599 do
        if statuses[status] > 0 then
            io.write(string.format(" %d:%d", status, statuses[status]))
        end
    end
    io.write("\n")
end
LUA

# ---------------------------------------------------------------------------------------------
# The runs
# ---------------------------------------------------------------------------------------------

start mock "$mock_bin" --listen 127.0.0.1:0
mock_pid="$started_pid"
mock_url="$started_url"
mock_workers="$(worker_ticks "$mock_pid" | wc -l)"

# Back to the built-in sessions, request ids from mock-1 again: every mock run starts alike.
reset_mock() {
    curl -sf -o /dev/null -X POST "$mock_url/__botsession/reset"
}

# run SERVER PID URL SCRIPT: one timed wrk run of the current scenario; appends `req/s p50_ms
# p99_ms cores busy` to $tmp/$current.SERVER, and says it.
run() {
    local server="$1" pid="$2" url="$3" script="$4"
    [ "$server" = mock ] && reset_mock
    worker_ticks "$pid" | sort >"$tmp/before"
    local ticks_before
    ticks_before="$(process_ticks "$pid")"
    wrk -t "$threads" -c "$connections" -d "${duration}s" -s "$script" "$url" >"$tmp/wrk.out" 2>&1 ||
        { cat "$tmp/wrk.out" >&2; exit 1; }
    local ticks_after
    ticks_after="$(process_ticks "$pid")"
    worker_ticks "$pid" | sort >"$tmp/after"
    local result
    result="$(grep '^RESULT ' "$tmp/wrk.out")" || { cat "$tmp/wrk.out" >&2; exit 1; }
    # Workers that ran at all during the run.
    local busy
    busy="$(join "$tmp/before" "$tmp/after" | awk '$3 > $2 { n++ } END { print n + 0 }')"
    echo "$result" | awk -v server="$server" -v busy="$busy" -v tps="$ticks_per_second" \
        -v ticks="$((ticks_after - ticks_before))" '{
            seconds = $3 / 1e6
            if ($6 > 0) printf "load.sh: %s: %d connection errors\n", server, $6 > "/dev/stderr"
            printf "%.0f %.3f %.3f %.2f %d\n", $2 / seconds, $4 / 1000, $5 / 1000,
                ticks / tps / seconds, busy
        }' | tee -a "$tmp/$current.$server" |
        awk -v server="$server" '{
            printf "    %-4s %9.0f req/s  p50 %6.3f ms  p99 %6.3f ms  %.2f cores, %d workers busy\n",
                server, $1, $2, $3, $4, $5
        }'
}

# scenario NAME LABEL STATUS BODY_LEN CONTENT_TYPE PATH SCRIPT: the bare server answering
# STATUS with BODY_LEN bytes, then the rounds, alternating which server goes first.
scenario() {
    current="$1"
    local label="$2" status="$3" body_len="$4" content_type="$5" path="$6" script="$7"
    start "bare-$current" "$bare_bin" --listen 127.0.0.1:0 --status "$status" \
        --body-len "$body_len" --content-type "$content_type"
    local bare_pid="$started_pid" bare_url="$started_url"
    local bare_workers
    bare_workers="$(worker_ticks "$bare_pid" | wc -l)"
    echo "$label: $status, $body_len B of $content_type (bare: $bare_workers tokio workers)"
    local round
    for round in $(seq "$rounds"); do
        if [ $((round % 2)) = 1 ]; then
            run bare "$bare_pid" "$bare_url$path" "$script"
            run mock "$mock_pid" "$mock_url$path" "$script"
        else
            run mock "$mock_pid" "$mock_url$path" "$script"
            run bare "$bare_pid" "$bare_url$path" "$script"
        fi
    done
    stop "$bare_pid"
    printf '%s\t%s\t%s\t%s\n' "$current" "$label" "$status, $body_len B" "$bare_workers" \
        >>"$tmp/scenarios"
}

# The mock's answer to one request (after a reset): `status body-length content-type`.
answer_of() {
    reset_mock
    local status
    status="$(curl -s -o "$tmp/body" -D "$tmp/head" -w '%{http_code}' "$@")"
    local content_type
    content_type="$(sed -n 's/^[Cc]ontent-[Tt]ype: *\(.*\)\r$/\1/p' "$tmp/head")"
    echo "$status $(wc -c <"$tmp/body") ${content_type:-application/json}"
}

echo "wrk $(wrk -v 2>&1 | sed -n 's/^wrk \([^ ]*\).*/\1/p'), $threads threads, $connections connections," \
    "${duration} s a run, $rounds runs of each server per scenario; nproc: $cores;" \
    "botsession-mock: $mock_workers tokio workers"
echo

read -r status len type < <(answer_of -X DELETE "$mock_url$v2/nobody")
scenario notfound "not-found delete (Lex V2)" "$status" "$len" "$type" "$v2/nobody" "$tmp/notfound.lua"

aily="/open-apis/aily/v1/sessions/session_ILLEGAL"
read -r status len type < <(answer_of -X DELETE \
    -H 'Authorization: Bearer t-g1044qeGEDXTB6NDJOGV4JQX' "$mock_url$aily")
scenario rejected "rejected id (Aily)" "$status" "$len" "$type" "$aily" "$tmp/rejected.lua"

# The mix's bare body: the mean body length of the mock's answers to the same load (a short
# untimed run), with the commonest status.
reset_mock
wrk -t "$threads" -c "$connections" -d 2s -s "$tmp/mix-tally.lua" "$mock_url" >"$tmp/wrk.out" 2>&1 ||
    { cat "$tmp/wrk.out" >&2; exit 1; }
read -r answers bytes statuses < <(sed -n 's/^TALLY //p' "$tmp/wrk.out")
mean="$(awk -v a="$answers" -v b="$bytes" 'BEGIN { printf "%.0f", b / a }')"
commonest="$(tr ' ' '\n' <<<"$statuses" | sort -t: -k2 -nr | head -n1 | cut -d: -f1)"
echo "mix: mock's answers $(tr ' ' '\n' <<<"$statuses" | sort |
    awk -F: -v a="$answers" '{ printf "%s%s %.0f%%", (NR > 1 ? ", " : ""), $1, 100 * $2 / a }')," \
    "mean body $mean B"
scenario mix "put/get/delete mix (Lex V2)" "$commonest" "$mean" application/json / "$tmp/mix.lua"

# ---------------------------------------------------------------------------------------------
# The table: the mean over the runs of each server
# ---------------------------------------------------------------------------------------------

echo
echo "nproc: $cores; tokio workers: botsession-mock $mock_workers, bare $(cut -f4 "$tmp/scenarios" |
    sort -u | paste -sd/); busy: the fewest workers that ran in a run"
echo "cores: the server's CPU time over wall time (wrk has the rest); CPU µs/req: per answer"
echo "mean of $rounds runs each, $duration s, wrk -t$threads -c$connections; goal: mock/bare >= 0.90"
echo
row='| %-28s | %-12s | %-6s | %9s | %8s | %8s | %5s | %4s | %10s | %9s |\n'
# shellcheck disable=SC2059 # the format is the row's
printf "$row" scenario answer server 'req/s' 'p50 ms' 'p99 ms' cores busy 'CPU µs/req' mock/bare
dashes() { printf -- '-%.0s' $(seq "$1"); }
echo "|$(dashes 30)|$(dashes 14)|$(dashes 8)|$(dashes 10):|$(dashes 9):|$(dashes 9):|$(dashes 6):|$(dashes 5):|$(dashes 11):|$(dashes 10):|"
# The mean req/s, p50, p99 and cores of a server's runs, and the fewest workers busy in one.
mean_of() {
    awk '{ for (i = 1; i <= 4; i++) s[i] += $i; if (NR == 1 || $5 < busy) busy = $5 }
        END { printf "%.0f %.3f %.3f %.2f %d\n", s[1] / NR, s[2] / NR, s[3] / NR, s[4] / NR, busy }' "$1"
}
# The server's CPU time per answer: steadier than req/s when other jobs share the cores.
per_request() {
    awk -v cores="$1" -v rps="$2" 'BEGIN { printf "%.1f", cores * 1e6 / rps }'
}
while IFS=$'\t' read -r name label answer _; do
    read -r b_rps b_p50 b_p99 b_cores b_busy < <(mean_of "$tmp/$name.bare")
    read -r m_rps m_p50 m_p99 m_cores m_busy < <(mean_of "$tmp/$name.mock")
    ratio="$(awk -v m="$m_rps" -v b="$b_rps" 'BEGIN { printf "%.2f", m / b }')"
    # shellcheck disable=SC2059
    printf "$row" "$label" "$answer" bare "$b_rps" "$b_p50" "$b_p99" "$b_cores" "$b_busy" \
        "$(per_request "$b_cores" "$b_rps")" ''
    # shellcheck disable=SC2059
    printf "$row" '' '' mock "$m_rps" "$m_p50" "$m_p99" "$m_cores" "$m_busy" \
        "$(per_request "$m_cores" "$m_rps")" "$ratio"
done <"$tmp/scenarios"
