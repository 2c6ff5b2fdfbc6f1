import os

from django.core.wsgi import get_wsgi_application

from actionagenda import datafolder

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
application = get_wsgi_application()
datafolder.require_secret_key()
