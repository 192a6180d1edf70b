"""Reads a feed on stdin, parses it with Universal Feed Parser and prints what the tests assert, as JSON."""
import json
import sys

import feedparser


def links(links):
    return [{k: l.get(k) for k in ("rel", "type", "href")} for l in links]


def entry(e):
    return {
        "id": e.get("id"),
        "title": e.get("title"),
        "title_type": e.get("title_detail", {}).get("type"),
        "link": e.get("link"),
        "links": links(e.get("links", [])),
        "published": e.get("published"),
        "updated": e.get("updated"),
        "author": e.get("author"),
        "summary": e.get("summary"),
        "summary_detail": {k: e.get("summary_detail", {}).get(k) for k in ("type", "value")},
        "content": [{"type": c.get("type"), "value": c.get("value")} for c in e.get("content", [])],
        "media_content": [dict(m) for m in e.get("media_content", [])],
        "media_credit": [dict(m) for m in e.get("media_credit", [])],
        "media_thumbnail": [dict(m) for m in e.get("media_thumbnail", [])],
        "tags": [t.get("term") for t in e.get("tags", [])],
        "enclosures": [dict(x) for x in e.get("enclosures", [])],
        "language": e.get("title_detail", {}).get("language"),
    }


def dump(data):
    d = feedparser.parse(data)
    return {
        "bozo": int(d.get("bozo", 0)),
        "bozo_exception": str(d.get("bozo_exception")) if d.get("bozo") else None,
        "version": d.get("version"),
        "feed": {
            "title": d.feed.get("title"),
            "language": d.feed.get("language"),
            "updated": d.feed.get("updated"),
            "links": links(d.feed.get("links", [])),
            "icon": d.feed.get("icon"),
            "logo": d.feed.get("logo"),
            "image": dict(d.feed.get("image", {})) or None,
        },
        "entries": [entry(e) for e in d.entries],
    }


# One feed on stdin, or with --many a JSON array of feeds (one Python start-up for all of them).
data = sys.stdin.buffer.read()
if sys.argv[1:] == ["--many"]:
    print(json.dumps([dump(f.encode("utf-8")) for f in json.loads(data)], ensure_ascii=False))
else:
    print(json.dumps(dump(data), ensure_ascii=False))
