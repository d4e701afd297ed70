"""Following a thema, and the notifications a publication in it produces."""

from django.conf import settings
from django.db import models

from casuistry.choices import Regeling


class Follow(models.Model):
    """A user follows a thema, optionally only for one regeling."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="follows", on_delete=models.CASCADE)
    thema = models.ForeignKey(
        "casuistry.Thema", verbose_name="thema", related_name="followers", on_delete=models.CASCADE
    )
    regeling = models.CharField("regeling", max_length=20, choices=Regeling.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["thema__name", "regeling"]
        constraints = [models.UniqueConstraint(fields=["user", "thema", "regeling"], name="one_follow_per_thema")]
        verbose_name = "gevolgd thema"
        verbose_name_plural = "gevolgde thema's"

    def __str__(self):
        return f"{self.thema}{f' ({self.regeling})' if self.regeling else ''}"


class Notification(models.Model):
    """A published casus or werkafspraak in a thema the user follows: shown in the app, and once in
    the daily e-mail digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="notifications", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", related_name="+", on_delete=models.CASCADE)
    thema = models.ForeignKey("casuistry.Thema", related_name="+", on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="one_notification_per_page")]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]
        verbose_name = "melding"
        verbose_name_plural = "meldingen"

    def __str__(self):
        return f"melding {self.pk} voor gebruiker {self.user_id}"
