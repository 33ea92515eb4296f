"""Demo content for the Newsroom site: sections, authors and articles (French, West Africa)."""

SECTIONS = [
    {
        "name": "Politique",
        "slug": "politique",
        "description": (
            "Suivez l’actualité institutionnelle, électorale et gouvernementale des pays d’Afrique "
            "de l’Ouest."
        ),
        "position": 1,
    },
    {
        "name": "Économie",
        "slug": "economie",
        "description": (
            "Retrouvez les marchés, les matières premières, les finances publiques et la vie des "
            "entreprises de la sous-région."
        ),
        "position": 2,
    },
    {
        "name": "Sécurité",
        "slug": "securite",
        "description": (
            "Comprenez les conflits, le terrorisme, la criminalité et les réponses sécuritaires au "
            "Sahel et sur le littoral ouest-africain."
        ),
        "position": 3,
    },
    {
        "name": "International",
        "slug": "international",
        "description": (
            "Suivez la diplomatie, les organisations régionales et la place de l’Afrique de "
            "l’Ouest dans le monde."
        ),
        "position": 4,
    },
    {
        "name": "Société",
        "slug": "societe",
        "description": (
            "Découvrez l’éducation, la santé, la vie urbaine et les enjeux du quotidien des "
            "populations ouest-africaines."
        ),
        "position": 5,
    },
    {
        "name": "Sport",
        "slug": "sport",
        "description": (
            "Vivez le football, l’athlétisme, la lutte et toutes les compétitions qui passionnent "
            "la sous-région."
        ),
        "position": 6,
    },
    {
        "name": "Culture",
        "slug": "culture",
        "description": (
            "Explorez le cinéma, la musique, les arts plastiques, la littérature et le patrimoine "
            "d’Afrique de l’Ouest."
        ),
        "position": 7,
    },
]

AUTHORS = [
    {
        "username": "journalist",
        "display_name": "Séverin Konan",
        "slug": "severin-konan",
        "job_title": "Journaliste, service Sécurité et International",
        "bio": (
            "Séverin Konan couvre depuis une dizaine d’années les questions de défense, de "
            "terrorisme et de diplomatie en Afrique de l’Ouest. Basé à Abidjan, il s’est rendu à "
            "de nombreuses reprises dans les zones frontalières du Sahel pour documenter l’impact "
            "des conflits sur les populations civiles."
        ),
        "website": "https://severinkonan.example.org",
        "x_url": "https://x.com/severinkonan_news",
        "facebook_url": "",
        "linkedin_url": "https://www.linkedin.com/in/severin-konan-journaliste",
    },
    {
        "username": "journalist2",
        "display_name": "Aminata Traoré",
        "slug": "aminata-traore",
        "job_title": "Journaliste, service Économie",
        "bio": (
            "Aminata Traoré suit l’actualité économique et financière de la zone UEMOA, des "
            "marchés des matières premières aux décisions de politique monétaire. Avant de "
            "rejoindre la rédaction, elle a travaillé plusieurs années dans un cabinet d’analyse "
            "spécialisé dans les économies africaines."
        ),
        "website": "",
        "x_url": "https://x.com/aminata_eco",
        "facebook_url": "",
        "linkedin_url": "https://www.linkedin.com/in/aminata-traore-economie",
    },
    {
        "username": "editor",
        "display_name": "Koffi Mensah",
        "slug": "koffi-mensah",
        "job_title": "Rédacteur en chef adjoint",
        "bio": (
            "Koffi Mensah coordonne le travail de la rédaction et supervise les grands dossiers "
            "politiques et sociaux. Journaliste depuis plus de vingt ans, il a dirigé plusieurs "
            "services d’information à Lomé, à Accra puis à Abidjan."
        ),
        "website": "https://koffimensah.example.org",
        "x_url": "https://x.com/koffimensah_redac",
        "facebook_url": "https://www.facebook.com/koffimensah.journaliste",
        "linkedin_url": "https://www.linkedin.com/in/koffi-mensah-redaction",
    },
    {
        "username": None,
        "display_name": "Fatou Diallo",
        "slug": "fatou-diallo",
        "job_title": "Correspondante à Dakar",
        "bio": (
            "Fatou Diallo est la correspondante de la rédaction à Dakar, d’où elle couvre "
            "l’actualité du Sénégal, de la Mauritanie et de la Gambie. Elle s’intéresse "
            "particulièrement aux questions de jeunesse, de migration et de culture urbaine."
        ),
        "website": "",
        "x_url": "https://x.com/fatoudiallo_dkr",
        "facebook_url": "https://www.facebook.com/fatoudiallo.dakar",
        "linkedin_url": "",
    },
]

