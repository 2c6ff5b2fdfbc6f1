"""The FAQ page and the assistant answer from one list: the assistant's FAQ documents, edited as FAQ entries."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from actionagenda.assistant import services as assistant
from actionagenda.assistant.models import GuidanceDocument
from actionagenda.outreach.models import FAQCategory, FAQEntry
from factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories():
    return (FAQCategory.objects.create(slug="making", name_en="Making a commitment", name_fr="Prendre un engagement",
                                       position=0),
            FAQCategory.objects.create(slug="data", name_en="Open data", position=1))


def entry(key, question, answer, category=None, position=0, **translations):
    document = GuidanceDocument(key=key, faq_category=category, faq_position=position)
    questions, answers = {"en": question}, {"en": answer}
    for code, (text_q, text_a) in translations.items():
        questions[code], answers[code] = text_q, text_a
    assistant.write_faq(document, questions, answers)
    return document


def test_entries_are_grouped_by_category_in_the_secretariats_order_each_at_its_anchor(client, categories):
    making, data = categories
    entry("FAQ_API", "Is there an API?", "Yes, a public read API.", data)
    entry("FAQ_SMART", "What is SMART?", "Specific and measurable.", making, position=2)
    entry("FAQ_WHO", "Who can commit?", "Any non-state actor.", making, position=1)
    entry("FAQ_LOOSE", "Where is the source code?", "In the public repository.")
    page = client.get("/en/faq/").content.decode()
    order = [page.index(text) for text in ('<h2 id="making">', "Who can commit?", "What is SMART?", '<h2 id="data">',
                                           "Is there an API?", '<h2 id="other">', "Where is the source code?")]
    assert order == sorted(order)
    assert '<h3 id="faq-smart">' in page and 'href="#faq-smart"' in page and 'id="making"' in page


def test_search_keeps_the_entries_holding_every_word_in_the_pages_language(client, categories):
    making, _ = categories
    entry("FAQ_WHO", "Who can commit?", "Any non-state actor.", making,
          fr=("Qui peut s'engager ?", "Tout acteur non étatique, y compris les collectivités."))
    entry("FAQ_SMART", "What is SMART?", "Specific and measurable.", making)
    french = client.get("/fr/faq/", {"q": "collectivites acteur"}).content.decode()
    assert "Qui peut s&#x27;engager ?" in french and "What is SMART?" not in french
    assert "1 réponse" in french
    english = client.get("/en/faq/", {"q": "measur"}).content.decode()
    assert "What is SMART?" in english and "Who can commit?" not in english
    assert "0 answers" in client.get("/en/faq/", {"q": "zebra"}).content.decode()


def test_an_entry_written_for_the_faq_is_what_the_assistant_answers_with(client, django_capture_on_commit_callbacks):
    call_command("load_guidance", verbosity=0)
    question = "How do I embed the commitments widget on our organisation's intranet?"
    with django_capture_on_commit_callbacks(execute=True):
        entry("FAQ_EMBED", question, "Paste the embed builder's snippet into the intranet page.")
    assert question.replace("'", "&#x27;") in client.get("/en/faq/").content.decode()
    answer = assistant.ask("embed widget intranet snippet", "en", semantic=False, with_related=False)
    assert answer.documents and answer.documents[0].document.key == "FAQ_EMBED"
    page = client.get("/en/ask/", {"q": "embed widget intranet snippet"}).content.decode()
    assert 'href="/en/faq/#faq-embed"' in page


def test_the_shipped_faq_of_the_assistant_is_on_the_faq_page(client):
    call_command("load_guidance", verbosity=0)
    page = client.get("/en/faq/").content.decode()
    for document in GuidanceDocument.objects.filter(kind="faq"):
        assert f'id="{document.anchor}"' in page and document.title in page


def test_the_secretariat_edits_an_entry_question_and_answer_in_each_language(client, secretariat, categories):
    client.force_login(secretariat)
    response = client.post(reverse("admin:outreach_faqentry_add"), {
        "key": "", "faq_category": categories[0].pk, "faq_position": 3, "faq_highlight": "on",
        "question_en": "Can I withdraw a commitment?", "answer_en": "Yes, from **My commitments**.",
        "question_fr": "Puis-je retirer un engagement ?", "answer_fr": "Oui, depuis **Mes engagements**.",
        "question_es": "", "answer_es": ""})
    assert response.status_code == 302
    saved = FAQEntry.objects.get()
    assert saved.key == "FAQ_CAN_I_WITHDRAW_A_COMMITMENT" and saved.faq_highlight
    assert assistant.faq_text(saved, "fr")[:2] == ("Puis-je retirer un engagement ?",
                                                    "Oui, depuis **Mes engagements**.")
    assert sorted(saved.passages.values_list("language", flat=True)) == ["en", "fr"]
    assert "Oui, depuis <strong>Mes engagements</strong>." in client.get("/fr/faq/").content.decode()
    assert "Can I withdraw a commitment?" in client.get("/en/").content.decode()  # highlighted on the landing page


def test_a_question_without_its_answer_in_a_language_is_refused(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("admin:outreach_faqentry_add"), {
        "key": "", "faq_position": 0, "question_en": "Can I withdraw?", "answer_en": "Yes.",
        "question_es": "¿Puedo retirarlo?", "answer_es": ""})
    assert response.status_code == 200 and not FAQEntry.objects.exists()


def test_only_the_secretariat_edits_the_faq(client):
    entry("FAQ_WHO", "Who can commit?", "Any non-state actor.")
    client.force_login(UserFactory())
    assert client.get(reverse("admin:outreach_faqentry_changelist")).status_code in (302, 403)
    response = client.post(reverse("admin:outreach_faqentry_change", args=[FAQEntry.objects.get().pk]),
                           {"question_en": "Defaced?", "answer_en": "Yes."})
    assert response.status_code in (302, 403)
    assert GuidanceDocument.objects.get().title == "Who can commit?"


def test_the_guidance_library_leaves_faq_entries_to_the_faq(client, secretariat):
    entry("FAQ_WHO", "Who can commit?", "Any non-state actor.")
    client.force_login(secretariat)
    page = client.get(reverse("admin:assistant_guidancedocument_changelist")).content.decode()
    assert "FAQ_WHO" not in page
