from django.urls import path

from . import views

app_name = "consultations"
urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("import/", views.import_programme, name="import"),
    path("profile/", views.profile, name="profile"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/statistics/", views.statistics, name="statistics"),
    path("<slug:slug>/moderation/", views.held_replies, name="moderation"),
    path("<slug:slug>/contributions.<str:fmt>", views.export, name="export"),
    path("<slug:slug>/themes/<int:pk>/", views.theme, name="theme"),
    path("<slug:slug>/themes/<int:pk>/follow/", views.follow, name="follow"),
    path("<slug:slug>/groups/<int:pk>/hold/", views.hold_first_posts, name="hold"),
    path("<slug:slug>/questions/<int:pk>/", views.question, name="question"),
    path("<slug:slug>/questions/<int:pk>/reply/", views.reply, name="reply"),
    path("<slug:slug>/replies/<int:pk>/edit/", views.edit_reply, name="edit"),
    path("<slug:slug>/replies/<int:pk>/moderate/", views.moderate, name="moderate"),
    path("<slug:slug>/replies/<int:pk>/flag/", views.flag, name="flag"),
]
