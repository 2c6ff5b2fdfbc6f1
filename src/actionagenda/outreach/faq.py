"""The FAQ page: the assistant's FAQ entries (one list for both) under the secretariat's categories, searchable.

Search finds the entries holding every word of the search (or a word it begins), folded and stemmed the way the
assistant reads text, in their question and answer in the page's language (the list is short: filtered here).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from actionagenda.assistant import services as assistant
from actionagenda.assistant.text import tokens


@dataclass
class Entry:
    anchor: str
    question: str
    answer: str
    language: str  # of the question and answer: the page's, or English where the entry has no translation
    words: set[str] = field(default_factory=set, repr=False)


@dataclass
class Category:
    anchor: str
    name: str
    entries: list[Entry]


def entries(language: str) -> list[tuple[object, Entry]]:
    """Every FAQ entry in the FAQ page's order, as (its category or None, the entry in `language`)."""
    found = []
    for document in assistant.faq_documents():
        question, answer, shown = assistant.faq_text(document, language)
        found.append((document.faq_category, Entry(document.anchor, question, answer, shown,
                                                   set(tokens(f"{question} {answer}")))))
    return found


def page(language: str, search: str = "") -> list[Category]:
    """The FAQ's categories with their entries (only those matching `search`, when given); entries without a
    category come last, under "Other questions"."""
    wanted = set(tokens(search))
    categories: dict[object, Category] = {}
    for category, entry in entries(language):
        if not all(any(word.startswith(part) for word in entry.words) for part in wanted):
            continue
        key = category.pk if category else None
        if key not in categories:
            categories[key] = Category(category.slug if category else "other",
                                       category.in_language(language).name if category else _("Other questions"), [])
        categories[key].entries.append(entry)
    return list(categories.values())


def highlights(language: str, count: int = 4) -> list[Entry]:
    """The entries the secretariat marked for the landing page, in the FAQ's order."""
    return [Entry(document.anchor, *assistant.faq_text(document, language))
            for document in assistant.faq_documents().filter(faq_highlight=True)[:count]]
