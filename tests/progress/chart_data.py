"""A published commitment with one KPI in each situation the charts must show (shared by the view and e2e tests)."""

import datetime
from decimal import Decimal

from actionagenda.progress.models import InterimTarget, PhaseChange, Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory

TITLE = ("Sensibilisation à la biosécurité des agriculteurs du Sahel : radio, écoles et marchés ruraux pendant "
         "quatre années consécutives")


def reading(kpi, day, value):
    return Reading.objects.create(kpi=kpi, date=day, value=Decimal(value), source="api")


def commitment_with_progress(**extra):
    """Listeners: on its way with an interim target; incidents: a regression; schools: target exceeded;
    farmers trained: no reading yet. Three phase moves."""
    commitment = CommitmentFactory(title=TITLE, actor=ActorFactory(name="Réseau Biosécurité Sahel — Sénégal"),
                                   published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC), kpi=False,
                                   **extra)
    listeners = KPIFactory(commitment=commitment, name="Listeners reached", unit="people", baseline_value=0,
                           baseline_date=datetime.date(2025, 1, 1), target_value=5000,
                           target_date=datetime.date(2028, 12, 31), position=0, weight=2)
    InterimTarget.objects.create(kpi=listeners, value=Decimal(2000), date=datetime.date(2026, 12, 31))
    for day, value in [((2025, 6, 30), 400), ((2025, 12, 31), 1100), ((2026, 6, 30), 1900)]:
        reading(listeners, datetime.date(*day), value)
    decreasing = {"baseline_value": 100, "baseline_date": datetime.date(2024, 1, 1), "target_value": 40,
                  "target_date": datetime.date(2028, 1, 1)}
    incidents = KPIFactory(commitment=commitment, name="Pesticide incidents", unit="cases", position=1, **decreasing)
    reading(incidents, datetime.date(2026, 5, 1), 130)
    schools = KPIFactory(commitment=commitment, name="Unsafe storage sites", unit="sites", position=2, **decreasing)
    reading(schools, datetime.date(2026, 5, 1), 30)
    KPIFactory(commitment=commitment, name="Farmers trained", unit="farmers", position=3)
    for phase, day in [("planning", (2025, 1, 1)), ("development", (2025, 6, 1)), ("implementation", (2026, 1, 15))]:
        PhaseChange.objects.create(commitment=commitment, phase=phase, started_on=datetime.date(*day))
    return commitment
