from django.urls import path

from . import views

app_name = "events"
# The iCal feed lives inside the language prefix (/en/events/calendar.ics) like every events page; the file's
# content does not depend on the language, so any prefix gives the same calendar.
urlpatterns = [
    path("", views.upcoming, name="list"),
    path("calendar.ics", views.calendar_feed, name="feed"),
    path("registration/<str:token>/", views.registration, name="cancel"),
    path("confirm/<str:signed>/", views.confirm, name="confirm"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/documents/<int:pk>/", views.document, name="document"),
]
