#!/usr/bin/env python3
"""Draws the exact payloads printed by `preview --json` as a static HTML mock-up of a Discord or Slack channel.

    dotnet run --project src/Bot -- preview --digest 2026-09-07-ai-trend-2026-08 --section papers --platform discord --json > /tmp/d.json
    python3 docs/images/render-mockup.py /tmp/d.json > /tmp/d.html
    chromium --headless --no-sandbox --disable-gpu --screenshot=docs/images/discord-post.png --window-size=760,820 /tmp/d.html

Only the payload is drawn; nothing is invented: titles, fields, blocks and links come from the JSON as sent.
"""
import html
import json
import re
import sys


def discord_markdown(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"\\([\\*_~`|\[\]<>#+\-])", lambda m: "&#%d;" % ord(m.group(1)), text)
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return text.replace("\n", "<br>")


def slack_mrkdwn(text):
    links = []

    def keep(m):
        links.append('<a href="%s">%s</a>' % (html.escape(m.group(1)), m.group(2)))
        return "\x00%d\x00" % (len(links) - 1)

    text = re.sub(r"<([^|>]+)\|([^>]*)>", keep, text)
    text = re.sub(r"\*(.+?)\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w])_(.+?)_(?![\w])", r"<i>\1</i>", text)
    text = re.sub(r"`(.+?)`", r"<code>\1</code>", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], text)
    return text.replace("\n", "<br>")


def discord(messages):
    out = []
    for m in messages:
        parts = []
        if m.get("content"):
            parts.append('<div class="content">%s</div>' % discord_markdown(m["content"]))
        for e in m.get("embeds", []):
            color = "#%06x" % e.get("color", 0x202225)
            fields = "".join(
                '<div class="field"><div class="fname">%s</div><div class="fvalue">%s</div></div>'
                % (discord_markdown(f["name"]), discord_markdown(f["value"])) for f in e.get("fields", []))
            title = discord_markdown(e.get("title", ""))
            if e.get("url"):
                title = '<a href="%s">%s</a>' % (html.escape(e["url"]), title)
            parts.append(
                '<div class="embed" style="border-left-color:%s"><div class="etitle">%s</div><div class="edesc">%s</div>%s<div class="efoot">%s</div></div>'
                % (color, title, discord_markdown(e.get("description", "")), fields, html.escape(e.get("footer", {}).get("text", ""))))
        out.append('<div class="msg"><div class="avatar">B</div><div class="body"><div class="author">Bot <span class="tag">APP</span> <span class="time">Today at 09:00</span></div>%s</div></div>' % "".join(parts))
    return DISCORD_CSS, "".join(out)


def slack(messages):
    out = []
    for m in messages:
        blocks = []
        for b in m.get("blocks", []):
            t = b["type"]
            if t == "header":
                blocks.append('<div class="header">%s</div>' % html.escape(b["text"]["text"]))
            elif t == "section":
                blocks.append('<div class="section">%s</div>' % slack_mrkdwn(b["text"]["text"]))
            elif t == "context":
                blocks.append('<div class="context">%s</div>' % " ".join(slack_mrkdwn(e["text"]) for e in b["elements"]))
            elif t == "actions":
                blocks.append('<div class="actions">%s</div>' % "".join('<span class="button">%s</span>' % html.escape(e["text"]["text"]) for e in b["elements"]))
            elif t == "divider":
                blocks.append("<hr>")
        out.append('<div class="msg"><div class="avatar">B</div><div class="body"><div class="author">Bot <span class="tag">APP</span> <span class="time">9:00 AM</span></div>%s</div></div>' % "".join(blocks))
    return SLACK_CSS, "".join(out)


DISCORD_CSS = """
body{background:#313338;color:#dbdee1;font:15px/1.375 'NanumGothic','Noto Color Emoji',sans-serif;margin:0;padding:16px}
.msg{display:flex;gap:14px;margin-bottom:18px}.avatar{width:40px;height:40px;border-radius:50%;background:#5865f2;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
.author{color:#f2f3f5;font-weight:600}.tag{background:#5865f2;color:#fff;font-size:10px;padding:1px 4px;border-radius:3px;vertical-align:middle}.time{color:#949ba4;font-size:12px;font-weight:400}
.embed{background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 16px 16px 12px;margin-top:4px;max-width:520px}
.etitle{font-weight:600;margin-top:8px}.etitle a{color:#00a8fc;text-decoration:none}.edesc{font-size:14px;margin-top:8px}
.field{margin-top:8px;font-size:14px}.fname{font-weight:600;color:#f2f3f5}.fvalue a,.edesc a{color:#00a8fc;text-decoration:none}
.efoot{font-size:12px;color:#b5bac1;margin-top:8px}.content{margin:2px 0}
"""

SLACK_CSS = """
body{background:#fff;color:#1d1c1d;font:15px/1.46668 'NanumGothic','Noto Color Emoji',sans-serif;margin:0;padding:16px}
.msg{display:flex;gap:10px;margin-bottom:18px}.avatar{width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
.author{font-weight:900}.tag{background:#e8e8e8;color:#616061;font-size:10px;padding:1px 3px;border-radius:2px;vertical-align:middle}.time{color:#616061;font-size:12px;font-weight:400}
.header{font-size:18px;font-weight:900;margin:6px 0}.section{margin:8px 0}.context{font-size:12px;color:#616061;margin:4px 0}
a{color:#1264a3;text-decoration:none}code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;color:#e01e5a;font-size:12px;padding:0 2px}
.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;margin-right:8px;font-weight:700;font-size:13px}
"""


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    css, body = (discord if data["platform"] == "discord" else slack)(data["messages"])
    print('<!doctype html><html><head><meta charset="utf-8"><style>%s</style></head><body>%s</body></html>' % (css, body))


if __name__ == "__main__":
    main()
