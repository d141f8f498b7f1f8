"""Plain values shared by the security tests."""


def profile_form(user, **changes) -> dict:
    """What the profile form (/compte/profil/) posts for `user` unchanged, with `changes`."""
    return {
        "display_name": user.display_name,
        "bio": "",
        "bio_en": "",
        "links": "",
        "language": "fr",
    } | changes
