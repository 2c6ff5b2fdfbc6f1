"""factory-boy factories shared by the test modules."""

import datetime
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress

from actionagenda.accounts.models import Actor, User
from actionagenda.commitments.models import KPI, TERM_LINKS, Commitment
from actionagenda.vocabularies.models import Term

PASSWORD = "correct horse battery staple"  # every account the tests make has it


def terms(scheme: str, *codes: str) -> list[Term]:
    return list(Term.objects.filter(scheme=scheme, code__in=codes))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        skip_postgeneration_save = True

    kind = Actor.Kind.ORGANIZATION
    name = factory.Sequence(lambda n: f"Biosafety Network {n}")
    organization_type = "ngo"
    country = "KE"

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    title = factory.Sequence(lambda n: f"Biosafety awareness campaign {n}")
    description = "Radio programmes and school visits on living modified organisms."
    language = "en"
    start_date = datetime.date(2025, 1, 1)
    end_date = datetime.date(2028, 12, 31)
    scale = "national"
    phase = "implementation"
    status = Commitment.Status.PUBLISHED
    published_at = factory.Faker("date_time_this_year", tzinfo=datetime.UTC)

    @factory.post_generation
    def links(self, create, extracted, **kwargs):
        """links={"gbf_targets": ["GBF-17"], "countries": ["KE"], ...}; sensible defaults otherwise."""
        if not create:
            return
        wanted = {"gbf_targets": ["GBF-17"], "countries": ["KE"], "action_areas": ["BIOSAFETY"],
                  "ip_elements": ["IP-PAEP"], "audiences": ["general_public"]}
        wanted.update(extracted or {})
        # One history record for all the links, not one per field: django-simple-history records the whole
        # commitment, every link copied, on each change of a link, which made this factory the suite's main cost.
        # The last field is set with history on, so that record holds every link, as after a form's save.
        *first, (last, last_codes) = wanted.items()
        self.skip_history_when_saving = True
        try:
            for field, codes in first:
                getattr(self, field).set(terms(TERM_LINKS[field], *codes))
        finally:
            del self.skip_history_when_saving
        getattr(self, last).set(terms(TERM_LINKS[last], *last_codes))

    @factory.post_generation
    def kpi(self, create, extracted, **kwargs):
        if create and extracted is not False:
            KPIFactory(commitment=self)


class KPIFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KPI

    name = "People reached"
    unit = "people"
    baseline_value = Decimal("0")
    baseline_date = datetime.date(2025, 1, 1)
    target_value = Decimal("5000")
    target_date = datetime.date(2028, 12, 31)


class EventFactory(factory.django.DjangoModelFactory):
    """A published webinar tomorrow at 14:00 UTC, one hour long, unlimited places."""

    class Meta:
        model = "events.Event"

    title = factory.Sequence(lambda n: f"Biosafety webinar {n}")
    slug = factory.Sequence(lambda n: f"biosafety-webinar-{n}")
    description = "Risk assessment of living modified organisms."
    starts_at = factory.LazyFunction(
        lambda: (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)).replace(
            hour=14, minute=0, second=0, microsecond=0))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    timezone = "Africa/Nairobi"
    online_url = "https://meet.example.org/biosafety-webinar"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration (made directly: use events.services.register to count places)."""

    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"registrant{n}@example.org")
    organisation = "Biosafety Network"
    country = "KE"
    actor_type = "organization"
    consent = True
    status = "confirmed"


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A public news item, published an hour ago, in English only."""

    class Meta:
        model = "outreach.NewsItem"
        skip_postgeneration_save = True

    kind = "news"
    status = "published"
    publish_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1))
    slug = factory.Sequence(lambda n: f"biosafety-news-{n}")
    title_en = factory.Sequence(lambda n: f"Biosafety news {n}")
    summary_en = "Laboratories trained in LMO detection."
    body_en = "Twelve analysts were **certified** this year."

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class QuoteFactory(factory.django.DjangoModelFactory):
    """A published quote standing alone."""

    class Meta:
        model = "outreach.Quote"

    speaker = factory.Faker("name")
    text_en = factory.Sequence(lambda n: f"Counting what we do keeps us honest ({n}).")
    role_en = "Coordinator"


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed newsletter subscriber, in English, interested in everything."""

    class Meta:
        model = "outreach.Subscriber"

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    token = factory.Sequence(lambda n: f"subscriber-token-{n:04d}")
    status = "confirmed"
    language = "en"
    consent_text = "I want to receive the newsletter."
    consented_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    confirmed_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))


class NewsletterFactory(factory.django.DjangoModelFactory):
    """A draft issue in English and French with one text block, sent to everybody."""

    class Meta:
        model = "outreach.Newsletter"
        skip_postgeneration_save = True

    subject_en = factory.Sequence(lambda n: f"Biosafety news, issue {n}")
    subject_fr = factory.Sequence(lambda n: f"Nouvelles de la biosécurité, numéro {n}")
    intro_en = "This month in **biosafety**."
    intro_fr = "Ce mois-ci en **biosécurité**."

    @factory.post_generation
    def text_block(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.blocks.create(kind="text", heading_en="From the secretariat", heading_fr="Du secrétariat",
                               text_en="Thank you for your commitments.", text_fr="Merci de vos engagements.")
