"""Sign up for email updates, confirm, unsubscribe: public, no account, CSRF-protected forms.

Links in emails open a page with a button (a POST): mail scanners that fetch links do not
confirm or unsubscribe anyone. The unsubscribe URL also accepts the one-click POST of
RFC 8058 from mail clients, which carries no CSRF token.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt

from pcplan.accounts.abuse import refuse_abuse
from pcplan.core.http import posted
from pcplan.engagement import subscriptions
from pcplan.engagement.forms import SubscriptionForm
from pcplan.engagement.models import Subscription


def subscribe(request: HttpRequest) -> HttpResponse:
    # Each sign-up sends an email: a flood would make pcplan a mail cannon (issue 15 item 6).
    if refusal := refuse_abuse(request, "engagement-subscribe"):
        return refusal
    form = SubscriptionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subscriptions.sign_up(data["email"], data["themes"], data["areas"], data["kinds"])
        return redirect("engagement:subscription-sent")
    status = 400 if form.is_bound else 200
    return render(request, "engagement/subscribe.html", {"form": form}, status=status)


def subscription_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "engagement/subscription_message.html", {"message": "sent"})


def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = get_object_or_404(Subscription, confirm_token=token)
    if request.method == "POST":
        subscriptions.confirm(subscription)
        return render(request, "engagement/subscription_message.html", {"message": "confirmed"})
    return render(request, "engagement/subscription_button.html", {"action": "confirm"})


@csrf_exempt  # RFC 8058 one-click: the token in the URL is the proof, and it only removes
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = get_object_or_404(Subscription, unsubscribe_token=token)
    if request.method == "POST":
        subscriptions.unsubscribe(subscription)
        return render(request, "engagement/subscription_message.html", {"message": "unsubscribed"})
    return render(request, "engagement/subscription_button.html", {"action": "unsubscribe"})
