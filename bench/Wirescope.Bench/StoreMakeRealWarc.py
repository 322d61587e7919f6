#!/usr/bin/env python3
"""Writes a CC-NEWS-like WARC (.warc.gz, one gzip member per record) from real saved pages, to
measure memory and speed of `wirescope ingest` on a large archive (issue 4: "memory flat over a
1 GB WARC"). Each page is written REPEAT times under different URLs, each copy with one extra
sentence at the start of its first paragraph, so every copy is a new article (near-duplicates
of each other: one story).
The pages are read at bench time (e.g. ../shared/datasets/extraction/trafilatura-eval/pages);
nothing of them is kept in the repository.

usage: StoreMakeRealWarc.py PAGES_DIR OUT.warc.gz REPEAT"""
import gzip, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from StoreMakeWarc import record  # one WARC record writer for both benchmark archives


def main():
    pages_dir, out_path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    names = sorted(n for n in os.listdir(pages_dir) if n.endswith((".html", ".htm", ".gz")))
    raw = 0
    with open(out_path, "wb") as out:
        record(out, "warcinfo", None, "application/warc-fields", b"software: StoreMakeRealWarc.py\r\n")
        for r in range(repeat):
            for i, name in enumerate(names):
                with open(os.path.join(pages_dir, name), "rb") as f:
                    html = f.read()
                if name.endswith(".gz"):
                    html = gzip.decompress(html)
                extra = f"Edition {r} of this story. ".encode()
                m = re.search(rb"<p[ >][^>]*>|<p>", html)
                html = html[:m.end()] + extra + html[m.end():] if m else html + b"<p>" + extra + b"</p>"
                http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(html)}\r\n\r\n").encode() + html
                raw += len(http)
                record(out, "response", f"https://edition{r}.example/{i}/{name}", "application/http; msgtype=response", http)
    print(f"{out_path}: {repeat * len(names)} responses, {raw / 2**20:.0f} MiB of HTTP payload")


if __name__ == "__main__":
    main()
