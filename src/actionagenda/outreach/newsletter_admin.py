"""The secretariat's newsletter in the admin: compose an issue from blocks, preview it in each language, preview the
segment's recipients and their count, send a test to one's own address, then send (once, after a confirmation).
Subscribers are listed, never added here: nobody is subscribed by someone else."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from actionagenda.accounts import roles
from actionagenda.vocabularies import catalogue

from . import newsletter, newsletter_content
from .models import (
    LANGUAGE_NAMES,
    LANGUAGES,
    NEWSLETTER_TOPICS,
    CodeList,
    Delivery,
    Newsletter,
    NewsletterBlock,
    Subscriber,
)
from .tasks import send_newsletter_test

RECIPIENTS_SHOWN = 500


class CodesField(forms.MultipleChoiceField):
    """A segment's list of codes as checkboxes or a list, kept as one CodeList column."""

    def __init__(self, choices, **kwargs):
        super().__init__(choices=choices, required=False, **kwargs)

    def prepare_value(self, value):
        return CodeList.unpack(value) if isinstance(value, str) else value

    def clean(self, value):
        return CodeList.pack(super().clean(value))


class NewsletterForm(forms.ModelForm):
    segment_languages = CodesField(settings.LANGUAGES, label=_("languages"), widget=forms.CheckboxSelectMultiple,
                                   help_text=_("Empty: every language."))
    segment_topics = CodesField(NEWSLETTER_TOPICS, label=_("topics"), widget=forms.CheckboxSelectMultiple,
                                help_text=Newsletter._meta.get_field("segment_topics").help_text)
    segment_actor_types = CodesField(catalogue.ACTOR_TYPES.choices, label=_("actor types"),
                                     widget=forms.CheckboxSelectMultiple,
                                     help_text=Newsletter._meta.get_field("segment_actor_types").help_text)
    segment_countries = CodesField((), label=_("countries"), widget=forms.SelectMultiple(attrs={"size": 10}),
                                   help_text=Newsletter._meta.get_field("segment_countries").help_text)

    class Meta:
        model = Newsletter
        fields = ["subject_en", "subject_fr", "subject_es", "intro_en", "intro_fr", "intro_es", "segment_languages",
                  "segment_topics", "segment_actor_types", "segment_countries"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["segment_countries"].choices = catalogue.countries().choices


class BlockInline(admin.StackedInline):
    model = NewsletterBlock
    extra = 0
    autocomplete_fields = ["commitments"]
    fields = ["position", "kind", "heading_en", "heading_fr", "heading_es", "text_en", "text_fr", "text_es",
              "commitments", "count"]


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    form = NewsletterForm
    inlines = [BlockInline]
    list_display = ["subject_en", "status", "sent_at", "delivered", "languages"]
    list_filter = ["status"]
    search_fields = ["subject_en", "subject_fr", "subject_es"]
    readonly_fields = ["status", "progress", "actions_links"]
    change_form_template = "admin/outreach/newsletter/change_form.html"

    def get_fieldsets(self, request, obj=None):
        per_language = [(LANGUAGE_NAMES[code], {"fields": [f"subject_{code}", f"intro_{code}"]})
                        for code in LANGUAGES]
        segment = (_("Segment: who receives it"), {"fields": ["segment_languages", "segment_topics",
                                                              "segment_actor_types", "segment_countries"]})
        state = (_("Sending"), {"fields": ["status", "progress", "actions_links"]})
        return [state, *per_language, segment] if obj else [*per_language, segment]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.status != Newsletter.Status.DRAFT else None

    def has_change_permission(self, request, obj=None):
        # An issue sent (or sending) is what the subscribers received: kept as it was.
        return super().has_change_permission(request, obj) and (obj is None or obj.status == Newsletter.Status.DRAFT)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.status == Newsletter.Status.DRAFT)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return " ".join(code.upper() for code in obj.languages())

    def get_queryset(self, request):
        # The list's "delivered" column, counted in the list's one query.
        return super().get_queryset(request).annotate(
            sent_count=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
            delivery_count=Count("deliveries"))

    @admin.display(description=_("delivered"))
    def delivered(self, obj):
        if obj.status == Newsletter.Status.DRAFT:
            return "—"
        return f"{obj.sent_count} / {obj.delivery_count}"

    @admin.display(description=_("progress"))
    def progress(self, obj):
        if obj is None or obj.status == Newsletter.Status.DRAFT:
            return _("Not sent yet.")
        counts, labels = newsletter.progress(obj), dict(Delivery.Status.choices)
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>{}: {}</li>", ((labels[status], count) for status, count in counts.items())))

    @admin.display(description=_("preview and send"))
    def actions_links(self, obj):
        if obj is None or obj.pk is None:
            return ""
        links = [(reverse("admin:outreach_newsletter_preview", args=[obj.pk, code]),
                  _("Preview in %(language)s") % {"language": LANGUAGE_NAMES[code]}) for code in LANGUAGES]
        links.append((reverse("admin:outreach_newsletter_recipients", args=[obj.pk]), _("Recipients")))
        if obj.status == Newsletter.Status.DRAFT:
            links.append((reverse("admin:outreach_newsletter_send", args=[obj.pk]), _("Send a test, then send")))
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', links))

    def get_urls(self):
        def view(method):  # the admin's sign-in, then the secretariat's own check, as for every secretariat view
            return self.admin_site.admin_view(roles.secretariat_required(method))

        return [
            path("<int:pk>/preview/<str:language>/", view(self.preview_view), name="outreach_newsletter_preview"),
            path("<int:pk>/recipients/", view(self.recipients_view), name="outreach_newsletter_recipients"),
            path("<int:pk>/send/", view(self.send_view), name="outreach_newsletter_send"),
            path("<int:pk>/test/", view(require_POST(self.test_view)), name="outreach_newsletter_test"),
            *super().get_urls(),
        ]

    def _context(self, request, issue, title, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "original": issue,
                "title": title, **extra}

    def preview_view(self, request, pk, language):
        """The issue in `language` as its subscribers would read it: as sent, or as it stands for a draft."""
        issue = get_object_or_404(Newsletter, pk=pk)
        if language not in LANGUAGES:
            language = LANGUAGES[0]
        content = issue.sent_content or newsletter_content.freeze(issue, timezone.now())
        return TemplateResponse(request, "admin/outreach/newsletter/preview.html", self._context(
            request, issue, _("Preview in %(language)s") % {"language": LANGUAGE_NAMES[language]},
            issue_content=newsletter_content.in_language(content, language), language=language,
            languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]))

    def recipients_view(self, request, pk):
        """The segment's recipients and their count: the query the sending uses (`newsletter.recipients`); once
        sending has started, the deliveries written then."""
        issue = get_object_or_404(Newsletter, pk=pk)
        if issue.status == Newsletter.Status.DRAFT:
            chosen = newsletter.recipients(issue)
            rows = list(chosen.values_list("email", "language")[:RECIPIENTS_SHOWN])
            count = chosen.count()
        else:
            chosen = issue.deliveries.select_related("subscriber").order_by("subscriber__email")
            rows = list(chosen.values_list("subscriber__email", "subscriber__language")[:RECIPIENTS_SHOWN])
            count = chosen.count()
        return TemplateResponse(request, "admin/outreach/newsletter/recipients.html", self._context(
            request, issue, _("Recipients"), rows=rows, count=count, shown=RECIPIENTS_SHOWN))

    def send_view(self, request, pk):
        """A confirmation page naming the number of recipients; its POST starts the sending."""
        issue = get_object_or_404(Newsletter, pk=pk)
        change_url = reverse("admin:outreach_newsletter_change", args=[issue.pk])
        if request.method == "POST" and request.POST.get("confirm") == "send":
            try:
                count = newsletter.start_sending(issue, request.user)
            except ValidationError as refused:
                self.message_user(request, refused.messages[0], messages.ERROR)
            else:
                self.message_user(request, ngettext(
                    "Sending to %(count)d subscriber has started; the progress is below.",
                    "Sending to %(count)d subscribers has started; the progress is below.", count) % {"count": count},
                    messages.SUCCESS)
            return redirect(change_url)
        return TemplateResponse(request, "admin/outreach/newsletter/send.html", self._context(
            request, issue, _("Send the issue"), count=newsletter.recipients(issue).count(),
            own_address=request.user.email, change_url=change_url))

    def test_view(self, request, pk):
        """Queue the test message to the secretariat member's own address (never another)."""
        issue = get_object_or_404(Newsletter, pk=pk)
        send_newsletter_test.enqueue(issue.pk, request.user.email)
        self.message_user(request, _("A test in each of the issue's languages is on its way to %(email)s.")
                          % {"email": request.user.email}, messages.SUCCESS)
        return redirect("admin:outreach_newsletter_send", pk=issue.pk)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Who is subscribed: read only. Deleting a subscriber erases them and their deliveries."""

    list_display = ["email", "status", "language", "created", "confirmed_at", "soft_bounces"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    readonly_fields = ["email", "status", "language", "topics", "actor_types", "countries", "consent_text",
                       "consented_at", "soft_bounces", "created", "confirmed_at", "unsubscribed_at"]
    exclude = ["token"]

    def has_add_permission(self, request):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Each issue's message to each subscriber: sent, refused, bounced, or unknown (a worker stopped mid-send)."""

    list_display = ["newsletter", "subscriber", "status", "sent_at", "bounce_status", "error"]
    list_filter = ["status", "newsletter"]
    search_fields = ["subscriber__email"]
    list_select_related = ["newsletter", "subscriber"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
