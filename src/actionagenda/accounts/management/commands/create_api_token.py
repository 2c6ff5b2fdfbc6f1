from django.core.management.base import BaseCommand, CommandError

from actionagenda.accounts.models import ApiToken, User
from actionagenda.accounts.services import issue_api_token


class Command(BaseCommand):
    help = "Issue an API bearer token for an account; the token is the last word printed."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="E-mail address of the account.")
        parser.add_argument("--create", action="store_true", help="Create a partner account when missing.")
        parser.add_argument("--name", default="", help="A name for the token (for example the partner platform).")
        parser.add_argument("--scope", choices=ApiToken.Scope.values, default=ApiToken.Scope.WRITE,
                            help="read: reads the account's unpublished commitments too; write (the default): also "
                                 "makes, changes and withdraws its commitments and files progress reports.")

    def handle(self, *args, user, create, name, scope, **options):
        try:
            raw = issue_api_token(user, create=create, name=name, scope=scope)
        except User.DoesNotExist as error:
            raise CommandError(f"{error} Add --create to create a partner account.") from error
        self.stdout.write(f"API token ({scope}) for {user.strip().lower()}: {raw}")
