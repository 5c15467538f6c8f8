"""Stand-ins for the CodeChecker modules its revisions import; what they do is reached only for rows (products,
reports, source components) that an empty database lacks."""
