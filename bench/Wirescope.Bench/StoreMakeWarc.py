#!/usr/bin/env python3
"""Writes a CC-NEWS-like WARC (.warc.gz, one gzip member per record) of made-up news pages for
the ingest benchmark: warcinfo, then per page a request, a response and a metadata record, and
every tenth page a syndicated copy on another site (near-duplicate) and an exact re-crawl.

usage: StoreMakeWarc.py OUT.warc.gz PAGES [WORDS_PER_PAGE] [FILES_DIR]
With FILES_DIR, each page is also written there as an .html file (to time analyze vs ingest)."""
import gzip, random, sys

def record(out, rtype, uri, ctype, block):
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Date: 2019-04-26T01:02:03Z\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as z:
        z.write(head + block + b"\r\n\r\n")

def page(title, paragraphs, site):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title} | {site}</title><meta charset='utf-8'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright {site}</footer></body></html>").encode()

def main():
    out_path, pages = sys.argv[1], int(sys.argv[2])
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 700
    files = sys.argv[4] if len(sys.argv) > 4 else None
    rng = random.Random(7)
    vocab = [f"w{i:x}" for i in range(8000)]
    with open(out_path, "wb") as out:
        record(out, "warcinfo", None, "application/warc-fields", b"software: StoreMakeWarc.py\r\n")
        for i in range(pages):
            ws = [rng.choice(vocab) for _ in range(words)]
            paras = [" ".join(ws[j:j + 70]) + "." for j in range(0, words, 70)]
            uri = f"https://site{i % 50}.example/news/{i}"
            html = page(f"Story {i}", paras, f"site{i % 50}")
            if files:
                with open(f"{files}/{i:06d}.html", "wb") as f:
                    f.write(html)
            http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(html)}\r\n\r\n").encode() + html
            record(out, "request", uri, "application/http; msgtype=request", f"GET /news/{i} HTTP/1.1\r\n\r\n".encode())
            record(out, "response", uri, "application/http; msgtype=response", http)
            record(out, "metadata", uri, "application/warc-fields", b"fetchTimeMs: 10\r\n")
            if i % 10 == 9:
                copy = page(f"Story {i} (wire)", ["Agency report."] + paras[:-1], "wire.example")
                http2 = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(copy)}\r\n\r\n").encode() + copy
                record(out, "response", f"https://wire.example/copy/{i}", "application/http; msgtype=response", http2)
                record(out, "response", uri + "?utm_source=rss", "application/http; msgtype=response", http)

if __name__ == "__main__":
    main()
