"""Demo catalogue for APOP boutique: members, resources and curated collections.

Pure data (no Django imports) so that a management command, tests and fixtures can all load it.
Resources that adapt another one come after their source, so they can be created in list order.
``check()`` asserts the invariants the demo loader relies on, licence rules included.
"""

MEMBERS = [
    {
        "key": "mtremblay",
        "email": "marie.tremblay@apop.example",
        "display_name": "Marie Tremblay",
        "bio_fr": (
            "Marie Tremblay enseigne les mathématiques et la programmation au Cégep Limoilou "
            "depuis une quinzaine d'années. Elle conçoit des notes de cours ouvertes pour les "
            "cours de calcul différentiel et intégral et anime des ateliers sur l'évaluation "
            "formative avec le numérique."
        ),
        "bio_en": (
            "Marie Tremblay has taught mathematics and programming at Cégep Limoilou for about "
            "fifteen years. She writes open course notes for differential and integral calculus "
            "and leads workshops on formative assessment with digital tools."
        ),
        "institution": "Cégep Limoilou",
        "disciplines": ["201", "420"],
    },
    {
        "key": "sgagnon",
        "email": "sophie.gagnon@apop.example",
        "display_name": "Sophie Gagnon",
        "bio_fr": (
            "Infirmière clinicienne de formation, Sophie Gagnon enseigne en Soins infirmiers et "
            "en biologie au Cégep de Sherbrooke. Elle s'intéresse à la simulation clinique et "
            "prépare des études de cas ancrées dans la réalité des milieux de stage."
        ),
        "bio_en": (
            "A registered nurse by training, Sophie Gagnon teaches nursing and biology at Cégep "
            "de Sherbrooke. She focuses on clinical simulation and writes case studies grounded "
            "in what students meet during their clinical placements."
        ),
        "institution": "Cégep de Sherbrooke",
        "disciplines": ["180", "101"],
    },
    {
        "key": "dobrien",
        "email": "daniel.obrien@apop.example",
        "display_name": "Daniel O'Brien",
        "bio_fr": (
            "Daniel O'Brien enseigne l'anglais, langue d'enseignement et littérature, ainsi que "
            "l'anglais langue seconde au Collège John-Abbott. Il conçoit des ateliers d'écriture "
            "et des activités orales pour les étudiantes et étudiants des programmes techniques."
        ),
        "bio_en": (
            "Daniel O'Brien teaches English literature and English as a second language at John "
            "Abbott College. He designs writing workshops and speaking activities for students "
            "in technical programs."
        ),
        "institution": "Collège John-Abbott",
        "disciplines": ["603", "604"],
    },
]

