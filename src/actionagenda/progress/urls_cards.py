from django.urls import path

from . import views_cards

app_name = "cards"
urlpatterns = [
    path("<int:pk>/card.svg", views_cards.card_svg, name="svg"),
    path("<int:pk>/card.png", views_cards.card_png, name="png"),
]
