"""Periodic jobs, enqueued on Django's tasks API by the `actionagenda worker` process.

Every job is safe to run more than once (reminders and digests record what they sent), so several workers
may each run this scheduler; a cache key per job and window (in the shared cache: Redis or the database) keeps
them from enqueueing the same run twice.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    task: str  # dotted path of a django-tasks task taking no arguments
    every: int  # seconds


JOBS = (
    Job("actionagenda.events.tasks.send_event_reminders", every=300),
    # Unconfirmed registrations hold personal data typed by anyone: erased within an hour of their link expiring.
    Job("actionagenda.events.tasks.purge_unconfirmed_registrations", every=3600),
    Job("actionagenda.events.tasks.anonymise_past_registrations", every=86400),
    # The digest covers the previous UTC day; hourly runs send it soon after midnight, and only once.
    Job("actionagenda.consultations.tasks.send_consultation_digests", every=3600),
    # KPI states, traffic lights and inactivity depend on the day: recomputed once a (UTC) day, then reminders.
    Job("actionagenda.progress.tasks.refresh_progress", every=86400),
    Job("actionagenda.progress.tasks.send_progress_reminders", every=86400),
    # The moderation queue's digest for the secretariat members who chose it (hourly runs, sent once a day).
    Job("actionagenda.commitments.tasks.send_moderation_digests", every=3600),
    # The open data files, rebuilt when the published data changed (each run compares a version first).
    Job("actionagenda.interop.tasks.refresh_open_data", every=300),
    # Partner sources, each on its own schedule (hours between harvests); the hourly run harvests those due.
    Job("actionagenda.interop.tasks.harvest_partners", every=3600),
    # A newsletter whose sending task died with its worker carries on (deliveries already claimed never resent).
    Job("actionagenda.outreach.tasks.resume_newsletters", every=300),
    # Newsletter sign-ups never confirmed: addresses typed by anyone, erased once their link has expired.
    Job("actionagenda.outreach.tasks.purge_unconfirmed_subscribers", every=3600),
)


def run_due(now: float | None = None) -> list[str]:
    """Enqueue every job whose window has no run yet; returns the tasks enqueued."""
    now = time.time() if now is None else now
    enqueued = []
    for job in JOBS:
        if cache.add(f"periodic:{job.task}:{int(now // job.every)}", 1, timeout=job.every):
            try:
                import_string(job.task).enqueue()
                enqueued.append(job.task)
            except Exception:  # one failing job must not stop the others or the scheduler
                logger.exception("Periodic job %s failed", job.task)
    return enqueued


def run_forever(stop: threading.Event, tick: float = 30.0) -> None:
    """Check for due jobs every `tick` seconds until `stop` is set."""
    while not stop.is_set():
        close_old_connections()
        run_due()
        stop.wait(tick)


def start_in_thread() -> threading.Event:
    """Run the scheduler in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=run_forever, args=(stop,), name="periodic-jobs", daemon=True).start()
    return stop
