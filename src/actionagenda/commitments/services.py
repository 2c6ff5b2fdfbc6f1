"""Processes around commitments. Views, the API and the CLI call these; they own the transactions."""

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionagenda import ratelimits
from actionagenda.accounts import roles
from actionagenda.accounts.models import Actor
from actionagenda.progress import services as progress
from actionagenda.progress.models import Reading
from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.models import Term

from . import contacts, facets, references, workflow
from .models import HISTORY, KPI, TERM_LINKS, BCHReference, Commitment, ModerationDecision
from .workflow import Action, Status


def front_page(latest: int, featured: Sequence[int] = (), featured_count: int = 3) -> dict:
    """What the landing page shows, from one read of the facet index (no counting query per request):
    `figures` (published commitments, actors with one, countries named by one, those linked to the primary GBF
    target), `by_actor_type` (code -> published commitments), `featured_ids` (those of `featured` still
    published, at most `featured_count`), `latest_ids` (the newest other published ones) and `version`, which
    changes whenever any of these may have (cards drawn from the ids can be kept under it: `explore.cards`)."""
    index = facets.current()
    chosen = [pk for pk in featured if pk in index.published][:featured_count]
    newest = [pk for pk in index.ids[:latest + len(chosen)].tolist() if pk not in chosen][:latest]
    return {
        "figures": {
            "commitments": len(index),
            "actors": index.actors,
            "countries": len(index.values["country"]),
            "target17": len(index.values["gbf_target"].get(catalogue.PRIMARY_GBF_TARGET, ())),
        },
        "by_actor_type": {code: len(ids) for code, ids in index.values["actor_type"].items()},
        "featured_ids": chosen,
        "latest_ids": newest,
        "version": index.key,
    }


def individual_actor(user, name: str | None = None) -> Actor:
    """The actor that stands for `user` as an individual, created on first use, named `name` when given ("" is
    anonymous). Its name is public: the one the person gave, never one made from their e-mail address."""
    actor = Actor.objects.individual_of(user)
    if actor is None:
        actor = Actor.objects.create(kind=Actor.Kind.INDIVIDUAL, name=user.name if name is None else name)
        actor.members.add(user)
    return _named(actor, name)


def named_individual(user, name: str) -> Actor:
    """An individual actor of `user` named `name` ("" is anonymous), made when none is: a partner account sends
    the commitments of several people through the API, each under their own name."""
    actor = Actor.objects.filter(kind=Actor.Kind.INDIVIDUAL, members=user, name=name).order_by("pk").first()
    if actor is None:
        actor = Actor.objects.create(kind=Actor.Kind.INDIVIDUAL, name=name)
        actor.members.add(user)
    return actor


def _named(actor: Actor, name: str | None) -> Actor:
    if name is not None and actor.name != name:
        actor.name = name
        actor.save(update_fields=["name"])
    return actor


@transaction.atomic
def save_draft(user, forms, actor: Actor | None = None) -> Commitment:
    """Store what `forms` (a valid commitments.forms.AuthoringForms) hold: the actor, the commitment, its KPIs
    and the BCH records it cites, all or nothing. The status does not change: a new commitment is a draft, a
    returned one stays returned until it is submitted again. `actor`: the actor of a new commitment when the
    caller chose it."""
    if actor is not None:
        pass
    elif forms.kind == Actor.Kind.INDIVIDUAL:
        name = forms.actor.cleaned_data["name"] if forms.actor else None
        # An edit renames the commitment's own individual actor (a partner account may have several).
        actor = _named(forms.commitment.actor, name) if forms.commitment.pk else individual_actor(user, name)
    elif forms.actor.cleaned_data.get("existing"):
        actor = forms.actor.cleaned_data["existing"]
    else:
        actor = forms.actor.save(commit=False)
        actor.kind = forms.kind
        actor.save()
    actor.members.add(user)
    commitment = forms.form.save(commit=False)
    if commitment.pk is None:
        commitment.actor = actor
        commitment.created_by = user
        commitment.status = Commitment.Status.DRAFT
    commitment._history_user = user
    commitment.save()
    forms.form.save_m2m()
    forms.kpis.instance = commitment
    forms.kpis.save()
    removed = set(forms.kpis.deleted_forms)
    for kpi_form in forms.kpis.forms:
        if kpi_form not in removed and kpi_form.instance.pk and kpi_form.interim_posted:
            progress.set_interim_targets(kpi_form.instance, kpi_form.interim_targets(), user)
    references.set_bch_references(commitment, forms.bch.rows(), user)
    if "contact_email" in forms.form.changed_data:
        contacts.request_confirmation(commitment)
    return commitment


