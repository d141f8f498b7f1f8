"""Texts of the pages the demo command creates: the home page and the four editorial pages.

Each page: slug, French title/intro/body, English title/intro/body. Bodies are lists of
(block type, value) for the BodyBlock StreamField; paragraphs are rich-text HTML.
"""

HOME = {
    "title": "Des ressources pour enseigner au collégial",
    "intro": (
        "Trouvez, téléchargez et partagez des ressources d'enseignement et d'apprentissage "
        "conçues par et pour le personnel enseignant des cégeps : ressources éducatives libres "
        "et créations de membres de l'APOP."
    ),
    "title_en": "Resources for teaching in Quebec colleges",
    "intro_en": (
        "Find, download and share teaching and learning resources made by and for college "
        "teachers: open educational resources and works by APOP members."
    ),
}

PAGES = [
    {
        "key": "about_page",
        "slug": "a-propos",
        "title": "À propos",
        "intro": "La boutique de l'APOP réunit les ressources pédagogiques du réseau collégial.",
        "body": [
            ("heading", "Notre mission"),
            (
                "paragraph",
                (
                    "<p>L'Association pour les applications pédagogiques de l'ordinateur au "
                    "postsecondaire (APOP) accompagne le personnel enseignant du réseau collégial "
                    "dans l'usage pédagogique du numérique. La boutique rassemble au même endroit "
                    "des ressources éducatives libres (REL) et des ressources créées par nos membres, "
                    "classées par discipline, ordre d'enseignement et type de ressource.</p>"
                ),
            ),
            ("heading", "Qui publie ici?"),
            (
                "paragraph",
                (
                    "<p>Les membres individuels de l'APOP déposent leurs ressources; notre équipe "
                    "éditoriale les révise avant publication et peut leur accorder la mention "
                    "« ressource validée ». Chaque ressource affiche sa licence et une attribution "
                    "prête à copier.</p>"
                ),
            ),
        ],
        "title_en": "About",
        "intro_en": "The APOP boutique brings together teaching resources from Quebec colleges.",
        "body_en": [
            ("heading", "Our mission"),
            (
                "paragraph",
                (
                    "<p>APOP (Association pour les applications pédagogiques de l'ordinateur au "
                    "postsecondaire) supports college teachers in the educational use of digital "
                    "technology. The boutique gathers open educational resources (OER) and resources "
                    "created by our members, organised by discipline, level and resource type.</p>"
                ),
            ),
            ("heading", "Who publishes here?"),
            (
                "paragraph",
                (
                    "<p>Individual APOP members submit their resources; our editors review them "
                    "before publication and may mark them as validated. Every resource shows its "
                    "licence and a ready-to-copy attribution.</p>"
                ),
            ),
        ],
    },
    {
        "key": "licence_guide_page",
        "slug": "guide-des-licences",
        "title": "Guide des licences libres",
        "intro": (
            "Ce que chaque licence Creative Commons vous permet de faire avec une ressource, "
            "et comment l'attribuer correctement."
        ),
        "body": [
            ("heading", "Attribuer une ressource : TASL"),
            (
                "paragraph",
                (
                    "<p>Toute licence Creative Commons exige une attribution : le <b>titre</b>, "
                    "l'<b>auteur</b>, la <b>source</b> (un lien) et la <b>licence</b>. Chaque "
                    "téléchargement comprend un fichier ATTRIBUTION.txt prêt à coller.</p>"
                ),
            ),
            ("heading", "Les licences, en mots simples"),
            (
                "paragraph",
                (
                    "<ul><li><b>CC BY</b> : tout usage, même commercial, et toute adaptation, avec "
                    "attribution.</li><li><b>CC BY-SA</b> : comme CC BY, mais les adaptations "
                    "gardent la même licence.</li><li><b>CC BY-NC</b> : usage non commercial "
                    "seulement.</li><li><b>CC BY-NC-SA</b> (licence par défaut de l'APOP) : usage "
                    "non commercial, adaptations sous la même licence.</li><li><b>CC BY-ND</b> et "
                    "<b>CC BY-NC-ND</b> : aucune adaptation ne peut être diffusée.</li><li><b>CC0</b>"
                    " : domaine public, aucune condition.</li><li><b>Tous droits réservés — licence "
                    "d'utilisation</b> : ressources payantes; usage en classe par l'acheteur.</li></ul>"
                ),
            ),
            (
                "notice",
                {
                    "kind": "info",
                    "text": (
                        "<p>Une ressource sous licence NC ne peut être vendue que par son titulaire de "
                        "droits, et une adaptation d'une ressource SA garde toujours la même licence. "
                        "La boutique applique ces règles lors du dépôt.</p>"
                    ),
                },
            ),
        ],
        "title_en": "Guide to open licences",
        "intro_en": (
            "What each Creative Commons licence lets you do with a resource, and how to credit "
            "it properly."
        ),
        "body_en": [
            ("heading", "Crediting a resource: TASL"),
            (
                "paragraph",
                (
                    "<p>Every Creative Commons licence requires attribution: <b>title</b>, "
                    "<b>author</b>, <b>source</b> (a link) and <b>licence</b>. Every download "
                    "includes an ATTRIBUTION.txt file ready to paste.</p>"
                ),
            ),
            ("heading", "The licences in plain words"),
            (
                "paragraph",
                (
                    "<ul><li><b>CC BY</b>: any use, even commercial, and any adaptation, with "
                    "credit.</li><li><b>CC BY-SA</b>: like CC BY, but adaptations keep the same "
                    "licence.</li><li><b>CC BY-NC</b>: non-commercial use only.</li><li><b>CC "
                    "BY-NC-SA</b> (APOP's default): non-commercial use, adaptations under the same "
                    "licence.</li><li><b>CC BY-ND</b> and <b>CC BY-NC-ND</b>: no adaptation may be "
                    "shared.</li><li><b>CC0</b>: public domain, no conditions.</li><li><b>All rights "
                    "reserved — licence of use</b>: paid resources; classroom use by the buyer.</li></ul>"
                ),
            ),
            (
                "notice",
                {
                    "kind": "info",
                    "text": (
                        "<p>A resource under an NC licence may be sold only by its rights holder, and an "
                        "adaptation of an SA resource always keeps the same licence. The boutique applies "
                        "these rules when resources are submitted.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "key": "privacy_page",
        "slug": "confidentialite",
        "title": "Politique de confidentialité",
        "intro": (
            "Comment nous protégeons vos renseignements personnels, conformément à la Loi 25 "
            "(Loi modernisant des dispositions législatives en matière de protection des "
            "renseignements personnels)."
        ),
        "body": [
            ("heading", "Renseignements recueillis"),
            (
                "paragraph",
                (
                    "<p>Nous recueillons seulement ce qui est nécessaire au service : votre adresse "
                    "courriel et votre nom d'affichage pour votre compte, vos achats et "
                    "téléchargements pour votre bibliothèque. Les paiements sont traités par Stripe; "
                    "nous ne conservons jamais de numéro de carte.</p>"
                ),
            ),
            ("heading", "Vos droits"),
            (
                "paragraph",
                (
                    "<p>Vous pouvez consulter, exporter ou supprimer vos données depuis votre compte, "
                    "ou écrire à la personne responsable de la protection des renseignements "
                    "personnels de l'APOP.</p>"
                ),
            ),
        ],
        "title_en": "Privacy policy",
        "intro_en": (
            "How we protect your personal information, in accordance with Quebec's Law 25."
        ),
        "body_en": [
            ("heading", "Information we collect"),
            (
                "paragraph",
                (
                    "<p>We collect only what the service needs: your e-mail address and display name "
                    "for your account, your purchases and downloads for your library. Payments are "
                    "processed by Stripe; we never keep a card number.</p>"
                ),
            ),
            ("heading", "Your rights"),
            (
                "paragraph",
                (
                    "<p>You can view, export or delete your data from your account, or write to "
                    "APOP's person in charge of the protection of personal information.</p>"
                ),
            ),
        ],
    },
    {
        "key": "terms_page",
        "slug": "conditions-utilisation",
        "title": "Conditions d'utilisation",
        "intro": "Les règles qui s'appliquent à l'utilisation de la boutique et des ressources.",
        "body": [
            ("heading", "Utilisation des ressources"),
            (
                "paragraph",
                (
                    "<p>Chaque ressource est offerte selon sa licence, indiquée sur sa page et dans "
                    "chaque téléchargement. Les ressources payantes sont accordées à l'acheteur pour "
                    "son usage en enseignement.</p>"
                ),
            ),
            ("heading", "Dépôts des membres"),
            (
                "paragraph",
                (
                    "<p>En déposant une ressource, vous confirmez détenir les droits nécessaires sur "
                    "son contenu et respecter les licences des œuvres que vous adaptez.</p>"
                ),
            ),
        ],
        "title_en": "Terms of use",
        "intro_en": "The rules that apply to the use of the boutique and its resources.",
        "body_en": [
            ("heading", "Use of resources"),
            (
                "paragraph",
                (
                    "<p>Each resource is offered under its licence, shown on its page and in every "
                    "download. Paid resources are granted to the buyer for their teaching.</p>"
                ),
            ),
            ("heading", "Member submissions"),
            (
                "paragraph",
                (
                    "<p>By submitting a resource, you confirm that you hold the necessary rights to "
                    "its content and respect the licences of the works you adapt.</p>"
                ),
            ),
        ],
    },
]

# Printed by `make run`; never created with --structure-only (production, Docker Compose).
DEMO_PASSWORD = "demo-apop-2026"
DEMO_ACCOUNTS = [
    {
        "email": "editrice@apop.example",
        "display_name": "Élise Éditrice",
        "role": "éditrice (administration Wagtail) / editor (Wagtail admin)",
        "superuser": True,
    },
    {
        "email": "enseignant@apop.example",
        "display_name": "Théo Enseignant",
        "role": "enseignant / teacher",
        "superuser": False,
    },
]
