"""Background tasks of the interop app (run in-process or by `actionagenda worker`; periodic ones by its jobs)."""

from django_tasks import task

from . import harvest, opendata


@task()
def refresh_open_data() -> int:
    """Rebuild the open data files if the published data changed since the last release; returns how many
    commitments the new release holds (0 when nothing was built)."""
    release = opendata.refresh()
    return release.count if release else 0


@task()
def harvest_partners() -> int:
    """Harvest every partner source whose schedule says so; returns how many were harvested."""
    return sum(harvest.harvest(source) is not None for source in harvest.due())