def submit(commitment: Commitment, user):
    """Send `commitment` to the secretariat, within the user's submission rate limit.

    Raises ratelimits.RateLimited (the submission is rolled back), or workflow.TransitionNotAllowed with the
    must-haves it still fails (not counted against the limit).
    """
    with transaction.atomic():
        decision = workflow.apply(commitment, workflow.Action.SUBMIT, user)
        ratelimits.consume("commitment_submit", user.pk)
    return decision


@transaction.atomic
def save_and_submit(user, forms, actor: Actor | None = None) -> Commitment:
    """`save_draft`, then `submit`, all or nothing: the write API leaves no half-made commitment behind a refusal
    (TransitionNotAllowed, RateLimited)."""
    commitment = save_draft(user, forms, actor=actor)
    submit(commitment, user)
    commitment.refresh_from_db()
    return commitment


@transaction.atomic
def delete_draft(commitment: Commitment, user) -> None:
    """Delete a draft, which only its authors ever saw (its history keeps the deletion); raises PermissionDenied
    for anyone else, and workflow.TransitionNotAllowed once it was submitted (it is withdrawn instead)."""
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if not roles.is_author(user, locked):
        raise PermissionDenied
    if locked.status != Commitment.Status.DRAFT:
        raise workflow.TransitionNotAllowed(_("Only a draft can be deleted; withdraw a submitted commitment."))
    locked._history_user = user
    locked.delete()


@transaction.atomic
def _save_with_links(commitment: Commitment, new: bool, links: dict) -> None:
    """Save `commitment` and set its `links` (field -> terms) with one history record. django-simple-history copies
    the whole commitment, every link included, on each save and each change of a link: setting five link fields
    made six records (most of a harvested record's cost). Saved and linked without history, the commitment then
    gets the one record that says what it now is: its creation, or its change."""
    commitment.skip_history_when_saving = True
    try:
        commitment.save()
        for name, found in links.items():
            if new:  # nothing to compare with: one insert per link field
                manager = getattr(commitment, name)
                manager.through.objects.bulk_create(
                    manager.through(**{manager.source_field_name: commitment, manager.target_field_name: term})
                    for term in found)
            else:
                getattr(commitment, name).set(found)
    finally:
        del commitment.skip_history_when_saving
    HISTORY.create_historical_record(commitment, "+" if new else "~")


def save_partner_commitment(commitment: Commitment | None, *, actor: dict, fields: dict, terms: dict, reason: str,
                            publish: bool = False, known_actor: Actor | None = None, kpis: list[dict] | None = None,
                            bch_records: list[dict] | None = None, seen_on=None) -> Commitment:
    """Create, or update, a commitment another platform holds, as its record there says (interop's imports): its
    actor (`known_actor`, one an earlier record of the same partner made, or a new one; with no members: nobody
    here edits it) with the fields `actor` gives, its fields and its vocabulary links (field -> codes), and, when
    the record has them (None: it has no place for them, what is here stays), its KPIs (`set_partner_kpis`, each
    current value a reading of its `current_date`, else of `seen_on`) and its BCH citations (rows), all or
    nothing, each checked by the models (ValidationError names the field: `actor.name`, `kpis[0].unit`,
    `bch_records[1].identifier`).
    A new one goes to the secretariat's queue, or with `publish` (a trusted source) is published at once; an update
    keeps the status it has."""
    new = commitment is None
    if new:
        commitment = Commitment(actor=known_actor or Actor())
    person = commitment.actor
    for name, value in actor.items():
        setattr(person, name, value)
    try:
        person.full_clean()
    except ValidationError as error:
        raise ValidationError(_under("actor", error)) from error
    person.save()
    commitment.actor = person
    for name, value in fields.items():
        setattr(commitment, name, value)
    if new:
        now = timezone.now()
        commitment.status, commitment.submitted_at = (Status.PUBLISHED if publish else Status.SUBMITTED), now
        commitment.published_at = now if publish else None
    commitment.full_clean(exclude=["actor", "created_by"])
    links = {}
    for name, codes in terms.items():
        found = list(Term.objects.filter(scheme=TERM_LINKS[name], code__in=codes))
        if len(found) != len(set(codes)):
            unknown = sorted(set(codes) - {term.code for term in found})
            raise ValidationError({name: _("Unknown codes: %(codes)s.") % {"codes": ", ".join(unknown)}})
        links[name] = found
    citations = _checked_citations(bch_records) if bch_records is not None else None
    commitment._change_reason = reason[:100]
    _save_with_links(commitment, new, links)
    if kpis is not None:
        set_partner_kpis(commitment, kpis, seen_on or timezone.localdate(), reason)
    if citations is not None:
        references.set_bch_references(commitment, citations, None, reason)
    if new:
        ModerationDecision.objects.create(commitment=commitment, action=Action.PUBLISH if publish else Action.SUBMIT,
                                          comment=reason)
    if commitment.is_public:
        facets.invalidate()
        if new:
            progress.on_publish(commitment, None)
        else:
            progress.refresh_after_commit(commitment.pk)
    return commitment


