#!/usr/bin/env bash
# Whole-process ingest figures: `./wirescope ingest` over a generated CC-NEWS-like WARC, over the
# same pages as HTML files (against `./wirescope analyze` of those files: the store's share of
# the time), and over samples/; --layers article by default, into a fresh database each time.
# Prints wall time, inputs/s and peak RSS (GNU time).
# usage: bench/Wirescope.Bench/StoreIngest.sh [PAGES] [LAYERS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
pages=${1:-3000}
layers=${2:-article}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pages"
python3 "$here/bench/Wirescope.Bench/StoreMakeWarc.py" "$tmp/bench.warc.gz" "$pages" 700 "$tmp/pages"
"$here/wirescope" --help > /dev/null  # build outside the timing

timed() { /usr/bin/time -f "%e %M" -o "$tmp/time" "$@"; read -r secs rss < "$tmp/time"; }

ingest() {
  local name=$1; shift
  rm -f "$tmp/b.db"*
  timed "$here/wirescope" ingest "$@" --db "$tmp/b.db" --layers "$layers" --progress none --format json > "$tmp/out.json" || true
  python3 - "$name" "$secs" "$rss" "$tmp/out.json" <<'PY'
import json, sys
name, secs, rss, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), json.load(open(sys.argv[4]))
print(f"ingest  {name:8} {out['inputs']:6} inputs {secs:7.2f} s {out['inputs']/secs:8.1f}/s  peak RSS {rss/1024:5.0f} MiB  "
      f"added {out['added']} duplicate {out['duplicate']} failed {out['failed']}")
PY
  "$here/wirescope" stats --db "$tmp/b.db" --format json
}

ingest warc "$tmp/bench.warc.gz"
ingest files "$tmp/pages"
timed "$here/wirescope" analyze "$tmp/pages" --layers "$layers" > /dev/null || true
python3 -c "print(f'analyze files    {$pages:6} inputs {$secs:7.2f} s {$pages/$secs:8.1f}/s  peak RSS {$rss/1024:5.0f} MiB')"
ingest samples "$here/samples"
