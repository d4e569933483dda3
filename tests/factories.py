from __future__ import annotations

import datetime as dt

import factory

from pcplan.core.models import Organisation, User
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.partnerships.models import Body, BodyKind, Membership, MembershipRole
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, Theme


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.OTHER


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    role = User.Role.CONTRIBUTOR
    password = factory.django.Password("a-long-test-password")


class PlanFactory(factory.django.DjangoModelFactory[Plan]):
    class Meta:
        model = Plan

    key = factory.Sequence(lambda n: f"plan-{n}")
    title = factory.Sequence(lambda n: f"Police and Crime Plan {n}")
    area = "Cambridgeshire and Peterborough"
    commissioner = "The Commissioner"
    elected_on = dt.date(2021, 5, 6)
    starts_on = dt.date(2021, 4, 1)
    ends_on = dt.date(2024, 3, 31)
    status = PlanStatus.ISSUED


class ThemeFactory(factory.django.DjangoModelFactory[Theme]):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    key = factory.Sequence(lambda n: f"theme-{n}")
    title = factory.Sequence(lambda n: f"Theme {n}")
    aim = "We will do good things."
    position = factory.Sequence(lambda n: n)


class DeliverableFactory(factory.django.DjangoModelFactory[Deliverable]):
    class Meta:
        model = Deliverable

    theme = factory.SubFactory(ThemeFactory)
    key = factory.Sequence(lambda n: f"deliverable-{n}")
    title = factory.Sequence(lambda n: f"Deliverable {n}")
    status = Status.IN_PROGRESS
    added_on = dt.date(2021, 11, 29)
    is_published = True


class UpdateFactory(factory.django.DjangoModelFactory[Update]):
    class Meta:
        model = Update

    deliverable = factory.SubFactory(DeliverableFactory)
    date = dt.date(2023, 3, 15)
    text = factory.Sequence(lambda n: f"Progress note {n}.")
    is_published = True


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body

    key = factory.Sequence(lambda n: f"body-{n}")
    name = factory.Sequence(lambda n: f"Board {n}")
    kind = BodyKind.STRATEGIC_BOARD
    is_published = True
    meetings_public = True


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person = factory.Sequence(lambda n: f"Person {n}")
    role = MembershipRole.MEMBER
    starts_on = dt.date(2021, 5, 13)
