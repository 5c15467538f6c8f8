"""Stand-in for `labonneboite.web.app`: revision c519ecaf1fa6 imports it only so that the Flask app is built."""
