"""A demo consultation for the embedded run: the bundled sample programme, moved so it is open today."""

import datetime
import zoneinfo
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from actionagenda.accounts.models import User

from . import importer
from .models import Consultation, ParticipantProfile, Question, Reply

SAMPLE = Path(__file__).with_name("data") / "sample_programme.md"


@transaction.atomic
def seed() -> Consultation | None:
    """Import the sample programme shifted to start three days ago; does nothing if a consultation exists."""
    if Consultation.objects.exists():
        return None
    programme = importer.parse(SAMPLE.read_text(encoding="utf-8"), year=2021)
    shift = timezone.localdate() - datetime.timedelta(days=3) - programme.weeks[0].starts_on
    for week in programme.weeks:
        week.starts_on, week.ends_on = week.starts_on + shift, week.ends_on + shift
    for webinar in programme.webinars:
        # Moved on the organiser's wall clock: 13:00 in New York stays 13:00 after a change of summer time.
        zone = zoneinfo.ZoneInfo(webinar.timezone)
        webinar.starts_at, webinar.ends_at = ((moment.astimezone(zone) + shift).astimezone(datetime.UTC)
                                              for moment in (webinar.starts_at, webinar.ends_at))
    consultation = importer.save(programme)
    _seed_discussion(Question.objects.filter(theme__group__consultation=consultation).order_by("pk").first(),
                     datetime.datetime.combine(consultation.opens_on, datetime.time(), tzinfo=datetime.UTC))
    return consultation


# (e-mail, name, actor type, country, language, text, index of the reply it answers, hours after the opening, UTC)
DISCUSSION = [
    ("grace@example.org", "Grace Wanjiru", "organization", "KE", "en",
     "Our regulators need **laboratory capacity** first: without detection they cannot check what the "
     "dossiers claim.", None, 6.2),
    ("aissatou@example.org", "Aïssatou Diallo", "individual", "SN", "fr",
     "Au Sénégal, la formation des évaluateurs aux lignes directrices de l'annexe III a beaucoup aidé ; "
     "il manque surtout des données écologiques locales.", 0, 10.6),
    ("juan@example.org", "Juan Pérez", "local_government", "PE", "es",
     "Coincido. En Cusco compartimos datos de parientes silvestres del maíz con la autoridad nacional.", 1, 38.4),
    ("grace@example.org", "Grace Wanjiru", "organization", "KE", "en",
     "Public participation matters too: communities should see the risk assessment summaries on the BCH.", None,
     53.1),
]


def _seed_discussion(question: Question | None, opening: datetime.datetime) -> None:
    """A few threaded replies in three languages, posted over the days since the consultation opened, so the
    demo shows a living discussion."""
    if question is None:
        return
    replies: list[Reply] = []
    for email, name, actor_type, country, language, body, parent, hours in DISCUSSION:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            ParticipantProfile.objects.create(user=user, actor_type=actor_type, country=country)
        replies.append(Reply.objects.create(
            question=question, parent=replies[parent] if parent is not None else None, author=user, body=body,
            status=Reply.Status.VISIBLE, actor_type=actor_type, country=country, show_profile=True,
            language=language, created=min(opening + datetime.timedelta(hours=hours), timezone.now())))
