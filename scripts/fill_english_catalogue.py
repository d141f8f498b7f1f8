"""English is the source language of the interface strings: after `makemessages`, copy each new
msgid into its English msgstr so that the English catalogue stays complete. Run by `make messages`."""

from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main() -> None:
    with PO.open("rb") as po_file:
        catalog = read_po(po_file)
    catalog.fuzzy = False  # a fuzzy header would make the compilers skip the whole catalogue
    catalog.project, catalog.version = "APOP boutique", "1"
    catalog.locale = Locale.parse("en")  # writes the Language and Plural-Forms headers
    for message in catalog:
        if not message.id:
            continue
        # Always the source text itself: gettext's fuzzy matching may have proposed another one.
        message.string = tuple(message.id) if message.pluralizable else message.id
        message.flags.discard("fuzzy")
        message.previous_id = ()
    with PO.open("wb") as po_file:
        write_po(po_file, catalog, width=100)


if __name__ == "__main__":
    main()
