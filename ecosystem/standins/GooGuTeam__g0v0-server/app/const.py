"""app/const.py at 94341dd804, the one name a revision imports (2b1d99b84fbe binds it as a parameter)."""
BANCHOBOT_ID = 2
