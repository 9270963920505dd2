#!/usr/bin/env bash
# The full-size reliability runs of issue 13 (test/Malekort.Reliability.Tests with MALEKORT_RELIABILITY=full): a 30-minute soak
# at 64 connections on national data, the hostile inputs at the issue's sizes, and kill -9 during imports on both databases
# and in the drop folder. Rewrites docs/reliability.md with what was measured and on which machine.
#   ./malekort reliability                       everything (about an hour on 2 cores; national data is made once)
#   MALEKORT_SOAK_MINUTES=5 ./malekort reliability   a shorter soak
# Extra arguments go to the test program (e.g. --filter-class "*BombTests*").
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/require-dotnet.sh || exit 1
./scripts/install-test-dependencies.sh || exit 1
if ! dotnet build Malekort.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
    echo "bygget feilet" >&2
    exit 1
fi
results="$root/artifacts/reliability"
rm -rf "$results"
mkdir -p "$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
export MALEKORT_RELIABILITY=full
"$root/test/artifacts/bin/Malekort.Reliability.Tests/release/Malekort.Reliability.Tests" --output Detailed "$@" 2>&1 | tee "$results/run.log"
status=${PIPESTATUS[0]}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
summary=$(grep -E '^\s*(total|failed|succeeded):' "$results/run.log" | tr -s ' ' | paste -sd' ')

section() { [ -f "$results/$1.md" ] && cat "$results/$1.md" || echo "_Not run this time._"; }
{
    echo "# Reliability: hostile input, faults and load"
    echo
    echo "Written by \`./malekort reliability\` (\`scripts/reliability.sh\`), which runs \`test/Malekort.Reliability.Tests\` at full size:"
    echo "the same tests run in seconds in \`./malekort test\`. What each limit is and why: [operations.md](operations.md#limits);"
    echo "every class of bad input and the test that tries it: [bad-input.md](bad-input.md)."
    echo
    echo "## The last run"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| started | $started |"
    echo "| commit | $(git rev-parse --short HEAD)$( [ -n "$(git status --porcelain --untracked-files=no)" ] && echo ' (with uncommitted changes)') |"
    echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores |"
    echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) |"
    echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r), $(dotnet --version | sed 's/^/.NET SDK /') |"
    echo "| load average (1, 5, 15 min) | $load_before at the start, $load_after at the end: the machine is shared, so latencies are noisy |"
    echo "| outcome | $summary |"
    echo
    echo "## Soak"
    echo
    echo "\`malekort serve\` as its own process on national synthetic data (\`malekort generate --scale national --months 36\`,"
    echo "imported into SQLite), 64 connections at once for the whole run: 62 browsing scorecard pages of every unit and month"
    echo "(65 %), the JSON API, the data-quality page, the run log, health and metrics; one uploading batches (new ones, the same"
    echo "again, and a broken one: 201, 200 and 422 are the expected answers); one dropping batches into the drop folder and"
    echo "waiting for each to be imported or rejected. Any other answer, a failed connection or a drop not handled in 90 s"
    echo "counts as an error. The server's resident memory is sampled every 5 s."
    echo
    section soak
    echo
    echo "## Hostile inputs at full size"
    echo
    echo "Uploaded to a running server (upload limit raised to 512 MiB); memory is the server's resident set sampled every 20 ms."
    echo
    section bombs
    echo
    echo "## Kills"
    echo
    echo "\`kill -9\` of \`malekort import\` after a random number of batches had landed (so in the middle of the next one), and"
    echo "of \`malekort serve\` while it imported its drop folder; after each kill every batch's stored rows match its logged"
    echo "counts, it has its engine rows, no import is logged without its batch, and SQLite's integrity check passes."
    echo
    for kind in sqlite postgres drop; do section "kills-$kind"; done
} > "$root/docs/reliability.md"
echo "docs/reliability.md skrevet."
exit "$status"
