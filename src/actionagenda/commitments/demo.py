"""Demo commitments a biosafety officer would find plausible, fast enough for benchmarks (10^5 in minutes).

Actors come from `demo_places` (a home country, city and language each, and member accounts that receive the
platform's e-mails), subjects from `demo_themes`. A commitment is written in its actor's language, acts in the
actor's country (a regional or global one adds neighbours or partners abroad, a local government never does),
and its phase follows where today falls between its start and end dates. The default demo (a few hundred)
never repeats a title or an actor's name; a benchmark's 10^5 reuse both.

Records are made with bulk inserts (no per-row history: they are generated, not edited by anyone).
"""

import datetime
import random
import re
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from actionagenda.accounts.models import Actor, User
from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.models import Term

from . import demo_places, demo_themes, facets
from .models import KPI, TERM_LINKS, Commitment

BATCH = 2000
LAST_DAY = datetime.date(2030, 12, 31)  # the end of the Implementation Plan and of the GBF's targets
FIRST_DAY = datetime.date(2021, 1, 1)
PLATFORM_AGE = 880  # days: the oldest demo commitment was published this long ago
SCALES_BY_KIND = {
    # (scales, weights): people and local governments act near home; organisations and businesses further.
    "individual": (("local", "subnational"), (4, 1)),
    "local_government": (("local", "subnational"), (3, 1)),
    "organization": (("local", "subnational", "national", "regional", "global"), (2, 2, 3, 2, 1)),
    "business": (("local", "subnational", "national", "regional", "global"), (1, 1, 3, 2, 1)),
}
# "regional", "region" in English; "régional", "région" in French; "regional", "región" in Spanish.
NAMES_A_REGION = re.compile(r"\br[ée]gi[oó]n", re.IGNORECASE)
SCALE_FACTOR = {"local": 1, "subnational": 2, "national": 4, "regional": 6, "global": 8}
CADENCES = (("quarterly", "half_yearly", "yearly"), (6, 3, 1))
LITTLE_WORDS = {"of", "the", "for", "and", "in", "de", "des", "du", "la", "le", "les", "pour", "et", "del", "el",
                "los", "las", "por", "y", "en", "d", "l", "s", "a", "inc", "ltd", "sa", "sarl", "sas"}


def generate(count: int, seed: int = 2030, status: str = Commitment.Status.PUBLISHED,
             today: datetime.date | None = None) -> int:
    """Create `count` demo commitments (with actors, their members and KPIs); returns how many were made."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    with transaction.atomic():
        terms = {scheme: {t.code: t.pk for t in Term.objects.filter(scheme=scheme)}
                 for scheme in ("country", "action_area", "gbf_target", "ip_element", "audience")}
        actors = _make_actors(rng, max(4, count // 3))
    titles: set[str] = set()
    spent: set[int] = set()
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with transaction.atomic():
            drafts = [_draft(rng, _author(rng, actors, titles, spent), titles, today, status)
                      for _ in range(size)]
            created = Commitment.objects.bulk_create([commitment for commitment, _links in drafts])
            _link(created, [links for _commitment, links in drafts], terms)
        made += size
    facets.invalidate()
    return made


class DemoActor:
    """An Actor row with what generation needs to know of it: country key, city, language, its members' ids."""

    def __init__(self, row: Actor, key: str, spec: demo_places.Actor):
        self.row, self.key, self.spec = row, key, spec
        self.country = demo_places.COUNTRIES[key]
        self.member_ids: list[int] = []
        self._subjects = None

    def subjects(self) -> list[tuple[demo_themes.Theme, str, bool]]:
        """(theme, title, whether the title names the actor's city) of every theme that suits this actor."""
        if self._subjects is None:
            spec, language = self.spec, self.country.language
            themes = demo_themes.THEMES[language]
            suitable = [theme for theme in themes if theme.suits(spec.kind, spec.organization_type, spec.sector)]
            suitable = suitable or [theme for theme in themes if spec.kind in theme.kinds]
            self._subjects = [(theme, demo_themes.titled(title, spec.city, language), "{place}" in title)
                              for theme in suitable for title in theme.titles]
        return self._subjects


