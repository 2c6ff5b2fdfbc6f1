"""Content written in one language, read on a page in another: the sentence that says which language it is in.

Events and consultations are written once, in the language they are held in (their models have no translated
fields); their pages in the other languages say so instead of passing the text off as a translation.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import catalogue


def notice(language: str, sentences: dict, other) -> str:
    """The sentence of `sentences` for `language` (`other`, naming the language, when it has none), or "" when
    the page is in that language already."""
    if not language or language == (get_language() or "en"):
        return ""
    sentence = sentences.get(language)
    return str(sentence) if sentence else str(other) % {"language": catalogue.LANGUAGES.label_of(language)}


# Languages whose names take no capital inside a sentence ("en espagnol", "en francés").
LOWERCASE_NAMES = ("fr", "es")


def in_language(language: str) -> str:
    """"in French", "en espagnol", "en inglés": the phrase that marks a text written in `language`."""
    name = catalogue.LANGUAGES.label_of(language)
    if (get_language() or "en") in LOWERCASE_NAMES:
        name = name.lower()
    return _("in %(language)s") % {"language": name}
