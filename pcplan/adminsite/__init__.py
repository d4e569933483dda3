"""Django's admin, its `admin.py` modules found when the URLconf is read, not at start-up.

Django's own AdminConfig imports every app's `admin.py` (and with them the admin's forms,
django-axes' and django-otp's admin) as the apps load: a tenth of a second of every `pcplan`
command that never shows the admin (issue 16). Named in INSTALLED_APPS instead of
`django.contrib.admin`; the app is the same (label `admin`, its models and migrations).
"""
