"""Stand-in for the package `werkzeug` (the package only), which Mahant0046/Heart-Disease-Predictor's revisions import
for `werkzeug.security.generate_password_hash`; Debian 12's python3 has no werkzeug."""
