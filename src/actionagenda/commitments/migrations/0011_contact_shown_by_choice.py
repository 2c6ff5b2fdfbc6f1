"""Contact details are shown publicly only when the authors tick "show publicly": every existing commitment
starts private (its authors never agreed to publication).

On SQLite the column is added with SQLite's own ADD COLUMN (as in 0008): Django's table rebuild would drop the
search triggers of 0002 on commitments_commitment.
"""

from django.db import migrations, models


def contact_public_field():
    return models.BooleanField(
        default=False, help_text="Unticked, only the commitment's authors and the secretariat see them.",
        verbose_name='show the contact name and e-mail address on the public page')


def add_contact_public(apps, schema_editor):
    if schema_editor.connection.vendor == 'sqlite':
        schema_editor.execute(
            'ALTER TABLE commitments_commitment ADD COLUMN "contact_public" bool NOT NULL DEFAULT 0')
    else:
        field = contact_public_field()
        field.set_attributes_from_name('contact_public')
        schema_editor.add_field(apps.get_model('commitments', 'Commitment'), field)


def remove_contact_public(apps, schema_editor):
    schema_editor.execute('ALTER TABLE commitments_commitment DROP COLUMN "contact_public"')


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0010_history_reasons_in_full'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name='commitment', name='contact_public',
                                                  field=contact_public_field())],
            database_operations=[migrations.RunPython(add_contact_public, remove_contact_public)],
        ),
        migrations.AddField(model_name='historicalcommitment', name='contact_public', field=contact_public_field()),
    ]
