"""Word lists for demo data: realistic French and English names, with accents and scripts.

Organizations are fictional except public universities and hospitals, whose French and
English names make good alias cases.
"""

from __future__ import annotations

FIRST_NAMES_FR = (
    "Benoît", "Bénédicte", "Élise", "Émilie", "François", "Geneviève", "Hélène", "Jérôme",
    "Léa", "Marc-André", "Mélanie", "Noémie", "Océane", "Pierre-Luc", "Rémi", "Stéphane",
    "Thérèse", "Valérie", "Zoé", "Anaïs", "Chloé", "Gaëlle", "Joël", "Loïc", "Maëlle",
    "Sébastien", "Josée", "André", "Luc", "Isabelle", "Nathalie", "Julie", "Catherine",
    "Martin", "Simon", "Alexandre", "Guillaume", "Vincent", "Maxime", "Sophie", "Marie-Ève",
    "Jean-François", "Annie", "Caroline", "Mathieu", "Olivier", "Frédéric", "Patrice",
)
FIRST_NAMES_EN = (
    "Ben", "Emily", "James", "Sarah", "Michael", "Jennifer", "David", "Jessica", "Robert",
    "Ashley", "William", "Amanda", "Daniel", "Stephanie", "Matthew", "Nicole", "Andrew",
    "Heather", "Ryan", "Rebecca", "Kevin", "Laura", "Jason", "Megan", "Brian", "Rachel",
    "Priya", "Arjun", "Wei", "Mei", "Hiroshi", "Aisha", "Omar", "Fatima", "Raj", "Ananya",
    "Liam", "Olivia", "Noah", "Emma", "Ethan", "Ava", "Lucas", "Mia", "Owen", "Chloe",
)
FIRST_NAMES_WORLD = (
    "Łukasz", "Małgorzata", "Jürgen", "Søren", "Øystein", "Nguyễn Thị", "Trần", "Ἀλέξανδρος",
    "Δημήτρης", "Ольга", "Дмитрий", "Zoë", "Inés", "José", "João", "Çağla", "Ýr",
)
LAST_NAMES_FR = (
    "Lachance", "Lam", "Lapointe", "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier",
    "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque",
    "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu",
    "Cloutier", "Dubé", "Poirier", "Fournier", "Lapierre", "Larose", "St-Pierre",
    "D'Amours", "Bérubé", "Thériault", "Désilets", "Légaré", "Hébert", "Nadeau", "Séguin",
)
LAST_NAMES_EN = (
    "Smith", "Brown", "Wilson", "MacDonald", "Taylor", "Campbell", "Anderson", "Jones",
    "Martin", "Thompson", "Young", "Wright", "O'Brien", "Patel", "Singh", "Chen", "Wong",
    "Li", "Nguyen", "Kim", "Sharma", "Ahmed", "Khan", "Reid", "Stewart", "Morrison",
    "Fitzgerald", "Van der Berg", "Harris-Clarke", "Kowalski", "Murphy", "Sullivan",
)
LAST_NAMES_WORLD = (
    "Wróblewski", "Müller", "Straße", "Ødegård", "Nguyễn", "Phạm", "Παπαδόπουλος",
    "Иванова", "Кузнецов", "Gonçalves", "Şahin", "Þórsdóttir",
)

# (French name, English name or None, domain) — public institutions with bilingual names.
INSTITUTIONS = (
    ("Université McGill", "McGill University", "mcgill.ca"),
    ("Université de Montréal", "University of Montreal", "umontreal.ca"),
    ("Université Laval", "Laval University", "ulaval.ca"),
    ("Université de Sherbrooke", "University of Sherbrooke", "usherbrooke.ca"),
    ("Université Concordia", "Concordia University", "concordia.ca"),
    ("Université du Québec à Montréal", "UQAM", "uqam.ca"),
    ("Institut national de la recherche scientifique", "INRS", "inrs.ca"),
    ("Centre hospitalier de l'Université de Montréal", "CHUM", "chum.ca"),
    ("Institut de recherches cliniques de Montréal", "Montreal Clinical Research Institute",
     "ircm.qc.ca"),
    ("Université de Toronto", "University of Toronto", "utoronto.ca"),
    ("Université d'Ottawa", "University of Ottawa", "uottawa.ca"),
    ("Université McMaster", "McMaster University", "mcmaster.ca"),
    ("Université Queen's", "Queen's University", "queensu.ca"),
    ("Université de Waterloo", "University of Waterloo", "uwaterloo.ca"),
)

COMPANY_STEMS = (
    "Théra", "Géno", "Bio", "Neuro", "Cardio", "Immuno", "Onco", "Vita", "Cellu", "Pharma",
    "Medi", "Nova", "Axo", "Lumi", "Synap", "Hélio", "Aqua", "Boréal", "Laurentie", "Fleuve",
    "Nordik", "Érable", "Cyto", "Proté", "Enzy", "Vaxo", "Dermo", "Opti", "Kéto", "Zéphyr",
    "Métis", "Arctis", "Polaris", "Orion", "Castor", "Huron", "Ontar", "Maple", "Lakeshore",
    "Niagara", "Algonquin", "Trillium", "Muskoka", "Simcoe", "Rideau", "Frontenac",
)
COMPANY_TAILS_FR = (
    "technologies", "thérapeutiques", "génomique", "diagnostics", "santé", "biosciences",
    "pharma", "médical", "vaccins", "recherche", "analytique", "cliniques",
)
COMPANY_TAILS_EN = (
    "Technologies", "Therapeutics", "Genomics", "Diagnostics", "Health", "Biosciences",
    "Pharma", "Medical", "Vaccines", "Research", "Analytics", "Clinical",
)
LEGAL_SUFFIXES_QC = ("inc.", "Inc.", "ltée", "S.E.N.C.", "S.R.I.", "")
LEGAL_SUFFIXES_ON = ("Inc.", "Ltd.", "Corp.", "ULC", "Corporation", "")
LABS_FR = ("Laboratoires", "Groupe", "Les Entreprises", "Société")

FREE_MAIL = ("gmail.com", "outlook.com", "hotmail.com", "videotron.ca", "sympatico.ca",
             "yahoo.ca", "icloud.com", "rogers.com")

CATEGORIES_BIOQUEBEC = ("Entreprise", "PME", "Grande entreprise", "Institution", "Partenaire")
CATEGORIES_LSO = ("Corporate", "Start-up", "Academic", "Individual", "Student")
