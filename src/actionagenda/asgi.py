import os

from django.core.asgi import get_asgi_application

from actionagenda import datafolder

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
application = get_asgi_application()
datafolder.require_secret_key()
