"""`make load`: 50 concurrent users for 2 minutes against gunicorn with production settings (locust).

Loopback only. The stack is the local production trial (kennisbank/serve.py: gunicorn, production
settings over HTTP on 127.0.0.1) on its own embedded database (`.pgdata-load`) with the demo content,
embedded for semantic search. Journeys: log in, search the casus index (typed words and filters),
open a casus with its similar casus, global search, besluit voorbereiden with a pasted draft, the
monitor. Prints requests, failures and p50/p95 per step as a table for docs/performance.md.

    .venv/bin/python bench/load.py [--users 50] [--seconds 120]
"""

from gevent import monkey

monkey.patch_all()  # locust needs it before anything opens a socket

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
import requests  # noqa: E402
from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
QUERIES = ["gift van ouders", "vriend blijft slapen", "huurachterstand", "zwart werk schoonmaak", "auto op naam",
           "hennep", "studiefinanciering DUO", "spaargeld buitenland", "verkoop marktplaats", "huisbezoek geweigerd"]
DRAFT = (
    "Mevrouw B. ontvangt bijstand en heeft een bijbaan in de thuiszorg van enkele uren per week die zij niet "
    "heeft doorgegeven. Het Inlichtingenbureau meldt loon over drie maanden. Zij zegt dat zij dacht dat de "
    "werkgever dit zelf aan de gemeente doorgaf en dat het om kleine bedragen ging. Zij heeft schulden en "
    "twee kinderen. Wat is een passende afdoening?"
)


def manage(*args, env):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def prepare(env: dict) -> None:
    """Demo content and vectors in the load database (idempotent; reindex skips what is current)."""
    dev = {**env, "DJANGO_SETTINGS_MODULE": "kennisbank.settings.dev", "KENNISBANK_WARM_UP": "0"}
    dev.pop("DATABASE_URL", None)
    manage("migrate", "--noinput", "--verbosity", "0", env=dev)
    manage("load_demo", env=dev)
    manage("reindex_casus", env=dev)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)  # production serves hashed files


def start_server(env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "kennisbank.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--access-logfile", "/dev/null"],
        env=env, cwd=ROOT,
    )
    for _ in range(120):  # the workers load the model after the fork
        try:
            if requests.get(f"{BASE}/health/ready/", timeout=2).status_code == 200:
                return server
        except requests.RequestException:  # not listening yet, or busy loading the model
            pass
        time.sleep(1)
    server.terminate()
    raise SystemExit("gunicorn werd niet gereed binnen 2 minuten")


class Consulent(HttpUser):
    host = BASE
    wait_time = between(1, 3)

    def on_start(self):
        self.client.get("/accounts/login/", name="inloggen")
        self.client.post(
            "/accounts/login/",
            {"username": "consulent", "password": "demo-consulent", "csrfmiddlewaretoken": self._csrf()},
            headers={"Referer": f"{BASE}/accounts/login/"},
            name="inloggen",
        )

    def _csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    @task(4)
    def search(self):
        self.client.get("/casus/", params={"q": random.choice(QUERIES)}, name="casus zoeken")

    @task(2)
    def search_filtered(self):
        self.client.get("/casus/", params={"q": random.choice(QUERIES), "uitkomst": "waarschuwing"},
                        name="casus zoeken + filter")

    @task(3)
    def casus_page(self):
        slug = f"demo-{random.randint(1, 60):03d}"
        self.client.get(f"/casus/{slug}/", name="casuspagina")

    @task(1)
    def global_search(self):
        self.client.get("/zoeken/", params={"q": random.choice(QUERIES)}, name="zoeken")

    @task(1)
    def besluit_voorbereiden(self):
        self.client.get("/besluit-voorbereiden/", name="besluit voorbereiden")
        self.client.post(
            "/besluit-voorbereiden/",
            {"situatie": DRAFT, "csrfmiddlewaretoken": self._csrf()},
            headers={"Referer": f"{BASE}/besluit-voorbereiden/"},
            name="besluit voorbereiden (concept)",
        )

    @task(1)
    def monitor(self):
        self.client.get("/monitor/", name="monitor")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()

    os.environ.setdefault("KENNISBANK_PGDATA", str(ROOT / ".pgdata-load"))
    sys.path.insert(0, str(ROOT))
    from kennisbank.serve import trial_environment

    env = trial_environment()
    prepare(env)
    server = start_server(env)
    try:
        environment = Environment(user_classes=[Consulent])
        runner = environment.create_local_runner()
        runner.start(args.users, spawn_rate=10)
        gevent.sleep(args.seconds)
        runner.quit()
        report(environment.stats, args)
        return 1 if environment.stats.total.num_failures else 0
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(stats, args) -> None:
    print(f"\n{args.users} gebruikers, {args.seconds} s, gunicorn (productie-instellingen) op 127.0.0.1; "
          f"load {os.getloadavg()[0]:.2f}")
    print("| stap | verzoeken | fouten | p50 ms | p95 ms |")
    print("|---|---|---|---|---|")
    rows = sorted(stats.entries.values(), key=lambda e: e.name) + [stats.total]
    for entry in rows:
        name = "totaal" if entry is stats.total else f"{entry.method} {entry.name}"
        print(f"| {name} | {entry.num_requests} | {entry.num_failures} | "
              f"{entry.get_response_time_percentile(0.5):.0f} | {entry.get_response_time_percentile(0.95):.0f} |")


if __name__ == "__main__":
    sys.exit(main())
