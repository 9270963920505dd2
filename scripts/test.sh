#!/usr/bin/env bash
# Runs every test and ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
set -uo pipefail
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
dotnet test Malekort.slnx -c Release --no-build --nologo --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; reports=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    reports=$((reports + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + $(value notExecuted)))
done
projects=$(find test -name '*.Tests.csproj' | wc -l)
if [ "$reports" -lt "$projects" ]; then
    # A test host that crashed writes no report: count each missing one as a failure, never as a pass.
    failed=$((failed + projects - reports))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
