from django.db import migrations, models


class Migration(migrations.Migration):
    """The index on `updated`, declared in Commitment.Meta; databases migrated before kept the one 0002 made in raw
    SQL under a name Meta cannot carry (longer than 30 characters), dropped here so that only one remains."""

    dependencies = [
        ('commitments', '0004_refuse_control_characters'),
    ]

    operations = [
        migrations.RunSQL("DROP INDEX IF EXISTS commitments_commitment_updated_idx", migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name='commitment',
            index=models.Index(fields=['updated'], name='commitments_updated_8f849b_idx'),
        ),
    ]
