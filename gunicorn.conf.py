"""gunicorn settings (read from the working directory; every value can be overridden on the command line).

Sized for a 2-core server: 2 worker processes of 4 threads. Each worker loads the embedding model
after the fork (~600 MB), so memory, not CPU, limits the worker count. The access log has the path
but never the query string: a search or pasted draft in a URL must not reach a log.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle a worker now and then (memory of long-lived processes)
max_requests_jitter = 200
preload_app = False  # the model's thread pools do not survive a fork: load it in each worker
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"tijd": "%(t)s", "methode": "%(m)s", "pad": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duur_ms": %(M)s}'
)
