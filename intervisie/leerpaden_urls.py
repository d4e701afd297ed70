"""Routes below `/leerpaden/` next to the Wagtail pages (the index and one page per path).

All routes start with the numeric id of the path, so they never shadow a path's slug."""

from django.urls import path

from intervisie import leerpaden_views as views

app_name = "leerpaden"

urlpatterns = [
    path("<int:pad>/verder/", views.verder, name="verder"),
    path("<int:pad>/stap/<int:nummer>/", views.stap, name="stap"),
    path("<int:pad>/overzicht/", views.overzicht, name="overzicht"),
]
