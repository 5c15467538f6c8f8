"""Stand-in for crane-cloud's app package, as far as its root revision 605e99996497 imports it."""
