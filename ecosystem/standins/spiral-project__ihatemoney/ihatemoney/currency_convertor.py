# ihatemoney/currency_convertor.py's CurrencyConverter.no_currency (the real module imports cachetools and requests)


class CurrencyConverter:
    no_currency = "XXX"
