from django.urls import path

from . import builder

app_name = "interop"
urlpatterns = [
    path("", builder.builder, name="builder"),
]
