# Stand-in for the vmware_nsx package: an empty package marker (the project's own __init__ patches eventlet through neutron).
