from django.core.management.base import BaseCommand

from actionagenda.accounts.erasure import erase_person


class Command(BaseCommand):
    help = ("Erase what the platform holds about the owner of an e-mail address: the account (its replies stay as "
            "a deleted participant), event registrations, and the address as a commitment contact, history "
            "included.")

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        erased = erase_person(email)
        self.stdout.write(", ".join(f"{kind}: {count}" for kind, count in erased.items()))
