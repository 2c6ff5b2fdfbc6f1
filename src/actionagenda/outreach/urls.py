from django.urls import path

from . import views

app_name = "outreach"
urlpatterns = [
    path("", views.landing_page, name="landing"),
    path("news/", views.news_list, name="news"),
    path("news/<slug:slug>/", views.news_item, name="news_item"),
    path("faq/", views.faq_page, name="faq"),
    path("actors/<int:pk>/", views.actor_profile, name="actor"),
]
