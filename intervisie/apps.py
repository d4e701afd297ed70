from django.apps import AppConfig


class IntervisieConfig(AppConfig):
    name = "intervisie"
    verbose_name = "Intervisie en leerpaden"
    default_auto_field = "django.db.models.BigAutoField"
