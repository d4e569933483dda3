"""Many published deliverables and updates, written with bulk_create, for the benchmarks that
read the issue 14 size ("10,000 deliverables and 100,000 updates"): the search benchmark and
`page_throughput.py --api --bulk`.

Call `build()` with Django set up on the database to fill. It adds its own issued plan, theme
and lead organisation (keys beginning "bench"), so it can go beside the demo. The search index
follows the rows through its triggers, as it follows any other write.
"""

from __future__ import annotations

import datetime as dt

WORDS = ["partners", "victims", "training", "funding", "patrols", "review", "housing", "youth"]


def build(deliverables: int = 10_000, updates_each: int = 10) -> None:
    from pcplan.core.models import Organisation
    from pcplan.core.pagecache import public_pages_changed
    from pcplan.delivery.models import Deliverable, Update
    from pcplan.plans.lifecycle import PlanStatus
    from pcplan.plans.models import Plan, Theme

    plan = Plan.objects.create(
        key="bench",
        title="Benchmark plan",
        area="Benchmark area",
        status=PlanStatus.ISSUED,
        starts_on=dt.date(2021, 4, 1),
        ends_on=dt.date(2025, 3, 31),
    )
    theme = Theme.objects.create(plan=plan, key="t", position=1, title="Theme", aim="Aim")
    lead = Organisation.objects.create(key="bench-lead", name="Benchmark lead organisation")
    Deliverable.objects.bulk_create(
        (
            Deliverable(
                theme=theme,
                key=f"d-{n}",
                title=f"Deliverable {n} on {WORDS[n % len(WORDS)]}",
                purpose=f"Work with {WORDS[(n + 3) % len(WORDS)]} across the area.",
                lead=lead,
                added_on=dt.date(2021, 4, 1),
                is_published=True,
            )
            for n in range(deliverables)
        ),
        batch_size=2000,
    )
    ids = list(Deliverable.objects.filter(theme=theme).values_list("pk", flat=True))
    start = dt.date(2021, 4, 1)
    Update.objects.bulk_create(
        (
            Update(
                deliverable_id=ids[n % len(ids)],
                date=start + dt.timedelta(days=n % 1400),
                text=(
                    f"Progress note {n}: met {WORDS[n % len(WORDS)]} and "
                    f"{WORDS[(n * 7) % len(WORDS)]}; next steps agreed."
                    + (" Zanzibar pilot." if n % 5000 == 0 else "")
                ),
                is_published=True,
            )
            for n in range(len(ids) * updates_each)
        ),
        batch_size=5000,
    )
    # bulk_create sends no signals: say the public pages changed, as raw writes must.
    public_pages_changed()
