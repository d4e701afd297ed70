"""`python -m tests.oidc_provider.serve PORT`: migrate the provider's database, create its user and
client, then serve until killed. Prints READY when it listens."""

import os
import sys
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIServer, make_server

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def prepare(env) -> None:
    call_command("migrate", verbosity=0)
    user, _ = User.objects.get_or_create(username=env["OIDC_TEST_USER"])
    user.first_name, user.last_name, user.email = "Anne", "Jansen", "a.jansen@gemeente.example"
    user.set_password(env["OIDC_TEST_PASSWORD"])
    user.save()
    user.groups.set([Group.objects.get_or_create(name=name)[0] for name in env["OIDC_TEST_GROUPS"].split(",")])
    Application.objects.update_or_create(
        client_id=env["OIDC_CLIENT_ID"],
        defaults={
            "client_secret": env["OIDC_CLIENT_SECRET"],
            "client_type": Application.CLIENT_CONFIDENTIAL,
            "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
            "redirect_uris": env["OIDC_REDIRECT_URI"],
            "algorithm": Application.RS256_ALGORITHM,
            "skip_authorization": True,
            "name": "kennisbank",
            "hash_client_secret": False,
        },
    )


def main() -> None:
    prepare(os.environ)
    server = make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), server_class=ThreadingServer)
    print("READY", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # until the test closes our stdin
    server.shutdown()


if __name__ == "__main__":
    main()
