"""Target audiences in the authors' own words (the write API keeps them as partners send them).

On SQLite the column is added with SQLite's own ADD COLUMN (as in 0008 and 0011): Django's table rebuild would
drop the search triggers of 0002 on commitments_commitment.
"""

import actionagenda.validators
from django.db import migrations, models


def audiences_as_written_field():
    return models.TextField(
        blank=True, help_text='In your own words, one per line. A line naming one of the audiences above ticks it too.',
        validators=[actionagenda.validators.multi_line], verbose_name='other target audiences')


def add_audiences_as_written(apps, schema_editor):
    if schema_editor.connection.vendor == 'sqlite':
        schema_editor.execute(
            "ALTER TABLE commitments_commitment ADD COLUMN \"audiences_as_written\" text NOT NULL DEFAULT ''")
    else:
        field = audiences_as_written_field()
        field.set_attributes_from_name('audiences_as_written')
        schema_editor.add_field(apps.get_model('commitments', 'Commitment'), field)


def remove_audiences_as_written(apps, schema_editor):
    schema_editor.execute('ALTER TABLE commitments_commitment DROP COLUMN "audiences_as_written"')


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0015_bch_references'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name='commitment', name='audiences_as_written',
                                                  field=audiences_as_written_field())],
            database_operations=[migrations.RunPython(add_audiences_as_written, remove_audiences_as_written)],
        ),
        migrations.AddField(model_name='historicalcommitment', name='audiences_as_written',
                            field=audiences_as_written_field()),
    ]