def _make_actors(rng: random.Random, count: int) -> list[DemoActor]:
    """`count` actors: the listed ones once each (shuffled), then again (same names) when more are wanted."""
    listed = [(key, actor) for key, country in demo_places.COUNTRIES.items() for actor in country.actors]
    rng.shuffle(listed)
    chosen = [listed[index % len(listed)] for index in range(count)]
    rows = Actor.objects.bulk_create([Actor(
        kind=spec.kind, name=spec.name, country=demo_places.country_code(key),
        organization_type=spec.organization_type, sector=spec.sector, size=spec.size,
        government_level=spec.government_level, population_served=spec.population,
    ) for key, spec in chosen])
    actors = [DemoActor(row, key, spec) for row, (key, spec) in zip(rows, chosen, strict=True)]
    _make_members(rng, actors)
    return actors


def _make_members(rng: random.Random, actors: list[DemoActor]) -> None:
    """Member accounts for every actor (one for a person, one or two for the others), linked as authors are:
    they receive the progress reminders. Passwords are unusable; addresses are at reserved example domains."""
    unused = {key: list(country.people) for key, country in demo_places.COUNTRIES.items()}
    for names in unused.values():
        rng.shuffle(names)
    emails = set(User.objects.values_list("email", flat=True))  # a second run (`--force`, generate.py) adds to them
    users, owners = [], []
    for actor in actors:
        if actor.spec.kind == "individual":
            people, domain = [actor.spec.name], "example.net"
        else:
            pool = unused[actor.key]
            wanted = 1 if rng.random() < 0.6 else 2
            people = [pool.pop() for _ in range(min(wanted, len(pool)))] or [rng.choice(actor.country.people)]
            domain = f"{_initials(actor.spec.name)}.example.org"
        for name in people:
            email = _unique(f"{slugify(name).replace('-', '.')}@{domain}", emails)
            users.append(User(email=email, name=name, language=actor.country.language,
                              password=make_password(None)))
            owners.append(actor)
    made = User.objects.bulk_create(users, batch_size=BATCH)
    EmailAddress.objects.bulk_create([EmailAddress(user=user, email=user.email, verified=True, primary=True)
                                      for user in made], batch_size=BATCH)
    Actor.members.through.objects.bulk_create([Actor.members.through(actor_id=actor.row.pk, user_id=user.pk)
                                               for actor, user in zip(owners, made, strict=True)], batch_size=BATCH)
    for actor, user in zip(owners, made, strict=True):
        actor.member_ids.append(user.pk)


def _initials(name: str) -> str:
    """A short domain label for an organisation: the initials of its significant words ("ISRA")."""
    words = [word for word in re.split(r"[\W_]+", slugify(name).replace("-", " ")) if word]
    letters = "".join(word[0] for word in words if word not in LITTLE_WORDS)
    return letters[:12] or "org"


def _unique(email: str, taken: set[str]) -> str:
    """`email`, or with a number after its local part when `taken` has it (a benchmark's repeated names)."""
    local, domain = email.split("@")
    found, number = email, 2
    while found in taken:
        found, number = f"{local}{number}@{domain}", number + 1
    taken.add(found)
    return found


