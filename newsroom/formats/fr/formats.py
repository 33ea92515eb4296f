# French newsroom style: "28 novembre 2026 à 14 h 05".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y à H \h i"
TIME_FORMAT = r"H \h i"
