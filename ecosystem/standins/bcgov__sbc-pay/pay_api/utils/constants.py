"""Stand-in for pay_api.utils.constants: the constant the revisions read, with pay_api's value."""
TAX_CLASSIFICATION_GST = "GST"
