from packit_service.events import github  # noqa: F401
