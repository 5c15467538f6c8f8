# Stand-in for vmware_nsx.common: an empty package marker.
