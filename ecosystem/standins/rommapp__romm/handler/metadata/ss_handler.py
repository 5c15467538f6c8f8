"""Follows backend/handler/metadata/ss_handler.py at 57badfd626: SCREENSAVER_PLATFORM_LIST, a map from platform slug to
its ScreenScraper id. Empty here: 0036 runs one UPDATE per entry on the platforms table, which holds no rows in the
walk, so the entries change nothing the walk compares."""
SCREENSAVER_PLATFORM_LIST = {}