def _draft(rng: random.Random, actor: DemoActor, titles: set[str], today: datetime.date,
           status: str) -> tuple[Commitment, dict]:
    """One commitment of `actor` (not saved) and the terms and KPIs to link to it."""
    language = actor.country.language
    scales, weights = SCALES_BY_KIND[actor.spec.kind]
    theme, title, scale = _subject(rng, actor, rng.choices(scales, weights=weights)[0], titles)
    start, end, submitted, published = _dates(rng, today)
    measures = [theme.measures[0]] + [m for m in theme.measures[1:] if rng.random() < 0.7]
    kpis = [_kpi(rng, measure, scale, position, start, end) for position, measure in enumerate(measures)]
    commitment = Commitment(
        actor=actor.row, created_by_id=actor.member_ids[0] if actor.member_ids else None, title=title,
        description=demo_themes.titled(theme.description, actor.spec.city, language,
                                       target=_number(kpis[0].target_value, language)),
        language=language, start_date=start, end_date=end, scale=scale, phase=phase_on(rng, start, end, today),
        reporting_cadence=rng.choices(*CADENCES)[0], resources=rng.choice(demo_themes.RESOURCES[language]),
        partners=rng.choice(demo_themes.PARTNERS[language]), expected_impact=theme.impact,
        supply_chain_scope=(rng.choice(catalogue.SUPPLY_CHAIN_SCOPES.codes) if actor.spec.kind == "business"
                            else ""),
        status=status, submitted_at=submitted,
        published_at=published if status == Commitment.Status.PUBLISHED else None,
    )
    biosafety = catalogue.DEFAULT_ACTION_AREA
    targets = [catalogue.PRIMARY_GBF_TARGET] if rng.random() < 0.85 else []
    targets += rng.sample(catalogue.BIOSAFETY_RELATED_GBF_TARGETS[1:], rng.randint(0 if targets else 1, 2))
    links = {"countries": _countries(rng, actor, scale), "action_areas": [biosafety, *theme.action_areas],
             "gbf_targets": list(dict.fromkeys(targets)), "ip_elements": list(theme.ip_elements),
             "audiences": list(theme.audiences), "kpis": kpis}
    return commitment, links


def _author(rng: random.Random, actors: list[DemoActor], titles: set[str], spent: set[int]) -> DemoActor:
    """An actor at random, preferring one with a title still unused (so the default demo repeats none); `spent`
    keeps the positions of actors found to have none left, so a benchmark's 10^5 stop looking for them."""
    for _ in range(50):
        index = rng.randrange(len(actors))
        if index in spent:
            continue
        if any(title not in titles for _theme, title, _placed in actors[index].subjects()):
            return actors[index]
        spent.add(index)
    return actors[index]


def _subject(rng: random.Random, actor: DemoActor, scale: str,
             titles: set[str]) -> tuple[demo_themes.Theme, str, str]:
    """A theme that suits the actor, a title not used yet (any, once every suitable title is taken) and the
    scale: a title naming the actor's city is at most national; a regional or global commitment takes a title
    that names none, or becomes national when the actor has no such title left."""
    wide = scale in ("regional", "global")
    options = actor.subjects()
    fresh = [option for option in options if option[1] not in titles]
    fitting = [option for option in fresh if option[2] != wide]
    if wide and not fitting:
        scale, fitting = "national", [option for option in fresh if option[2]]
    if scale == "global" and fitting:  # a title that says "regional" is not given to a global commitment
        worldwide = [option for option in fitting if not NAMES_A_REGION.search(option[1])]
        if not worldwide:
            scale = "regional"
        fitting = worldwide or fitting
    theme, title, _placed = rng.choice(fitting or fresh or options)
    titles.add(title)
    return theme, title, scale


