# ihatemoney/models.py's BillType (the real module imports flask, flask_sqlalchemy and sqlalchemy_continuum)
from enum import Enum


class BillType(Enum):
    EXPENSE = "Expense"
    REIMBURSEMENT = "Reimbursement"
