"""The French and Spanish catalogues stay complete: every marked string translated, compiled, and current."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "actionagenda"
LANGUAGES = ["fr", "es"]


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    po = catalogue(language)
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_has_every_plural_form_the_language_has(language):
    # Spanish has three (one, a million, other): a missing third form showed English for most counts.
    po = catalogue(language)
    forms = int(po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    short = [entry.msgid for entry in po.translated_entries()
             if entry.msgid_plural and sorted(entry.msgstr_plural) != list(range(forms))]
    assert short == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_the_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    source = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
              for entry in po.translated_entries()}
    assert compiled == source, "run: cd src/actionagenda && ../../.venv/bin/actionagenda compilemessages"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext: apt-get install gettext")
def test_the_catalogues_hold_every_string_marked_in_the_code(tmp_path):
    copy = tmp_path / "actionagenda"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(["django-admin", "makemessages", "-l", "fr", "--no-location", "--no-obsolete",
                    "--ignore", "static/*"], cwd=copy, check=True, capture_output=True,
                   env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
                        "DJANGO_SETTINGS_MODULE": ""})
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/fr/LC_MESSAGES/django.po"))}
    committed = {(e.msgctxt, e.msgid) for e in catalogue("fr") if not e.obsolete}
    assert sorted(extracted - committed, key=str) == [], "run makemessages -l fr -l es and translate"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_starts_with_a_capital_where_the_english_does(language):
    # Labels are shown as headings and field names; "cibles du Cadre..." under "GBF targets" looks broken.
    lowered = [(entry.msgid, entry.msgstr) for entry in catalogue(language).translated_entries()
               if entry.msgid[:1].isupper() and entry.msgstr[:1].islower()]
    assert lowered == []
