"""Stand-in for the CTFd package: only what CTFd's migrations import, so they run without the app."""
