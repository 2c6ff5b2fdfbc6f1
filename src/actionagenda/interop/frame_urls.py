from django.urls import path

from . import frames

app_name = "frames"
urlpatterns = [
    path("commitments/", frames.commitments, name="commitments"),
    path("commitments/<int:pk>/", frames.commitment, name="commitment"),
    path("statistics/", frames.statistics, name="statistics"),
    path("categories/", frames.categories, name="categories"),
]
