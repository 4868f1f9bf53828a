"""The asset register as `assets add` takes it and as `assets list --format json` prints it."""

from .money import money


def asset_obj(a):
    """One asset as `assets add` takes it: option names without the dashes, amounts as strings."""
    o = {"code": a["code"], "name": a["name"], "category": a["category"], "location": a["location"],
         "acquired": a["acquired"].isoformat(), "cost": money(a["registered_cost"]), "account": a["account"]}
    if a["fund"]:
        o["fund"] = a["fund"]
    if a["dep"]:
        o.update({"life_months": a["life"], "residual": money(a["residual"]), "depreciation_account": a["dep"]})
        if a["expense_given"]:
            o["expense_account"] = a["expense"]
    if a["species"]:
        o.update({"species": a["species"], "head": a["head"]})
    if a["opening_months"]:
        o.update({"opening_depreciation": money(a["opening_depreciation"]), "opening_months": a["opening_months"]})
    if a["paid_from"]:
        o["paid_from"] = a["paid_from"]
    if a["attachments"] is not None:
        o["attachments"] = a["attachments"]
    return o


def asset_register_obj(a):
    """The register at the end of the year, as `assets list --format json` prints it."""
    return {"code": a["code"], "name": a["name"], "category": a["category"], "location": a["location"],
            "acquired": a["acquired"].isoformat(), "cost": money(a["cost"]), "fund": a["fund"],
            "life_months": a["life"] if a["dep"] else 0, "residual": money(a["residual"]), "account": a["account"],
            "depreciation_account": a["dep"], "expense_account": a["expense"] if a["dep"] else None,
            "depreciated": money(a["depreciated"]), "months": a["months"], "book_value": money(a["cost"] - a["depreciated"]),
            "species": a["species"], "head": a["head_now"] if a["species"] else None, "status": "active", "disposed": None,
            "nominal": False}
