from django.urls import path

from intervisie import views

app_name = "intervisie"

urlpatterns = [
    path("", views.index, name="index"),
    path("plannen/", views.plan, name="plan"),
    path("methoden/", views.methods, name="methods"),
    path("methoden/<slug:slug>/", views.method_detail, name="method"),
    path("overeenstemming/", views.trend, name="trend"),
    path("werkafspraken/<id:pk>/voorstellen/", views.propose, name="propose"),
    path("werkafspraken/<id:pk>/publiceren/", views.publish, name="publish"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/wijzigen/", views.edit, name="edit"),
    path("<id:pk>/voorbereiding/", views.preparation, name="preparation"),
    path("<id:pk>/oordeel/", views.judge, name="judge"),
    path("<id:pk>/starten/", views.open_round, name="open"),
    path("<id:pk>/onthullen/", views.reveal, name="reveal"),
    path("<id:pk>/verslag/", views.save_record, name="record"),
    path("<id:pk>/werkafspraken/", views.add_werkafspraak, name="add_werkafspraak"),
    path("<id:pk>/afsluiten/", views.close, name="close"),
    path("<id:pk>/rapport/", views.report, name="report"),
]
