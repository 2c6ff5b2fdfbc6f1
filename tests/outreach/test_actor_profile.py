"""Actor profile pages: organisations, businesses and local governments with something public, and individuals
who chose a page; the commitment page links to its actor's."""

import pytest

from actionagenda.accounts.models import Actor
from factories import ActorFactory, CommitmentFactory, NewsItemFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


def profile(client, actor):
    return client.get(f"/en/actors/{actor.pk}/")


@pytest.mark.parametrize("kind", ["organization", "business", "local_government"])
def test_an_actor_with_a_published_commitment_has_a_page_with_its_commitments_stories_and_quotes(client, kind):
    actor = ActorFactory(kind=kind, name="Seed Savers Network", description="Farmers who **save** seeds.")
    CommitmentFactory(actor=actor, title="Seed fairs on LMO detection")
    CommitmentFactory(actor=actor, title="A private draft", status="draft", published_at=None)
    NewsItemFactory(kind="story", profiled_actor=actor, title_en="Seeds and trust")
    NewsItemFactory(title_en="An unpublished story", status="draft").actors.set([actor])
    QuoteFactory(actor=actor, text_en="We count every seed.")
    response = profile(client, actor)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Seed Savers Network</h1>" in page and "<strong>save</strong>" in page
    assert "Seed fairs on LMO detection" in page and "A private draft" not in page
    assert "Seeds and trust" in page and "An unpublished story" not in page
    assert "We count every seed." in page and "1 published commitment" in page


def test_an_actor_with_nothing_public_has_no_page_but_the_secretariat_previews_it(client, secretariat):
    actor = ActorFactory()
    CommitmentFactory(actor=actor, status="submitted", published_at=None)
    assert profile(client, actor).status_code == 404
    client.force_login(secretariat)
    assert "Preview:" in profile(client, actor).content.decode()


def test_an_individual_has_a_page_only_once_they_chose_one_under_a_name(client):
    person = ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Amina Bello")
    CommitmentFactory(actor=person)
    assert profile(client, person).status_code == 404
    person.public_profile = True
    person.save()
    assert profile(client, person).status_code == 200
    anonymous = ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="", public_profile=True)
    CommitmentFactory(actor=anonymous)
    assert profile(client, anonymous).status_code == 404


def test_the_commitment_page_links_to_its_actors_profile_when_there_is_one(client):
    organisation = CommitmentFactory()
    assert f'href="/en/actors/{organisation.actor.pk}/"' in client.get(
        organisation.get_absolute_url()).content.decode()
    person = CommitmentFactory(actor=ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Amina Bello"))
    assert "/en/actors/" not in client.get(person.get_absolute_url()).content.decode()


def test_the_profile_carries_its_sharing_tags(client, settings):
    settings.SITE_URL = "https://commitments.example.org"
    actor = ActorFactory(name="Seed Savers Network")
    CommitmentFactory(actor=actor)
    page = profile(client, actor).content.decode()
    assert '<meta property="og:title" content="Seed Savers Network">' in page
    assert f'<meta property="og:url" content="https://commitments.example.org/en/actors/{actor.pk}/">' in page


def test_the_profile_costs_the_same_queries_with_2_or_20_commitments(client, django_assert_max_num_queries):
    actor = ActorFactory()
    CommitmentFactory.create_batch(2, actor=actor)
    with django_assert_max_num_queries(8) as few:
        profile(client, actor)
    CommitmentFactory.create_batch(18, actor=actor)
    with django_assert_max_num_queries(len(few)):
        assert "20 published commitments" in profile(client, actor).content.decode()


def test_the_opt_in_is_on_the_account_profile_page_off_until_ticked(client):
    user = UserFactory(name="Amina Bello")
    person = ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Amina Bello", members=[user])
    client.force_login(user)
    page = client.get("/en/accounts/profile/").content.decode()
    assert 'name="public_profile"' in page and "checked" not in page.split('name="public_profile"')[1][:80]
    client.post("/en/accounts/profile/", {"name": "Amina Bello", "public_profile": "on"})
    person.refresh_from_db()
    assert person.public_profile
    client.post("/en/accounts/profile/", {"name": "Amina Bello"})
    person.refresh_from_db()
    assert not person.public_profile


def test_no_opt_in_is_offered_without_a_named_individual_actor(client):
    user = UserFactory()
    ActorFactory(members=[user])  # an organisation: always has its page
    client.force_login(user)
    assert 'name="public_profile"' not in client.get("/en/accounts/profile/").content.decode()
