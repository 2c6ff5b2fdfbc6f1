from django.contrib import admin

from .models import (
    Consultation,
    DigestDelivery,
    DiscussionGroup,
    Flag,
    ParticipantProfile,
    Question,
    Reply,
    Theme,
    Week,
)


class WeekInline(admin.TabularInline):
    model = Week
    extra = 0


class GroupInline(admin.TabularInline):
    model = DiscussionGroup
    extra = 0
    fields = ["number", "title", "week", "hold_first_posts"]
    show_change_link = True


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_on", "closes_on", "published"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]
    filter_horizontal = ["events"]
    inlines = [WeekInline, GroupInline]


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    fields = ["number", "title"]
    show_change_link = True


@admin.register(DiscussionGroup)
class DiscussionGroupAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "consultation", "week"]
    list_filter = ["consultation"]
    filter_horizontal = ["moderators"]
    inlines = [ThemeInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "group"]
    list_filter = ["group__consultation"]
    search_fields = ["title"]
    inlines = [QuestionInline]
    exclude = ["followers"]


class FlagInline(admin.TabularInline):
    model = Flag
    extra = 0
    readonly_fields = ["reporter", "reason", "created"]


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "question", "status", "pinned", "created"]
    list_filter = ["status", "pinned", "question__theme__group__consultation"]
    search_fields = ["body", "author__email"]
    raw_id_fields = ["question", "parent", "author"]
    inlines = [FlagInline]


@admin.register(ParticipantProfile)
class ParticipantProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "actor_type", "country", "show_on_posts"]
    raw_id_fields = ["user"]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "replies", "sent_at"]
    readonly_fields = ["user", "day", "replies", "sent_at"]


admin.site.register(Question)
