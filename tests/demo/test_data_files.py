"""The demo's data files (demo/data/*.yaml): they parse, hold what the demo shows, and give French
and English side by side wherever a text is shown in both languages."""

import pytest

from demo import loader

RECORDS = [
    ("accounts", lambda data: data["accounts"], 2),
    ("members", lambda data: data, 3),
    ("resources", lambda data: data, 96),
    ("collections", lambda data: data, 3),
    ("reviews", lambda data: data, 5),
    ("pages", lambda data: data["pages"], 4),
]


@pytest.mark.parametrize(("name", "records", "count"), RECORDS)
def test_every_data_file_parses_with_all_its_records(name, records, count):
    data = loader.read(name)

    assert len(records(data)) == count


def test_every_record_has_a_unique_key():
    for name in ("members", "resources", "collections"):
        keys = [record["key"] for record in loader.read(name)]

        assert len(set(keys)) == len(keys), name


def test_members_have_a_french_and_an_english_biography():
    bios = [(m["bio_fr"].strip(), m["bio_en"].strip()) for m in loader.read("members")]

    assert [all(pair) for pair in bios] == [True] * 3


def test_collections_have_a_french_and_an_english_title_and_introduction():
    texts = [
        (c["title"].strip(), c["title_en"].strip(), c["intro_fr"].strip(), c["intro_en"].strip())
        for c in loader.read("collections")
    ]

    assert [all(fields) for fields in texts] == [True] * 3
    assert [title_en for _title, title_en, _fr, _en in texts] == [
        "First term in Science",
        "Digital competency in general education",
        "Getting ready for Nursing internships",
    ]


def test_the_home_page_has_its_texts_in_both_languages():
    home, _pages = loader.read_pages()

    assert all(home[field].strip() for field in ("title", "title_en", "intro", "intro_en"))


def test_editorial_pages_have_every_text_in_both_languages_block_for_block():
    _home, pages = loader.read_pages()

    for page in pages:
        assert all(page[f].strip() for f in ("title", "title_en", "intro", "intro_en")), page["key"]
        french = [kind for kind, _value in page["body"]]
        english = [kind for kind, _value in page["body_en"]]
        assert french == english, page["key"]
        assert len(french) >= 4, page["key"]


def test_page_bodies_are_read_as_streamfield_pairs():
    _home, pages = loader.read_pages()
    about = next(page for page in pages if page["key"] == "about_page")

    assert about["body"][0] == ("heading", "Notre mission")
    assert about["body_en"][0] == ("heading", "Our mission")


def test_account_roles_are_given_in_french_and_english():
    roles = [spec["role"] for spec in loader.read("accounts")["accounts"]]

    assert [role.count(" / ") for role in roles] == [1, 1]


def test_an_unreadable_file_names_itself(tmp_path):
    (tmp_path / "members.yaml").write_text("- key: [unclosed\n", encoding="utf-8")

    with pytest.raises(loader.DemoDataError, match="members.yaml"):
        loader.read("members", tmp_path)
