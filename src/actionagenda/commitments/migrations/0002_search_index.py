"""Full-text search kept current by the database itself, whoever saves a commitment or renames an actor.

SQLite: an FTS5 table `commitments_search` (rowid = commitment id; accents folded by the unicode61 tokenizer).
PostgreSQL: a table `commitments_search` (commitment id, tsvector) with a GIN index, the text folded by
`commitments_fold` (lower case, and unaccent when the extension can be created).
Triggers on commitments_commitment (insert, update of the searched columns, delete) and on accounts_actor
(rename) maintain both; callers never have to call anything. Searched text: title, description, partners and
the actor's name. Model state is unchanged (these are database objects only). `accounts.models.Actor` says what
these triggers need of its table.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS commitments_search USING fts5(
        title, body, actor, tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS commitments_search_ai AFTER INSERT ON commitments_commitment BEGIN
        INSERT INTO commitments_search(rowid, title, body, actor) VALUES (
            new.id, new.title, coalesce(new.description, '') || ' ' || coalesce(new.partners, ''),
            (SELECT name FROM accounts_actor WHERE id = new.actor_id));
    END""",
    """CREATE TRIGGER IF NOT EXISTS commitments_search_au
        AFTER UPDATE OF title, description, partners, actor_id ON commitments_commitment BEGIN
        DELETE FROM commitments_search WHERE rowid = old.id;
        INSERT INTO commitments_search(rowid, title, body, actor) VALUES (
            new.id, new.title, coalesce(new.description, '') || ' ' || coalesce(new.partners, ''),
            (SELECT name FROM accounts_actor WHERE id = new.actor_id));
    END""",
    """CREATE TRIGGER IF NOT EXISTS commitments_search_ad AFTER DELETE ON commitments_commitment BEGIN
        DELETE FROM commitments_search WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS commitments_search_actor_au AFTER UPDATE OF name ON accounts_actor BEGIN
        UPDATE commitments_search SET actor = new.name
         WHERE rowid IN (SELECT id FROM commitments_commitment WHERE actor_id = new.id);
    END""",
    """INSERT INTO commitments_search(rowid, title, body, actor)
        SELECT c.id, c.title, coalesce(c.description, '') || ' ' || coalesce(c.partners, ''), a.name
          FROM commitments_commitment c JOIN accounts_actor a ON a.id = c.actor_id""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS commitments_search_actor_au",
    "DROP TRIGGER IF EXISTS commitments_search_ad",
    "DROP TRIGGER IF EXISTS commitments_search_au",
    "DROP TRIGGER IF EXISTS commitments_search_ai",
    "DROP TABLE IF EXISTS commitments_search",
]

POSTGRES_FORWARD = [
    """DO $do$
    BEGIN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'unaccent is not available: search will not fold accents';
        END;
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
            EXECUTE $f$CREATE OR REPLACE FUNCTION commitments_fold(t text) RETURNS text
                LANGUAGE sql STABLE AS $b$ SELECT lower(unaccent(coalesce(t, ''))) $b$$f$;
        ELSE
            EXECUTE $f$CREATE OR REPLACE FUNCTION commitments_fold(t text) RETURNS text
                LANGUAGE sql IMMUTABLE AS $b$ SELECT lower(coalesce(t, '')) $b$$f$;
        END IF;
    END
    $do$""",
    """CREATE TABLE IF NOT EXISTS commitments_search (
        commitment_id bigint PRIMARY KEY,
        document tsvector NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS commitments_search_document_idx ON commitments_search USING gin (document)",
    """CREATE OR REPLACE FUNCTION commitments_search_document(c_title text, c_description text,
            c_partners text, c_actor_id bigint) RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT setweight(to_tsvector('simple', commitments_fold(c_title)), 'A')
            || to_tsvector('simple', commitments_fold(c_description || ' ' || c_partners))
            || setweight(to_tsvector('simple', commitments_fold(
                   (SELECT name FROM accounts_actor WHERE id = c_actor_id))), 'B')
    $$""",
    """CREATE OR REPLACE FUNCTION commitments_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO commitments_search (commitment_id, document)
        VALUES (NEW.id, commitments_search_document(NEW.title, NEW.description, NEW.partners, NEW.actor_id))
        ON CONFLICT (commitment_id) DO UPDATE SET document = EXCLUDED.document;
        RETURN NULL;
    END
    $$""",
    "DROP TRIGGER IF EXISTS commitments_search_write ON commitments_commitment",
    """CREATE TRIGGER commitments_search_write
        AFTER INSERT OR UPDATE OF title, description, partners, actor_id ON commitments_commitment
        FOR EACH ROW EXECUTE FUNCTION commitments_search_refresh()""",
    # No foreign key (Django's flush truncates commitments_commitment alone): deletes and truncates follow here.
    """CREATE OR REPLACE FUNCTION commitments_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            TRUNCATE commitments_search;
        ELSE
            DELETE FROM commitments_search WHERE commitment_id = OLD.id;
        END IF;
        RETURN NULL;
    END
    $$""",
    "DROP TRIGGER IF EXISTS commitments_search_delete ON commitments_commitment",
    """CREATE TRIGGER commitments_search_delete AFTER DELETE ON commitments_commitment
        FOR EACH ROW EXECUTE FUNCTION commitments_search_forget()""",
    "DROP TRIGGER IF EXISTS commitments_search_truncate ON commitments_commitment",
    """CREATE TRIGGER commitments_search_truncate AFTER TRUNCATE ON commitments_commitment
        FOR EACH STATEMENT EXECUTE FUNCTION commitments_search_forget()""",
    """CREATE OR REPLACE FUNCTION commitments_search_actor_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name THEN
            UPDATE commitments_search s
               SET document = commitments_search_document(c.title, c.description, c.partners, c.actor_id)
              FROM commitments_commitment c
             WHERE c.actor_id = NEW.id AND s.commitment_id = c.id;
        END IF;
        RETURN NULL;
    END
    $$""",
    "DROP TRIGGER IF EXISTS commitments_search_actor ON accounts_actor",
    """CREATE TRIGGER commitments_search_actor AFTER UPDATE OF name ON accounts_actor
        FOR EACH ROW EXECUTE FUNCTION commitments_search_actor_renamed()""",
    """INSERT INTO commitments_search (commitment_id, document)
        SELECT id, commitments_search_document(title, description, partners, actor_id)
          FROM commitments_commitment ON CONFLICT DO NOTHING""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS commitments_search_truncate ON commitments_commitment",
    "DROP TRIGGER IF EXISTS commitments_search_delete ON commitments_commitment",
    "DROP FUNCTION IF EXISTS commitments_search_forget()",
    "DROP TRIGGER IF EXISTS commitments_search_actor ON accounts_actor",
    "DROP TRIGGER IF EXISTS commitments_search_write ON commitments_commitment",
    "DROP FUNCTION IF EXISTS commitments_search_actor_renamed()",
    "DROP FUNCTION IF EXISTS commitments_search_refresh()",
    "DROP TABLE IF EXISTS commitments_search",
    "DROP FUNCTION IF EXISTS commitments_search_document(text, text, text, bigint)",
    "DROP FUNCTION IF EXISTS commitments_fold(text)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            schema_editor.execute(statement, params=None)
    return run


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("commitments", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
                             _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD})),
    ]
