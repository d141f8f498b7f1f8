"""The text of generated resources: titles, summaries, descriptions and keywords in French or
English, built from each discipline's topics (benchmarks/data/topics.yaml, hand-written), the
course titles and discipline names of resources/data/, and generic phrases of teaching material.

Everything is drawn from the `random.Random` given, so the same seed writes the same catalogue.
A catalogue of 100,000 resources needs text that varies as a real one does (relevance, index
size): some 40 title templates × 10 topics per discipline × modifiers × courses give each
discipline thousands of distinct titles, and descriptions combine 3 to 6 of 24 sentences."""

import csv
import html
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TAXONOMY_DATA = HERE.parent / "resources" / "data"
ARTICLE = re.compile(r"^(le |la |les |l'|the )", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    phrase: str  # « les dérivées », « Newton's laws »: what sentences say
    keyword: str  # « dérivées »: what keywords (tags) and searches use


@dataclass(frozen=True)
class Discipline:
    code: str
    name: dict[str, str]  # language → name
    topics: dict[str, list[Topic]]  # language → topics
    courses: list[tuple[str, dict[str, str]]]  # (number, language → title)
    family: str


@dataclass(frozen=True)
class ResourceText:
    title: str
    summary: str
    description: str  # rich text (paragraphs)
    tags: list[str]


def _topic(phrase: str) -> Topic:
    return Topic(phrase, ARTICLE.sub("", phrase).lower())


@lru_cache(maxsize=1)
def disciplines() -> dict[str, Discipline]:
    """Every discipline of resources/data/disciplines_collegiales.csv with its vocabulary."""
    topics = yaml.safe_load((HERE / "data" / "topics.yaml").read_text(encoding="utf-8"))
    courses: dict[str, list] = {}
    with (TAXONOMY_DATA / "cours.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            titles = {"fr": row["title_fr"], "en": row["title_en"] or row["title_fr"]}
            courses.setdefault(row["discipline"], []).append((row["number"], titles))
    found = {}
    with (TAXONOMY_DATA / "disciplines_collegiales.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["code"]
            found[code] = Discipline(
                code=code,
                name={"fr": row["name_fr"], "en": row["name_en"]},
                topics={lang: [_topic(p) for p in topics[code][lang]] for lang in ("fr", "en")},
                courses=courses.get(code, []),
                family=row["family"],
            )
    return found


# --- French grammar: « à » and « de » before an article ----------------------------------------


def _with(preposition: str, phrase: str) -> str:
    """« à » + « les dérivées » → « aux dérivées »; « de » + « le roman » → « du roman »."""
    contracted = {
        "à": {"le ": "au ", "les ": "aux "},
        "de": {"le ": "du ", "les ": "des "},
    }[preposition]
    for article, replacement in contracted.items():
        if phrase.startswith(article):
            return replacement + phrase[len(article) :]
    if preposition == "de" and phrase[:1].lower() in "aeiouéèêàâîôûh":
        return "d'" + phrase
    return f"{preposition} {phrase}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- Words of teaching material, per resource type (resources/data/types_ressources.csv) --------

KINDS = {
    "notes-de-cours": (
        ["Notes de cours", "Aide-mémoire", "Synthèse", "Résumé de cours"],
        ["Course notes", "Cheat sheet", "Summary", "Lecture notes"],
    ),
    "exercices": (
        ["Exercices", "Série d'exercices", "Problèmes", "Exercices corrigés"],
        ["Exercises", "Problem set", "Practice problems", "Worked exercises"],
    ),
    "scenario": (
        ["Scénario pédagogique", "Séquence d'enseignement", "Plan de leçon"],
        ["Learning scenario", "Teaching sequence", "Lesson plan"],
    ),
    "activite": (
        ["Activité d'apprentissage", "Atelier", "Activité en classe"],
        ["Learning activity", "Workshop", "Classroom activity"],
    ),
    "evaluation": (
        ["Examen", "Quiz", "Évaluation sommative", "Examen de mi-session"],
        ["Exam", "Quiz", "Summative assessment", "Midterm exam"],
    ),
    "grille": (
        ["Grille d'évaluation", "Grille d'observation", "Barème de correction"],
        ["Rubric", "Observation checklist", "Marking scheme"],
    ),
    "presentation": (["Présentation", "Diaporama", "Diapositives"], ["Slides", "Slide deck"]),
    "video": (["Capsule vidéo", "Vidéo explicative"], ["Video", "Explainer video"]),
    "balado": (["Balado", "Épisode de balado"], ["Podcast", "Podcast episode"]),
    "laboratoire": (
        ["Laboratoire", "Protocole de laboratoire", "Travail pratique"],
        ["Lab", "Lab protocol", "Practical work"],
    ),
    "etude-de-cas": (["Étude de cas", "Mise en situation"], ["Case study", "Scenario study"]),
    "simulation": (["Jeu de rôle", "Simulation", "Jeu sérieux"], ["Role play", "Simulation"]),
    "manuel": (["Manuel", "Chapitre de manuel", "Recueil de textes"], ["Textbook", "Reader"]),
    "interactif": (
        ["Activité H5P", "Questionnaire interactif"],
        ["H5P activity", "Interactive quiz"],
    ),
    "guide": (["Guide", "Tutoriel", "Guide pas à pas"], ["Guide", "Tutorial", "How-to guide"]),
}

TITLES = {
    "fr": [
        "{Kind} sur {topic}",
        "{Kind} : {topic}",
        "{Topic} : {kind}",
        "{Topic} — {kind} {modifier}",
        "Introduction {a_topic}",
        "Comprendre {topic}",
        "{Kind} sur {topic} et {topic2}",
        "{Course} : {kind} sur {topic}",
        "{Topic} en {n} étapes",
        "{Kind} {modifier} : {topic}",
        "De {topic} à {topic2}",
        "{Topic} par l'exemple",
        "{Kind} — {discipline}, {topic}",
        "Réviser {topic} avant l'examen",
        "{Topic} et {topic2} : {kind}",
    ],
    "en": [
        "{Kind} on {topic}",
        "{Kind}: {topic}",
        "{Topic}: {kind}",
        "{Topic} — {kind} {modifier}",
        "Introduction to {topic}",
        "Understanding {topic}",
        "{Kind} on {topic} and {topic2}",
        "{Course}: {kind} on {topic}",
        "{Topic} in {n} steps",
        "{Kind} {modifier}: {topic}",
        "From {topic} to {topic2}",
        "{Topic} by example",
        "{Kind} — {discipline}, {topic}",
        "Reviewing {topic} before the exam",
        "{Topic} and {topic2}: {kind}",
    ],
}
MODIFIERS = {
    "fr": [
        "pour débutants",
        "avec corrigé",
        "(niveau avancé)",
        "pas à pas",
        "en équipe",
        "(semaine {n})",
        "— partie {n}",
        "pour la classe inversée",
        "(édition {year})",
        "en contexte collégial",
    ],
    "en": [
        "for beginners",
        "with answer key",
        "(advanced level)",
        "step by step",
        "in teams",
        "(week {n})",
        "— part {n}",
        "for the flipped classroom",
        "({year} edition)",
        "in a college setting",
    ],
}
AUDIENCES = {
    "fr": [
        "les étudiantes et étudiants de première session",
        "des groupes de 30 à 40 personnes",
        "l'enseignement à distance",
        "la classe inversée",
        "la formation continue",
        "les cours du soir",
        "les étudiants en reprise",
    ],
    "en": [
        "first-semester students",
        "groups of 30 to 40 students",
        "distance learning",
        "the flipped classroom",
        "continuing education",
        "evening classes",
        "students repeating the course",
    ],
}
FEATURES = {
    "fr": [
        "un corrigé détaillé",
        "des exemples tirés de l'actualité",
        "une grille d'évaluation",
        "des consignes pas à pas",
        "des questions de réflexion",
        "des pistes de différenciation",
        "un glossaire",
        "des exercices de difficulté croissante",
        "une autoévaluation",
        "des références pour aller plus loin",
    ],
    "en": [
        "a detailed answer key",
        "examples from the news",
        "a rubric",
        "step-by-step instructions",
        "reflection questions",
        "ideas for differentiation",
        "a glossary",
        "exercises of increasing difficulty",
        "a self-assessment",
        "further reading",
    ],
}
SENTENCES = {
    "fr": [
        "Cette ressource aborde {topic} à partir de situations concrètes.",
        "Les étudiants travaillent d'abord sur {topic}, puis sur {topic2}.",
        "Durée prévue : {n} minutes en classe et autant de travail personnel.",
        "Elle a été essayée pendant {n} sessions et révisée à partir des commentaires des étudiants.",
        "On y trouve {feature}, {feature2} et {feature3}.",
        "Préalables : {topic2} et les notions de base en {discipline_lower}.",
        "Elle s'insère dans le cours {course}, vers la semaine {n}.",
        "Conçue pour {audience}, elle se prête aussi au travail en équipe.",
        "Chaque section se termine par une courte synthèse {de_topic}.",
        "Le document est modifiable : adaptez les exemples à votre programme.",
        "Les erreurs fréquentes sur {topic} sont expliquées une à une.",
        "Une version imprimable accompagne la version à projeter en classe.",
    ],
    "en": [
        "This resource covers {topic} through concrete situations.",
        "Students first work on {topic}, then on {topic2}.",
        "Planned time: {n} minutes in class and as much independent work.",
        "It was tried over {n} semesters and revised from students' comments.",
        "It includes {feature}, {feature2} and {feature3}.",
        "Prerequisites: {topic2} and the basics of {discipline_lower}.",
        "It fits the course {course}, around week {n}.",
        "Designed for {audience}, it also works for team work.",
        "Each section ends with a short summary of {topic}.",
        "The document is editable: adapt the examples to your program.",
        "Common mistakes about {topic} are explained one by one.",
        "A printable version comes with the version to project in class.",
    ],
}
GENERIC_TAGS = {
    "fr": ["évaluation formative", "classe inversée", "travail d'équipe", "REL", "numérique"],
    "en": ["formative assessment", "flipped classroom", "teamwork", "OER", "digital"],
}


class Writer:
    """Writes the text of one resource at a time, drawing from `rng`."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.disciplines = disciplines()

    def _fields(self, discipline: Discipline, course: str | None, kind_code: str, lang: str):
        rng = self.rng
        topic, topic2 = rng.sample(discipline.topics[lang], 2)
        kind = rng.choice(KINDS[kind_code][0 if lang == "fr" else 1])
        course_title = discipline.name[lang]
        if course is not None:
            course_title = next(t[lang] for number, t in discipline.courses if number == course)
        values = {
            "kind": kind.lower() if not kind.isupper() else kind,
            "Kind": kind,
            "topic": topic.phrase,
            "Topic": _capital(topic.phrase),
            "topic2": topic2.phrase,
            "a_topic": _with("à", topic.phrase) if lang == "fr" else topic.phrase,
            "de_topic": _with("de", topic.phrase) if lang == "fr" else topic.phrase,
            "Course": course_title,
            "course": f"« {course_title} »" if lang == "fr" else f"“{course_title}”",
            "discipline": discipline.name[lang],
            "discipline_lower": discipline.name[lang].lower(),
            "n": rng.randint(2, 12),
            "year": rng.randint(2018, 2026),
            "audience": rng.choice(AUDIENCES[lang]),
        }
        features = rng.sample(FEATURES[lang], 3)
        values.update(feature=features[0], feature2=features[1], feature3=features[2])
        values["modifier"] = rng.choice(MODIFIERS[lang]).format(**values)
        return values, (topic, topic2)

    def resource(
        self, discipline_code: str, course: str | None, kind_code: str, lang: str
    ) -> ResourceText:
        """Title, summary, description and keywords of a resource in `lang` ("fr" or "en")."""
        rng = self.rng
        discipline = self.disciplines[discipline_code]
        values, topics = self._fields(discipline, course, kind_code, lang)
        template = rng.choice(TITLES[lang])
        if "{Course}" in template and course is None:
            template = TITLES[lang][0]
        title = template.format(**values)
        if rng.random() < 0.3 and "{modifier}" not in template:
            title = f"{title} {values['modifier']}"
        title = _capital(title)[:255]
        if lang == "fr":
            summary = (
                f"{values['Kind']} pour {values['audience']} sur {values['topic']} et "
                f"{values['topic2']}, avec {values['feature']}."
            )
        else:
            summary = (
                f"{values['Kind']} for {values['audience']} on {values['topic']} and "
                f"{values['topic2']}, with {values['feature']}."
            )
        # Each sentence once; two or three to a paragraph.
        sentences = rng.sample(SENTENCES[lang], rng.randint(4, 8))
        if course is None:
            sentences = [s for s in sentences if "{course}" not in s]
        paragraphs = []
        while sentences:
            size = rng.randint(2, 3)
            taken, sentences = sentences[:size], sentences[size:]
            text = " ".join(sentence.format(**values) for sentence in taken)
            paragraphs.append(f"<p>{html.escape(text, quote=False)}</p>")
        tags = [topic.keyword for topic in topics]
        others = [t.keyword for t in discipline.topics[lang] if t not in topics]
        tags += rng.sample(others, rng.randint(0, 2))
        if rng.random() < 0.35:
            tags.append(rng.choice(GENERIC_TAGS[lang]))
        return ResourceText(title, summary[:500], "".join(paragraphs), tags)


def misspell(word: str, rng: random.Random) -> str:
    """The word with two neighbouring letters swapped (« dérviées »): a typing mistake."""
    letters = list(word)
    if len(letters) < 4:
        return word + word[-1]
    position = rng.randrange(1, len(letters) - 2)
    letters[position], letters[position + 1] = letters[position + 1], letters[position]
    swapped = "".join(letters)
    return swapped if swapped != word else word[:-1]
