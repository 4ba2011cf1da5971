<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
    <context>
        <name>AddOnSaleDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="123" />
            <source>Tick the add-ons to sell.</source>
            <translation>Cochez les suppléments à vendre.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="146" />
            <source>Sell add-ons</source>
            <translation>Vendre des suppléments</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="116" />
            <source>Add-ons for {name}: a receipt for them alone.</source>
            <translation>Suppléments pour {name} : un reçu pour eux seuls.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="112" />
            <source>&amp;Reserve</source>
            <translation>&amp;Réserver</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="114" />
            <source>Free add-ons for {name}: reserved, nothing to pay, no receipt.</source>
            <translation>Suppléments gratuits pour {name} : réservés, rien à payer, aucun reçu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="147" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="148" />
            <source>&amp;Print the receipt</source>
            <translation>&amp;Imprimer le reçu</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="112" />
            <source>&amp;Sell</source>
            <translation>&amp;Vendre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addon_sale.py" line="149" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>AddOnsBox</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="93" />
            <source>already held</source>
            <translation>déjà acquis</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="97" />
            <source>full</source>
            <translation>complet</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="99" />
            <source>1 seat left</source>
            <translation>1 place restante</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="100" />
            <source>{count} seats left</source>
            <translation>{count} places restantes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="104" />
            <source>Sell {sessions} beyond its seats.</source>
            <translation>Vendre {sessions} au-delà de ses places.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="121" />
            <source>This event sells no add-ons.</source>
            <translation>Cet événement ne vend aucun supplément.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_addons.py" line="123" />
            <source>Sell a full session (&amp;supervisor)…</source>
            <translation>Vendre une séance complète (&amp;superviseur)…</translation>
        </message>
    </context>
    <context>
        <name>AppError</name>
        <message>
            <location filename="../../desktop_app/ui/preview.py" line="40" />
            <source>The document could not be read ({reason}). Create it again, then retry.</source>
            <translation>Le document n'a pas pu être lu ({reason}). Recréez-le, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="24" />
            <source>The printer {printer} is not available. Check that it is on and connected, then retry, or save as PDF instead.</source>
            <translation>L'imprimante {printer} n'est pas disponible. Vérifiez qu'elle est allumée et branchée, puis réessayez, ou enregistrez plutôt en PDF.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="29" />
            <source>The printer {printer} is paused or in error. Resume it (or clear the error) on this computer, then retry, or save as PDF instead.</source>
            <translation>L'imprimante {printer} est en pause ou en erreur. Reprenez-la (ou effacez l'erreur) sur cet ordinateur, puis réessayez, ou enregistrez plutôt en PDF.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="34" />
            <source>The printer {printer} does not accept the page size {width} × {height} mm. Choose another printer or stock in the settings, or save as PDF instead.</source>
            <translation>L'imprimante {printer} n'accepte pas le format {width} × {height} mm. Choisissez une autre imprimante ou un autre support dans les paramètres, ou enregistrez plutôt en PDF.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="39" />
            <source>The printer {printer} could not start the job. Check the printer, then retry, or save as PDF instead.</source>
            <translation>L'imprimante {printer} n'a pas pu commencer le travail. Vérifiez l'imprimante, puis réessayez, ou enregistrez plutôt en PDF.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="44" />
            <source>The job could not be sent to the printer {printer}. Check the printer, then retry, or save as PDF instead.</source>
            <translation>Le travail n'a pas pu être envoyé à l'imprimante {printer}. Vérifiez l'imprimante, puis réessayez, ou enregistrez plutôt en PDF.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="49" />
            <source>No printer is chosen for this desk. Choose one in the settings.</source>
            <translation>Aucune imprimante n'est choisie pour ce poste. Choisissez-en une dans les paramètres.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="52" />
            <source>The document to print has no pages.</source>
            <translation>Le document à imprimer n'a aucune page.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="53" />
            <source>The saved printer settings are unreadable ({reason}). Choose the printer again.</source>
            <translation>Les paramètres d'imprimante enregistrés sont illisibles ({reason}). Choisissez de nouveau l'imprimante.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="56" />
            <source>The PDF could not be saved to {path} ({reason}). Choose another folder.</source>
            <translation>Le PDF n'a pas pu être enregistré dans {path} ({reason}). Choisissez un autre dossier.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/printing/choice.py" line="59" />
            <source>Printing failed because of an internal error (details are in the log). Retry, or save as PDF instead.</source>
            <translation>L'impression a échoué à cause d'une erreur interne (détails dans le journal). Réessayez, ou enregistrez plutôt en PDF.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="59" />
            <source>There is no Passerelle database at {url}; nothing was created. Check --db (or PASSERELLE_DB); passerelle events import or passerelle demo makes a new one.</source>
            <translation>Il n'y a pas de base de données Passerelle à {url}; rien n'a été créé. Vérifiez --db (ou PASSERELLE_DB); passerelle events import ou passerelle demo en crée une nouvelle.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="219" />
            <source>Passerelle opens an SQLite file or a postgresql:// server; {url} is neither.</source>
            <translation>Passerelle ouvre un fichier SQLite ou un serveur postgresql:// ; {url} n'est ni l'un ni l'autre.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="231" />
            <location filename="../../desktop_app/db/database.py" line="274" />
            <source>Cannot open the database {url}: {reason}</source>
            <translation>Impossible d'ouvrir la base de données {url} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="252" />
            <source>{url} is not a database file (a folder, a device or a pipe).</source>
            <translation>{url} n'est pas un fichier de base de données (un dossier, un périphérique ou un tube).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="282" />
            <source>This database was written by a newer version of Passerelle (schema {revision}). Install that version or newer to open it; the database was not changed.</source>
            <translation>Cette base de données a été écrite par une version plus récente de Passerelle (schéma {revision}). Installez cette version ou une plus récente pour l'ouvrir ; la base de données n'a pas été modifiée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="292" />
            <source>This database already holds tables that are not Passerelle's; it was not changed. Choose an empty database.</source>
            <translation>Cette base de données contient déjà des tables qui ne sont pas celles de Passerelle ; elle n'a pas été modifiée. Choisissez une base de données vide.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/database.py" line="307" />
            <source>The database needs an upgrade (schema {revision}).</source>
            <translation>La base de données doit être mise à niveau (schéma {revision}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/badge_data.py" line="94" />
            <source>A badge needs a registration code.</source>
            <translation>Un porte-nom exige un code d'inscription.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/badge_data.py" line="97" />
            <source>'{value}' is not an association marking.</source>
            <translation>« {value} » n'est pas une mention d'association.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/badge_data.py" line="102" />
            <source>'{value}' is not a badge role.</source>
            <translation>« {value} » n'est pas un rôle de porte-nom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/badge_data.py" line="106" />
            <source>'{value}' is not a badge language.</source>
            <translation>« {value} » n'est pas une langue de porte-nom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/badge_layout.py" line="61" />
            <source>The code '{code}' is too long for a QR code on this stock.</source>
            <translation>Le code « {code} » est trop long pour un code QR sur ce support.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/badge.py" line="215" />
            <source>There are no badges to print.</source>
            <translation>Il n'y a aucun porte-nom à imprimer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="61" />
            <source>'{value}' is not a GST/HST number (123456782 RT 0001).</source>
            <translation>« {value} » n'est pas un numéro de TPS/TVH (123456782 RT 0001).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="72" />
            <source>'{value}' is not a QST number (1234567890 TQ 0001).</source>
            <translation>« {value} » n'est pas un numéro de TVQ (1234567890 TQ 0001).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="156" />
            <source>A receipt needs the seller's name and items.</source>
            <translation>Un reçu exige le nom du vendeur et des articles.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="161" />
            <source>Receipt line '{item}' does not add up.</source>
            <translation>La ligne de reçu « {item} » ne s'additionne pas.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="170" />
            <source>The taxes of the receipt's items do not add up.</source>
            <translation>Les taxes des articles du reçu ne concordent pas.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="174" />
            <source>The receipt's items do not add up to its subtotal.</source>
            <translation>Les articles du reçu ne totalisent pas son sous-total.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="178" />
            <source>The receipt's subtotal and taxes do not add up to its total.</source>
            <translation>Le sous-total et les taxes du reçu ne totalisent pas son total.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="190" />
            <source>A receipt of $100 or more needs the GST/HST number.</source>
            <translation>Un reçu de 100 $ ou plus exige le numéro de TPS/TVH.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="194" />
            <source>A receipt of $100 or more needs the QST number.</source>
            <translation>Un reçu de 100 $ ou plus exige le numéro de TVQ.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="198" />
            <source>A receipt of $500 or more needs the buyer's name and payment terms.</source>
            <translation>Un reçu de 500 $ ou plus exige le nom de l'acheteur et les modalités de paiement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="204" />
            <source>A credit note must refer to the original receipt.</source>
            <translation>Une note de crédit doit renvoyer au reçu d'origine.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/receipt.py" line="212" />
            <source>Cash tendered minus the total is not the change.</source>
            <translation>L'argent remis moins le total ne donne pas la monnaie.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="119" />
            <source>Cell {cell} does not exist on {stock} (1 to {last}).</source>
            <translation>La case {cell} n'existe pas sur {stock} (1 à {last}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="159" />
            <source>Stock {stock}: '{key}' must be a length ≥ 0.</source>
            <translation>Support {stock} : « {key} » doit être une longueur ≥ 0.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="170" />
            <source>Stock {stock}: '{key}' must be a whole number ≥ 1.</source>
            <translation>Support {stock} : « {key} » doit être un nombre entier ≥ 1.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="187" />
            <source>Stock {stock}: unit must be 'in' or 'mm'.</source>
            <translation>Support {stock} : l'unité doit être « in » ou « mm ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="216" />
            <source>Stock {stock} is not a valid stock file: {error}</source>
            <translation>Le support {stock} n'est pas un fichier de support valide : {error}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="230" />
            <source>Stock {stock}: chips position must be one of {choices}.</source>
            <translation>Support {stock} : la position des pastilles doit être l'une de {choices}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="261" />
            <source>Stock {stock} does not add up: {problems}.</source>
            <translation>Le support {stock} n'est pas cohérent : {problems}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/documents/stocks.py" line="292" />
            <source>There is no badge stock called '{name}'.</source>
            <translation>Il n'existe aucun support de porte-nom nommé « {name} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="57" />
            <source>Event file, line {line}, key {key}: {detail}</source>
            <translation>Fichier d'événement, ligne {line}, clé {key} : {detail}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="67" />
            <location filename="../../desktop_app/domain/event_reader.py" line="102" />
            <location filename="../../desktop_app/domain/event_reader.py" line="118" />
            <source>this key is required.</source>
            <translation>cette clé est obligatoire.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="70" />
            <source>expected text in quotes.</source>
            <translation>texte entre guillemets attendu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="73" />
            <source>must not be empty.</source>
            <translation>ne doit pas être vide.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="77" />
            <source>is longer than {limit} characters.</source>
            <translation>dépasse {limit} caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="92" />
            <location filename="../../desktop_app/domain/event_sessions.py" line="116" />
            <location filename="../../desktop_app/domain/events.py" line="231" />
            <location filename="../../desktop_app/domain/events.py" line="256" />
            <location filename="../../desktop_app/domain/events.py" line="359" />
            <source>'{value}' is not one of {choices}.</source>
            <translation>« {value} » ne fait pas partie de {choices}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="130" />
            <source>'{value}' is not a date or date-time like 2026-05-12T08:30.</source>
            <translation>« {value} » n'est pas une date ou une date-heure comme 2026-05-12T08:30.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="141" />
            <source>expected a date or date-time.</source>
            <translation>date ou date-heure attendue.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="155" />
            <source>Event file: [[{table}]] must be a list of entries.</source>
            <translation>Fichier d'événement : [[{table}]] doit être une liste d'entrées.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="125" />
            <source>Event file is not valid TOML: {reason}</source>
            <translation>Le fichier d'événement n'est pas du TOML valide : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="132" />
            <source>Event file: the [{table}] table is missing.</source>
            <translation>Fichier d'événement : la table [{table}] est absente.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="140" />
            <source>'{value}' must be lower-case letters, digits and dashes.</source>
            <translation>« {value} » doit contenir des lettres minuscules, des chiffres et des tirets.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="151" />
            <source>unknown time zone '{value}'.</source>
            <translation>fuseau horaire inconnu « {value} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="158" />
            <source>the event ends before it starts.</source>
            <translation>l'événement se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="200" />
            <source>expected an amount above 0.00.</source>
            <translation>montant supérieur à 0.00 attendu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_sessions.py" line="43" />
            <source>Event file: [[days]] must be a list of entries.</source>
            <translation>Fichier d'événement : [[days]] doit être une liste d'entrées.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_sessions.py" line="55" />
            <source>expected a date.</source>
            <translation>une date est attendue.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_sessions.py" line="59" />
            <source>{value} is used twice or is not a day of the event ({first} to {last}).</source>
            <translation>{value} est utilisée deux fois ou n'est pas un jour de l'événement (du {first} au {last}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="165" />
            <source>'{value}' is used twice or is not a code (lower-case letters, digits, -).</source>
            <translation>« {value} » est utilisé deux fois ou n'est pas un code (lettres minuscules, chiffres, -).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_sessions.py" line="99" />
            <source>the session ends before it starts.</source>
            <translation>la séance se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_sessions.py" line="109" />
            <source>expected a whole number of seats from 1 to {limit}.</source>
            <translation>un nombre entier de places de 1 à {limit} est attendu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="250" />
            <source>expected a list like ["bioquebec", "lso"].</source>
            <translation>liste attendue, comme ["bioquebec", "lso"].</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="270" />
            <source>expected a whole number of days from 1 to 36500.</source>
            <translation>nombre entier de jours de 1 à 36500 attendu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="281" />
            <source>'{value}' is not a GST/HST number (9 digits, RT, 4 digits).</source>
            <translation>« {value} » n'est pas un numéro de TPS/TVH (9 chiffres, RT, 4 chiffres).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="289" />
            <source>'{value}' is not a GST/HST number: the business number's check digit is wrong (a typing error?).</source>
            <translation>« {value} » n'est pas un numéro de TPS/TVH : le chiffre de contrôle du numéro d'entreprise est erroné (faute de frappe?).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="302" />
            <source>'{value}' is not a QST number (10 digits, TQ, 4 digits).</source>
            <translation>« {value} » n'est pas un numéro de TVQ (10 chiffres, TQ, 4 chiffres).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="322" />
            <source>Event file: at least one [[prices]] entry is required.</source>
            <translation>Fichier d'événement : au moins une entrée [[prices]] est requise.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="332" />
            <source>the code '{value}' is used twice.</source>
            <translation>le code « {value} » est utilisé deux fois.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_reader.py" line="105" />
            <source>write amounts in quotes, like "450.00".</source>
            <translation>écrivez les montants entre guillemets, comme "450.00".</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_sessions.py" line="123" />
            <location filename="../../desktop_app/domain/events.py" line="348" />
            <source>expected true or false.</source>
            <translation>true ou false attendu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="353" />
            <source>a complimentary category costs 0.00.</source>
            <translation>une catégorie gratuite coûte 0.00.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/events.py" line="368" />
            <source>the sale window ends before it starts.</source>
            <translation>la période de vente se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="105" />
            <location filename="../../desktop_app/domain/membership_records.py" line="195" />
            <source>Unknown association '{association}'.</source>
            <translation>Association inconnue « {association} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="110" />
            <source>Unknown kind of member '{holder}'.</source>
            <translation>Type de membre inconnu « {holder} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="115" />
            <source>Membership {id} has no organization name.</source>
            <translation>L'adhésion {id} n'a pas de nom d'organisation.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="120" />
            <source>Membership {id} ends before it starts.</source>
            <translation>L'adhésion {id} se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="199" />
            <source>A decision needs a person or an email.</source>
            <translation>Une décision exige une personne ou un courriel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="201" />
            <source>Confirm which membership.</source>
            <translation>Confirmez de quelle adhésion il s'agit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="204" />
            <source>Unknown decision '{decision}'.</source>
            <translation>Décision inconnue « {decision} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/member_directory.py" line="77" />
            <source>Membership {id} appears twice.</source>
            <translation>L'adhésion {id} figure deux fois.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="33" />
            <location filename="../../desktop_app/domain/taxes.py" line="127" />
            <source>'{value}' is not an amount in dollars and cents.</source>
            <translation>« {value} » n'est pas un montant en dollars et en cents.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="82" />
            <source>'{value}' has a fraction of a cent.</source>
            <translation>« {value} » comporte une fraction de cent.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="86" />
            <location filename="../../desktop_app/domain/taxes.py" line="132" />
            <source>'{value}' is negative; an amount here cannot be.</source>
            <translation>« {value} » est négatif ; un montant ne peut pas l'être ici.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="101" />
            <location filename="../../desktop_app/services/desk/walkin.py" line="208" />
            <source>'{value}' is not a language (fr or en).</source>
            <translation>« {value} » n'est pas une langue (fr ou en).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="127" />
            <source>{field}: “{text}” is not an amount in dollars and cents. Write it like 1234.56 or 1 234,56 $.</source>
            <translation>{field} : « {text} » n'est pas un montant en dollars et en cents. Écrivez-le comme 1234.56 ou 1 234,56 $.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="131" />
            <source>{field}: “{text}” has more than two decimals (fractions of a cent).</source>
            <translation>{field} : « {text} » a plus de deux décimales (des fractions de cent).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="134" />
            <source>{field}: “{text}” is negative; it cannot be here.</source>
            <translation>{field} : « {text} » est négatif; ce montant ne peut pas l'être ici.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/money.py" line="135" />
            <source>{field}: “{text}” is above {ceiling}, the most one line may hold (an event file can raise it with max_line_amount).</source>
            <translation>{field} : « {text} » dépasse {ceiling}, le maximum permis pour une ligne (un fichier d'événement peut le hausser avec max_line_amount).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="69" />
            <source>The time '{value}' ({what}) has no time zone.</source>
            <translation>L'heure « {value} » ({what}) n'a pas de fuseau horaire.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="93" />
            <source>The complimentary category '{code}' must cost 0.</source>
            <translation>La catégorie gratuite « {code} » doit coûter 0.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="106" />
            <source>The sale of '{code}' ends before it starts.</source>
            <translation>La vente de « {code} » se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="130" />
            <source>Unknown partner association: {codes}.</source>
            <translation>Association partenaire inconnue : {codes}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="137" />
            <source>Price category defined twice: {codes}.</source>
            <translation>Catégorie de prix définie deux fois : {codes}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="147" />
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
            <location filename="../../desktop_app/importing/column_schemas.py" line="119" />
            <source>The member list has no name column: it needs an organization column (Entreprise, Organisation, Company…) or a person's name (Nom, Nom complet, Last name, Full name…). Columns found: {headers}.</source>
            <translation>La liste de membres n'a pas de colonne de nom : il faut une colonne d'organisation (Entreprise, Organisation, Company…) ou le nom d'une personne (Nom, Nom complet, Last name, Full name…). Colonnes trouvées : {headers}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/column_schemas.py" line="241" />
            <source>The registration file has no name column (Nom, Prénom, Last name, First name, Attendee name…). Columns found: {headers}.</source>
            <translation>Le fichier d'inscriptions n'a pas de colonne de nom (Nom, Prénom, Last name, First name, Attendee name…). Colonnes trouvées : {headers}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/columns.py" line="191" />
            <source>Unknown field “{field}” in the column mapping. Fields: {fields}.</source>
            <translation>Champ inconnu « {field} » dans la correspondance des colonnes. Champs : {fields}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/columns.py" line="203" />
            <source>The column mapping names “{header}” for {field}, but the file has no such column. Columns found: {headers}.</source>
            <translation>La correspondance des colonnes indique « {header} » pour {field}, mais le fichier n'a pas cette colonne. Colonnes trouvées : {headers}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/columns.py" line="267" />
            <source>Two columns are named “{header}”: which one holds the {field} is a guess, so nothing was imported. Rename one, or say which to read: --map {field}=“{copy}” (the second) or --map {field}=“{header}”.</source>
            <translation>Deux colonnes s'appellent « {header} » : laquelle contient le champ {field} serait une supposition, donc rien n'a été importé. Renommez-en une, ou indiquez laquelle lire : --map {field}=« {copy} » (la seconde) ou --map {field}=« {header} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/column_values.py" line="85" />
            <source>“{text}” is neither yes nor no (oui / non).</source>
            <translation>« {text} » n'est ni oui ni non (yes / no).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/column_values.py" line="119" />
            <source>{column}: “{value}” is not an email address.</source>
            <translation>{column} : « {value} » n'est pas une adresse courriel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/dates.py" line="80" />
            <source>Unrecognised date “{text}”. Write it like 2026-03-31, 31/03/2026 or 31 mars 2026.</source>
            <translation>Date non reconnue « {text} ». Écrivez-la comme 2026-03-31, 31/03/2026 ou 31 mars 2026.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/dates.py" line="99" />
            <source>“{text}” is not a real date (dates are read day first, as 31/03/2026).</source>
            <translation>« {text} » n'est pas une date réelle (les dates se lisent jour d'abord, comme 31/03/2026).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/dates.py" line="130" />
            <source>The date is empty.</source>
            <translation>La date est vide.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/demo/__init__.py" line="66" />
            <source>This database already has registrations; demo data goes into an empty database (use --db with a new file).</source>
            <translation>Cette base de données contient déjà des inscriptions ; les données de démonstration vont dans une base vide (utilisez --db avec un nouveau fichier).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/events.py" line="109" />
            <source>Cannot read the event file {path}: {reason}</source>
            <translation>Impossible de lire le fichier d'événement {path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/events.py" line="117" />
            <source>The event file {path} is not UTF-8 text (byte {position}).</source>
            <translation>Le fichier d'événement {path} n'est pas du texte UTF-8 (octet {position}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/events.py" line="165" />
            <source>The price category {code} is used by {count} registrations; keep it in the event file.</source>
            <translation>La catégorie de prix {code} est utilisée par {count} inscriptions ; gardez-la dans le fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/events.py" line="258" />
            <source>The exhibitor {code} has {count} leads; keep it in the event file.</source>
            <translation>L'exposant {code} a {count} contacts ; gardez-le dans le fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/events.py" line="334" />
            <source>There is no event '{slug}'. See: passerelle events list</source>
            <translation>Il n'y a aucun événement « {slug} ». Voir : passerelle events list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="74" />
            <source>Row {row}: the “{column}” cell is {length} characters long; at most {limit} are accepted.</source>
            <translation>Ligne {row} : la cellule « {column} » compte {length} caractères ; au plus {limit} sont acceptés.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="78" />
            <source>The row holds bytes that are not UTF-8 text (“{cell}”) while the rest of the file is UTF-8: correct them, or save the file again as “CSV UTF-8”.</source>
            <translation>La ligne contient des octets qui ne sont pas du texte UTF-8 (« {cell} ») alors que le reste du fichier est en UTF-8 : corrigez-les ou enregistrez de nouveau le fichier en « CSV UTF-8 ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="85" />
            <source>A cell holds the formula “{formula}” but the workbook does not hold its value (it was never opened in a spreadsheet): open and save the file in Excel or LibreOffice, or type the value.</source>
            <translation>Une cellule contient la formule « {formula} », mais le classeur n'en contient pas la valeur (il n'a jamais été ouvert dans un tableur) : ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ou tapez la valeur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="133" />
            <source>Row {row}: {problem}</source>
            <translation>Ligne {row} : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="206" />
            <source>The file {file} does not exist.</source>
            <translation>Le fichier {file} n'existe pas.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="210" />
            <source>Cannot read the file {file}: {reason}</source>
            <translation>Impossible de lire le fichier {file} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="216" />
            <source>The file {file} is empty.</source>
            <translation>Le fichier {file} est vide.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="221" />
            <source>The file {file} is in the old Excel format (.xls) or is password-protected. Save it as Excel (.xlsx) or CSV, without a password.</source>
            <translation>Le fichier {file} est dans l'ancien format Excel (.xls) ou protégé par mot de passe. Enregistrez-le en Excel (.xlsx) ou en CSV, sans mot de passe.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="487" />
            <source>The header of {file} looks garbled: “{header}” reads “{fixed}” as UTF-8. The file's text went through the wrong encoding (UTF-8 read as Windows text); export it again as “CSV UTF-8” from the original.</source>
            <translation>L'en-tête de {file} semble brouillé : « {header} » se lit « {fixed} » en UTF-8. Le texte du fichier est passé par le mauvais encodage (de l'UTF-8 lu comme du texte Windows) ; exportez-le de nouveau en « CSV UTF-8 » à partir de l'original.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/csv_source.py" line="48" />
            <source>The file {file} is not a spreadsheet. Save it as CSV or Excel (.xlsx).</source>
            <translation>Le fichier {file} n'est pas un tableur. Enregistrez-le en CSV ou en Excel (.xlsx).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/csv_source.py" line="143" />
            <source>Row {row} of {file}: a quoted cell is never closed, it runs to the end of the file. A quote (") is missing; correct the file. Nothing was imported.</source>
            <translation>Ligne {row} de {file} : une cellule entre guillemets n'est jamais fermée, elle court jusqu'à la fin du fichier. Il manque un guillemet (") ; corrigez le fichier. Rien n'a été importé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/csv_source.py" line="148" />
            <source>Row {row} of {file}: a quoted cell runs over the next lines and swallows a whole row (“{line}”). A quote (") is missing; correct the file. Nothing was imported.</source>
            <translation>Ligne {row} de {file} : une cellule entre guillemets déborde sur les lignes suivantes et avale une ligne entière (« {line} »). Il manque un guillemet (") ; corrigez le fichier. Rien n'a été importé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/csv_source.py" line="218" />
            <source>The text of {file} mixes encodings: {valid} lines are UTF-8 and {invalid} are not. Save it again as “CSV UTF-8”.</source>
            <translation>Le texte de {file} mélange les encodages : {valid} lignes sont en UTF-8 et {invalid} ne le sont pas. Enregistrez-le de nouveau en « CSV UTF-8 ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/csv_source.py" line="237" />
            <source>Cannot read the text of {file}: it is neither UTF-8 nor Windows (cp1252) text. Save it again as “CSV UTF-8”.</source>
            <translation>Impossible de lire le texte de {file} : ce n'est ni de l'UTF-8 ni du texte Windows (cp1252). Enregistrez-le de nouveau en « CSV UTF-8 ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/csv_source.py" line="110" />
            <source>Row {row} of {file} cannot be read: {reason}</source>
            <translation>La ligne {row} de {file} est illisible : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="265" />
            <source>The workbook {file} has no sheet “{sheet}”. Its sheets: {sheets}.</source>
            <translation>Le classeur {file} n'a pas de feuille « {sheet} ». Ses feuilles : {sheets}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="274" />
            <source>The workbook {file} has no worksheet.</source>
            <translation>Le classeur {file} n'a aucune feuille de calcul.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="336" />
            <source>The file {file} is not a readable Excel workbook (it may be truncated or damaged): {reason}</source>
            <translation>Le fichier {file} n'est pas un classeur Excel lisible (il est peut-être tronqué ou endommagé) : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="413" />
            <source>The header row of {file} holds bytes that are not UTF-8 text (“{cell}”). Save the file again as “CSV UTF-8”.</source>
            <translation>La ligne d'en-tête de {file} contient des octets qui ne sont pas du texte UTF-8 (« {cell} »). Enregistrez de nouveau le fichier en « CSV UTF-8 ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="439" />
            <location filename="../../desktop_app/importing/tables.py" line="445" />
            <source>The file {file} has no header row.</source>
            <translation>Le fichier {file} n'a pas de ligne d'en-tête.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/tables.py" line="452" />
            <source>The file {file} has a header row but no data rows.</source>
            <translation>Le fichier {file} a une ligne d'en-tête mais aucune ligne de données.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/badges.py" line="82" />
            <source>There is no badge stock called '{name}'. Available: {stocks}</source>
            <translation>Il n'existe aucun support de porte-nom nommé « {name} ». Disponibles : {stocks}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/price.py" line="41" />
            <source>Unrecognised moment '{text}'. Write it like 2027-03-23T09:30.</source>
            <translation>Moment non reconnu « {text} ». Écrivez-le comme 2027-03-23T09:30.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/badges.py" line="179" />
            <source>No active registration of {slug} has the code(s): {codes}.</source>
            <translation>Aucune inscription active de {slug} n'a le ou les codes : {codes}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/badges.py" line="231" />
            <source>No registration has the code(s): {codes}.</source>
            <translation>Aucune inscription n'a le ou les codes : {codes}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/checkin.py" line="110" />
            <location filename="../../desktop_app/commands/walkin.py" line="231" />
            <location filename="../../desktop_app/services/admin/staff.py" line="421" />
            <source>An override needs a reason.</source>
            <translation>Une dérogation exige une raison.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/checkin.py" line="152" />
            <source>--day: '{value}' is not a date like 2027-03-23.</source>
            <translation>--day : « {value} » n'est pas une date comme 2027-03-23.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/members.py" line="119" />
            <source>Say whom to check: --name, --email, --organization or --member-number.</source>
            <translation>Indiquez qui vérifier : --name, --email, --organization ou --member-number.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/members.py" line="142" />
            <source>Write the column mapping as FIELD=HEADER, not “{item}”.</source>
            <translation>Écrivez la correspondance des colonnes sous la forme CHAMP=EN-TÊTE, et non « {item} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/members.py" line="209" />
            <source>Name the person: give --email or --name.</source>
            <translation>Nommez la personne : indiquez --email ou --name.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="246" />
            <source>Cannot write {path}: {error}. Receipt {number} is issued; reprint it.</source>
            <translation>Impossible d'écrire {path} : {error}. Le reçu {number} est émis ; réimprimez-le.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/staff.py" line="65" />
            <source>The two PINs differ; nothing was created.</source>
            <translation>Les deux NIP diffèrent ; rien n'a été créé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/sync.py" line="48" />
            <source>--db must be the desk's own SQLite copy, not a server.</source>
            <translation>--db doit être la copie SQLite propre au poste, pas un serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addons.py" line="59" />
            <source>{name} is full: {taken} of {capacity}</source>
            <translation>{name} est complet : {taken} sur {capacity}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addons.py" line="61" />
            <source>There is no add-on '{code}' at this event (add-ons: {codes}).</source>
            <translation>Il n'y a pas de supplément « {code} » à cet événement (suppléments : {codes}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addons.py" line="64" />
            <source>{name} ('{code}') has no price: it is not sold as an add-on.</source>
            <translation>{name} (« {code} ») n'a pas de prix : cette séance n'est pas vendue comme supplément.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addons.py" line="67" />
            <source>{name} already holds {session}.</source>
            <translation>{name} a déjà {session}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addons.py" line="68" />
            <source>Add-ons are paid at the desk, in cash or by card.</source>
            <translation>Les suppléments se paient à l'accueil, comptant ou par carte.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addons.py" line="221" />
            <location filename="../../desktop_app/services/desk/attendees.py" line="148" />
            <location filename="../../desktop_app/services/desk/checkin_undo.py" line="35" />
            <location filename="../../desktop_app/services/membership/decision_records.py" line="49" />
            <location filename="../../desktop_app/services/money/receipt_store.py" line="363" />
            <source>There is no registration {id}.</source>
            <translation>Il n'y a aucune inscription {id}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/person_changes.py" line="33" />
            <source>Enter the first name.</source>
            <translation>Entrez le prénom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/person_changes.py" line="34" />
            <source>Enter the last name.</source>
            <translation>Entrez le nom de famille.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/person_changes.py" line="48" />
            <source>'{text}…' is longer than {count} characters.</source>
            <translation>« {text}… » dépasse {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/person_changes.py" line="60" />
            <location filename="../../desktop_app/services/desk/walkin.py" line="204" />
            <source>'{email}' is not an email address.</source>
            <translation>« {email} » n'est pas une adresse courriel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/person_changes.py" line="180" />
            <source>The registration of {name} is cancelled; it cannot be transferred.</source>
            <translation>L'inscription de {name} est annulée ; elle ne peut pas être transférée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/person_changes.py" line="187" />
            <source>{name} is already checked in; undo the check-in before substituting.</source>
            <translation>L'arrivée de {name} est déjà enregistrée ; annulez l'arrivée avant le remplacement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="43" />
            <source>{path} is encrypted: give its passphrase to restore it.</source>
            <translation>{path} est chiffré : donnez sa phrase de passe pour le restaurer.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="89" />
            <source>Backups from Passerelle cover the desk's own SQLite database; a shared PostgreSQL database is backed up on its server (pg_dump).</source>
            <translation>Les sauvegardes de Passerelle couvrent la base de données SQLite propre au poste ; une base PostgreSQL partagée est sauvegardée sur son serveur (pg_dump).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="154" />
            <source>There is no database at {path}.</source>
            <translation>Il n'y a aucune base de données à {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="209" />
            <source>The backup copy failed its check ({reason}).</source>
            <translation>La vérification de la copie de sauvegarde a échoué ({reason}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="191" />
            <source>Cannot write a backup to {folder}: {reason}</source>
            <translation>Impossible d'écrire une sauvegarde dans {folder} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="266" />
            <source>There is no file at {path}.</source>
            <translation>Il n'y a aucun fichier à {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="281" />
            <location filename="../../desktop_app/services/admin/backup_companions.py" line="108" />
            <source>{path} is damaged and was not restored ({reason}); nothing was changed.</source>
            <translation>{path} est endommagé et n'a pas été restauré ({reason}) ; rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="293" />
            <source>{path} is not a Passerelle database; nothing was changed.</source>
            <translation>{path} n'est pas une base de données Passerelle ; rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="300" />
            <source>{path} was written by a newer version of Passerelle; nothing was changed.</source>
            <translation>{path} a été écrit par une version plus récente de Passerelle ; rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="309" />
            <source>{path} is not a database file; nothing was restored. Check --db.</source>
            <translation>{path} n'est pas un fichier de base de données; rien n'a été restauré. Vérifiez --db.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="318" />
            <source>There is no folder {folder}; nothing was restored. Check --db.</source>
            <translation>Le dossier {folder} n'existe pas; rien n'a été restauré. Vérifiez --db.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup.py" line="341" />
            <location filename="../../desktop_app/services/admin/backup_companions.py" line="129" />
            <source>Cannot restore into {path}: {reason}</source>
            <translation>Impossible de restaurer dans {path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin.py" line="56" />
            <source>Exits are scanned only at the door of a session that records them (exits = true in its [[sessions]] entry; session: {session}).</source>
            <translation>Les sorties ne sont lues qu'à la porte d'une séance qui les enregistre (exits = true dans son entrée [[sessions]] ; séance : {session}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin.py" line="211" />
            <source>The desk action {action} was already used for another registration.</source>
            <translation>L'action de poste {action} a déjà servi pour une autre inscription.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin.py" line="254" />
            <source>A check-in needs a desk and a staff name.</source>
            <translation>Un enregistrement d'arrivée exige un poste et le nom d'un membre du personnel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin.py" line="256" />
            <source>Scan or type a registration code.</source>
            <translation>Balayez ou tapez un code d'inscription.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_undo.py" line="30" />
            <source>Give a reason to undo a check-in.</source>
            <translation>Donnez une raison pour annuler une arrivée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_undo.py" line="43" />
            <source>{name} is not checked in; nothing to undo.</source>
            <translation>L'arrivée de {name} n'est pas enregistrée ; rien à annuler.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/credit_notes.py" line="134" />
            <source>A refund is paid back in cash or by card, not '{m}'.</source>
            <translation>Un remboursement se fait en argent comptant ou par carte, pas « {m} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/credit_notes.py" line="139" />
            <source>The refund of {amount} is more than the {paid} paid for this admission.</source>
            <translation>Le remboursement de {amount} dépasse les {paid} payés pour cette entrée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/credit_notes.py" line="234" />
            <source>A credit note needs a reason.</source>
            <translation>Une note de crédit exige une raison.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/credit_notes.py" line="238" />
            <source>{number} is a credit note; a credit note corrects a receipt.</source>
            <translation>{number} est une note de crédit ; une note de crédit corrige un reçu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/credit_notes.py" line="252" />
            <source>Receipt {number} is already fully credited.</source>
            <translation>Le reçu {number} est déjà entièrement crédité.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/credit_notes.py" line="261" />
            <source>A credit note on {number} is between 0.01 and {left} (what is left).</source>
            <translation>Une note de crédit sur {number} doit être entre 0,01 et {left} (le montant restant).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="87" />
            <location filename="../../desktop_app/services/membership/importing.py" line="175" />
            <source>Unknown association “{association}”. Choose one of: {choices}.</source>
            <translation>Association inconnue « {association} ». Choisissez parmi : {choices}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="95" />
            <source>Unknown decision “{decision}”. Choose one of: {choices}.</source>
            <translation>Décision inconnue « {decision} ». Choisissez parmi : {choices}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="103" />
            <source>Give the reason for the decision.</source>
            <translation>Donnez la raison de la décision.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="106" />
            <source>Say who made the decision.</source>
            <translation>Indiquez qui a pris la décision.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="110" />
            <source>“{value}” is not an email address.</source>
            <translation>« {value} » n'est pas une adresse courriel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="125" />
            <source>No membership {id} in {association}'s list.</source>
            <translation>Aucune adhésion {id} dans la liste de {association}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/decisions.py" line="185" />
            <source>No current membership with number {number}.</source>
            <translation>Aucune adhésion en cours portant le numéro {number}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/importing.py" line="195" />
            <source>No row of {file} is a valid member, so nothing was imported. Row {row}: {reason}</source>
            <translation>Aucune ligne de {file} n'est un membre valide ; rien n'a donc été importé. Ligne {row} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/membership/importing.py" line="304" />
            <source>{file} would end {ended} of the {current} current memberships: is it the whole list? Nothing was changed. If it is, import it again allowing that (--allow-ending-most).</source>
            <translation>{file} mettrait fin à {ended} des {current} adhésions en cours : est-ce bien la liste complète? Rien n'a été modifié. Si oui, importez-la de nouveau en l'autorisant (--allow-ending-most).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="68" />
            <location filename="../../desktop_app/importing/registration_rows.py" line="43" />
            <source>The “{column}” cell is {length} characters long; at most {limit} are accepted.</source>
            <translation>La cellule « {column} » compte {length} caractères ; au plus {limit} sont acceptés.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="71" />
            <source>The {field} “{value}” is longer than {limit} characters.</source>
            <translation>Valeur trop longue pour « {field} » : « {value} » dépasse {limit} caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="74" />
            <source>Unrecognised kind of member “{value}”: write Organisation or Individuel (Organization or Individual).</source>
            <translation>Type de membre non reconnu « {value} » : écrivez Organisation ou Individuel (Organization ou Individual).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="79" />
            <source>The row has neither an organization name nor a person's name.</source>
            <translation>La ligne n'a ni nom d'organisation ni nom de personne.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="82" />
            <source>An organization membership needs the organization's name.</source>
            <translation>Une adhésion d'organisation exige le nom de l'organisation.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="85" />
            <source>An individual membership needs the person's name.</source>
            <translation>Une adhésion individuelle exige le nom de la personne.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="86" />
            <source>“{value}” is not an email domain.</source>
            <translation>« {value} » n'est pas un domaine de courriel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="87" />
            <location filename="../../desktop_app/importing/registration_rows.py" line="61" />
            <source>{column}: {problem}</source>
            <translation>{column} : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="88" />
            <source>The membership ends ({until}) before it starts ({start}).</source>
            <translation>L'adhésion se termine ({until}) avant de commencer ({start}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="91" />
            <source>Member number {number} already appears on row {first}; this row is ignored.</source>
            <translation>Le numéro de membre {number} figure déjà à la ligne {first} ; cette ligne est ignorée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="94" />
            <source>The organization “{name}” already appears on row {first}; this row is ignored.</source>
            <translation>L'organisation « {name} » figure déjà à la ligne {first} ; cette ligne est ignorée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="97" />
            <source>The member {email} already appears on row {first}; this row is ignored.</source>
            <translation>Le membre {email} figure déjà à la ligne {first} ; cette ligne est ignorée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="100" />
            <source>The member {name} already appears on row {first}; this row is ignored.</source>
            <translation>Le membre {name} figure déjà à la ligne {first} ; cette ligne est ignorée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="106" />
            <source>organization name</source>
            <translation>nom de l'organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="107" />
            <source>first name</source>
            <translation>prénom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="108" />
            <source>last name</source>
            <translation>nom de famille</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="109" />
            <source>email</source>
            <translation>courriel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="110" />
            <source>member number</source>
            <translation>numéro de membre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="111" />
            <source>category</source>
            <translation>catégorie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_rows.py" line="112" />
            <source>other name</source>
            <translation>autre nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="82" />
            <source>{why}: a supervisor must approve (PIN and reason).</source>
            <translation>{why} : un superviseur doit approuver (NIP et raison).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="112" />
            <source>Unknown payment method '{method}': cash, card, invoice or complimentary.</source>
            <translation>Mode de paiement inconnu « {method} » : cash, card, invoice ou complimentary (comptant, carte, facture ou gratuit).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="126" />
            <source>The cash tendered ({tendered}) is less than the amount ({amount}).</source>
            <translation>L'argent remis ({tendered}) est inférieur au montant ({amount}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="136" />
            <source>Enter the card terminal's reference (authorization number).</source>
            <translation>Entrez la référence du terminal de paiement (numéro d'autorisation).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="144" />
            <source>An invoice goes to an organization: enter its name.</source>
            <translation>Une facture est adressée à une organisation : entrez son nom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="149" />
            <source>A complimentary admission costs 0, not {amount}.</source>
            <translation>Une entrée gratuite coûte 0, pas {amount}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addon_sale.py" line="42" />
            <source>The amount {amount} is not the price of the add-ons ({total}).</source>
            <translation>Le montant {amount} n'est pas le prix des suppléments ({total}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addon_sale.py" line="45" />
            <source>These add-ons cost {total}: they are paid in cash or by card.</source>
            <translation>Ces suppléments coûtent {total} : ils se paient comptant ou par carte.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addon_sale.py" line="48" />
            <source>Choose at least one add-on to sell.</source>
            <translation>Choisissez au moins un supplément à vendre.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addon_sale.py" line="90" />
            <location filename="../../desktop_app/services/money/payments.py" line="174" />
            <source>The desk action {action} was already used for another payment.</source>
            <translation>L'action de poste {action} a déjà servi pour un autre paiement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/addon_sale.py" line="135" />
            <source>This registration was cancelled; nothing is sold.</source>
            <translation>Cette inscription a été annulée; rien n'est vendu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="231" />
            <source>This registration was cancelled; nothing to collect.</source>
            <translation>Cette inscription a été annulée ; rien à encaisser.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="235" />
            <source>Nothing is owed on this registration.</source>
            <translation>Rien n'est dû pour cette inscription.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="239" />
            <source>The amount collected must be between 0.01 and the balance ({balance}).</source>
            <translation>Le montant encaissé doit être entre 0,01 et le solde ({balance}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/payments.py" line="315" />
            <source>A balance is collected in cash or by card; otherwise a supervisor overrides at check-in.</source>
            <translation>Un solde s'encaisse en argent comptant ou par carte ; sinon, un superviseur accorde une dérogation à l'arrivée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipt_store.py" line="96" />
            <source>'{value}' is not a receipt number (such as FORUM-2027-000042).</source>
            <translation>« {value} » n'est pas un numéro de reçu (comme FORUM-2027-000042).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipt_store.py" line="318" />
            <source>There is no receipt {id}.</source>
            <translation>Il n'y a aucun reçu {id}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipt_store.py" line="332" />
            <source>There is no receipt numbered {number}.</source>
            <translation>Il n'y a aucun reçu portant le numéro {number}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipts.py" line="141" />
            <source>Only money received (cash or card) gets a receipt.</source>
            <translation>Seul l'argent reçu (comptant ou carte) donne droit à un reçu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipts.py" line="147" />
            <source>The receipt's total {total} is not the payment {paid}.</source>
            <translation>Le total du reçu ({total}) ne correspond pas au paiement ({paid}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipts.py" line="262" />
            <source>There is no registration with the code {code}.</source>
            <translation>Il n'y a aucune inscription portant le code {code}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipts.py" line="309" />
            <source>No receipt was issued at the desk for registration {code} (payments made online are receipted by the online store).</source>
            <translation>Aucun reçu n'a été émis à l'accueil pour l'inscription {code} (les reçus des paiements en ligne sont émis par la boutique en ligne).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="108" />
            <source>The registration file has no ticket type or category column (Catégorie, Type de billet, Tarif, Product, Ticket Type…). Columns found: {headers}.</source>
            <translation>Le fichier d'inscriptions n'a pas de colonne de type de billet ou de catégorie (Catégorie, Type de billet, Tarif, Product, Ticket Type…). Colonnes trouvées : {headers}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="113" />
            <source>The category mapping names “{code}”, which is not a category of this event. Categories: {categories}.</source>
            <translation>La correspondance des catégories indique « {code} », qui n'est pas une catégorie de cet événement. Catégories : {categories}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="118" />
            <source>The category mapping has an empty ticket type (write PRODUCT=CODE).</source>
            <translation>La correspondance des catégories contient un type de billet vide (écrivez PRODUIT=CODE).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="121" />
            <source>Same registration as row {first}.</source>
            <translation>Même inscription qu'à la ligne {first}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="122" />
            <source>The file says this order is cancelled, but {name} ({code}) is already checked in: the registration stays active. Cancel it at the desk if that is right.</source>
            <translation>Le fichier indique que cette commande est annulée, mais l'arrivée de {name} ({code}) est déjà enregistrée : l'inscription reste active. Annulez-la au comptoir si c'est le cas.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="127" />
            <source>The code {code} already belongs to a registration of event {event}.</source>
            <translation>Le code {code} appartient déjà à une inscription de l'événement {event}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/importing.py" line="183" />
            <source>The file {file} holds registrations of {count} events ({events}): which rows belong to this event is a guess, so nothing was imported. Export one event at a time.</source>
            <translation>Le fichier {file} contient des inscriptions à {count} événements ({events}) : savoir quelles lignes appartiennent à cet événement serait une supposition, donc rien n'a été importé. Exportez un événement à la fois.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/import_consents.py" line="21" />
            <source>The event asks no consent '{code}' (its purposes: {purposes}).</source>
            <translation>L'événement ne demande aucun consentement « {code} » (ses fins : {purposes}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/import_consents.py" line="24" />
            <source>There is no column “{header}” in the file (its columns: {headers}).</source>
            <translation>Il n'y a pas de colonne « {header} » dans le fichier (ses colonnes : {headers}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/registration_rows.py" line="46" />
            <source>The row has no name.</source>
            <translation>La ligne n'a pas de nom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/registration_rows.py" line="47" />
            <source>The row has no ticket type or category. This event's categories: {categories}.</source>
            <translation>La ligne n'a ni type de billet ni catégorie. Catégories de cet événement : {categories}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/registration_rows.py" line="50" />
            <source>The ticket type “{product}” is none of this event's categories ({categories}). Map it with --map-category “{product}=CODE”.</source>
            <translation>Le type de billet « {product} » ne correspond à aucune catégorie de cet événement ({categories}). Associez-le avec --map-category "{product}=CODE".</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/registration_rows.py" line="55" />
            <source>The ticket type “{product}” is none of this event's categories; the closest is {closest}. Map it with --map-category “{product}=CODE” (categories: {categories}).</source>
            <translation>Le type de billet « {product} » n'est aucune des catégories de cet événement ; la plus proche est {closest}. Associez-le avec --map-category « {product}=CODE » (catégories : {categories}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/registration_rows.py" line="60" />
            <source>The amount paid “{text}” is negative.</source>
            <translation>Le montant payé « {text} » est négatif.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/registration_rows.py" line="86" />
            <source>The “{column}” value is {length} characters long; at most {limit} are accepted.</source>
            <translation>La valeur « {column} » compte {length} caractères ; au plus {limit} sont acceptés.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="47" />
            <source>The name or PIN is wrong.</source>
            <translation>Le nom ou le NIP est erroné.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="49" />
            <source>Too many wrong PINs for this name: wait {seconds} s, then try again (or ask a supervisor).</source>
            <translation>Trop de NIP erronés pour ce nom : attendez {seconds} s, puis réessayez (ou demandez à un superviseur).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="53" />
            <source>This account is locked after {count} wrong PINs. A supervisor unlocks it (Staff, F11).</source>
            <translation>Ce compte est verrouillé après {count} NIP erronés. Un superviseur le déverrouille (Personnel, F11).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="153" />
            <source>A PIN is made of digits only (0-9).</source>
            <translation>Un NIP ne contient que des chiffres (0-9).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="156" />
            <source>A PIN has {low} to {high} digits; this one has {count}.</source>
            <translation>Un NIP compte de {low} à {high} chiffres ; celui-ci en compte {count}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="170" />
            <source>Enter the staff member's name.</source>
            <translation>Entrez le nom du membre du personnel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="173" />
            <source>A staff name has at most {count} characters.</source>
            <translation>Le nom d'un membre du personnel compte au plus {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="258" />
            <source>Only an active supervisor can manage staff accounts.</source>
            <translation>Seul un superviseur actif peut gérer les comptes du personnel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="301" />
            <source>A supervisor must sign in to create staff accounts.</source>
            <translation>Un superviseur doit se connecter pour créer des comptes du personnel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="307" />
            <source>The first staff account must be a supervisor.</source>
            <translation>Le premier compte du personnel doit être celui d'un superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="313" />
            <source>There is already a staff member named '{name}'.</source>
            <translation>Il existe déjà un membre du personnel nommé « {name} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="48" />
            <source>The supervisor name or PIN is wrong.</source>
            <translation>Le nom ou le NIP du superviseur est erroné.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="182" />
            <source>Unknown role '{role}': choose desk, supervisor or exhibitor.</source>
            <translation>Rôle inconnu « {role} » : choisissez desk (accueil), supervisor (superviseur) ou exhibitor (exposant).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="197" />
            <source>{name} signed in for a lead station: a lead station cannot check anyone in or take a payment.</source>
            <translation>{name} est connecté à un poste de lecture de contacts : un tel poste ne peut ni enregistrer une arrivée ni encaisser un paiement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="292" />
            <source>An exhibitor account, and only one, names its exhibitor's code.</source>
            <translation>Un compte d'exposant, et lui seul, indique le code de son exposant.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="436" />
            <source>{name} is not an active supervisor.</source>
            <translation>{name} n'est pas un superviseur actif.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="479" />
            <source>There is no staff account {id}.</source>
            <translation>Il n'y a aucun compte du personnel {id}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="514" />
            <source>{name} is the last active supervisor; create another supervisor first.</source>
            <translation>{name} est le dernier superviseur actif ; créez d'abord un autre superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/staff.py" line="550" />
            <location filename="../../desktop_app/services/admin/staff.py" line="553" />
            <source>The current PIN is wrong.</source>
            <translation>Le NIP actuel est erroné.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/link_core.py" line="230" />
            <source>No shared server is connected.</source>
            <translation>Aucun serveur partagé n'est connecté.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/replay_facts.py" line="89" />
            <source>The desk's copy has no rows for action {action}.</source>
            <translation>La copie du poste n'a aucune ligne pour l'action {action}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/replay_apply.py" line="75" />
            <source>The server has no registration {code}.</source>
            <translation>Le serveur n'a aucune inscription {code}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/replica.py" line="221" />
            <source>{count} desk actions taken offline have not reached the server yet; send them before refreshing the desk's copy.</source>
            <translation>{count} actions de poste faites hors ligne ne sont pas encore parvenues au serveur ; envoyez-les avant de rafraîchir la copie du poste.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/replica.py" line="237" />
            <source>There is no event '{slug}' on the server.</source>
            <translation>Il n'y a aucun événement « {slug} » sur le serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/replica.py" line="248" />
            <source>A desk action was taken offline meanwhile; send it first.</source>
            <translation>Une action de poste a été faite hors ligne entre-temps ; envoyez-la d'abord.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="61" />
            <source>{why}: a supervisor must approve (--supervisor NAME --reason TEXT, the PIN on standard input).</source>
            <translation>{why} : un superviseur doit approuver (--supervisor NOM --reason TEXTE, le NIP sur l'entrée standard).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="67" />
            <location filename="../../desktop_app/services/desk/walkin.py" line="80" />
            <source>The member rate needs an active membership in a partner association</source>
            <translation>Le tarif membre exige une adhésion active à une association partenaire</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="70" />
            <location filename="../../desktop_app/services/desk/walkin.py" line="83" />
            <source>This category is not on sale now</source>
            <translation>Cette catégorie n'est pas en vente actuellement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="71" />
            <location filename="../../desktop_app/services/desk/walkin.py" line="84" />
            <source>A complimentary admission</source>
            <translation>Une entrée gratuite</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="285" />
            <source>--consent: this event asks no consent '{code}' (it asks: {codes}).</source>
            <translation>--consent : cet événement ne demande aucun consentement « {code} » (il demande : {codes}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/walkin.py" line="200" />
            <source>Enter the person's name.</source>
            <translation>Entrez le nom de la personne.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/walkin.py" line="230" />
            <source>The category '{code}' costs nothing: choose complimentary.</source>
            <translation>La catégorie « {code} » ne coûte rien : choisissez « gratuit ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/walkin.py" line="237" />
            <source>The amount {amount} is not the price of '{code}' ({total}).</source>
            <translation>Le montant {amount} n'est pas le prix de « {code} » ({total}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/walkin.py" line="254" />
            <source>The desk action {action} was already used for something else.</source>
            <translation>L'action de poste {action} a déjà servi pour autre chose.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/walkin.py" line="303" />
            <source>{email} is already registered to this event; find that registration, or confirm that this is another person.</source>
            <translation>{email} est déjà inscrit à cet événement ; trouvez cette inscription ou confirmez qu'il s'agit d'une autre personne.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="320" />
            <location filename="../../desktop_app/services/desk/walkin.py" line="312" />
            <source>No price category is on sale now.</source>
            <translation>Aucune catégorie de prix n'est en vente actuellement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="49" />
            <source>The server {host} does not accept connections from this computer for user {user} and database {database}: add the venue network to pg_hba.conf.</source>
            <translation>Le serveur {host} n'accepte pas les connexions de cet ordinateur pour l'utilisateur {user} et la base de données {database} : ajoutez le réseau du lieu à pg_hba.conf.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="62" />
            <source>The server refused the user name {user} or its password.</source>
            <translation>Le serveur a refusé le nom d'utilisateur {user} ou son mot de passe.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="69" />
            <source>There is no database {database} on the server {host}: create it first (see the venue server guide).</source>
            <translation>Il n'y a aucune base de données {database} sur le serveur {host} : créez-la d'abord (voir le guide du serveur du lieu).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="79" />
            <source>The server {host} did not answer within {seconds} seconds: check the host name, the network, and the firewall on the server.</source>
            <translation>Le serveur {host} n'a pas répondu en {seconds} secondes : vérifiez le nom d'hôte, le réseau et le pare-feu du serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="89" />
            <source>Nothing answers on {host} port {port}: is PostgreSQL running there, and listening on the network (listen_addresses)?</source>
            <translation>Rien ne répond sur {host}, port {port} : PostgreSQL y fonctionne-t-il, à l'écoute du réseau (listen_addresses)?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="99" />
            <source>The host name {host} is unknown on this network.</source>
            <translation>Le nom d'hôte {host} est inconnu sur ce réseau.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="103" />
            <source>Could not connect to the server {host}: {detail}</source>
            <translation>Impossible de se connecter au serveur {host} : {detail}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/server_check.py" line="118" />
            <source>A shared database must be a PostgreSQL server.</source>
            <translation>Une base de données partagée doit être un serveur PostgreSQL.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/failures.py" line="21" />
            <source>The database is busy: another program or desk is holding it. Nothing was changed; try again in a moment.</source>
            <translation>La base de données est occupée : un autre programme ou poste la retient. Rien n'a été modifié; réessayez dans un instant.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/failures.py" line="26" />
            <source>The disk is full: nothing was changed. Free some space on this computer, then try again.</source>
            <translation>Le disque est plein : rien n'a été modifié. Libérez de l'espace sur cet ordinateur, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/failures.py" line="30" />
            <source>The database cannot be written (read-only file or folder, or no permission): nothing was changed. Check where it lives, then try again.</source>
            <translation>Impossible d'écrire dans la base de données (fichier ou dossier en lecture seule, ou permission refusée) : rien n'a été modifié. Vérifiez son emplacement, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/failures.py" line="35" />
            <source>The disk could not be read or written ({reason}): nothing was changed. Check the disk (a USB key pulled out?), then try again.</source>
            <translation>Le disque n'a pas pu être lu ou écrit ({reason}) : rien n'a été modifié. Vérifiez le disque (une clé USB retirée?), puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/failures.py" line="40" />
            <source>The database file is damaged ({reason}). Nothing was changed. Restore the latest backup (passerelle restore) and tell the event manager.</source>
            <translation>Le fichier de la base de données est endommagé ({reason}). Rien n'a été modifié. Restaurez la dernière sauvegarde (passerelle restore) et prévenez le responsable de l'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/failures.py" line="45" />
            <source>The database server stopped answering ({reason}): nothing was changed. Check the network, then try again.</source>
            <translation>Le serveur de la base de données ne répond plus ({reason}) : rien n'a été modifié. Vérifiez le réseau, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/receipt_files.py" line="15" />
            <source>The receipt could not be saved to {path} ({reason}). Choose another folder.</source>
            <translation>Le reçu n'a pas pu être enregistré dans {path} ({reason}). Choisissez un autre dossier.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="234" />
            <source>'{value}' is not an amount.</source>
            <translation>« {value} » n'est pas un montant.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/reports/closing.py" line="45" />
            <source>A desk closing needs the desk's name.</source>
            <translation>Une fermeture de caisse doit indiquer le nom du poste.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/reports/closing.py" line="46" />
            <source>The cash counted and the opening float cannot be negative ({amount}).</source>
            <translation>L'argent compté et le fonds de caisse ne peuvent pas être négatifs ({amount}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/reports/closing.py" line="49" />
            <source>Desk {desk} was closed at the same moment from elsewhere. Look at its closings, then close again if something is left.</source>
            <translation>Le poste {desk} a été fermé au même moment ailleurs. Consultez ses fermetures, puis fermez de nouveau s'il reste quelque chose.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/reports/closing.py" line="54" />
            <source>Desk {desk} has no closing number {number} for this event.</source>
            <translation>Le poste {desk} n'a pas de fermeture numéro {number} pour cet événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/documents.py" line="41" />
            <source>{path}: the file name must end in {choices}.</source>
            <translation>{path} : le nom du fichier doit se terminer par {choices}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/documents.py" line="208" />
            <source>The export could not be written to {path} ({reason}). Choose another folder.</source>
            <translation>L'exportation n'a pas pu être écrite dans {path} ({reason}). Choisissez un autre dossier.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/__init__.py" line="134" />
            <source>This database has staff accounts: say who you are with --staff NAME.</source>
            <translation>Cette base de données a des comptes du personnel : indiquez qui vous êtes avec --staff NOM.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/__init__.py" line="144" />
            <source>There is no active staff account named '{name}'. See: passerelle staff list</source>
            <translation>Il n'y a pas de compte actif du personnel nommé « {name} ». Voir : passerelle staff list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/access.py" line="37" />
            <location filename="../../desktop_app/services/privacy/purge.py" line="373" />
            <source>No one with the email {email} is in this database.</source>
            <translation>Personne n'a le courriel {email} dans cette base de données.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/purge.py" line="374" />
            <source>An erasure needs a reason (the request).</source>
            <translation>Un effacement doit indiquer une raison (la demande).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/backup.py" line="62" />
            <source>The two passphrases differ; nothing was written.</source>
            <translation>Les deux phrases de passe diffèrent ; rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup_crypto.py" line="27" />
            <source>The passphrase is wrong, or {path} is damaged; nothing was restored.</source>
            <translation>La phrase de passe est erronée, ou {path} est endommagé ; rien n'a été restauré.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup_crypto.py" line="30" />
            <source>A backup passphrase has at least {count} characters (a few words are best).</source>
            <translation>Une phrase de passe de sauvegarde a au moins {count} caractères (quelques mots, c'est mieux).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="27" />
            <source>An incident needs a description of the information concerned.</source>
            <translation>Un incident doit décrire les renseignements visés.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="30" />
            <source>An incident needs its circumstances.</source>
            <translation>Un incident doit indiquer ses circonstances.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="31" />
            <source>An incident needs the assessment of the risk of serious injury.</source>
            <translation>Un incident doit indiquer l'évaluation du risque de préjudice sérieux.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="35" />
            <source>The incident cannot end ({end}) before it began ({start}).</source>
            <translation>L'incident ne peut pas finir ({end}) avant d'avoir commencé ({start}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="38" />
            <source>The number of people concerned cannot be negative.</source>
            <translation>Le nombre de personnes visées ne peut pas être négatif.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="39" />
            <source>There is no incident number {number}.</source>
            <translation>Il n'y a pas d'incident numéro {number}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="40" />
            <source>An amendment needs its reason.</source>
            <translation>Une modification doit indiquer sa raison.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/privacy/incidents.py" line="41" />
            <source>An incident has no field '{field}'.</source>
            <translation>Un incident n'a pas de champ « {field} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="47" />
            <source>--payment is required: say how it is paid (cash or card).</source>
            <translation>--payment est obligatoire : indiquez le mode de paiement (cash ou card).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="94" />
            <source>--amount is not given with --addon: the add-ons' price is charged.</source>
            <translation>--amount ne s'emploie pas avec --addon : le prix des suppléments est perçu.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="105" />
            <source>No registration {code} at event '{event}'.</source>
            <translation>Aucune inscription {code} à l'événement « {event} ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/receipt.py" line="115" />
            <source>{error} Receipt {number} is issued; reprint it.</source>
            <translation>{error} Le reçu {number} est émis; réimprimez-le.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/report.py" line="179" />
            <source>--{first} and --{second} name the same file {path}.</source>
            <translation>--{first} et --{second} désignent le même fichier {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/private_files.py" line="67" />
            <source>{option} is empty: give the name of the file to write.</source>
            <translation>{option} est vide : donnez le nom du fichier à écrire.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/private_files.py" line="68" />
            <source>{path} is a folder: give the name of a file in it; nothing was written.</source>
            <translation>{path} est un dossier : donnez le nom d'un fichier dans ce dossier; rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/private_files.py" line="71" />
            <source>{path} is not a regular file (a device, a pipe or a socket); Passerelle writes only regular files. Nothing was written.</source>
            <translation>{path} n'est pas un fichier ordinaire (un périphérique, un tube ou un socket); Passerelle n'écrit que des fichiers ordinaires. Rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/private_files.py" line="76" />
            <source>{path} already exists; add --force to replace it. Nothing was written.</source>
            <translation>{path} existe déjà; ajoutez --force pour le remplacer. Rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/private_files.py" line="79" />
            <source>There is no folder {folder} to write {path} in; nothing was written.</source>
            <translation>Le dossier {folder} où écrire {path} n'existe pas; rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/db/private_files.py" line="82" />
            <source>Cannot write {path}: {reason}.</source>
            <translation>Impossible d'écrire {path} : {reason}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_keys.py" line="39" />
            <source>Unknown key “{key}” at line {line} of {file} — did you mean “{closest}”?</source>
            <translation>Clé inconnue « {key} » à la ligne {line} de {file} — vouliez-vous dire « {closest} »?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_keys.py" line="42" />
            <source>Unknown key “{key}” at line {line} of {file}; the keys of {table} are: {known}.</source>
            <translation>Clé inconnue « {key} » à la ligne {line} de {file}; les clés de {table} sont : {known}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_keys.py" line="45" />
            <source>the event file</source>
            <translation>le fichier d'événement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/event_keys.py" line="46" />
            <source>the top level</source>
            <translation>le premier niveau</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup_check.py" line="25" />
            <source>{path} cannot be brought up to this version of Passerelle ({reason}); nothing was changed.</source>
            <translation>{path} ne peut pas être mis à niveau pour cette version de Passerelle ({reason}); rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup_check.py" line="29" />
            <source>{path} is not a whole Passerelle database ({count} tables or columns missing: {missing}); nothing was changed.</source>
            <translation>{path} n'est pas une base de données Passerelle complète ({count} tables ou colonnes manquantes : {missing}); rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/backup_check.py" line="34" />
            <source>{path} is damaged: {count} rows point to rows that are not there ({where}); nothing was changed.</source>
            <translation>{path} est endommagé : {count} lignes renvoient à des lignes absentes ({where}); rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/access.py" line="26" />
            <source>The event {event} has no exhibitor '{code}' (see [[exhibitors]] in its file).</source>
            <translation>L'événement {event} n'a pas d'exposant « {code} » (voir [[exhibitors]] dans son fichier).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/access.py" line="53" />
            <source>Only {exhibitor}'s own account (or a supervisor) works its lead station; '{name}' is not one.</source>
            <translation>Seul le compte de {exhibitor} (ou un superviseur) peut utiliser son poste de lecture de contacts ; « {name} » n'en est pas un.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/access.py" line="73" />
            <source>The event {event} does not ask the networking consent ([[consents]] with code = "networking"): no lead can be kept and no list made.</source>
            <translation>L'événement {event} ne demande pas le consentement au réseautage ([[consents]] avec code = "networking") : aucun contact ne peut être conservé et aucune liste produite.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/station.py" line="27" />
            <source>This person has not agreed to share their details: nothing was kept.</source>
            <translation>Cette personne n'a pas accepté de transmettre ses coordonnées : rien n'a été conservé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/station.py" line="102" />
            <source>A rating is 1 to 5 stars, not {rating}.</source>
            <translation>Une cote va de 1 à 5 étoiles, pas {rating}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/station.py" line="111" />
            <source>A note has at most {count} characters.</source>
            <translation>Une note a au plus {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/station.py" line="141" />
            <source>No registration for this event has this badge.</source>
            <translation>Aucune inscription à cet événement ne correspond à ce badge.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/station.py" line="282" />
            <source>This lead is not among yours.</source>
            <translation>Ce contact ne fait pas partie des vôtres.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/refunds.py" line="81" />
            <source>Nothing is owed back to {name}.</source>
            <translation>Rien n'est à rembourser à {name}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/money/refunds.py" line="86" />
            <source>{name} is owed {amount}, but no receipt of the desk is left to credit: refund it where it was paid (the online store).</source>
            <translation>{name} a droit à un remboursement de {amount}, mais aucun reçu de l'accueil ne reste à créditer : remboursez-le là où il a été payé (la boutique en ligne).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/importing/member_scan.py" line="92" />
            <source>The file {file} changed while it was being imported, so nothing was imported. Import it again once it is saved.</source>
            <translation>Le fichier {file} a changé pendant son importation : rien n'a été importé. Importez-le de nouveau une fois qu'il est enregistré.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/event_sessions.py" line="57" />
            <source>The session {code} has {count} check-ins; keep it in the event file.</source>
            <translation>La séance {code} a {count} arrivées enregistrées ; gardez-la dans le fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/admin/event_sessions.py" line="71" />
            <source>The session {code} is held by {count} registrations; keep it in the event file.</source>
            <translation>La séance {code} est détenue par {count} inscriptions ; gardez-la dans le fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/doors.py" line="165" />
            <source>{day} is not a day of this event (its days: {days}).</source>
            <translation>Le {day} n'est pas un jour de cet événement (ses jours : {days}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/doors.py" line="173" />
            <source>This event has no [[days]]: people are checked in once, not per day.</source>
            <translation>Cet événement n'a pas de [[days]] : l'arrivée s'enregistre une fois, pas chaque jour.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/doors.py" line="210" />
            <location filename="../../desktop_app/services/reports/sessions.py" line="80" />
            <source>There is no session '{code}' at this event ({codes}).</source>
            <translation>Il n'y a pas de séance « {code} » à cet événement ({codes}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/import_sessions.py" line="28" />
            <source>--map-session: {code} is not a session of this event (sessions: {sessions}).</source>
            <translation>--map-session : {code} n'est pas une séance de cet événement (séances : {sessions}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/import_sessions.py" line="31" />
            <source>The add-on “{product}” is not a session of this event. Map it with --map-session “{product}=CODE” (sessions: {sessions}).</source>
            <translation>Le supplément « {product} » n'est pas une séance de cet événement. Associez-le avec --map-session « {product}=CODE » (séances : {sessions}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/registrations/import_sessions.py" line="36" />
            <source>The add-on “{product}” belongs to no ticket of this file or event ({parent}).</source>
            <translation>Le supplément « {product} » n'appartient à aucun billet de ce fichier ni de cet événement ({parent}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/accounts.py" line="56" />
            <source>No event declares the exhibitor '{code}': add it to [[exhibitors]] in the event file first.</source>
            <translation>Aucun événement ne déclare l'exposant « {code} » : ajoutez-le d'abord à [[exhibitors]] dans le fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/lead_station.py" line="234" />
            <source>The server refused this lead: it can be dismissed, not changed.</source>
            <translation>Le serveur a refusé ce contact : on peut le retirer de la liste, pas le modifier.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/lead_station.py" line="242" />
            <source>The shared server is out of reach: scanning goes on, but this waits until it is back.</source>
            <translation>Le serveur partagé est injoignable : la lecture continue, mais ceci attend son retour.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/offline.py" line="193" />
            <source>This lead has just been sent to the server: pick it again in the list to change its rating or note.</source>
            <translation>Ce contact vient d'être envoyé au serveur : sélectionnez-le de nouveau dans la liste pour modifier sa cote ou sa note.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/errors.py" line="62" />
            <source>en</source>
            <translation>fr</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/leads/opening.py" line="21" />
            <source>The shared server cannot be reached, and this computer has no copy of the event for the lead station “{desk}” yet: start the station once while the server answers (check the venue's network and the server settings).</source>
            <translation>Le serveur partagé est injoignable, et cet ordinateur n'a pas encore de copie de l'événement pour le poste de lecture de contacts « {desk} » : démarrez le poste une première fois pendant que le serveur répond (vérifiez le réseau du lieu et les réglages du serveur).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/replay_movements.py" line="36" />
            <source>The server has no check-in for action {action}.</source>
            <translation>Le serveur n'a aucune arrivée enregistrée pour l'action {action}.</translation>
        </message>
    </context>
    <context>
        <name>AttendeeCardView</name>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="172" />
            <source>Type a name, company, email or code, or scan a badge or a confirmation.</source>
            <translation>Tapez un nom, une entreprise, un courriel ou un code, ou balayez un porte-nom ou une confirmation.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="187" />
            <source>No organization</source>
            <translation>Aucune organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="189" />
            <source>CANCELLED registration</source>
            <translation>Inscription ANNULÉE</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="192" />
            <source>{category} · due {due} · paid {paid}</source>
            <translation>{category} · dû {due} · payé {paid}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="199" />
            <source>&lt;b style='color:#b71c1c'&gt;balance due {amount}&lt;/b&gt;</source>
            <translation>&lt;b style='color:#b71c1c'&gt;solde dû {amount}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="204" />
            <source>&lt;b&gt;owed back {amount}&lt;/b&gt;</source>
            <translation>&lt;b&gt;à rembourser {amount}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="238" />
            <source>&lt;b style='color:#1b5e20'&gt;✔ Checked in&lt;/b&gt; at {time}, desk {desk}, by {staff}</source>
            <translation>&lt;b style='color:#1b5e20'&gt;✔ Arrivée enregistrée&lt;/b&gt; à {time}, poste {desk}, par {staff}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="236" />
            <source>Not checked in</source>
            <translation>Arrivée non enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="217" />
            <source>Entrance: {status}</source>
            <translation>Entrée : {status}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="220" />
            <source>Sessions: {sessions}</source>
            <translation>Séances : {sessions}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="222" />
            <source>Badges printed: {count}</source>
            <translation>Porte-noms imprimés : {count}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="224" />
            <source>Notes: {notes}</source>
            <translation>Notes : {notes}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="231" />
            <source>Consents: {answers}</source>
            <translation>Consentements : {answers}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="249" />
            <source>&lt;b&gt;⇤ Went out of {session}&lt;/b&gt; at {time} (came in at {first})</source>
            <translation>&lt;b&gt;⇤ Sorti de {session}&lt;/b&gt; à {time} (entré à {first})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="256" />
            <source>&lt;b style='color:#1b5e20'&gt;✔ Checked in to {session}&lt;/b&gt; at {time}, desk {desk}, by {staff}</source>
            <translation>&lt;b style='color:#1b5e20'&gt;✔ Arrivée enregistrée à {session}&lt;/b&gt; à {time}, poste {desk}, par {staff}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="265" />
            <source>&lt;b&gt;Registered for {session}&lt;/b&gt; · not in yet</source>
            <translation>&lt;b&gt;Inscrit à {session}&lt;/b&gt; · pas encore arrivé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="267" />
            <source>&lt;b style='color:#b71c1c'&gt;✖ Not registered for {session}&lt;/b&gt;</source>
            <translation>&lt;b style='color:#b71c1c'&gt;✖ Non inscrit à {session}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="271" />
            <source>{left} of {capacity} seats left</source>
            <translation>{left} places libres sur {capacity}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="298" />
            <source>Membership doubt: confirm before check-in</source>
            <translation>Adhésion incertaine : confirmez avant l'arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="302" />
            <source>Paid a member rate without an active membership</source>
            <translation>A payé le tarif membre sans adhésion active</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="307" />
            <source>Member: {associations}</source>
            <translation>Membre : {associations}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/card.py" line="309" />
            <source>Not a member of BIOQuébec or LSO</source>
            <translation>Non-membre (ni BIOQuébec ni LSO)</translation>
        </message>
    </context>
    <context>
        <name>BackupSettingsBox</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="71" />
            <source>Backup folder</source>
            <translation>Dossier de sauvegarde</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="83" />
            <source>Backups</source>
            <translation>Sauvegardes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="84" />
            <source>Backup f&amp;older</source>
            <translation>Dossier de sau&amp;vegarde</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="85" />
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoisir…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="86" />
            <source>&amp;Every</source>
            <translation>&amp;Toutes les</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="87" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="88" />
            <source>&amp;Keep the last</source>
            <translation>&amp;Garder les</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="89" />
            <source> backups</source>
            <translation> dernières sauvegardes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup_box.py" line="92" />
            <source>The desk copies its local database here while it works and when it closes. A USB key keeps a copy if this computer fails. A shared database is backed up on its server.</source>
            <translation>Le poste copie ici sa base de données locale pendant le travail et à la fermeture. Une clé USB garde une copie si cet ordinateur tombe en panne. Une base de données partagée est sauvegardée sur son serveur.</translation>
        </message>
    </context>
    <context>
        <name>BadgeJobs</name>
        <message>
            <location filename="../../desktop_app/ui/desk/badge_jobs.py" line="90" />
            <source>the name has characters no font has ({characters}); they would print as boxes. Correct the name (F2) or reprint and confirm (F6).</source>
            <translation>le nom contient des caractères qu'aucune police n'a ({characters}); ils s'imprimeraient comme des carrés vides. Corrigez le nom (F2) ou réimprimez en confirmant (F6).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/badge_jobs.py" line="119" />
            <source>Print with boxes?</source>
            <translation>Imprimer avec des carrés vides?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/badge_jobs.py" line="120" />
            <source>No font has these characters of the name: {characters}. They would print as empty boxes. Print the badge anyway?</source>
            <translation>Aucune police n'a ces caractères du nom : {characters}. Ils s'imprimeraient comme des carrés vides. Imprimer quand même le porte-nom?</translation>
        </message>
    </context>
    <context>
        <name>CheckIn</name>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="16" />
            <source>Checked in: {name}</source>
            <translation>Arrivée enregistrée : {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="17" />
            <source>Already checked in: {name}, at {at} at desk {desk} by {staff}. Nothing changed.</source>
            <translation>Arrivée déjà enregistrée : {name}, à {at} au poste {desk} par {staff}. Rien n'a changé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="20" />
            <source>Not found: no registration {code} at this event.</source>
            <translation>Introuvable : aucune inscription {code} à cet événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="21" />
            <source>Not found: {code} is a registration for another event ({event}).</source>
            <translation>Introuvable : {code} est une inscription à un autre événement ({event}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="24" />
            <source>Cancelled: the registration of {name} was cancelled.</source>
            <translation>Annulée : l'inscription de {name} a été annulée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="25" />
            <source>Payment due: {name} owes {balance}. Collect it or ask a supervisor.</source>
            <translation>Paiement dû : {name} doit {balance}. Encaissez-le ou faites appel à un superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="28" />
            <source>Membership doubt: confirm {name}'s membership or ask a supervisor.</source>
            <translation>Adhésion incertaine : confirmez l'adhésion de {name} ou faites appel à un superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="31" />
            <source>Checked in to {session}: {name}</source>
            <translation>Arrivée enregistrée à {session} : {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="32" />
            <source>Not registered for {session}: {name} does not hold it. Nothing changed.</source>
            <translation>Non inscrit à {session} : {name} n'y a pas droit. Rien n'a changé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="35" />
            <source>{session} is full: {taken} of {capacity}. A supervisor may override.</source>
            <translation>{session} est complet : {taken} sur {capacity}. Un superviseur peut passer outre.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="38" />
            <source>Left {session}: {name}</source>
            <translation>Sortie de {session} : {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="39" />
            <source>Back in {session}: {name}</source>
            <translation>De retour à {session} : {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="40" />
            <source>Not inside {session}: {name} has not come in or has gone out. Nothing changed.</source>
            <translation>Pas à l'intérieur de {session} : {name} n'est pas entré ou est déjà sorti. Rien n'a changé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="43" />
            <source>{name} is owed {amount}: refund it with a credit note on the desk's receipt.</source>
            <translation>{name} a droit à un remboursement de {amount} : remboursez-le par une note de crédit sur le reçu de l'accueil.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="46" />
            <source>{name} is owed {amount}: refund {here} with a credit note on the desk's receipt, the rest where it was paid (the online store).</source>
            <translation>{name} a droit à un remboursement de {amount} : remboursez {here} par une note de crédit sur le reçu de l'accueil, le reste là où il a été payé (la boutique en ligne).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/desk/checkin_outcome.py" line="51" />
            <source>{name} is owed {amount}: refund it where it was paid (the online store).</source>
            <translation>{name} a droit à un remboursement de {amount} : remboursez-le là où il a été payé (la boutique en ligne).</translation>
        </message>
    </context>
    <context>
        <name>ClosingDialog</name>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="138" />
            <source>since the last closing ({time})</source>
            <translation>depuis la dernière fermeture ({time})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="142" />
            <source>since the desk opened</source>
            <translation>depuis l'ouverture du poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="146" />
            <source>&lt;b&gt;{desk}&lt;/b&gt;, {since}: cash taken {cash}, refunded {refunded}; cards {cards} ({card_count}); {invoices} invoice(s); {comps} complimentary; {check_ins} check-ins including {walk_ins} walk-ins.</source>
            <translation>&lt;b&gt;{desk}&lt;/b&gt;, {since} : argent reçu {cash}, remboursé {refunded} ; cartes {cards} ({card_count}) ; {invoices} facture(s) ; {comps} gratuité(s) ; {check_ins} arrivées dont {walk_ins} inscriptions sur place.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="172" />
            <source>Reading what this desk did…</source>
            <translation>Lecture de l'activité du poste…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="175" />
            <source>Cash expected in the drawer: {expected}. Count it.</source>
            <translation>Argent attendu dans la caisse : {expected}. Comptez-le.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="182" />
            <source>Expected {expected}, counted {counted}: difference {gap}.</source>
            <translation>Attendu {expected}, compté {counted} : écart {gap}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="233" />
            <source>Closing #{number} stored. Difference {gap}. PDF to print and sign: {path}</source>
            <translation>Fermeture n° {number} enregistrée. Écart {gap}. PDF à imprimer et signer : {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="240" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="244" />
            <source>Close the day — {desk}</source>
            <translation>Fermer la journée — {desk}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="245" />
            <source>Count by denomination (optional)</source>
            <translation>Décompte par coupure (facultatif)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="246" />
            <source>Opening float:</source>
            <translation>Fonds de caisse :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="247" />
            <source>Cash counted (float included):</source>
            <translation>Argent compté (fonds inclus) :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="248" />
            <source>Note:</source>
            <translation>Note :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_dialog.py" line="249" />
            <source>Close the day</source>
            <translation>Fermer la journée</translation>
        </message>
    </context>
    <context>
        <name>ClosingSalesBox</name>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="50" />
            <source>Admissions</source>
            <translation>Admissions</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="64" />
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="64" />
            <source>Count</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="64" />
            <source>Before taxes</source>
            <translation>Avant taxes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="65" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="67" />
            <source>Total receipted</source>
            <translation>Total des reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/closing_sales.py" line="95" />
            <source>Receipted at this desk (admissions and add-ons)</source>
            <translation>Reçus émis à ce poste (admissions et suppléments)</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="216" />
            <source>No sync conflict: every desk's actions agreed.</source>
            <translation>Aucun conflit de synchronisation : les actions de tous les postes concordent.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="219" />
            <source>1 conflict between desks, settled by the rule in the guide.</source>
            <translation>1 conflit entre postes, réglé selon la règle du guide.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="222" />
            <source>{count} conflicts between desks, each settled by the rule in the guide.</source>
            <translation>{count} conflits entre postes, chacun réglé selon la règle du guide.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="229" />
            <source>The earliest check-in counts; both walk-ins and both payments are kept: cancel a duplicate walk-in and refund what was paid twice.</source>
            <translation>La première arrivée compte ; les deux inscriptions sur place et les deux paiements sont conservés : annulez l'inscription sur place en double et remboursez ce qui a été payé deux fois.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="236" />
            <source>Sync conflicts</source>
            <translation>Conflits de synchronisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="237" />
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="238" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="243" />
            <source>Sync conflicts are kept on the shared server; they can be reviewed when the desk is connected to it.</source>
            <translation>Les conflits de synchronisation sont conservés sur le serveur partagé ; on peut les consulter quand le poste y est connecté.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="250" />
            <source>Reading the conflicts…</source>
            <translation>Lecture des conflits…</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="77" />
            <source>Checked in at two desks</source>
            <translation>Arrivée enregistrée à deux postes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="78" />
            <source>Walk-in registered twice</source>
            <translation>Inscription sur place en double</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="79" />
            <source>Paid twice</source>
            <translation>Payé deux fois</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="80" />
            <source>Receipt number</source>
            <translation>Numéro de reçu</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="81" />
            <source>Checked in while cancelled</source>
            <translation>Arrivée enregistrée malgré l'annulation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="82" />
            <source>Refused by the server</source>
            <translation>Refusé par le serveur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="122" />
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="123" />
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="124" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="125" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="126" />
            <source>Desk</source>
            <translation>Poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/conflicts.py" line="127" />
            <source>What happened and what was kept</source>
            <translation>Ce qui s'est passé et ce qui a été conservé</translation>
        </message>
    </context>
    <context>
        <name>ConsentBox</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/consent_box.py" line="56" />
            <source>Consent</source>
            <translation>Consentement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/consent_box.py" line="58" />
            <source>Read each sentence to the person; tick only what they agree to.</source>
            <translation>Lisez chaque phrase à la personne ; cochez seulement ce qu'elle accepte.</translation>
        </message>
    </context>
    <context>
        <name>CreditDue</name>
        <message>
            <location filename="../../desktop_app/ui/desk/text.py" line="22" />
            <source>{name} is owed {amount} — F4: refund it with a credit note.</source>
            <translation>{name} a droit à un remboursement de {amount} — F4 : remboursez par une note de crédit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/text.py" line="26" />
            <source>{name} is owed {amount} — F4: refund {here} with a credit note; the rest was paid online: refund it there.</source>
            <translation>{name} a droit à un remboursement de {amount} — F4 : remboursez {here} par une note de crédit ; le reste a été payé en ligne : remboursez-le là.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/text.py" line="31" />
            <source>{name} is owed {amount} — paid online: refund it through the online store.</source>
            <translation>{name} a droit à un remboursement de {amount} — payé en ligne : remboursez-le par la boutique en ligne.</translation>
        </message>
    </context>
    <context>
        <name>DeskActions</name>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="98" />
            <source>Check in + print</source>
            <translation>Enregistrer l'arrivée + imprimer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="100" />
            <source>Check in</source>
            <translation>Enregistrer l'arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="105" />
            <source>Override</source>
            <translation>Dérogation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="106" />
            <source>Edit</source>
            <translation>Modifier</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="107" />
            <source>Substitute</source>
            <translation>Remplacer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="111" />
            <source>Refund</source>
            <translation>Rembourser</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="113" />
            <source>Collect balance</source>
            <translation>Encaisser le solde</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="117" />
            <source>Sell add-ons</source>
            <translation>Vendre des suppléments</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="122" />
            <source>Walk-in</source>
            <translation>Inscription sur place</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="123" />
            <source>Reprint badge</source>
            <translation>Réimprimer le porte-nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="124" />
            <source>Membership…</source>
            <translation>Adhésion…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="125" />
            <source>Undo check-in</source>
            <translation>Annuler l'arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="126" />
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="127" />
            <source>Staff</source>
            <translation>Personnel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="128" />
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="131" />
            <source>Sync conflicts…</source>
            <translation>Conflits de synchronisation…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="136" />
            <source>Receipts…</source>
            <translation>Reçus…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="138" />
            <source>Reports…</source>
            <translation>Rapports…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="140" />
            <source>Lead scanning…</source>
            <translation>Lecture de contacts…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="144" />
            <source>Close the day…</source>
            <translation>Fermer la journée…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="150" />
            <source>Privacy incidents…</source>
            <translation>Incidents de confidentialité…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="156" />
            <source>Sign in</source>
            <translation>Se connecter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="156" />
            <source>Sign out</source>
            <translation>Se déconnecter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="304" />
            <source>&amp;Desk</source>
            <translation>&amp;Poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/actions.py" line="312" />
            <source>{action} — key {key}</source>
            <translation>{action} — touche {key}</translation>
        </message>
    </context>
    <context>
        <name>DeskDecision</name>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="68" />
            <source>F7: decide the membership; F8: supervisor override.</source>
            <translation>F7 : statuer sur l'adhésion ; F8 : dérogation du superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="212" />
            <source>{name}: not a member of {association}.</source>
            <translation>{name} : non-membre de {association}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="214" />
            <source>{name}: member of {association} (proof shown).</source>
            <translation>{name} : membre de {association} (preuve présentée).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="218" />
            <source>{name}: member of {association} through {membership}.</source>
            <translation>{name} : membre de {association} par {membership}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="259" />
            <source>Membership decided</source>
            <translation>Décision d'adhésion enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="269" />
            <source>The decision was not recorded</source>
            <translation>La décision n'a pas été enregistrée</translation>
        </message>
    </context>
    <context>
        <name>DeskFlows</name>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="55" />
            <source>Reprint the badge?</source>
            <translation>Réimprimer le porte-nom?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="412" />
            <source>No badge printer is chosen (settings, F10): badge not printed.</source>
            <translation>Aucune imprimante à porte-noms n'est choisie (paramètres, F10) : porte-nom non imprimé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="56" />
            <source>The badge of {name} was already printed (badges printed: {count}). Print it again?</source>
            <translation>Le porte-nom de {name} a déjà été imprimé (porte-noms imprimés : {count}). L'imprimer de nouveau?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="126" />
            <source>That did not go through</source>
            <translation>L'opération n'a pas abouti</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="408" />
            <source>Printing the badge…</source>
            <translation>Impression du porte-nom…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="300" />
            <source>{name} owes {amount}. Check in without collecting it?</source>
            <translation>{name} doit {amount}. Enregistrer l'arrivée sans l'encaisser?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="226" />
            <source>{count} found. Choose the person, then press Enter.</source>
            <translation>{count} trouvé(s). Choisissez la personne, puis appuyez sur Entrée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="235" />
            <source>Scan not taken</source>
            <translation>Lecture non prise en compte</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="236" />
            <source>A window is open. Finish or close it, then scan again.</source>
            <translation>Une fenêtre est ouverte. Terminez-la ou fermez-la, puis lisez le code de nouveau.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="304" />
            <source>Every seat is taken ({taken} of {capacity}). Let {name} in anyway?</source>
            <translation>Toutes les places sont prises ({taken} sur {capacity}). Laisser entrer {name} quand même?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="308" />
            <source>{name}'s membership is in doubt. Check in at the price paid?</source>
            <translation>L'adhésion de {name} est incertaine. Enregistrer l'arrivée au prix payé?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="326" />
            <source>Why undo the check-in of {name}?</source>
            <translation>Pourquoi annuler l'arrivée de {name}?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="337" />
            <source>Check-in undone</source>
            <translation>Arrivée annulée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/balance.py" line="76" />
            <source>Paid</source>
            <translation>Payé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="421" />
            <source>Badge sent to {printer}.</source>
            <translation>Porte-nom envoyé à {printer}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="431" />
            <source>Badge not printed: {message}</source>
            <translation>Porte-nom non imprimé : {message}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/person_edit.py" line="66" />
            <source>Registration transferred</source>
            <translation>Inscription transférée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/person_edit.py" line="74" />
            <source>Saved</source>
            <translation>Enregistré</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/balance.py" line="62" />
            <source>{amount} received from {name}; receipt {number}.</source>
            <translation>{name} a payé {amount} ; reçu {number}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="399" />
            <source>Reprint: {name}</source>
            <translation>Réimpression : {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/flows.py" line="338" />
            <source>{name} is no longer checked in ({reason}).</source>
            <translation>L'arrivée de {name} est annulée ({reason}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/person_edit.py" line="67" />
            <source>{old} → {new}. Press Enter to check them in.</source>
            <translation>{old} → {new}. Appuyez sur Entrée pour enregistrer son arrivée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/person_edit.py" line="75" />
            <source>{name}'s details were corrected.</source>
            <translation>Les renseignements de {name} ont été corrigés.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/balance.py" line="70" />
            <source>Change due: {change}.</source>
            <translation>Monnaie à rendre : {change}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/walk_in.py" line="90" />
            <source>Walk-in checked in</source>
            <translation>Inscription sur place : arrivée enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/walk_in.py" line="99" />
            <source>Registration {code} created and paid.</source>
            <translation>Inscription {code} créée et payée.</translation>
        </message>
    </context>
    <context>
        <name>DeskHeader</name>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="186" />
            <source>Exit mode</source>
            <translation>Mode sortie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="188" />
            <source>Every scan records that the person went out of the session</source>
            <translation>Chaque lecture enregistre la sortie de la personne de la séance</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="211" />
            <source>Français</source>
            <translation>Français</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="212" />
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="215" />
            <source>supervisor</source>
            <translation>superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="215" />
            <source>desk staff</source>
            <translation>personnel d'accueil</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="218" />
            <source>{desk} · signed out</source>
            <translation>{desk} · déconnecté</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="220" />
            <source>{desk} · {staff} ({role})</source>
            <translation>{desk} · {staff} ({role})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="227" />
            <source>EXIT: {session} · {where}</source>
            <translation>SORTIE : {session} · {where}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="231" />
            <source>Admits: {session} · {where}</source>
            <translation>Admet : {session} · {where}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="237" />
            <source>… checked in</source>
            <translation>… arrivées</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="239" />
            <source>{checked} / {expected} checked in</source>
            <translation>{checked} / {expected} arrivées</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="244" />
            <source>{inside} inside now</source>
            <translation>{inside} à l'intérieur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="248" />
            <source>shared database</source>
            <translation>base partagée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="248" />
            <source>local database</source>
            <translation>base locale</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="254" />
            <source>The database cannot be reached: {location}</source>
            <translation>La base de données est injoignable : {location}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="271" />
            <source>backup failed</source>
            <translation>échec de la sauvegarde</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="272" />
            <source>The last backup to {folder} failed: {reason}</source>
            <translation>La dernière sauvegarde dans {folder} a échoué : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="276" />
            <source>Last good backup: {time}.</source>
            <translation>Dernière sauvegarde réussie : {time}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="280" />
            <source>last backup {time}</source>
            <translation>dernière sauvegarde {time}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="283" />
            <source>Backed up to {path}</source>
            <translation>Sauvegardé dans {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="288" />
            <source>no backup yet</source>
            <translation>aucune sauvegarde encore</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="290" />
            <source>A backup goes to {folder} every {minutes} min and at close.</source>
            <translation>Une sauvegarde est faite dans {folder} toutes les {minutes} min et à la fermeture.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="300" />
            <source>no badge printer</source>
            <translation>aucune imprimante</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="302" />
            <source>printer: a job failed</source>
            <translation>imprimante : un travail a échoué</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="304" />
            <source>printing…</source>
            <translation>impression…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="306" />
            <source>printer {name}</source>
            <translation>imprimante {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="308" />
            <source>printer {name} missing</source>
            <translation>imprimante {name} absente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/header.py" line="310" />
            <source>printer {name} paused</source>
            <translation>imprimante {name} en pause</translation>
        </message>
    </context>
    <context>
        <name>DeskLauncher</name>
        <message>
            <location filename="../../desktop_app/app.py" line="167" />
            <source>Preparing demo data…</source>
            <translation>Préparation des données de démonstration…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/app.py" line="169" />
            <source>Opening the database…</source>
            <translation>Ouverture de la base de données…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/app.py" line="202" />
            <source>Demo desk</source>
            <translation>Poste de démonstration</translation>
        </message>
        <message>
            <location filename="../../desktop_app/app.py" line="248" />
            <source>{name} works a lead station: start it with passerelle --leads.</source>
            <translation>{name} travaille à un poste de lecture de contacts : démarrez-le avec passerelle --leads.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/app.py" line="267" />
            <location filename="../../desktop_app/app.py" line="384" />
            <source>Demo: sign in as “{name}” with the PIN {pin}.</source>
            <translation>Démonstration : connectez-vous comme « {name} » avec le NIP {pin}.</translation>
        </message>
    </context>
    <context>
        <name>DeskRefund</name>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="142" />
            <source>No refund at this desk now</source>
            <translation>Aucun remboursement à cet accueil pour l'instant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="163" />
            <source>in cash</source>
            <translation>en argent comptant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="165" />
            <source>on the card</source>
            <translation>sur la carte</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="167" />
            <source>{amount} paid back to {name} {how}; credit note {numbers}.</source>
            <translation>{amount} remboursé à {name} {how} ; note de crédit {numbers}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="172" />
            <source>Refunded</source>
            <translation>Remboursé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="182" />
            <source>That did not go through</source>
            <translation>L'opération n'a pas abouti</translation>
        </message>
    </context>
    <context>
        <name>DeskWindow</name>
        <message>
            <location filename="../../desktop_app/ui/desk/supervisor.py" line="76" />
            <location filename="../../desktop_app/ui/desk/supervisor.py" line="96" />
            <source>Personal information to purge</source>
            <translation>Renseignements personnels à purger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/supervisor.py" line="77" />
            <source>The retention of {events} has passed: {people} people can be de-identified (names, emails, employers; counts and amounts stay for the reports) and {receipts} old receipts lose their buyer's name. Purge now?</source>
            <translation>La durée de conservation de {events} est passée : {people} personnes peuvent être dépersonnalisées (noms, courriels, employeurs ; les nombres et les montants restent pour les rapports) et {receipts} anciens reçus perdent le nom de l'acheteur. Purger maintenant ?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/supervisor.py" line="97" />
            <source>{people} people de-identified. Backups taken before still hold their information: destroy them (README, Privacy).</source>
            <translation>{people} personnes dépersonnalisées. Les sauvegardes prises avant contiennent encore leurs renseignements : détruisez-les (README, Privacy).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/window.py" line="438" />
            <source>Passerelle — {desk}</source>
            <translation>Passerelle — {desk}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="85" />
            <source>Cancelled registration</source>
            <translation>Inscription annulée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="86" />
            <source>Already checked in</source>
            <translation>Déjà enregistré</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="87" />
            <source>Payment due — F4</source>
            <translation>Paiement dû — F4</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="88" />
            <source>Membership doubt — F7</source>
            <translation>Adhésion incertaine — F7</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="89" />
            <source>Not registered for this session</source>
            <translation>Non inscrit à cette séance</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="90" />
            <source>Record the exit</source>
            <translation>Enregistrer la sortie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="91" />
            <source>Back in</source>
            <translation>De retour</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/main_button.py" line="92" />
            <source>Not inside</source>
            <translation>Pas à l’intérieur</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="125" />
            <source>For {association}: only its own members (and members of both), and other people only once they consented to share their information with it.</source>
            <translation>Pour {association} : seulement ses propres membres (et les membres des deux), et les autres personnes seulement si elles ont consenti à lui transmettre leurs renseignements.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="131" />
            <source>For the event's organizers: everyone. Do not send it to an association.</source>
            <translation>Pour les organisateurs de l'événement : tout le monde. Ne l'envoyez pas à une association.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="134" />
            <source>Counts and amounts only: no one's details.</source>
            <translation>Des nombres et des montants seulement : aucun renseignement personnel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="148" />
            <source>Save the report</source>
            <translation>Enregistrer le rapport</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="175" />
            <source>Writing…</source>
            <translation>Écriture…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="180" />
            <source>Saved {path} ({rows} rows).</source>
            <translation>Enregistré : {path} ({rows} lignes).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="195" />
            <source>No printer is available on this computer.</source>
            <translation>Aucune imprimante n'est disponible sur cet ordinateur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="199" />
            <source>Print the report</source>
            <translation>Imprimer le rapport</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="200" />
            <source>Printer (Letter paper):</source>
            <translation>Imprimante (papier Lettre) :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="221" />
            <source>Sent to {printer}.</source>
            <translation>Envoyé à {printer}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="223" />
            <source>Preparing…</source>
            <translation>Préparation…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="229" />
            <source>Attendance (counts, arrivals)</source>
            <translation>Présences (nombres, arrivées)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="230" />
            <source>Sales and taxes</source>
            <translation>Ventes et taxes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="231" />
            <source>Attendee list (everyone)</source>
            <translation>Liste des participants (tous)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="232" />
            <source>Attendee list (not arrived)</source>
            <translation>Liste des participants (pas encore arrivés)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="233" />
            <source>Attendee list (arrived)</source>
            <translation>Liste des participants (arrivés)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="234" />
            <source>Partnership (every event)</source>
            <translation>Partenariat (tous les événements)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="239" />
            <source>The event's organizers</source>
            <translation>Les organisateurs de l'événement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="248" />
            <source>Export or print a report</source>
            <translation>Exporter ou imprimer un rapport</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="249" />
            <source>Report:</source>
            <translation>Rapport :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="250" />
            <source>For:</source>
            <translation>Pour :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="251" />
            <source>Format:</source>
            <translation>Format :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="252" />
            <source>Headings in:</source>
            <translation>En-têtes en :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="253" />
            <source>Save…</source>
            <translation>Enregistrer…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/export_dialog.py" line="254" />
            <source>Print…</source>
            <translation>Imprimer…</translation>
        </message>
    </context>
    <context>
        <name>IncidentsDialog</name>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="155" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="155" />
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="188" />
            <source>Incident {number}: {count} version(s).</source>
            <translation>Incident {number} : {count} version(s).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="256" />
            <source>Nothing was changed in the form.</source>
            <translation>Rien n'a été changé dans le formulaire.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="275" />
            <source>Incident {number} saved (version {version}).</source>
            <translation>Incident {number} enregistré (version {version}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="283" />
            <source>Privacy incidents</source>
            <translation>Incidents de confidentialité</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="286" />
            <source>No.</source>
            <translation>N°</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="287" />
            <source>Since</source>
            <translation>Depuis</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="288" />
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="289" />
            <source>Serious risk</source>
            <translation>Risque sérieux</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="290" />
            <source>Commission notified</source>
            <translation>Commission avisée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="291" />
            <source>Information concerned</source>
            <translation>Renseignements visés</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="295" />
            <source>Information concerned:</source>
            <translation>Renseignements visés :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="296" />
            <source>Circumstances:</source>
            <translation>Circonstances :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="297" />
            <source>Began on:</source>
            <translation>Début :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="298" />
            <source>Ended on:</source>
            <translation>Fin :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="299" />
            <source>Learned of it on:</source>
            <translation>Connu de l'organisation le :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="300" />
            <source>People concerned:</source>
            <translation>Personnes visées :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="301" />
            <source>Risk of serious injury (assessment):</source>
            <translation>Risque de préjudice sérieux (évaluation) :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="302" />
            <source>Serious:</source>
            <translation>Sérieux :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="303" />
            <source>Commission (CAI) notified on:</source>
            <translation>Commission (CAI) avisée le :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="304" />
            <source>People notified on:</source>
            <translation>Personnes avisées le :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="305" />
            <source>Measures taken:</source>
            <translation>Mesures prises :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="306" />
            <source>Reason for the amendment:</source>
            <translation>Raison de la modification :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="310" />
            <source>yes: notify the Commission and the people concerned</source>
            <translation>oui : aviser la Commission et les personnes visées</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="311" />
            <source>New</source>
            <translation>Nouveau</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="312" />
            <source>Record as a new incident</source>
            <translation>Enregistrer comme nouvel incident</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/incidents_dialog.py" line="313" />
            <source>Amend the selected incident</source>
            <translation>Modifier l'incident choisi</translation>
        </message>
    </context>
    <context>
        <name>LeadScanning</name>
        <message>
            <location filename="../../desktop_app/ui/leads/from_desk.py" line="82" />
            <source>This event declares no exhibitor: add [[exhibitors]] to its event file.</source>
            <translation>Cet événement ne déclare aucun exposant : ajoutez [[exhibitors]] à son fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/from_desk.py" line="97" />
            <source>{name} is not {exhibitor}'s account: its lead station opens with the exhibitor's own account and PIN.</source>
            <translation>{name} n'est pas le compte de {exhibitor} : son poste de lecture de contacts s'ouvre avec le compte et le NIP de l'exposant.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/from_desk.py" line="132" />
            <location filename="../../desktop_app/ui/leads/from_desk.py" line="144" />
            <source>Lead scanning</source>
            <translation>Lecture de contacts</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/from_desk.py" line="132" />
            <source>Exhibitor:</source>
            <translation>Exposant :</translation>
        </message>
    </context>
    <context>
        <name>LeadStationWindow</name>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="171" />
            <source>Reading the badge…</source>
            <translation>Lecture du badge…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="189" />
            <source>Nothing was kept.</source>
            <translation>Rien n'a été conservé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="193" />
            <source>Lead kept on this computer: it is sent when the server is back.</source>
            <translation>Contact conservé sur cet ordinateur : il sera envoyé au retour du serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="195" />
            <source>Lead saved.</source>
            <translation>Contact enregistré.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="197" />
            <source>Scanned before: the same lead.</source>
            <translation>Déjà lu : le même contact.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="211" />
            <source>(no organization)</source>
            <translation>(sans organisation)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="217" />
            <source>Not sent: the server refused this lead. {reason}</source>
            <translation>Non envoyé : le serveur a refusé ce contact. {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="223" />
            <source>Agreed to share their details with exhibitors.</source>
            <translation>A accepté de transmettre ses coordonnées aux exposants.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="230" />
            <source>BIOQuébec member</source>
            <translation>Membre de BIOQuébec</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="231" />
            <source>LSO member</source>
            <translation>Membre de LSO</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="232" />
            <source>Member of BIOQuébec and LSO</source>
            <translation>Membre de BIOQuébec et de LSO</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="233" />
            <source>Not a member</source>
            <translation>Non-membre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="282" />
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="293" />
            <source>The shared server cannot be reached: the station opened from this computer's copy of the event. Leads are kept here and sent when it is back.</source>
            <translation>Le serveur partagé est injoignable : le poste s'est ouvert à partir de la copie de l'événement sur cet ordinateur. Les contacts sont conservés ici et envoyés au retour du serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="308" />
            <source>not sent</source>
            <translation>non envoyé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="310" />
            <source>waiting</source>
            <translation>en attente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="327" />
            <location filename="../../desktop_app/ui/leads/window.py" line="402" />
            <source>Your leads ({count})</source>
            <translation>Vos contacts ({count})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="342" />
            <source>Export the leads</source>
            <translation>Exporter les contacts</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="357" />
            <source>Exported {count} leads to {path}.</source>
            <translation>{count} contacts exportés dans {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="372" />
            <source>Lead station — {exhibitor}</source>
            <translation>Poste de lecture de contacts — {exhibitor}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="381" />
            <source>Scan a badge, or type its code and press Enter</source>
            <translation>Lisez un badge, ou tapez son code et appuyez sur Entrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="382" />
            <source>Scan</source>
            <translation>Lire</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="383" />
            <location filename="../../desktop_app/ui/leads/window.py" line="398" />
            <source>Rating</source>
            <translation>Cote</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="384" />
            <location filename="../../desktop_app/ui/leads/window.py" line="399" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="385" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="386" />
            <source>Dismiss</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="387" />
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="390" />
            <source>No rating</source>
            <translation>Sans cote</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="394" />
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="395" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="396" />
            <source>Organization</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/window.py" line="397" />
            <source>Membership</source>
            <translation>Adhésion</translation>
        </message>
    </context>
    <context>
        <name>LeadsLauncher</name>
        <message>
            <location filename="../../desktop_app/ui/leads/launcher.py" line="63" />
            <source>Opening the database…</source>
            <translation>Ouverture de la base de données…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/launcher.py" line="141" />
            <source>This event declares no exhibitor: add [[exhibitors]] to its event file.</source>
            <translation>Cet événement ne déclare aucun exposant : ajoutez [[exhibitors]] à son fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/launcher.py" line="155" />
            <source>Lead station</source>
            <translation>Poste de lecture de contacts</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/launcher.py" line="156" />
            <source>Exhibitor:</source>
            <translation>Exposant :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/launcher.py" line="176" />
            <source>Copying the event…</source>
            <translation>Copie de l'événement…</translation>
        </message>
    </context>
    <context>
        <name>LinkIndicator</name>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="220" />
            <source>offline — 1 action waiting</source>
            <translation>hors ligne — 1 action en attente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="222" />
            <source>offline — {count} actions waiting</source>
            <translation>hors ligne — {count} actions en attente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="225" />
            <source>The shared server cannot be reached. The desk keeps working on its own copy; what it does is kept and sent when the server is back. Undo, corrections, membership decisions and staff accounts wait until then.</source>
            <translation>Le serveur partagé est injoignable. Le poste continue de travailler sur sa propre copie ; ce qu'il fait est conservé et envoyé au retour du serveur. Les annulations, corrections, décisions d'adhésion et comptes du personnel attendent jusque-là.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="230" />
            <source>Last error: {error}</source>
            <translation>Dernière erreur : {error}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="234" />
            <source>shared — sending {count} waiting actions</source>
            <translation>partagée — envoi de {count} actions en attente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="236" />
            <source>shared database</source>
            <translation>base partagée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="238" />
            <source>Shared server: {server}</source>
            <translation>Serveur partagé : {server}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="241" />
            <source>local database</source>
            <translation>base locale</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="242" />
            <source>This desk works on its own database.</source>
            <translation>Ce poste travaille sur sa propre base de données.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/link_status.py" line="244" />
            <source>{count} refused (see Sync conflicts)</source>
            <translation>{count} refusée(s) (voir les conflits)</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="151" />
            <source>Enter your name.</source>
            <translation>Entrez votre nom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="154" />
            <source>Enter your PIN.</source>
            <translation>Entrez votre NIP.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="160" />
            <source>The two PINs differ. Type the PIN again.</source>
            <translation>Les deux NIP diffèrent. Tapez le NIP de nouveau.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="162" />
            <source>Creating the supervisor account…</source>
            <translation>Création du compte superviseur…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="171" />
            <source>Checking the PIN…</source>
            <translation>Vérification du NIP…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="227" />
            <source>Create the first supervisor</source>
            <translation>Créer le premier superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="230" />
            <source>This database has no staff accounts yet. Create the first supervisor: they can then add desk staff and other supervisors.</source>
            <translation>Cette base de données n'a encore aucun compte du personnel. Créez le premier superviseur : il pourra ensuite ajouter le personnel d'accueil et d'autres superviseurs.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="235" />
            <source>&amp;Create and sign in</source>
            <translation>&amp;Créer et se connecter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="238" />
            <source>Sign in</source>
            <translation>Se connecter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="239" />
            <source>Sign in with your name and PIN.</source>
            <translation>Connectez-vous avec votre nom et votre NIP.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="242" />
            <source>Demo data: sign in as Demo, PIN 1234 (a short PIN kept for the demo only; real accounts have 6 to 8 digits).</source>
            <translation>Données de démonstration : connectez-vous comme Demo, NIP 1234 (un NIP court gardé pour la démonstration seulement ; les vrais comptes ont de 6 à 8 chiffres).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="246" />
            <source>&amp;Sign in</source>
            <translation>&amp;Se connecter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="247" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="248" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="249" />
            <source>&amp;PIN</source>
            <translation>N&amp;IP</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="250" />
            <source>PIN &amp;again</source>
            <translation>NIP (con&amp;firmation)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="253" />
            <source>{low} to {high} digits</source>
            <translation>{low} à {high} chiffres</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/login.py" line="260" />
            <source>Opening the staff list…</source>
            <translation>Ouverture de la liste du personnel…</translation>
        </message>
    </context>
    <context>
        <name>MembershipDecisionDialog</name>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="83" />
            <source>Membership of {name}</source>
            <translation>Adhésion de {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="89" />
            <source>Which membership entitles {name} ({organization}) to the member rate?</source>
            <translation>Quelle adhésion donne droit au tarif membre à {name} ({organization})?</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="90" />
            <source>no organization</source>
            <translation>aucune organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="100" />
            <source>&amp;Reason (required):</source>
            <translation>&amp;Raison (obligatoire) :</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="103" />
            <source>e.g. showed a 2026 membership card</source>
            <translation>p. ex. a présenté une carte de membre 2026</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="111" />
            <source>Record the decision</source>
            <translation>Enregistrer la décision</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="152" />
            <source>This is their membership: {name} ({likeness})</source>
            <translation>C'est son adhésion : {name} ({likeness})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="157" />
            <source>member no. {number}</source>
            <translation>membre nº {number}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="166" />
            <source>expired on {date}</source>
            <translation>expirée le {date}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="168" />
            <source>valid until {date}</source>
            <translation>valide jusqu'au {date}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="137" />
            <source>Member of {association}: proof shown (e.g. membership card)</source>
            <translation>Membre de {association} : preuve présentée (p. ex. carte de membre)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/decision.py" line="144" />
            <source>Not a member of {association}</source>
            <translation>Non-membre de {association}</translation>
        </message>
    </context>
    <context>
        <name>MembershipVerdict</name>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="46" />
            <source>member no. {number}</source>
            <translation>membre nº {number}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="47" />
            <source>member no. {number} of '{holder}', not '{typed}' as typed: the number wins</source>
            <translation>membre nº {number} de « {holder} », et non « {typed} » comme tapé : le numéro l'emporte</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="51" />
            <source>personal email {email} on an individual membership</source>
            <translation>courriel personnel {email} d'une adhésion individuelle</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="54" />
            <source>via the organization's domain {domain} ({organization})</source>
            <translation>par le domaine de l'organisation {domain} ({organization})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="57" />
            <source>organization name '{typed}' matched '{organization}'</source>
            <translation>nom d'organisation « {typed} » correspondant à « {organization} »</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="60" />
            <source>organization name '{typed}' matched '{organization}' (score {score})</source>
            <translation>nom d'organisation « {typed} » correspondant à « {organization} » (score {score})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="63" />
            <source>{decision} by {who} on {when}: {reason}</source>
            <translation>{decision} par {who} le {when} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="64" />
            <source>decided a member by {who} on {when}: {reason}</source>
            <translation>déclaré membre par {who} le {when} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="67" />
            <source>decided not a member by {who} on {when}: {reason}</source>
            <translation>déclaré non-membre par {who} le {when} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="70" />
            <source>membership confirmed by {who} on {when}: {reason}</source>
            <translation>adhésion confirmée par {who} le {when} : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="79" />
            <source>valid until {date}</source>
            <translation>valide jusqu'au {date}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="80" />
            <source>expired on {date}</source>
            <translation>expirée le {date}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="81" />
            <source>valid from {date}</source>
            <translation>valide à partir du {date}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/membership_records.py" line="82" />
            <source>no end date</source>
            <translation>sans date de fin</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="23" />
            <source>{evidence}, {validity}</source>
            <translation>{evidence}, {validity}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="24" />
            <source>{association} — {evidence}</source>
            <translation>{association} — {evidence}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="25" />
            <source>membership expired on {date}</source>
            <translation>adhésion expirée le {date}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="26" />
            <source>possibly '{name}' ({likeness}): staff must confirm</source>
            <translation>peut-être « {name} » ({likeness}) : le personnel doit confirmer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="30" />
            <source>same name</source>
            <translation>même nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="31" />
            <source>close match</source>
            <translation>correspondance proche</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/stored_verdict.py" line="32" />
            <source>possible match</source>
            <translation>correspondance possible</translation>
        </message>
    </context>
    <context>
        <name>OutcomePanel</name>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="70" />
            <source>Checked in</source>
            <translation>Arrivée enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="71" />
            <source>Already checked in</source>
            <translation>Arrivée déjà enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="72" />
            <source>Not found</source>
            <translation>Introuvable</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="73" />
            <source>Cancelled registration</source>
            <translation>Inscription annulée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="74" />
            <source>Payment due — not checked in</source>
            <translation>Paiement dû — arrivée non enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="75" />
            <source>Membership doubt — not checked in</source>
            <translation>Adhésion incertaine — arrivée non enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="76" />
            <source>Not registered for this session</source>
            <translation>Non inscrit à cette séance</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="77" />
            <source>Session full — not checked in</source>
            <translation>Séance complète — arrivée non enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="78" />
            <source>Went out</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="79" />
            <source>Back in</source>
            <translation>De retour</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="80" />
            <source>Not inside — nothing recorded</source>
            <translation>Pas à l'intérieur — rien d'enregistré</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="252" />
            <source>Ready — scan a badge or type a name.</source>
            <translation>Prêt — balayez un porte-nom ou tapez un nom.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/outcome.py" line="178" />
            <source>Override by {supervisor}.</source>
            <translation>Dérogation accordée par {supervisor}.</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="137" />
            <source>Enter the supervisor's name.</source>
            <translation>Entrez le nom du superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="139" />
            <source>Enter the supervisor's PIN.</source>
            <translation>Entrez le NIP du superviseur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="141" />
            <source>Give the reason for the override; it is kept in the audit log.</source>
            <translation>Donnez la raison de la dérogation ; elle est conservée dans le journal d'audit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="143" />
            <source>Keep the reason under {count} characters.</source>
            <translation>La raison doit compter moins de {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="189" />
            <source>Checking the PIN…</source>
            <translation>Vérification du NIP…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="194" />
            <source>Supervisor override</source>
            <translation>Dérogation du superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="197" />
            <source>A supervisor allows this with their name and PIN. The override and its reason are written to the audit log.</source>
            <translation>Un superviseur l'autorise avec son nom et son NIP. La dérogation et sa raison sont inscrites au journal d'audit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="201" />
            <source>&amp;Supervisor</source>
            <translation>&amp;Superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="202" />
            <source>&amp;PIN</source>
            <translation>N&amp;IP</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="203" />
            <source>&amp;Reason</source>
            <translation>&amp;Raison</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="204" />
            <source>Why this is allowed</source>
            <translation>Pourquoi c'est autorisé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="205" />
            <source>&amp;Allow</source>
            <translation>&amp;Autoriser</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/override.py" line="206" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>PayCommand</name>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="39" />
            <source>{amount} received from {name} ({code}).</source>
            <translation>{amount} reçu de {name} ({code}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="40" />
            <source>Receipt {number}: {figures}.</source>
            <translation>Reçu {number} : {figures}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="41" />
            <source>Change due: {change}.</source>
            <translation>Monnaie à rendre : {change}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="42" />
            <source>Still owed: {balance}.</source>
            <translation>Reste dû : {balance}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="43" />
            <source>Receipt written to {path}.</source>
            <translation>Reçu écrit dans {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/pay.py" line="44" />
            <source>Reserved for {name} ({code}), free: nothing to pay, no receipt.</source>
            <translation>Réservé pour {name} ({code}), gratuit : rien à payer, aucun reçu.</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="174" />
            <source>Collect the balance</source>
            <translation>Encaisser le solde</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="176" />
            <source>{name} owes &lt;b&gt;{amount}&lt;/b&gt;.</source>
            <translation>{name} doit &lt;b&gt;{amount}&lt;/b&gt;.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="181" />
            <source>Cash</source>
            <translation>Comptant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="182" />
            <source>Card (venue terminal)</source>
            <translation>Carte (terminal du lieu)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="192" />
            <source>Print the receipt</source>
            <translation>Imprimer le reçu</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="197" />
            <source>Amount tendered</source>
            <translation>Montant remis</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="198" />
            <source>Change due</source>
            <translation>Monnaie à rendre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="200" />
            <source>Terminal reference</source>
            <translation>Référence du terminal</translation>
        </message>
    </context>
    <context>
        <name>PaymentPanel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="182" />
            <source>No price category is on sale now.</source>
            <translation>Aucune catégorie de prix n'est en vente actuellement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="190" />
            <source>The amount tendered is not an amount: type it as 50 or 50.00.</source>
            <translation>Le montant remis n'est pas un montant : tapez-le comme 50 ou 50,00.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="192" />
            <source>The cash tendered is less than the total ({total}).</source>
            <translation>L'argent remis est inférieur au total ({total}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="199" />
            <source>Type the card terminal's reference (on the slip).</source>
            <translation>Tapez la référence du terminal de paiement (sur le reçu de transaction).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="202" />
            <source>An invoice goes to an organization: type the organization.</source>
            <translation>Une facture est adressée à une organisation : tapez l'organisation.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="224" />
            <source>Leave empty if the exact amount is given.</source>
            <translation>Laissez vide si le montant exact est remis.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="228" />
            <source>Type an amount such as 50 or 50.00</source>
            <translation>Tapez un montant comme 50 ou 50,00</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="236" />
            <source>Short by {amount}</source>
            <translation>Il manque {amount}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="241" />
            <source>Change due: {amount}</source>
            <translation>Monnaie à rendre : {amount}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="249" />
            <source>Invoice to {organization}. Nothing is paid now: the balance stays due and no receipt is issued.</source>
            <translation>Facture adressée à {organization}. Rien n'est payé maintenant : le solde reste dû et aucun reçu n'est émis.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="255" />
            <source>An invoice goes to an organization: type the organization above.</source>
            <translation>Une facture est adressée à une organisation : tapez l'organisation ci-dessus.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="260" />
            <source>Ca&amp;sh</source>
            <translation>Co&amp;mptant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="261" />
            <source>Car&amp;d (venue terminal)</source>
            <translation>Car&amp;te (terminal du lieu)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="262" />
            <source>&amp;Invoice</source>
            <translation>&amp;Facture</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="263" />
            <source>Co&amp;mplimentary</source>
            <translation>Grat&amp;uit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="264" />
            <source>&amp;Tendered</source>
            <translation>Montant &amp;remis</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="265" />
            <source>Terminal &amp;reference</source>
            <translation>Référence &amp;du terminal</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="266" />
            <source>Authorization number on the slip</source>
            <translation>Numéro d'autorisation sur le reçu de transaction</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_payment.py" line="268" />
            <source>Complimentary admission: a supervisor approves it with their PIN.</source>
            <translation>Entrée gratuite : un superviseur l'approuve avec son NIP.</translation>
        </message>
    </context>
    <context>
        <name>PersonBox</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="113" />
            <source>Filled in from the membership found through the email address.</source>
            <translation>Rempli d'après l'adhésion trouvée par l'adresse courriel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="138" />
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="173" />
            <source>Best rate for this person</source>
            <translation>Meilleur tarif</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="153" />
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="156" />
            <source>&amp;First name</source>
            <translation>&amp;Prénom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="157" />
            <source>&amp;Last name</source>
            <translation>&amp;Nom de famille</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="158" />
            <source>&amp;Email</source>
            <translation>&amp;Courriel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="159" />
            <source>&amp;Organization</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="160" />
            <source>Member &amp;no.</source>
            <translation>Nº de mem&amp;bre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="161" />
            <source>C&amp;ategory</source>
            <translation>C&amp;atégorie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="162" />
            <source>Lan&amp;guage</source>
            <translation>Lan&amp;gue</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="166" />
            <source>If the person has their card</source>
            <translation>Si la personne a sa carte</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_person.py" line="167" />
            <source>Not stated</source>
            <translation>Non précisée</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="98" />
            <source>First name</source>
            <translation>Prénom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="99" />
            <source>Last name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="100" />
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="101" />
            <source>Organization</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="103" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="117" />
            <source>Substitute a colleague</source>
            <translation>Remplacer par un collègue</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="120" />
            <source>Who comes instead of {name}? The registration moves to them; {name} keeps their history. The membership is checked again for the newcomer.</source>
            <translation>Qui vient à la place de {name}? L'inscription lui est transférée ; {name} garde son historique. L'adhésion est vérifiée de nouveau pour la personne qui arrive.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="125" />
            <source>Edit {name}</source>
            <translation>Modifier {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="126" />
            <source>Correct the person's details. Every change is logged.</source>
            <translation>Corrigez les renseignements de la personne. Chaque modification est consignée.</translation>
        </message>
    </context>
    <context>
        <name>PrintProblemBar</name>
        <message>
            <location filename="../../desktop_app/ui/desk/print_bar.py" line="61" />
            <source>Save the badge as PDF</source>
            <translation>Enregistrer le porte-nom en PDF</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/print_bar.py" line="63" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/print_bar.py" line="92" />
            <source>The badge {code} did not print. {message}</source>
            <translation>Le porte-nom {code} ne s'est pas imprimé. {message}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/print_bar.py" line="96" />
            <source>Retry</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/print_bar.py" line="97" />
            <source>Save as PDF…</source>
            <translation>Enregistrer en PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/print_bar.py" line="98" />
            <source>Forget it</source>
            <translation>Ignorer</translation>
        </message>
    </context>
    <context>
        <name>QuotePanel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="174" />
            <source>No BIOQuébec or LSO membership found: guest</source>
            <translation>Aucune adhésion BIOQuébec ou LSO trouvée : non-membre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="176" />
            <source>No active membership: guest</source>
            <translation>Aucune adhésion active : non-membre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="191" />
            <source>{reason} — a supervisor must approve.</source>
            <translation>{reason} — un superviseur doit approuver.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="195" />
            <source>Price before taxes</source>
            <translation>Prix avant taxes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="205" />
            <source>+ {name} (taxes included)</source>
            <translation>+ {name} (taxes incluses)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="214" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="218" />
            <source>Taxes included in the price.</source>
            <translation>Taxes incluses dans le prix.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="227" />
            <source>checked in at {time}</source>
            <translation>arrivée enregistrée à {time}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="231" />
            <source>not checked in yet</source>
            <translation>arrivée pas encore enregistrée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="233" />
            <source>{email} is already registered to this event: {who}, {category}, code {code}, {state}.</source>
            <translation>{email} est déjà inscrit à cet événement : {who}, {category}, code {code}, {state}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="238" />
            <source>Membership</source>
            <translation>Adhésion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="239" />
            <source>&amp;Open that registration</source>
            <translation>Ou&amp;vrir cette inscription</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="240" />
            <source>This is another &amp;person with the same email</source>
            <translation>C'est une autre per&amp;sonne avec le même courriel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="249" />
            <source>Working out the price…</source>
            <translation>Calcul du prix…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_panels.py" line="257" />
            <source>No price category is on sale now.</source>
            <translation>Aucune catégorie de prix n'est en vente actuellement.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="40" />
            <source>Reason</source>
            <translation>Raison</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/forms.py" line="45" />
            <source>e.g. scanned the wrong badge</source>
            <translation>p. ex. mauvais porte-nom balayé</translation>
        </message>
    </context>
    <context>
        <name>ReceiptCommand</name>
        <message>
            <location filename="../../desktop_app/commands/receipt.py" line="150" />
            <source>Seat released: {session}.</source>
            <translation>Place libérée : {session}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/receipt.py" line="153" />
            <source>Seat kept: already checked in to {session}.</source>
            <translation>Place conservée : déjà enregistré à {session}.</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDelivery</name>
        <message>
            <location filename="../../desktop_app/ui/desk/receipt_output.py" line="54" />
            <source>Sending receipt {number} to {printer}…</source>
            <translation>Envoi du reçu {number} à {printer}…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/receipt_output.py" line="56" />
            <source>Saving receipt {number} as PDF…</source>
            <translation>Enregistrement du reçu {number} en PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/receipt_output.py" line="58" />
            <source>Receipt {number} sent to {printer}.</source>
            <translation>Reçu {number} envoyé à {printer}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/receipt_output.py" line="61" />
            <source>Receipt saved as PDF: {path} — not printed: {problem}</source>
            <translation>Reçu enregistré en PDF : {path} — non imprimé : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/receipt_output.py" line="65" />
            <source>Receipt saved as PDF (no receipt printer): {path}</source>
            <translation>Reçu enregistré en PDF (aucune imprimante à reçus) : {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/receipt_output.py" line="69" />
            <source>Receipt {number} was neither printed nor saved: {problem}</source>
            <translation>Le reçu {number} n'a été ni imprimé ni enregistré : {problem}</translation>
        </message>
    </context>
    <context>
        <name>ReceiptLookupDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="136" />
            <source>credit note on {number}</source>
            <translation>note de crédit sur {number}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="154" />
            <source>No receipt matches.</source>
            <translation>Aucun reçu ne correspond.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="193" />
            <source>Save the receipt as PDF</source>
            <translation>Enregistrer le reçu en PDF</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="193" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="208" />
            <source>Copy of receipt {number} saved as PDF: {path}</source>
            <translation>Copie du reçu {number} enregistrée en PDF : {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="228" />
            <source>Receipts</source>
            <translation>Reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="229" />
            <source>&amp;Find</source>
            <translation>&amp;Chercher</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="230" />
            <source>Receipt number, registration code or name</source>
            <translation>Numéro de reçu, code d'inscription ou nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="233" />
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="234" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="235" />
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="236" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="237" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="238" />
            <source>Credit notes</source>
            <translation>Notes de crédit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="241" />
            <source>&amp;Reprint (copy)</source>
            <translation>&amp;Réimprimer (copie)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="242" />
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Enregistrer en PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipts.py" line="243" />
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
    </context>
    <context>
        <name>ReceiptSettings</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="62" />
            <source>Receipt folder</source>
            <translation>Dossier des reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="74" />
            <source>Letter page (8.5 × 11 in)</source>
            <translation>Page Lettre (8,5 × 11 po)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="75" />
            <source>80 mm receipt roll (thermal printer)</source>
            <translation>Rouleau de reçus de 80 mm (imprimante thermique)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="79" />
            <source>Rece&amp;ipt paper</source>
            <translation>Pap&amp;ier des reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="80" />
            <source>Receipt fol&amp;der</source>
            <translation>&amp;Dossier des reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="81" />
            <source>Choo&amp;se…</source>
            <translation>Choi&amp;sir…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receipt_settings.py" line="84" />
            <source>Without a receipt printer, or when it fails, each receipt is saved here as a PDF only this computer's user can open (receipts hold personal information).</source>
            <translation>Sans imprimante à reçus, ou si elle est en panne, chaque reçu est enregistré ici en PDF, que seul l'utilisateur de cet ordinateur peut ouvrir (les reçus contiennent des renseignements personnels).</translation>
        </message>
    </context>
    <context>
        <name>RecentCheckIns</name>
        <message>
            <location filename="../../desktop_app/ui/desk/recent.py" line="85" />
            <source>Last check-ins at this desk (click to fix one)</source>
            <translation>Derniers enregistrements à ce poste (cliquez pour en corriger un)</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="68" />
            <source>Refund with a credit note</source>
            <translation>Rembourser par une note de crédit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="71" />
            <source>{name} is owed &lt;b&gt;{amount}&lt;/b&gt;. A credit note refers to the desk's receipt (the receipt itself never changes) and the money goes back now.</source>
            <translation>{name} a droit à un remboursement de &lt;b&gt;{amount}&lt;/b&gt;. Une note de crédit renvoie au reçu de l'accueil (le reçu lui-même ne change jamais) et l'argent est rendu maintenant.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="76" />
            <source>Cash</source>
            <translation>Comptant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="77" />
            <source>Card (venue terminal)</source>
            <translation>Carte (terminal du lieu)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="83" />
            <source>Member rate: membership confirmed</source>
            <translation>Tarif membre : adhésion confirmée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="85" />
            <source>Paid more than the registration costs</source>
            <translation>Payé plus que le prix de l'inscription</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="88" />
            <source>Print the credit note</source>
            <translation>Imprimer la note de crédit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="91" />
            <source>Paid back</source>
            <translation>Remboursé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="93" />
            <source>Reason</source>
            <translation>Raison</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/refund.py" line="98" />
            <source>Refund {amount}</source>
            <translation>Rembourser {amount}</translation>
        </message>
    </context>
    <context>
        <name>ReportCommand</name>
        <message>
            <location filename="../../desktop_app/commands/report.py" line="203" />
            <source>--session prints one session's counts (as text or --json), not files.</source>
            <translation>--session affiche les nombres d'une séance (en texte ou --json), pas de fichiers.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/report.py" line="206" />
            <source>{name} ({code}): {checked_in} checked in, {entitled} entitled.</source>
            <translation>{name} ({code}) : {checked_in} arrivées enregistrées, {entitled} ayants droit.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/report.py" line="209" />
            <source>Capacity {capacity}: {left} seats left.</source>
            <translation>Capacité {capacity} : {left} places restantes.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/report.py" line="210" />
            <source>{entries} entries (re-entries included); {inside} inside now.</source>
            <translation>{entries} entrées (retours compris) ; {inside} à l'intérieur en ce moment.</translation>
        </message>
    </context>
    <context>
        <name>ReportsWindow</name>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="283" />
            <source>&lt;b&gt;{checked_in}&lt;/b&gt; checked in of {expected} expected · {no_show} not yet arrived · {cancelled} cancelled · receipted {total}</source>
            <translation>&lt;b&gt;{checked_in}&lt;/b&gt; arrivés sur {expected} attendus · {no_show} pas encore arrivés · {cancelled} annulés · reçus {total}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="295" />
            <location filename="../../desktop_app/ui/reports/window.py" line="355" />
            <source>Updated {time}</source>
            <translation>Mis à jour à {time}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="334" />
            <source>Receipted total</source>
            <translation>Total des reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="340" />
            <source>Taxes on the receipts</source>
            <translation>Taxes des reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="344" />
            <source>Receipts {series}</source>
            <translation>Reçus {series}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="379" />
            <source>{shown} of {total} not yet arrived</source>
            <translation>{shown} sur {total} pas encore arrivés</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="411" />
            <source>Reports — {event}</source>
            <translation>Rapports — {event}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="413" />
            <source>Arrivals per quarter hour, by membership</source>
            <translation>Arrivées par quart d'heure, par adhésion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="414" />
            <source>No one has checked in yet.</source>
            <translation>Personne n'est encore arrivé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="415" />
            <source>By membership</source>
            <translation>Par adhésion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="416" />
            <source>By category</source>
            <translation>Par catégorie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="418" />
            <location filename="../../desktop_app/ui/reports/window.py" line="432" />
            <source>Membership</source>
            <translation>Adhésion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="418" />
            <location filename="../../desktop_app/ui/reports/window.py" line="421" />
            <source>Registered</source>
            <translation>Inscrits</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="418" />
            <location filename="../../desktop_app/ui/reports/window.py" line="421" />
            <source>Checked in</source>
            <translation>Arrivés</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="421" />
            <location filename="../../desktop_app/ui/reports/window.py" line="431" />
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="424" />
            <source>Payment method</source>
            <translation>Mode de paiement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="424" />
            <source>Count</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="424" />
            <source>Before taxes</source>
            <translation>Avant taxes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="424" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="428" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="429" />
            <source>Organization</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="430" />
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="435" />
            <source>Search the no-shows (name, organization, email)</source>
            <translation>Chercher parmi les absents (nom, organisation, courriel)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="436" />
            <source>Not yet arrived</source>
            <translation>Pas encore arrivés</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="437" />
            <source>Sales</source>
            <translation>Ventes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="438" />
            <source>Sessions</source>
            <translation>Séances</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="440" />
            <source>Export or print…</source>
            <translation>Exporter ou imprimer…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="441" />
            <source>Close the day…</source>
            <translation>Fermer la journée…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="442" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/window.py" line="443" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>ResultBox</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="69" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="71" />
            <source>&amp;Print the receipt</source>
            <translation>&amp;Imprimer le reçu</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="71" />
            <source>&amp;Save the receipt as PDF</source>
            <translation>&amp;Enregistrer le reçu en PDF</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="78" />
            <source>{name} is registered and checked in. Code {code}.</source>
            <translation>{name} est inscrit et son arrivée est enregistrée. Code {code}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="84" />
            <source>Receipt {number}: {total}.</source>
            <translation>Reçu {number} : {total}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="92" />
            <source>No receipt: nothing was paid now.</source>
            <translation>Aucun reçu : rien n'a été payé maintenant.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin_result.py" line="100" />
            <source>Change due: {amount}</source>
            <translation>Monnaie à rendre : {amount}</translation>
        </message>
    </context>
    <context>
        <name>ResultsModel</name>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="155" />
            <source>Balance due: {amount}</source>
            <translation>Solde dû : {amount}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="178" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="179" />
            <source>Member of</source>
            <translation>Membre de</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="180" />
            <source>Organization</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="181" />
            <source>Checked in</source>
            <translation>Arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="182" />
            <source>Due</source>
            <translation>Dû</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="147" />
            <source>cancelled</source>
            <translation>annulée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/results_model.py" line="159" />
            <source>Checked in at {time}</source>
            <translation>Arrivée enregistrée à {time}</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../../desktop_app/ui/desk/search.py" line="380" />
            <source>Search name, company, email or scan…</source>
            <translation>Nom, entreprise, courriel ou code à balayer…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/search.py" line="381" />
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/search.py" line="389" />
            <source>Esc clears the search. ↑ ↓ choose a person.</source>
            <translation>Échap efface la recherche. ↑ ↓ pour choisir une personne.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/search.py" line="392" />
            <source>No one matches “{query}”. Walk-in? Press F5.</source>
            <translation>Personne ne correspond à « {query} ». Inscription sur place? Appuyez sur F5.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/desk/search.py" line="398" />
            <source>“{query}”: {count} found</source>
            <translation>« {query} » : {count} trouvé(s)</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="118" />
            <location filename="../../desktop_app/ui/dialogs/server.py" line="224" />
            <source>Shared database</source>
            <translation>Base de données partagée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="119" />
            <source>&amp;Work on a shared database server (several desks)</source>
            <translation>Tra&amp;vailler sur un serveur de base de données partagée (plusieurs postes)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="122" />
            <source>The desk opens the shared database the next time Passerelle starts. The first desk creates the tables in an empty database; every desk keeps a copy of the event to work offline when the network fails.</source>
            <translation>Le poste ouvrira la base de données partagée au prochain démarrage de Passerelle. Le premier poste crée les tables dans une base vide ; chaque poste garde une copie de l'événement pour travailler hors ligne en cas de panne du réseau.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="127" />
            <source>&amp;Server</source>
            <translation>&amp;Serveur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="128" />
            <source>host name or IP address, e.g. 192.168.1.10</source>
            <translation>nom d'hôte ou adresse IP, p. ex. 192.168.1.10</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="129" />
            <source>&amp;Port</source>
            <translation>&amp;Port</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="130" />
            <source>&amp;Database</source>
            <translation>&amp;Base de données</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="131" />
            <source>&amp;User</source>
            <translation>&amp;Utilisateur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="132" />
            <source>Pass&amp;word</source>
            <translation>&amp;Mot de passe</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="134" />
            <source>kept (leave empty to keep it)</source>
            <translation>conservé (laissez vide pour le garder)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="136" />
            <source>&amp;Test connection</source>
            <translation>&amp;Tester la connexion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="137" />
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="138" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="141" />
            <source>The password is kept in this computer's password keyring.</source>
            <translation>Le mot de passe est conservé dans le trousseau de mots de passe de cet ordinateur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="146" />
            <source>This computer has no password keyring: the password is kept only until Passerelle closes, and asked again next time. It is never written to the settings file.</source>
            <translation>Cet ordinateur n'a pas de trousseau de mots de passe : le mot de passe n'est conservé que jusqu'à la fermeture de Passerelle et sera redemandé la prochaine fois. Il n'est jamais écrit dans le fichier de paramètres.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="167" />
            <location filename="../../desktop_app/ui/dialogs/server.py" line="201" />
            <source>Give the server, the database and the user first.</source>
            <translation>Indiquez d'abord le serveur, la base de données et l'utilisateur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="172" />
            <source>Connecting to {host}…</source>
            <translation>Connexion à {host}…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="177" />
            <source>Connected: PostgreSQL {version}.</source>
            <translation>Connecté : PostgreSQL {version}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="179" />
            <source>The database is empty: the first desk will create the tables.</source>
            <translation>La base de données est vide : le premier poste créera les tables.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="181" />
            <source>The database holds Passerelle's tables.</source>
            <translation>La base de données contient les tables de Passerelle.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="184" />
            <source>The database holds other tables but not Passerelle's: the first desk will add its tables next to them.</source>
            <translation>La base de données contient d'autres tables, mais pas celles de Passerelle : le premier poste ajoutera ses tables à côté.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/server.py" line="225" />
            <source>Password of {account}
(this computer has no password keyring: it is kept until Passerelle closes)</source>
            <translation>Mot de passe de {account}
(cet ordinateur n'a pas de trousseau de mots de passe : il est conservé jusqu'à la fermeture de Passerelle)</translation>
        </message>
    </context>
    <context>
        <name>SessionsTable</name>
        <message>
            <location filename="../../desktop_app/ui/reports/sessions_table.py" line="51" />
            <source>Session</source>
            <translation>Séance</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/sessions_table.py" line="52" />
            <source>Entitled</source>
            <translation>Ayants droit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/sessions_table.py" line="53" />
            <source>Checked in</source>
            <translation>Présents</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/sessions_table.py" line="54" />
            <source>Entries</source>
            <translation>Entrées</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/sessions_table.py" line="55" />
            <source>Inside now</source>
            <translation>Présents maintenant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/reports/sessions_table.py" line="56" />
            <source>Capacity</source>
            <translation>Capacité</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="340" />
            <source>ready</source>
            <translation>prête</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="341" />
            <source>printing</source>
            <translation>impression en cours</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="342" />
            <source>paused or in error</source>
            <translation>en pause ou en erreur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="343" />
            <source>not found on this computer</source>
            <translation>introuvable sur cet ordinateur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="356" />
            <source>No printer (save PDFs instead)</source>
            <translation>Aucune imprimante (enregistrer des PDF à la place)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="361" />
            <source> (default)</source>
            <translation> (par défaut)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="425" />
            <source>The next badge prints in cell {cell} of {cells}.</source>
            <translation>Le prochain porte-nom s'imprime dans la case {cell} sur {cells}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="441" />
            <source>Sending the alignment page to {printer}…</source>
            <translation>Envoi de la page d'alignement à {printer}…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="457" />
            <source>Save the alignment page</source>
            <translation>Enregistrer la page d'alignement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="459" />
            <source>PDF documents (*.pdf)</source>
            <translation>Documents PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="476" />
            <source>Alignment page saved to {path}.</source>
            <translation>Page d'alignement enregistrée dans {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="481" />
            <source>Alignment page sent to {printer}. Hold the printed page against a sheet of badges to the light: the outlines should match the cells.</source>
            <translation>Page d'alignement envoyée à {printer}. Superposez la page imprimée à une feuille de porte-noms, à contre-jour : les contours doivent coïncider avec les cases.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="498" />
            <source>The entrance (everyone registered)</source>
            <translation>L'entrée (toutes les personnes inscrites)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="505" />
            <source>Desk settings</source>
            <translation>Paramètres du poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="506" />
            <source>This desk</source>
            <translation>Ce poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="507" />
            <source>Badges</source>
            <translation>Porte-noms</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="508" />
            <source>Receipts</source>
            <translation>Reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="511" />
            <source>Shared data&amp;base…</source>
            <translation>&amp;Base de données partagée…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="512" />
            <source>&amp;Desk name</source>
            <translation>Nom du &amp;poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="513" />
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="516" />
            <source>Play a &amp;sound for each check-in result</source>
            <translation>Jouer un &amp;son pour chaque résultat d'arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="517" />
            <source>&amp;Lock when idle for</source>
            <translation>&amp;Verrouiller après une inactivité de</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="518" />
            <source>This desk &amp;admits</source>
            <translation>Ce poste &amp;admet</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="520" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="521" />
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="522" />
            <source>Badge &amp;printer</source>
            <translation>&amp;Imprimante à porte-noms</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="523" />
            <source>Badge s&amp;tock</source>
            <translation>Supp&amp;ort de porte-noms</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="524" />
            <source>Start at &amp;cell</source>
            <translation>Commencer à la &amp;case</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="526" />
            <source>On a partly used sheet, the first free cell (counted left to right).</source>
            <translation>Sur une feuille entamée, la première case libre (comptée de gauche à droite).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="528" />
            <source>Print the badge on &amp;check-in</source>
            <translation>Imprimer le porte-nom à l'&amp;arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="529" />
            <source>Print an &amp;alignment page</source>
            <translation>Imprimer une page d'alig&amp;nement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="530" />
            <source>Save it as P&amp;DF…</source>
            <translation>L'enregistrer en P&amp;DF…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="531" />
            <source>&amp;Refresh</source>
            <translation>Act&amp;ualiser</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="532" />
            <source>Receipt p&amp;rinter</source>
            <translation>I&amp;mprimante à reçus</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="533" />
            <source>Tick “print the &amp;receipt” after each payment</source>
            <translation>Cocher par défaut « imprimer le &amp;reçu » après chaque paiement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="539" />
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="540" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>SharedDesk</name>
        <message>
            <location filename="../../desktop_app/services/desk/desk.py" line="79" />
            <location filename="../../desktop_app/ui/desk/shared_mode.py" line="102" />
            <source>Not while offline: only check-ins, walk-ins, payments, add-on sales and badges are kept to be sent to the server. This comes back with the server.</source>
            <translation>Impossible hors ligne : seuls les arrivées, inscriptions sur place, paiements, ventes de suppléments et porte-noms sont conservés pour être envoyés au serveur. Cette fonction revient avec le serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/link.py" line="40" />
            <source>Free add-ons are reserved on the server only: this waits for it. Add-ons with a price are sold offline too.</source>
            <translation>Les suppléments gratuits se réservent seulement sur le serveur : cela attend son retour. Les suppléments payants se vendent aussi hors ligne.</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="236" />
            <source>Type the new staff member's name.</source>
            <translation>Tapez le nom du nouveau membre du personnel.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="241" />
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="307" />
            <source>The two PINs differ. Type the PIN again.</source>
            <translation>Les deux NIP diffèrent. Tapez le NIP de nouveau.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="248" />
            <source>No event declares an exhibitor: add [[exhibitors]] to its event file.</source>
            <translation>Aucun événement ne déclare d'exposant : ajoutez [[exhibitors]] à son fichier d'événement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="252" />
            <source>{name} can now sign in.</source>
            <translation>{name} peut maintenant se connecter.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="284" />
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="296" />
            <source>{name} can sign in again.</source>
            <translation>{name} peut de nouveau se connecter.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="286" />
            <source>{name} can no longer sign in.</source>
            <translation>{name} ne peut plus se connecter.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="311" />
            <source>{name}'s PIN is changed.</source>
            <translation>Le NIP de {name} est changé.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="325" />
            <source>&amp;Unlock</source>
            <translation>Déver&amp;rouiller</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="329" />
            <source>&amp;Reactivate</source>
            <translation>&amp;Réactiver</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="331" />
            <source>&amp;Deactivate</source>
            <translation>&amp;Désactiver</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="334" />
            <source>New PIN for {name}</source>
            <translation>Nouveau NIP pour {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="336" />
            <source>New PIN (select an account)</source>
            <translation>Nouveau NIP (choisissez un compte)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="343" />
            <source>Staff accounts</source>
            <translation>Comptes du personnel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="344" />
            <source>New account</source>
            <translation>Nouveau compte</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="346" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="347" />
            <source>R&amp;ole</source>
            <translation>Rô&amp;le</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="348" />
            <source>E&amp;xhibitor</source>
            <translation>E&amp;xposant</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="349" />
            <source>&amp;PIN</source>
            <translation>N&amp;IP</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="350" />
            <source>PIN &amp;again</source>
            <translation>NIP (&amp;confirmation)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="354" />
            <source>Desk staff</source>
            <translation>Personnel d'accueil</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="355" />
            <source>Supervisor</source>
            <translation>Superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="356" />
            <source>Exhibitor (lead station)</source>
            <translation>Exposant (poste de lecture de contacts)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="357" />
            <source>&amp;Add the account</source>
            <translation>&amp;Ajouter le compte</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="358" />
            <source>New P&amp;IN</source>
            <translation>Nou&amp;veau NIP</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="359" />
            <source>New PIN a&amp;gain</source>
            <translation>Confirma&amp;tion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="360" />
            <source>&amp;Set the PIN</source>
            <translation>&amp;Modifier le NIP</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="361" />
            <source>{low} to {high} digits</source>
            <translation>{low} à {high} chiffres</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff.py" line="366" />
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
    </context>
    <context>
        <name>StaffModel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="118" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="119" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="120" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="121" />
            <source>Created</source>
            <translation>Création</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="50" />
            <source>Supervisor</source>
            <translation>Superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="54" />
            <source>Exhibitor: {exhibitor}</source>
            <translation>Exposant : {exhibitor}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="57" />
            <source>Desk staff</source>
            <translation>Personnel d'accueil</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="91" />
            <source>Locked (wrong PINs)</source>
            <translation>Verrouillé (NIP erronés)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="93" />
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/staff_model.py" line="95" />
            <source>Deactivated</source>
            <translation>Désactivé</translation>
        </message>
    </context>
    <context>
        <name>StartDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="135" />
            <location filename="../../desktop_app/ui/dialogs/start.py" line="235" />
            <source>Loading the events…</source>
            <translation>Chargement des événements…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="189" />
            <source>There is no event in this database yet. The event manager adds one with “passerelle events import FILE”.</source>
            <translation>Cette base de données ne contient encore aucun événement. La personne responsable de l'événement en ajoute un avec « passerelle events import FICHIER ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="204" />
            <source>{start} to {end}</source>
            <translation>du {start} au {end}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="207" />
            <source>{checked_in} of {registrations} checked in</source>
            <translation>arrivées : {checked_in} sur {registrations}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="224" />
            <source>Start the desk</source>
            <translation>Démarrer le poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="225" />
            <source>Choose the event this desk works on and give the desk a name.</source>
            <translation>Choisissez l'événement de ce poste et donnez un nom au poste.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="226" />
            <source>&amp;Event</source>
            <translation>É&amp;vénement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="227" />
            <source>&amp;Desk name</source>
            <translation>Nom du &amp;poste</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="228" />
            <source>For example: Desk 2, main entrance</source>
            <translation>Par exemple : Poste 2, entrée principale</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="229" />
            <source>&amp;Retry</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="230" />
            <source>&amp;Start</source>
            <translation>&amp;Démarrer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/start.py" line="231" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>StationLinkLine</name>
        <message>
            <location filename="../../desktop_app/ui/leads/link_line.py" line="118" />
            <source>offline — 1 lead waiting</source>
            <translation>hors ligne — 1 contact en attente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/link_line.py" line="120" />
            <source>offline — {count} leads waiting</source>
            <translation>hors ligne — {count} contacts en attente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/link_line.py" line="124" />
            <source>The shared server cannot be reached. Scanning goes on from this computer's copy; the leads are kept here and sent when the server is back.</source>
            <translation>Le serveur partagé est injoignable. La lecture continue à partir de la copie de cet ordinateur ; les contacts sont conservés ici et envoyés au retour du serveur.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/link_line.py" line="131" />
            <source>sending {count} waiting leads…</source>
            <translation>envoi de {count} contacts en attente…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/link_line.py" line="137" />
            <source>1 lead was not sent: the server refused it (see the list).</source>
            <translation>1 contact n'a pas été envoyé : le serveur l'a refusé (voir la liste).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/leads/link_line.py" line="140" />
            <source>{count} leads were not sent: the server refused them (see the list).</source>
            <translation>{count} contacts n'ont pas été envoyés : le serveur les a refusés (voir la liste).</translation>
        </message>
    </context>
    <context>
        <name>SyncConflict</name>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="45" />
            <source>{name} was checked in at desk {desk} ({at}) and at desk {other_desk} ({other_at}) while the desks were apart; the earlier check-in counts.</source>
            <translation>L'arrivée de {name} a été enregistrée au poste {desk} ({at}) et au poste {other_desk} ({other_at}) pendant que les postes étaient déconnectés ; la première arrivée compte.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="50" />
            <source>{name} ({email}) was registered twice: {code} and {other_code}. Both are kept with their payments; cancel one and refund it.</source>
            <translation>{name} ({email}) a été inscrit deux fois : {code} et {other_code}. Les deux sont conservées avec leurs paiements ; annulez-en une et remboursez-la.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="55" />
            <source>{name} paid {amount} at desk {desk} while offline, but the balance was already settled: {overpaid} is owed back (credit note).</source>
            <translation>{name} a payé {amount} au poste {desk} hors ligne, mais le solde était déjà réglé : {overpaid} est à rembourser (note de crédit).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="60" />
            <source>Receipt {number} printed offline at desk {desk} for {name} is not on the server under that number: {reason}</source>
            <translation>Le reçu {number} imprimé hors ligne au poste {desk} pour {name} n'est pas sur le serveur sous ce numéro : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="65" />
            <source>{name} was checked in at desk {desk} ({at}) while offline, but the registration was cancelled.</source>
            <translation>L'arrivée de {name} a été enregistrée hors ligne au poste {desk} ({at}), mais l'inscription était annulée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="70" />
            <source>{name} was let into {session} at desk {desk} ({at}) while offline, but other desks had filled it meanwhile: {taken} people for {capacity} seats. The check-in is kept.</source>
            <translation>{name} a été admis à {session} hors ligne au poste {desk} ({at}), mais d'autres postes l'avaient rempli entre-temps : {taken} personnes pour {capacity} places. L'arrivée est conservée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="75" />
            <source>{name} was let into {session} at desk {desk} ({at}) while offline, but no longer holds it on the server. The check-in is kept.</source>
            <translation>{name} a été admis à {session} hors ligne au poste {desk} ({at}), mais n'y a plus droit sur le serveur. L'arrivée est conservée.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="80" />
            <source>{name} bought {session} at desk {desk} ({at}) while offline, but other desks had sold its last seats meanwhile: {taken} people for {capacity} seats. The seat is kept; refunding it (F4) releases it.</source>
            <translation>{name} a acheté {session} hors ligne au poste {desk} ({at}), mais d'autres postes en avaient vendu les dernières places entre-temps : {taken} personnes pour {capacity} places. La place est conservée ; la rembourser (F4) la libère.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="86" />
            <source>{name} bought {session} at desk {desk} ({at}) while offline, but already held it (sold at another desk too): {amount} is owed back (credit note).</source>
            <translation>{name} a acheté {session} hors ligne au poste {desk} ({at}), mais l'avait déjà (vendu aussi à un autre poste) : {amount} est à rembourser (note de crédit).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/services/sync/conflicts.py" line="91" />
            <source>An action taken offline at desk {desk} was refused by the server: {reason}</source>
            <translation>Une action faite hors ligne au poste {desk} a été refusée par le serveur : {reason}</translation>
        </message>
    </context>
    <context>
        <name>WalkInCommand</name>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="50" />
            <source>Registered and checked in: {name}, code {code}, category {category}.</source>
            <translation>Inscrit et enregistré : {name}, code {code}, catégorie {category}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="53" />
            <source>Membership: {marking}.</source>
            <translation>Adhésion : {marking}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="54" />
            <source>none found in a partner association</source>
            <translation>aucune trouvée dans une association partenaire</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="55" />
            <source>Receipt {number}: {figures}.</source>
            <translation>Reçu {number} : {figures}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="56" />
            <source>No receipt ({payment}): {figures}.</source>
            <translation>Aucun reçu ({payment}) : {figures}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="57" />
            <source>Change due: {change}.</source>
            <translation>Monnaie à rendre : {change}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="58" />
            <source>Receipt written to {path}.</source>
            <translation>Reçu écrit dans {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/commands/walkin.py" line="59" />
            <source>Add-on {name}: {figures}.</source>
            <translation>Supplément {name} : {figures}.</translation>
        </message>
    </context>
    <context>
        <name>WalkInDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="303" />
            <source>No price category is on sale now.</source>
            <translation>Aucune catégorie de prix n'est en vente actuellement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="313" />
            <source>Complimentary admission for {name}.</source>
            <translation>Entrée gratuite pour {name}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="316" />
            <source>{category} for {name}, who has no active membership in a partner association.</source>
            <translation>{category} pour {name}, qui n'a aucune adhésion active à une association partenaire.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="319" />
            <source>{category} is not on sale now.</source>
            <translation>{category} n'est pas en vente actuellement.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="336" />
            <source>Type the person's name.</source>
            <translation>Tapez le nom de la personne.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="341" />
            <source>Working out the price…</source>
            <translation>Calcul du prix…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="351" />
            <source>This email is already registered. Open that registration, or tick “another person with the same email”.</source>
            <translation>Ce courriel est déjà inscrit. Ouvrez cette inscription, ou cochez « autre personne avec le même courriel ».</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="383" />
            <source>Registering…</source>
            <translation>Inscription en cours…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="448" />
            <source>Add-ons</source>
            <translation>Suppléments</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="449" />
            <source>Walk-in registration</source>
            <translation>Inscription sur place</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="450" />
            <source>Membership and price</source>
            <translation>Adhésion et prix</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="451" />
            <source>Payment</source>
            <translation>Paiement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="453" />
            <source>&amp;Print the receipt</source>
            <translation>Imprimer &amp;le reçu</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="455" />
            <source>&amp;Close</source>
            <translation>Ferm&amp;er</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="455" />
            <source>&amp;Register and check in</source>
            <translation>&amp;Inscrire et enregistrer l'arrivée</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/walkin.py" line="456" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../desktop_app/ui/errors.py" line="29" />
            <source>Something went wrong inside Passerelle. Your work so far is saved. Please tell the event manager: {kind}</source>
            <translation>Une erreur s'est produite dans Passerelle. Votre travail jusqu'ici est enregistré. Veuillez aviser la personne responsable de l'événement : {kind}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/errors.py" line="44" />
            <source>Passerelle</source>
            <translation>Passerelle</translation>
        </message>
    </context>
    <context>
        <name>pricing</name>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="35" />
            <source>Active member of a partner association</source>
            <translation>Membre actif d'une association partenaire</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="36" />
            <source>Requires an active membership in a partner association of this event</source>
            <translation>Exige une adhésion active à une association partenaire de cet événement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="39" />
            <source>The membership held is not with a partner association of this event</source>
            <translation>L'adhésion détenue n'est pas auprès d'une association partenaire de cet événement</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="42" />
            <source>Open to everyone</source>
            <translation>Ouvert à tous</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="43" />
            <source>Open to everyone; this person is an active member of a partner association</source>
            <translation>Ouvert à tous ; cette personne est membre active d'une association partenaire</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="46" />
            <source>Open to anyone who meets this category's condition; staff check it</source>
            <translation>Ouvert à quiconque remplit la condition de cette catégorie ; le personnel la vérifie</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="49" />
            <source>Complimentary; needs a supervisor</source>
            <translation>Gratuit ; exige un superviseur</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="50" />
            <source>Not on sale yet</source>
            <translation>Pas encore en vente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="51" />
            <source>No longer on sale</source>
            <translation>N'est plus en vente</translation>
        </message>
        <message>
            <location filename="../../desktop_app/domain/pricing.py" line="52" />
            <source>Replaced by a rate for the current period</source>
            <translation>Remplacé par un tarif de la période en cours</translation>
        </message>
    </context>
</TS>
