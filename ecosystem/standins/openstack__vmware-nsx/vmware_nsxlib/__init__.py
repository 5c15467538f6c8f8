# Stand-in for the vmware_nsxlib package: an empty package marker.
