"""Stand-in for auth_api.utils.custom_sql: a view's name and its SQL text."""


class CustomSql:
    def __init__(self, name, sql):
        self.name = name
        self.sql = sql
