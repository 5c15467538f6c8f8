"""Stand-in for api.models.tenant.Tenant: imported by a revision, never used."""


class Tenant:
    pass
