from __future__ import annotations

from django.conf import settings
from django.db import models


class DemoSignIn(models.Model):
    """A user `pcplan demo` created. The demo resets the password of these users only: a user
    of the same name made any other way (a real administrator called "admin") is left alone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_sign_in"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.user)
