"""Typography of the French and Spanish catalogues, and counts that go through plural forms.

French puts a no-break space before the high punctuation marks (: ; ? !) and inside guillemets, so that the mark
never starts a line; Spanish opens questions and exclamations with ¿ and ¡ and puts no space before : or ;.
A count in a sentence ("1 critères sur 5") needs ngettext or {% blocktranslate count %}, even where English
reads the same for every number, because French and Spanish do not.
"""

import re

import polib
import pytest
from test_translations import PACKAGE, catalogue

NO_BREAK = "\u00a0\u202f"
# What is not prose: placeholders, URLs, markup, times and ratios such as 10:30.
NOT_PROSE = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\{[^}]*\}\}|\{%[^%]*%\}|\{\w*\}|https?://\S+|<[^>]+>|\d+:\d+")
HIGH = re.compile(r"(?P<before>.)(?P<mark>[:;?!])(?=\s|$|[)»\"'’<.,])", re.S)
# A count placeholder before an English plural noun, maybe after "of 5": "%(passed)s of 5 criteria". Numbers
# written out ("fewer than 10 people") are fixed: the translator writes their plural.
COUNTED = re.compile(r"(?:%\(\w+\)d|%\((?:count|counter|n|total|passed|done|number_of\w*)\)s|\{\{ ?(?:count|counter|n|"
                     r"total) ?\}\})(?: of (?:%\(\w+\)[sd]|\d+))? (?!is\b|was\b|has\b|its\b|this\b|as\b|us\b)"
                     r"(?:[a-z]+s|criteria|people|children)\b")


def prose(text: str) -> str:
    return NOT_PROSE.sub(lambda match: "X" * len(match.group()), text)


def strings(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def french_spacing_faults(text: str) -> list[str]:
    """Each high punctuation mark without a no-break space before it, and guillemets without one inside."""
    text = prose(text)
    faults = [text[max(match.start() - 12, 0):match.end()] for match in HIGH.finditer(text)
              if match.group("before") not in NO_BREAK and match.group("before") not in ":;?!"]
    guillemets = re.finditer(r"«(?=[^\u00a0\u202f])|(?<=[^\u00a0\u202f])»", text)
    faults += [text[max(match.start() - 12, 0):match.end() + 12] for match in guillemets]
    return faults


def spanish_faults(text: str) -> list[str]:
    text = prose(text)
    faults = [text[max(match.start() - 12, 0):match.end()] for match in re.finditer(r"\s[:;?!]", text)]
    for sentence in re.split(r"(?<=[.:;?!])\s+", text):
        if "?" in sentence and "¿" not in sentence:
            faults.append(sentence.strip())
    return faults


def counts_without_plural_forms(po: polib.POFile) -> list[str]:
    return [entry.msgid for entry in po if not entry.obsolete and not entry.msgid_plural
            and COUNTED.search(entry.msgid)]


def test_the_checks_catch_what_the_issue_saw():
    assert french_spacing_faults("Spécifique: manquant") == ["Spécifique:"]
    assert french_spacing_faults("Spécifique : manquant") == ["Spécifique :"]  # a space that can break
    assert french_spacing_faults("Spécifique\u00a0: manquant ; oui\u202f? « non »") != []
    assert french_spacing_faults("Spécifique\u00a0: manquant\u202f; oui\u202f? «\u00a0non\u00a0»") == []
    assert french_spacing_faults("Voir https://example.org/a?b=1 à 10:30, %(title)s\u00a0:") == []
    assert spanish_faults("Comment : voir") == ["Comment :"] and spanish_faults("Por qué?") == ["Por qué?"]
    assert spanish_faults("Nota: ¿por qué? ¿Es un archivo .docx?") == []
    po = polib.POFile()
    po.append(polib.POEntry(msgid="%(passed)s of 5 criteria met.", msgstr="x"))
    po.append(polib.POEntry(msgid="The file holds %(count)d parts.", msgstr="x"))
    po.append(polib.POEntry(msgid="%(count)d hour", msgid_plural="%(count)d hours", msgstr_plural={0: "x"}))
    po.append(polib.POEntry(msgid="Page %(number)s of %(pages)s", msgstr="x"))
    assert counts_without_plural_forms(po) == ["%(passed)s of 5 criteria met.", "The file holds %(count)d parts."]


def test_french_puts_a_no_break_space_before_high_punctuation_and_inside_guillemets():
    faults = {entry.msgid: found for entry in catalogue("fr").translated_entries()
              for text in strings(entry) if (found := french_spacing_faults(text))}
    assert faults == {}


def test_spanish_opens_questions_and_puts_no_space_before_colons():
    faults = {entry.msgid: found for entry in catalogue("es").translated_entries()
              for text in strings(entry) if (found := spanish_faults(text))}
    assert faults == {}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_counts_in_sentences_use_plural_forms(language):
    assert counts_without_plural_forms(catalogue(language)) == []


def test_french_uses_no_parenthesised_plurals():
    # "place(s) attribuée(s)": the count is known, so the form can be chosen.
    hacks = [entry.msgid for entry in catalogue("fr").translated_entries() for text in strings(entry)
             if re.search(r"\w\((?:e|s|es|x)\)", text)]
    assert hacks == []


def punctuation_outside_translations(template: str) -> list[str]:
    """Prose punctuation a template writes itself, next to translated text ("{{ label }}: missing"): the
    translation cannot put the French space before it."""
    text = re.sub(r"\{%\s*blocktranslate.*?%\}.*?\{%\s*endblocktranslate\s*%\}", " ", template, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>|\{#.*?#\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", " ", text,
                  flags=re.S)
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|<[^>]*>|https?://\S+", " x ", text, flags=re.S)
    return [match.group() for match in re.finditer(r".{0,20}[:;?!](?=\s|$)", text)]


def test_the_check_of_templates_catches_a_glued_colon():
    assert punctuation_outside_translations("<strong>{{ label }}</strong>: {% translate 'missing' %}") != []
    assert punctuation_outside_translations(
        "{% blocktranslate %}{{ label }}:{% endblocktranslate %} <a href='?page=2'>{% translate 'Next?' %}</a>") == []


def test_templates_leave_prose_punctuation_to_the_translations():
    faults = {str(path.relative_to(PACKAGE)): found for path in sorted(PACKAGE.glob("**/templates/**/*"))
              if path.suffix in (".html", ".txt") and (found := punctuation_outside_translations(path.read_text()))}
    assert faults == {}
