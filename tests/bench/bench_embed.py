"""What a partner's page downloads for the embeddable components: embed.js raw and gzipped (budget 10 KB for the
whole script, issue 19), and the iframe variant's stylesheet.

    python tests/bench/bench_embed.py
"""

import gzip
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "src" / "actionagenda"
STATIC = PACKAGE / "interop" / "static" / "interop"
BUDGET = 10 * 1024


def sizes(path: pathlib.Path) -> tuple[int, int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6)), len(gzip.compress(data, compresslevel=9))


if __name__ == "__main__":
    print(f"{'file':<12} {'raw':>8} {'gzip -6':>8} {'gzip -9':>8}")
    for path in (STATIC / "embed.js", STATIC / "frame.css", PACKAGE / "static" / "actionagenda" / "copy.js",
                 STATIC / "builder.css"):
        raw, six, nine = sizes(path)
        print(f"{path.name:<12} {raw:>8,} {six:>8,} {nine:>8,}")
    raw, six, nine = sizes(STATIC / "embed.js")
    print(f"embed.js gzipped: {nine:,} bytes of a {BUDGET:,}-byte budget ({100 * nine / BUDGET:.0f} %)")
