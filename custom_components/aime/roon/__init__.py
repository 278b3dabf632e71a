"""A Roon Core: pairing, the bridge to its zones, plays recorded, browse and search."""