RESOURCES = [
    # --- Mathématiques (201) -------------------------------------------------------------
    {
        "key": "calcul-diff-limites",
        "title": "Notes de cours : limites et continuité",
        "summary": (
            "Notes complètes pour les premières semaines de Calcul différentiel : notion intuitive "
            "de limite, calcul de limites, limites à l'infini et continuité d'une fonction."
        ),
        "description": [
            "Le document présente la notion de limite à partir de tableaux de valeurs et de "
            "graphiques avant d'introduire les propriétés algébriques. Chaque section se termine "
            "par une courte série d'exercices avec réponses.",
            "Les notes se prêtent bien à la classe inversée : les étudiantes et étudiants lisent "
            "une section avant le cours et la période sert à résoudre les exercices en équipe.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours"],
        "dimensions": [3],
        "tags": ["calcul différentiel", "limites", "continuité"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": (
            "Prévoir deux semaines de cours. Les formes indéterminées sont regroupées à la fin "
            "pour qu'on puisse les reporter au besoin."
        ),
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "limites-continuite-notes.pdf", "kind": "pdf", "pages": 34},
            {"name": "limites-continuite-reponses.pdf", "kind": "pdf", "pages": 6},
        ],
        "featured_on_home": True,
    },
    {
        "key": "calcul-diff-derivees-exercices",
        "title": "Exercices gradués : règles de dérivation",
        "summary": (
            "Une série d'exercices classés du plus simple au plus complexe sur les règles de "
            "dérivation, du produit et du quotient jusqu'à la dérivée en chaîne, avec corrigé "
            "détaillé."
        ),
        "description": [
            "La série comprend quatre blocs : règles de base, produit et quotient, dérivée en "
            "chaîne, puis dérivation implicite. Le corrigé montre chaque étape de calcul.",
            "Les exercices conviennent aux périodes de travail en classe comme aux devoirs. Les "
            "numéros marqués d'une étoile préparent directement à l'examen.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["calcul différentiel", "dérivées", "dérivée en chaîne"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 500,
        "member_price_cents": 375,
        "duration_minutes": None,
        "pedagogical_notes": "Le corrigé est fourni dans un fichier séparé pour l'enseignante ou l'enseignant.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "regles-derivation-exercices.pdf", "kind": "pdf", "pages": 12},
            {"name": "regles-derivation-corrige.pdf", "kind": "pdf", "pages": 18},
        ],
        "featured_on_home": False,
    },
    {
        "key": "calcul-diff-optimisation-situations",
        "title": "Problèmes d'optimisation en contexte : boîtes, clôtures et coûts",
        "summary": (
            "Douze problèmes d'optimisation tirés de situations concrètes, accompagnés d'une "
            "démarche de résolution en cinq étapes que les étudiantes et étudiants apprennent à "
            "appliquer seuls."
        ),
        "description": [
            "Chaque problème part d'une mise en situation (fabriquer une boîte sans couvercle, "
            "clôturer un enclos le long d'une rivière, réduire le coût d'un câble) et demande de "
            "modéliser avant de dériver.",
            "Une fiche de démarche sert de guide pendant les premières séances, puis on la retire "
            "progressivement. Les problèmes se prêtent au travail en dyades au tableau.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["exercices", "scenario"],
        "dimensions": [10],
        "tags": ["optimisation", "modélisation", "dérivées"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 750,
        "member_price_cents": 500,
        "duration_minutes": 150,
        "pedagogical_notes": "Fonctionne bien sur deux périodes de 75 minutes.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "optimisation-problemes.pdf", "kind": "pdf", "pages": 9},
            {"name": "optimisation-demarche.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "calcul-integral-sommes-riemann",
        "title": "Sommes de Riemann et intégrale définie",
        "summary": (
            "Adaptation française d'un chapitre d'OpenStax Calculus : approximation d'aires par "
            "des rectangles, notation sigma et passage à l'intégrale définie."
        ),
        "description": [
            "Le chapitre a été traduit, réorganisé selon le devis de Calcul intégral et enrichi "
            "d'exemples en contexte (distance parcourue, volume d'eau écoulé).",
            "Un gabarit de tableur accompagne les notes pour calculer des sommes à gauche, à "
            "droite et au point milieu et observer leur convergence quand le nombre de "
            "rectangles augmente.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours", "exercices"],
        "dimensions": [2, 3],
        "tags": ["calcul intégral", "sommes de riemann", "intégrale définie"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "Calculus Volume 1, Section 5.1: Approximating Areas",
            "author": "Gilbert Strang, Edwin Herman et al. (OpenStax)",
            "url": "https://openstax.org/books/calculus-volume-1/pages/5-1-approximating-areas",
            "licence": "CC-BY-NC-SA-4.0",
        },
        "validated": True,
        "files": [
            {"name": "sommes-riemann-notes.pdf", "kind": "pdf", "pages": 22},
            {"name": "sommes-riemann-tableur.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "calcul-integral-techniques-exercices",
        "title": "Techniques d'intégration : banque d'exercices corrigés",
        "summary": (
            "Exercices corrigés sur l'intégration par substitution, par parties, par fractions "
            "partielles et par substitution trigonométrique, avec un tableau pour choisir la "
            "bonne technique."
        ),
        "description": [
            "La banque regroupe les exercices par technique, puis propose une section mélangée "
            "où il faut d'abord reconnaître la technique à employer.",
            "Le tableau d'aide à la décision peut être distribué en classe ou autorisé comme "
            "aide-mémoire lors d'un examen formatif.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["calcul intégral", "intégration par parties", "fractions partielles"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 750,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "techniques-integration-exercices.pdf", "kind": "pdf", "pages": 16},
            {"name": "techniques-integration-corrige.pdf", "kind": "pdf", "pages": 28},
        ],
        "featured_on_home": False,
    },
    {
        "key": "algebre-lineaire-matrices-quiz",
        "title": "Quiz formatifs : opérations matricielles et déterminants",
        "summary": (
            "Cinq courts quiz interactifs H5P pour vérifier la maîtrise des opérations sur les "
            "matrices, de l'inverse et du déterminant avant l'examen d'Algèbre linéaire."
        ),
        "description": [
            "Chaque quiz compte de huit à dix questions à choix multiples ou à réponse courte, "
            "avec une rétroaction qui renvoie à la notion à revoir.",
            "Les quiz s'importent dans Moodle ou dans tout environnement qui accepte les paquets "
            "H5P. La version PDF sert de version imprimable.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Patrick Lévesque (Cégep de Lévis)",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["interactif", "evaluation"],
        "dimensions": [2, 3],
        "tags": ["algèbre linéaire", "matrices", "déterminants", "h5p"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 20,
        "pedagogical_notes": "Chaque quiz se fait en une vingtaine de minutes, en classe ou à la maison.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "matrices-quiz-imprimable.pdf", "kind": "pdf", "pages": 8},
            {"name": "matrices-quiz-lisez-moi.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "algebre-vecteurs-presentation",
        "title": "Présentation : vecteurs, produit scalaire et projections",
        "summary": (
            "Diaporama de cours sur les vecteurs dans le plan et l'espace, le produit scalaire "
            "et la projection orthogonale, avec des exemples tirés de la physique."
        ),
        "description": [
            "La présentation suit un cours de 75 minutes : rappel de la notation, interprétation "
            "géométrique du produit scalaire, puis calcul de projections.",
            "Des diapositives « arrêt sur image » invitent la classe à prédire un résultat avant "
            "de le calculer.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["presentation"],
        "dimensions": [],
        "tags": ["algèbre linéaire", "vecteurs", "produit scalaire"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 299,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "vecteurs-produit-scalaire.pdf", "kind": "pdf", "pages": 31}],
        "featured_on_home": False,
    },
    {
        "key": "stats-intervalles-confiance-labo",
        "title": "Laboratoire de statistique : intervalles de confiance avec un tableur",
        "summary": (
            "Les étudiantes et étudiants tirent des échantillons d'un jeu de données fourni, "
            "construisent des intervalles de confiance et constatent combien d'entre eux "
            "contiennent la vraie moyenne."
        ),
        "description": [
            "Le jeu de données décrit les temps de déplacement domicile-cégep d'une population "
            "fictive. Le protocole guide le calcul d'intervalles à 90 % et à 95 % dans un tableur.",
            "La mise en commun des intervalles de tout le groupe au tableau rend visible le sens "
            "du niveau de confiance, souvent mal compris.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Isabelle Fortin (Cégep de Drummondville)",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["laboratoire"],
        "dimensions": [2, 10],
        "tags": ["statistique", "intervalles de confiance", "tableur"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "Les données sont fictives et peuvent être remplacées par celles du groupe.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "intervalles-confiance-protocole.pdf", "kind": "pdf", "pages": 7},
            {"name": "temps-deplacement.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "calcul-diff-examen-final",
        "title": "Examen final type : Calcul différentiel (avec corrigé)",
        "summary": (
            "Un examen final de trois heures couvrant limites, dérivées, analyse de courbes et "
            "optimisation, accompagné d'un corrigé et d'un barème détaillé."
        ),
        "description": [
            "L'examen compte dix questions de difficulté croissante. Le barème précise les points "
            "accordés pour la démarche et pour la réponse finale.",
            "Il peut servir d'examen de pratique ou de modèle pour construire sa propre "
            "évaluation finale.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["evaluation"],
        "dimensions": [],
        "tags": ["calcul différentiel", "examen", "barème"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 1200,
        "member_price_cents": 900,
        "duration_minutes": 180,
        "pedagogical_notes": "Ne pas diffuser le corrigé aux étudiants avant la passation.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "examen-final-calcul-diff.pdf", "kind": "pdf", "pages": 8},
            {"name": "examen-final-calcul-diff-corrige.pdf", "kind": "pdf", "pages": 14},
        ],
        "featured_on_home": False,
    },
    {
        "key": "calcul-diff-examen-reprise",
        "title": "Examen de reprise : Calcul différentiel (version B)",
        "summary": (
            "Version parallèle de l'examen final type, avec des questions équivalentes et de "
            "nouvelles mises en situation, pour une reprise ou une passation différée."
        ),
        "description": [
            "Chaque question reprend la compétence évaluée dans la version A avec des données et "
            "des contextes différents, ce qui permet une correction comparable.",
            "Le corrigé suit le même barème que la version A.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["evaluation"],
        "dimensions": [],
        "tags": ["calcul différentiel", "examen", "reprise"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 750,
        "member_price_cents": 500,
        "duration_minutes": 180,
        "pedagogical_notes": "",
        "adapted_from": {"resource": "calcul-diff-examen-final"},
        "validated": False,
        "files": [
            {"name": "examen-reprise-calcul-diff.pdf", "kind": "pdf", "pages": 8},
            {"name": "examen-reprise-calcul-diff-corrige.pdf", "kind": "pdf", "pages": 13},
        ],
        "featured_on_home": False,
    },
    # --- Informatique (420) --------------------------------------------------------------
    {
        "key": "python-recursivite-exercices",
        "title": "Exercices de récursivité en Python",
        "summary": (
            "Quinze exercices progressifs pour apprendre à penser de façon récursive : factorielle, "
            "somme de chiffres, palindromes, tours de Hanoï et parcours d'arborescence de fichiers."
        ),
        "description": [
            "Les exercices s'appuient sur le chapitre consacré aux fonctions du livre "
            "« Programmation Python » de Wikilivres, réécrit pour le cours de programmation "
            "de deuxième session.",
            "Chaque exercice fournit une fonction à compléter et des tests unitaires pour "
            "vérifier sa solution. Les derniers numéros comparent la version récursive et la "
            "version itérative d'un même algorithme.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["exercices"],
        "dimensions": [2, 10],
        "tags": ["python", "récursivité", "algorithmique"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 150,
        "pedagogical_notes": "Faire dessiner la pile d'appels sur papier pour les cinq premiers exercices.",
        "adapted_from": {
            "title": "Programmation Python : Fonctions",
            "author": "Contributeurs de Wikilivres",
            "url": "https://fr.wikibooks.org/wiki/Programmation_Python/Fonctions",
            "licence": "CC-BY-SA-4.0",
        },
        "validated": True,
        "files": [
            {"name": "recursivite-enonces.pdf", "kind": "pdf", "pages": 10},
            {"name": "recursivite-tests.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": True,
    },
    {
        "key": "python-structures-donnees-notes",
        "title": "Notes de cours : listes, dictionnaires et ensembles en Python",
        "summary": (
            "Notes de cours sur les structures de données de base en Python, leurs opérations "
            "courantes et le choix de la bonne structure selon le problème à résoudre."
        ),
        "description": [
            "Les notes présentent chaque structure avec des exemples exécutables, puis une "
            "section compare les coûts des opérations (recherche, insertion, suppression) "
            "en termes simples.",
            "Des encadrés « piège fréquent » signalent les erreurs les plus vues en correction, "
            "comme la modification d'une liste pendant son parcours.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["notes-de-cours"],
        "dimensions": [2],
        "tags": ["python", "structures de données", "dictionnaires"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "structures-donnees-python.pdf", "kind": "pdf", "pages": 26}],
        "featured_on_home": False,
    },
    {
        "key": "python-banque-questions-evaluation",
        "title": "Banque de questions d'évaluation : programmation Python, première session",
        "summary": (
            "Quarante questions d'examen classées par notion (conditions, boucles, fonctions, "
            "chaînes), avec corrigés et critères de correction pour les questions de code."
        ),
        "description": [
            "La banque contient des questions de traçage de code, des questions à compléter et "
            "des problèmes à programmer. Chaque question indique la notion et le niveau de "
            "difficulté.",
            "Un fichier texte au format GIFT permet d'importer les questions à choix multiples "
            "dans Moodle.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["evaluation"],
        "dimensions": [],
        "tags": ["python", "examen", "moodle"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 1500,
        "member_price_cents": 1200,
        "duration_minutes": None,
        "pedagogical_notes": "Réservé à l'usage des enseignantes et enseignants.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "banque-questions-python.pdf", "kind": "pdf", "pages": 24},
            {"name": "banque-questions-python-gift.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "sql-jointures-labo",
        "title": "Laboratoire SQL : jointures et sous-requêtes sur une base de bibliothèque",
        "summary": (
            "Un laboratoire guidé sur une petite base de données de bibliothèque : jointures "
            "internes et externes, regroupements et sous-requêtes corrélées."
        ),
        "description": [
            "Les tables (livres, membres, prêts) sont fournies en fichiers CSV à importer dans "
            "SQLite, MySQL ou PostgreSQL. Le protocole propose vingt requêtes à écrire.",
            "Les dernières requêtes demandent d'expliquer pourquoi une jointure externe donne "
            "un résultat différent d'une jointure interne, ce qui fait un bon sujet de "
            "discussion en fin de période.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Karim Benali (Collège de Rosemont)",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["laboratoire", "exercices"],
        "dimensions": [2],
        "tags": ["sql", "bases de données", "jointures"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 150,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "sql-jointures-protocole.pdf", "kind": "pdf", "pages": 9},
            {"name": "bibliotheque-livres.csv", "kind": "csv", "pages": None},
            {"name": "bibliotheque-prets.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "web-audit-accessibilite",
        "title": "Étude de cas : audit d'accessibilité d'un site Web selon les WCAG 2.1",
        "summary": (
            "Les étudiantes et étudiants auditent le site d'un organisme fictif, classent les "
            "problèmes selon les critères WCAG 2.1 et rédigent des recommandations priorisées."
        ),
        "description": [
            "Le dossier comprend la description de l'organisme, des captures d'écran annotées, "
            "un gabarit de rapport d'audit et une grille de correction.",
            "L'activité se fait en équipe de trois. Chaque équipe teste le site avec un lecteur "
            "d'écran et la navigation au clavier avant de remplir le rapport.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["420", "582"],
        "levels": ["collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [1, 8],
        "tags": ["accessibilité", "wcag", "web"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 1500,
        "member_price_cents": 1200,
        "duration_minutes": 225,
        "pedagogical_notes": "Prévoir un poste avec un lecteur d'écran (NVDA ou VoiceOver) par équipe.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "audit-accessibilite-dossier.pdf", "kind": "pdf", "pages": 18},
            {"name": "audit-accessibilite-grille.pdf", "kind": "pdf", "pages": 3},
        ],
        "featured_on_home": True,
    },
    {
        "key": "git-collaboration-guide",
        "title": "Guide : travailler en équipe avec Git et les demandes de fusion",
        "summary": (
            "Un guide pas à pas pour organiser un projet d'équipe avec Git : branches, demandes "
            "de fusion, revue de code et résolution de conflits."
        ),
        "description": [
            "Le guide suit une petite équipe fictive du premier dépôt jusqu'à la remise finale. "
            "Chaque étape présente les commandes et ce qu'on voit à l'écran.",
            "Une section destinée à l'enseignant propose des conventions d'équipe à imposer dès "
            "le début du projet de session.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "Simon Ouellet (Cégep Limoilou)",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["guide"],
        "dimensions": [2, 5],
        "tags": ["git", "travail d'équipe", "gestion de versions"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "guide-git-equipe.pdf", "kind": "pdf", "pages": 21}],
        "featured_on_home": False,
    },
    {
        "key": "poo-projet-session-inventaire",
        "title": "Projet de session : gestion d'inventaire en programmation orientée objet",
        "summary": (
            "Un projet de session complet en quatre livrables : modélisation des classes, "
            "héritage, persistance dans des fichiers et interface console, avec grilles "
            "d'évaluation."
        ),
        "description": [
            "Les étudiantes et étudiants développent une application de gestion d'inventaire "
            "pour une quincaillerie fictive. L'énoncé décrit chaque livrable et ses exigences.",
            "Le projet est conçu pour Java mais les énoncés restent valables en C# ou en Python. "
            "Les grilles d'évaluation critériées accompagnent chaque livrable.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["scenario", "grille"],
        "dimensions": [5, 10],
        "tags": ["programmation orientée objet", "java", "projet de session"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 2500,
        "member_price_cents": 1500,
        "duration_minutes": None,
        "pedagogical_notes": "Conçu pour un cours de 90 heures en troisième session.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "projet-inventaire-enonce.pdf", "kind": "pdf", "pages": 15},
            {"name": "projet-inventaire-grilles.pdf", "kind": "pdf", "pages": 6},
            {"name": "projet-inventaire-donnees.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "securite-hameconnage-simulation",
        "title": "Simulation : reconnaître une tentative d'hameçonnage",
        "summary": (
            "Une activité interactive où l'on trie une boîte de réception fictive pour repérer "
            "les courriels frauduleux, avec une rétroaction sur chaque indice manqué."
        ),
        "description": [
            "La simulation présente vingt courriels inspirés de situations courantes au cégep : "
            "faux avis du service informatique, fausse facture, faux colis en attente.",
            "Elle convient à toute discipline, en début de session, ou comme activité d'accueil "
            "dans un cours de bureautique ou d'informatique.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Service des technologies de l'information, Cégep de Victoriaville",
        "disciplines": ["420", "412"],
        "levels": ["collegial_preuniversitaire", "collegial_technique", "fga"],
        "types": ["simulation", "interactif"],
        "dimensions": [1, 11],
        "tags": ["cybersécurité", "hameçonnage", "courriel"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 30,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "hameconnage-guide-animation.pdf", "kind": "pdf", "pages": 4},
            {"name": "hameconnage-courriels.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    # --- Soins infirmiers (180) ----------------------------------------------------------
    {
        "key": "soins-plan-post-op",
        "title": "Plan de soins : patient post-opératoire en chirurgie d'un jour",
        "summary": (
            "Étude de cas d'un patient opéré pour une cholécystectomie par laparoscopie, avec "
            "collecte de données, constats d'évaluation et plan thérapeutique infirmier à "
            "compléter."
        ),
        "description": [
            "Le dossier présente les données de l'admission, de la salle de réveil et du retour "
            "à l'unité. Les étudiantes et étudiants relèvent les problèmes prioritaires "
            "(douleur, nausées, risque de rétention urinaire) et rédigent les interventions.",
            "Un corrigé commenté et une version « vierge » du plan thérapeutique infirmier "
            "permettent d'utiliser le cas en classe ou en préparation de stage.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [],
        "tags": ["chirurgie d'un jour", "plan de soins", "pti", "post-opératoire"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": (
            "À faire après le cours sur la douleur aiguë. Le cas est fictif et ne reprend "
            "aucune donnée réelle de patient."
        ),
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "plan-soins-post-op-cas.pdf", "kind": "pdf", "pages": 8},
            {"name": "plan-soins-post-op-corrige.pdf", "kind": "pdf", "pages": 6},
        ],
        "featured_on_home": True,
    },
    {
        "key": "soins-simulation-conge-chirurgie-jour",
        "title": "Simulation clinique : congé après une chirurgie d'un jour",
        "summary": (
            "Scénario de simulation haute fidélité tiré du plan de soins post-opératoire : "
            "l'étudiante ou l'étudiant évalue le patient et fait l'enseignement au congé."
        ),
        "description": [
            "Le scénario reprend le patient de l'étude de cas au moment du congé. Il comprend "
            "le script du patient standardisé, les paramètres du mannequin et les déclencheurs "
            "de changement d'état.",
            "Une grille de débreffage structurée accompagne la simulation pour l'animation du "
            "retour réflexif en groupe.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Catherine Pelletier (Cégep de Rimouski)",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["simulation", "scenario"],
        "dimensions": [],
        "tags": ["simulation clinique", "enseignement au congé", "débreffage"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 90,
        "pedagogical_notes": "Prévoir 20 minutes de simulation et 40 minutes de débreffage.",
        "adapted_from": {"resource": "soins-plan-post-op"},
        "validated": True,
        "files": [
            {"name": "simulation-conge-scenario.pdf", "kind": "pdf", "pages": 7},
            {"name": "simulation-conge-debreffage.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-calcul-doses-exercices",
        "title": "Calcul de doses et de débits de perfusion : exercices corrigés",
        "summary": (
            "Soixante exercices de calcul de doses (comprimés, liquides oraux, injectables, "
            "perfusions) avec corrigé étape par étape et rappels de conversion d'unités."
        ),
        "description": [
            "Les exercices sont regroupés par type d'ordonnance et par voie d'administration. "
            "Chaque section commence par un exemple résolu.",
            "Les dernières séries mélangent les types d'ordonnances pour préparer l'examen de "
            "calcul exigé avant le premier stage.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["calcul de doses", "perfusion", "pharmacologie"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 1200,
        "member_price_cents": 900,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "calcul-doses-exercices.pdf", "kind": "pdf", "pages": 20},
            {"name": "calcul-doses-corrige.pdf", "kind": "pdf", "pages": 26},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-examen-respiratoire-grille",
        "title": "Grille d'observation : examen physique du système respiratoire",
        "summary": (
            "Grille critériée pour observer l'examen physique respiratoire en laboratoire : "
            "inspection, palpation, percussion et auscultation."
        ),
        "description": [
            "La grille décrit les gestes attendus à chaque étape et trois niveaux de maîtrise. "
            "Elle sert autant à l'autoévaluation entre pairs qu'à l'évaluation sommative.",
            "Un aide-mémoire d'une page sur les bruits respiratoires normaux et adventices est "
            "joint.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["grille"],
        "dimensions": [],
        "tags": ["examen physique", "système respiratoire", "auscultation"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 500,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "grille-examen-respiratoire.pdf", "kind": "pdf", "pages": 3},
            {"name": "aide-memoire-bruits-respiratoires.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-anticoagulants-notes",
        "title": "Pharmacologie : surveillance infirmière des anticoagulants",
        "summary": (
            "Notes de cours sur les héparines, la warfarine et les anticoagulants oraux directs : "
            "mécanismes, surveillance, signes de saignement et enseignement au patient."
        ),
        "description": [
            "Chaque classe de médicament est présentée dans un tableau uniforme (indications, "
            "surveillance, interactions, antidote) pour faciliter l'étude.",
            "Trois mini-cas cliniques terminent les notes et peuvent servir d'activité de "
            "consolidation en classe.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["notes-de-cours"],
        "dimensions": [],
        "tags": ["pharmacologie", "anticoagulants", "surveillance clinique"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 750,
        "member_price_cents": 500,
        "duration_minutes": None,
        "pedagogical_notes": "Vérifier les monographies à jour avant chaque session.",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "anticoagulants-notes.pdf", "kind": "pdf", "pages": 17}],
        "featured_on_home": False,
    },
    {
        "key": "soins-communication-therapeutique-video",
        "title": "Capsule vidéo : la communication thérapeutique avec une personne anxieuse",
        "summary": (
            "Une capsule de dix minutes qui met en scène deux versions d'un même échange entre "
            "une infirmière et une patiente anxieuse, suivie de questions d'analyse."
        ),
        "description": [
            "La première version montre des obstacles fréquents à la communication (rassurer "
            "trop vite, changer de sujet), la seconde des techniques efficaces (reformulation, "
            "reflet, silence).",
            "La ressource fournit la transcription complète et une fiche de questions pour "
            "analyser les deux versions en équipe.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Équipe du centre de simulation, Cégep de Saint-Jérôme",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["video", "activite"],
        "dimensions": [6],
        "tags": ["communication thérapeutique", "anxiété", "relation d'aide"],
        "licence": "CC-BY-ND-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 45,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "communication-therapeutique-transcription.txt", "kind": "txt", "pages": None},
            {"name": "communication-therapeutique-questions.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-rapport-saer-activite",
        "title": "Activité : transmettre un rapport de relève avec la méthode SAER",
        "summary": (
            "Activité de jeu de rôle pour s'exercer à structurer un rapport de relève selon la "
            "méthode SAER (situation, antécédents, évaluation, recommandation)."
        ),
        "description": [
            "Six fiches de patients fictifs servent de base aux jeux de rôle en trio : une "
            "personne transmet, une reçoit, une observe avec une liste de vérification.",
            "L'activité prépare aux premiers stages en milieu hospitalier et peut être reprise "
            "à chaque session avec des cas plus complexes.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["activite"],
        "dimensions": [6],
        "tags": ["saer", "rapport de relève", "communication"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 299,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "saer-fiches-patients.pdf", "kind": "pdf", "pages": 6},
            {"name": "saer-liste-verification.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-pediatrie-bronchiolite-cas",
        "title": "Étude de cas en pédiatrie : nourrisson atteint de bronchiolite",
        "summary": (
            "Étude de cas évolutive sur trois jours d'hospitalisation d'un nourrisson de "
            "quatre mois : évaluation respiratoire, hydratation et soutien aux parents."
        ),
        "description": [
            "Le cas se déroule en trois temps et ajoute de nouvelles données à chaque étape. Les "
            "questions portent sur la priorisation des soins et la collaboration avec la famille.",
            "Le guide de l'enseignant propose des pistes de réponses et des questions de "
            "relance pour l'animation en grand groupe.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "Mélanie Dufour (Cégep de Sherbrooke)",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [],
        "tags": ["pédiatrie", "bronchiolite", "famille"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 750,
        "member_price_cents": 500,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "bronchiolite-cas.pdf", "kind": "pdf", "pages": 9},
            {"name": "bronchiolite-guide-enseignant.pdf", "kind": "pdf", "pages": 7},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-ecos-stations",
        "title": "ECOS de fin de session : six stations cliniques avec grilles",
        "summary": (
            "Six stations d'examen clinique objectif structuré (ECOS) avec consignes à "
            "l'étudiant, script du patient standardisé et grille de notation."
        ),
        "description": [
            "Les stations portent sur la prise de signes vitaux, l'administration d'un "
            "médicament, une évaluation de la douleur, un enseignement, un pansement et une "
            "communication avec un proche.",
            "Le document précise l'organisation de la circulation entre les stations, le matériel "
            "requis et la durée de chaque station.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["evaluation", "grille"],
        "dimensions": [],
        "tags": ["ecos", "évaluation clinique", "patient standardisé"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 2500,
        "member_price_cents": 2000,
        "duration_minutes": 60,
        "pedagogical_notes": "Chaque station dure huit minutes, plus deux minutes de rotation.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "ecos-stations-consignes.pdf", "kind": "pdf", "pages": 12},
            {"name": "ecos-scripts-patients.pdf", "kind": "pdf", "pages": 9},
            {"name": "ecos-grilles.pdf", "kind": "pdf", "pages": 6},
        ],
        "featured_on_home": False,
    },
    # --- Biologie (101) ------------------------------------------------------------------
    {
        "key": "biologie-cellulaire-notes",
        "title": "Biologie cellulaire : notes de cours illustrées",
        "summary": (
            "Adaptation française de chapitres de Concepts of Biology (BCcampus) : structure de "
            "la cellule, membrane plasmique, transport et division cellulaire."
        ),
        "description": [
            "Les chapitres ont été traduits, resserrés et complétés par des schémas à annoter. "
            "Des questions de révision suivent chaque section.",
            "Les notes conviennent au premier cours de biologie en Sciences de la nature et au "
            "cours de biologie humaine en Soins infirmiers.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["101"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["notes-de-cours"],
        "dimensions": [],
        "tags": ["cellule", "membrane plasmique", "mitose"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 1500,
        "member_price_cents": 1200,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "Concepts of Biology – 1st Canadian Edition",
            "author": "Charles Molnar et Jane Gair (BCcampus), d'après OpenStax",
            "url": "https://opentextbc.ca/biology/",
            "licence": "CC-BY-4.0",
        },
        "validated": False,
        "files": [
            {"name": "biologie-cellulaire-notes.pdf", "kind": "pdf", "pages": 48},
            {"name": "biologie-cellulaire-schemas.pdf", "kind": "pdf", "pages": 10},
        ],
        "featured_on_home": False,
    },
    {
        "key": "biologie-mitose-labo",
        "title": "Laboratoire : observation de la mitose dans la racine d'oignon",
        "summary": (
            "Protocole de laboratoire pour préparer des lames d'apex de racine d'oignon, "
            "reconnaître les phases de la mitose au microscope et en estimer la durée relative."
        ),
        "description": [
            "Le protocole décrit la préparation des lames (fixation, coloration, écrasement), "
            "puis l'observation et le dénombrement des cellules à chaque phase.",
            "Les équipes compilent leurs données dans un fichier commun, ce qui permet de "
            "discuter de la variabilité entre les équipes.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Annie Bergeron (Cégep de Saint-Hyacinthe)",
        "disciplines": ["101"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["laboratoire"],
        "dimensions": [2],
        "tags": ["mitose", "microscopie", "laboratoire"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 170,
        "pedagogical_notes": "Faire germer les bulbes cinq jours avant le laboratoire.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "mitose-protocole.pdf", "kind": "pdf", "pages": 6},
            {"name": "mitose-compilation.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "biologie-genetique-mendel-exercices",
        "title": "Exercices de génétique mendélienne : monohybridisme et dihybridisme",
        "summary": (
            "Problèmes de génétique classés par difficulté : échiquiers de Punnett, croisements "
            "de contrôle, dominance incomplète, hérédité liée au sexe et arbres généalogiques."
        ),
        "description": [
            "Chaque série commence par un problème résolu pas à pas. Les réponses sont données "
            "en fin de document, sans la démarche, pour encourager l'autovérification.",
            "Les problèmes d'arbres généalogiques peuvent servir d'activité d'équipe au tableau.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["101"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["génétique", "mendel", "hérédité"],
        "licence": "CC-BY-ND-4.0",
        "price_cents": 500,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "genetique-mendel-exercices.pdf", "kind": "pdf", "pages": 14}],
        "featured_on_home": False,
    },
    {
        "key": "biologie-physiologie-cardiaque-notes",
        "title": "Physiologie du système cardiovasculaire : notes et schémas à compléter",
        "summary": (
            "Notes de cours sur l'anatomie du cœur, le cycle cardiaque, l'électrocardiogramme de "
            "base et la régulation de la pression artérielle, avec schémas à compléter."
        ),
        "description": [
            "Les notes suivent le cheminement du sang et de l'influx électrique dans le cœur, "
            "puis relient chaque onde de l'ECG à un événement du cycle cardiaque.",
            "Les schémas à compléter se prêtent à une activité en classe où l'enseignante ou "
            "l'enseignant complète la version projetée avec le groupe.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["101", "180"],
        "levels": ["collegial_technique"],
        "types": ["notes-de-cours"],
        "dimensions": [],
        "tags": ["physiologie", "cœur", "ecg"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 1200,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "physiologie-cardiaque-notes.pdf", "kind": "pdf", "pages": 29},
            {"name": "physiologie-cardiaque-schemas.pdf", "kind": "pdf", "pages": 5},
        ],
        "featured_on_home": False,
    },
    {
        "key": "biologie-vegetation-riveraine-terrain",
        "title": "Sortie sur le terrain : inventaire de la végétation riveraine",
        "summary": (
            "Scénario complet d'une sortie sur le terrain le long d'un cours d'eau : "
            "échantillonnage par quadrats, identification des espèces et calcul d'indices de "
            "diversité."
        ),
        "description": [
            "Le scénario comprend la préparation en classe, le protocole de terrain, une fiche "
            "de relevé et un gabarit de tableur pour calculer l'indice de Shannon.",
            "La sortie peut être menée avec un cours de géographie pour croiser les observations "
            "de végétation et de relief.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Olivier Gauthier (Cégep de Baie-Comeau)",
        "disciplines": ["101", "320"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["scenario", "laboratoire"],
        "dimensions": [5],
        "tags": ["écologie", "biodiversité", "terrain"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 240,
        "pedagogical_notes": "Vérifier les autorisations d'accès au site et la météo la veille.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "vegetation-riveraine-scenario.pdf", "kind": "pdf", "pages": 11},
            {"name": "vegetation-riveraine-releve.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    # --- Chimie (202) --------------------------------------------------------------------
    {
        "key": "chimie-titrage-acido-basique-labo",
        "title": "Laboratoire : titrage acido-basique et courbes de pH",
        "summary": (
            "Titrage d'un acide faible par une base forte avec un pH-mètre, tracé de la courbe "
            "de titrage et détermination du point d'équivalence et du pKa."
        ),
        "description": [
            "Le protocole guide la préparation de la burette, l'étalonnage du pH-mètre et la "
            "prise de mesures, plus serrées près du point d'équivalence.",
            "Un gabarit de tableur trace la courbe et sa dérivée première pour repérer le point "
            "d'équivalence. Le rapport demande de comparer le pKa obtenu à la valeur tabulée.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Hélène Caron (Cégep de Trois-Rivières)",
        "disciplines": ["202"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["laboratoire"],
        "dimensions": [2],
        "tags": ["titrage", "ph", "acides et bases"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 170,
        "pedagogical_notes": "Se place dans le cours Chimie des solutions, après la théorie sur les tampons.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "titrage-protocole.pdf", "kind": "pdf", "pages": 8},
            {"name": "titrage-gabarit.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": True,
    },
    {
        "key": "chimie-titrage-prelab-questionnaire",
        "title": "Questionnaire prélaboratoire : titrage acido-basique",
        "summary": (
            "Dix questions à remettre avant le laboratoire de titrage pour vérifier la "
            "compréhension du protocole, des calculs de concentration et des règles de sécurité."
        ),
        "description": [
            "Le questionnaire reprend le protocole de titrage d'un acide faible par une base "
            "forte et demande de prévoir l'allure de la courbe avant de la mesurer.",
            "Il se corrige rapidement au début de la séance et permet de repérer les équipes qui "
            "ont besoin d'un rappel avant de manipuler.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Vincent Boucher (Cégep de Granby)",
        "disciplines": ["202"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["evaluation", "laboratoire"],
        "dimensions": [],
        "tags": ["titrage", "prélaboratoire", "sécurité"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 20,
        "pedagogical_notes": "",
        "adapted_from": {"resource": "chimie-titrage-acido-basique-labo"},
        "validated": False,
        "files": [{"name": "titrage-prelab.pdf", "kind": "pdf", "pages": 3}],
        "featured_on_home": False,
    },
    {
        "key": "chimie-stoechiometrie-notes",
        "title": "Stœchiométrie : la mole, les réactifs limitants et le rendement",
        "summary": (
            "Notes de cours traduites et adaptées d'OpenStax Chemistry 2e pour le cours Chimie "
            "générale : mole, masse molaire, équations équilibrées et rendement de réaction."
        ),
        "description": [
            "Les exemples ont été adaptés au contexte québécois et les unités vérifiées selon les "
            "conventions du Système international employées au collégial.",
            "Chaque section comporte des exemples résolus et des exercices avec réponses, qu'on "
            "peut assigner en préparation au cours.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Traduction et adaptation : Julien Morin (Cégep de l'Outaouais)",
        "disciplines": ["202"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours", "exercices"],
        "dimensions": [],
        "tags": ["stœchiométrie", "mole", "réactif limitant"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "Chemistry 2e, Chapter 4: Stoichiometry of Chemical Reactions",
            "author": "Paul Flowers, Klaus Theopold, Richard Langley et William R. Robinson (OpenStax)",
            "url": "https://openstax.org/books/chemistry-2e/pages/4-introduction",
            "licence": "CC-BY-4.0",
        },
        "validated": True,
        "files": [{"name": "stoechiometrie-notes.pdf", "kind": "pdf", "pages": 32}],
        "featured_on_home": False,
    },
    {
        "key": "chimie-nomenclature-organique-quiz",
        "title": "Quiz interactif : nomenclature des composés organiques",
        "summary": (
            "Un quiz H5P de trente questions pour nommer alcanes, alcènes, alcools, aldéhydes, "
            "cétones et acides carboxyliques selon les règles de l'UICPA."
        ),
        "description": [
            "Les questions alternent entre nommer une structure et choisir la structure qui "
            "correspond à un nom. La rétroaction rappelle la règle en cause.",
            "Le quiz s'utilise en révision autonome ou en début de cours pour activer les "
            "connaissances.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Nathalie Paré (Cégep de Lanaudière à Joliette)",
        "disciplines": ["202"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["interactif"],
        "dimensions": [3],
        "tags": ["chimie organique", "nomenclature", "h5p"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 30,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "nomenclature-quiz-imprimable.pdf", "kind": "pdf", "pages": 6},
            {"name": "nomenclature-quiz-lisez-moi.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    # --- Physique (203) ------------------------------------------------------------------
    {
        "key": "physique-cinematique-notes",
        "title": "Mécanique : cinématique en une et deux dimensions",
        "summary": (
            "Notes de cours sur la position, la vitesse et l'accélération, le mouvement "
            "rectiligne uniformément accéléré et le mouvement des projectiles."
        ),
        "description": [
            "Les notes alternent explications, exemples résolus et graphiques à interpréter. "
            "Une attention particulière est portée aux liens entre les graphiques position, "
            "vitesse et accélération.",
            "Elles couvrent les trois premières semaines du cours Mécanique.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Louis Bergeron (Cégep de Rimouski)",
        "disciplines": ["203"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours"],
        "dimensions": [],
        "tags": ["mécanique", "cinématique", "projectiles"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [{"name": "cinematique-notes.pdf", "kind": "pdf", "pages": 38}],
        "featured_on_home": False,
    },
    {
        "key": "physique-cinematique-exercices-corriges",
        "title": "Cinématique : exercices corrigés et problèmes de synthèse",
        "summary": (
            "Exercices corrigés qui accompagnent les notes de cinématique : graphiques de "
            "mouvement, chute libre, projectiles et problèmes de synthèse de type examen."
        ),
        "description": [
            "Les exercices suivent l'ordre des notes de cours et renvoient aux sections "
            "correspondantes. Les solutions détaillent la démarche et les unités.",
            "Les problèmes de synthèse combinent plusieurs notions et conviennent aux périodes "
            "de révision avant l'examen.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Nadia Roy (Cégep de Rimouski)",
        "disciplines": ["203"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["cinématique", "chute libre", "exercices corrigés"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {"resource": "physique-cinematique-notes"},
        "validated": False,
        "files": [
            {"name": "cinematique-exercices.pdf", "kind": "pdf", "pages": 12},
            {"name": "cinematique-solutions.pdf", "kind": "pdf", "pages": 20},
        ],
        "featured_on_home": False,
    },
    {
        "key": "physique-cinematique-h5p",
        "title": "Capsules interactives : lire les graphiques de mouvement",
        "summary": (
            "Activités H5P tirées des exercices de cinématique : associer des graphiques "
            "position-temps et vitesse-temps, puis prédire le mouvement d'un objet."
        ),
        "description": [
            "Huit activités courtes avec rétroaction immédiate transforment les exercices "
            "graphiques en glisser-déposer et en questions à choix multiples.",
            "Elles servent de préparation au cours ou de vérification rapide en début de "
            "période, projetées et résolues en grand groupe.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Équipe REL du Cégep de Rimouski",
        "disciplines": ["203"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["interactif"],
        "dimensions": [3, 7],
        "tags": ["cinématique", "graphiques", "h5p"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 25,
        "pedagogical_notes": "",
        "adapted_from": {"resource": "physique-cinematique-exercices-corriges"},
        "validated": False,
        "files": [
            {"name": "cinematique-h5p-lisez-moi.txt", "kind": "txt", "pages": None},
            {"name": "cinematique-h5p-apercu.pdf", "kind": "pdf", "pages": 4},
        ],
        "featured_on_home": False,
    },
    {
        "key": "physique-pendule-labo",
        "title": "Laboratoire : période d'un pendule simple et analyse d'incertitudes",
        "summary": (
            "Mesure de la période d'un pendule pour plusieurs longueurs, linéarisation des "
            "données et calcul de g avec son incertitude."
        ),
        "description": [
            "Le protocole insiste sur la planification des mesures (nombre d'oscillations "
            "chronométrées, répétitions) et sur la propagation des incertitudes.",
            "Le gabarit de données permet de tracer le graphique linéarisé et de comparer la "
            "pente obtenue à la valeur attendue.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Philippe Hamel (Cégep de Chicoutimi)",
        "disciplines": ["203"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["laboratoire"],
        "dimensions": [2, 10],
        "tags": ["pendule", "incertitudes", "linéarisation"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 110,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "pendule-protocole.pdf", "kind": "pdf", "pages": 5},
            {"name": "pendule-donnees.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "physique-circuits-rc-simulation",
        "title": "Simulation : charge et décharge d'un condensateur dans un circuit RC",
        "summary": (
            "Activité guidée avec un simulateur de circuits en ligne pour observer la charge et "
            "la décharge d'un condensateur et mesurer la constante de temps."
        ),
        "description": [
            "Les étudiantes et étudiants font varier la résistance et la capacité, relèvent la "
            "tension aux bornes du condensateur et vérifient la relation entre la constante de "
            "temps et le produit RC.",
            "L'activité précède le laboratoire réel et réduit le temps passé à comprendre le "
            "montage une fois au laboratoire.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Stéphane Giguère (Cégep de Sept-Îles)",
        "disciplines": ["203", "243"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["simulation", "activite"],
        "dimensions": [2, 3],
        "tags": ["électricité", "circuit rc", "condensateur"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "circuits-rc-activite.pdf", "kind": "pdf", "pages": 6}],
        "featured_on_home": False,
    },
    # --- Technologie de l'électronique (243) ---------------------------------------------
    {
        "key": "electronique-soudure-guide",
        "title": "Guide : souder des composants traversants et inspecter ses soudures",
        "summary": (
            "Guide illustré sur la soudure de composants traversants : préparation du poste, "
            "technique de soudure, inspection visuelle et défauts courants."
        ),
        "description": [
            "Le guide présente les règles de sécurité, le choix de la panne et de la soudure, "
            "puis la technique en cinq étapes. Un tableau photographique montre les défauts les "
            "plus fréquents et leur correction.",
            "Il accompagne le premier atelier pratique du programme et peut rester affiché au "
            "poste de travail.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Denis Lapointe (Cégep de Jonquière)",
        "disciplines": ["243"],
        "levels": ["collegial_technique", "fp"],
        "types": ["guide"],
        "dimensions": [],
        "tags": ["soudure", "atelier", "sécurité"],
        "licence": "CC-BY-ND-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [{"name": "guide-soudure.pdf", "kind": "pdf", "pages": 14}],
        "featured_on_home": False,
    },
    {
        "key": "electronique-arduino-capteurs-labo",
        "title": "Laboratoire : lire un capteur de température avec Arduino",
        "summary": (
            "Montage d'un capteur de température analogique sur une carte Arduino, conversion "
            "de la lecture en degrés Celsius et enregistrement des mesures dans un fichier."
        ),
        "description": [
            "Le laboratoire guide le montage, l'écriture du programme et l'étalonnage du capteur "
            "à l'aide d'un thermomètre de référence.",
            "La dernière partie demande de concevoir une alarme simple, ce qui ouvre la porte à "
            "un mini-projet de fin de session.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Denis Lapointe (Cégep de Jonquière)",
        "disciplines": ["243", "420"],
        "levels": ["collegial_technique"],
        "types": ["laboratoire"],
        "dimensions": [2, 12],
        "tags": ["arduino", "capteurs", "programmation embarquée"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 165,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "arduino-temperature-protocole.pdf", "kind": "pdf", "pages": 7},
            {"name": "arduino-temperature-programme.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    # --- Français, langue d'enseignement et littérature (601) ---------------------------
    {
        "key": "francais-dissertation-critique-grille",
        "title": "Grille d'évaluation d'une dissertation critique",
        "summary": (
            "Grille critériée alignée sur les critères de l'épreuve uniforme de français : "
            "compréhension des textes, qualité de l'argumentation, structure et maîtrise de la "
            "langue."
        ),
        "description": [
            "La grille décline chaque critère en quatre niveaux décrits avec des exemples de "
            "formulations attendues. Une version simplifiée sert à l'autoévaluation.",
            "Elle peut être remise avec le sujet de dissertation pour que les étudiantes et "
            "étudiants sachent exactement sur quoi portera la correction.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Geneviève Lachance (Cégep de Jonquière)",
        "disciplines": ["601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["grille"],
        "dimensions": [],
        "tags": ["dissertation critique", "épreuve uniforme", "grille critériée"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "grille-dissertation-critique.pdf", "kind": "pdf", "pages": 3},
            {"name": "grille-dissertation-autoevaluation.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": True,
    },
    {
        "key": "francais-analyse-litteraire-methode",
        "title": "Méthode de l'analyse littéraire : du repérage à la rédaction",
        "summary": (
            "Guide méthodologique pour le premier cours de français : lire un extrait, repérer "
            "les procédés, formuler une idée directrice et rédiger un paragraphe d'analyse."
        ),
        "description": [
            "Le guide procède par étapes, avec un extrait de nouvelle analysé en entier à titre "
            "d'exemple, du surlignage des procédés jusqu'au texte final.",
            "Des fiches de travail reproductibles accompagnent chaque étape et peuvent être "
            "utilisées avec n'importe quel extrait au programme.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Julie Lavoie (Cégep de Saint-Laurent)",
        "disciplines": ["601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["guide"],
        "dimensions": [],
        "tags": ["analyse littéraire", "procédés d'écriture", "méthodologie"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "analyse-litteraire-guide.pdf", "kind": "pdf", "pages": 19},
            {"name": "analyse-litteraire-fiches.pdf", "kind": "pdf", "pages": 5},
        ],
        "featured_on_home": False,
    },
    {
        "key": "francais-epreuve-uniforme-preparation",
        "title": "Préparation à l'épreuve uniforme de français : ateliers de rédaction",
        "summary": (
            "Six ateliers de deux heures pour préparer l'épreuve uniforme : lecture des trois "
            "textes, choix du point de vue, plan, rédaction chronométrée et révision."
        ),
        "description": [
            "Chaque atelier propose une courte explication, un exercice en classe et un exercice "
            "de transfert. Le dernier atelier simule les conditions de l'épreuve.",
            "Les ateliers s'intègrent au cours de littérature québécoise ou peuvent être offerts "
            "au centre d'aide en français.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Centre d'aide en français, Cégep régional de Lanaudière",
        "disciplines": ["601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["scenario", "exercices"],
        "dimensions": [],
        "tags": ["épreuve uniforme", "rédaction", "dissertation critique"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 120,
        "pedagogical_notes": "Diffusion gratuite autorisée à des fins d'enseignement seulement.",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "ateliers-epreuve-uniforme.pdf", "kind": "pdf", "pages": 27}],
        "featured_on_home": False,
    },
    {
        "key": "francais-romantisme-presentation",
        "title": "Présentation : le romantisme français, de Chateaubriand à Hugo",
        "summary": (
            "Diaporama sur le contexte, les thèmes et l'esthétique du romantisme, avec des "
            "extraits courts de Chateaubriand, Lamartine, Musset et Hugo à analyser en classe."
        ),
        "description": [
            "La présentation situe le mouvement dans son contexte historique avant d'aborder ses "
            "thèmes (le moi, la nature, le mal du siècle) et ses ruptures avec le classicisme.",
            "Chaque extrait est suivi de deux ou trois questions de lecture qui peuvent être "
            "travaillées en dyades.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Julie Lavoie (Cégep de Saint-Laurent)",
        "disciplines": ["601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["presentation"],
        "dimensions": [],
        "tags": ["romantisme", "courants littéraires", "poésie"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "romantisme-presentation.pdf", "kind": "pdf", "pages": 42}],
        "featured_on_home": False,
    },
    {
        "key": "francais-participe-passe-exercices",
        "title": "Exercices d'accord du participe passé : verbes pronominaux et cas difficiles",
        "summary": (
            "Exercices ciblés sur l'accord du participe passé des verbes pronominaux, suivi d'un "
            "infinitif ou précédé de « en », avec explications dans le corrigé."
        ),
        "description": [
            "Les exercices passent de phrases isolées à des paragraphes à corriger, pour "
            "rapprocher la pratique de la révision de ses propres textes.",
            "Le corrigé explique chaque accord à l'aide d'une démarche de questionnement "
            "réutilisable en révision.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Centre d'aide en français, Cégep de Victoriaville",
        "disciplines": ["601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique", "fga"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["grammaire", "participe passé", "révision linguistique"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "participe-passe-exercices.pdf", "kind": "pdf", "pages": 8},
            {"name": "participe-passe-corrige.pdf", "kind": "pdf", "pages": 8},
        ],
        "featured_on_home": False,
    },
    {
        "key": "francais-misanthrope-sequence",
        "title": "Séquence didactique : Le Misanthrope de Molière",
        "summary": (
            "Séquence de cinq séances sur Le Misanthrope : contexte du Grand Siècle, lecture "
            "des scènes clés, analyse du personnage d'Alceste et dissertation explicative."
        ),
        "description": [
            "Chaque séance est décrite avec ses intentions, son déroulement et les questions de "
            "lecture. Une scène est travaillée en lecture à voix haute.",
            "La séquence se termine par un sujet de dissertation explicative et un plan type "
            "commenté.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "François Bélanger (Cégep de Drummondville)",
        "disciplines": ["601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["scenario"],
        "dimensions": [],
        "tags": ["molière", "théâtre classique", "dissertation explicative"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 500,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "misanthrope-sequence.pdf", "kind": "pdf", "pages": 16}],
        "featured_on_home": False,
    },
    # --- Philosophie (340) ---------------------------------------------------------------
    {
        "key": "philo-dissertation-grille",
        "title": "Grille d'évaluation d'une dissertation philosophique",
        "summary": (
            "Adaptation pour la philosophie de la grille de dissertation critique : "
            "problématisation, présentation des thèses, argumentation, objection et réfutation."
        ),
        "description": [
            "La structure de la grille de français a été conservée pour que les étudiantes et "
            "étudiants reconnaissent les attentes d'une discipline à l'autre. Les critères ont "
            "été réécrits pour la dissertation philosophique.",
            "Elle convient au cours L'être humain comme au cours d'éthique et politique.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Marc-Antoine Richard (Cégep de Jonquière)",
        "disciplines": ["340"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["grille"],
        "dimensions": [],
        "tags": ["dissertation philosophique", "argumentation", "grille critériée"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {"resource": "francais-dissertation-critique-grille"},
        "validated": True,
        "files": [{"name": "grille-dissertation-philosophique.pdf", "kind": "pdf", "pages": 3}],
        "featured_on_home": False,
    },
    {
        "key": "philo-allegorie-caverne-activite",
        "title": "Activité : lecture guidée de l'allégorie de la caverne",
        "summary": (
            "Lecture guidée du début du livre VII de La République en trois temps : "
            "représentation de la scène, interprétation des symboles et transposition à "
            "l'époque actuelle."
        ),
        "description": [
            "Les étudiantes et étudiants dessinent d'abord la caverne à partir du texte, puis "
            "associent chaque élément à une thèse de Platon sur la connaissance.",
            "La dernière étape propose de transposer l'allégorie à la consommation "
            "d'information en ligne, ce qui prépare une discussion sur les chambres d'écho.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Marc-Antoine Richard (Cégep de Jonquière)",
        "disciplines": ["340"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["activite"],
        "dimensions": [11],
        "tags": ["platon", "allégorie de la caverne", "connaissance"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "Se place bien dans le cours Philosophie et rationalité.",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "allegorie-caverne-activite.pdf", "kind": "pdf", "pages": 5}],
        "featured_on_home": False,
    },
    {
        "key": "philo-reconnaissance-faciale-etude-cas",
        "title": "Étude de cas : la reconnaissance faciale à l'entrée d'un cégep",
        "summary": (
            "Un cas fictif où une direction envisage la reconnaissance faciale pour contrôler "
            "l'accès au cégep, à analyser avec les théories éthiques vues en classe."
        ),
        "description": [
            "Le dossier présente les points de vue de la direction, d'une association "
            "étudiante, d'un fournisseur et d'une spécialiste en protection des "
            "renseignements personnels.",
            "Les équipes analysent le cas selon l'utilitarisme, le déontologisme et l'éthique "
            "de la discussion, puis rédigent une recommandation argumentée.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Audrey Champagne (Cégep Édouard-Montpetit)",
        "disciplines": ["340"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [1, 11],
        "tags": ["éthique", "vie privée", "intelligence artificielle"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 150,
        "pedagogical_notes": "Le cas est fictif, les enjeux soulevés sont réels.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "reconnaissance-faciale-dossier.pdf", "kind": "pdf", "pages": 8},
            {"name": "reconnaissance-faciale-consignes.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": True,
    },
    {
        "key": "philo-sophismes-balado",
        "title": "Balado : repérer les sophismes dans les débats publics",
        "summary": (
            "Trois épisodes de balado de quinze minutes sur les sophismes les plus courants "
            "(homme de paille, pente glissante, faux dilemme), avec exercices d'écoute."
        ),
        "description": [
            "Chaque épisode présente deux ou trois sophismes à partir d'exemples de débats "
            "inventés, puis propose de les reconnaître dans de courts extraits.",
            "Les transcriptions et une fiche d'écoute permettent d'utiliser les épisodes en "
            "classe ou en travail autonome.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Audrey Champagne et Samuel Gingras (Cégep Édouard-Montpetit)",
        "disciplines": ["340"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["balado"],
        "dimensions": [4, 11],
        "tags": ["sophismes", "argumentation", "pensée critique"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 45,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "sophismes-transcriptions.txt", "kind": "txt", "pages": None},
            {"name": "sophismes-fiche-ecoute.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    # --- Français, langue seconde (602) --------------------------------------------------
    {
        "key": "fls-entrevue-embauche-simulation",
        "title": "Simulation d'entrevue d'embauche en français langue seconde",
        "summary": (
            "Jeu de rôle en trois étapes pour se préparer à une entrevue d'embauche en "
            "français : vocabulaire, questions fréquentes et entrevue simulée avec rétroaction."
        ),
        "description": [
            "Les étudiantes et étudiants préparent leurs réponses à partir d'une offre d'emploi "
            "liée à leur programme, puis passent l'entrevue en dyades.",
            "Une grille d'observation centrée sur l'aisance, le vocabulaire et la structure des "
            "réponses guide la rétroaction entre pairs.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Sarah Kim (Collège Dawson)",
        "disciplines": ["602"],
        "levels": ["collegial_technique"],
        "types": ["simulation", "grille"],
        "dimensions": [6],
        "tags": ["expression orale", "entrevue", "français langue seconde"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 150,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "entrevue-fls-activite.pdf", "kind": "pdf", "pages": 6},
            {"name": "entrevue-fls-grille.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    # --- Éducation physique (109) --------------------------------------------------------
    {
        "key": "edphys-projet-personnel-grille",
        "title": "Grille d'évaluation du projet personnel d'activité physique",
        "summary": (
            "Grille critériée pour évaluer le projet personnel du troisième cours d'éducation "
            "physique : objectifs, planification, journal de bord et bilan réflexif."
        ),
        "description": [
            "La grille couvre les quatre livrables du projet et précise ce qui distingue une "
            "planification réaliste d'une planification simplement ambitieuse.",
            "Elle est accompagnée d'un gabarit de journal de bord au format tableur que les "
            "étudiantes et étudiants remplissent chaque semaine.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Maxime Côté (Cégep de Sainte-Foy)",
        "disciplines": ["109"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["grille"],
        "dimensions": [9],
        "tags": ["projet personnel", "autonomie", "grille critériée"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "projet-personnel-grille.pdf", "kind": "pdf", "pages": 2},
            {"name": "journal-de-bord.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "edphys-frequence-cardiaque-labo",
        "title": "Laboratoire : fréquence cardiaque et zones d'intensité",
        "summary": (
            "Les étudiantes et étudiants mesurent leur fréquence cardiaque au repos et à "
            "l'effort, calculent leurs zones d'intensité et les comparent à leurs sensations."
        ),
        "description": [
            "Le protocole alterne prises de pouls manuelles et lectures d'un cardiofréquencemètre "
            "ou d'une montre, ce qui permet de discuter de la fiabilité des appareils.",
            "Les résultats servent ensuite à planifier les séances d'entraînement du cours "
            "Activité physique et santé.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Maxime Côté (Cégep de Sainte-Foy)",
        "disciplines": ["109"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["laboratoire"],
        "dimensions": [2, 11],
        "tags": ["fréquence cardiaque", "intensité", "santé"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "Aucune donnée personnelle n'a à être remise à l'enseignant.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "frequence-cardiaque-protocole.pdf", "kind": "pdf", "pages": 4},
            {"name": "frequence-cardiaque-calculs.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "edphys-course-orientation-campus",
        "title": "Course d'orientation sur le campus : activité clé en main",
        "summary": (
            "Une course d'orientation adaptable à n'importe quel campus : préparation de la "
            "carte, pose des balises, consignes de sécurité et fiches de pointage."
        ),
        "description": [
            "Le guide explique comment produire une carte simple du campus et placer une "
            "quinzaine de balises en moins d'une heure.",
            "Trois parcours de difficulté différente permettent à tout le groupe de participer, "
            "quel que soit le niveau de condition physique.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Département d'éducation physique, Cégep de Matane",
        "disciplines": ["109"],
        "levels": ["collegial_preuniversitaire", "collegial_technique", "secondaire"],
        "types": ["activite", "guide"],
        "dimensions": [],
        "tags": ["plein air", "orientation", "activité clé en main"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "course-orientation-guide.pdf", "kind": "pdf", "pages": 7},
            {"name": "course-orientation-pointage.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    # --- Sciences humaines ---------------------------------------------------------------
    {
        "key": "psycho-memoire-notes",
        "title": "La mémoire : processus, modèles et oubli",
        "summary": (
            "Chapitre d'introduction à la psychologie adapté d'OpenStax Psychology 2e : "
            "encodage, stockage, récupération, modèle d'Atkinson et Shiffrin et causes de l'oubli."
        ),
        "description": [
            "Le chapitre a été traduit et raccourci, et les exemples ont été remplacés par des "
            "situations de la vie étudiante (réviser pour un examen, retenir un horaire).",
            "Il se termine par une activité où les étudiantes et étudiants comparent deux "
            "stratégies d'étude à la lumière des notions vues.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Traduction : Émilie Paquette (Cégep Marie-Victorin)",
        "disciplines": ["350"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours", "activite"],
        "dimensions": [3],
        "tags": ["mémoire", "psychologie cognitive", "stratégies d'étude"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "Psychology 2e, Chapter 8: Memory",
            "author": "Rose M. Spielman, William J. Jenkins et Marilyn D. Lovett (OpenStax)",
            "url": "https://openstax.org/books/psychology-2e/pages/8-introduction",
            "licence": "CC-BY-4.0",
        },
        "validated": True,
        "files": [{"name": "memoire-chapitre.pdf", "kind": "pdf", "pages": 24}],
        "featured_on_home": False,
    },
    {
        "key": "psycho-privation-sommeil-etude-cas",
        "title": "Étude de cas : concevoir une expérience sur la privation de sommeil",
        "summary": (
            "À partir d'une question de recherche sur le sommeil et la mémoire, les équipes "
            "formulent une hypothèse, choisissent leurs variables et repèrent les biais possibles."
        ),
        "description": [
            "Le cas guide les équipes à travers les étapes de la méthode expérimentale : "
            "hypothèse, variables indépendante et dépendante, groupe témoin, assignation "
            "aléatoire.",
            "Une section porte sur les règles éthiques de la recherche avec des êtres humains "
            "et sur ce qui rendrait l'expérience inacceptable.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Émilie Paquette (Cégep Marie-Victorin)",
        "disciplines": ["350"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["etude-de-cas"],
        "dimensions": [4],
        "tags": ["méthode expérimentale", "sommeil", "éthique de la recherche"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "privation-sommeil-cas.pdf", "kind": "pdf", "pages": 5}],
        "featured_on_home": False,
    },
    {
        "key": "histoire-relations-jesuites-sources",
        "title": "Analyse de sources primaires : les Relations des jésuites",
        "summary": (
            "Atelier d'analyse critique de trois extraits des Relations des jésuites : auteur, "
            "destinataire, intention, point de vue sur les nations autochtones."
        ),
        "description": [
            "Les extraits sont présentés en français modernisé avec la référence à l'édition "
            "originale. Une fiche d'analyse guide la critique externe et interne de chaque "
            "source.",
            "La mise en commun amène à distinguer ce que la source révèle sur les nations "
            "autochtones et ce qu'elle révèle sur les missionnaires eux-mêmes.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Véronique Tardif (Cégep de Trois-Rivières)",
        "disciplines": ["330"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["activite"],
        "dimensions": [4],
        "tags": ["nouvelle-france", "sources primaires", "critique historique"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "relations-jesuites-extraits.pdf", "kind": "pdf", "pages": 6},
            {"name": "relations-jesuites-fiche.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "histoire-revolution-tranquille-presentation",
        "title": "La Révolution tranquille : chronologie commentée et pistes de discussion",
        "summary": (
            "Présentation sur les grandes réformes des années 1960 au Québec : éducation, "
            "nationalisation de l'électricité, création des cégeps et affirmation nationale."
        ),
        "description": [
            "La chronologie met en relation les réformes politiques, économiques et sociales de "
            "la période, de l'élection de 1960 à l'Expo 67.",
            "Des questions de discussion invitent à débattre de la notion même de « révolution » "
            "tranquille et de ses continuités avec la période précédente.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Véronique Tardif (Cégep de Trois-Rivières)",
        "disciplines": ["330", "385"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["presentation"],
        "dimensions": [],
        "tags": ["histoire du québec", "révolution tranquille", "années 1960"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "revolution-tranquille.pdf", "kind": "pdf", "pages": 28}],
        "featured_on_home": False,
    },
    {
        "key": "geo-ilots-chaleur-qgis",
        "title": "Initiation aux SIG avec QGIS : cartographier les îlots de chaleur urbains",
        "summary": (
            "Tutoriel pas à pas pour produire dans QGIS une carte des îlots de chaleur d'un "
            "quartier à partir de données ouvertes, puis l'interpréter."
        ),
        "description": [
            "Le tutoriel couvre l'importation de couches, la symbologie, la mise en page et "
            "l'exportation d'une carte. Chaque étape est illustrée par des captures d'écran.",
            "La dernière partie demande de croiser la carte avec la couverture végétale et de "
            "proposer des aménagements, ce qui fait le lien avec les enjeux d'adaptation aux "
            "changements climatiques.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Olivier Gauthier (Cégep de Baie-Comeau)",
        "disciplines": ["320"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["guide", "laboratoire"],
        "dimensions": [2, 4, 7],
        "tags": ["sig", "qgis", "îlots de chaleur"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 150,
        "pedagogical_notes": "QGIS est un logiciel libre, installable sur les postes du laboratoire.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "qgis-ilots-chaleur-tutoriel.pdf", "kind": "pdf", "pages": 17},
            {"name": "qgis-ilots-chaleur-sources.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "eco-jeu-marche-offre-demande",
        "title": "Jeu de marché en classe : offre, demande et prix d'équilibre",
        "summary": (
            "Un jeu de simulation où la moitié du groupe achète et l'autre vend, pour observer "
            "la formation d'un prix d'équilibre avant d'en faire la théorie."
        ),
        "description": [
            "Chaque participante et participant reçoit une carte avec un prix de réserve. Trois "
            "rondes d'échanges permettent de voir les prix converger, puis d'introduire une "
            "taxe ou un prix plafond.",
            "Un gabarit de tableur compile les transactions et trace les courbes d'offre et de "
            "demande à partir des cartes distribuées.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Jean-Philippe Nadeau (Cégep de Sainte-Foy)",
        "disciplines": ["383"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["simulation"],
        "dimensions": [],
        "tags": ["microéconomie", "offre et demande", "jeu de rôle"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "Fonctionne avec des groupes de 20 à 40 personnes.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "jeu-marche-consignes.pdf", "kind": "pdf", "pages": 4},
            {"name": "jeu-marche-cartes.pdf", "kind": "pdf", "pages": 3},
            {"name": "jeu-marche-transactions.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "socio-questionnaire-enquete-guide",
        "title": "Construire un questionnaire d'enquête : guide et exemples commentés",
        "summary": (
            "Guide pour concevoir un questionnaire en sciences humaines : formulation des "
            "questions, échelles de réponse, prétest et pièges à éviter."
        ),
        "description": [
            "Le guide compare de mauvaises et de bonnes formulations (questions doubles, "
            "orientées, ambiguës) et explique chaque correction.",
            "Il accompagne le cours Démarche d'intégration des acquis en sciences humaines ou "
            "tout travail d'enquête par questionnaire.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Nicolas Poirier (Cégep de Sherbrooke)",
        "disciplines": ["387"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["guide"],
        "dimensions": [4],
        "tags": ["méthodologie", "questionnaire", "enquête"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "questionnaire-enquete-guide.pdf", "kind": "pdf", "pages": 15}],
        "featured_on_home": False,
    },
    {
        "key": "scpo-parlementarisme-quebecois",
        "title": "Le parlementarisme québécois : notes et schémas",
        "summary": (
            "Notes de cours sur les institutions politiques du Québec : Assemblée nationale, "
            "Conseil exécutif, processus législatif et rôle de l'opposition."
        ),
        "description": [
            "Les notes présentent chaque institution avec un schéma et suivent le parcours d'un "
            "projet de loi, du dépôt à la sanction.",
            "Une activité de fin de chapitre propose de suivre un projet de loi réel sur le site "
            "de l'Assemblée nationale.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Isabelle Morin (Cégep de Rivière-du-Loup)",
        "disciplines": ["385"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours"],
        "dimensions": [4],
        "tags": ["institutions politiques", "assemblée nationale", "processus législatif"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "parlementarisme-notes.pdf", "kind": "pdf", "pages": 20}],
        "featured_on_home": False,
    },
    {
        "key": "stats-descriptives-tableur-exercices",
        "title": "Méthodes quantitatives : statistique descriptive avec un tableur",
        "summary": (
            "Exercices guidés sur les tableaux de fréquences, les mesures de tendance centrale et "
            "de dispersion et les graphiques, réalisés dans un tableur à partir d'un sondage "
            "fictif."
        ),
        "description": [
            "Le jeu de données simule un sondage sur les habitudes de vie de la population "
            "étudiante. Chaque exercice produit un tableau ou un graphique à interpréter.",
            "Les exercices accompagnent le cours de méthodes quantitatives du programme de "
            "Sciences humaines et préparent au projet d'enquête.",
        ],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201", "387"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [2, 4],
        "tags": ["statistique descriptive", "tableur", "méthodes quantitatives"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 500,
        "member_price_cents": 375,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "stats-descriptives-exercices.pdf", "kind": "pdf", "pages": 11},
            {"name": "sondage-habitudes-de-vie.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    # --- Techniques humaines -------------------------------------------------------------
    {
        "key": "doc-fiabilite-sources-atelier",
        "title": "Atelier de recherche documentaire : évaluer la fiabilité d'une source",
        "summary": (
            "Atelier de 75 minutes pour apprendre à chercher dans les bases de données de la "
            "bibliothèque et à évaluer la fiabilité d'une source avec une grille simple."
        ),
        "description": [
            "L'atelier alterne démonstration et pratique : formuler une requête, utiliser les "
            "filtres, puis évaluer trois sources sur un même sujet (article savant, article de "
            "presse, page commerciale).",
            "Conçu par l'équipe de la bibliothèque, il s'offre dans n'importe quel cours qui "
            "exige un travail de recherche.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Bibliothèque du Cégep de l'Outaouais",
        "disciplines": ["393", "601"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["activite", "grille"],
        "dimensions": [4, 11],
        "tags": ["recherche documentaire", "fiabilité", "culture informationnelle"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "atelier-fiabilite-sources.pdf", "kind": "pdf", "pages": 6},
            {"name": "grille-fiabilite.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    {
        "key": "tee-developpement-moteur-grille",
        "title": "Grille d'observation du développement moteur de l'enfant de 3 à 5 ans",
        "summary": (
            "Grille d'observation de la motricité globale et fine de l'enfant d'âge préscolaire, "
            "à utiliser en stage dans un service de garde éducatif."
        ),
        "description": [
            "La grille décrit des comportements observables par tranche d'âge et laisse de "
            "l'espace pour noter le contexte de l'observation.",
            "Elle s'accompagne de consignes sur l'observation objective et sur la "
            "confidentialité des renseignements recueillis en stage.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Chantal Ouellette (Cégep de Saint-Jérôme)",
        "disciplines": ["322"],
        "levels": ["collegial_technique"],
        "types": ["grille"],
        "dimensions": [],
        "tags": ["développement moteur", "observation", "petite enfance"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "grille-developpement-moteur.pdf", "kind": "pdf", "pages": 4}],
        "featured_on_home": False,
    },
    {
        "key": "tes-intervention-crise-etude-cas",
        "title": "Étude de cas : intervention en situation de crise en milieu jeunesse",
        "summary": (
            "Cas d'un adolescent en centre de réadaptation qui se désorganise pendant la soirée, "
            "à analyser avec un modèle d'intervention en situation de crise."
        ),
        "description": [
            "Le cas est découpé en séquences pour que les équipes déterminent, à chaque moment, "
            "le niveau d'escalade et l'intervention appropriée.",
            "Une section sur le retour post-crise avec le jeune et avec l'équipe de travail "
            "complète l'analyse.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Martin Lessard (Cégep du Vieux Montréal)",
        "disciplines": ["351"],
        "levels": ["collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [],
        "tags": ["intervention de crise", "adolescence", "réadaptation"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "intervention-crise-cas.pdf", "kind": "pdf", "pages": 7}],
        "featured_on_home": False,
    },
    {
        "key": "tts-entrevue-accueil-jeu-role",
        "title": "Jeu de rôle : la première entrevue d'accueil en travail social",
        "summary": (
            "Trois mises en situation pour s'exercer à conduire une entrevue d'accueil : "
            "présentation du service, collecte d'information et reformulation de la demande."
        ),
        "description": [
            "Chaque mise en situation fournit une fiche pour la personne intervenante et une "
            "fiche confidentielle pour la personne qui joue l'usager.",
            "Une grille d'observation centrée sur l'écoute et la clarification de la demande "
            "sert au retour en grand groupe.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Nathalie Gosselin (Cégep de Jonquière)",
        "disciplines": ["388"],
        "levels": ["collegial_technique"],
        "types": ["simulation", "activite"],
        "dimensions": [],
        "tags": ["entrevue", "relation d'aide", "accueil"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "entrevue-accueil-situations.pdf", "kind": "pdf", "pages": 6},
            {"name": "entrevue-accueil-grille.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    {
        "key": "soins-sante-mentale-etude-cas",
        "title": "Étude de cas en santé mentale : premier épisode psychotique",
        "summary": (
            "Étude de cas d'un jeune adulte hospitalisé pour un premier épisode psychotique : "
            "évaluation de l'état mental, communication, sécurité et collaboration avec la "
            "famille."
        ),
        "description": [
            "Le cas présente les notes d'admission, des extraits d'échanges avec le patient et "
            "les observations de l'équipe pendant la première semaine.",
            "Les questions portent sur l'examen de l'état mental, les interventions de "
            "communication et la préparation au suivi dans la communauté.",
        ],
        "language": "fr",
        "authors": ["sgagnon"],
        "co_authors": "",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [],
        "tags": ["santé mentale", "psychose", "examen de l'état mental"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 1200,
        "member_price_cents": 900,
        "duration_minutes": 150,
        "pedagogical_notes": "Sujet sensible : prévoir un temps de retour sur les réactions du groupe.",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "sante-mentale-cas.pdf", "kind": "pdf", "pages": 10},
            {"name": "sante-mentale-guide-enseignant.pdf", "kind": "pdf", "pages": 6},
        ],
        "featured_on_home": False,
    },
    # --- Techniques administratives ------------------------------------------------------
    {
        "key": "admin-etats-financiers-exercices",
        "title": "Exercices : préparer les états financiers d'une petite entreprise",
        "summary": (
            "À partir de la balance de vérification d'une entreprise fictive, les étudiantes et "
            "étudiants préparent l'état des résultats et le bilan, puis calculent des ratios."
        ),
        "description": [
            "Trois cas de difficulté croissante sont proposés : entreprise de services, "
            "entreprise commerciale, puis entreprise avec écritures de régularisation.",
            "Les données sont fournies en format tableur pour que le travail puisse se faire à "
            "l'ordinateur.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Louise Fréchette (Cégep de Granby)",
        "disciplines": ["410"],
        "levels": ["collegial_technique"],
        "types": ["exercices"],
        "dimensions": [2],
        "tags": ["comptabilité", "états financiers", "ratios"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "etats-financiers-exercices.pdf", "kind": "pdf", "pages": 9},
            {"name": "balance-verification.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "bureautique-publipostage-guide",
        "title": "Guide : publipostage avec un tableur et un traitement de texte",
        "summary": (
            "Tutoriel illustré pour produire des lettres et des étiquettes personnalisées à "
            "partir d'une liste de contacts, avec des champs conditionnels."
        ),
        "description": [
            "Le guide part d'une liste de contacts fournie, explique comment la nettoyer, puis "
            "montre la fusion dans le traitement de texte, étape par étape.",
            "Un exercice de synthèse demande de produire des convocations différentes selon le "
            "statut de chaque personne.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Lyne Bérubé (Cégep de Rimouski)",
        "disciplines": ["412"],
        "levels": ["collegial_technique", "fp"],
        "types": ["guide", "exercices"],
        "dimensions": [2],
        "tags": ["publipostage", "traitement de texte", "tableur"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 100,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "publipostage-guide.pdf", "kind": "pdf", "pages": 12},
            {"name": "liste-contacts.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "tourisme-forfait-regional-projet",
        "title": "Projet : concevoir un forfait touristique régional de trois jours",
        "summary": (
            "Projet d'équipe où l'on conçoit, chiffre et présente un forfait touristique dans "
            "une région du Québec, de l'itinéraire au calcul du prix de vente."
        ),
        "description": [
            "L'énoncé décrit les contraintes (clientèle cible, budget, saison) et les "
            "livrables : itinéraire, fiche de coûts, outil promotionnel et présentation orale.",
            "Une grille d'évaluation accompagne chaque livrable.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Sylvie Therrien (Cégep de la Gaspésie et des Îles)",
        "disciplines": ["414"],
        "levels": ["collegial_technique"],
        "types": ["scenario", "grille"],
        "dimensions": [5, 7],
        "tags": ["forfait", "tourisme régional", "projet d'équipe"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "forfait-regional-enonce.pdf", "kind": "pdf", "pages": 6},
            {"name": "forfait-regional-couts.csv", "kind": "csv", "pages": None},
        ],
        "featured_on_home": False,
    },
    # --- Arts, lettres et techniques artistiques -----------------------------------------
    {
        "key": "cinema-analyse-sequence-grille",
        "title": "Grille d'analyse d'une séquence filmique",
        "summary": (
            "Grille pour analyser une séquence de film : cadrage, mouvements de caméra, montage, "
            "son et effets de sens, avec un exemple d'analyse rédigée."
        ),
        "description": [
            "La grille propose un vocabulaire précis pour chaque composante et des questions qui "
            "mènent de la description à l'interprétation.",
            "L'exemple d'analyse porte sur une séquence d'un court métrage de l'ONF offert en "
            "visionnement libre et montre comment passer de la grille au texte.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Félix Vaillancourt (Cégep de Saint-Jérôme)",
        "disciplines": ["530"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["grille", "guide"],
        "dimensions": [11],
        "tags": ["analyse filmique", "langage cinématographique", "montage"],
        "licence": "CC-BY-ND-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "analyse-sequence-grille.pdf", "kind": "pdf", "pages": 3},
            {"name": "analyse-sequence-exemple.pdf", "kind": "pdf", "pages": 4},
        ],
        "featured_on_home": False,
    },
    {
        "key": "multimedia-maquette-accessible-projet",
        "title": "Projet : maquette Web accessible pour un organisme communautaire",
        "summary": (
            "Projet de conception où les équipes réalisent la maquette interactive du site d'un "
            "organisme communautaire en respectant les principes d'accessibilité."
        ),
        "description": [
            "L'énoncé présente un organisme fictif, ses publics et ses besoins. Les équipes "
            "produisent un arbre de navigation, des maquettes filaires puis une maquette "
            "interactive.",
            "Une liste de vérification de l'accessibilité (contrastes, taille des cibles, "
            "textes de remplacement) sert à l'autoévaluation avant la remise.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Camille Bérard (Cégep de Sainte-Foy)",
        "disciplines": ["582", "570"],
        "levels": ["collegial_technique"],
        "types": ["scenario"],
        "dimensions": [7, 8, 12],
        "tags": ["design web", "accessibilité", "maquette"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "maquette-accessible-enonce.pdf", "kind": "pdf", "pages": 7},
            {"name": "maquette-accessible-verification.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "arts-visuels-couleur-exercices",
        "title": "Exercices de théorie de la couleur : contrastes et harmonies",
        "summary": (
            "Six exercices pratiques à la gouache sur les sept contrastes de couleur d'Itten et "
            "la construction d'harmonies, avec une grille d'appréciation."
        ),
        "description": [
            "Chaque exercice est décrit avec son intention, le matériel et les consignes de "
            "réalisation. Des travaux de sessions précédentes illustrent les attentes.",
            "La grille d'appréciation sert à la critique en groupe à la fin de chaque séance.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Annie Rousseau (Cégep de Sainte-Foy)",
        "disciplines": ["510"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices", "grille"],
        "dimensions": [],
        "tags": ["couleur", "itten", "gouache"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 165,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "theorie-couleur-exercices.pdf", "kind": "pdf", "pages": 10}],
        "featured_on_home": False,
    },
    {
        "key": "espagnol-preterit-imparfait-exercices",
        "title": "Espagnol : exercices sur le prétérit et l'imparfait",
        "summary": (
            "Exercices pour choisir entre le pretérito indefinido et le pretérito imperfecto, "
            "des phrases isolées jusqu'à la rédaction d'un court récit au passé."
        ),
        "description": [
            "Les consignes et les explications sont en français, les exercices en espagnol. "
            "Chaque série commence par un rappel des emplois de chaque temps.",
            "La dernière activité demande de raconter un souvenir de voyage en deux paragraphes, "
            "à corriger avec la grille fournie.",
        ],
        "language": "fr",
        "authors": [],
        "co_authors": "Lucía Hernández (Cégep de Sherbrooke)",
        "disciplines": ["607"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["espagnol", "temps du passé", "conjugaison"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "preterit-imparfait-exercices.pdf", "kind": "pdf", "pages": 8},
            {"name": "preterit-imparfait-corrige.pdf", "kind": "pdf", "pages": 4},
        ],
        "featured_on_home": False,
    },
    # --- English-language resources ------------------------------------------------------
    {
        "key": "calculus-limits-notes-en",
        "title": "Course Notes: Limits and Continuity",
        "summary": (
            "English version of the open notes on limits and continuity for Differential "
            "Calculus: intuitive limits, limit laws, limits at infinity and continuity."
        ),
        "description": [
            "The notes follow the structure of the French original, with examples and exercises "
            "rewritten for English-language CEGEP classes and terminology checked against "
            "common calculus textbooks.",
            "They work well in a flipped classroom: students read a section before class and "
            "spend class time solving problems in small groups.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Translated by Andrew Fraser (Vanier College)",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours"],
        "dimensions": [3],
        "tags": ["calculus", "limits", "continuity"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "Plan for about two weeks of class time.",
        "adapted_from": {"resource": "calcul-diff-limites"},
        "validated": True,
        "files": [
            {"name": "limits-continuity-notes.pdf", "kind": "pdf", "pages": 33},
            {"name": "limits-continuity-answers.pdf", "kind": "pdf", "pages": 6},
        ],
        "featured_on_home": False,
    },
    {
        "key": "care-plan-day-surgery-simulation-en",
        "title": "Clinical Simulation: Discharge After Day Surgery",
        "summary": (
            "English adaptation of a high-fidelity simulation scenario: the student assesses a "
            "post-laparoscopic cholecystectomy patient and provides discharge teaching."
        ),
        "description": [
            "The package includes the standardized patient script, manikin settings, state "
            "changes and a structured debriefing guide, all translated from the French scenario.",
            "Nursing terminology was reviewed so the scenario can be used in English-language "
            "nursing programs in Quebec.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Translated by Emily Clarke (John Abbott College)",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["simulation", "scenario"],
        "dimensions": [],
        "tags": ["clinical simulation", "discharge teaching", "debriefing"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 90,
        "pedagogical_notes": "Allow 20 minutes for the simulation and 40 minutes for debriefing.",
        "adapted_from": {"resource": "soins-simulation-conge-chirurgie-jour"},
        "validated": False,
        "files": [
            {"name": "day-surgery-discharge-scenario.pdf", "kind": "pdf", "pages": 7},
            {"name": "day-surgery-discharge-debriefing.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "chem-titration-prelab-h5p-en",
        "title": "Interactive Pre-lab Quiz: Acid-Base Titration",
        "summary": (
            "An H5P version of the titration pre-lab questionnaire, in English, with instant "
            "feedback on concentration calculations and lab safety rules."
        ),
        "description": [
            "Each question from the original questionnaire became an interactive item with "
            "feedback pointing back to the relevant step of the lab procedure.",
            "Students complete it before the lab session; the results show the teacher which "
            "teams need a quick review before handling reagents.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Priya Raman (Dawson College)",
        "disciplines": ["202"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["interactif", "evaluation"],
        "dimensions": [3],
        "tags": ["titration", "pre-lab", "h5p"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 20,
        "pedagogical_notes": "",
        "adapted_from": {"resource": "chimie-titrage-prelab-questionnaire"},
        "validated": False,
        "files": [
            {"name": "titration-prelab-readme.txt", "kind": "txt", "pages": None},
            {"name": "titration-prelab-printable.pdf", "kind": "pdf", "pages": 3},
        ],
        "featured_on_home": False,
    },
    {
        "key": "physics-projectile-motion-problems",
        "title": "Problem Set: Projectile Motion",
        "summary": (
            "Twenty graded problems on two-dimensional kinematics and projectile motion, adapted "
            "from OpenStax University Physics, with full worked solutions."
        ),
        "description": [
            "Problems progress from horizontal launches to projectiles landing on a slope. "
            "Worked solutions emphasize drawing a diagram and choosing a coordinate system.",
            "The set fits the Mechanics course and can be assigned as homework or used in "
            "problem-solving workshops.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Thomas Nguyen (Champlain College Saint-Lambert)",
        "disciplines": ["203"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["mechanics", "projectile motion", "kinematics"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "University Physics Volume 1, Chapter 4: Motion in Two and Three Dimensions",
            "author": "Samuel J. Ling, Jeff Sanny and William Moebs (OpenStax)",
            "url": "https://openstax.org/books/university-physics-volume-1/pages/4-introduction",
            "licence": "CC-BY-4.0",
        },
        "validated": True,
        "files": [
            {"name": "projectile-motion-problems.pdf", "kind": "pdf", "pages": 8},
            {"name": "projectile-motion-solutions.pdf", "kind": "pdf", "pages": 15},
        ],
        "featured_on_home": False,
    },
    {
        "key": "psych-research-methods-lab",
        "title": "Research Methods Lab: Designing a Simple Experiment",
        "summary": (
            "A guided lab in which teams turn a research question into a testable hypothesis, "
            "define variables, plan random assignment and identify threats to validity."
        ),
        "description": [
            "The lab builds on the experimental research chapter of an open Canadian research "
            "methods textbook and adds worksheets for each step of the design.",
            "Teams present their design in a short poster session, and classmates look for "
            "confounding variables.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Rachel Goldberg (Marianopolis College)",
        "disciplines": ["350"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["laboratoire", "activite"],
        "dimensions": [4, 5],
        "tags": ["research methods", "experimental design", "psychology"],
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 150,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "Research Methods in Psychology – 2nd Canadian Edition",
            "author": "Paul C. Price, Rajiv Jhangiani and I-Chant A. Chiang (BCcampus)",
            "url": "https://opentextbc.ca/researchmethods/",
            "licence": "CC-BY-NC-SA-4.0",
        },
        "validated": True,
        "files": [
            {"name": "experiment-design-lab.pdf", "kind": "pdf", "pages": 9},
            {"name": "experiment-design-worksheets.pdf", "kind": "pdf", "pages": 4},
        ],
        "featured_on_home": False,
    },
    {
        "key": "stats-descriptive-statistics-refresher",
        "title": "Statistics Refresher: Descriptive Statistics for Social Science",
        "summary": (
            "A short refresher on measures of centre and spread, frequency tables and graphs, "
            "adapted from the LibreTexts edition of an open introductory statistics textbook."
        ),
        "description": [
            "The refresher condenses two chapters into a twelve-page handout with examples drawn "
            "from social science surveys.",
            "It is meant for students starting Quantitative Methods or the integrative project "
            "in Social Science who need to review the basics quickly.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Kevin Li (Vanier College)",
        "disciplines": ["201", "387"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours"],
        "dimensions": [4],
        "tags": ["statistics", "descriptive statistics", "social science"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": {
            "title": "Introductory Statistics (OpenStax), Chapter 2: Descriptive Statistics",
            "author": "Barbara Illowsky and Susan Dean (LibreTexts)",
            "url": "https://stats.libretexts.org/Bookshelves/Introductory_Statistics/Introductory_Statistics_(OpenStax)",
            "licence": "CC-BY-4.0",
        },
        "validated": False,
        "files": [{"name": "descriptive-statistics-refresher.pdf", "kind": "pdf", "pages": 12}],
        "featured_on_home": False,
    },
    {
        "key": "esl-job-interview-role-play",
        "title": "ESL Role-Play: Mock Job Interviews for Technical Programs",
        "summary": (
            "A speaking unit for intermediate ESL students in technical programs: interview "
            "vocabulary, common questions, and mock interviews with peer feedback."
        ),
        "description": [
            "Students prepare answers from a real-looking job posting in their field, practise "
            "in pairs and then take part in a recorded mock interview.",
            "The unit includes a vocabulary sheet, question cards sorted by program family, and "
            "a peer feedback checklist focused on fluency and clarity.",
        ],
        "language": "en",
        "authors": ["dobrien"],
        "co_authors": "",
        "disciplines": ["604"],
        "levels": ["collegial_technique"],
        "types": ["simulation", "activite"],
        "dimensions": [6],
        "tags": ["esl", "speaking", "job interview"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 500,
        "member_price_cents": 375,
        "duration_minutes": 150,
        "pedagogical_notes": "Works best over two 75-minute classes.",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "mock-interview-unit.pdf", "kind": "pdf", "pages": 10},
            {"name": "mock-interview-question-cards.pdf", "kind": "pdf", "pages": 4},
        ],
        "featured_on_home": False,
    },
    {
        "key": "esl-reading-strategies-workbook",
        "title": "ESL Reading Strategies Workbook: Skimming, Scanning and Inference",
        "summary": (
            "A twelve-unit reading workbook for ESL students, built on short magazine-style "
            "texts with activities on skimming, scanning, vocabulary in context and inference."
        ),
        "description": [
            "Each unit pairs an original text with pre-reading, while-reading and post-reading "
            "activities. An answer key and a vocabulary log are included.",
            "The workbook can support a full term of the ESL course or be used selectively as "
            "homework between classes.",
        ],
        "language": "en",
        "authors": ["dobrien"],
        "co_authors": "",
        "disciplines": ["604"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["manuel", "exercices"],
        "dimensions": [],
        "tags": ["esl", "reading", "vocabulary"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 1200,
        "member_price_cents": 900,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "reading-strategies-workbook.pdf", "kind": "pdf", "pages": 64},
            {"name": "reading-strategies-answer-key.pdf", "kind": "pdf", "pages": 12},
        ],
        "featured_on_home": True,
    },
    {
        "key": "esl-oral-presentation-rubric",
        "title": "Oral Presentation Rubric for ESL (Intermediate to Advanced)",
        "summary": (
            "An analytic rubric for ESL oral presentations covering content, organization, "
            "pronunciation, fluency, grammar and use of visual aids."
        ),
        "description": [
            "Each criterion has four performance levels written in student-friendly language. "
            "A short version supports peer and self-assessment.",
            "The rubric can be handed out with the presentation assignment so that students know "
            "exactly how they will be assessed.",
        ],
        "language": "en",
        "authors": ["dobrien"],
        "co_authors": "",
        "disciplines": ["604"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["grille"],
        "dimensions": [6],
        "tags": ["esl", "oral presentation", "rubric"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 299,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "esl-oral-presentation-rubric.pdf", "kind": "pdf", "pages": 2}],
        "featured_on_home": False,
    },
    {
        "key": "english-poetry-close-reading",
        "title": "Close Reading Poetry: Guided Worksheets for Introduction to College English",
        "summary": (
            "Eight guided worksheets for close reading of public-domain poems by Dickinson, "
            "Hopkins, Frost and others, moving from annotation to a paragraph of analysis."
        ),
        "description": [
            "Each worksheet focuses on one literary device (imagery, diction, sound, structure) "
            "and ends with a prompt for a short analytical paragraph.",
            "Teacher notes suggest discussion questions and common student misreadings to "
            "address in class.",
        ],
        "language": "en",
        "authors": ["dobrien"],
        "co_authors": "",
        "disciplines": ["603"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["exercices", "activite"],
        "dimensions": [],
        "tags": ["poetry", "close reading", "literary analysis"],
        "licence": "CC-BY-NC-ND-4.0",
        "price_cents": 750,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "close-reading-worksheets.pdf", "kind": "pdf", "pages": 16},
            {"name": "close-reading-teacher-notes.pdf", "kind": "pdf", "pages": 5},
        ],
        "featured_on_home": False,
    },
    {
        "key": "english-literary-essay-workshop",
        "title": "Writing the Literary Analysis Essay: Thesis and Argument Workshop",
        "summary": (
            "A four-session workshop that takes students from a reading question to a "
            "defensible thesis, topic sentences, embedded quotations and a complete essay."
        ),
        "description": [
            "Each session combines a short mini-lesson, a model paragraph and a practice task. "
            "Sample theses are analysed from weak to strong.",
            "The workshop includes a grading rubric aligned with the English exit exam criteria "
            "and can be adapted to any text on the course reading list.",
        ],
        "language": "en",
        "authors": ["dobrien"],
        "co_authors": "",
        "disciplines": ["603"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["scenario", "grille"],
        "dimensions": [],
        "tags": ["essay writing", "thesis statement", "literary analysis"],
        "licence": "LicenseRef-APOP-All-Rights-Reserved",
        "price_cents": 1500,
        "member_price_cents": 1200,
        "duration_minutes": 300,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "literary-essay-workshop.pdf", "kind": "pdf", "pages": 22},
            {"name": "literary-essay-rubric.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "english-gothic-short-story-unit",
        "title": "Unit Plan: The Gothic Short Story (Poe, Gilman, Hawthorne)",
        "summary": (
            "A three-week unit on the Gothic short story built on public-domain texts, with "
            "reading questions, a group seminar and a comparative essay assignment."
        ),
        "description": [
            "The unit covers “The Fall of the House of Usher”, “The Yellow Wallpaper” and "
            "“Young Goodman Brown”, with background on the Gothic tradition.",
            "Seminar roles and a comparative essay prompt make it suitable for the Literary "
            "Genres or Literary Themes courses.",
        ],
        "language": "en",
        "authors": ["dobrien"],
        "co_authors": "",
        "disciplines": ["603"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["scenario"],
        "dimensions": [],
        "tags": ["gothic", "short story", "american literature"],
        "licence": "CC-BY-ND-4.0",
        "price_cents": 500,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "gothic-short-story-unit.pdf", "kind": "pdf", "pages": 18}],
        "featured_on_home": False,
    },
    {
        "key": "bio-cellular-respiration-slides",
        "title": "Slides: Cellular Respiration, from Glycolysis to the Electron Transport Chain",
        "summary": (
            "A lecture slide deck on cellular respiration with step-by-step diagrams, "
            "check-your-understanding questions and a one-page summary handout."
        ),
        "description": [
            "The slides build each stage of cellular respiration progressively, so students see "
            "where each molecule of ATP, NADH and FADH2 comes from.",
            "Clicker-style questions after each stage help the teacher check understanding "
            "before moving on.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Marco Santos (Dawson College)",
        "disciplines": ["101"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["presentation"],
        "dimensions": [],
        "tags": ["cellular respiration", "metabolism", "atp"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "cellular-respiration-slides.pdf", "kind": "pdf", "pages": 36},
            {"name": "cellular-respiration-summary.pdf", "kind": "pdf", "pages": 1},
        ],
        "featured_on_home": False,
    },
    {
        "key": "cs-python-debugging-guide",
        "title": "A Beginner's Guide to Debugging Python Programs",
        "summary": (
            "A short guide for first-term programming students: reading tracebacks, using print "
            "statements and a debugger, and writing small tests to isolate bugs."
        ),
        "description": [
            "Each debugging technique is shown on a small buggy program that students can run "
            "and fix themselves. The last section offers a checklist to follow before asking "
            "for help.",
            "The guide can be assigned early in the term and referred to throughout the course.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Hannah Weiss (Heritage College)",
        "disciplines": ["420"],
        "levels": ["collegial_technique"],
        "types": ["guide"],
        "dimensions": [2, 10],
        "tags": ["python", "debugging", "programming"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": True,
        "files": [
            {"name": "python-debugging-guide.pdf", "kind": "pdf", "pages": 14},
            {"name": "buggy-programs.txt", "kind": "txt", "pages": None},
        ],
        "featured_on_home": False,
    },
    {
        "key": "ethics-case-studies-utilitarianism-deontology",
        "title": "Ethics Case Studies: Utilitarianism vs. Deontology",
        "summary": (
            "Six short case studies (triage, whistleblowing, automated hiring and more) for "
            "applying utilitarian and deontological reasoning in class discussion."
        ),
        "description": [
            "Each case is one page long and ends with guiding questions for each ethical theory. "
            "A teacher page summarizes the main arguments on each side.",
            "The cases fit an ethics or applied philosophy course and work well in a jigsaw "
            "format.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Jonathan Burke (John Abbott College)",
        "disciplines": ["340"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["etude-de-cas"],
        "dimensions": [1],
        "tags": ["ethics", "utilitarianism", "deontology"],
        "licence": "CC-BY-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": 75,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "ethics-case-studies.pdf", "kind": "pdf", "pages": 9}],
        "featured_on_home": False,
    },
    {
        "key": "pe-personal-fitness-log",
        "title": "Physical Activity and Health: Personal Fitness Log and Goal Sheet",
        "summary": (
            "A spreadsheet template and goal-setting sheet for students to plan, log and reflect "
            "on their physical activity over the term."
        ),
        "description": [
            "The log records activity type, duration, perceived exertion and heart rate. The "
            "goal sheet follows the SMART format.",
            "Students submit the log at mid-term and at the end of term with a short reflection "
            "on their progress.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Physical Education Department, Champlain College Lennoxville",
        "disciplines": ["109"],
        "levels": ["collegial_preuniversitaire", "collegial_technique"],
        "types": ["activite"],
        "dimensions": [9],
        "tags": ["fitness", "goal setting", "physical activity"],
        "licence": "CC0-1.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "fitness-log.csv", "kind": "csv", "pages": None},
            {"name": "fitness-goal-sheet.pdf", "kind": "pdf", "pages": 2},
        ],
        "featured_on_home": False,
    },
    {
        "key": "econ-price-controls-problem-set",
        "title": "Problem Set: Price Ceilings, Price Floors and Taxes",
        "summary": (
            "Graph-based problems on market interventions: rent control, minimum wage and excise "
            "taxes, with consumer and producer surplus calculations."
        ),
        "description": [
            "Each problem asks students to draw the market, place the intervention and compute "
            "the resulting surpluses and deadweight loss.",
            "The set can follow the in-class market game and be corrected in small groups.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Daniel Cohen (Dawson College)",
        "disciplines": ["383"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["exercices"],
        "dimensions": [],
        "tags": ["microeconomics", "price controls", "surplus"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [
            {"name": "price-controls-problems.pdf", "kind": "pdf", "pages": 6},
            {"name": "price-controls-solutions.pdf", "kind": "pdf", "pages": 8},
        ],
        "featured_on_home": False,
    },
    {
        "key": "nursing-medication-administration-checklist",
        "title": "Medication Administration Checklist for Nursing Labs",
        "summary": (
            "A step-by-step checklist for safe medication administration in the nursing lab, "
            "with the rights of medication administration and common error traps."
        ),
        "description": [
            "The checklist covers preparation, verification against the medication "
            "administration record, patient identification, administration and documentation.",
            "It is used for peer observation in the lab before students administer medications "
            "in their clinical placements.",
        ],
        "language": "en",
        "authors": [],
        "co_authors": "Nursing Department, Vanier College",
        "disciplines": ["180"],
        "levels": ["collegial_technique"],
        "types": ["grille", "guide"],
        "dimensions": [],
        "tags": ["medication safety", "nursing lab", "checklist"],
        "licence": "CC-BY-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "medication-administration-checklist.pdf", "kind": "pdf", "pages": 2}],
        "featured_on_home": False,
    },
]

COLLECTIONS = [
    {
        "key": "premiere-session-sciences",
        "title": "Première session en Sciences de la nature",
        "intro_fr": (
            "Une sélection de ressources pour les cours de première session en Sciences de la "
            "nature : calcul différentiel, chimie générale, mécanique et biologie. On y trouve "
            "des notes de cours, des exercices et des laboratoires prêts à adapter."
        ),
        "intro_en": (
            "A selection of resources for first-term Science courses: differential calculus, "
            "general chemistry, mechanics and biology, with course notes, exercises and labs "
            "ready to adapt."
        ),
        "discipline": None,
        "resources": [
            "calcul-diff-limites",
            "calcul-diff-derivees-exercices",
            "chimie-stoechiometrie-notes",
            "chimie-titrage-acido-basique-labo",
            "physique-cinematique-notes",
            "physique-cinematique-h5p",
            "physique-pendule-labo",
            "biologie-mitose-labo",
            "doc-fiabilite-sources-atelier",
        ],
        "featured": True,
    },
    {
        "key": "competence-numerique-formation-generale",
        "title": "La compétence numérique en formation générale",
        "intro_fr": (
            "Des activités de philosophie, de français, d'éducation physique et de géographie "
            "qui développent la compétence numérique : culture informationnelle, pensée "
            "critique, éthique et production de contenu."
        ),
        "intro_en": (
            "Activities in philosophy, French, physical education and geography that build "
            "digital competency: information literacy, critical thinking, ethics and content "
            "creation."
        ),
        "discipline": None,
        "resources": [
            "doc-fiabilite-sources-atelier",
            "philo-allegorie-caverne-activite",
            "philo-sophismes-balado",
            "philo-reconnaissance-faciale-etude-cas",
            "securite-hameconnage-simulation",
            "edphys-frequence-cardiaque-labo",
            "geo-ilots-chaleur-qgis",
            "francais-dissertation-critique-grille",
        ],
        "featured": True,
    },
    {
        "key": "stages-soins-infirmiers",
        "title": "Se préparer aux stages en Soins infirmiers",
        "intro_fr": (
            "Calcul de doses, examen physique, communication et études de cas : les ressources "
            "de cette collection aident les étudiantes et étudiants à arriver prêts à leurs "
            "premiers stages en milieu clinique."
        ),
        "intro_en": (
            "Dosage calculations, physical assessment, communication and case studies: the "
            "resources in this collection help students get ready for their first clinical "
            "placements."
        ),
        "discipline": "180",
        "resources": [
            "soins-calcul-doses-exercices",
            "soins-examen-respiratoire-grille",
            "soins-rapport-saer-activite",
            "soins-communication-therapeutique-video",
            "soins-plan-post-op",
            "soins-simulation-conge-chirurgie-jour",
            "soins-anticoagulants-notes",
            "soins-pediatrie-bronchiolite-cas",
        ],
        "featured": False,
    },
]


# --- Self-check ------------------------------------------------------------------------------

LICENCES = (
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-NC-ND-4.0",
    "CC0-1.0",
    "LicenseRef-APOP-All-Rights-Reserved",
)
ALL_RIGHTS_RESERVED = "LicenseRef-APOP-All-Rights-Reserved"
FILE_KINDS = ("pdf", "txt", "csv")


def _csv_codes(filename, column="code"):
    """Codes of one taxonomy CSV shipped next to this module (resources/data/)."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent / "data" / filename
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle)}


def _allows_derivatives(licence):
    return licence != ALL_RIGHTS_RESERVED and "-ND-" not in licence


def _check_adaptation(derivative, source_licence, source_authors):
    """Licence rules for an adaptation, unless the rights holder adapts their own work."""
    own_work = bool(derivative["authors"]) and set(derivative["authors"]) <= set(source_authors)
    if own_work:
        return
    key, licence = derivative["key"], derivative["licence"]
    assert _allows_derivatives(source_licence), f"{key}: source {source_licence} forbids adaptation"
    if "-SA-" in source_licence:
        assert licence == source_licence, f"{key}: share-alike source needs {source_licence}"
    if "-NC-" in source_licence:
        assert "-NC-" in licence, f"{key}: non-commercial source needs an NC licence"
        assert derivative["price_cents"] == 0, f"{key}: non-commercial source, must be free"


def _french_typography(label, text):
    """Quebec usage: non-breaking space before the colon and inside « guillemets »."""
    assert " :" not in text, f"{label}: ordinary space before ':'"
    assert "« " not in text, f"{label}: ordinary space in « »"
    assert " »" not in text, f"{label}: ordinary space in « »"
    assert "lorem" not in text.lower(), f"{label}: placeholder text"


def check():
    """Assert every invariant of the demo catalogue; raises AssertionError on the first failure."""
    import re
    from collections import Counter

    disciplines = _csv_codes("disciplines_collegiales.csv")
    levels = _csv_codes("ordres_enseignement.csv")
    types = _csv_codes("types_ressources.csv")
    dimensions = {int(n) for n in _csv_codes("competence_numerique_dimensions.csv", "number")}
    slug = re.compile(r"^[a-z0-9-]+$")

    # Members
    assert len(MEMBERS) == 3
    members = {m["key"]: m for m in MEMBERS}
    assert len(members) == 3
    for m in MEMBERS:
        assert m["email"].endswith("@apop.example")
        assert m["display_name"]
        assert m["institution"]
        assert m["disciplines"], m["key"]
        assert set(m["disciplines"]) <= disciplines, m["key"]
        assert m["bio_fr"]
        assert m["bio_en"]
        _french_typography(m["key"], m["bio_fr"])

    # Resources, one by one
    seen = {}
    for r in RESOURCES:
        key = r["key"]
        assert slug.match(key), f"bad key {key!r}"
        assert len(key) <= 60, f"bad key {key!r}"
        assert key not in seen, f"duplicate key {key}"
        assert r["language"] in ("fr", "en"), key
        assert r["title"], key
        assert r["summary"], key
        assert len(r["summary"]) <= 300, key
        assert 2 <= len(r["description"]) <= 3, key
        assert all(r["description"]), key
        assert len(r["authors"]) <= 2, key
        assert set(r["authors"]) <= set(members), key
        assert isinstance(r["co_authors"], str), key
        assert 1 <= len(r["disciplines"]) <= 2, key
        assert set(r["disciplines"]) <= disciplines, key
        assert r["levels"], key
        assert set(r["levels"]) <= levels, key
        assert 1 <= len(r["types"]) <= 2, key
        assert set(r["types"]) <= types, key
        assert len(r["dimensions"]) <= 3, key
        assert set(r["dimensions"]) <= dimensions, key
        assert set(r["dimensions"]) <= set(range(1, 13)), key
        assert 2 <= len(r["tags"]) <= 5, key
        assert all(t == t.lower() for t in r["tags"]), key
        assert all(t.strip() == t for t in r["tags"]), key
        assert len(set(r["tags"])) == len(r["tags"]), key
        assert r["licence"] in LICENCES, key
        assert isinstance(r["price_cents"], int), key
        assert r["price_cents"] >= 0, key
        member_price = r["member_price_cents"]
        if member_price is not None:
            assert r["price_cents"] > 0, f"{key}: member price on a free resource"
            assert isinstance(member_price, int), key
            assert 0 < member_price <= r["price_cents"], key
        if r["price_cents"] > 0:
            assert r["authors"], f"{key}: paid resources are sold by a member author"
        assert r["duration_minutes"] is None or r["duration_minutes"] > 0, key
        assert isinstance(r["validated"], bool), key
        assert isinstance(r["featured_on_home"], bool), key
        assert 1 <= len(r["files"]) <= 3, key
        names = [f["name"] for f in r["files"]]
        assert len(set(names)) == len(names), key
        for f in r["files"]:
            assert f["kind"] in FILE_KINDS, key
            assert f["name"].endswith("." + f["kind"]), key
            assert slug.match(f["name"].rsplit(".", 1)[0]), f"{key}: file name {f['name']}"
            if f["kind"] == "pdf":
                assert isinstance(f["pages"], int), key
                assert f["pages"] > 0, key
            else:
                assert f["pages"] is None, key
        if r["language"] == "fr":
            for text in (r["title"], r["summary"], r["pedagogical_notes"], *r["description"]):
                _french_typography(key, text)

        source = r["adapted_from"]
        if source is not None:
            if "resource" in source:
                assert set(source) == {"resource"}, key
                assert source["resource"] in seen, f"{key}: source must come earlier in the list"
                origin = seen[source["resource"]]
                _check_adaptation(r, origin["licence"], origin["authors"])
            else:
                assert set(source) == {"title", "author", "url", "licence"}, key
                assert source["url"].startswith("https://"), key
                assert source["licence"] in LICENCES, key
                _check_adaptation(r, source["licence"], ())
        seen[key] = r

    # Catalogue-wide proportions
    languages = Counter(r["language"] for r in RESOURCES)
    assert languages["fr"] >= 60, languages
    assert languages["en"] >= 15, languages
    used = {code for r in RESOURCES for code in r["disciplines"]}
    assert len(used) >= 12, used
    assert {"201", "420"} <= used, used
    licences = Counter(r["licence"] for r in RESOURCES)
    assert all(licences[name] >= 3 for name in LICENCES), licences
    paid = [r for r in RESOURCES if r["price_cents"] > 0]
    assert 0.2 <= len(paid) / len(RESOURCES) <= 0.4, len(paid)
    assert any(r["member_price_cents"] is not None for r in paid)
    validated = sum(r["validated"] for r in RESOURCES) / len(RESOURCES)
    assert 0.3 <= validated <= 0.5, validated
    assert 6 <= sum(r["featured_on_home"] for r in RESOURCES) <= 10

    # Adaptation chains
    adapted = [r for r in RESOURCES if r["adapted_from"] is not None]
    internal = [r for r in adapted if "resource" in r["adapted_from"]]
    external = [r for r in adapted if "resource" not in r["adapted_from"]]
    depth_two = [
        r
        for r in internal
        if seen[r["adapted_from"]["resource"]]["adapted_from"] is not None
        and "resource" in seen[r["adapted_from"]["resource"]]["adapted_from"]
    ]
    assert len(adapted) >= 6
    assert len(external) >= 3
    assert len(depth_two) >= 2

    # Collections
    assert len(COLLECTIONS) == 3
    assert len({c["key"] for c in COLLECTIONS}) == 3
    for c in COLLECTIONS:
        assert slug.match(c["key"]), c["key"]
        assert len(c["key"]) <= 60, c["key"]
        assert c["title"], c["key"]
        assert c["intro_fr"], c["key"]
        assert c["intro_en"], c["key"]
        _french_typography(c["key"], c["title"] + c["intro_fr"])
        assert c["discipline"] is None or c["discipline"] in disciplines, c["key"]
        assert 5 <= len(c["resources"]) <= 10, c["key"]
        assert len(set(c["resources"])) == len(c["resources"]), c["key"]
        assert set(c["resources"]) <= set(seen), c["key"]
        assert isinstance(c["featured"], bool), c["key"]
