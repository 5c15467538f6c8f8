"""app.models.business's enums (values as at 94ff988588)."""
from enum import Enum


class TransportType(str, Enum):
    TRM = "Marchandises"
    TRV = "Voyageurs"


class BusinessType(str, Enum):
    LONG_DISTANCE = "Longue distance"
    SHORT_DISTANCE = "Courte distance"
    SHIPPING = "Messagerie, Fonds et valeur"
    FREQUENT = "Lignes régulières"
    INFREQUENT = "Occasionnels"
    TAXI_GENERAL = "Taxi général"
    TAXI_REGULATED = "Taxi conventionné"
    VTC = "VTC"
    LOTI = "LOTI"
