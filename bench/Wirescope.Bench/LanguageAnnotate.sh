#!/usr/bin/env bash
# Whole-process figure for the language layer: `wirescope annotate` over UD GUM dev (gold
# tokens; tag + lemma + parse), one and two threads, median of three runs each, as words/s
# including process start and model loading. Needs the shared data ($WIRESCOPE_SHARED or
# ../shared). Usage: bench/Wirescope.Bench/LanguageAnnotate.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${WIRESCOPE_SHARED:-../shared}
gold="$shared/datasets/language/ud-gum/en_gum-ud-dev.conllu"
words=$(grep -cP '^\d+\t' "$gold")
./wirescope annotate --from conllu "$gold" -j 1 > /dev/null   # build and warm the disk cache
for jobs in 1 2; do
  times=()
  for run in 1 2 3; do
    start=$(date +%s.%N)
    ./wirescope annotate --from conllu "$gold" -j "$jobs" > /dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  printf 'annotate GUM dev, %d thread(s): %d words in %.2f s (median of 3) = %.0f words/s\n' "$jobs" "$words" "$median" "$(echo "$words / $median" | bc -l)"
done
