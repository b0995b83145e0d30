import pytest
from django.core.exceptions import ValidationError

from ambitionsgraf.lib.orgnr import luhn_check_digit, normalise


def test_check_digit_of_a_known_municipality():
    assert luhn_check_digit("212000014") == 2


@pytest.mark.parametrize("raw", ["212000-0142", "2120000142", " 212000-0142 "])
def test_valid_numbers_are_written_with_a_dash(raw):
    assert normalise(raw) == "212000-0142"


@pytest.mark.parametrize(
    "raw, code",
    [
        ("212000-0143", "check_digit"),
        ("21200-0142", "shape"),
        ("abc", "shape"),
        ("", "shape"),
        ("191212-1212", "personal"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(raw, code):
    with pytest.raises(ValidationError) as error:
        normalise(raw)
    assert error.value.code == code
