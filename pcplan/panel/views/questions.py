"""Public questions and statements: the form, its receipt, and the secretariat's decision."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.accounts.abuse import refuse_abuse
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.panel import services
from pcplan.panel.forms import (
    DecisionForm,
    PublicSubmissionForm,
)
from pcplan.panel.models import (
    PublicSubmission,
)
from pcplan.panel.views.access import (
    get_meeting_for_user,
    get_submission_for_user,
)


def submit_question(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if not meeting.body.is_panel:
        raise Http404(_("Only the Panel takes public questions"))
    if not meeting.questions_open(timezone.localdate()):
        # A link kept from before the meeting deserves an answer, not a "page not found".
        return render(request, "panel/questions_closed.html", {"meeting": meeting})
    if refusal := refuse_abuse(request, "panel-question"):
        return refusal
    form = PublicSubmissionForm(posted(request))
    holder: dict[str, PublicSubmission] = {}

    def save() -> None:
        holder["s"] = services.submit_public(meeting, **form.cleaned_data)

    def done() -> str:
        s = holder["s"]
        return reverse("panel:question-received", args=[meeting.pk, s.pk]) + f"?r={receipt(s)}"

    return edit_form(
        request,
        form,
        save,
        template="panel/question_form.html",
        context={"meeting": meeting},
        success_url=done,
        success_message=_("We have received your submission"),
    )


def receipt(submission: PublicSubmission) -> str:
    """A signed token that only the person who has just submitted holds."""
    return signing.dumps(submission.pk, salt="panel-question-receipt")


def question_received(request: HttpRequest, pk: int, submission_pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    submission = get_object_or_404(PublicSubmission, pk=submission_pk, meeting=meeting)
    try:
        signed_pk = signing.loads(request.GET.get("r", ""), salt="panel-question-receipt")
    except signing.BadSignature:
        raise Http404(_("No such submission")) from None
    if signed_pk != submission.pk:
        raise Http404(_("No such submission"))
    return render(
        request, "panel/question_received.html", {"meeting": meeting, "submission": submission}
    )


@login_required
def submission_decide(request: HttpRequest, pk: int) -> HttpResponse:
    # Signed in, then a 404 rather than a 403 for anyone but the secretariat: a submission's
    # existence is private too.
    submission = get_submission_for_user(request, pk)
    form = DecisionForm(posted(request), initial={"version": submission.version})
    user = staff_user(request)

    def save() -> None:
        services.decide_submission(
            user,
            submission,
            accept=form.cleaned_data["decision"] == "accept",
            reason=form.cleaned_data["reason"],
            version=form.served_version,
        )

    return edit_form(
        request,
        form,
        save,
        template="panel/decide_form.html",
        context={
            "submission": submission,
            "back_url": reverse("panel:staff-meeting", args=[submission.meeting_id]),
        },
        success_url=reverse("panel:staff-meeting", args=[submission.meeting_id]),
        success_message=_("%(kind)s from %(name)s decided")
        % {"kind": submission.get_kind_display(), "name": submission.name},
    )
