<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_CA">
<context>
    <name>AppError</name>
    <message>
        <location filename="../../desktop_app/ui/preview.py" line="40" />
        <source>The document could not be read ({reason}). Create it again, then retry.</source>
        <translation>Le document n'a pas pu être lu ({reason}). Recréez-le, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="54" />
        <source>The printer {printer} is not available. Check that it is on and connected, then retry, or save as PDF instead.</source>
        <translation>L'imprimante {printer} n'est pas disponible. Vérifiez qu'elle est allumée et branchée, puis réessayez, ou enregistrez plutôt en PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="59" />
        <source>The printer {printer} is paused or in error. Resume it (or clear the error) on this computer, then retry, or save as PDF instead.</source>
        <translation>L'imprimante {printer} est en pause ou en erreur. Reprenez-la (ou effacez l'erreur) sur cet ordinateur, puis réessayez, ou enregistrez plutôt en PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="64" />
        <source>The printer {printer} does not accept the page size {width} × {height} mm. Choose another printer or stock in the settings, or save as PDF instead.</source>
        <translation>L'imprimante {printer} n'accepte pas le format {width} × {height} mm. Choisissez une autre imprimante ou un autre support dans les paramètres, ou enregistrez plutôt en PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="69" />
        <source>The printer {printer} could not start the job. Check the printer, then retry, or save as PDF instead.</source>
        <translation>L'imprimante {printer} n'a pas pu commencer le travail. Vérifiez l'imprimante, puis réessayez, ou enregistrez plutôt en PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="74" />
        <source>The job could not be sent to the printer {printer}. Check the printer, then retry, or save as PDF instead.</source>
        <translation>Le travail n'a pas pu être envoyé à l'imprimante {printer}. Vérifiez l'imprimante, puis réessayez, ou enregistrez plutôt en PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="79" />
        <source>No printer is chosen for this desk. Choose one in the settings.</source>
        <translation>Aucune imprimante n'est choisie pour ce poste. Choisissez-en une dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="82" />
        <source>The document to print has no pages.</source>
        <translation>Le document à imprimer n'a aucune page.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="83" />
        <source>The saved printer settings are unreadable ({reason}). Choose the printer again.</source>
        <translation>Les paramètres d'imprimante enregistrés sont illisibles ({reason}). Choisissez de nouveau l'imprimante.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="86" />
        <source>The PDF could not be saved to {path} ({reason}). Choose another folder.</source>
        <translation>Le PDF n'a pas pu être enregistré dans {path} ({reason}). Choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="89" />
        <source>Printing failed because of an internal error (details are in the log). Retry, or save as PDF instead.</source>
        <translation>L'impression a échoué à cause d'une erreur interne (détails dans le journal). Réessayez, ou enregistrez plutôt en PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/db/database.py" line="130" />
        <source>Cannot open the database {url}: {reason}</source>
        <translation>Impossible d'ouvrir la base de données {url} : {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/db/database.py" line="138" />
        <source>This database was written by a newer version of Passerelle (schema {revision}). Install that version or newer to open it; the database was not changed.</source>
        <translation>Cette base de données a été écrite par une version plus récente de Passerelle (schéma {revision}). Installez cette version ou une plus récente pour l'ouvrir ; la base de données n'a pas été modifiée.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/db/database.py" line="148" />
        <source>This database already holds tables that are not Passerelle's; it was not changed. Choose an empty database.</source>
        <translation>Cette base de données contient déjà des tables qui ne sont pas celles de Passerelle ; elle n'a pas été modifiée. Choisissez une base de données vide.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/db/database.py" line="160" />
        <source>The database needs an upgrade (schema {revision}).</source>
        <translation>La base de données doit être mise à niveau (schéma {revision}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/badge.py" line="90" />
        <source>A badge needs a registration code.</source>
        <translation>Un porte-nom exige un code d'inscription.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/badge.py" line="93" />
        <source>'{value}' is not an association marking.</source>
        <translation>« {value} » n'est pas une mention d'association.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/badge.py" line="98" />
        <source>'{value}' is not a badge role.</source>
        <translation>« {value} » n'est pas un rôle de porte-nom.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/badge.py" line="102" />
        <source>'{value}' is not a badge language.</source>
        <translation>« {value} » n'est pas une langue de porte-nom.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/badge.py" line="306" />
        <source>The code '{code}' is too long for a QR code on this stock.</source>
        <translation>Le code « {code} » est trop long pour un code QR sur ce support.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/badge.py" line="526" />
        <source>There are no badges to print.</source>
        <translation>Il n'y a aucun porte-nom à imprimer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="60" />
        <source>'{value}' is not a GST/HST number (123456789 RT 0001).</source>
        <translation>« {value} » n'est pas un numéro de TPS/TVH (123456789 RT 0001).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="71" />
        <source>'{value}' is not a QST number (1234567890 TQ 0001).</source>
        <translation>« {value} » n'est pas un numéro de TVQ (1234567890 TQ 0001).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="159" />
        <source>A receipt needs the seller's name and items.</source>
        <translation>Un reçu exige le nom du vendeur et des articles.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="164" />
        <source>Receipt line '{item}' does not add up.</source>
        <translation>La ligne de reçu « {item} » ne s'additionne pas.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="169" />
        <source>The receipt's items do not add up to its subtotal.</source>
        <translation>Les articles du reçu ne totalisent pas son sous-total.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="173" />
        <source>The receipt's subtotal and taxes do not add up to its total.</source>
        <translation>Le sous-total et les taxes du reçu ne totalisent pas son total.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="185" />
        <source>A receipt of $100 or more needs the GST/HST number.</source>
        <translation>Un reçu de 100 $ ou plus exige le numéro de TPS/TVH.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="189" />
        <source>A receipt of $100 or more needs the QST number.</source>
        <translation>Un reçu de 100 $ ou plus exige le numéro de TVQ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="193" />
        <source>A receipt of $500 or more needs the buyer's name and payment terms.</source>
        <translation>Un reçu de 500 $ ou plus exige le nom de l'acheteur et les modalités de paiement.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="199" />
        <source>A credit note must refer to the original receipt.</source>
        <translation>Une note de crédit doit renvoyer au reçu d'origine.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/receipt.py" line="207" />
        <source>Cash tendered minus the total is not the change.</source>
        <translation>L'argent remis moins le total ne donne pas la monnaie.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="102" />
        <source>Cell {cell} does not exist on {stock} (1 to {last}).</source>
        <translation>La case {cell} n'existe pas sur {stock} (1 à {last}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="142" />
        <source>Stock {stock}: '{key}' must be a length ≥ 0.</source>
        <translation>Support {stock} : « {key} » doit être une longueur ≥ 0.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="153" />
        <source>Stock {stock}: '{key}' must be a whole number ≥ 1.</source>
        <translation>Support {stock} : « {key} » doit être un nombre entier ≥ 1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="170" />
        <source>Stock {stock}: unit must be 'in' or 'mm'.</source>
        <translation>Support {stock} : l'unité doit être « in » ou « mm ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="198" />
        <source>Stock {stock} is not a valid stock file: {error}</source>
        <translation>Le support {stock} n'est pas un fichier de support valide : {error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="226" />
        <source>Stock {stock} does not add up: {problems}.</source>
        <translation>Le support {stock} n'est pas cohérent : {problems}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/documents/stocks.py" line="257" />
        <source>There is no badge stock called '{name}'.</source>
        <translation>Il n'existe aucun support de porte-nom nommé « {name} ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="110" />
        <source>Event file, line {line}, key {key}: {detail}</source>
        <translation>Fichier d'événement, ligne {line}, clé {key} : {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="120" />
        <location filename="../../desktop_app/domain/events.py" line="157" />
        <source>this key is required.</source>
        <translation>cette clé est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="123" />
        <source>expected text in quotes.</source>
        <translation>texte entre guillemets attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="126" />
        <source>must not be empty.</source>
        <translation>ne doit pas être vide.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="130" />
        <source>is longer than {limit} characters.</source>
        <translation>dépasse {limit} caractères.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="145" />
        <location filename="../../desktop_app/domain/events.py" line="233" />
        <location filename="../../desktop_app/domain/events.py" line="326" />
        <source>'{value}' is not one of {choices}.</source>
        <translation>« {value} » ne fait pas partie de {choices}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="169" />
        <source>'{value}' is not a date or date-time like 2026-05-12T08:30.</source>
        <translation>« {value} » n'est pas une date ou une date-heure comme 2026-05-12T08:30.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="180" />
        <source>expected a date or date-time.</source>
        <translation>date ou date-heure attendue.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="189" />
        <source>Event file is not valid TOML: {reason}</source>
        <translation>Le fichier d'événement n'est pas du TOML valide : {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="195" />
        <source>Event file: the [{table}] table is missing.</source>
        <translation>Fichier d'événement : la table [{table}] est absente.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="203" />
        <source>'{value}' must be lower-case letters, digits and dashes.</source>
        <translation>« {value} » doit contenir des lettres minuscules, des chiffres et des tirets.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="214" />
        <source>unknown time zone '{value}'.</source>
        <translation>fuseau horaire inconnu « {value} ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="221" />
        <source>the event ends before it starts.</source>
        <translation>l'événement se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="227" />
        <source>expected a list like ["bioquebec", "lso"].</source>
        <translation>liste attendue, comme ["bioquebec", "lso"].</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="242" />
        <source>expected a whole number of days above 0.</source>
        <translation>nombre entier de jours supérieur à 0 attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="250" />
        <source>'{value}' is not a GST/HST number (9 digits, RT, 4 digits).</source>
        <translation>« {value} » n'est pas un numéro de TPS/TVH (9 chiffres, RT, 4 chiffres).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="261" />
        <source>'{value}' is not a QST number (10 digits, TQ, 4 digits).</source>
        <translation>« {value} » n'est pas un numéro de TVQ (10 chiffres, TQ, 4 chiffres).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="276" />
        <source>Event file: at least one [[prices]] entry is required.</source>
        <translation>Fichier d'événement : au moins une entrée [[prices]] est requise.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="286" />
        <source>the code '{value}' is used twice.</source>
        <translation>le code « {value} » est utilisé deux fois.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="294" />
        <source>write amounts in quotes, like "450.00".</source>
        <translation>écrivez les montants entre guillemets, comme "450.00".</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="308" />
        <source>expected an amount in dollars and cents, like "450.00".</source>
        <translation>montant en dollars et en cents attendu, comme "450.00".</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="315" />
        <source>expected true or false.</source>
        <translation>true ou false attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="320" />
        <source>a complimentary category costs 0.00.</source>
        <translation>une catégorie gratuite coûte 0.00.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/events.py" line="335" />
        <source>the sale window ends before it starts.</source>
        <translation>la période de vente se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="104" />
        <location filename="../../desktop_app/domain/membership.py" line="171" />
        <source>Unknown association '{association}'.</source>
        <translation>Association inconnue « {association} ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="109" />
        <source>Unknown kind of member '{holder}'.</source>
        <translation>Type de membre inconnu « {holder} ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="114" />
        <source>Membership {id} has no organization name.</source>
        <translation>L'adhésion {id} n'a pas de nom d'organisation.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="119" />
        <source>Membership {id} ends before it starts.</source>
        <translation>L'adhésion {id} se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="175" />
        <source>A decision needs a person or an email.</source>
        <translation>Une décision exige une personne ou un courriel.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="177" />
        <source>Confirm which membership.</source>
        <translation>Confirmez de quelle adhésion il s'agit.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="180" />
        <source>Unknown decision '{decision}'.</source>
        <translation>Décision inconnue « {decision} ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/membership.py" line="327" />
        <source>Membership {id} appears twice.</source>
        <translation>L'adhésion {id} figure deux fois.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/money.py" line="32" />
        <location filename="../../desktop_app/domain/taxes.py" line="127" />
        <source>'{value}' is not an amount in dollars and cents.</source>
        <translation>« {value} » n'est pas un montant en dollars et en cents.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/money.py" line="77" />
        <source>'{value}' has a fraction of a cent.</source>
        <translation>« {value} » comporte une fraction de cent.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/money.py" line="81" />
        <location filename="../../desktop_app/domain/taxes.py" line="132" />
        <source>'{value}' is negative; an amount here cannot be.</source>
        <translation>« {value} » est négatif ; un montant ne peut pas l'être ici.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/money.py" line="96" />
        <source>'{value}' is not a language (fr or en).</source>
        <translation>« {value} » n'est pas une langue (fr ou en).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="68" />
        <source>The time '{value}' ({what}) has no time zone.</source>
        <translation>L'heure « {value} » ({what}) n'a pas de fuseau horaire.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="92" />
        <source>The complimentary category '{code}' must cost 0.</source>
        <translation>La catégorie gratuite « {code} » doit coûter 0.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="105" />
        <source>The sale of '{code}' ends before it starts.</source>
        <translation>La vente de « {code} » se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="129" />
        <source>Unknown partner association: {codes}.</source>
        <translation>Association partenaire inconnue : {codes}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="136" />
        <source>Price category defined twice: {codes}.</source>
        <translation>Catégorie de prix définie deux fois : {codes}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="146" />
        <source>No price category '{code}' at event '{event}'.</source>
        <translation>Aucune catégorie de prix « {code} » pour l'événement « {event} ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/taxes.py" line="118" />
        <source>'{value}' is not a province with known taxes.</source>
        <translation>« {value} » n'est pas une province dont les taxes sont connues.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/taxes.py" line="221" />
        <source>The price's taxes are not those of {province}.</source>
        <translation>Les taxes du prix ne sont pas celles de {province}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/columns.py" line="170" />
        <source>The member list has no name column: it needs an organization column (Entreprise, Organisation, Company…) or a person's name (Nom, Nom complet, Last name, Full name…). Columns found: {headers}.</source>
        <translation>La liste de membres n'a pas de colonne de nom : il faut une colonne d'organisation (Entreprise, Organisation, Company…) ou le nom d'une personne (Nom, Nom complet, Last name, Full name…). Colonnes trouvées : {headers}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/columns.py" line="290" />
        <source>The registration file has no name column (Nom, Prénom, Last name, First name, Attendee name…). Columns found: {headers}.</source>
        <translation>Le fichier d'inscriptions n'a pas de colonne de nom (Nom, Prénom, Last name, First name, Attendee name…). Colonnes trouvées : {headers}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/columns.py" line="365" />
        <source>Unknown field “{field}” in the column mapping. Fields: {fields}.</source>
        <translation>Champ inconnu « {field} » dans la correspondance des colonnes. Champs : {fields}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/columns.py" line="377" />
        <source>The column mapping names “{header}” for {field}, but the file has no such column. Columns found: {headers}.</source>
        <translation>La correspondance des colonnes indique « {header} » pour {field}, mais le fichier n'a pas cette colonne. Colonnes trouvées : {headers}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/columns.py" line="517" />
        <source>“{text}” is neither yes nor no (oui / non).</source>
        <translation>« {text} » n'est ni oui ni non (yes / no).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/dates.py" line="83" />
        <source>Unrecognised date “{text}”. Write it like 2026-03-31, 31/03/2026 or 31 mars 2026.</source>
        <translation>Date non reconnue « {text} ». Écrivez-la comme 2026-03-31, 31/03/2026 ou 31 mars 2026.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/dates.py" line="102" />
        <source>“{text}” is not a real date (dates are read day first, as 31/03/2026).</source>
        <translation>« {text} » n'est pas une date réelle (les dates se lisent jour d'abord, comme 31/03/2026).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/dates.py" line="133" />
        <source>The date is empty.</source>
        <translation>La date est vide.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/dates.py" line="197" />
        <source>Unrecognised amount “{text}”. Write it like 1234.56 or 1 234,56 $.</source>
        <translation>Montant non reconnu « {text} ». Écrivez-le comme 1234.56 ou 1 234,56 $.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/demo.py" line="170" />
        <source>This database already has registrations; demo data goes into an empty database (use --db with a new file).</source>
        <translation>Cette base de données contient déjà des inscriptions ; les données de démonstration vont dans une base vide (utilisez --db avec un nouveau fichier).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/events.py" line="94" />
        <source>Cannot read the event file {path}: {reason}</source>
        <translation>Impossible de lire le fichier d'événement {path} : {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/events.py" line="102" />
        <source>The event file {path} is not UTF-8 text (byte {position}).</source>
        <translation>Le fichier d'événement {path} n'est pas du texte UTF-8 (octet {position}).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/events.py" line="149" />
        <source>The price category {code} is used by {count} registrations; keep it in the event file.</source>
        <translation>La catégorie de prix {code} est utilisée par {count} inscriptions ; gardez-la dans le fichier d'événement.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/events.py" line="237" />
        <source>There is no event '{slug}'. See: passerelle events list</source>
        <translation>Il n'y a aucun événement « {slug} ». Voir : passerelle events list</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="78" />
        <source>Row {row}: the “{column}” cell is {length} characters long; at most {limit} are accepted.</source>
        <translation>Ligne {row} : la cellule « {column} » compte {length} caractères ; au plus {limit} sont acceptés.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="112" />
        <source>The file {file} does not exist.</source>
        <translation>Le fichier {file} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="116" />
        <source>Cannot read the file {file}: {reason}</source>
        <translation>Impossible de lire le fichier {file} : {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="122" />
        <source>The file {file} is empty.</source>
        <translation>Le fichier {file} est vide.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="128" />
        <source>The file {file} is in the old Excel format (.xls) or is password-protected. Save it as Excel (.xlsx) or CSV, without a password.</source>
        <translation>Le fichier {file} est dans l'ancien format Excel (.xls) ou protégé par mot de passe. Enregistrez-le en Excel (.xlsx) ou en CSV, sans mot de passe.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="143" />
        <source>The file {file} is not a spreadsheet. Save it as CSV or Excel (.xlsx).</source>
        <translation>Le fichier {file} n'est pas un tableur. Enregistrez-le en CSV ou en Excel (.xlsx).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="174" />
        <source>Cannot read the text of {file}: it is neither UTF-8 nor Windows (cp1252) text. Save it again as “CSV UTF-8”.</source>
        <translation>Impossible de lire le texte de {file} : ce n'est ni de l'UTF-8 ni du texte Windows (cp1252). Enregistrez-le de nouveau en « CSV UTF-8 ».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="203" />
        <source>Row {row} of {file} cannot be read: {reason}</source>
        <translation>La ligne {row} de {file} est illisible : {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="271" />
        <source>The workbook {file} has no sheet “{sheet}”. Its sheets: {sheets}.</source>
        <translation>Le classeur {file} n'a pas de feuille « {sheet} ». Ses feuilles : {sheets}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="280" />
        <source>The workbook {file} has no worksheet.</source>
        <translation>Le classeur {file} n'a aucune feuille de calcul.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="302" />
        <source>The file {file} is not a readable Excel workbook (it may be truncated or damaged): {reason}</source>
        <translation>Le fichier {file} n'est pas un classeur Excel lisible (il est peut-être tronqué ou endommagé) : {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="347" />
        <location filename="../../desktop_app/services/tables.py" line="358" />
        <source>The file {file} has no header row.</source>
        <translation>Le fichier {file} n'a pas de ligne d'en-tête.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/tables.py" line="364" />
        <source>The file {file} has a header row but no data rows.</source>
        <translation>Le fichier {file} a une ligne d'en-tête mais aucune ligne de données.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/commands/badges.py" line="93" />
        <source>There is no badge stock called '{name}'. Available: {stocks}</source>
        <translation>Il n'existe aucun support de porte-nom nommé « {name} ». Disponibles : {stocks}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/commands/badges.py" line="117" />
        <source>Cannot write {path}: {error}</source>
        <translation>Impossible d'écrire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/commands/price.py" line="41" />
        <source>Unrecognised moment '{text}'. Write it like 2027-03-23T09:30.</source>
        <translation>Moment non reconnu « {text} ». Écrivez-le comme 2027-03-23T09:30.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/badges.py" line="133" />
        <source>No active registration of {slug} has the code(s): {codes}.</source>
        <translation>Aucune inscription active de {slug} n'a le ou les codes : {codes}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/services/badges.py" line="182" />
        <source>No registration has the code(s): {codes}.</source>
        <translation>Aucune inscription n'a le ou les codes : {codes}.</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../desktop_app/ui/events_model.py" line="88" />
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/events_model.py" line="89" />
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/events_model.py" line="90" />
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/events_model.py" line="91" />
        <source>Registered</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/events_model.py" line="92" />
        <source>Checked in</source>
        <translation>Enregistrés</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="126" />
        <source>LANGUAGE_CODE</source>
        <translation>fr</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="130" />
        <source>Passerelle — events</source>
        <translation>Passerelle — événements</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="131" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="132" />
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="133" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../desktop_app/app.py" line="66" />
        <location filename="../../desktop_app/ui/main_window.py" line="137" />
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/main_window.py" line="141" />
        <source>%n event(s) — database: {location}</source>
        <translation>
            <numerusform>%n événement — base de données : {location}</numerusform>
            <numerusform>%n événements — base de données : {location}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/app.py" line="64" />
        <source>Preparing demo data…</source>
        <translation>Préparation des données de démonstration…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_app/ui/errors.py" line="25" />
        <source>Something went wrong inside Passerelle. Your work so far is saved. Please tell the event manager: {kind}</source>
        <translation>Une erreur s'est produite dans Passerelle. Votre travail jusqu'ici est enregistré. Veuillez aviser la personne responsable de l'événement : {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/errors.py" line="40" />
        <source>Passerelle</source>
        <translation>Passerelle</translation>
    </message>
</context>
<context>
    <name>pricing</name>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="34" />
        <source>Active member of a partner association</source>
        <translation>Membre actif d'une association partenaire</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="35" />
        <source>Requires an active membership in a partner association of this event</source>
        <translation>Exige une adhésion active à une association partenaire de cet événement</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="38" />
        <source>The membership held is not with a partner association of this event</source>
        <translation>L'adhésion détenue n'est pas auprès d'une association partenaire de cet événement</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="41" />
        <source>Open to everyone</source>
        <translation>Ouvert à tous</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="42" />
        <source>Open to everyone; this person is an active member of a partner association</source>
        <translation>Ouvert à tous ; cette personne est membre active d'une association partenaire</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="45" />
        <source>Open to anyone who meets this category's condition; staff check it</source>
        <translation>Ouvert à quiconque remplit la condition de cette catégorie ; le personnel la vérifie</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="48" />
        <source>Complimentary; needs a supervisor</source>
        <translation>Gratuit ; exige un superviseur</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="49" />
        <source>Not on sale yet</source>
        <translation>Pas encore en vente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="50" />
        <source>No longer on sale</source>
        <translation>N'est plus en vente</translation>
    </message>
    <message>
        <location filename="../../desktop_app/domain/pricing.py" line="51" />
        <source>Replaced by a rate for the current period</source>
        <translation>Remplacé par un tarif de la période en cours</translation>
    </message>
</context>
</TS>