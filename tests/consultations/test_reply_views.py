import re

import pytest

from actionagenda.consultations import services
from actionagenda.consultations.models import Reply

pytestmark = pytest.mark.django_db


def _url(question, action="reply"):
    return f"/en/consultations/{question.theme.group.consultation.slug}/questions/{question.pk}/{action}/"


def test_a_signed_in_participant_replies_and_is_taken_to_the_reply(client, question, participant):
    client.force_login(participant)
    response = client.post(_url(question), {"body": "Capacity *matters*"})
    reply = Reply.objects.get()
    assert response.url == f"{question.get_absolute_url()}#reply-{reply.pk}"
    assert (reply.author, reply.body, reply.parent) == (participant, "Capacity *matters*", None)


def test_a_reply_to_a_reply_with_htmx_returns_the_new_reply_for_its_thread(client, question, participant):
    first = services.post_reply(user=participant, question=question, body="First")
    client.force_login(participant)
    response = client.post(_url(question), {"body": "Second", "parent": first.pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    child = Reply.objects.get(parent=first)
    assert f'hx-swap-oob="beforeend:#children-{first.pk}"' in html
    assert f'id="reply-{child.pk}"' in html and "<p>Second</p>" in html


def test_an_anonymous_visitor_is_sent_to_sign_in(client, question):
    response = client.post(_url(question), {"body": "Hello"})
    assert "/accounts/login/" in response.url
    assert Reply.objects.count() == 0


def test_an_empty_reply_shows_an_error_and_keeps_nothing_lost(client, question, participant):
    client.force_login(participant)
    response = client.post(_url(question), {"body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_refused_reply_keeps_what_the_participant_typed(client, question, participant, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "consultation_reply": "1/60"}
    client.force_login(participant)
    client.post(_url(question), {"body": "One"})
    response = client.post(_url(question), {"body": "My long careful answer"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "You are posting too quickly" in html
    assert "My long careful answer</textarea>" in html


def test_a_held_first_post_tells_the_participant(client, question, participant, moderator):
    services.set_hold_first_posts(user=moderator, group=question.theme.group, hold=True)
    client.force_login(participant)
    response = client.post(_url(question), {"body": "First"}, follow=True)
    assert "will appear once a moderator has approved it" in response.content.decode()


def test_the_author_edits_through_the_edit_page(client, question, participant):
    reply = services.post_reply(user=participant, question=question, body="Draft")
    client.force_login(participant)
    url = f"/en/consultations/{question.theme.group.consultation.slug}/replies/{reply.pk}/edit/"
    client.post(url, {"body": "Final"})
    reply.refresh_from_db()
    assert reply.body == "Final"


def test_it_returns_403_to_another_user_editing(client, question, participant, moderator):
    reply = services.post_reply(user=participant, question=question, body="Draft")
    client.force_login(moderator)
    url = f"/en/consultations/{question.theme.group.consultation.slug}/replies/{reply.pk}/edit/"
    assert client.post(url, {"body": "Changed"}).status_code == 403
    reply.refresh_from_db()
    assert reply.body == "Draft"


def test_flagging_a_reply_records_it(client, question, participant, moderator):
    reply = services.post_reply(user=participant, question=question, body="Dubious")
    client.force_login(moderator)
    client.post(f"/en/consultations/{question.theme.group.consultation.slug}/replies/{reply.pk}/flag/",
                {"reason": "Advertising"})
    assert reply.flags.get().reason == "Advertising"


def test_a_flag_without_a_reason_is_refused_and_says_why(client, question, participant, moderator):
    reply = services.post_reply(user=participant, question=question, body="Dubious")
    client.force_login(moderator)
    response = client.post(f"/en/consultations/{question.theme.group.consultation.slug}/replies/{reply.pk}/flag/",
                           {"reason": "   "}, follow=True)
    assert "Say why a moderator should look at this reply." in response.content.decode()
    assert not reply.flags.exists()


def test_a_parent_that_is_not_a_number_is_a_bad_request(client, question, participant):
    client.force_login(participant)
    assert client.post(_url(question), {"body": "Hi", "parent": "x"}).status_code == 400
    assert Reply.objects.count() == 0


def test_a_reply_carries_the_language_it_is_written_in_and_pages_in_another_say_which(client, question, participant):
    client.force_login(participant)
    client.post(_url(question), {"body": "Le renforcement des capacités d'abord.", "language": "fr"})
    client.post(_url(question).replace("/en/", "/es/"), {"body": "Sin idioma elegido"})  # the page's language
    french, spanish = Reply.objects.order_by("pk")
    assert (french.language, spanish.language) == ("fr", "es")
    page = f"/en/consultations/{question.theme.group.consultation.slug}/questions/{question.pk}/"
    html = client.get(page).content.decode()
    assert '<div class="reply-body" lang="fr"><p>Le renforcement' in html
    marks = re.compile(r'<span class="reply-language">([^<]*)</span>')
    assert marks.findall(html) == ["in French", "in Spanish"]
    assert marks.findall(client.get(page.replace("/en/", "/fr/")).content.decode()) == ["en espagnol"]
    assert 'id="language-q"' in html and '<option value="en" lang="en" selected>' in html


def test_an_unknown_reply_language_is_refused_on_its_field_and_the_text_kept(client, question, participant):
    client.force_login(participant)
    response = client.post(_url(question), {"body": "My careful answer", "language": "xx"})
    html = response.content.decode()
    assert response.status_code == 400 and "Select a valid choice" in html and "My careful answer" in html
    assert not Reply.objects.exists()


def test_the_author_corrects_the_language_of_a_reply_when_editing_it(client, question, participant):
    reply = services.post_reply(user=participant, question=question, body="Written in French", language="en")
    client.force_login(participant)
    edit = f"/en/consultations/{question.theme.group.consultation.slug}/replies/{reply.pk}/edit/"
    page = client.get(edit)
    assert page.status_code == 200 and 'name="language"' in page.content.decode()
    client.post(edit, {"body": "Écrit en français", "language": "fr"})
    reply.refresh_from_db()
    assert (reply.body, reply.language) == ("Écrit en français", "fr")
