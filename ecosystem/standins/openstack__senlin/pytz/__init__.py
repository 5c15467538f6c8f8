# pytz's utc, the one name senlin/db/sqlalchemy/types.py reads (its TZAwareDateTime)
import datetime

utc = UTC = datetime.timezone.utc
