"""A small consultation to test against (also used by the browser tests)."""

import datetime

from django.utils import timezone

from actionagenda.consultations.models import Consultation, DiscussionGroup, Question, Theme, Week


def make_consultation(*, open_now: bool = True, moderators=(), slug: str = "biosafety-dialogues") -> Question:
    """A consultation with one week, one group, one theme and two questions; returns the first question."""
    today = timezone.localdate()
    opens = today - datetime.timedelta(days=2) if open_now else today - datetime.timedelta(days=30)
    closes = today + datetime.timedelta(days=5) if open_now else today - datetime.timedelta(days=20)
    consultation = Consultation.objects.create(title="Biosafety dialogues", slug=slug, opens_on=opens,
                                               closes_on=closes, description="Moderated *online* discussions.")
    week = Week.objects.create(consultation=consultation, number=1, starts_on=opens, ends_on=closes)
    group = DiscussionGroup.objects.create(consultation=consultation, week=week, number=1,
                                           title="Risk assessment and risk management")
    group.moderators.add(*moderators)
    theme = Theme.objects.create(group=group, number=1, title="Capacity for risk assessment")
    first = Question.objects.create(theme=theme, number=1, text="What capacities do regulators need?")
    Question.objects.create(theme=theme, number=2, text="How can non-state actors contribute?")
    return first
