"""Stands in for TelegramExchangeRatesBot's package `app` (the package only)."""
