"""Full-text search over commitments, one small interface over two engines.

SQLite: FTS5 (`commitments_search`, accents folded by the tokenizer). PostgreSQL: a GIN-indexed tsvector table
(`commitments_search`, folded with unaccent when available). Both are created and kept current by triggers in
migration 0002_search_index: any save of a commitment, or a renamed actor, is searchable at once.
Searched text: title, description, partners and the actor's name. Every word must match, as a prefix
("campaign" finds "campaigns"); punctuation and operators typed by people are ignored, never interpreted.
"""

import re

from django.db import connection

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 12


def words(text: str) -> list[str]:
    """The words of a search text, in order, without duplicates or operators."""
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(text or "")))[:MAX_WORDS]


def _sql(found: list[str]) -> tuple[str, list[str]]:
    if connection.vendor == "postgresql":
        query = " & ".join(f"'{word}':*" for word in found)
        return ("SELECT commitment_id FROM commitments_search "
                "WHERE document @@ to_tsquery('simple', commitments_fold(%s))", [query])
    query = " ".join(f'"{word}"*' for word in found)
    return "SELECT rowid FROM commitments_search WHERE commitments_search MATCH %s", [query]


def matching_ids(text: str) -> list[int]:
    """Ids of every commitment (any status) whose searched text contains all the words of `text`."""
    found = words(text)
    if not found:
        return []
    sql, params = _sql(found)
    # One aggregated value instead of a row per match: about five times faster for 10^4 matches.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT array_agg(id) FROM ({sql}) AS found(id)", params)
            return cursor.fetchone()[0] or []
        cursor.execute(f"SELECT group_concat(id) FROM ({sql.replace('SELECT rowid', 'SELECT rowid AS id', 1)})",
                       params)
        joined = cursor.fetchone()[0]
        return list(map(int, joined.split(","))) if joined else []
