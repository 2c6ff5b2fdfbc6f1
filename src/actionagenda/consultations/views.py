from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionagenda import ids, ratelimits, refusals
from actionagenda.accounts import roles
from actionagenda.concurrency import StaleRecord
from actionagenda.redirects import next_url

from . import exports, importer, services
from .forms import ConfirmImportForm, EditReplyForm, FlagForm, ImportForm, ProfileForm, ReplyForm
from .models import Consultation, DiscussionGroup, Flag, ParticipantProfile, Question, Reply, Theme
from .stats import consultation_statistics
from .threads import THREADS_PER_PAGE, build_thread, reply_node, reply_url


def consultation_list(request):
    consultations = Consultation.objects.filter(published=True)
    return render(request, "consultations/list.html", {"consultations": consultations})


def detail(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug, published=True)
    themes = Theme.objects.annotate(n_questions=Count("questions", distinct=True)).order_by("number")
    groups = (consultation.groups.select_related("week").prefetch_related(Prefetch("themes", queryset=themes))
              .order_by("week__number", "number"))
    return render(request, "consultations/detail.html", {
        "consultation": consultation, "groups": groups, "can_moderate": roles.moderates_in(request.user, consultation),
        "events": consultation.events.filter(published=True).order_by("starts_at")})


def theme(request, slug, pk):
    theme = get_object_or_404(Theme.objects.select_related("group__consultation", "group__week"),
                              pk=pk, group__consultation__slug=slug, group__consultation__published=True)
    questions = theme.questions.annotate(
        n_replies=Count("replies", filter=Q(replies__status=Reply.Status.VISIBLE)))
    following = request.user.is_authenticated and theme.followers.filter(pk=request.user.pk).exists()
    return render(request, "consultations/theme.html", {
        "theme": theme, "group": theme.group, "consultation": theme.group.consultation,
        "questions": questions, "following": following})


def _question(slug, pk) -> Question:
    return get_object_or_404(Question.objects.select_related("theme__group__consultation", "theme__group__week"),
                             pk=pk, theme__group__consultation__slug=slug,
                             theme__group__consultation__published=True)


def question(request, slug, pk):
    question = _question(slug, pk)
    group = question.theme.group
    is_moderator = roles.can_moderate(request.user, group)
    return render(request, "consultations/question.html", {
        "question": question, "theme": question.theme, "group": group, "consultation": group.consultation,
        "page": Paginator(build_thread(question, request.user, is_moderator), THREADS_PER_PAGE)
        .get_page(ids.page_number(request.GET.get("page"))), "is_moderator": is_moderator,
        "is_open": group.consultation.is_open(), "form": ReplyForm()})


@login_required
@require_POST
def reply(request, slug, pk):
    """Reply to the question, or to one of its replies (`parent`); htmx gets fragments, others a redirect."""
    question = _question(slug, pk)
    parent = None
    if raw_parent := request.POST.get("parent", ""):
        if (parent_id := ids.parse(raw_parent)) is None:
            return HttpResponseBadRequest()
        parent = get_object_or_404(Reply, pk=parent_id, question=question)
    form = ReplyForm(request.POST)
    new = refusal = None
    if form.is_valid():
        try:
            new = services.post_reply(user=request.user, question=question, body=form.cleaned_data["body"],
                                      parent=parent, public_name=form.cleaned_data["public_name"],
                                      language=form.cleaned_data["language"])
        except services.ReplyRefused as error:
            form.add_error("body", str(error))
        except ratelimits.RateLimited as error:
            refusal = error
            form.add_error("body", _("You are posting too quickly. Wait a minute and try again."))
    held = new is not None and new.status == Reply.Status.HELD
    if request.htmx:
        is_moderator = roles.can_moderate(request.user, question.theme.group)
        node = None
        if new is not None and not held:
            node = reply_node(new, request.user, is_moderator, consultation_open=True)
        response = render(request, "consultations/_reply_posted.html", {
            "consultation": question.theme.group.consultation, "question": question, "parent": parent,
            "form": None if new else form, "new": new, "held": held, "node": node, "is_open": True,
            "is_moderator": is_moderator})
        return ratelimits.refuse(response, refusal) if refusal else response
    if held:
        messages.info(request, _("Thank you. Your first reply will appear once a moderator has approved it."))
    if new is None:
        response = render(request, "consultations/reply_form_page.html",
                          {"question": question, "parent": parent, "form": form}, status=400)
        return ratelimits.refuse(response, refusal) if refusal else response
    if new.status != Reply.Status.VISIBLE:
        return redirect(question.get_absolute_url())
    return redirect(reply_url(new, request.user, roles.can_moderate(request.user, question.theme.group)))


@login_required
def edit_reply(request, slug, pk):
    reply = get_object_or_404(Reply.objects.select_related("question__theme__group__consultation"), pk=pk,
                              question__theme__group__consultation__slug=slug)
    if not services.can_edit(request.user, reply):
        group = reply.question.theme.group
        moderator = roles.can_moderate(request.user, group)
        refusals.refuse(can_see=reply.author_id == request.user.pk or (
            group.consultation.published and reply.is_visible_to(request.user, moderator)))
    form = EditReplyForm(request.POST or None, instance=reply)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_reply(user=request.user, reply=reply, body=form.cleaned_data["body"],
                                language=form.cleaned_data["language"])
            return redirect(reply.get_absolute_url())
        except services.ReplyRefused as refusal:
            form.add_error("body", str(refusal))
        except StaleRecord:
            # Saved in another tab between the check and the write: checking again names the change.
            form = EditReplyForm(request.POST, instance=Reply.objects.get(pk=reply.pk))
            form.is_valid()
    return render(request, "consultations/edit_reply.html", {"reply": reply, "form": form},
                  status=409 if form.is_bound and form.is_stale else 200)


