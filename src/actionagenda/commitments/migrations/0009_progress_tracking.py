"""Progress tracking: the reporting cadence of a commitment; direction, cumulation, tolerance and weight of KPIs.

On SQLite, Django adds a NOT NULL column by rebuilding the table, which the search triggers of 0002 on
commitments_commitment do not survive; SQLite's own ADD COLUMN with a constant default keeps them (as in 0008).
"""

import django.core.validators
from decimal import Decimal
from django.db import migrations, models


def cadence_field():
    return models.CharField(choices=[('quarterly', 'Quarterly'), ('half_yearly', 'Half-yearly'), ('yearly', 'Yearly')], default='quarterly', help_text='How often you will report progress once published.', max_length=12, verbose_name='reporting cadence')


def add_commitment_cadence(apps, schema_editor):
    if schema_editor.connection.vendor == 'sqlite':
        schema_editor.execute(
            "ALTER TABLE commitments_commitment ADD COLUMN \"reporting_cadence\" varchar(12) NOT NULL "
            "DEFAULT 'quarterly'")
    else:
        field = cadence_field()
        field.set_attributes_from_name('reporting_cadence')
        schema_editor.add_field(apps.get_model('commitments', 'Commitment'), field)


def remove_commitment_cadence(apps, schema_editor):
    schema_editor.execute('ALTER TABLE commitments_commitment DROP COLUMN "reporting_cadence"')


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0008_edit_versions'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name='commitment', name='reporting_cadence',
                                                  field=cadence_field())],
            database_operations=[migrations.RunPython(add_commitment_cadence, remove_commitment_cadence)],
        ),
        migrations.AddField(
            model_name='historicalcommitment',
            name='reporting_cadence',
            field=models.CharField(choices=[('quarterly', 'Quarterly'), ('half_yearly', 'Half-yearly'), ('yearly', 'Yearly')], default='quarterly', help_text='How often you will report progress once published.', max_length=12, verbose_name='reporting cadence'),
        ),
        migrations.AddField(
            model_name='historicalkpi',
            name='cumulative',
            field=models.BooleanField(default=False, help_text='Tick when each reading is the amount of its period (people trained this quarter), not the level reached.', verbose_name='readings add up'),
        ),
        migrations.AddField(
            model_name='historicalkpi',
            name='direction',
            field=models.CharField(blank=True, choices=[('increase', 'Increase'), ('decrease', 'Decrease'), ('maintain', 'Maintain')], help_text='Leave empty to derive it from the baseline and the target.', max_length=8, verbose_name='direction'),
        ),
        migrations.AddField(
            model_name='historicalkpi',
            name='tolerance',
            field=models.DecimalField(decimal_places=4, default=0, help_text='For a value to maintain: how far from the target a reading may be and still count as on track.', max_digits=16, validators=[django.core.validators.MinValueValidator(0)], verbose_name='tolerance'),
        ),
        migrations.AddField(
            model_name='historicalkpi',
            name='weight',
            field=models.DecimalField(decimal_places=2, default=1, help_text='Its share in the overall progress, relative to the other KPIs.', max_digits=6, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='weight'),
        ),
        migrations.AddField(
            model_name='kpi',
            name='cumulative',
            field=models.BooleanField(default=False, help_text='Tick when each reading is the amount of its period (people trained this quarter), not the level reached.', verbose_name='readings add up'),
        ),
        migrations.AddField(
            model_name='kpi',
            name='direction',
            field=models.CharField(blank=True, choices=[('increase', 'Increase'), ('decrease', 'Decrease'), ('maintain', 'Maintain')], help_text='Leave empty to derive it from the baseline and the target.', max_length=8, verbose_name='direction'),
        ),
        migrations.AddField(
            model_name='kpi',
            name='tolerance',
            field=models.DecimalField(decimal_places=4, default=0, help_text='For a value to maintain: how far from the target a reading may be and still count as on track.', max_digits=16, validators=[django.core.validators.MinValueValidator(0)], verbose_name='tolerance'),
        ),
        migrations.AddField(
            model_name='kpi',
            name='weight',
            field=models.DecimalField(decimal_places=2, default=1, help_text='Its share in the overall progress, relative to the other KPIs.', max_digits=6, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='weight'),
        ),
        migrations.AlterField(
            model_name='commitment',
            name='phase',
            field=models.CharField(choices=[('planning', 'Planning'), ('development', 'Development'), ('implementation', 'Implementation'), ('evaluation', 'Evaluation'), ('completed', 'Completed'), ('discontinued', 'Discontinued')], default='planning', max_length=16, verbose_name='phase'),
        ),
        migrations.AlterField(
            model_name='historicalcommitment',
            name='phase',
            field=models.CharField(choices=[('planning', 'Planning'), ('development', 'Development'), ('implementation', 'Implementation'), ('evaluation', 'Evaluation'), ('completed', 'Completed'), ('discontinued', 'Discontinued')], default='planning', max_length=16, verbose_name='phase'),
        ),
    ]
