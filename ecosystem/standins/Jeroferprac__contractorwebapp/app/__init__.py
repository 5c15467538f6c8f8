"""Stand-in for the package `app` of Jeroferprac/contractorwebapp (the package only)."""
