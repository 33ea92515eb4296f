import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()
# What Django and the project loaded lives as long as the process: the collector need not
# look through it again. Its full collections of those 93,000 objects, every thousand
# requests or so, cost an article page 17 µs of its 45 µs of collecting (of 1.1 ms).
gc.freeze()
