"""Which KPI units agree, so that their values may be added up across commitments.

Authors type units freely ("people", "People", "persons ", "Number of people", "laboratories"). Two spellings
are taken as one unit only when they differ by what cannot change the meaning:

- letter case, accents, spaces and the punctuation around the unit ("Diálogos." and "dialogos");
- a leading "number of" (or "no. of", "# of", French "nombre de", Spanish "número de" / "cantidad de");
- a plain plural: a final -s on a word of four letters or more (not -ss, -us, -is), and English -ies for -y
  ("laboratories" and "laboratory"; "analysts" and "analyst"; "personnes" and "personne").

Nothing else is merged: not synonyms ("people" and "persons"), not translations ("people", "personnes",
"personas"), not other plurals ("agricultores" and "agricultor"). Percentages, shares, rates, scores and averages
are never added up (their sum means nothing), nor are KPIs without a unit. A group is shown under its most frequent
spelling.
"""

import re
import unicodedata
from collections import Counter

PREFIXES = ("number of ", "no. of ", "no of ", "nb of ", "# of ", "nombre de ", "nombre d'", "nombre d’",
            "número de ", "numero de ", "cantidad de ")
# Units whose values are shares, rates, scores or averages, not amounts: adding them up means nothing (compared
# after normalisation, so without accents or plurals).
NOT_AMOUNTS = re.compile(r"^(percent|per cent|percentage|pourcent|pour cent|pourcentage|porcentaje|por ciento|"
                         r"share|ratio|rate|taux|tasa|proportion|proporcion|score|index|indice|average|mean|"
                         r"moyenne|promedio|puntuacion|puntaje)\b|%")
PUNCTUATION = " .,;:!?()[]{}\"'«»“”‘’-–—_/\\*"


def key(unit: str) -> str:
    """The spelling-independent form of `unit` ("" for none)."""
    text = unicodedata.normalize("NFKD", unit or "")
    text = "".join(character for character in text if not unicodedata.combining(character))
    text = " ".join(text.casefold().split()).strip(PUNCTUATION)
    for prefix in PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):].strip(PUNCTUATION)
            break
    return " ".join(_singular(word) for word in text.split())


def _singular(word: str) -> str:
    if len(word) >= 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def summable(unit_key: str) -> bool:
    """Whether values in this unit may be added up: a unit is given and it is not a percentage, a share, a
    rate, a score or an average."""
    return bool(unit_key) and not NOT_AMOUNTS.search(unit_key)


def labels(spellings: dict[str, Counter]) -> dict[str, str]:
    """Key -> the spelling to show: the most frequent one, then the shortest, then the first in alphabetical
    order (so that the label does not change from one build to the next)."""
    return {unit_key: min(counted.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
            for unit_key, counted in spellings.items()}
