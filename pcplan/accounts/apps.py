from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pcplan.accounts"
    label = "accounts"
    verbose_name = "Accounts and sign-in"

    def ready(self) -> None:
        from pcplan.accounts import signals  # noqa: F401 - connects the sign-in receivers
