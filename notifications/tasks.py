"""The daily digest as a django-tasks job (a worker with a scheduler, or cron calling the command)."""

from django_tasks import task

from .services import send_digests


@task()
def send_daily_digest() -> int:
    return send_digests()
