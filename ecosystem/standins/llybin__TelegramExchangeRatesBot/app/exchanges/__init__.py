"""Stands in for TelegramExchangeRatesBot's `app.exchanges`: the exchange classes the revisions import, with the
`name` each gives the row its revision inserts into `exchanges` (the names as the project's modules define them;
their API clients left out)."""


class BitfinexExchange:
    name = "Bitfinex"


class BittrexExchange:
    name = "[bittrex.com](https://bittrex.com/Account/Register?referralCode=YIV-CNI-13Q)"


class OpenExchangeRatesExchange:
    name = "OpenExchangeRates"


class FixerExchange:
    name = "Fixer"


class SpTodayExchange:
    name = "sp-today"


class BitkubExchange:
    name = "[bitkub.com](https://www.bitkub.com/signup?ref=64572)"


class SatangExchange:
    name = "[satang.pro](https://satang.pro/signup?referral=STZ3EEU2)"
