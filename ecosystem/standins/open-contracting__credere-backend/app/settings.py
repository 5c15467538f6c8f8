"""Stand-in for credere-backend's app/settings.py, as far as its root revision uses it: app_settings.database_url,
whose default there is a local PostgreSQL URL; the revision makes an engine of it at import and never connects."""


class _Settings:
    database_url = "postgresql:///credere_backend?application_name=credere_backend"


app_settings = _Settings()
