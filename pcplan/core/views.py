from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views import defaults
from django.views.decorators.http import require_POST

from pcplan.core import fragments, jobs
from pcplan.core.forms import LoginForm
from pcplan.core.htmx import partial_wanted
from pcplan.core.http import staff_user
from pcplan.core.models import BackgroundJob, User
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
    # Issue 17: the user's work is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(
        request,
        "core/staff_home.html",
        {},
        lambda: {"work": work_for(staff_user(request), timezone.localdate())},
    )


# Seconds a browser or a client of the API is asked to wait before trying again when the
# database could not be reached (a PostgreSQL restart takes a few).
RETRY_AFTER_SECONDS = 10


def _service_unavailable() -> HttpResponse:
    """The database could not be reached: "try again" (503), rendered without the request's
    context processors, which read the database."""
    page = loader.get_template("503.html")
    response = HttpResponse(page.render({"site_name": settings.PCPLAN_SITE_NAME}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _lost_database(exc: BaseException | None) -> bool:
    """Whether `exc` is, or was raised while handling, a lost or refused database connection."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 page, unless the request was refused because the database went away under it.

    Django's session middleware saves a changed session after the view; when that save fails
    because the connection was lost (PostgreSQL restarting; on SQLite a lock not released in
    time) it reports the session as deleted by a concurrent request (`SessionInterrupted`, a
    400). The request was fine and the service unavailable for a moment: 503, as
    `server_error` answers the same failure anywhere else.
    """
    if _lost_database(exception):
        return _service_unavailable()
    return defaults.bad_request(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without the request's context processors.

    They read the database and the signed-in user, and either may be what failed; the page
    needs only the service's name.

    When what failed is the database connection (the server restarting, its connections
    ended, a lock not released in time) the service is unavailable for a moment rather than
    broken: a 503 asking to try again, whether the lost connection is the exception in hand or
    one it was raised from (the rule `bad_request` applies). Django calls this while handling
    the exception, so it is the one in hand; it has already been logged as any other.
    """
    if _lost_database(sys.exc_info()[1]):
        return _service_unavailable()
    page = loader.get_template("500.html")
    return HttpResponseServerError(page.render({"site_name": settings.PCPLAN_SITE_NAME}))


def get_job_for_user(request: HttpRequest, pk: str) -> BackgroundJob:
    """The job, for the person who started it or an administrator; 404 for anyone else."""
    user = staff_user(request)
    job = get_object_or_404(BackgroundJob.objects.select_related("started_by"), pk=pk)
    if job.started_by_id != user.pk and user.role != User.Role.ADMINISTRATOR:
        raise Http404
    return job


@login_required
def job_status(request: HttpRequest, pk: str) -> HttpResponse:
    """Where a long import's page sends the person: it refreshes itself (htmx) until done.
    A job whose worker died is noticed here, and may be started again."""
    job = get_job_for_user(request, pk)
    if jobs.is_abandoned(job):
        jobs.mark_abandoned(job)
    partial = partial_wanted(request)
    template = "core/_job_status_panel.html" if partial else "core/job_status.html"
    response = render(request, template, {"job": job})
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def job_start_again(request: HttpRequest, pk: str) -> HttpResponse:
    job = get_job_for_user(request, pk)
    try:
        jobs.start_again(staff_user(request), job)
    except jobs.JobRefused as exc:
        messages.error(request, " ".join(exc.problems))
    return redirect("core:job", pk=job.pk)
