import pytest

from actionagenda.consultations import services
from factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_consultation_page_shows_weeks_groups_and_themes(client, question):
    consultation = question.theme.group.consultation
    response = client.get(consultation.get_absolute_url())
    html = response.content.decode()
    assert '<h1 lang="en">Biosafety dialogues</h1>' in html
    assert "Online discussion group 1: Risk assessment and risk management" in html
    assert "Theme 1: Capacity for risk assessment" in html
    assert "2 guiding questions" in html
    assert "<em>online</em>" in html


def test_the_consultation_list_links_to_each_consultation(client, question):
    response = client.get("/en/consultations/")
    assert question.theme.group.consultation.get_absolute_url() in response.content.decode()


def test_the_theme_page_lists_numbered_questions_with_reply_counts(client, question, participant):
    services.post_reply(user=participant, question=question, body="One")
    html = client.get(question.theme.get_absolute_url()).content.decode()
    assert "What capacities do regulators need?" in html
    assert "1 reply" in html
    assert "0 replies" in html


def test_the_question_page_shows_threaded_replies_with_author_details(client, question, participant,
                                                                     django_assert_max_num_queries):
    first = services.post_reply(user=participant, question=question, body="**Trained** staff")
    for n in range(5):
        services.post_reply(user=UserFactory(), question=question, body=f"Answer {n}", parent=first)
    with django_assert_max_num_queries(12):
        response = client.get(question.get_absolute_url())
    html = response.content.decode()
    assert "<strong>Trained</strong> staff" in html
    assert "Pat Participant" in html and "Organisation · Kenya" in html
    assert html.index(f'id="reply-{first.pk}"') < html.index(f'id="children-{first.pk}"') < html.index("Answer 4")
    assert "Sign in to reply" in html


def test_user_html_in_replies_is_escaped(client, question, participant):
    services.post_reply(user=participant, question=question, body="<script>alert(1)</script> hi")
    html = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_a_question_of_another_consultation_slug_is_not_found(client, question):
    response = client.get(f"/en/consultations/other-slug/questions/{question.pk}/")
    assert response.status_code == 404


def test_the_follow_button_follows_and_unfollows(client, question, participant):
    client.force_login(participant)
    url = f"/en/consultations/{question.theme.group.consultation.slug}/themes/{question.theme.pk}/follow/"
    client.post(url, {"follow": "1"})
    assert list(question.theme.followers.all()) == [participant]
    assert "Stop following this theme" in client.get(question.theme.get_absolute_url()).content.decode()
    client.post(url, {"follow": "0"})
    assert question.theme.followers.count() == 0


def test_the_statistics_page_shows_countries_only_to_the_secretariat(client, question, participant, secretariat):
    services.post_reply(user=participant, question=question, body="One")
    url = f"/en/consultations/{question.theme.group.consultation.slug}/statistics/"
    public = client.get(url).content.decode()
    assert "Africa" in public and "By country" not in public
    client.force_login(secretariat)
    assert "Kenya" in client.get(url).content.decode()


def test_the_profile_page_saves_what_posts_show(client, participant):
    client.force_login(participant)
    assert 'value="KE" selected' in client.get("/en/consultations/profile/").content.decode()
    client.post("/en/consultations/profile/", {"actor_type": "individual", "country": "SN"})
    profile = participant.participant_profile
    assert (profile.actor_type, profile.country.code, profile.show_on_posts) == ("individual", "SN", False)


def test_the_moderation_queue_link_is_shown_to_moderators_only(client, question, moderator, participant):
    url = question.theme.group.consultation.get_absolute_url()
    client.force_login(participant)
    assert "Moderation queue" not in client.get(url).content.decode()
    client.force_login(moderator)
    assert "Moderation queue" in client.get(url).content.decode()


def test_long_discussions_are_paginated_by_thread_and_a_new_reply_links_to_its_page(client, question, participant,
                                                                                   settings):
    from actionagenda.consultations.models import Reply
    from actionagenda.consultations.threads import THREADS_PER_PAGE

    author = UserFactory()
    Reply.objects.bulk_create(Reply(question=question, author=author, body=f"Thread {n}")
                              for n in range(THREADS_PER_PAGE))
    client.force_login(participant)
    url = f"/en/consultations/{question.theme.group.consultation.slug}/questions/{question.pk}/"
    response = client.post(url + "reply/", {"body": "The latest thread"})
    latest = Reply.objects.get(body="The latest thread")
    assert response.url == f"{url}?page=2#reply-{latest.pk}"
    assert "The latest thread" in client.get(url + "?page=2").content.decode()
    assert "The latest thread" not in client.get(url).content.decode()


def test_the_consultation_page_links_its_webinars(client):
    from actionagenda.consultations import importer

    from .programmes import ENGLISH

    consultation = importer.save(importer.parse(ENGLISH, year=2021))
    event = consultation.events.get()
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert f'<a href="{event.get_absolute_url()}" lang="en">Launch webinar</a>' in html
