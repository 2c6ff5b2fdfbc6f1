"""The cache every process shares when no Redis is configured: Django's database cache, with an atomic incr.

Django's DatabaseCache increments by reading the value and writing it back, so two processes counting the same
rate-limit hit at once both write the same number. Here the read locks the row (PostgreSQL's SELECT ... FOR
UPDATE) or the database (SQLite's immediate transactions, see settings.DATABASES) until the new value is
written. Its table is created after every migrate (`create_tables`), so the embedded run, the demo and the
tests need no extra step.
"""

import base64
import pickle

from django.core.cache.backends import db
from django.core.management import call_command
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote = connection.ops.quote_name
        table, value_column, key_column = quote(self._table), quote("value"), quote("cache_key")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0))
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(f"SELECT {value_column} FROM {table} WHERE {key_column} = %s AND {quote('expires')} > %s"
                           f"{lock}", [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s", [encoded, key])
        return value


def create_tables(using="default", verbosity=0, **kwargs):
    """post_migrate: create the tables of the database caches (createcachetable skips existing ones)."""
    call_command("createcachetable", database=using, verbosity=verbosity)
