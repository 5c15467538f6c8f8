"""Stand-in: the celery task a revision schedules after creating data_source_metadata (no-op here)."""


class _Task:
    def delay(self, *args, **kwargs):
        pass


metadata_prefetch_daily_scheduler = _Task()
