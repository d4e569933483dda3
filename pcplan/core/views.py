from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pcplan.core.forms import LoginForm
from pcplan.plans.models import Plan


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    plans = Plan.objects.all()
    return render(request, "core/staff_home.html", {"plans": plans})
