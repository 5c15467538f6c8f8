# An empty package in place of solum's: the revisions use only solum.objects.sqlalchemy.models' two column types
