"""Stand-in for pytz, as boxoffice's revisions use it: timezone(name), UTC and BaseTzInfo, with pytz's localize,
on the standard library's zoneinfo."""
from zoneinfo import ZoneInfo


class BaseTzInfo(ZoneInfo):
    def localize(self, dt):
        return dt.replace(tzinfo=self)

    @property
    def zone(self):
        return self.key


UTC = utc = BaseTzInfo("UTC")


def timezone(zone):
    return BaseTzInfo(zone)
