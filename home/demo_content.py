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

# The privacy policy (Quebec's Law 25), in plain words. The privacy officer's name and address are
# not written here: they live in the SiteLinks setting and show in the footer of every page,
# this one included, so that a change of person is made in one place. The date of the last update
# is the page's own (templates/home/standard_page.html shows when it was last published).

PRIVACY_PAGE = {
    "key": "privacy_page",
    "slug": "confidentialite",
    "title": "Politique de confidentialité",
    "intro": (
        "En bref\u00a0: nous recueillons le moins de renseignements possible, nous ne les vendons "
        "jamais, aucun traceur ne vous suit, et vous pouvez en tout temps télécharger vos données "
        "ou fermer votre compte. Voici, en mots simples, ce que nous faisons de vos renseignements "
        "personnels, conformément à la Loi sur la protection des renseignements personnels dans le "
        "secteur privé, modernisée par la Loi\u00a025."
    ),
    "body": [
        ("heading", "Qui sommes-nous?"),
        (
            "paragraph",
            (
                "<p>La boutique de l'APOP est un service de l'Association pour les applications "
                "pédagogiques de l'ordinateur au postsecondaire (APOP), un organisme sans but "
                "lucratif du Québec. L'APOP est responsable des renseignements personnels que la "
                "boutique recueille.</p>"
            ),
        ),
        ("heading", "La personne responsable de vos renseignements"),
        (
            "paragraph",
            (
                "<p>La personne responsable de la protection des renseignements personnels veille "
                "au respect de cette politique et répond à vos questions, demandes et plaintes. "
                "Son nom, son titre et son adresse courriel sont indiqués au bas de chaque page du "
                "site, sous «\u00a0Information\u00a0». Par défaut, cette fonction revient à la "
                "personne qui a la plus haute autorité à l'APOP; elle peut la déléguer par "
                "écrit.</p>"
            ),
        ),
        ("heading", "Ce que nous recueillons"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Votre compte</b>\u00a0: votre adresse courriel, votre mot de passe "
                "(enregistré sous une forme chiffrée que personne ne peut relire), votre nom "
                "d'affichage, votre langue préférée et, si vous le voulez, un profil public "
                "(photo, biographie, liens, disciplines).</li>"
                "<li><b>Vos consentements</b>\u00a0: la date à laquelle vous avez accepté les "
                "conditions d'utilisation et, seulement si vous l'avez demandé, la date de votre "
                "abonnement à l'infolettre.</li>"
                "<li><b>Votre activité</b>\u00a0: les ressources que vous téléchargez, vos "
                "évaluations et commentaires, les auteurs que vous suivez.</li>"
                "<li><b>Vos dépôts</b>\u00a0: les ressources que vous publiez et leurs "
                "fichiers.</li>"
                "<li><b>Vos achats</b>\u00a0: la commande, son montant et sa date. Le paiement est "
                "traité par Stripe\u00a0: nous ne voyons ni ne conservons jamais votre numéro de "
                "carte.</li>"
                "</ul>"
                "<p>Pour bloquer les abus (tentatives de connexion répétées, par exemple), votre "
                "adresse IP est gardée quelques minutes en mémoire, puis oubliée; elle n'est "
                "jamais enregistrée avec vos téléchargements.</p>"
            ),
        ),
        ("heading", "Pourquoi nous les utilisons"),
        (
            "paragraph",
            (
                "<ul>"
                "<li>Créer votre compte, le protéger et vous permettre de vous connecter.</li>"
                "<li>Vous redonner accès aux ressources que vous avez téléchargées ou "
                "achetées.</li>"
                "<li>Afficher votre page d'auteur et vous attribuer vos ressources, comme les "
                "licences l'exigent.</li>"
                "<li>Traiter les paiements et tenir la comptabilité que la loi nous impose.</li>"
                "<li>Vous envoyer l'infolettre, seulement si vous l'avez demandée.</li>"
                "<li>Compter les téléchargements et les évaluations pour aider chacun à trouver "
                "de bonnes ressources.</li>"
                "</ul>"
                "<p>Nous n'utilisons pas vos renseignements à des fins publicitaires et nous ne "
                "les vendons ni ne les louons à personne.</p>"
            ),
        ),
        ("heading", "Témoins et traceurs"),
        (
            "paragraph",
            (
                "<p>Aucun traceur de tiers, aucun outil de statistiques externe, aucun témoin "
                "publicitaire. Le site utilise seulement les témoins (cookies) nécessaires à son "
                "fonctionnement\u00a0: un témoin de session quand vous êtes connecté, un témoin de "
                "sécurité qui protège les formulaires contre la falsification et, quelques "
                "instants, un témoin qui transporte les messages de confirmation affichés après "
                "une action.</p>"
            ),
        ),
        ("heading", "Combien de temps nous les gardons"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Compte, profil, consentements, évaluations et suivis</b>\u00a0: tant que "
                "votre compte est ouvert. Quand vous le fermez, ils sont effacés aussitôt.</li>"
                "<li><b>Téléchargements</b>\u00a0: liés à votre compte tant qu'il est ouvert; à sa "
                "fermeture, ils ne sont plus liés à personne et ne servent qu'aux "
                "statistiques.</li>"
                "<li><b>Achats</b>\u00a0: les commandes sont conservées six ans, comme l'exigent "
                "les lois fiscales, et anonymisées à la fermeture de votre compte.</li>"
                "<li><b>Ressources publiées</b>\u00a0: à la fermeture de votre compte, vous "
                "choisissez de les retirer ou de les laisser en ligne sous la mention "
                "«\u00a0Membre APOP (compte supprimé)\u00a0».</li>"
                "</ul>"
            ),
        ),
        ("heading", "Avec qui nous les partageons"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Stripe</b>, qui traite les paiements et reçoit directement les données de "
                "votre carte; Stripe peut traiter ces données à l'extérieur du Québec.</li>"
                "<li><b>Notre hébergeur et notre fournisseur de stockage, au Canada</b>, qui "
                "conservent pour nous la base de données et les fichiers.</li>"
                "</ul>"
                "<p>Personne d'autre, sauf si la loi nous y oblige. Votre nom d'affichage, votre "
                "profil public et vos ressources publiées sont visibles de tous; votre adresse "
                "courriel ne l'est jamais.</p>"
            ),
        ),
        ("heading", "Vos droits"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Accès et portabilité</b>\u00a0: télécharger toutes vos données dans un "
                "fichier JSON.</li>"
                "<li><b>Rectification</b>\u00a0: corriger votre profil en tout temps.</li>"
                "<li><b>Suppression</b>\u00a0: fermer votre compte; vos renseignements personnels "
                "sont alors effacés ou anonymisés.</li>"
                "<li><b>Retrait du consentement</b>\u00a0: vous désabonner de l'infolettre en tout "
                "temps, depuis votre profil.</li>"
                "<li><b>Plainte</b>\u00a0: si notre réponse ne vous satisfait pas, vous pouvez "
                "vous adresser à la "
                "<a href=\"https://www.cai.gouv.qc.ca/\">Commission d'accès à l'information du "
                "Québec</a>.</li>"
                "</ul>"
            ),
        ),
        ("heading", "Exercer vos droits"),
        (
            "paragraph",
            (
                "<p>Connectez-vous, puis ouvrez la page "
                '<a href="/fr/compte/confidentialite/">Mes données et ma vie privée</a> de votre '
                "compte\u00a0: vous pouvez y télécharger vos données, revoir vos consentements et "
                "fermer votre compte. Pour toute autre demande, écrivez à la personne responsable "
                "(adresse au bas de la page); nous répondons dans un délai de 30\u00a0jours.</p>"
            ),
        ),
    ],
    "title_en": "Privacy policy",
    "intro_en": (
        "In short: we collect as little as we can, we never sell it, no tracker follows you, and "
        "you can download your data or close your account at any time. Here, in plain words, is "
        "what we do with your personal information, in accordance with Quebec's Act respecting "
        "the protection of personal information in the private sector, as modernised by Law 25."
    ),
    "body_en": [
        ("heading", "Who we are"),
        (
            "paragraph",
            (
                "<p>The APOP boutique is a service of the Association pour les applications "
                "pédagogiques de l'ordinateur au postsecondaire (APOP), a Quebec non-profit "
                "organisation. APOP is responsible for the personal information the boutique "
                "collects.</p>"
            ),
        ),
        ("heading", "The person in charge of your information"),
        (
            "paragraph",
            (
                "<p>The person in charge of the protection of personal information makes sure "
                "this policy is followed and answers your questions, requests and complaints. "
                "Their name, title and e-mail address are shown at the bottom of every page of "
                "the site, under “Information”. By default, this role belongs to the person with "
                "the highest authority at APOP, who may delegate it in writing.</p>"
            ),
        ),
        ("heading", "What we collect"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Your account</b>: your e-mail address, your password (stored in an "
                "encrypted form nobody can read back), your display name, your preferred "
                "language and, if you wish, a public profile (photo, biography, links, "
                "disciplines).</li>"
                "<li><b>Your consents</b>: the date you accepted the terms of use and, only if "
                "you asked for it, the date you subscribed to the newsletter.</li>"
                "<li><b>Your activity</b>: the resources you download, your ratings and "
                "comments, the authors you follow.</li>"
                "<li><b>Your submissions</b>: the resources you publish and their files.</li>"
                "<li><b>Your purchases</b>: the order, its amount and its date. Payment is "
                "handled by Stripe: we never see or keep your card number.</li>"
                "</ul>"
                "<p>To stop abuse (repeated log-in attempts, for example), your IP address is "
                "kept in memory for a few minutes, then forgotten; it is never recorded with "
                "your downloads.</p>"
            ),
        ),
        ("heading", "Why we use it"),
        (
            "paragraph",
            (
                "<ul>"
                "<li>To create your account, keep it safe and let you log in.</li>"
                "<li>To give you back the resources you downloaded or bought.</li>"
                "<li>To show your author page and credit you for your resources, as the "
                "licences require.</li>"
                "<li>To process payments and keep the accounts the law requires.</li>"
                "<li>To send you the newsletter, only if you asked for it.</li>"
                "<li>To count downloads and ratings, which help everyone find good "
                "resources.</li>"
                "</ul>"
                "<p>We do not use your information for advertising, and we never sell or rent it "
                "to anyone.</p>"
            ),
        ),
        ("heading", "Cookies and trackers"),
        (
            "paragraph",
            (
                "<p>No third-party tracker, no external analytics, no advertising cookie. The "
                "site uses only the cookies it needs to work: a session cookie while you are "
                "logged in, a security cookie that protects forms against forgery and, for a "
                "moment, a cookie that carries the confirmation messages shown after an "
                "action.</p>"
            ),
        ),
        ("heading", "How long we keep it"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Account, profile, consents, ratings and follows</b>: as long as your "
                "account is open. When you close it, they are erased at once.</li>"
                "<li><b>Downloads</b>: linked to your account while it is open; when you close "
                "it, they are no longer linked to anyone and only feed the statistics.</li>"
                "<li><b>Purchases</b>: orders are kept for six years, as tax laws require, and "
                "anonymised when you close your account.</li>"
                "<li><b>Published resources</b>: when you close your account, you choose to "
                "withdraw them or to leave them online credited to “APOP member (account "
                "deleted)”.</li>"
                "</ul>"
            ),
        ),
        ("heading", "Who we share it with"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Stripe</b>, which processes payments and receives your card details "
                "directly; Stripe may process them outside Quebec.</li>"
                "<li><b>Our hosting and storage provider, in Canada</b>, which keeps the database "
                "and the files for us.</li>"
                "</ul>"
                "<p>Nobody else, unless the law requires it. Your display name, public profile "
                "and published resources are visible to everyone; your e-mail address never "
                "is.</p>"
            ),
        ),
        ("heading", "Your rights"),
        (
            "paragraph",
            (
                "<ul>"
                "<li><b>Access and portability</b>: download all your data in a JSON file.</li>"
                "<li><b>Correction</b>: correct your profile at any time.</li>"
                "<li><b>Deletion</b>: close your account; your personal information is then "
                "erased or anonymised.</li>"
                "<li><b>Withdrawing consent</b>: unsubscribe from the newsletter at any time, "
                "from your profile.</li>"
                "<li><b>Complaint</b>: if our answer does not satisfy you, you may turn to the "
                "<a href=\"https://www.cai.gouv.qc.ca/\">Commission d'accès à l'information du "
                "Québec</a>.</li>"
                "</ul>"
            ),
        ),
        ("heading", "Exercising your rights"),
        (
            "paragraph",
            (
                "<p>Log in, then open the "
                '<a href="/en/compte/confidentialite/">My data and privacy</a> page of your '
                "account: there you can download your data, review your consents and close your "
                "account. For any other request, write to the person in charge (address at the "
                "bottom of the page); we answer within 30 days.</p>"
            ),
        ),
    ],
}

# Demo values for the SiteLinks setting's privacy officer (`make run` only, never with
# --structure-only: production names its real officer in the settings).
DEMO_PRIVACY_OFFICER = {
    "privacy_officer_name": "Geneviève Lavoie",
    "privacy_officer_title": "directrice générale de l'APOP",
    "privacy_officer_email": "confidentialite@apop.example",
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
    PRIVACY_PAGE,
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
