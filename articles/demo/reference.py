"""The reference article (shared/reference/article.md), loaded into the demo exactly as written."""

HEADLINE = (
    "La Russie réaffirme son engagement à renforcer la coopération en matière de sécurité "
    "avec l’AES"
)
AUTHOR_SLUG = "severin-konan"
SECTION_SLUG = "securite"
TAGS = ["AES", "Russie", "Sahel", "Mali", "Sécurité", "Diplomatie"]

# (kind, text): "p" for a paragraph, "h2" for the sub-heading.
BLOCKS = [
    (
        "p",
        "Lors d’une réunion importante entre les chefs des diplomaties russe et des pays membres de l’Alliance des États du Sahel (AES) à Moscou, la Russie a réaffirmé sa volonté de renforcer la coopération en matière de sécurité avec les pays du Sahel. Cette rencontre, qui a eu lieu récemment, a permis de consolider les liens diplomatiques et de renforcer les engagements en matière de coopération multilatérale.",
    ),
    (
        "p",
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a exprimé, après les discussions, la détermination de la Russie à soutenir les efforts de sécurité de l’AES. « Nous avons pu enregistrer un engagement très fort de la Russie de continuer à travailler avec nous et de renforcer sa collaboration au plan multilatéral sur ces questions », a-t-il affirmé dans une déclaration à Sputnik. Cette déclaration met en lumière la volonté de Moscou de contribuer activement à la stabilité de la région.",
    ),
    (
        "p",
        "L’Alliance des États du Sahel, qui est une organisation intergouvernementale regroupant plusieurs pays du Sahel, souhaite maintenant voir la Russie jouer un rôle de soutien concret dans ses opérations militaires conjointes. L’objectif à long terme est de mettre en place une force unifiée de l’AES pour mieux faire face aux multiples menaces sécuritaires auxquelles la région est confrontée.",
    ),
    (
        "p",
        "Les échanges entre les représentants de l’AES et la Russie ont été qualifiés de « très francs et très ouverts », selon le ministre malien. Ce climat de confiance pourrait ouvrir la voie à une coopération plus approfondie, en particulier dans la lutte contre les groupes terroristes et autres menaces transnationales qui affectent la région du Sahel.",
    ),
    ("h2", "Vers une collaboration renforcée pour la sécurité du Sahel"),
    (
        "p",
        "Avec la montée des défis sécuritaires dans la région, notamment à travers la menace terroriste croissante et les conflits intercommunautaires, une coopération internationale efficace devient essentielle pour assurer la stabilité et la paix. Le soutien de la Russie à l’AES pourrait constituer un levier stratégique majeur dans la mise en place de solutions durables aux problèmes sécuritaires qui affectent le Sahel.",
    ),
    (
        "p",
        "L’engagement renouvelé de Moscou ouvre ainsi une nouvelle page de collaboration, non seulement pour la sécurité régionale, mais aussi pour le renforcement des capacités militaires des pays membres de l’AES. L’initiative pourrait conduire à la création d’une force unifiée de l’AES, un développement clé pour un contrôle plus efficace du terrain et pour répondre aux défis géopolitiques de plus en plus complexes.",
    ),
    (
        "p",
        "Ainsi, cette rencontre et les discussions qui ont suivi marquent un tournant dans les relations de sécurité entre la Russie et les pays du Sahel, avec des perspectives de coopération renforcée pour le maintien de la paix et de la sécurité dans la région.",
    ),
]
