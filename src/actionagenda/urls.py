from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from actionagenda import uploads
from actionagenda.accounts import views as accounts_views
from actionagenda.interop import opendata_views, robots, sitemaps
from actionagenda.interop.api import api
from actionagenda.outreach.views import favicon, news_image

# django-allauth answers its own rate limits with the URLconf's handler429 when there is one.
handler429 = "actionagenda.accounts.adapter.rate_limited"

urlpatterns = [
    path("api/v1/", api.urls),
    path("favicon.ico", favicon),
    # A news item's image: one address whatever the page's language (browsers cache it once).
    path("images/news/<int:pk>/<str:name>", news_image, name="news_image"),
    # The embeddable components as pages other sites may frame (their language is a parameter, like lang=).
    path("embed/frame/", include("actionagenda.interop.frame_urls")),
    path("robots.txt", robots.robots_txt, name="robots"),
    path("open-data/commitments.schema.json", opendata_views.schema, name="open_data_schema"),
    path("open-data/<str:name>", opendata_views.download, name="open_data_file"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap-section"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Stored uploads (the links of the admin's file fields), always as downloads: never django.views.static.
    path("media/<path:path>", uploads.stored, name="upload"),
]

urlpatterns += i18n_patterns(
    path("", include("actionagenda.outreach.urls")),
    path("accounts/profile/", accounts_views.profile, name="account_profile"),
    path("accounts/tokens/", accounts_views.api_tokens, name="account_api_tokens"),
    path("accounts/tokens/<int:pk>/revoke/", accounts_views.revoke_api_token, name="account_revoke_api_token"),
    path("accounts/", include("allauth.urls")),
    path("commitments/", include("actionagenda.commitments.urls")),
    path("statistics/", include("actionagenda.stats.urls")),
    path("open-data/", opendata_views.open_data, name="open_data"),
    path("commitments/", include("actionagenda.progress.urls_cards")),
    path("surveys/", include("actionagenda.progress.survey_urls")),
    path("commitments/", include("actionagenda.progress.urls")),
    path("events/", include("actionagenda.events.urls")),
    path("ask/", include("actionagenda.assistant.urls")),
    path("consultations/", include("actionagenda.consultations.urls")),
    path("embed/", include("actionagenda.interop.urls")),
    path("feeds/", include("actionagenda.interop.feed_urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

