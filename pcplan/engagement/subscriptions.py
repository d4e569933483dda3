"""Email updates for the public: sign up, confirm (double opt-in), digest, one-click unsubscribe.

No account is needed. A sign-up sends only the confirmation; nothing else is sent until the
link in it is followed and confirmed. Every digest carries an unsubscribe link (and the
List-Unsubscribe headers of RFC 2369 and RFC 8058) whose token is 256 random bits. The digest
holds only what the public pages show, read through the same `.public()` querysets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.office import current_office
from pcplan.delivery.models import Update
from pcplan.engagement.models import Consultation, Event, Finding, Subscription
from pcplan.grants.models import Award
from pcplan.panel.models import Meeting
from pcplan.plans.models import Theme


def absolute(path: str) -> str:
    return str(settings.PCPLAN_SITE_URL).rstrip("/") + path


@transaction.atomic
def sign_up(
    email: str, themes: Iterable[Theme], areas: list[str], kinds: list[str]
) -> Subscription:
    """Record (or refresh) a sign-up and send the confirmation only.

    Signing up again with a confirmed address changes its choices only after the new
    confirmation, so nobody can change another person's choices by typing their address.
    """
    subscription = Subscription.objects.filter(email__iexact=email).first()
    if subscription is None:
        subscription = Subscription.objects.create(email=email, areas=areas, kinds=kinds)
        subscription.themes.set(themes)
    elif subscription.confirmed_at is None:
        subscription.areas, subscription.kinds = areas, kinds
        subscription.save(update_fields=["areas", "kinds"])
        subscription.themes.set(themes)
    send_confirmation(subscription)
    return subscription


def send_confirmation(subscription: Subscription) -> None:
    url = absolute(reverse("engagement:subscription-confirm", args=[subscription.confirm_token]))
    office = current_office()
    body = render_to_string("engagement/email/confirm.txt", {"url": url, "office": office})
    EmailMessage(subject=_("Confirm your email updates"), body=body, to=[subscription.email]).send()


@transaction.atomic
def confirm(subscription: Subscription) -> None:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])


@transaction.atomic
def unsubscribe(subscription: Subscription) -> None:
    """Delete the sign-up and with it the address: nothing of it is kept."""
    subscription.delete()


@dataclass
class Digest:
    updates: list[Update] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.updates
            or self.meetings
            or self.consultations
            or self.findings
            or self.events
            or self.awards
        )


def digest_for(subscription: Subscription, since: dt.datetime, until: dt.datetime) -> Digest:
    """What was published between `since` and `until` in the subscriber's scope.

    Themes narrow progress updates, "You said, we did" and grants (by the themes of the
    award's fund); areas narrow findings, events and grants (a record for the whole area is
    always in scope); no choice means everything. Grants are read only through the grants
    app's `Award.objects.public()`, the register's own meaning of published.
    """
    kinds = set(subscription.kinds or [k.value for k in Subscription.Kind])
    theme_ids = list(subscription.themes.values_list("id", flat=True))
    areas = subscription.areas or []
    digest = Digest()
    if Subscription.Kind.DELIVERY in kinds:
        updates = Update.objects.public().filter(published_at__gt=since, published_at__lte=until)
        if theme_ids:
            updates = updates.filter(deliverable__theme_id__in=theme_ids)
        digest.updates = list(updates.select_related("deliverable__theme__plan"))
    if Subscription.Kind.MEETINGS in kinds:
        digest.meetings = list(
            Meeting.objects.public().filter(
                agenda_published_on__gt=since.date(), agenda_published_on__lte=until.date()
            )
        )
    if Subscription.Kind.CONSULTATIONS in kinds:
        digest.consultations = list(
            Consultation.objects.public().filter(published_at__gt=since, published_at__lte=until)
        )
        findings = Finding.objects.public().filter(published_at__gt=since, published_at__lte=until)
        if theme_ids:
            findings = findings.filter(theme_id__in=theme_ids)
        if areas:
            findings = findings.filter(area__in=[*areas, ""])
        digest.findings = list(findings.select_related("consultation"))
    if Subscription.Kind.EVENTS in kinds:
        events = Event.objects.public().filter(published_at__gt=since, published_at__lte=until)
        if areas:
            events = events.filter(area__in=[*areas, ""])
        digest.events = list(events.only("id", "title", "kind", "date", "place", "area"))
    if Subscription.Kind.GRANTS in kinds:
        awards = Award.objects.public().filter(published_at__gt=since, published_at__lte=until)
        if theme_ids:
            awards = awards.filter(fund__themes__in=theme_ids).distinct()
        if areas:
            awards = awards.filter(Q(area__isnull=True) | Q(area__name__in=areas))
        digest.awards = list(
            awards.select_related("fund", "recipient", "area").order_by("published_at", "id")
        )
    return digest


def send_digests(now: dt.datetime | None = None) -> int:
    """Send each confirmed subscriber what was published since their last digest; how many
    were sent. Unconfirmed addresses are never read here."""
    now = now or timezone.now()
    sent = 0
    office = current_office()
    for subscription in Subscription.objects.confirmed().prefetch_related("themes"):
        since = subscription.last_sent_at or subscription.confirmed_at
        if since is None:  # confirmed() leaves none out; kept for the type checker
            continue
        digest = digest_for(subscription, since, now)
        if not digest.is_empty():
            unsubscribe_url = absolute(
                reverse("engagement:unsubscribe", args=[subscription.unsubscribe_token])
            )
            body = render_to_string(
                "engagement/email/digest.txt",
                {
                    "digest": digest,
                    "office": office,
                    "unsubscribe_url": unsubscribe_url,
                    "site": absolute(""),
                },
            )
            EmailMessage(
                subject=_("Updates from %(office)s") % {"office": office.name or _("the office")},
                body=body,
                to=[subscription.email],
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            ).send()
            sent += 1
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
    return sent
