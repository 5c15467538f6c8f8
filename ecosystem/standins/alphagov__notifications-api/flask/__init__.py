"""Stand-in for flask's current_app as notifications-api's revisions read it: the config keys they name, with
the values of app/config.py (Config, Development) at 8ea236603c."""


class _App:
    config = {
        "NOTIFY_SERVICE_ID": "d6aa2c68-a2d9-4437-ab19-3ae8eb202553",
        "NOTIFY_USER_ID": "6af522d0-2915-4e52-83a3-3690455a5fe6",
        "NOTIFY_EMAIL_DOMAIN": "notify.tools",
        "NOTIFY_INTERNATIONAL_SMS_SENDER": "07984404008",
    }


current_app = _App()
