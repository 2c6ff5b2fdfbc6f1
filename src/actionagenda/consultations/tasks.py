"""Background tasks of the consultations app (run in-process or by `actionagenda worker`)."""

import datetime

from django_tasks import task

from . import services


@task()
def send_consultation_digests(day: str | None = None) -> int:
    """Send the daily digest for `day` (ISO date; default yesterday, UTC); safe to run more than once."""
    return services.send_digests(datetime.date.fromisoformat(day) if day else None)
