"""Processes around commitments. Views, the API and the CLI call these; they own the transactions."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from actionagenda import ratelimits
from actionagenda.accounts import roles
from actionagenda.accounts.models import Actor
from actionagenda.progress import services as progress
from actionagenda.vocabularies import catalogue

from . import contacts, explore, facets, workflow
from .models import Commitment


def front_page(latest: int) -> dict:
    """What the landing page shows, from one read of the facet index (no counting query per request):
    `figures` (published commitments, actors with one, countries named by one, those linked to the primary GBF
    target) and the `latest` published commitments, newest first, ready for cards (3 queries)."""
    index = facets.current()
    return {
        "figures": {
            "commitments": len(index),
            "actors": index.actors,
            "countries": len(index.values["country"]),
            "target17": len(index.values["gbf_target"].get(catalogue.PRIMARY_GBF_TARGET, ())),
        },
        "latest": explore.cards(index.ids[:latest].tolist()),
    }


def individual_actor(user, name: str | None = None) -> Actor:
    """The actor that stands for `user` as an individual, created on first use, named `name` when given ("" is
    anonymous). Its name is public: the one the person gave, never one made from their e-mail address."""
    actor = Actor.objects.filter(kind=Actor.Kind.INDIVIDUAL, members=user).order_by("pk").first()
    if actor is None:
        actor = Actor.objects.create(kind=Actor.Kind.INDIVIDUAL, name=user.name if name is None else name)
        actor.members.add(user)
    elif name is not None and actor.name != name:
        actor.name = name
        actor.save(update_fields=["name"])
    return actor


@transaction.atomic
def save_draft(user, forms) -> Commitment:
    """Store what `forms` (a valid commitments.forms.AuthoringForms) hold: the actor, the commitment and its
    KPIs, all or nothing. The status does not change: a new commitment is a draft, a returned one stays
    returned until it is submitted again."""
    if forms.kind == Actor.Kind.INDIVIDUAL:
        actor = individual_actor(user, name=forms.actor.cleaned_data["name"] if forms.actor else None)
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
