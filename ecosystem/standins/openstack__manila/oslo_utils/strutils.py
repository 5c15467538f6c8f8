# oslo.utils' strutils: the two conversions the revisions use
TRUE = ("1", "t", "true", "on", "y", "yes")


def bool_from_string(subject, strict=False, default=False):
    if isinstance(subject, bool):
        return subject
    text = str(subject).strip().lower()
    return True if text in TRUE else False if text in ("0", "f", "false", "off", "n", "no") else default


def int_from_bool_as_string(subject):
    return int(bool_from_string(subject))
