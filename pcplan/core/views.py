from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone

from pcplan.core.forms import LoginForm
from pcplan.core.http import staff_user
from pcplan.core.work import work_for


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Django's LoginView names the site after the request's host ("testserver",
        # "127.0.0.1"): the page's header and title name the service like every other page.
        context["site_name"] = settings.PCPLAN_SITE_NAME
        return context


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    work = work_for(staff_user(request), timezone.localdate())
    return render(request, "core/staff_home.html", {"work": work})


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without the request's context processors.

    They read the database and the signed-in user, and either may be what failed; the page
    needs only the service's name.
    """
    page = loader.get_template("500.html")
    return HttpResponseServerError(page.render({"site_name": settings.PCPLAN_SITE_NAME}))
