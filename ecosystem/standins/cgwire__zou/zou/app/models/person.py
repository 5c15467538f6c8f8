"""Stand-in: the choice lists of zou.app.models.person the revisions import."""
ROLE_TYPES = [("user", "Artist"), ("admin", "Studio Manager"), ("supervisor", "Supervisor"),
              ("manager", "Production Manager"), ("client", "Client"), ("vendor", "Vendor")]
POSITION_TYPES = [("supervisor", "Supervisor"), ("lead", "Lead"), ("artist", "Artist")]
SENIORITY_TYPES = [("senior", "Senior"), ("mid", "Mid"), ("junior", "Junior")]
