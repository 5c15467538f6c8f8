"""Stand-in for networking_cisco.plugins.cisco.extensions.ha: the one constant a revision reads (the project's module
imports neutron_lib's API extension machinery)."""

MIN_REDUNDANCY_LEVEL = 1
