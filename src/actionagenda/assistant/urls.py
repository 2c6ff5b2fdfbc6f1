from django.urls import path

from . import views

app_name = "assistant"
urlpatterns = [
    path("", views.ask, name="ask"),
    path("summary/", views.generated_summary, name="summary"),
]
