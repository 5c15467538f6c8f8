"""Stand-in for datajunction_server, as far as its revision 8eab64955a49 imports it."""
