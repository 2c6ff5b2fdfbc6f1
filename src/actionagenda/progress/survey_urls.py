from django.urls import path

from . import survey_views

app_name = "surveys"
urlpatterns = [
    path("commitment/<int:pk>/new/", survey_views.survey_new, name="new"),
    path("<int:pk>/", survey_views.survey_detail, name="detail"),
    path("<int:pk>/edit/", survey_views.survey_edit, name="edit"),
    path("<int:pk>/rounds/new/", survey_views.round_new, name="round_new"),
]
