from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    verbose_name = "Kennisartikelen"
    name = "kennisbank.articles"
    label = "articles"
    default_auto_field = "django.db.models.BigAutoField"
