"""Old numeric addresses below `/leerpaden/`, mounted before Wagtail's pages; they only redirect."""

from django.urls import path

from leerpaden import views

app_name = "leerpaden"

urlpatterns = [
    path("<id:pad>/verder/", views.legacy_route, {"route": "verder"}, name="legacy_verder"),
    path("<id:pad>/stap/<int:nummer>/", views.legacy_step, name="legacy_stap"),
    path("<id:pad>/overzicht/", views.legacy_route, {"route": "overzicht"}, name="legacy_overzicht"),
]
