# The email template defaults the revisions seed (CTFd/utils/email/__init__.py re-exports them from
# CTFd.constants.email; the real module imports flask).
from CTFd.constants.email import *  # noqa: F401,F403
