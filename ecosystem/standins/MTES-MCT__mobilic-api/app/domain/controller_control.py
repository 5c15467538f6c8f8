"""app.domain.controller_control: 096862334173 calls it once per controller_control row; the walk has none."""


def get_no_lic_observed_infractions(control_date, business_id=None):
    raise NotImplementedError("stand-in: the walk has no controller_control rows")
