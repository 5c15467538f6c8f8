"""requests.get for 5512bb28668f, which downloads the Assemblee nationale's open-data zips of legislatures 14 and
15: the walk has no network, so each download answers an empty export of the same shape (legislature 14: one JSON
file holding an empty dossier list; 15: no json/dossierParlementaire file). The walk's dossiers table is empty."""
import io
import json
import zipfile
from types import SimpleNamespace


def get(url, *args, **kwargs):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if "Dossiers_Legislatifs_XIV" in url:
            z.writestr("Dossiers_Legislatifs_XIV.json",
                       json.dumps({"export": {"dossiersLegislatifs": {"dossier": []}}}))
    return SimpleNamespace(status_code=200, headers={"content-type": "application/zip"}, content=buf.getvalue())
