"""No public name made from an e-mail address (issue 16.4).

Individuals' actors used to be named after the local part of their e-mail address ("amina") when the account
had no name, and partner accounts made by `issue_api_token` were named with the whole address. An actor whose
name is an address or the local part of one of its members' addresses takes its member's own name when they gave
one, else none ("Anonymous participant", until they name themselves on the form); its history rows too. Account
names that are an address are emptied. An actor's name may now be empty (an anonymous individual).
"""

import actionagenda.validators
from django.db import migrations, models


def derived_from(name: str, emails: list[str]) -> bool:
    name = name.strip().lower()
    return bool(name) and any(name in (email.lower(), email.lower().split("@")[0]) for email in emails)


def forget_names_made_from_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Actor = apps.get_model("accounts", "Actor")
    HistoricalActor = apps.get_model("accounts", "HistoricalActor")
    for user in User.objects.exclude(name=""):
        if derived_from(user.name, [user.email]):
            User.objects.filter(pk=user.pk).update(name="")
    for actor in Actor.objects.filter(kind="individual").exclude(name="").prefetch_related("members"):
        members = list(actor.members.order_by("pk"))
        if not derived_from(actor.name, [member.email for member in members]):
            continue
        own = next((member.name for member in members
                    if member.name and not derived_from(member.name, [member.email])), "")
        HistoricalActor.objects.filter(id=actor.pk, name=actor.name).update(name=own)
        Actor.objects.filter(pk=actor.pk).update(name=own)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_refuse_control_characters'),
    ]

    operations = [
        migrations.AlterField(
            model_name='actor',
            name='name',
            field=models.CharField(blank=True, max_length=200, validators=[actionagenda.validators.one_line], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='historicalactor',
            name='name',
            field=models.CharField(blank=True, max_length=200, validators=[actionagenda.validators.one_line], verbose_name='name'),
        ),
        migrations.RunPython(forget_names_made_from_addresses, migrations.RunPython.noop),
    ]
