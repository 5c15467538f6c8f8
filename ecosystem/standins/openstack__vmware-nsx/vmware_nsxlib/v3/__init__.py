# Stand-in for vmware_nsxlib.v3: an empty package marker.
