"""A small set of published commitments whose statistics are counted by hand in the tests' expectations."""

import datetime
from decimal import Decimal

from actionagenda.accounts.models import Actor
from actionagenda.progress import services
from actionagenda.progress.models import Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory

TODAY = datetime.date(2026, 6, 1)


def when(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def kpi(commitment, unit: str, baseline: str, target: str, reading: str | None = None):
    made = KPIFactory(commitment=commitment, name=f"Indicator in {unit}", unit=unit, baseline_value=Decimal(baseline),
                      target_value=Decimal(target), baseline_date=datetime.date(2025, 1, 1),
                      target_date=datetime.date(2028, 12, 31))
    if reading is not None:
        Reading.objects.create(kpi=made, date=datetime.date(2026, 3, 1), value=Decimal(reading),
                               source=Reading.Source.FORM)
    return made


def make() -> dict:
    """Four published commitments by three actors, in four countries, and a draft that counts nowhere:

    - kenya: network (organisation, ngo); KE; GBF-17, GBF-20; en; planning; local; published 2025-01-15;
      KPI people 0 -> 100, read 120;
    - uganda: network; KE, UG; GBF-17; fr; implementation; national; 2025-03-02; KPIs "People " 10 -> 50 (no
      reading) and "%" 20 -> 80, read 10;
    - france: institute (organisation, academic); FR; GBF-21; IP-RA; fr; implementation; national; 2025-03-20;
      KPI laboratories 1 -> 5, read 5;
    - peru: trader (business); PE; GBF-17; es; evaluation; global; 2025-06-01; KPI Laboratory 0 -> 3.

    Every other link is the factory's (IP-PAEP, BIOSAFETY). Scorecards are computed for TODAY.
    """
    network = ActorFactory(name="Kenya Biosafety Network", organization_type="ngo")
    institute = ActorFactory(name="Institut de biosécurité", organization_type="academic", country="FR")
    trader = ActorFactory(name="Semillas del Sur", kind=Actor.Kind.BUSINESS, organization_type="", country="PE")
    made = {
        "kenya": CommitmentFactory(actor=network, language="en", phase="planning", scale="local",
                                   published_at=when(2025, 1, 15), kpi=False,
                                   links={"countries": ["KE"], "gbf_targets": ["GBF-17", "GBF-20"]}),
        "uganda": CommitmentFactory(actor=network, language="fr", phase="implementation", scale="national",
                                    published_at=when(2025, 3, 2), kpi=False,
                                    links={"countries": ["KE", "UG"], "gbf_targets": ["GBF-17"]}),
        "france": CommitmentFactory(actor=institute, language="fr", phase="implementation", scale="national",
                                    published_at=when(2025, 3, 20), kpi=False,
                                    links={"countries": ["FR"], "gbf_targets": ["GBF-21"],
                                           "ip_elements": ["IP-RA"]}),
        "peru": CommitmentFactory(actor=trader, language="es", phase="evaluation", scale="global",
                                  published_at=when(2025, 6, 1), kpi=False,
                                  links={"countries": ["PE"], "gbf_targets": ["GBF-17"]}),
        "draft": CommitmentFactory(actor=trader, status="draft", published_at=None, links={"countries": ["BR"]}),
    }
    made["people"] = kpi(made["kenya"], "people", "0", "100", "120")
    kpi(made["uganda"], "People ", "10", "50")
    kpi(made["uganda"], "%", "20", "80", "10")
    kpi(made["france"], "laboratories", "1", "5", "5")
    kpi(made["peru"], "Laboratory", "0", "3")
    services.refresh([c.pk for name, c in made.items() if name != "people"], today=TODAY)
    return made
