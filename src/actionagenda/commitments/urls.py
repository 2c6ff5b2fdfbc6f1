from django.urls import path

from . import views

app_name = "commitments"
urlpatterns = [
    path("", views.explore, name="explore"),
    path("<int:pk>/", views.detail, name="detail"),
    path("new/", views.start, name="start"),
    path("mine/", views.mine, name="mine"),
    path("moderation/", views.moderation_queue, name="moderation"),
]
