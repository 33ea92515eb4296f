"""gunicorn settings for Newsroom: `gunicorn -c gunicorn.conf.py newsroom.wsgi`.

Every value can be changed from the environment without editing this file.
"""

import multiprocessing
import os
import secrets

# One release for this server's workers: they share the cached fragments (articles/fragments).
os.environ.setdefault("RELEASE", secrets.token_hex(8))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages are rendered by Python: two workers per core, one thread each, as threads of one
# worker queue for its interpreter lock (docs/performance.md); gthread keeps idle keep-alive
# connections off the thread.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so a slow leak can never grow without bound. Not too often:
# a worker's start costs about a second of CPU, and at 2,000 requests a busy two-core
# server (over 1,000 cached pages a second) was restarting one every two seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50000))
max_requests_jitter = 5000
# Django writes one structured line per request itself.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (for gunicornc) defaults to one path per user, which every
# instance on the machine would share: off, unless this instance is given a path of its own.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
