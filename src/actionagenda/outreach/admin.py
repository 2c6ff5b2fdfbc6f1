"""The secretariat's editing of what the platform publishes: news and stories (with their quotes), standalone
quotes, tags, featured commitments and the FAQ. Every record has "View on site": a draft or a scheduled item
opens there as a preview only the secretariat sees."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from actionagenda.admin_defaults import HTTPS_LINKS
from actionagenda.assistant import services as assistant
from actionagenda.concurrency import VersionedAdminMixin, VersionedInlineMixin
from actionagenda.validators import multi_line, one_line

from . import newsletter_admin  # noqa: F401  (the newsletter's admin registers itself)
from .models import LANGUAGE_NAMES, LANGUAGES, FAQCategory, FAQEntry, FeaturedCommitment, NewsItem, Quote, Tag


def _languages(record) -> str:
    return " ".join(code.upper() for code in record.languages())


class QuoteInline(VersionedInlineMixin, admin.StackedInline):
    model = Quote
    fk_name = "story"
    extra = 0
    autocomplete_fields = ["actor"]
    fields = ["speaker", "actor", "text_en", "text_fr", "text_es", "role_en", "role_fr", "role_es", "published",
              "on_landing", "position"]


class PublicationFilter(admin.SimpleListFilter):
    """What a visitor sees of the item now: public, scheduled or a draft."""

    title = _("on the site")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("public", _("Public")), ("scheduled", _("Scheduled")), ("draft", _("Draft"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "public":
            return queryset.public(now)
        if self.value() == "scheduled":
            return queryset.filter(status=NewsItem.Status.PUBLISHED, publish_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=NewsItem.Status.DRAFT)
        return queryset


@admin.register(NewsItem)
class NewsItemAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["title_en", "kind", "shown", "publish_at", "languages", "has_image", "preview"]
    list_filter = [PublicationFilter, "kind", "status", "tags", ("publish_at", admin.DateFieldListFilter)]
    date_hierarchy = "publish_at"
    search_fields = ["title_en", "title_fr", "title_es", "summary_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["profiled_actor", "actors", "commitments"]
    filter_horizontal = ["tags"]
    inlines = [QuoteInline]
    actions = ["publish_now", "back_to_draft"]
    fieldsets = [
        (_("Publication"), {"fields": ["kind", "status", "publish_at", "slug", "tags"]}),
        (_("English"), {"fields": ["title_en", "summary_en", "body_en"]}),
        (_("French"), {"fields": ["title_fr", "summary_fr", "body_fr"], "classes": ["collapse"]}),
        (_("Spanish"), {"fields": ["title_es", "summary_es", "body_es"], "classes": ["collapse"]}),
        (_("Image"), {"fields": ["image", "image_alt_en", "image_alt_fr", "image_alt_es", "image_credit"]}),
        (_("Who and what it is about"), {"fields": ["profiled_actor", "actors", "commitments"]}),
    ]

    @admin.display(description=_("on the site"))
    def shown(self, obj):
        if obj.is_public:
            return _("Public")
        return _("Scheduled") if obj.is_scheduled else _("Draft")

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return _languages(obj)

    @admin.display(description=_("image"), boolean=True)
    def has_image(self, obj):
        return bool(obj.image)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(),
                           _("View") if obj.is_public else _("Preview"))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected items now"))
    def publish_now(self, request, queryset):
        count = 0
        with transaction.atomic():
            for item in queryset.select_for_update():
                item.status, item.publish_at = NewsItem.Status.PUBLISHED, min(item.publish_at, timezone.now())
                item.save()
                count += 1
        self.message_user(request, ngettext("%(count)d item is public.", "%(count)d items are public.", count)
                          % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Take the selected items back to draft"))
    def back_to_draft(self, request, queryset):
        count = 0
        with transaction.atomic():
            for item in queryset.select_for_update():
                item.status = NewsItem.Status.DRAFT
                item.save()
                count += 1
        self.message_user(request, ngettext("%(count)d item is a draft again.", "%(count)d items are drafts again.",
                                            count) % {"count": count}, messages.SUCCESS)


@admin.register(Quote)
class QuoteAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["speaker", "excerpt", "story", "actor", "published", "on_landing", "languages"]
    list_filter = ["published", "on_landing", ("story", admin.EmptyFieldListFilter)]
    list_editable = ["published", "on_landing"]
    search_fields = ["speaker", "text_en", "text_fr", "text_es"]
    autocomplete_fields = ["actor", "story"]
    fieldsets = [
        (None, {"fields": ["speaker", "actor", "story", "published", "on_landing", "position"]}),
        (_("English"), {"fields": ["text_en", "role_en"]}),
        (_("French"), {"fields": ["text_fr", "role_fr"]}),
        (_("Spanish"), {"fields": ["text_es", "role_es"]}),
    ]

    @admin.display(description=_("quote"))
    def excerpt(self, obj):
        return obj.text_en[:80] + ("…" if len(obj.text_en) > 80 else "")

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return _languages(obj)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "name_es", "slug"]
    search_fields = ["name_en", "name_fr", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(FeaturedCommitment)
class FeaturedCommitmentAdmin(admin.ModelAdmin):
    """The landing page shows the first three that are still published."""

    list_display = ["commitment", "position"]
    list_editable = ["position"]
    autocomplete_fields = ["commitment"]
    list_select_related = ["commitment"]


@admin.register(FAQCategory)
class FAQCategoryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "name_es", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name_en"]}


QUESTION_LABELS = {"en": _("Question (English)"), "fr": _("Question (French)"), "es": _("Question (Spanish)")}
ANSWER_LABELS = {"en": _("Answer (English)"), "fr": _("Answer (French)"), "es": _("Answer (Spanish)")}


def _question(language: str, required: bool = False) -> forms.CharField:
    return forms.CharField(label=QUESTION_LABELS[language], max_length=300, required=required,
                           validators=[one_line])


def _answer(language: str, required: bool = False) -> forms.CharField:
    return forms.CharField(label=ANSWER_LABELS[language], required=required, widget=forms.Textarea(attrs={"rows": 5}),
                           validators=[multi_line], help_text=_("Markdown is allowed.") if required else "")


class FAQEntryForm(forms.ModelForm):
    """An FAQ entry's question and answer in each language, written to the assistant's document
    (`assistant.services.write_faq`): the FAQ page and the assistant read the same text."""

    question_en, answer_en = _question("en", required=True), _answer("en", required=True)
    question_fr, answer_fr = _question("fr"), _answer("fr")
    question_es, answer_es = _question("es"), _answer("es")

    class Meta:
        model = FAQEntry
        fields = ["key", "faq_category", "faq_position", "faq_highlight"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        self.fields["key"].help_text = _("Made from the English question when left empty; the answer's anchor on "
                                         "the FAQ page (FAQ_SMART is /faq/#faq-smart). Never change it once "
                                         "published.")
        if self.instance.pk:
            for code in LANGUAGES:
                question, answer, shown = assistant.faq_text(self.instance, code)
                if shown == code:
                    self.initial[f"question_{code}"], self.initial[f"answer_{code}"] = question, answer

    def clean(self):
        cleaned = super().clean()
        for code in LANGUAGES[1:]:
            question, answer = cleaned.get(f"question_{code}"), cleaned.get(f"answer_{code}")
            if bool(question) != bool(answer):
                missing = f"answer_{code}" if question else f"question_{code}"
                self.add_error(missing, _("Give both the question and its answer in this language, or neither."))
        return cleaned

    def clean_key(self):
        key = self.cleaned_data.get("key") or ""
        if not key and not self.instance.pk:
            question = self.data.get(self.add_prefix(f"question_{LANGUAGES[0]}"), "")
            key = "FAQ_" + slugify(question).replace("-", "_").upper()[:56]
        if key and FAQEntry._base_manager.filter(key=key).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another document has this key."), code="unique")
        return key


@admin.register(FAQEntry)
class FAQEntryAdmin(admin.ModelAdmin):
    """The FAQ, which is also the assistant's FAQ: saving an entry re-indexes it for the assistant."""

    form = FAQEntryForm
    formfield_overrides = HTTPS_LINKS
    list_display = ["question", "faq_category", "faq_position", "faq_highlight", "languages", "index_status"]
    list_filter = ["faq_category", "faq_highlight", "index_status"]
    list_editable = ["faq_position", "faq_highlight"]
    search_fields = ["key", "title", "passages__text"]
    list_select_related = ["faq_category"]

    def get_fieldsets(self, request, obj=None):
        per_language = [(LANGUAGE_NAMES[code], {"fields": [f"question_{code}", f"answer_{code}"]})
                        for code in LANGUAGES]
        return [(None, {"fields": ["key", "faq_category", "faq_position", "faq_highlight"]}), *per_language]

    @admin.display(description=_("question"), ordering="title")
    def question(self, obj):
        return obj.title

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return " ".join(code.upper() for code in obj.languages or [])

    def save_model(self, request, obj, form, change):
        if "question_en" not in form.fields:  # the list's order and highlight columns
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        obj.publisher = obj.publisher or "SCBD"
        waiting = assistant.write_faq(obj, {code: data.get(f"question_{code}") or "" for code in LANGUAGES},
                                      {code: data.get(f"answer_{code}") or "" for code in LANGUAGES})
        if waiting:
            self.message_user(request, _("The assistant answers with this entry's new text once the worker has "
                                         "indexed it (a minute or so); the FAQ page shows it at once."))
