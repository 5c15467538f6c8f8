"""Stand-in for `phage_catalogue.model`: package marker."""
