from django.urls import path

from . import views_authoring, views_explore, views_moderation

app_name = "commitments"
urlpatterns = [
    path("", views_explore.explore_page, name="explore"),
    path("<int:pk>/", views_explore.detail, name="detail"),
    path("new/", views_authoring.start, name="start"),
    path("new/<slug:actor_type>/", views_authoring.new, name="new"),
    path("<int:pk>/edit/", views_authoring.edit, name="edit"),
    path("<int:pk>/withdraw/", views_authoring.withdraw, name="withdraw"),
    path("<int:pk>/delete/", views_authoring.delete_draft, name="delete_draft"),
    path("smart/", views_authoring.smart_panel, name="smart"),
    path("mine/", views_authoring.mine, name="mine"),
    path("contact/<str:signed>/", views_authoring.confirm_contact, name="confirm_contact"),
    path("moderation/", views_moderation.queue, name="moderation"),
    path("<int:pk>/moderate/", views_moderation.moderate, name="moderate"),
]
