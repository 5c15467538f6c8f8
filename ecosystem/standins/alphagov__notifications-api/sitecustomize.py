"""notifications-api's revisions read NOTIFY_ENVIRONMENT at import; a developer's local run sets it to
development (the project's environment file), which picks the Development config's values below."""
import os

os.environ.setdefault("NOTIFY_ENVIRONMENT", "development")
