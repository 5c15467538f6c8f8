"""Stand-in for the package `app.core` of Jeroferprac/contractorwebapp (the package only)."""
