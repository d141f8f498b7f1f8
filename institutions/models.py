"""The institutions' own records (the institution, its domains and representatives are in
accounts; institution licences are boutique records)."""
