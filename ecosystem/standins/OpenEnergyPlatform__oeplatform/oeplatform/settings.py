"""oeplatform.settings: the two schema names revision 5c098aa81e2c imports, their values in
oeplatform/securitysettings.py.default at the chain's commit (settings.py re-exports them from there)."""
SCHEMA_DEFAULT_TEST_SANDBOX = "sandbox"
SCHEMA_DATA = "data"
