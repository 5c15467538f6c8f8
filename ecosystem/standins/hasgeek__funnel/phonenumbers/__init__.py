"""Stand-in for phonenumbers, imported by revision 63c44675b6cd, whose loop over phone rows a walk from an empty
database does not enter: every call raises."""


class PhoneNumberType:
    MOBILE = 1
    FIXED_LINE_OR_MOBILE = 2


class PhoneNumberFormat:
    E164 = 0


def _absent(*args, **kwargs):
    raise NotImplementedError("phonenumbers is not reproduced by the stand-in")


parse = format_number = is_valid_number = number_type = _absent
