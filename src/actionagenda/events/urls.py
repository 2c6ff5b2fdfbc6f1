from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.upcoming, name="list"),
    path("<slug:slug>/", views.detail, name="detail"),
]
