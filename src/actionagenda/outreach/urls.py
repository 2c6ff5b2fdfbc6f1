from django.urls import path

from . import newsletter_views, views

app_name = "outreach"
urlpatterns = [
    path("", views.landing_page, name="landing"),
    path("news/", views.news_list, name="news"),
    path("news/<slug:slug>/", views.news_item, name="news_item"),
    path("faq/", views.faq_page, name="faq"),
    path("actors/<int:pk>/", views.actor_profile, name="actor"),
    path("newsletter/", newsletter_views.archive, name="newsletter_archive"),
    path("newsletter/<int:pk>/", newsletter_views.issue, name="newsletter_issue"),
    path("newsletter/subscribe/", newsletter_views.signup, name="newsletter_signup"),
    path("newsletter/confirm/<str:signed>/", newsletter_views.confirm, name="newsletter_confirm"),
    path("newsletter/preferences/<str:token>/", newsletter_views.preferences, name="newsletter_preferences"),
    path("newsletter/unsubscribe/<str:token>/", newsletter_views.unsubscribe, name="newsletter_unsubscribe"),
]
