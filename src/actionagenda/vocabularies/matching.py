"""Free text to a vocabulary code: "Agriculteurs", "farmer" or "Farmers and producers" to `farmers`.

Partners send values as their members wrote them, in any of the site's languages. A text names a code when,
accents, case, spaces, punctuation and a plural "s" aside, it is the code itself, its label in one of the site's
languages, or one part of a label joined by "and" ("Farmers and producers": "farmers", "producers"). A text that
could name two codes names none.
"""

import re
import unicodedata
from functools import cache

from django.conf import settings
from django.utils import translation

from . import catalogue

_NOT_WORD = re.compile(r"[\W_]+")
_CONJUNCTIONS = re.compile(r",| and | et | y | e ")


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    words = _NOT_WORD.sub(" ", folded).split()
    # Joined without spaces: "policy makers" is "policymakers".
    return "".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


@cache
def _names(vocabulary_name: str) -> dict[str, str]:
    """Key -> code for every name of the vocabulary's codes; a key two codes share is left out."""
    vocabulary = catalogue.get(vocabulary_name)
    found: dict[str, set[str]] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for entry in vocabulary:
                label = str(entry.label)
                for name in (entry.code, label, *_CONJUNCTIONS.split(label.casefold())):
                    if key := _key(name):
                        found.setdefault(key, set()).add(entry.code)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


def code_for(vocabulary: catalogue.Vocabulary, text: str) -> str | None:
    """The code of `vocabulary` that `text` names, or None."""
    return _names(vocabulary.name).get(_key(text or ""))
