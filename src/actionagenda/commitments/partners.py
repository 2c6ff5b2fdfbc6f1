"""A commitment's partners as a list of {name, url}, read from and written to its `partners` text.

The text is what authors type (Markdown, shown on the page): one partner a line (or several on one line, separated
by semicolons), each a name, optionally with its address: `[Name](https://...)`, `Name (https://...)`,
`Name <https://...>` or `Name https://...`. Bullets in front are ignored. `text()` writes the Markdown links back.
"""

import re

_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_MARKDOWN_LINK = re.compile(r"\[(?P<name>[^\]]*)\]\((?P<url>https?://[^\s)]+)\)")
_TRAILING_URL = re.compile(r"^(?P<name>.*?)[\s:—–-]*[(<]?(?P<url>https?://[^\s)>]+)[)>]?\s*$")


def parse(text: str) -> list[dict]:
    """The partners `text` names, in order: [{"name": ..., "url": ... or ""}] (a line that is only an address
    gives a partner named by it)."""
    found = []
    for line in re.split(r"[\n;]", text or ""):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        match = _MARKDOWN_LINK.fullmatch(line) or _TRAILING_URL.fullmatch(line)
        if match:
            url = match["url"]
            found.append({"name": match["name"].strip() or url, "url": url})
        else:
            found.append({"name": line, "url": ""})
    return found


def text(partners: list[dict]) -> str:
    """The `partners` text for [{"name", "url"}] (one a line, as Markdown links where there is an address)."""
    lines = []
    for partner in partners:
        # A name must read back as one partner: no line breaks, no separator, no Markdown link brackets.
        name = " ".join(str(partner.get("name") or "").split()).replace(";", ",").replace("[", "(").replace("]", ")")
        url = str(partner.get("url") or "").strip()
        if name or url:
            lines.append(f"- [{name or url}]({url})" if url else f"- {name}")
    return "\n".join(lines)
