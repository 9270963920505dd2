#!/usr/bin/env bash
# Runs every test and ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
#   scripts/test.sh            the everyday run: the fuzzers read a small budget of inputs per format (docs/robustness.md)
#   scripts/test.sh --full     the same tests with the fuzzers at their full budget of 100 000 inputs per format
# Any other arguments go to `dotnet test`.
set -uo pipefail
if [ "${1:-}" = "--full" ]; then
    shift
    # Read by test/Malekort.Import.Tests/Fuzzing/FuzzSettings.cs, which holds the numbers.
    export MALEKORT_TEST_FULL=1
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/require-dotnet.sh || exit 1
./scripts/install-test-dependencies.sh || exit 1

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
if ! dotnet build Malekort.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
    echo "0 passed, 1 failed (bygget feilet)"
    exit 1
fi
log="$results/test-output.log"
# Microsoft.Testing.Platform (global.json): each test project is its own program; dotnet test runs them and sums up.
# All programs start at once: by default dotnet test runs as many as the machine has cores, and on 2 cores the web tests,
# the longest by far, waited minutes for a slot and then ran alone while the other slot stood idle (docs/testing.md).
modules=$(find test -maxdepth 2 -name '*.Tests.csproj' | wc -l)
dotnet test --solution Malekort.slnx -c Release --no-build --max-parallel-test-modules "$modules" \
    --report-xunit-trx --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary=$(sed -n '/Test run summary/,$p' "$log")
value() { echo "$summary" | grep -E "^\s*$1:" | tail -n 1 | grep -oE '[0-9]+' | head -n 1; }
passed=$(value succeeded); failed=$(value failed); skipped=$(value skipped); errors=$(value error)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}; errors=${errors:-0}
# A test program that crashed or never reported counts as a failure, never as a pass.
failed=$((failed + errors))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
