"""`money` writes a sum as `floatformat:"2g"` does, in every language (issue 17)."""

from __future__ import annotations

from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.translation import override
from hypothesis import given
from hypothesis import strategies as st

from pcplan.core.templatetags.money import money

sums = st.one_of(
    st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False),
    st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False),
    st.integers(min_value=-(10**12), max_value=10**12),
)


@given(sums)
def test_a_sum_reads_as_floatformat_writes_it(value):
    assert money(value) == floatformat(value, "2g")


@given(sums)
def test_a_sum_reads_as_floatformat_writes_it_in_a_language_grouping_otherwise(value):
    with override("de"):
        assert money(value) == floatformat(value, "2g")


def test_no_sum_and_odd_values_read_as_floatformat_writes_them():
    odd = (None, "", "12.5", 3.25, True, Decimal("-0.00"), Decimal("0.005"), Decimal("NaN"))
    for value in (*odd, Decimal("Infinity"), Decimal("1e40"), 10**40):
        assert money(value) == floatformat(value, "2g"), value


def test_grouped_in_thousands_with_two_places():
    assert money(Decimal("1234567.5")) == "1,234,567.50"
