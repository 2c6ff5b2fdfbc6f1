from django.core.management.base import BaseCommand

from actionagenda.accounts.services import make_secretariat


class Command(BaseCommand):
    help = "Create a secretariat account (moderation and administration rights) and print its password."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="secretariat@example.org")
        parser.add_argument("--name", default="")
        parser.add_argument("--password", help="Password to set; a random one is generated when omitted.")

    def handle(self, *args, email, name, password, **options):
        user, new_password = make_secretariat(email, password=password, name=name)
        if new_password:
            self.stdout.write(f"Secretariat account: {user.email}  password: {new_password}")
        else:
            self.stdout.write(f"{user.email} is a secretariat account (password unchanged).")
