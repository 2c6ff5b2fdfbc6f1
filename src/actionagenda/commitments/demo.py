"""Realistic demo commitments in English, French and Spanish, fast enough for benchmarks (10^5 in minutes).

Records are made with bulk inserts (no per-row history: they are generated, not edited by anyone).
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from actionagenda.accounts.models import Actor
from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.models import Term

from . import facets
from .models import KPI, TERM_LINKS, Commitment

BATCH = 2000

# Each theme: (title, description, indicator, unit, IP elements, audiences) per language.
THEMES = {
    "en": [
        ("Biosafety awareness campaign for {place}", "We will run radio programmes, school visits and community "
         "meetings in {place} so that people understand what living modified organisms are, how decisions on them "
         "are taken and how to take part in public consultations under Article 23 of the Cartagena Protocol.",
         "People reached by awareness activities", "people", ["IP-PAEP", "IP-MAINSTREAM"],
         ["general_public", "students"]),
        ("Training laboratory staff in LMO detection in {place}", "Our laboratory network will train analysts "
         "in sampling, DNA extraction and real-time PCR for the detection and identification of LMOs, with "
         "proficiency testing each year.", "Analysts certified in LMO detection", "analysts",
         ["IP-DI", "IP-CB"], ["laboratories", "regulators"]),
        ("Risk assessment mentoring for young scientists", "A mentoring programme pairs early-career scientists "
         "with experienced risk assessors to work through case studies following Annex III and the voluntary "
         "guidance on risk assessment.", "Mentees completing a case study", "people", ["IP-RA", "IP-CB"],
         ["researchers", "youth"]),
        ("Publishing national biosafety information on the BCH", "We will help the national authority digitise "
         "decisions and risk assessment summaries and publish them on the Biosafety Clearing-House.",
         "Records published on the BCH", "records", ["IP-BCH", "IP-NBF"], ["regulators", "policymakers"]),
        ("Farmer field schools on coexistence and seed stewardship in {place}", "Farmer field schools will "
         "discuss seed choices, refuge areas, labelling and record keeping so that growers can make informed "
         "decisions.", "Farmers trained", "farmers", ["IP-RMGMT", "IP-SEC"], ["farmers"]),
        ("Socio-economic considerations dialogue with communities in {place}", "We will hold dialogues with "
         "indigenous peoples and local communities on the socio-economic considerations of LMO decisions and "
         "feed the results into national consultations.", "Community dialogues held", "dialogues",
         ["IP-SEC", "IP-PAEP"], ["iplc", "civil_society"]),
        ("Supply-chain traceability for shipments of grain", "Our trading company will document shipments of "
         "grain that may contain LMOs according to Article 18 requirements and train logistics staff.",
         "Shipments with complete documentation", "%", ["IP-DI", "IP-UTM"], ["industry"]),
    ],
    "fr": [
        ("Campagne de sensibilisation à la biosécurité à {place}", "Nous organiserons des émissions de radio, "
         "des visites d'écoles et des réunions communautaires à {place} pour expliquer ce que sont les organismes "
         "vivants modifiés et comment participer aux consultations publiques prévues par l'article 23.",
         "Personnes touchées par les activités de sensibilisation", "personnes", ["IP-PAEP", "IP-MAINSTREAM"],
         ["general_public", "students"]),
        ("Formation des laboratoires à la détection des OVM à {place}", "Notre réseau de laboratoires formera "
         "des analystes à l'échantillonnage, à l'extraction d'ADN et à la PCR en temps réel pour détecter et "
         "identifier les OVM.", "Analystes certifiés", "analystes", ["IP-DI", "IP-CB"],
         ["laboratories", "regulators"]),
        ("Évaluation des risques : tutorat de jeunes chercheurs", "Un programme de tutorat associe de jeunes "
         "scientifiques à des évaluateurs expérimentés autour d'études de cas conformes à l'annexe III.",
         "Jeunes chercheurs ayant terminé une étude de cas", "personnes", ["IP-RA", "IP-CB"],
         ["researchers", "youth"]),
        ("Dialogue communautaire sur les considérations socio-économiques à {place}", "Nous tiendrons des "
         "dialogues avec les peuples autochtones et les communautés locales sur les considérations "
         "socio-économiques des décisions relatives aux OVM.", "Dialogues tenus", "dialogues",
         ["IP-SEC", "IP-PAEP"], ["iplc", "civil_society"]),
        ("Publier l'information nationale sur la biosécurité dans le CEPRB", "Nous aiderons l'autorité "
         "nationale à numériser ses décisions et à les publier dans le Centre d'échange pour la prévention des "
         "risques biotechnologiques.", "Fiches publiées", "fiches", ["IP-BCH", "IP-NBF"],
         ["regulators", "policymakers"]),
    ],
    "es": [
        ("Campaña de sensibilización sobre bioseguridad en {place}", "Realizaremos programas de radio, visitas "
         "a escuelas y reuniones comunitarias en {place} para que la población comprenda qué son los organismos "
         "vivos modificados y cómo participar en las consultas públicas del artículo 23.",
         "Personas alcanzadas", "personas", ["IP-PAEP", "IP-MAINSTREAM"], ["general_public", "students"]),
        ("Capacitación de laboratorios en detección de OVM en {place}", "Nuestra red de laboratorios capacitará "
         "a analistas en muestreo, extracción de ADN y PCR en tiempo real para detectar e identificar OVM.",
         "Analistas certificados", "analistas", ["IP-DI", "IP-CB"], ["laboratories", "regulators"]),
        ("Escuelas de campo sobre coexistencia y manejo de semillas en {place}", "Las escuelas de campo "
         "abordarán la elección de semillas, las zonas de refugio, el etiquetado y los registros para que los "
         "productores decidan con información.", "Agricultores capacitados", "agricultores",
         ["IP-RMGMT", "IP-SEC"], ["farmers"]),
        ("Mentoría en evaluación de riesgos para jóvenes científicos", "Un programa de mentoría acompaña a "
         "científicos jóvenes con evaluadores de riesgo experimentados mediante estudios de caso según el "
         "anexo III.", "Jóvenes que completan un estudio de caso", "personas", ["IP-RA", "IP-CB"],
         ["researchers", "youth"]),
        ("Diálogo con comunidades sobre consideraciones socioeconómicas en {place}", "Organizaremos diálogos con "
         "pueblos indígenas y comunidades locales sobre las consideraciones socioeconómicas de las decisiones "
         "sobre OVM.", "Diálogos realizados", "diálogos", ["IP-SEC", "IP-PAEP"], ["iplc", "civil_society"]),
    ],
}

PLACES = {
    "en": [("NG", "Lagos"), ("KE", "Nairobi"), ("GH", "Kumasi"), ("UG", "Kampala"), ("IN", "Pune"),
           ("PH", "Los Baños"), ("UA", "Kyiv"), ("AT", "Vienna"), ("NP", "Kathmandu"), ("ZA", "Pretoria"),
           ("MY", "Kuala Lumpur"), ("CA", "Ottawa"), ("GB", "Norwich"), ("ET", "Addis Ababa")],
    "fr": [("SN", "Dakar"), ("CM", "Yaoundé"), ("BF", "Ouagadougou"), ("CI", "Abidjan"), ("MG", "Antananarivo"),
           ("FR", "Montpellier"), ("TN", "Tunis"), ("BJ", "Cotonou"), ("CA", "Montréal"), ("ML", "Bamako")],
    "es": [("MX", "Oaxaca"), ("CO", "Bogotá"), ("PE", "Cusco"), ("AR", "Rosario"), ("CR", "San José"),
           ("BO", "La Paz"), ("EC", "Quito"), ("CL", "Valdivia"), ("ES", "Córdoba"), ("GT", "Antigua")],
}

ACTOR_NAMES = {
    "individual": ["Amina Bello", "Kofi Mensah", "Aïssatou Diallo", "María Fernández", "Priya Nair",
                   "Olena Kovalenko", "Juan Pérez", "Chloé Martin", "Grace Wanjiru", "Tenzin Sherpa"],
    "organization": ["Every Woman Hope Centre", "Biosafety Youth Network", "Réseau Biosécurité Sahel",
                     "Red Andina de Bioseguridad", "Institute for Agricultural Biotechnology Studies",
                     "Farmers' Seed Alliance", "Indigenous Knowledge Forum", "KROK University Biosafety Lab",
                     "Association des consommateurs avertis", "Fundación Semilla Segura"],
    "business": ["GreenGrain Traders Ltd", "SeedWorks Cooperative", "BioDetect Laboratories",
                 "AgroLogística S.A.", "Semences du Sud SARL", "NovaBio Analytics"],
    "local_government": ["City of Kumasi", "Ville de Montpellier", "Municipalidad de Cusco",
                         "Nairobi City County", "Commune de Cotonou", "Gobierno Municipal de Oaxaca"],
}
ORGANIZATION_TYPES = [entry.code for entry in catalogue.ORGANIZATION_TYPES]


def _pick(rng: random.Random, items, low: int, high: int) -> list:
    return rng.sample(items, rng.randint(low, min(high, len(items))))


@transaction.atomic
def generate(count: int, seed: int = 2030, status: str = Commitment.Status.PUBLISHED) -> int:
    """Create `count` demo commitments (with actors and KPIs); returns how many were made."""
    rng = random.Random(seed)
    terms = {scheme: {t.code: t.pk for t in Term.objects.filter(scheme=scheme)}
             for scheme in ("country", "action_area", "gbf_target", "ip_element", "audience")}
    actors = _make_actors(rng, max(4, count // 3))
    now = timezone.now()
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        rows, links = [], []
        for _ in range(size):
            language = rng.choices(["en", "fr", "es"], weights=[5, 3, 3])[0]
            title, description, indicator, unit, ip, audiences = rng.choice(THEMES[language])
            country, place = rng.choice(PLACES[language])
            start = datetime.date(rng.randint(2021, 2026), rng.randint(1, 12), 1)
            published_at = now - datetime.timedelta(days=rng.randint(0, 900), minutes=rng.randint(0, 1440))
            rows.append(Commitment(
                actor=rng.choice(actors), title=title.format(place=place),
                description=description.format(place=place), language=language,
                start_date=start, end_date=datetime.date(rng.randint(start.year + 1, 2030), 12, 31),
                scale=rng.choice(catalogue.SCALES.codes), phase=rng.choice(catalogue.PHASES.codes),
                resources=rng.choice(["", "Two staff members and volunteers.", "Funded by a small grant."]),
                expected_impact=indicator, status=status, submitted_at=published_at,
                published_at=published_at if status == Commitment.Status.PUBLISHED else None,
            ))
            biosafety = catalogue.DEFAULT_ACTION_AREA
            areas = [biosafety] + _pick(rng, [c for c in terms["action_area"] if c != biosafety], 0, 2)
            targets = [catalogue.PRIMARY_GBF_TARGET] if rng.random() < 0.85 else []
            targets += _pick(rng, list(catalogue.BIOSAFETY_RELATED_GBF_TARGETS[1:]), 0 if targets else 1, 2)
            countries = [country] + (_pick(rng, [c for c, _ in PLACES[language]], 0, 2) if rng.random() < 0.2 else [])
            links.append({"countries": [terms["country"][c] for c in dict.fromkeys(countries)],
                          "action_areas": [terms["action_area"][c] for c in areas],
                          "gbf_targets": [terms["gbf_target"][c] for c in dict.fromkeys(targets)],
                          "ip_elements": [terms["ip_element"][c] for c in ip],
                          "audiences": [terms["audience"][c] for c in audiences],
                          "kpi": (indicator, unit)})
        created = Commitment.objects.bulk_create(rows)
        _link(created, links, rng)
        made += size
    facets.invalidate()
    return made


def _make_actors(rng: random.Random, count: int) -> list[Actor]:
    actors = []
    for index in range(count):
        kind = rng.choices(list(ACTOR_NAMES), weights=[2, 5, 2, 1])[0]
        base = rng.choice(ACTOR_NAMES[kind])
        language = rng.choice(list(PLACES))
        country = rng.choice(PLACES[language])[0]
        actors.append(Actor(
            kind=kind, name=base if index < 30 else f"{base} ({index})", country=country,
            organization_type=rng.choice(ORGANIZATION_TYPES) if kind == "organization" else "",
            sector=rng.choice(catalogue.BUSINESS_SECTORS.codes) if kind == "business" else "",
            size=rng.choice(catalogue.BUSINESS_SIZES.codes) if kind == "business" else "",
            government_level=rng.choice(catalogue.GOVERNMENT_LEVELS.codes) if kind == "local_government" else "",
            population_served=rng.randint(20_000, 4_000_000) if kind == "local_government" else None,
        ))
    return Actor.objects.bulk_create(actors)


def _link(commitments: list[Commitment], links: list[dict], rng: random.Random) -> None:
    for field in TERM_LINKS:
        through = getattr(Commitment, field).through
        through.objects.bulk_create([
            through(commitment_id=commitment.pk, term_id=term_id)
            for commitment, link in zip(commitments, links, strict=True) for term_id in link[field]
        ])
    kpis = []
    for commitment, link in zip(commitments, links, strict=True):
        name, unit = link["kpi"]
        baseline = Decimal(rng.choice([0, 0, 5, 10, 20]))
        kpis.append(KPI(commitment=commitment, name=name, unit=unit, baseline_value=baseline,
                        baseline_date=commitment.start_date, target_value=baseline + rng.choice([50, 100, 250, 1000]),
                        target_date=commitment.end_date))
    KPI.objects.bulk_create(kpis)