def _dates(rng: random.Random, today: datetime.date):
    """Start and end dates, and the moments of submission and publication, around `today`."""
    published_day = today - datetime.timedelta(days=rng.randint(3, PLATFORM_AGE))
    if rng.random() < 0.6:  # an action already under way when registered
        start = max(published_day - datetime.timedelta(days=rng.randint(0, 540)), FIRST_DAY)
    else:
        start = published_day + datetime.timedelta(days=rng.randint(15, 300))
    if rng.random() < 0.7:
        start = start.replace(day=1)
    years = rng.choice((1, 2, 2, 3, 3, 4, 5))
    end = datetime.date(min(start.year + years, LAST_DAY.year), start.month, 1) - datetime.timedelta(days=1)
    while end <= published_day + datetime.timedelta(days=180) and end < LAST_DAY:  # registered while it runs
        end = datetime.date(end.year + 1, end.month, end.day) if (end.month, end.day) != (2, 29) else LAST_DAY
    if end <= start + datetime.timedelta(days=180):
        end = LAST_DAY
    # The secretariat publishes during office hours in Montreal; authors submit at any time of their day.
    published = datetime.datetime.combine(published_day, datetime.time(rng.randint(13, 21), rng.randint(0, 59)),
                                          tzinfo=datetime.UTC)
    submitted = published - datetime.timedelta(days=rng.randint(1, 20), minutes=rng.randint(0, 600))
    return start, end, submitted, published


def phase_on(rng: random.Random, start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    """The phase a commitment running from `start` to `end` is in on `today`: planning or development before it
    starts, implementation (rarely discontinued) while it runs, evaluation for half a year after it ends, then
    completed."""
    if start > today:
        return "development" if (start - today).days <= 90 or rng.random() < 0.3 else "planning"
    if end > today:
        return "discontinued" if rng.random() < 0.03 else "implementation"
    return "evaluation" if (today - end).days < 180 else "completed"


def _countries(rng: random.Random, actor: DemoActor, scale: str) -> list[str]:
    """The actor's country; a regional commitment adds neighbours, a global one countries further away that
    share its language (the networks actors work through)."""
    home = demo_places.country_code(actor.key)
    found = [home]
    if actor.spec.kind != "local_government" and scale in ("regional", "global"):
        regional = scale == "regional"
        others = sorted({demo_places.country_code(key) for key, country in demo_places.COUNTRIES.items()
                         if (country.cluster == actor.country.cluster) == regional
                         and (regional or country.language == actor.country.language)} - {home})
        found += rng.sample(others, min(len(others), rng.randint(1, 2) if scale == "regional" else rng.randint(2, 3)))
    return found


def _kpi(rng: random.Random, measure: demo_themes.Measure, scale: str, position: int, start, end) -> KPI:
    """A KPI from `measure`: whole numbers, percentages within 0-100, counts grown with the scale."""
    factor = SCALE_FACTOR[scale] if measure.scaled else 1
    baseline = _round(rng.randint(*measure.baseline) * factor)
    target = _round(rng.randint(*measure.target) * factor)
    if measure.percent:
        baseline, target = min(baseline, 100), min(target, 100)
    if target == baseline:
        target = baseline + 10 if baseline <= 90 else baseline - 10
    return KPI(name=measure.name, unit=measure.unit, baseline_value=Decimal(baseline), baseline_date=start,
               target_value=Decimal(target), target_date=end, position=position)


def _round(value: int) -> int:
    """A target as people set them: 1,240 becomes 1,250; 37 stays 37."""
    step = 50 if value >= 1000 else 10 if value >= 200 else 1
    return round(value / step) * step


def _number(value: Decimal, language: str) -> str:
    """A whole number as written in `language` (2,000; 2 000 with a narrow no-break space; 2000 and 20 000)."""
    number = int(value)
    if language == "en":
        return f"{number:,}"
    if language == "es" and number < 10_000:
        return str(number)
    return f"{number:,}".replace(",", "\u202f" if language == "fr" else "\u00a0")


def _link(commitments: list[Commitment], links: list[dict], terms: dict) -> None:
    for field, scheme in TERM_LINKS.items():
        through = getattr(Commitment, field).through
        through.objects.bulk_create([
            through(commitment_id=commitment.pk, term_id=terms[scheme][code])
            for commitment, link in zip(commitments, links, strict=True) for code in link[field]
        ])
    kpis = []
    for commitment, link in zip(commitments, links, strict=True):
        for kpi in link["kpis"]:
            kpi.commitment = commitment
            kpis.append(kpi)
    KPI.objects.bulk_create(kpis)
