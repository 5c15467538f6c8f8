from datetime import datetime


def get_current_financial_year_start_year():
    now = datetime.now()
    return now.year if (now.month, now.day) >= (4, 1) else now.year - 1


def get_month_start_and_end_date_in_utc(month_year):
    raise NotImplementedError("only reached for monthly_billing rows an empty database lacks")