@login_required
@require_POST
def moderate(request, slug, pk):
    reply = get_object_or_404(Reply.objects.select_related("question__theme__group__consultation"), pk=pk,
                              question__theme__group__consultation__slug=slug)
    action = request.POST.get("action", "")
    if action not in services.MODERATION_ACTIONS:
        return HttpResponse(status=400)
    try:
        services.moderate(user=request.user, reply=reply, action=action)
    except PermissionDenied:
        refusals.refuse(can_see=reply.question.theme.group.consultation.published
                        and reply.is_visible_to(request.user, is_moderator=False))
    return redirect(reply.question.get_absolute_url() + f"#reply-{reply.pk}")


@login_required
@require_POST
def flag(request, slug, pk):
    reply = get_object_or_404(Reply.objects.visible(), pk=pk, question__theme__group__consultation__slug=slug)
    form = FlagForm(request.POST)
    try:
        services.flag_reply(user=request.user, reply=reply, reason=form.cleaned_data["reason"] if form.is_valid()
                            else "")
    except services.ReplyRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Thank you. The moderators will look at this reply."))
    return redirect(reply.get_absolute_url())


@login_required
@require_POST
def follow(request, slug, pk):
    theme = get_object_or_404(Theme, pk=pk, group__consultation__slug=slug)
    services.follow_theme(user=request.user, theme=theme, follow=request.POST.get("follow") == "1")
    return redirect(theme.get_absolute_url())


@login_required
@require_POST
def hold_first_posts(request, slug, pk):
    group = get_object_or_404(DiscussionGroup, pk=pk, consultation__slug=slug)
    try:
        services.set_hold_first_posts(user=request.user, group=group, hold=request.POST.get("hold") == "1")
    except PermissionDenied:
        refusals.refuse(can_see=group.consultation.published)
    return redirect(next_url(request, group.consultation))


@login_required
def held_replies(request, slug):
    """Replies waiting for approval and flagged replies, in the groups the user moderates."""
    consultation = get_object_or_404(Consultation, slug=slug)
    if not roles.moderates_in(request.user, consultation):
        refusals.refuse(can_see=consultation.published)
    groups = roles.moderated_groups(request.user, consultation)
    replies = (Reply.objects.filter(question__theme__group__in=groups)
               .filter(Q(status=Reply.Status.HELD) | Q(flags__resolved=False)).distinct()
               .select_related("question__theme", "author").order_by("created")
               .prefetch_related(Prefetch("flags", queryset=Flag.objects.filter(resolved=False).order_by("created"),
                                          to_attr="open_flags")))
    return render(request, "consultations/moderation.html", {"consultation": consultation, "replies": replies})


def statistics(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug, published=True)
    return render(request, "consultations/statistics.html", {
        "consultation": consultation, "stats": consultation_statistics(consultation),
        "full": roles.is_secretariat(request.user)})


EXPORTS = {
    "csv": (exports.as_csv, "text/csv; charset=utf-8"),
    "xlsx": (exports.as_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "md": (exports.as_markdown, "text/markdown; charset=utf-8"),
}


@roles.secretariat_required
def export(request, slug, fmt):
    consultation = get_object_or_404(Consultation, slug=slug)
    if fmt not in EXPORTS:
        raise Http404
    make, content_type = EXPORTS[fmt]
    response = HttpResponse(make(consultation), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{consultation.slug}-contributions.{fmt}"'
    return response


@roles.secretariat_required
def import_programme(request):
    """Upload a document, see what was understood, then confirm to save."""
    if request.method == "POST" and "confirm" in request.POST:
        confirm = ConfirmImportForm(request.POST)
        if confirm.is_valid():
            data = confirm.cleaned_data
            programme = importer.parse(data["text"], year=data["year"])
            try:
                consultation = importer.save(programme, title=data["title"])
            except importer.EmptyProgramme:
                messages.error(request, _("The document contains no discussion group; nothing was saved."))
                return redirect("consultations:import")
            messages.success(request, _("The consultation was created."))
            return redirect(consultation.get_absolute_url())
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            text = importer.read_document(data["document"].name, data["document"].read())
        except importer.UnreadableDocument as error:
            form.add_error("document", str(error))
            return render(request, "consultations/import.html", context)
        context.update(programme=importer.parse(text, year=data["year"]),
                       confirm=ConfirmImportForm(initial={"text": text, "year": data["year"], "title": data["title"]}))
    return render(request, "consultations/import.html", context)


@login_required
def profile(request):
    """What a participant shows next to their posts."""
    instance = ParticipantProfile.objects.filter(user=request.user).first()
    if instance is None:
        actor_type, country, show = services.identity(request.user)
        instance = ParticipantProfile(user=request.user, actor_type=actor_type, country=country, show_on_posts=show)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your participant profile was saved."))
        return redirect("consultations:profile")
    return render(request, "consultations/profile.html", {"form": form})
