from django.urls import path

from . import views, views_explore, views_moderation

app_name = "commitments"
urlpatterns = [
    path("", views_explore.explore, name="explore"),
    path("<int:pk>/", views_explore.detail, name="detail"),
    path("new/", views.start, name="start"),
    path("mine/", views.mine, name="mine"),
    path("moderation/", views_moderation.queue, name="moderation"),
    path("<int:pk>/moderate/", views_moderation.moderate, name="moderate"),
]
