"""Tokens for the lexical ranker: lower case, accents folded, stop words of English, French and Spanish out,
and a light plural stemming so "organismes" meets "organisme"."""

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")

_STOP_WORDS_TEXT = """
a an and are as at be been but by can could do does for from had has have how i if in into is it its may
might must my no not of on or our should so such than that the their them then there these they this those
to up us was we were what when where which who whom why will with would you your yours about any also all
au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur leurs lui mais me meme
ne nos notre nous on ou par pas pour qu que quel quelle quelles quels qui sa sans se ses son sont sur ta
te tes toi ton tu un une vos votre vous y d l s n c j m t est-ce existe il-y peut doit doivent faut
al algo como con cual cuales cuando del donde el ella ellos en entre era es esa ese eso esta este esto
estos hay la las le les lo los mas mi mis muy nos nuestra nuestro o os para pero por porque que quien se
si sin sobre son su sus te tiene tu un una uno unos y ya comment avant dont tout tous quoi quand tiene puede deben debe
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def fold(text: str) -> str:
    normalized = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in normalized if not unicodedata.combining(ch))


def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("es") and not word.endswith("ses"):
        return word[:-2] if word[-3] in "nlro" else word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """A word as the ranker sees it: folded and stemmed (cached: passages repeat the same words)."""
    return stem(fold(word))


def tokens(text: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(fold(text)) if word not in STOP_WORDS and len(word) > 1]
