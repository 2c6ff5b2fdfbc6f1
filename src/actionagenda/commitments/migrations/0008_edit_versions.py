"""Edit versions (actionagenda.concurrency.Versioned) for commitments and KPIs.

On SQLite, Django adds a NOT NULL column by rebuilding the table, which the search triggers of 0002 on
commitments_commitment do not survive; SQLite's own ADD COLUMN with a constant default keeps them.
"""

from django.db import migrations, models


def version_field():
    return models.PositiveIntegerField(default=1, editable=False, verbose_name='version')


def add_commitment_version(apps, schema_editor):
    if schema_editor.connection.vendor == 'sqlite':
        schema_editor.execute(
            'ALTER TABLE commitments_commitment ADD COLUMN "version" integer unsigned NOT NULL DEFAULT 1 '
            'CHECK ("version" >= 0)')
    else:
        field = version_field()
        field.set_attributes_from_name('version')
        schema_editor.add_field(apps.get_model('commitments', 'Commitment'), field)


def remove_commitment_version(apps, schema_editor):
    schema_editor.execute('ALTER TABLE commitments_commitment DROP COLUMN "version"')


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0007_contact_confirmation'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name='commitment', name='version', field=version_field())],
            database_operations=[migrations.RunPython(add_commitment_version, remove_commitment_version)],
        ),
        migrations.AddField(model_name='historicalcommitment', name='version', field=version_field()),
        migrations.AddField(model_name='historicalkpi', name='version', field=version_field()),
        migrations.AddField(model_name='kpi', name='version', field=version_field()),
    ]
