#!/usr/bin/env python3
"""Writes a CC-NEWS-like WARC (.warc.gz, one gzip member per record) from real saved pages, to
measure memory and speed of `wirescope ingest` on a large archive (issue 4: "memory flat over a
1 GB WARC"). Each page is written REPEAT times under different URLs, each copy with one extra
sentence at the start of its first paragraph (near-duplicates of each other: one story). Most
such copies are still duplicates of the first by canonical URL or by article text (the
sentence often lands outside the article).
With --unique, copy r > 0 also swaps a pair of vowels in all text between tags (a<->e, then
a<->i, ...; past ten copies a consonant pair too) and moves every absolute URL in the markup
to host "edition<r>.<host>" (canonical links would otherwise make the copies duplicates by
URL): nearly every word changes, so each copy is new content with its own vocabulary (a store
that only ever sees duplicates would not show growth in the text index or the stories).

usage: StoreMakeRealWarc.py PAGES_DIR OUT.warc.gz REPEAT [--unique]"""
import gzip, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from StoreMakeWarc import record  # one WARC record writer for both benchmark archives


VOWEL_PAIRS = [(a, b) for i, a in enumerate("aeiou") for b in "aeiou"[i + 1:]]
CONSONANT_PAIRS = [("b", "b"), ("b", "d"), ("g", "k"), ("m", "n"), ("p", "t"), ("s", "z"), ("f", "v")]


def vary(html, r):
    """Copy r of a page: text between tags with the r-th vowel pair swapped (markup untouched)."""
    if r == 0:
        return html
    a, b = VOWEL_PAIRS[(r - 1) % len(VOWEL_PAIRS)]
    # Past ten copies a consonant pair is swapped as well, so copy 11 is not copy 1 again.
    c, d = CONSONANT_PAIRS[(r - 1) // len(VOWEL_PAIRS) % len(CONSONANT_PAIRS)]
    src, dst = a + b + c + d, b + a + d + c
    table = bytes.maketrans((src + src.upper()).encode(), (dst + dst.upper()).encode())
    html = re.sub(rb">[^<]+", lambda m: m.group(0).translate(table), html)
    return re.sub(rb"(https?:)?//", lambda m: m.group(0) + f"edition{r}.".encode(), html)


def main():
    args = [a for a in sys.argv[1:] if a != "--unique"]
    unique = len(args) < len(sys.argv) - 1
    pages_dir, out_path, repeat = args[0], args[1], int(args[2])
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
                if unique:
                    html = vary(html, r)
                extra = f"Edition {r} of this story. ".encode()
                m = re.search(rb"<p[ >][^>]*>|<p>", html)
                html = html[:m.end()] + extra + html[m.end():] if m else html + b"<p>" + extra + b"</p>"
                http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(html)}\r\n\r\n").encode() + html
                raw += len(http)
                record(out, "response", f"https://edition{r}.example/{i}/{name}", "application/http; msgtype=response", http)
    print(f"{out_path}: {repeat * len(names)} responses, {raw / 2**20:.0f} MiB of HTTP payload")


if __name__ == "__main__":
    main()
