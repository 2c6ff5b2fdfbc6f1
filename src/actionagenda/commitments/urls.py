from django.urls import path

from . import views, views_explore

app_name = "commitments"
urlpatterns = [
    path("", views_explore.explore, name="explore"),
    path("<int:pk>/", views_explore.detail, name="detail"),
    path("new/", views.start, name="start"),
    path("mine/", views.mine, name="mine"),
    path("moderation/", views.moderation_queue, name="moderation"),
]