ARTICLES = [
    # --- Politique ---
    {
        "headline": (
            "Côte d’Ivoire : la Commission électorale lance la révision de la liste électorale"
        ),
        "section": "politique",
        "author": "koffi-mensah",
        "tags": ["Côte d'Ivoire", "Élections", "Démocratie", "Jeunesse"],
        "standfirst": (
            "L’opération, prévue pour durer plusieurs semaines, doit permettre aux nouveaux "
            "majeurs de s’inscrire et aux électeurs déjà enregistrés de corriger leurs "
            "informations avant les prochains scrutins."
        ),
        "paragraphs": [
            (
                "La Commission électorale indépendante (CEI) a officiellement lancé lundi "
                "l’opération de révision de la liste électorale sur l’ensemble du territoire "
                "ivoirien. Selon l’institution, plusieurs milliers d’agents ont été formés et "
                "déployés dans les commissions locales afin d’accueillir les citoyens du matin "
                "jusqu’en fin d’après-midi, y compris le samedi dans les grandes agglomérations. "
                "Les pièces exigées restent la carte nationale d’identité ou un certificat de "
                "nationalité accompagné d’un extrait d’acte de naissance."
            ),
            (
                "Les jeunes ayant atteint l’âge de voter depuis la dernière révision constituent "
                "la principale cible de cette campagne. Les responsables de la commission "
                "reconnaissent que l’inscription des primo-votants reste un défi, notamment dans "
                "les zones rurales où l’accès aux documents d’état civil demeure difficile. Des "
                "équipes mobiles doivent sillonner les villages les plus éloignés pendant la "
                "seconde moitié de l’opération."
            ),
            (
                "Plusieurs organisations de la société civile ont salué le calendrier retenu tout "
                "en appelant à une meilleure information du public. « Beaucoup de citoyens "
                "ignorent encore où se trouve leur centre d’enrôlement », observe le coordonnateur "
                "d’une plateforme d’observation électorale basée à Abidjan, qui plaide pour une "
                "campagne de sensibilisation en langues locales à la radio et sur les réseaux "
                "sociaux."
            ),
            (
                "Les partis politiques, de leur côté, ont été invités à désigner des représentants "
                "pour suivre les opérations dans chaque commission locale. La liste provisoire "
                "issue de cette révision devrait être affichée à l’issue de l’opération, ouvrant "
                "une période de contentieux durant laquelle chaque électeur pourra vérifier son "
                "inscription et signaler d’éventuelles erreurs."
            ),
        ],
        "subheading": "Des centres d’enrôlement dans tout le pays",
        "state": "published",
        "days_ago": 0,
    },
    {
        "headline": (
            "Sénégal : l’Assemblée nationale adopte une loi sur l’accès à l’information publique"
        ),
        "section": "politique",
        "author": "fatou-diallo",
        "tags": ["Sénégal", "Gouvernance", "Transparence", "Démocratie"],
        "standfirst": (
            "Réclamé depuis des années par les journalistes et la société civile, le texte oblige "
            "les administrations à répondre aux demandes des citoyens dans des délais encadrés par "
            "la loi."
        ),
        "paragraphs": [
            (
                "Les députés sénégalais ont adopté à une large majorité le projet de loi relatif à "
                "l’accès à l’information, à l’issue d’une séance plénière qui s’est prolongée tard "
                "dans la soirée à Dakar. Le texte consacre le droit de toute personne à obtenir "
                "communication des documents détenus par les administrations, les collectivités "
                "territoriales et les entreprises publiques, sous réserve de certaines exceptions."
            ),
            (
                "Parmi ces exceptions figurent les informations relevant de la défense nationale, "
                "de la sécurité de l’État, du secret médical ou de la vie privée. Les "
                "administrations disposeront d’un délai fixé par la loi pour répondre aux "
                "demandes, faute de quoi le citoyen pourra saisir une autorité indépendante "
                "chargée de veiller à l’application du texte et de trancher les litiges."
            ),
            (
                "Les organisations de défense de la transparence ont salué une avancée attendue de "
                "longue date, tout en restant prudentes sur la mise en œuvre. « Le vote est une "
                "étape, mais tout dépendra des moyens accordés à l’autorité de contrôle et de la "
                "volonté des administrations de jouer le jeu », estime une responsable d’une "
                "association de journalistes rencontrée à la sortie de l’hémicycle."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 3,
    },
    {
        "headline": "Ghana : le Parlement examine une réforme du financement des partis politiques",
        "section": "politique",
        "author": "koffi-mensah",
        "tags": ["Ghana", "Gouvernance", "Élections", "Transparence"],
        "standfirst": (
            "Le texte prévoit un plafonnement des dépenses de campagne et une obligation de "
            "publier les comptes annuels, deux mesures destinées à limiter l’influence de l’argent "
            "dans la vie politique ghanéenne."
        ),
        "paragraphs": [
            (
                "Le Parlement ghanéen a entamé l’examen d’un projet de loi visant à encadrer plus "
                "strictement le financement des partis politiques. Présenté en commission à Accra, "
                "le texte prévoit notamment l’obligation pour chaque formation de déposer chaque "
                "année des comptes certifiés auprès de la commission électorale, qui serait "
                "chargée de les rendre publics dans un délai raisonnable."
            ),
            (
                "La mesure la plus discutée concerne le plafonnement des dépenses de campagne lors "
                "des élections présidentielle et législatives. Ses partisans estiment que la "
                "hausse continue du coût des campagnes éloigne de la compétition électorale les "
                "candidats qui ne disposent pas de soutiens financiers importants, au détriment du "
                "renouvellement de la classe politique."
            ),
            (
                "Plusieurs députés ont toutefois exprimé des réserves sur la capacité de "
                "l’administration électorale à contrôler effectivement les flux financiers, une "
                "grande partie des transactions se faisant encore en espèces ou par paiement "
                "mobile. Des représentants d’organisations de la société civile ont proposé de "
                "créer une cellule d’audit indépendante dotée de véritables pouvoirs d’enquête."
            ),
            (
                "Le projet doit encore faire l’objet d’auditions publiques avant son passage en "
                "séance plénière. Les observateurs rappellent que le Ghana, souvent cité en "
                "exemple pour la régularité de ses alternances démocratiques, ne dispose pas "
                "encore d’un mécanisme public de financement des partis, contrairement à plusieurs "
                "de ses voisins de la sous-région."
            ),
        ],
        "subheading": "Un plafond pour les dépenses de campagne",
        "state": "published",
        "days_ago": 12,
    },
    {
        "headline": (
            "Burkina Faso : les autorités de transition annoncent un nouveau découpage "
            "administratif"
        ),
        "section": "politique",
        "author": "koffi-mensah",
        "tags": ["Burkina Faso", "Transition", "Décentralisation", "Sahel"],
        "standfirst": (
            "Présentée en Conseil des ministres, la réforme redessine la carte des régions et des "
            "provinces afin, selon le gouvernement, de rapprocher l’administration des populations "
            "et de mieux répondre aux défis sécuritaires."
        ),
        "paragraphs": [
            (
                "Le gouvernement burkinabè a adopté en Conseil des ministres un projet de réforme "
                "de l’organisation territoriale qui modifie le nombre et les limites de plusieurs "
                "régions et provinces. Selon le compte rendu officiel, cette nouvelle carte "
                "administrative vise à améliorer la présence de l’État dans des zones jugées trop "
                "éloignées des chefs-lieux actuels."
            ),
            (
                "Les autorités de transition mettent en avant des considérations à la fois "
                "sécuritaires et de développement. La création de nouvelles circonscriptions doit "
                "permettre, selon elles, de renforcer le maillage administratif, de faciliter "
                "l’accès des populations aux services publics et de mieux coordonner l’action des "
                "forces de défense et de sécurité sur le terrain."
            ),
            (
                "La réforme s’accompagne également d’un changement de dénomination pour certaines "
                "entités territoriales, avec l’adoption de noms puisés dans les langues et "
                "l’histoire locales. Les détails de la mise en œuvre, notamment le calendrier "
                "d’installation des nouvelles administrations et le redéploiement des "
                "fonctionnaires, doivent être précisés par décret dans les prochaines semaines."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 27,
    },
    {
        "headline": (
            "Bénin : la décentralisation relancée avec de nouveaux moyens pour les communes"
        ),
        "section": "politique",
        "author": "koffi-mensah",
        "tags": ["Bénin", "Décentralisation", "Gouvernance"],
        "standfirst": (
            "Le gouvernement béninois promet d’accroître les transferts financiers vers les "
            "communes, mais les élus locaux attendent de voir les fonds effectivement décaissés "
            "avant de se prononcer sur la portée de la réforme."
        ),
        "paragraphs": [
            (
                "Le ministère béninois chargé de la décentralisation a présenté à Cotonou un plan "
                "destiné à renforcer les capacités financières des communes. Le dispositif prévoit "
                "une hausse progressive de la part des recettes de l’État reversée aux "
                "collectivités, ainsi qu’un appui technique pour améliorer la collecte des taxes "
                "locales, souvent jugée insuffisante par les services de contrôle."
            ),
            (
                "Les communes béninoises sont responsables de nombreux services de proximité, de "
                "l’entretien des marchés à la gestion des déchets en passant par l’état civil. "
                "Faute de ressources propres suffisantes, beaucoup d’entre elles dépendent encore "
                "largement des transferts de l’État et des financements des partenaires techniques "
                "pour réaliser leurs investissements les plus importants."
            ),
            (
                "Plusieurs maires interrogés saluent l’intention affichée par le gouvernement mais "
                "attendent des garanties sur la régularité des versements. « Les annonces ne "
                "suffisent pas, ce qui compte, c’est le calendrier de décaissement », résume l’un "
                "d’eux, élu d’une commune du Nord. L’association nationale des communes doit "
                "rendre un avis détaillé sur le plan lors de sa prochaine assemblée générale."
            ),
        ],
        "subheading": "Des maires entre espoir et prudence",
        "state": "draft",
        "days_ago": 0,
    },
    {
        "headline": "Sénégal : les élus locaux réclament un transfert effectif des compétences",
        "section": "politique",
        "author": "fatou-diallo",
        "tags": ["Sénégal", "Décentralisation", "Gouvernance"],
        "standfirst": (
            "Réunis à Thiès, maires et présidents de conseils départementaux ont dressé un bilan "
            "critique de la décentralisation et demandé des ressources à la hauteur des missions "
            "qui leur sont confiées."
        ),
        "paragraphs": [
            (
                "Plusieurs centaines d’élus locaux se sont retrouvés à Thiès pour des assises "
                "consacrées à la gouvernance territoriale. Au cœur des discussions : le décalage "
                "entre les compétences transférées aux collectivités depuis la réforme de la "
                "décentralisation et les moyens financiers et humains dont elles disposent "
                "réellement pour les exercer au quotidien."
            ),
            (
                "Les participants ont notamment pointé les difficultés rencontrées dans la gestion "
                "de l’éducation de base, de la santé primaire et de l’aménagement urbain. Dans de "
                "nombreuses communes, les élus affirment devoir arbitrer entre l’entretien des "
                "écoles, la réhabilitation des postes de santé et le paiement des agents "
                "municipaux, faute de budgets suffisants."
            ),
            (
                "À l’issue des travaux, les élus ont adopté une déclaration demandant la révision "
                "des critères de répartition des fonds de dotation et la création d’une fonction "
                "publique territoriale. Ils souhaitent également être davantage associés à la "
                "préparation des grands projets d’infrastructures réalisés sur leur territoire par "
                "l’État central, souvent sans concertation préalable avec les conseils élus."
            ),
            (
                "Le ministère chargé des collectivités territoriales, représenté lors de la "
                "cérémonie de clôture, a pris acte des recommandations et annoncé l’ouverture "
                "prochaine de concertations techniques. Les élus ont prévu de se réunir à nouveau "
                "dans six mois pour évaluer les suites données à leurs demandes et, le cas "
                "échéant, ajuster leur plaidoyer auprès des parlementaires."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 41,
    },
    # --- Économie ---
    {
        "headline": "Cacao : la Côte d’Ivoire fixe le prix bord champ de la campagne intermédiaire",
        "section": "economie",
        "author": "aminata-traore",
        "tags": ["Côte d'Ivoire", "Cacao", "Agriculture", "Matières premières"],
        "standfirst": (
            "Le Conseil du café-cacao a annoncé un prix garanti aux producteurs en hausse par "
            "rapport à la campagne précédente, dans un contexte de cours mondiaux toujours élevés "
            "et de production en repli."
        ),
        "paragraphs": [
            (
                "Le Conseil du café-cacao a dévoilé à Abidjan le prix minimum garanti aux "
                "producteurs pour la campagne intermédiaire, qui s’étend sur plusieurs mois "
                "jusqu’à la fin de la saison. Ce prix bord champ, fixé par les autorités pour "
                "l’ensemble du territoire, est en hausse par rapport à la campagne précédente, une "
                "décision justifiée par la bonne tenue des cours sur les marchés internationaux."
            ),
            (
                "Premier producteur mondial de fèves, la Côte d’Ivoire commercialise une large "
                "part de sa récolte par anticipation, ce qui permet à l’État de sécuriser le prix "
                "versé aux planteurs. Cette stratégie limite toutefois la capacité du pays à "
                "profiter pleinement des pics de prix observés sur les marchés à terme de Londres "
                "et de New York."
            ),
            (
                "Dans les zones de production de l’Ouest et du Centre-Ouest, l’annonce a été "
                "accueillie avec satisfaction mais aussi avec prudence. Plusieurs coopératives "
                "rappellent que le vieillissement des vergers, la maladie du swollen shoot et les "
                "aléas climatiques ont réduit les rendements, de sorte que la hausse du prix "
                "unitaire ne compense pas toujours la baisse des volumes récoltés."
            ),
            (
                "Les autorités ont par ailleurs réaffirmé leur intention de lutter contre la vente "
                "illicite de fèves vers les pays voisins, un phénomène qui s’accentue lorsque les "
                "écarts de prix de part et d’autre des frontières deviennent trop importants. Des "
                "contrôles renforcés sont annoncés sur les principaux axes routiers menant vers "
                "les zones frontalières."
            ),
        ],
        "subheading": "Des producteurs encore prudents",
        "state": "published",
        "days_ago": 1,
    },
    {
        "headline": "UEMOA : la BCEAO maintient ses taux directeurs face à une inflation en recul",
        "section": "economie",
        "author": "aminata-traore",
        "tags": ["UEMOA", "BCEAO", "Inflation", "Intégration régionale"],
        "standfirst": (
            "Réuni à Dakar, le Comité de politique monétaire a choisi le statu quo, estimant que "
            "la décrue des prix dans l’Union devait être confirmée avant tout assouplissement des "
            "conditions de crédit."
        ),
        "paragraphs": [
            (
                "Le Comité de politique monétaire de la Banque centrale des États de l’Afrique de "
                "l’Ouest (BCEAO) a décidé de maintenir inchangés ses principaux taux directeurs à "
                "l’issue de sa réunion trimestrielle tenue à Dakar. L’institution justifie ce "
                "choix par la nécessité de consolider le ralentissement de l’inflation observé ces "
                "derniers mois dans les huit pays de l’Union."
            ),
            (
                "Selon le communiqué publié à l’issue de la réunion, la baisse des prix des "
                "produits alimentaires, liée à de bonnes récoltes céréalières dans plusieurs pays, "
                "a contribué à ramener l’inflation à un niveau plus proche de la cible fixée par "
                "la banque centrale. Les prix de l’énergie et des transports restent cependant une "
                "source de vigilance."
            ),
            (
                "Les milieux d’affaires, qui plaidaient pour une baisse des taux afin de relancer "
                "le crédit aux entreprises, devront donc patienter. Plusieurs économistes estiment "
                "néanmoins qu’un assouplissement pourrait intervenir dans les prochains mois si la "
                "tendance se confirme et si la croissance régionale, jugée robuste par la BCEAO, "
                "se maintient au niveau actuel."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 6,
    },
    {
        "headline": (
            "Sénégal : les premiers barils de pétrole relancent le débat sur la gestion des revenus"
        ),
        "section": "economie",
        "author": "fatou-diallo",
        "coauthor": "aminata-traore",
        "tags": ["Sénégal", "Pétrole et gaz", "Matières premières", "Transparence", "Énergie"],
        "standfirst": (
            "Avec le démarrage de la production en mer, le Sénégal entre dans le cercle des pays "
            "producteurs d’hydrocarbures, et la société civile réclame des garanties sur "
            "l’utilisation des recettes attendues."
        ),
        "paragraphs": [
            (
                "Le démarrage de l’exploitation du premier gisement pétrolier en mer du Sénégal "
                "marque une étape attendue depuis plus d’une décennie, depuis les premières "
                "découvertes au large des côtes. Les premières cargaisons de brut ont été "
                "exportées, et les autorités prévoient une montée progressive de la production au "
                "cours des prochaines années."
            ),
            (
                "Ce nouveau statut de pays producteur suscite de fortes attentes au sein de la "
                "population, en particulier chez les jeunes, qui espèrent des retombées en matière "
                "d’emploi. Les économistes appellent toutefois à la prudence : les recettes "
                "effectivement perçues par l’État dépendront des cours mondiaux, des coûts "
                "d’exploitation et des termes des contrats signés avec les compagnies."
            ),
            (
                "La loi sénégalaise prévoit la répartition des revenus entre le budget de l’État "
                "et un fonds intergénérationnel destiné à préserver une partie de la richesse pour "
                "l’avenir. Les organisations de la société civile demandent que les montants "
                "versés à ce fonds soient publiés régulièrement et que ses gestionnaires rendent "
                "compte devant le Parlement."
            ),
            (
                "À Dakar, plusieurs experts rappellent que d’autres pays du continent ont connu "
                "des difficultés à transformer la rente pétrolière en développement durable. « Le "
                "défi n’est pas technique mais institutionnel », résume un économiste de "
                "l’université Cheikh Anta Diop, qui insiste sur l’importance de la transparence "
                "dans la publication des contrats et des paiements."
            ),
            (
                "Le secteur gazier, appelé à se développer parallèlement avec le projet partagé "
                "avec la Mauritanie, devrait renforcer encore le poids des hydrocarbures dans "
                "l’économie nationale. Le gouvernement a annoncé la tenue prochaine d’une "
                "concertation nationale sur le contenu local afin d’accroître la participation des "
                "entreprises sénégalaises à la chaîne de valeur."
            ),
        ],
        "subheading": "Un fonds pour les générations futures",
        "state": "published",
        "days_ago": 15,
    },
    {
        "headline": (
            "Ghana : les start-up de la fintech séduisent de nouveaux investisseurs à Accra"
        ),
        "section": "economie",
        "author": "aminata-traore",
        "tags": ["Ghana", "Économie numérique", "Entrepreneuriat"],
        "standfirst": (
            "Portées par l’essor du paiement mobile et un cadre réglementaire jugé favorable, les "
            "jeunes pousses ghanéennes de la finance numérique multiplient les levées de fonds "
            "malgré un contexte mondial plus difficile."
        ),
        "paragraphs": [
            (
                "Dans les espaces de travail partagé qui se multiplient à Accra, les start-up "
                "spécialisées dans les services financiers numériques attirent l’attention d’un "
                "nombre croissant d’investisseurs. Paiements marchands, microcrédit en ligne, "
                "épargne collective ou transferts d’argent transfrontaliers : les solutions "
                "proposées visent en priorité les petits commerçants et les ménages peu "
                "bancarisés."
            ),
            (
                "Les acteurs du secteur soulignent le rôle du paiement mobile, désormais utilisé "
                "par une large majorité d’adultes ghanéens, comme socle de cette dynamique. "
                "L’interopérabilité entre opérateurs de téléphonie et banques, mise en place sous "
                "l’impulsion de la banque centrale, a facilité le développement de nouveaux "
                "services construits sur ces infrastructures existantes."
            ),
            (
                "Les fondateurs rencontrés restent néanmoins lucides sur les obstacles. Le coût "
                "élevé du financement local, la volatilité du cedi et la concurrence des grands "
                "acteurs panafricains compliquent la croissance des plus petites structures. "
                "Certaines d’entre elles cherchent déjà à s’implanter en Côte d’Ivoire ou au "
                "Nigeria pour élargir leur marché et rassurer leurs actionnaires."
            ),
            (
                "Pour accompagner cette dynamique, plusieurs incubateurs proposent désormais des "
                "programmes d’accélération spécifiquement consacrés à la finance numérique. Ils "
                "mettent l’accent sur la conformité réglementaire et la protection des données des "
                "utilisateurs, deux sujets devenus déterminants pour obtenir à la fois la "
                "confiance des autorités de régulation et celle des clients particuliers."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 22,
    },
    {
        "headline": "Nigeria : la dépréciation du naira pèse sur le panier de la ménagère à Lagos",
        "section": "economie",
        "author": "aminata-traore",
        "tags": ["Nigeria", "Inflation", "Pouvoir d'achat", "Commerce"],
        "standfirst": (
            "Sur les marchés de Lagos, la hausse des prix des denrées importées et du carburant "
            "contraint de nombreuses familles à réduire leurs achats et à revoir leurs habitudes "
            "de consommation."
        ),
        "paragraphs": [
            (
                "Au marché de Mile 12, l’un des plus grands marchés de produits vivriers de Lagos, "
                "les vendeurs constatent une baisse de la fréquentation depuis plusieurs mois. La "
                "dépréciation du naira face au dollar a renchéri le coût des produits importés, "
                "mais aussi celui des intrants agricoles et du transport, répercuté sur les prix "
                "des denrées produites localement."
            ),
            (
                "Riz, huile, farine et lait en poudre figurent parmi les produits dont les prix "
                "ont le plus augmenté. De nombreux ménages disent désormais acheter en petites "
                "quantités, au jour le jour, ou se tourner vers des produits de substitution moins "
                "chers. Certaines familles ont également réduit le nombre de repas quotidiens, "
                "selon des associations de consommateurs."
            ),
            (
                "Les autorités monétaires ont relevé à plusieurs reprises leur taux directeur afin "
                "de contenir l’inflation et de stabiliser la monnaie. Le gouvernement fédéral met "
                "en avant des mesures d’accompagnement, comme des transferts monétaires ciblés et "
                "la suspension temporaire de certains droits de douane sur les denrées "
                "alimentaires de base, afin de soulager les ménages les plus vulnérables."
            ),
            (
                "Pour les économistes, les réformes engagées pourraient à terme améliorer la "
                "compétitivité de l’économie nigériane et attirer davantage d’investissements. "
                "Mais à court terme, leur coût social reste élevé pour une population dont une "
                "large part vit de revenus informels, non indexés sur l’évolution des prix et "
                "souvent irréguliers d’un mois à l’autre."
            ),
        ],
        "subheading": "Les commerçants ajustent leurs prix chaque semaine",
        "state": "review",
        "days_ago": 0,
    },
    {
        "headline": (
            "Zone de libre-échange continentale : les PME ouest-africaines encore peu préparées"
        ),
        "section": "economie",
        "author": "aminata-traore",
        "tags": ["ZLECAf", "Intégration régionale", "Entrepreneuriat", "Commerce", "UEMOA"],
        "standfirst": (
            "Une enquête menée auprès de chefs d’entreprise de la sous-région montre que la "
            "majorité d’entre eux connaissent mal les règles de la ZLECAf et les débouchés qu’elle "
            "pourrait leur offrir."
        ),
        "paragraphs": [
            (
                "Plusieurs années après l’entrée en vigueur de la Zone de libre-échange "
                "continentale africaine (ZLECAf), les petites et moyennes entreprises d’Afrique de "
                "l’Ouest peinent encore à s’en saisir. C’est le principal enseignement d’une "
                "enquête réalisée par un réseau de chambres de commerce auprès de plusieurs "
                "centaines de dirigeants au Sénégal, en Côte d’Ivoire, au Ghana et au Nigeria."
            ),
            (
                "Une majorité des entrepreneurs interrogés déclarent n’avoir qu’une connaissance "
                "limitée des règles d’origine et des calendriers de démantèlement tarifaire. "
                "Beaucoup citent également les coûts logistiques, les tracasseries aux frontières "
                "et la difficulté d’accéder à des financements pour l’exportation comme des "
                "obstacles plus immédiats et plus pénalisants que les droits de douane eux-mêmes."
            ),
            (
                "Les auteurs de l’étude recommandent la création de guichets d’information dédiés "
                "aux PME dans chaque pays et un meilleur accompagnement pour obtenir les "
                "certificats d’origine. Ils plaident aussi pour une harmonisation des normes "
                "sanitaires et techniques, souvent source de blocages pour les produits "
                "agroalimentaires transformés, qui constituent pourtant l’un des principaux "
                "gisements d’échanges intra-africains."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 48,
    },
    # --- Sécurité ---
    {
        "headline": (
            "Sahel : les attaques contre les axes routiers perturbent l’approvisionnement des "
            "villes"
        ),
        "section": "securite",
        "author": "severin-konan",
        "tags": ["Sahel", "Terrorisme", "Burkina Faso", "Mali", "Humanitaire"],
        "standfirst": (
            "Au Burkina Faso et au Mali, la multiplication des attaques sur les routes reliant les "
            "grandes villes aux zones rurales entraîne des pénuries et une flambée des prix dans "
            "plusieurs localités."
        ),
        "paragraphs": [
            (
                "Les attaques attribuées à des groupes armés contre les véhicules de transport de "
                "marchandises se sont multipliées ces dernières semaines sur plusieurs axes "
                "stratégiques du Sahel central. Camions incendiés, chauffeurs enlevés, engins "
                "explosifs improvisés : les transporteurs décrivent une insécurité qui rend chaque "
                "trajet incertain et renchérit considérablement le coût du fret."
            ),
            (
                "Dans certaines localités soumises à un blocus, les habitants signalent des "
                "pénuries de produits de première nécessité, de carburant et de médicaments. Les "
                "prix des céréales et de l’huile y atteignent parfois le double de ceux pratiqués "
                "dans la capitale. Des organisations humanitaires alertent sur la dégradation de "
                "la situation alimentaire, notamment pour les enfants en bas âge."
            ),
            (
                "Pour maintenir l’approvisionnement, les autorités organisent des convois escortés "
                "par les forces de défense et de sécurité. Ces convois, qui peuvent réunir "
                "plusieurs dizaines de camions, avancent lentement et restent eux-mêmes exposés "
                "aux embuscades. Les transporteurs réclament une meilleure coordination et des "
                "garanties d’indemnisation en cas de perte de leurs véhicules."
            ),
            (
                "Les analystes spécialisés estiment que le ciblage des routes s’inscrit dans une "
                "stratégie d’asphyxie économique visant à isoler les localités et à contraindre "
                "les populations. Ils soulignent que la réponse ne peut être uniquement militaire "
                "et appellent à des investissements dans les infrastructures, l’agriculture locale "
                "et le dialogue avec les communautés."
            ),
        ],
        "subheading": "Des convois sous escorte",
        "state": "published",
        "days_ago": 0,
    },
    {
        "headline": (
            "Côte d’Ivoire : le dispositif sécuritaire renforcé dans les régions frontalières du "
            "Nord"
        ),
        "section": "securite",
        "author": "severin-konan",
        "tags": ["Côte d'Ivoire", "Sécurité", "Sahel", "Terrorisme", "Déplacés"],
        "standfirst": (
            "Face au risque de débordement de la crise sahélienne, Abidjan poursuit le déploiement "
            "de militaires et de projets sociaux dans les départements limitrophes du Mali et du "
            "Burkina Faso."
        ),
        "paragraphs": [
            (
                "L’état-major des armées ivoiriennes a annoncé le renforcement de ses effectifs "
                "dans plusieurs départements du nord du pays, le long des frontières avec le Mali "
                "et le Burkina Faso. De nouveaux postes avancés ont été installés et des "
                "patrouilles conjointes avec la gendarmerie sont désormais organisées de manière "
                "plus régulière, de jour comme de nuit."
            ),
            (
                "Depuis plusieurs années, la Côte d’Ivoire combine réponse militaire et programme "
                "social dans ces régions. Des projets d’emploi pour les jeunes, de construction de "
                "forages et de pistes rurales y sont financés afin de limiter la vulnérabilité des "
                "populations aux recrutements des groupes armés, qui exploitent le chômage et le "
                "sentiment d’abandon."
            ),
            (
                "Les autorités locales font également état d’une hausse du nombre de personnes "
                "venues du Burkina Faso voisin pour fuir les violences. Leur accueil, assuré avec "
                "l’appui d’agences humanitaires, pèse sur les ressources des villages d’accueil, "
                "où l’accès à l’eau et aux terres cultivables devient une source de tensions "
                "potentielles qu’il s’agit de prévenir."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 4,
    },
    {
        "headline": "Golfe de Guinée : recul des actes de piraterie selon un rapport maritime",
        "section": "securite",
        "author": "severin-konan",
        "tags": ["Golfe de Guinée", "Sécurité", "Nigeria", "Pêche"],
        "standfirst": (
            "Le dernier bilan publié par un organisme international de surveillance maritime "
            "confirme la baisse des attaques contre les navires, même si les experts mettent en "
            "garde contre tout relâchement."
        ),
        "paragraphs": [
            (
                "Le nombre d’incidents de piraterie et de vols à main armée signalés dans le golfe "
                "de Guinée a poursuivi sa baisse, selon le dernier rapport d’un organisme "
                "international chargé de recenser les attaques contre les navires. La région, "
                "longtemps considérée comme l’une des plus dangereuses au monde pour les "
                "équipages, enregistre désormais des chiffres sans commune mesure avec ceux du "
                "début de la décennie."
            ),
            (
                "Les spécialistes attribuent cette amélioration au renforcement des patrouilles "
                "des marines nationales, notamment celle du Nigeria, et à la mise en œuvre de "
                "l’architecture de Yaoundé, qui organise le partage d’informations entre les pays "
                "riverains. Des centres de coordination régionaux permettent aujourd’hui de suivre "
                "plus efficacement les navires suspects et de coordonner les interventions en mer."
            ),
            (
                "Les auteurs du rapport soulignent toutefois que des enlèvements de membres "
                "d’équipage continuent de se produire, parfois loin des côtes. Ils recommandent "
                "aux armateurs de maintenir des mesures de protection à bord et de signaler "
                "systématiquement toute approche suspecte aux centres de coordination, afin "
                "d’éviter une reprise de l’activité des groupes criminels."
            ),
            (
                "Pour les États de la région, l’enjeu dépasse la seule sécurité des navires. La "
                "pêche illicite, les trafics de carburant et de stupéfiants empruntent les mêmes "
                "routes maritimes et privent les économies côtières de ressources importantes, "
                "alors que le commerce maritime reste vital pour l’approvisionnement des ports "
                "d’Abidjan, de Lomé, de Cotonou ou de Lagos."
            ),
        ],
        "subheading": "La coopération régionale saluée",
        "state": "published",
        "days_ago": 18,
    },
    {
        "headline": (
            "Niger : des milliers de déplacés regagnent leurs villages dans la région de Tillabéri"
        ),
        "section": "securite",
        "author": "severin-konan",
        "tags": ["Niger", "Sahel", "Humanitaire", "Déplacés"],
        "standfirst": (
            "Les autorités nigériennes encouragent le retour des populations déplacées dans "
            "plusieurs communes jugées sécurisées, mais les organisations humanitaires insistent "
            "sur le caractère volontaire de ces retours."
        ),
        "paragraphs": [
            (
                "Plusieurs milliers de personnes déplacées par les violences ont regagné leurs "
                "localités d’origine dans la région de Tillabéri, dans l’ouest du Niger, selon les "
                "autorités régionales. Ces retours s’inscrivent dans un programme gouvernemental "
                "qui prévoit la réhabilitation d’écoles, de centres de santé et de points d’eau "
                "dans les communes jugées suffisamment sécurisées."
            ),
            (
                "Les familles concernées ont reçu des kits alimentaires et des semences afin de "
                "relancer les activités agricoles avant la saison des pluies. Dans les villages "
                "visités, les habitants disent leur soulagement de retrouver leurs champs, tout en "
                "confiant leur inquiétude face à la présence persistante de groupes armés dans les "
                "zones environnantes."
            ),
            (
                "Les organisations humanitaires présentes dans la région rappellent que les "
                "retours doivent rester volontaires, informés et se dérouler dans la sécurité et "
                "la dignité. Elles appellent à un suivi régulier des familles revenues et à un "
                "renforcement des services de base, sans lesquels de nouveaux déplacements "
                "pourraient intervenir en cas de dégradation de la situation."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 33,
    },
    {
        "headline": (
            "Nigeria : nouvelle vague d’enlèvements dans le Nord-Ouest, les écoles sous pression"
        ),
        "section": "securite",
        "author": "severin-konan",
        "coauthor": "koffi-mensah",
        "tags": ["Nigeria", "Sécurité", "Éducation"],
        "standfirst": (
            "Dans plusieurs États du nord-ouest du Nigeria, la multiplication des rapts contre "
            "rançon pousse les autorités à fermer des établissements scolaires et inquiète les "
            "familles comme les enseignants."
        ),
        "paragraphs": [
            (
                "Les enlèvements contre rançon se sont de nouveau multipliés ces dernières "
                "semaines dans plusieurs États du nord-ouest du Nigeria, notamment dans les zones "
                "rurales de Zamfara, de Katsina et de Kaduna. Selon les autorités locales, des "
                "groupes armés communément désignés sous le nom de « bandits » ciblent des "
                "voyageurs, des agriculteurs et, à plusieurs reprises, des établissements "
                "scolaires."
            ),
            (
                "Par mesure de précaution, plusieurs gouvernements d’États ont ordonné la "
                "fermeture temporaire d’écoles situées dans les zones les plus exposées. Les "
                "associations d’enseignants dénoncent une situation qui compromet la scolarité de "
                "dizaines de milliers d’enfants, en particulier des filles, déjà confrontées à des "
                "taux de scolarisation plus faibles que la moyenne nationale."
            ),
            (
                "Les forces de sécurité affirment avoir intensifié leurs opérations dans les "
                "forêts servant de refuge aux ravisseurs et annoncent régulièrement la libération "
                "d’otages. Mais l’étendue du territoire et la mobilité des groupes armés "
                "compliquent leur tâche, tandis que le paiement de rançons, officiellement "
                "interdit, continue d’alimenter l’économie des enlèvements dans toute la région."
            ),
            (
                "Des experts en sécurité plaident pour une approche plus globale, associant les "
                "communautés locales, les chefs traditionnels et les programmes de développement "
                "rural. Ils rappellent que la concurrence pour l’accès aux terres et à l’eau, "
                "aggravée par le changement climatique, figure parmi les causes profondes de la "
                "violence dans la région."
            ),
        ],
        "subheading": "Des écoles fermées par précaution",
        "state": "published",
        "days_ago": 55,
    },
    {
        "headline": "Bénin et Togo : les populations du Nord face à la menace des groupes armés",
        "section": "securite",
        "author": "severin-konan",
        "tags": ["Bénin", "Togo", "Terrorisme", "Golfe de Guinée"],
        "standfirst": (
            "Longtemps épargnés, les pays côtiers font face à une hausse des incidents dans leurs "
            "régions septentrionales, où les autorités tentent de conjuguer présence militaire et "
            "soutien aux communautés."
        ),
        "paragraphs": [
            (
                "Les régions septentrionales du Bénin et du Togo, frontalières du Burkina Faso, "
                "connaissent depuis plusieurs années une augmentation des incidents sécuritaires. "
                "Attaques contre des postes militaires, engins explosifs sur les pistes et "
                "intimidations des populations : les groupes armés actifs au Sahel étendent "
                "progressivement leur influence vers les pays du golfe de Guinée."
            ),
            (
                "Dans les villages proches des parcs nationaux, où se sont repliés certains de ces "
                "groupes, les habitants décrivent un quotidien marqué par la peur. Des "
                "agriculteurs ont renoncé à cultiver leurs champs les plus éloignés, et des "
                "éleveurs peinent à accéder aux zones de pâturage traditionnelles, ce qui "
                "fragilise les revenus des familles."
            ),
            (
                "Les deux gouvernements ont renforcé leur présence militaire et lancé des "
                "programmes d’urgence en faveur des jeunes et des femmes dans les zones "
                "concernées. Les spécialistes soulignent l’importance d’éviter toute "
                "stigmatisation de certaines communautés, un risque qui pourrait alimenter les "
                "tensions et faciliter le recrutement de jeunes désœuvrés par les groupes armés."
            ),
        ],
        "subheading": None,
        "state": "draft",
        "days_ago": 0,
    },
    # --- International ---
    {
        "headline": (
            "CEDEAO : sommet extraordinaire à Abuja sur les relations avec les pays de l’AES"
        ),
        "section": "international",
        "author": "severin-konan",
        "tags": ["CEDEAO", "AES", "Diplomatie", "Intégration régionale"],
        "standfirst": (
            "Les chefs d’État de la Communauté économique se sont réunis pour définir le cadre de "
            "leur coopération future avec le Mali, le Burkina Faso et le Niger, qui ont quitté "
            "l’organisation régionale."
        ),
        "paragraphs": [
            (
                "Les chefs d’État et de gouvernement de la Communauté économique des États de "
                "l’Afrique de l’Ouest (CEDEAO) se sont réunis en sommet extraordinaire à Abuja, la "
                "capitale fédérale du Nigeria. À l’ordre du jour figurait principalement la "
                "définition des relations entre l’organisation et les trois pays de l’Alliance des "
                "États du Sahel (AES), qui ont acté leur retrait du bloc régional."
            ),
            (
                "Les discussions ont porté en priorité sur la libre circulation des personnes et "
                "des biens, un acquis majeur de l’intégration régionale auquel les populations "
                "restent très attachées. Les dirigeants ont convenu de maintenir, à titre "
                "transitoire, certaines facilités pour les ressortissants des pays concernés, en "
                "attendant la conclusion d’accords spécifiques."
            ),
            (
                "La coopération sécuritaire a également occupé une place importante dans les "
                "échanges. Plusieurs délégations ont insisté sur la nécessité de préserver des "
                "canaux de dialogue avec les pays du Sahel central, estimant que la menace "
                "terroriste ne connaît pas de frontières et que l’isolement d’une partie de la "
                "région ne servirait les intérêts d’aucun État."
            ),
            (
                "Le communiqué final charge la Commission de la CEDEAO de poursuivre les "
                "consultations avec les autorités de l’AES et de présenter des propositions lors "
                "du prochain sommet ordinaire. Les observateurs notent que cette approche "
                "pragmatique tranche avec les tensions qui avaient marqué les relations entre les "
                "deux camps au cours des années précédentes."
            ),
        ],
        "subheading": "La libre circulation au cœur des débats",
        "state": "published",
        "days_ago": 2,
    },
    {
        "headline": (
            "Alliance des États du Sahel : Bamako accueille une réunion sur le passeport commun"
        ),
        "section": "international",
        "author": "severin-konan",
        "tags": ["AES", "Mali", "Diplomatie", "Sahel"],
        "standfirst": (
            "Experts et ministres des trois pays membres de la confédération ont examiné la mise "
            "en circulation d’un document de voyage commun et l’harmonisation de plusieurs "
            "procédures administratives."
        ),
        "paragraphs": [
            (
                "La capitale malienne a accueilli une réunion ministérielle de la Confédération "
                "des États du Sahel, qui regroupe le Mali, le Burkina Faso et le Niger. Les "
                "travaux ont principalement porté sur la mise en circulation progressive d’un "
                "passeport commun aux ressortissants des trois pays, présenté par les autorités "
                "comme un symbole fort de l’intégration confédérale."
            ),
            (
                "Les experts ont également examiné l’harmonisation des procédures de délivrance "
                "des documents d’état civil et la création de bases de données partagées. Selon le "
                "communiqué final, ces chantiers doivent faciliter la circulation des personnes au "
                "sein de l’espace confédéral et renforcer la coopération entre les services de "
                "sécurité des pays membres."
            ),
            (
                "Les ministres ont par ailleurs évoqué les projets communs dans les domaines de "
                "l’énergie, des transports et des télécommunications. La question du financement "
                "de ces initiatives reste toutefois posée, dans un contexte budgétaire contraint "
                "par les dépenses sécuritaires. Une nouvelle réunion est prévue à Niamey pour "
                "faire le point sur l’avancement des différents dossiers."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 9,
    },
    {
        "headline": "Dakar accueille un forum international sur la paix et la sécurité en Afrique",
        "section": "international",
        "author": "fatou-diallo",
        "tags": ["Sénégal", "Diplomatie", "Sécurité", "Jeunesse", "Union africaine"],
        "standfirst": (
            "Pendant deux jours, responsables gouvernementaux, militaires, chercheurs et "
            "représentants de la société civile ont débattu des réponses africaines aux crises qui "
            "secouent le continent."
        ),
        "paragraphs": [
            (
                "La capitale sénégalaise a accueilli une nouvelle édition de son forum "
                "international consacré à la paix et à la sécurité en Afrique. Plusieurs centaines "
                "de participants venus du continent et d’ailleurs ont pris part aux débats, qui se "
                "sont tenus dans un centre de conférences de la ville nouvelle de Diamniadio, à "
                "une trentaine de kilomètres du centre de Dakar."
            ),
            (
                "Les échanges ont porté sur l’évolution de la menace terroriste au Sahel, la "
                "sécurité maritime, la cybersécurité et le rôle des organisations régionales dans "
                "la prévention des conflits. De nombreux intervenants ont plaidé pour un meilleur "
                "financement des opérations de paix conduites par les Africains eux-mêmes et pour "
                "une plus grande appropriation des stratégies de sécurité."
            ),
            (
                "Une session spécifique était consacrée à la place des jeunes dans les politiques "
                "de sécurité. Des représentants d’associations ont rappelé que la majorité de la "
                "population ouest-africaine a moins de vingt-cinq ans et que le manque de "
                "perspectives économiques constitue un terreau favorable aux recrutements des "
                "groupes armés comme aux migrations irrégulières."
            ),
            (
                "Les organisateurs ont annoncé la publication prochaine d’un rapport de synthèse "
                "regroupant les principales recommandations formulées pendant le forum. Celles-ci "
                "doivent être transmises aux institutions régionales et aux gouvernements, avec "
                "l’ambition de nourrir les discussions lors des prochaines réunions de l’Union "
                "africaine consacrées aux questions de paix et de sécurité."
            ),
        ],
        "subheading": "La jeunesse invitée aux débats",
        "state": "published",
        "days_ago": 20,
    },
    {
        "headline": (
            "Union africaine : les États membres plaident pour une réforme du Conseil de sécurité "
            "de l’ONU"
        ),
        "section": "international",
        "author": "koffi-mensah",
        "tags": ["Union africaine", "Diplomatie", "ONU"],
        "standfirst": (
            "Réunis à Addis-Abeba, les représentants des États africains ont réaffirmé leur "
            "revendication de sièges permanents au Conseil de sécurité, une position commune "
            "défendue depuis près de deux décennies."
        ),
        "paragraphs": [
            (
                "Les représentants des États membres de l’Union africaine ont réaffirmé, lors "
                "d’une réunion tenue à Addis-Abeba, leur volonté de voir le continent mieux "
                "représenté au Conseil de sécurité des Nations unies. La position commune "
                "africaine, adoptée il y a près de vingt ans, réclame l’attribution de deux sièges "
                "permanents et de sièges non permanents supplémentaires au continent."
            ),
            (
                "Les diplomates africains font valoir qu’une part importante des dossiers examinés "
                "par le Conseil de sécurité concerne directement le continent, alors que celui-ci "
                "n’y dispose d’aucun membre permanent. Cette situation est présentée comme une "
                "anomalie historique héritée de l’après-guerre, en décalage avec le poids "
                "démographique et politique actuel de l’Afrique."
            ),
            (
                "Plusieurs pays d’Afrique de l’Ouest ont insisté sur la nécessité de maintenir "
                "l’unité du continent dans les négociations intergouvernementales menées à New "
                "York. Les discussions sur la réforme avancent néanmoins lentement, les grandes "
                "puissances restant divisées sur le nombre de nouveaux sièges à créer et sur la "
                "question du droit de veto."
            ),
        ],
        "subheading": None,
        "state": "review",
        "days_ago": 0,
    },
    {
        "headline": (
            "Migration : hausse des départs en pirogue depuis les côtes sénégalaises et "
            "mauritaniennes"
        ),
        "section": "international",
        "author": "fatou-diallo",
        "tags": ["Migration", "Sénégal", "Jeunesse", "Pêche"],
        "standfirst": (
            "Malgré les risques et les naufrages répétés, de nombreux jeunes continuent de tenter "
            "la traversée vers les îles Canaries, une route migratoire parmi les plus meurtrières "
            "au monde."
        ),
        "paragraphs": [
            (
                "Les départs de pirogues vers l’archipel espagnol des Canaries ont de nouveau "
                "augmenté ces derniers mois depuis les côtes du Sénégal et de la Mauritanie, selon "
                "les organisations qui suivent les mouvements migratoires dans la région. Les "
                "embarcations, souvent surchargées, partent de villages de pêcheurs situés au nord "
                "et au sud de Dakar, parfois après plusieurs semaines d’attente."
            ),
            (
                "Dans les quartiers de pêcheurs, les raisons invoquées par les candidats au départ "
                "sont souvent les mêmes : raréfaction des ressources halieutiques, chômage des "
                "jeunes et coût élevé de la vie. Les passeurs exigent des sommes importantes, "
                "fréquemment réunies grâce à l’aide de la famille ou à la vente de biens, ce qui "
                "accroît la pression sur ceux qui partent."
            ),
            (
                "La route atlantique reste extrêmement dangereuse. Des naufrages sont "
                "régulièrement signalés, et de nombreuses embarcations disparaissent sans laisser "
                "de trace. Dans certains villages, des associations de mères et de veuves se sont "
                "constituées pour sensibiliser les jeunes aux risques de la traversée et "
                "accompagner les familles qui ont perdu un proche en mer."
            ),
            (
                "Les autorités sénégalaises ont renforcé la surveillance des côtes et annoncé des "
                "programmes de formation et de financement de projets pour les jeunes. Les "
                "associations estiment cependant que ces mesures doivent s’inscrire dans la durée "
                "et s’accompagner d’une meilleure gestion des ressources de pêche, dont dépendent "
                "des centaines de milliers d’emplois dans le pays."
            ),
        ],
        "subheading": "Des familles endeuillées",
        "state": "published",
        "days_ago": 44,
    },
    {
        "headline": "Côte d’Ivoire et Ghana : les deux géants du cacao renforcent leur coopération",
        "section": "international",
        "author": "koffi-mensah",
        "coauthor": "aminata-traore",
        "tags": ["Côte d'Ivoire", "Ghana", "Cacao", "Diplomatie", "Matières premières"],
        "standfirst": (
            "Abidjan et Accra, qui assurent ensemble près des deux tiers de la production mondiale "
            "de fèves, veulent peser davantage face aux négociants et aux industriels du chocolat."
        ),
        "paragraphs": [
            (
                "Les gouvernements ivoirien et ghanéen ont convenu de renforcer leur coopération "
                "dans la filière cacao lors d’une réunion de haut niveau tenue à Accra. Les deux "
                "pays, premiers producteurs mondiaux, souhaitent harmoniser davantage leurs "
                "politiques de commercialisation et coordonner leurs positions dans les "
                "négociations avec les négociants et les industriels du chocolat."
            ),
            (
                "Au cœur des discussions figure l’initiative commune lancée il y a plusieurs "
                "années, qui vise à garantir un revenu plus décent aux planteurs grâce à un "
                "différentiel appliqué sur chaque tonne vendue. Les deux parties reconnaissent que "
                "son application a rencontré des difficultés et souhaitent en renforcer le suivi "
                "auprès des acheteurs internationaux."
            ),
            (
                "Les délégations ont également abordé la lutte contre la contrebande de fèves "
                "entre les deux pays, alimentée par les écarts de prix de part et d’autre de la "
                "frontière. Un mécanisme d’échange d’informations entre les services de douane et "
                "les organes de régulation de la filière doit être mis en place dans les prochains "
                "mois."
            ),
            (
                "Enfin, Abidjan et Accra entendent accélérer la transformation locale des fèves "
                "afin de capter une plus grande part de la valeur ajoutée. Les deux pays "
                "ambitionnent d’attirer de nouveaux investissements dans le broyage et la "
                "fabrication de produits semi-finis, tout en répondant aux nouvelles exigences "
                "européennes en matière de lutte contre la déforestation."
            ),
        ],
        "subheading": None,
        "state": "scheduled",
        "days_ago": 0,
    },
    # --- Société ---
    {
        "headline": (
            "Abidjan : les habitants de la périphérie dénoncent la saturation des transports"
        ),
        "section": "societe",
        "author": "koffi-mensah",
        "tags": ["Côte d'Ivoire", "Abidjan", "Transports", "Urbanisation", "Pouvoir d'achat"],
        "standfirst": (
            "À Abobo, Yopougon ou Anyama, de nombreux travailleurs passent plusieurs heures par "
            "jour dans les embouteillages, dans l’attente de grands projets censés désengorger la "
            "capitale économique ivoirienne."
        ),
        "paragraphs": [
            (
                "Il est à peine cinq heures du matin à Abobo, mais la file d’attente s’allonge "
                "déjà devant l’arrêt des minibus. Comme des milliers d’habitants des quartiers "
                "périphériques d’Abidjan, les passagers quittent leur domicile avant l’aube pour "
                "espérer arriver à l’heure au Plateau ou en zone industrielle, où se concentre une "
                "grande partie des emplois de la ville."
            ),
            (
                "La croissance rapide de la population abidjanaise, estimée à plus de six millions "
                "d’habitants, a largement dépassé la capacité des infrastructures de transport. "
                "Les bus publics, les minibus appelés gbakas et les taxis collectifs, les "
                "woro-woro, ne suffisent plus à absorber la demande aux heures de pointe, tandis "
                "que les embouteillages s’étendent sur les principaux axes."
            ),
            (
                "Les usagers déplorent également la hausse du coût des trajets, qui peut "
                "représenter une part importante du budget des ménages modestes. Certains "
                "travailleurs disent consacrer près d’un cinquième de leur salaire au transport. "
                "D’autres ont choisi de se loger plus près de leur lieu de travail, dans des "
                "conditions souvent précaires, pour limiter ces dépenses."
            ),
            (
                "Les autorités misent sur plusieurs projets structurants, dont la ligne de métro "
                "appelée à traverser la ville du nord au sud, de nouveaux échangeurs et le "
                "développement du transport lagunaire. En attendant leur mise en service, les "
                "associations d’usagers réclament des mesures d’urgence, comme des voies réservées "
                "aux bus et une meilleure régulation du secteur informel."
            ),
        ],
        "subheading": "Des heures perdues chaque jour",
        "state": "published",
        "days_ago": 1,
    },
    {
        "headline": "Sénégal : la rentrée universitaire perturbée par le manque de places à Dakar",
        "section": "societe",
        "author": "fatou-diallo",
        "tags": ["Sénégal", "Dakar", "Éducation", "Jeunesse"],
        "standfirst": (
            "À l’université Cheikh Anta Diop, l’afflux de nouveaux bacheliers met à rude épreuve "
            "les amphithéâtres et les résidences, tandis que les étudiants réclament de meilleures "
            "conditions d’études."
        ),
        "paragraphs": [
            (
                "La rentrée universitaire s’est ouverte dans un climat tendu à l’université Cheikh "
                "Anta Diop de Dakar, la plus grande du pays. Avec l’arrivée de plusieurs milliers "
                "de nouveaux bacheliers, les amphithéâtres de première année affichent complet, et "
                "de nombreux étudiants suivent les cours debout ou depuis les couloirs, faute de "
                "places assises en nombre suffisant."
            ),
            (
                "Le logement constitue l’autre source d’inquiétude. Les résidences universitaires, "
                "gérées par le Centre des œuvres universitaires, ne peuvent accueillir qu’une "
                "partie des demandeurs. Beaucoup d’étudiants venus des régions se retrouvent "
                "contraints de partager des chambres à plusieurs ou de chercher une location dans "
                "les quartiers voisins, où les loyers ont fortement augmenté."
            ),
            (
                "Le ministère de l’Enseignement supérieur met en avant la montée en puissance des "
                "universités publiques régionales et des instituts supérieurs d’enseignement "
                "professionnel, censés désengorger la capitale. Les syndicats d’étudiants jugent "
                "toutefois ces efforts insuffisants et demandent un calendrier précis pour la "
                "livraison des nouveaux pavillons et amphithéâtres annoncés depuis plusieurs "
                "années."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 7,
    },
    {
        "headline": (
            "Mali : les coupures d’électricité pèsent sur le quotidien des ménages à Bamako"
        ),
        "section": "societe",
        "author": "aminata-traore",
        "tags": ["Mali", "Énergie", "Pouvoir d'achat"],
        "standfirst": (
            "Délestages prolongés, ventilateurs à l’arrêt et commerces au ralenti : dans la "
            "capitale malienne, les habitants s’organisent tant bien que mal face à une crise "
            "énergétique qui dure."
        ),
        "paragraphs": [
            (
                "Dans de nombreux quartiers de Bamako, l’électricité n’est plus disponible que "
                "quelques heures par jour. Les délestages, devenus fréquents depuis plusieurs "
                "mois, s’expliquent selon la société nationale d’électricité par des difficultés "
                "d’approvisionnement en carburant pour les centrales thermiques et par un niveau "
                "d’endettement qui limite fortement sa capacité d’investissement dans de nouvelles "
                "capacités de production."
            ),
            (
                "Les artisans et les petits commerçants figurent parmi les premiers touchés. "
                "Soudeurs, couturiers, coiffeurs ou vendeurs de boissons fraîches voient leur "
                "activité chuter lorsque le courant fait défaut. Ceux qui en ont les moyens se "
                "sont équipés de groupes électrogènes, mais le prix du carburant rend cette "
                "solution coûteuse et difficile à maintenir sur la durée."
            ),
            (
                "Dans les foyers, les coupures compliquent la conservation des aliments et le "
                "travail scolaire des enfants le soir, en particulier pendant les périodes de "
                "forte chaleur. Les ventes de panneaux solaires et de batteries progressent "
                "fortement, portées par la baisse du prix de ces équipements et par l’apparition "
                "de formules de paiement échelonné."
            ),
            (
                "Les autorités ont annoncé plusieurs projets de centrales solaires et des accords "
                "d’importation d’électricité avec des pays voisins pour améliorer l’offre à moyen "
                "terme. Les habitants attendent des résultats concrets et une meilleure "
                "communication sur les programmes de délestage, afin de pouvoir organiser leurs "
                "journées de travail et limiter leurs pertes financières."
            ),
        ],
        "subheading": "Les petits métiers en première ligne",
        "state": "published",
        "days_ago": 25,
    },
    {
        "headline": (
            "Burkina Faso : campagne de vaccination contre la méningite dans plusieurs régions"
        ),
        "section": "societe",
        "author": "koffi-mensah",
        "tags": ["Burkina Faso", "Santé", "Sahel"],
        "standfirst": (
            "Les autorités sanitaires ont lancé une vaste campagne de vaccination pour prévenir "
            "les épidémies de méningite, fréquentes pendant la saison sèche dans les pays de la "
            "ceinture sahélienne."
        ),
        "paragraphs": [
            (
                "Le ministère burkinabè de la Santé a lancé une campagne de vaccination contre la "
                "méningite ciblant les enfants et les jeunes adultes dans plusieurs régions du "
                "pays. Des équipes de vaccinateurs ont été déployées dans les centres de santé, "
                "les écoles et les marchés, avec l’appui de partenaires internationaux qui "
                "fournissent les doses et la logistique de la chaîne du froid."
            ),
            (
                "Le Burkina Faso fait partie de la « ceinture africaine de la méningite », une "
                "zone qui s’étend du Sénégal à l’Éthiopie et où des épidémies surviennent "
                "régulièrement pendant la saison sèche. La chaleur, la poussière et la promiscuité "
                "favorisent la transmission de la maladie, qui peut entraîner des séquelles "
                "graves, voire le décès, en l’absence de prise en charge rapide."
            ),
            (
                "Les responsables sanitaires reconnaissent que l’insécurité complique l’accès à "
                "certaines localités. Des stratégies spécifiques ont été mises en place, comme le "
                "recours à des agents de santé communautaires issus des villages concernés. Les "
                "autorités appellent les parents à faire vacciner leurs enfants et à consulter "
                "rapidement en cas de fièvre accompagnée de raideur de la nuque."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 30,
    },
    {
        "headline": (
            "Côte d’Ivoire : la Couverture maladie universelle peine à convaincre le secteur "
            "informel"
        ),
        "section": "societe",
        "author": "aminata-traore",
        "tags": ["Côte d'Ivoire", "Santé", "Protection sociale", "Abidjan"],
        "standfirst": (
            "Plusieurs années après son lancement, le régime d’assurance maladie obligatoire "
            "compte de nombreux inscrits, mais le taux de cotisation reste faible chez les "
            "travailleurs indépendants et les commerçants."
        ),
        "paragraphs": [
            (
                "Conçue pour permettre à l’ensemble de la population ivoirienne d’accéder aux "
                "soins de santé à moindre coût, la Couverture maladie universelle (CMU) a franchi "
                "un cap en nombre d’enrôlés. Mais chez les commerçants, les artisans et les "
                "travailleurs agricoles, qui composent l’essentiel de la population active, "
                "l’adhésion effective et le paiement régulier des cotisations restent limités."
            ),
            (
                "Sur les marchés d’Adjamé et de Treichville, plusieurs commerçantes interrogées "
                "disent posséder leur carte sans l’avoir jamais utilisée. Certaines évoquent la "
                "méconnaissance des prestations couvertes, d’autres l’attente dans les centres de "
                "santé conventionnés ou la nécessité de régler malgré tout une partie des frais, "
                "ce qui réduit l’intérêt perçu du dispositif."
            ),
            (
                "La cotisation mensuelle, pourtant modeste, est jugée difficile à honorer par des "
                "travailleurs aux revenus irréguliers. Les représentants du secteur informel "
                "demandent des modalités de paiement plus souples, par exemple par paiement mobile "
                "ou par l’intermédiaire des associations de commerçants, ainsi qu’une meilleure "
                "information sur les droits et les démarches des assurés."
            ),
            (
                "Les gestionnaires du régime indiquent travailler à l’extension du réseau "
                "d’établissements conventionnés et à la simplification des procédures. Ils ont "
                "annoncé le lancement de campagnes de sensibilisation dans les marchés et les "
                "gares routières, avec l’objectif d’augmenter sensiblement le nombre de cotisants "
                "actifs et réguliers au cours des prochaines années."
            ),
        ],
        "subheading": "Une cotisation jugée lourde",
        "state": "review",
        "days_ago": 0,
    },
    {
        "headline": (
            "Niger : les femmes de Zinder s’organisent face à la hausse du prix des céréales"
        ),
        "section": "societe",
        "author": "koffi-mensah",
        "tags": ["Niger", "Femmes", "Agriculture", "Sécurité alimentaire"],
        "standfirst": (
            "Dans la région de Zinder, des groupements féminins gèrent des banques de céréales "
            "pour permettre aux familles de traverser la période de soudure sans s’endetter auprès "
            "des commerçants."
        ),
        "paragraphs": [
            (
                "À la sortie d’un village de la région de Zinder, un petit magasin en banco abrite "
                "les réserves de mil et de sorgho d’un groupement de femmes. Constituées après les "
                "récoltes, lorsque les prix sont au plus bas, ces réserves sont revendues à prix "
                "modéré aux familles du village pendant la période de soudure, quand les greniers "
                "se vident et que les prix flambent sur les marchés."
            ),
            (
                "Ces banques de céréales, soutenues par des organisations non gouvernementales et "
                "des services techniques de l’État, se sont multipliées dans la région. Elles "
                "permettent aux ménages de ne plus dépendre exclusivement des commerçants, qui "
                "accordent des crédits en nature à des conditions souvent défavorables, "
                "remboursables en sacs de grain après la récolte suivante."
            ),
            (
                "Les responsables des groupements soulignent que l’initiative renforce aussi la "
                "place des femmes dans les décisions communautaires. Certaines associations ont "
                "élargi leurs activités à la transformation des produits agricoles, au maraîchage "
                "ou à l’épargne collective. Elles réclament désormais un meilleur accès au crédit "
                "pour agrandir leurs magasins et constituer des stocks plus importants."
            ),
        ],
        "subheading": None,
        "state": "draft",
        "days_ago": 0,
    },
    # --- Sport ---
    {
        "headline": (
            "Éliminatoires de la CAN 2027 : les Éléphants entament leur campagne avec ambition"
        ),
        "section": "sport",
        "author": "koffi-mensah",
        "tags": ["CAN 2027", "Football", "Côte d'Ivoire"],
        "standfirst": (
            "Champions d’Afrique lors de l’édition disputée à domicile, les footballeurs ivoiriens "
            "abordent les qualifications avec l’ambition de confirmer leur rang, malgré un "
            "effectif en pleine reconstruction."
        ),
        "paragraphs": [
            (
                "L’équipe nationale de Côte d’Ivoire a entamé sa campagne de qualification pour la "
                "Coupe d’Afrique des nations 2027, organisée conjointement par le Kenya, l’Ouganda "
                "et la Tanzanie. Sacrés champions d’Afrique lors de l’édition disputée sur leurs "
                "terres, les Éléphants abordent ces éliminatoires avec le statut de favoris de "
                "leur groupe, face à des adversaires qu’ils connaissent bien."
            ),
            (
                "Le sélectionneur a profité de ce premier rassemblement pour convoquer plusieurs "
                "jeunes joueurs évoluant dans des championnats européens, aux côtés de cadres "
                "expérimentés. L’objectif affiché est de préparer la relève tout en sécurisant "
                "rapidement la qualification, afin de disposer ensuite de davantage de temps pour "
                "travailler les automatismes de l’équipe."
            ),
            (
                "Les supporters, venus nombreux au stade pour ce premier match, attendent de leur "
                "équipe un jeu plus offensif et plus constant. Les observateurs relèvent que la "
                "sélection a parfois manqué d’efficacité lors de ses dernières sorties, malgré une "
                "nette domination dans la possession du ballon, ce qui constitue le principal "
                "chantier du staff technique pour les mois à venir."
            ),
            (
                "La Fédération ivoirienne de football a par ailleurs annoncé des investissements "
                "dans la formation des jeunes et l’amélioration des terrains d’entraînement. Elle "
                "souhaite capitaliser sur l’engouement suscité par le titre continental et par la "
                "qualité des stades construits à l’occasion de la compétition, afin de renforcer "
                "l’attractivité du championnat national."
            ),
        ],
        "subheading": "Un groupe jugé abordable",
        "state": "published",
        "days_ago": 0,
    },
    {
        "headline": "Football : les Lions de la Teranga misent sur la jeunesse avant la CAN 2027",
        "section": "sport",
        "author": "fatou-diallo",
        "tags": ["CAN 2027", "Football", "Sénégal", "Jeunesse"],
        "standfirst": (
            "Le staff technique de l’équipe du Sénégal poursuit le renouvellement de son effectif "
            "en intégrant des joueurs issus des centres de formation locaux et de la diaspora."
        ),
        "paragraphs": [
            (
                "À l’approche des échéances continentales, l’équipe nationale du Sénégal poursuit "
                "un renouvellement progressif de son effectif. Lors du dernier rassemblement "
                "organisé à Dakar, plusieurs joueurs âgés de moins de vingt-trois ans ont été "
                "appelés pour la première fois, dont certains formés dans les académies "
                "sénégalaises réputées pour la qualité de leur encadrement."
            ),
            (
                "Le football sénégalais s’appuie depuis plusieurs années sur un réseau de centres "
                "de formation qui alimente les clubs européens. Cette filière permet à la "
                "sélection de disposer d’un vivier important, mais pose aussi la question du "
                "développement du championnat local, dont les meilleurs éléments partent de plus "
                "en plus jeunes à l’étranger."
            ),
            (
                "Les dirigeants de la Fédération sénégalaise de football affirment vouloir trouver "
                "un équilibre entre performance immédiate et construction sur le long terme. Ils "
                "rappellent que les équipes de jeunes ont obtenu de bons résultats lors des "
                "compétitions continentales récentes, un signe encourageant pour l’avenir à moyen "
                "terme des Lions de la Teranga."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 10,
    },
    {
        "headline": (
            "Basket-ball : Dakar accueille une nouvelle saison de la Basketball Africa League"
        ),
        "section": "sport",
        "author": "fatou-diallo",
        "tags": ["Basket-ball", "Sénégal", "Dakar"],
        "standfirst": (
            "Les meilleurs clubs du continent se retrouvent dans la capitale sénégalaise pour la "
            "phase de groupes d’une compétition qui contribue à professionnaliser le basket-ball "
            "africain."
        ),
        "paragraphs": [
            (
                "La salle Dakar Arena, située à Diamniadio, accueille les rencontres d’une "
                "conférence de la Basketball Africa League, la compétition panafricaine de clubs "
                "organisée en partenariat avec la ligue nord-américaine. Plusieurs équipes venues "
                "de différentes régions du continent s’y affrontent pendant une dizaine de jours "
                "pour décrocher une place dans la phase finale."
            ),
            (
                "Le Sénégal, l’un des pays les plus titrés du basket-ball africain, entretient une "
                "longue tradition dans cette discipline. Les supporters se sont déplacés en nombre "
                "pour encourager le club local engagé dans la compétition, créant une ambiance "
                "festive dans les tribunes, entre tambours, chants et drapeaux aux couleurs "
                "nationales jusqu’au coup de sifflet final."
            ),
            (
                "Au-delà du spectacle sportif, les organisateurs mettent en avant les retombées "
                "économiques et les programmes de formation menés en parallèle. Des ateliers "
                "destinés aux entraîneurs, aux arbitres et aux jeunes joueurs sont organisés "
                "pendant la compétition, avec l’objectif de renforcer durablement les structures "
                "du basket-ball sur le continent et de susciter de nouvelles vocations."
            ),
        ],
        "subheading": "Une ferveur populaire",
        "state": "published",
        "days_ago": 29,
    },
    {
        "headline": (
            "Athlétisme : le Burkina Faso mise sur ses sauteurs pour les championnats d’Afrique"
        ),
        "section": "sport",
        "author": "koffi-mensah",
        "tags": ["Athlétisme", "Burkina Faso", "Jeunesse"],
        "standfirst": (
            "Fort des succès obtenus au triple saut ces dernières années, l’athlétisme burkinabè "
            "veut faire émerger une nouvelle génération capable de briller sur la scène "
            "continentale et mondiale."
        ),
        "paragraphs": [
            (
                "La Fédération burkinabè d’athlétisme a dévoilé la liste des athlètes retenus pour "
                "préparer les prochains championnats d’Afrique. Les épreuves de sauts, qui ont "
                "valu au pays ses plus beaux résultats internationaux ces dernières années, "
                "constituent la principale chance de médailles, mais les responsables fédéraux "
                "comptent aussi sur des sprinteurs prometteurs."
            ),
            (
                "À Ouagadougou, les athlètes s’entraînent dans des conditions parfois difficiles, "
                "avec des infrastructures limitées et un matériel vieillissant. Plusieurs d’entre "
                "eux bénéficient de bourses leur permettant de suivre des stages à l’étranger, "
                "indispensables pour se confronter à une concurrence de haut niveau et progresser "
                "techniquement au contact d’entraîneurs spécialisés dans leur discipline."
            ),
            (
                "Les responsables de la fédération plaident pour un meilleur soutien des pouvoirs "
                "publics et des entreprises privées. Ils rappellent que les succès internationaux "
                "ont suscité un véritable engouement chez les jeunes et que de nombreux clubs "
                "scolaires se sont créés, offrant une base précieuse pour détecter les talents de "
                "demain."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 39,
    },
    {
        "headline": (
            "Lutte sénégalaise : l’arène nationale affiche complet pour le combat de la saison"
        ),
        "section": "sport",
        "author": "fatou-diallo",
        "tags": ["Lutte", "Sénégal", "Dakar"],
        "standfirst": (
            "Plusieurs dizaines de milliers de spectateurs sont attendus à Pikine pour l’affiche "
            "la plus attendue de l’année, qui confirme la popularité intacte de la lutte avec "
            "frappe au Sénégal."
        ),
        "paragraphs": [
            (
                "Les billets se sont arrachés en quelques jours : l’arène nationale de Pikine, "
                "dans la banlieue de Dakar, affichera complet pour le grand combat de la saison de "
                "lutte. Les deux lutteurs à l’affiche, issus d’écuries rivales, se préparent "
                "depuis plusieurs semaines sous l’œil attentif de leurs entraîneurs et de leurs "
                "nombreux supporters."
            ),
            (
                "Sport national au Sénégal, la lutte avec frappe mêle affrontement physique, "
                "traditions mystiques et spectacle musical. Les combats sont précédés de longues "
                "séances de chants et de danses, les bakk, durant lesquelles les lutteurs paradent "
                "au rythme des tambours. Ce cérémonial, très attendu du public, fait partie "
                "intégrante de l’identité de ce sport."
            ),
            (
                "La lutte est aussi devenue une économie à part entière, avec des cachets élevés "
                "pour les têtes d’affiche, des droits de retransmission et de nombreux sponsors. "
                "Les promoteurs soulignent toutefois la hausse des coûts d’organisation et "
                "appellent à une meilleure régulation pour garantir la sécurité des spectateurs et "
                "la santé des lutteurs."
            ),
        ],
        "subheading": "Un sport et un spectacle",
        "state": "published",
        "days_ago": 52,
    },
    # --- Culture ---
    {
        "headline": (
            "Abidjan : le Marché des arts du spectacle attire des créateurs de tout le continent"
        ),
        "section": "culture",
        "author": "koffi-mensah",
        "tags": ["Côte d'Ivoire", "Abidjan", "Spectacle vivant", "Femmes"],
        "standfirst": (
            "Théâtre, danse, musique et humour : pendant une semaine, la capitale économique "
            "ivoirienne devient la vitrine des arts de la scène africains, avec des programmateurs "
            "venus de plusieurs continents."
        ),
        "paragraphs": [
            (
                "Le Marché des arts du spectacle d’Abidjan (MASA) a ouvert ses portes pour une "
                "nouvelle édition qui réunit des compagnies et des artistes venus de nombreux pays "
                "africains et de la diaspora. Les représentations se déroulent dans plusieurs "
                "lieux de la ville, du Palais de la culture de Treichville aux espaces culturels "
                "des communes périphériques."
            ),
            (
                "Créé il y a plus de trois décennies, le MASA se veut avant tout un lieu de "
                "rencontre entre les artistes et les professionnels du secteur. Programmateurs de "
                "festivals, directeurs de salles et agents y repèrent des spectacles susceptibles "
                "de tourner à l’international, ce qui fait de l’événement une étape importante "
                "pour de nombreuses jeunes compagnies."
            ),
            (
                "Cette édition met particulièrement en valeur les créations portées par des femmes "
                "et les spectacles destinés au jeune public. Des ateliers de formation consacrés à "
                "la production, à la diffusion et aux droits d’auteur sont également proposés, "
                "afin d’aider les artistes à mieux structurer leur activité et à vivre de leur "
                "travail."
            ),
            (
                "Les organisateurs espèrent attirer un large public grâce à une programmation "
                "gratuite en plein air dans plusieurs quartiers. Ils souhaitent ainsi rapprocher "
                "le festival des habitants d’Abidjan, qui reprochaient parfois aux éditions "
                "précédentes d’être réservées à un cercle restreint de professionnels et d’invités "
                "officiels venus de l’étranger, loin des préoccupations du public local."
            ),
        ],
        "subheading": "Un rendez-vous professionnel",
        "state": "published",
        "days_ago": 2,
    },
    {
        "headline": "Fespaco : Ouagadougou prépare une édition tournée vers les jeunes cinéastes",
        "section": "culture",
        "author": "koffi-mensah",
        "tags": ["Burkina Faso", "Cinéma", "Jeunesse"],
        "standfirst": (
            "Les organisateurs du Festival panafricain du cinéma et de la télévision de "
            "Ouagadougou annoncent une sélection renouvelée et des ateliers dédiés aux "
            "réalisateurs émergents du continent."
        ),
        "paragraphs": [
            (
                "Le comité d’organisation du Festival panafricain du cinéma et de la télévision de "
                "Ouagadougou (Fespaco) a présenté les grandes orientations de sa prochaine "
                "édition. Le plus ancien festival de cinéma du continent entend mettre l’accent "
                "sur les jeunes réalisateurs, avec une section dédiée aux premiers films et un "
                "programme d’accompagnement pour les projets en développement."
            ),
            (
                "Les organisateurs indiquent avoir reçu un nombre record de candidatures, signe de "
                "la vitalité de la production cinématographique africaine. Les séries, dont la "
                "popularité ne cesse de croître grâce aux plateformes de diffusion en ligne, "
                "occuperont une place plus importante dans la programmation, aux côtés des longs "
                "métrages de fiction et des documentaires."
            ),
            (
                "Malgré le contexte sécuritaire difficile, les autorités burkinabè assurent que "
                "toutes les dispositions seront prises pour accueillir les festivaliers dans de "
                "bonnes conditions. Pour les professionnels du secteur, le maintien du Fespaco "
                "revêt une importance symbolique forte, le festival incarnant depuis sa création "
                "l’ambition d’un cinéma africain indépendant et ouvert sur le monde."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 13,
    },
    {
        "headline": "Dakar : la Biennale de l’art africain contemporain ouvre ses portes",
        "section": "culture",
        "author": "fatou-diallo",
        "coauthor": "koffi-mensah",
        "tags": ["Sénégal", "Dakar", "Arts plastiques"],
        "standfirst": (
            "Pendant plus d’un mois, la capitale sénégalaise accueille des centaines d’artistes et "
            "de visiteurs pour l’un des plus importants rendez-vous de l’art contemporain sur le "
            "continent."
        ),
        "paragraphs": [
            (
                "La Biennale de l’art africain contemporain, plus connue sous le nom de Dak’Art, a "
                "été officiellement inaugurée à Dakar en présence de nombreux artistes, critiques "
                "et collectionneurs. L’exposition internationale, installée dans l’ancien palais "
                "de justice du Cap Manuel, rassemble des œuvres d’artistes originaires du "
                "continent et de la diaspora, sélectionnés par un comité de commissaires."
            ),
            (
                "Peinture, sculpture, installation, photographie et vidéo : la diversité des "
                "supports témoigne du dynamisme de la création contemporaine africaine. De "
                "nombreuses œuvres abordent les questions de mémoire, de migration, "
                "d’environnement et de transformation rapide des villes, des thèmes qui résonnent "
                "fortement avec l’actualité du continent et les préoccupations de sa jeunesse."
            ),
            (
                "Parallèlement à l’exposition officielle, le programme « Off » investit galeries, "
                "ateliers, maisons particulières et espaces publics dans tous les quartiers de la "
                "ville, de la Médina aux Almadies. Ces expositions indépendantes, souvent "
                "gratuites, permettent à un large public de découvrir des artistes émergents et "
                "contribuent à l’atmosphère festive qui caractérise la biennale."
            ),
            (
                "Pour les galeristes présents, Dak’Art constitue aussi une occasion de rencontrer "
                "des collectionneurs et des institutions étrangères. Le marché de l’art africain "
                "contemporain connaît un intérêt croissant au niveau international, mais les "
                "acteurs locaux plaident pour que cette dynamique profite davantage aux galeries "
                "et aux structures culturelles installées sur le continent lui-même."
            ),
        ],
        "subheading": "Des expositions dans toute la ville",
        "state": "published",
        "days_ago": 23,
    },
    {
        "headline": "Mali : à Tombouctou, la sauvegarde des manuscrits anciens se poursuit",
        "section": "culture",
        "author": "severin-konan",
        "tags": ["Mali", "Patrimoine", "Sahel"],
        "standfirst": (
            "Conservateurs et familles gardiennes de bibliothèques privées poursuivent un travail "
            "patient de restauration et de numérisation de documents précieux, témoins de "
            "l’histoire intellectuelle du Sahel."
        ),
        "paragraphs": [
            (
                "Dans un atelier aménagé à Bamako, des conservateurs manipulent avec précaution "
                "des feuillets jaunis par le temps. Ces manuscrits, dont certains datent de "
                "plusieurs siècles, proviennent des bibliothèques de Tombouctou et de sa région. "
                "Ils ont été mis à l’abri pendant la crise qu’a connue le nord du Mali, grâce à la "
                "mobilisation de familles et de bibliothécaires."
            ),
            (
                "Rédigés pour la plupart en arabe, mais aussi dans des langues africaines "
                "transcrites en caractères arabes, ces documents couvrent des domaines variés : "
                "théologie, droit, astronomie, médecine, commerce ou poésie. Ils témoignent du "
                "rayonnement intellectuel de Tombouctou, qui fut pendant des siècles un important "
                "centre d’enseignement et d’échanges du monde sahélien."
            ),
            (
                "Les programmes en cours, soutenus par des partenaires internationaux, combinent "
                "restauration physique et numérisation des manuscrits. L’objectif est de préserver "
                "ces documents fragiles des effets de la chaleur, de l’humidité et des insectes, "
                "tout en les rendant accessibles aux chercheurs du monde entier grâce à des bases "
                "de données en ligne."
            ),
            (
                "Les familles propriétaires insistent sur la nécessité de permettre à terme le "
                "retour des manuscrits dans leur ville d’origine, dans des conditions de "
                "conservation adaptées. Pour les habitants de Tombouctou, ce patrimoine constitue "
                "un élément central de leur identité, et son retour serait un symbole fort de la "
                "normalisation tant attendue dans la région."
            ),
        ],
        "subheading": None,
        "state": "published",
        "days_ago": 35,
    },
    {
        "headline": (
            "Musique : l’afrobeats nigérian et le coupé-décalé ivoirien dominent les plateformes"
        ),
        "section": "culture",
        "author": "aminata-traore",
        "tags": ["Musique", "Nigeria", "Côte d'Ivoire", "Économie numérique"],
        "standfirst": (
            "Portés par le streaming et les réseaux sociaux, les genres musicaux ouest-africains "
            "gagnent une audience mondiale, mais la rémunération des artistes locaux reste un "
            "sujet de préoccupation dans l’industrie."
        ),
        "paragraphs": [
            (
                "Les classements des plateformes d’écoute en ligne en Afrique de l’Ouest sont "
                "largement dominés par l’afrobeats nigérian et, dans l’espace francophone, par le "
                "coupé-décalé et les musiques urbaines ivoiriennes. Portés par les réseaux sociaux "
                "et les vidéos courtes, de nombreux titres franchissent désormais les frontières "
                "du continent et s’installent dans les classements internationaux."
            ),
            (
                "Cette dynamique attire l’intérêt des grandes maisons de disques et des "
                "plateformes internationales, qui ont ouvert des bureaux à Lagos, à Abidjan ou à "
                "Johannesburg. Elles y signent des artistes, financent des productions et "
                "organisent des tournées, contribuant à professionnaliser un secteur longtemps "
                "dominé par l’informel, le piratage et les circuits de distribution parallèles."
            ),
            (
                "Pour la majorité des artistes, les revenus tirés du streaming restent toutefois "
                "modestes. Le faible nombre d’abonnements payants, le coût des données mobiles et "
                "la faiblesse des mécanismes de collecte des droits d’auteur limitent les "
                "recettes. Les concerts, les partenariats publicitaires et les contrats d’image "
                "demeurent les principales sources de revenus des musiciens."
            ),
            (
                "Les sociétés de gestion collective de la sous-région plaident pour une meilleure "
                "coopération avec les plateformes afin d’identifier les œuvres diffusées et de "
                "répartir équitablement les droits. Les professionnels appellent aussi les États à "
                "soutenir la formation aux métiers de la production, de la gestion de carrière et "
                "du marketing numérique."
            ),
        ],
        "subheading": "Des revenus encore modestes pour les artistes",
        "state": "draft",
        "days_ago": 0,
    },
]