def _under(prefix: str, error: ValidationError) -> dict[str, list[str]]:
    """A model's field errors named under the part of the partner's record they come from (`kpis[0].name`)."""
    return {f"{prefix}.{name}": messages for name, messages in error.message_dict.items()}


# What a partner's KPI is written with (the rest keeps the model's defaults: a level, weighed 1, no tolerance).
PARTNER_KPI_FIELDS = ("name", "unit", "baseline_value", "baseline_date", "target_value", "target_date")


def set_partner_kpis(commitment: Commitment, kpis: list[dict], seen_on, reason: str) -> None:
    """Make a partner commitment's KPIs those of its record (dicts of PARTNER_KPI_FIELDS and `current`), matched
    by position: a KPI whose fields did not change is left alone (its history too), one the record no longer has
    is deleted, and each `current` value the latest reading does not already say becomes a reading of its
    `current_date` (else `seen_on`, the day the partner showed it), so that later harvests draw the KPI's course
    here. ValidationError names each refused field (`kpis[0].name`)."""
    existing = list(commitment.kpis.order_by("position", "pk"))
    written, errors = [], {}
    for position, given in enumerate(kpis):
        kpi = existing[position] if position < len(existing) else KPI(commitment=commitment)
        before = [getattr(kpi, name) for name in PARTNER_KPI_FIELDS]
        for name in PARTNER_KPI_FIELDS:
            setattr(kpi, name, given.get(name))
        kpi.unit, kpi.position = kpi.unit or "", position
        try:
            kpi.full_clean(exclude=["commitment"])
        except ValidationError as error:
            errors.update(_under(f"kpis[{position}]", error))
        changed = kpi.pk is None or before != [getattr(kpi, name) for name in PARTNER_KPI_FIELDS]
        written.append((kpi, changed, given.get("current"), given.get("current_date") or seen_on))
    if errors:
        raise ValidationError(errors)
    for gone in existing[len(kpis):]:
        gone._change_reason = reason[:100]
        gone.delete()
    for kpi, changed, current, current_date in written:
        if changed:
            kpi._change_reason = reason[:100]
            kpi.save()
        if current is not None:
            progress.record_current_value(kpi, current, None, source=Reading.Source.PARTNER, on=current_date)


def _checked_citations(rows: list[dict]) -> list[dict]:
    """`rows` ({record_type, identifier, url}) each checked by the model; ValidationError names each refused
    field (`bch_records[1].identifier`)."""
    errors = {}
    for position, row in enumerate(rows):
        try:
            BCHReference(**row).full_clean(exclude=["commitment", "position"])
        except ValidationError as error:
            errors.update(_under(f"bch_records[{position}]", error))
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def follow_partner_status(commitment: Commitment, *, published: bool, trusted: bool, reason: str) -> bool:
    """A partner commitment follows its record at the source (interop's harvests): withdrawn when the source
    withdrew it, back when the source shows it again (published if the source is trusted, else to the queue).
    Returns whether its status changed."""
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if not published and locked.status in (Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED):
        target, action = Status.WITHDRAWN, Action.WITHDRAW
    elif published and locked.status == Status.WITHDRAWN:
        target, action = (Status.PUBLISHED, Action.PUBLISH) if trusted else (Status.SUBMITTED, Action.SUBMIT)
    else:
        return False
    locked.status = target
    if target == Status.PUBLISHED and locked.published_at is None:
        locked.published_at = timezone.now()
    locked._change_reason = reason[:100]
    locked.save()
    ModerationDecision.objects.create(commitment=locked, action=action, comment=reason)
    facets.invalidate()
    if target == Status.PUBLISHED:
        progress.on_publish(locked, None)
    else:
        progress.refresh_after_commit(locked.pk)
    commitment.status = locked.status
    return True
