"""Stand-in for vmware_nsxlib.v3.nsx_constants: `SERVICE_DHCP`, the NSX service type a revision lists in an enum."""
SERVICE_DHCP = "dhcp"
