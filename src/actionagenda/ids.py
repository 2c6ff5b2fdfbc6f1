"""Numbers read from a request (ids, page numbers): ASCII digits only, and short enough for a database integer.

int() and str.isdigit() accept far more than a person types: "²" passes isdigit() and then fails int(), "٥" is
5, "9" * 5000 exceeds int()'s digit limit. Every view reads numbers from request parameters through here.
"""

import re

# 18 digits always fit a 64-bit integer column (the largest id a database holds).
_NUMBER = re.compile(r"[0-9]{1,18}")
# No listing has this many pages; a larger number would overflow the database's OFFSET before the view
# brings it back to the last page.
MAX_PAGE = 1_000_000


def parse(value) -> int | None:
    """`value` as a non-negative integer when it is written in ASCII digits only, else None."""
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return int(value)
    return None


def page_number(value) -> int:
    """The page a `page` parameter asks for; 1 when it is missing or not a plain positive number."""
    number = parse(value)
    return min(number, MAX_PAGE) if number else 1
