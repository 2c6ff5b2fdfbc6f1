"""Two platforms, two databases: this one (B, the test database) harvests another (A: the README's demo in its
own process, on its own SQLite data folder). B shows A's commitments with their provenance and counts them in its
statistics; a change and a withdrawal made on A reach B at the next harvest; a harvest with nothing new adds
nothing."""

import os
import subprocess
import sys

import pytest
from demo_process import free_port, running_demo

from actionagenda.commitments.models import Commitment
from actionagenda.interop import harvest
from actionagenda.interop.models import PartnerRecord, PartnerSource

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("two-instances")]


def on_a(data_dir, code: str) -> str:
    """Run `code` in A's own Django (its data folder), as its secretariat would in `actionagenda shell`."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ACTIONAGENDA_DATA_DIR"] = str(data_dir)
    done = subprocess.run([sys.executable, "-m", "actionagenda.cli", "shell", "-c", code], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip().splitlines()[-1]  # the shell may print its own lines first


def test_b_harvests_a_follows_its_changes_and_duplicates_nothing(client, tmp_path):
    a_dir = tmp_path / "a"
    with running_demo(a_dir, free_port(), commitments=8) as a:
        source = PartnerSource.objects.create(name="Platform A", kind=PartnerSource.Kind.INSTANCE, url=a.url,
                                              trusted=True)
        published_on_a = harvest.fetch_json(f"{a.url}/api/v1/commitments?limit=1")["count"]
        first = harvest.harvest(source)
        assert first.status == "done", (first.message, first.errors)
        assert first.counts["created"] == published_on_a > 0 and first.counts["refused"] == 0
        assert Commitment.objects.published().count() == published_on_a
        assert client.get("/api/v1/commitments?limit=1").json()["count"] == published_on_a  # B's own API

        # Provenance on B's page, with the link back to A's.
        record = PartnerRecord.objects.select_related("commitment").order_by("pk").first()
        page = client.get(record.commitment.get_absolute_url()).content.decode()
        assert "From Platform A" in page and f'href="{record.url}"' in page and record.url.startswith(a.url)
        statistics = client.get("/en/statistics/").content.decode()
        assert f"<strong>{published_on_a}</strong>" in statistics

        # A changes one commitment and withdraws another.
        changed, withdrawn = (int(pk) for pk in on_a(a_dir, (
            "from actionagenda.commitments.models import Commitment\n"
            "first, second = Commitment.objects.published().order_by('pk')[:2]\n"
            "first.title = 'Biosafety radio, now in every county'\n"
            "first.save()\n"
            "Commitment.objects.filter(pk=second.pk).update(status='withdrawn')\n"
            "Commitment.objects.filter(pk=second.pk).touch()\n"
            "print(first.pk, second.pk)")).split())
        second = harvest.harvest(source)
        assert (second.counts["updated"], second.counts["withdrawn"], second.counts["created"]) == (1, 1, 0)
        mine = {int(kept.external_id): kept.commitment for kept in
                PartnerRecord.objects.select_related("commitment")}
        assert mine[changed].title == "Biosafety radio, now in every county"
        assert mine[withdrawn].status == Commitment.Status.WITHDRAWN
        assert client.get(mine[withdrawn].get_absolute_url()).status_code == 404

        third = harvest.harvest(source)
        assert (third.counts["created"], third.counts["updated"], third.counts["withdrawn"]) == (0, 0, 0)
        assert PartnerRecord.objects.count() == published_on_a
