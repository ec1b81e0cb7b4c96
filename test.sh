#!/usr/bin/env bash
# The README's test command: every test project (`dotnet test Bot.sln`), then one closing line over all of them,
# because dotnet test prints one summary per assembly. Extra arguments go to dotnet test.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
started=$(mktemp)
dotnet test Bot.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The cluster fault drill's table (tests/Bot.Tests, ClusterFaultTests) when it ran: dotnet test shows a passing test's
# output only at a higher verbosity.
find tests -name cluster-fault-drill.md -newer "$started" -exec cat {} \; 2>/dev/null
awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log" "$started"
exit "$status"
