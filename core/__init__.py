"""Small helpers every app shares (language, money and date formats, e-mail, safe redirects).
It imports no app of the project: it is the bottom layer (README, Architecture)."""
