"""Plain values the members' tests share."""

DELETE_URL = "/fr/compte/confidentialite/supprimer/"
