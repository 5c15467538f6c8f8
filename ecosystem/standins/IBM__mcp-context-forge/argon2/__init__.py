"""argon2-cffi (not installed for the harness's Python) reduced to what a706a3320c56 imports."""
