from django.urls import path

from . import views

app_name = "stats"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("<slug:slug>.csv", views.statistics_csv, name="csv"),
]
