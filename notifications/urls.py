from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.meldingen, name="meldingen"),
    path("volgen/", views.volgen, name="volgen"),
    path("ontvolgen/<int:follow_id>/", views.ontvolgen, name="ontvolgen"),
    path("thema/<slug:slug>.atom", views.ThemaFeed(), name="thema_feed"),
]
