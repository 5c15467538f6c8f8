"""Stand-in for the keylime package: the revisions `import keylime` and name keylime.db.registrar_db and
keylime.db.verifier_db through it."""
import keylime.db.registrar_db  # noqa: F401
import keylime.db.verifier_db  # noqa: F401
