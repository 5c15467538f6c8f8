"""022d979043d0 imports this revision's table builder for its downgrade only; the walk never downgrades."""


def create_original_company_certification_table():
    raise NotImplementedError("stand-in: used by 022d979043d0's downgrade only")
