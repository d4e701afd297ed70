from django.urls import path

from intervisie import views

app_name = "intervisie"

urlpatterns = [
    path("", views.index, name="index"),
    path("plannen/", views.plan, name="plan"),
    path("methoden/", views.methods, name="methods"),
    path("methoden/<slug:slug>/", views.method_detail, name="method"),
    path("overeenstemming/", views.trend, name="trend"),
    path("werkafspraken/<int:pk>/voorstellen/", views.propose, name="propose"),
    path("werkafspraken/<int:pk>/publiceren/", views.publish, name="publish"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.edit, name="edit"),
    path("<int:pk>/voorbereiding/", views.preparation, name="preparation"),
    path("<int:pk>/oordeel/", views.judge, name="judge"),
    path("<int:pk>/starten/", views.open_round, name="open"),
    path("<int:pk>/onthullen/", views.reveal, name="reveal"),
    path("<int:pk>/verslag/", views.save_record, name="record"),
    path("<int:pk>/werkafspraken/", views.add_werkafspraak, name="add_werkafspraak"),
    path("<int:pk>/afsluiten/", views.close, name="close"),
    path("<int:pk>/rapport/", views.report, name="report"),
]
