from django.urls import path

from . import feeds

app_name = "feeds"
urlpatterns = [
    path("commitments.rss", feeds.NewCommitmentsRss(), name="commitments_rss"),
    path("commitments.atom", feeds.NewCommitmentsAtom(), name="commitments_atom"),
    path("news.rss", feeds.NewsRss(), name="news_rss"),
    path("news.atom", feeds.NewsAtom(), name="news_atom"),
]
