"""Stand-in for neutron_lib.plugins.constants: the service plugin names the project's constants module reads."""
GROUP_POLICY = "GROUP_POLICY"
SERVICECHAIN = "SERVICECHAIN"
