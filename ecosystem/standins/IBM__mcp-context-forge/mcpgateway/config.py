"""mcpgateway.config reduced to the settings its revisions read, at their defaults (mcpgateway/config.py at
ecba50e482; no environment overrides them on the walk)."""


class SecretStr:
    """pydantic's SecretStr, as far as the revisions use it."""

    def __init__(self, value):
        self._value = value

    def get_secret_value(self):
        return self._value


class Settings:
    auth_encryption_secret = SecretStr("__REPLACE_ME__run_init-secrets_before_starting")
    platform_admin_email = "admin@example.com"
    default_admin_role = "platform_admin"
    default_user_role = "platform_viewer"
    default_team_owner_role = "team_admin"
    default_team_member_role = "viewer"
    gateway_tool_name_separator = "-"


settings = Settings()
