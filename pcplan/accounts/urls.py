from django.urls import path

from pcplan.accounts.views import footer, passwords, people, two_factor

app_name = "accounts"

urlpatterns = [
    path("account/", people.your_account, name="account"),
    path("account/password/", passwords.PasswordChangeView.as_view(), name="password-change"),
    path("account/password/reset/", passwords.PasswordResetView.as_view(), name="password-reset"),
    path(
        "account/password/reset/sent/",
        passwords.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "account/password/reset/<uidb64>/<token>/",
        passwords.PasswordSetView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "account/invitation/<uidb64>/<token>/",
        passwords.InvitationView.as_view(),
        name="invitation",
    ),
    path("account/password/saved/", passwords.PasswordSetDoneView.as_view(), name="password-set"),
    path("account/two-factor/set-up/", two_factor.set_up, name="two-factor-set-up"),
    path("account/two-factor/", two_factor.verify, name="two-factor-verify"),
    path("staff/people/", people.people, name="people"),
    path("staff/people/invite/", people.invite, name="invite"),
    path(
        "staff/people/invitations/<int:pk>/send-again/",
        people.resend_invitation,
        name="invitation-resend",
    ),
    path("privacy/", footer.privacy, name="privacy"),
    path("accessibility/", footer.accessibility, name="accessibility"),
    path("cookies/", footer.cookies, name="cookies"),
    path("report-a-problem/", footer.report_a_problem, name="report-a-problem"),
]
