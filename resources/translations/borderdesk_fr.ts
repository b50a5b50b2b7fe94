<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>(redacted)</source>
        <translation>(effacé)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>The camera is not working. Use the document scanner, or type the document in (F2). If it goes on, call the supervisor.</source>
        <translation>La caméra ne fonctionne pas. Utilisez le lecteur de documents, ou saisissez le document (F2). Si cela continue, appelez le superviseur.</translation>
    </message>
    <message>
        <source>The camera is disconnected. Trying to reconnect…</source>
        <translation>La caméra est déconnectée. Nouvelle tentative de connexion…</translation>
    </message>
    <message>
        <source>The camera cannot read documents on this desk (no OCR engine). Use the document scanner, or type the document in (F2).</source>
        <translation>La caméra ne peut pas lire les documents sur ce poste (pas de moteur OCR). Utilisez le lecteur de documents, ou saisissez le document (F2).</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>No camera. Use the document scanner, or type the document in (F2).</source>
        <translation>Pas de caméra. Utilisez le lecteur de documents, ou saisissez le document (F2).</translation>
    </message>
    <message>
        <source>Hold the document still</source>
        <translation>Tenez le document immobile</translation>
    </message>
    <message>
        <source>Glare: tilt the document</source>
        <translation>Reflet : inclinez le document</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Waiting for a document</source>
        <translation>En attente d&apos;un document</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Decide: the same person?</source>
        <translation>Décidez : la même personne ?</translation>
    </message>
    <message>
        <source>Record the disposition</source>
        <translation>Enregistrez la suite donnée</translation>
    </message>
    <message>
        <source>Finish the decision on the current document first.</source>
        <translation>Terminez d&apos;abord la décision sur le document en cours.</translation>
    </message>
    <message>
        <source>There is nothing to decide.</source>
        <translation>Il n&apos;y a rien à décider.</translation>
    </message>
    <message>
        <source>This is not a readable MRZ. Try again, or type the document in (F2).</source>
        <translation>Zone de lecture automatique (ZLA) illisible. Recommencez, ou saisissez le document (F2).</translation>
    </message>
    <message>
        <source>A disposition of &apos;other&apos; needs a note saying what happened.</source>
        <translation>La suite « autre » exige une note qui dit ce qui s&apos;est passé.</translation>
    </message>
    <message>
        <source>The check could not be completed ({error}). Try again; if it happens again, call the supervisor.</source>
        <translation>Le contrôle n&apos;a pas pu aboutir ({error}). Recommencez ; si cela se reproduit, appelez le superviseur.</translation>
    </message>
    <message>
        <source>Type in [F2]</source>
        <translation>Saisir [F2]</translation>
    </message>
    <message>
        <source>Next [{key}]</source>
        <translation>Suivant [{key}]</translation>
    </message>
    <message>
        <source>Hit log [F9]</source>
        <translation>Journal des signalements [F9]</translation>
    </message>
    <message>
        <source>Settings [F8]</source>
        <translation>Réglages [F8]</translation>
    </message>
    <message>
        <source>Lock [F10]</source>
        <translation>Verrouiller [F10]</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>The hit could not be written to the hit log. Call the supervisor.</source>
        <translation>Le signalement n&apos;a pas pu être inscrit au journal. Appelez le superviseur.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>en partie</translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation>DIFFÉRENT</translation>
    </message>
    <message>
        <source>other script</source>
        <translation>autre écriture</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>absent de la fiche</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>List record</source>
        <translation>Fiche de la liste</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>Too many wrong attempts: this badge is locked until {time}.</source>
        <translation>Trop d&apos;essais erronés : ce matricule est bloqué jusqu&apos;à {time}.</translation>
    </message>
    <message>
        <source>This badge is disabled. See your supervisor.</source>
        <translation>Ce matricule est désactivé. Voyez votre superviseur.</translation>
    </message>
    <message>
        <source>This needs the signed-in officer or a supervisor.</source>
        <translation>Il faut l&apos;agent connecté ou un superviseur.</translation>
    </message>
    <message>
        <source>Badge or PIN not recognised.</source>
        <translation>Matricule ou code non reconnu.</translation>
    </message>
    <message>
        <source>The users file cannot be read. Call the administrator.</source>
        <translation>Le fichier des utilisateurs est illisible. Appelez l&apos;administrateur.</translation>
    </message>
    <message>
        <source>Sign-in failed. Try again.</source>
        <translation>La connexion a échoué. Recommencez.</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>Code PIN ou mot de passe</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <source>Document code</source>
        <translation>Code du document</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>État de délivrance</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Select a hit</source>
        <translation>Choisissez un signalement</translation>
    </message>
    <message>
        <source>Document as read</source>
        <translation>Document tel que lu</translation>
    </message>
    <message>
        <source>List record</source>
        <translation>Fiche de la liste</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Comment (needed to correct)</source>
        <translation>Commentaire (obligatoire pour corriger)</translation>
    </message>
    <message>
        <source>disposition stands</source>
        <translation>la suite donnée est maintenue</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>Enregistrer l&apos;issue</translation>
    </message>
    <message>
        <source>Came back from the list owner:</source>
        <translation>Réponse du titulaire de la liste :</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>settled after %1</source>
        <translation>réglé après %1</translation>
    </message>
    <message>
        <source>waiting for confirmation for %1</source>
        <translation>en attente de confirmation depuis %1</translation>
    </message>
    <message>
        <source>%1 at desk %2 (%3), officer %4, read by %5. %6. Hit %7</source>
        <translation>%1 au poste %2 (%3), agent %4, lu par %5. %6. Signalement %7</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <source>redacted (retention period passed)</source>
        <translation>effacées (durée de conservation écoulée)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Conduite à tenir</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>disposition</source>
        <translation>suite donnée</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>issue</translation>
    </message>
    <message>
        <source>review</source>
        <translation>revue</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <source>ready</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>none</source>
        <translation>néant</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>EN PANNE</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>RECONNECTING</source>
        <translation>RECONNEXION</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>rejeu</translation>
    </message>
    <message>
        <source>NO OCR</source>
        <translation>PAS D&apos;OCR</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>clavier</translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <source>Same person: to secondary</source>
        <translation>Même personne : deuxième ligne</translation>
    </message>
    <message>
        <source>Held: confirmation asked</source>
        <translation>En attente de confirmation</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Pas la même personne</translation>
    </message>
    <message>
        <source>Other (write a note)</source>
        <translation>Autre (rédiger une note)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>days since expiry: {days}</source>
        <translation>jours depuis l&apos;expiration : {days}</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>expire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>days left: {days}</source>
        <translation>jours restants : {days}</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrigé</translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation>{age} ans</translation>
    </message>
    <message>
        <source>Read from: {source}</source>
        <translation>Lu par : {source}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Document type</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>État de délivrance</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom et prénoms</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Données facultatives</translation>
    </message>
    <message>
        <source>Optional data (line 2)</source>
        <translation>Données facultatives (ligne 2)</translation>
    </message>
    <message>
        <source>Composite</source>
        <translation>composite</translation>
    </message>
    <message>
        <source>Check digit</source>
        <translation>Chiffre de contrôle</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>all desks</source>
        <translation>tous les postes</translation>
    </message>
    <message>
        <source>all officers</source>
        <translation>tous les agents</translation>
    </message>
    <message>
        <source>all lists</source>
        <translation>toutes les listes</translation>
    </message>
    <message>
        <source>all levels</source>
        <translation>tous les niveaux</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>SIGNALEMENT</translation>
    </message>
    <message>
        <source>POSSIBLE MATCH</source>
        <translation>CONCORDANCE POSSIBLE</translation>
    </message>
    <message>
        <source>any disposition</source>
        <translation>toute suite donnée</translation>
    </message>
    <message>
        <source>reviewed or not</source>
        <translation>revu ou non</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>revu</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>non revu</translation>
    </message>
    <message>
        <source>Search names, documents, records, notes…</source>
        <translation>Chercher noms, documents, fiches, notes…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
</context>
<context>
    <name>HitTableModel</name>
    <message>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>lecteur de documents</translation>
    </message>
    <message>
        <source>typed by hand</source>
        <translation>saisie manuelle</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>SIGNALEMENT</translation>
    </message>
    <message>
        <source>POSSIBLE MATCH</source>
        <translation>CONCORDANCE POSSIBLE</translation>
    </message>
    <message>
        <source>no disposition yet</source>
        <translation>pas encore de suite donnée</translation>
    </message>
    <message>
        <source>confirmed, referred to secondary</source>
        <translation>confirmé, orienté en deuxième ligne</translation>
    </message>
    <message>
        <source>pending confirmation</source>
        <translation>en attente de confirmation</translation>
    </message>
    <message>
        <source>not the same person</source>
        <translation>pas la même personne</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>confirmed by the list owner</source>
        <translation>confirmé par le titulaire de la liste</translation>
    </message>
    <message>
        <source>record withdrawn</source>
        <translation>fiche retirée</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrigé</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>(redacted)</source>
        <translation>(effacé)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Suite donnée</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Attente</translation>
    </message>
</context>
<context>
    <name>ListState</name>
    <message>
        <source>OK</source>
        <translation>À JOUR</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>ATTENTION</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>PÉRIMÉES</translation>
    </message>
    <message>
        <source>NO LIST</source>
        <translation>AUCUNE LISTE</translation>
    </message>
    <message>
        <source>The lists are STALE: no hit is not reliable. Call the supervisor.</source>
        <translation>Les listes sont PÉRIMÉES : l&apos;absence de signalement n&apos;est pas fiable. Appelez le superviseur.</translation>
    </message>
    <message>
        <source>No watchlist is loaded: no hit is not reliable. Call the supervisor.</source>
        <translation>Aucune liste de surveillance chargée : l&apos;absence de signalement n&apos;est pas fiable. Appelez le superviseur.</translation>
    </message>
    <message>
        <source>The lists are getting old: sync them soon.</source>
        <translation>Les listes vieillissent : synchronisez-les bientôt.</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>Desk locked</source>
        <translation>Poste verrouillé</translation>
    </message>
    <message>
        <source>Unlock: your badge and PIN, or a supervisor&apos;s</source>
        <translation>Déverrouiller : votre matricule et votre code, ou ceux d&apos;un superviseur</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Another officer: sign in</source>
        <translation>Autre agent : se connecter</translation>
    </message>
    <message>
        <source>Signed in: {name} ({badge})</source>
        <translation>Connecté : {name} ({badge})</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode kiosque</translation>
    </message>
    <message>
        <source>Leaving kiosk mode needs a supervisor&apos;s badge and PIN.</source>
        <translation>Quitter le mode kiosque exige le matricule et le code d&apos;un superviseur.</translation>
    </message>
</context>
<context>
    <name>Manual</name>
    <message>
        <source>Passport (TD3)</source>
        <translation>Passeport (TD3)</translation>
    </message>
    <message>
        <source>Identity card (TD1)</source>
        <translation>Carte d&apos;identité (TD1)</translation>
    </message>
    <message>
        <source>Identity card (TD2)</source>
        <translation>Carte d&apos;identité (TD2)</translation>
    </message>
    <message>
        <source>Visa (MRV-A)</source>
        <translation>Visa (MRV-A)</translation>
    </message>
    <message>
        <source>Visa (MRV-B)</source>
        <translation>Visa (MRV-B)</translation>
    </message>
    <message>
        <source>Type in a document</source>
        <translation>Saisir un document</translation>
    </message>
    <message>
        <source>Type the fields as the document prints them, and the check digits where they can be read.</source>
        <translation>Saisissez les champs tels que le document les imprime, et les chiffres de contrôle lorsqu&apos;ils sont lisibles.</translation>
    </message>
    <message>
        <source>YYMMDD</source>
        <translation>AAMMJJ</translation>
    </message>
    <message>
        <source>Check this document</source>
        <translation>Contrôler ce document</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>unknown state code</source>
        <translation>code d&apos;État inconnu</translation>
    </message>
    <message>
        <source>letters only</source>
        <translation>lettres uniquement</translation>
    </message>
    <message>
        <source>M, F or X</source>
        <translation>M, F ou X</translation>
    </message>
    <message>
        <source>one or two letters</source>
        <translation>une ou deux lettres</translation>
    </message>
    <message>
        <source>letters, digits and &lt; only</source>
        <translation>lettres, chiffres et &lt; uniquement</translation>
    </message>
    <message>
        <source>six digits: YYMMDD</source>
        <translation>six chiffres : AAMMJJ</translation>
    </message>
    <message>
        <source>no such month</source>
        <translation>mois inexistant</translation>
    </message>
    <message>
        <source>no such day</source>
        <translation>jour inexistant</translation>
    </message>
    <message>
        <source>at most 9 characters</source>
        <translation>9 caractères au plus</translation>
    </message>
    <message>
        <source>wrong check digit: {digit} expected</source>
        <translation>chiffre de contrôle faux : {digit} attendu</translation>
    </message>
    <message>
        <source>check digit {digit}</source>
        <translation>chiffre de contrôle {digit}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>correct</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>EXPIRED on {date}</source>
        <translation>EXPIRÉ le {date}</translation>
    </message>
    <message>
        <source>The date of expiry cannot be read</source>
        <translation>La date d&apos;expiration est illisible</translation>
    </message>
    <message>
        <source>This MRZ has no date of expiry: read it on the document</source>
        <translation>Cette MRZ ne porte pas de date d&apos;expiration : lisez-la sur le document</translation>
    </message>
    <message>
        <source>Check digit fails: {field}</source>
        <translation>Chiffre de contrôle erroné : {field}</translation>
    </message>
    <message>
        <source>The date of birth is not before the date of expiry</source>
        <translation>La date de naissance n&apos;est pas antérieure à la date d&apos;expiration</translation>
    </message>
    <message>
        <source>Unknown state code: {field}</source>
        <translation>Code d&apos;État inconnu : {field}</translation>
    </message>
    <message>
        <source>Not a valid date: {field}</source>
        <translation>Date invalide : {field}</translation>
    </message>
    <message>
        <source>The sex code is not M, F or X</source>
        <translation>Le code du sexe n&apos;est ni M, ni F, ni X</translation>
    </message>
    <message>
        <source>The name holds digits</source>
        <translation>Le nom contient des chiffres</translation>
    </message>
    <message>
        <source>A misread character could not be repaired with certainty: {field}</source>
        <translation>Un caractère mal lu n&apos;a pas pu être corrigé avec certitude : {field}</translation>
    </message>
    <message>
        <source>A repaired character is not confirmed by a check digit: {field}</source>
        <translation>Un caractère corrigé n&apos;est pas confirmé par un chiffre de contrôle : {field}</translation>
    </message>
    <message>
        <source>The long document number is not well formed</source>
        <translation>Le numéro de document long est mal formé</translation>
    </message>
    <message>
        <source>Characters corrected from the read: {count}</source>
        <translation>Caractères corrigés à la lecture : {count}</translation>
    </message>
    <message>
        <source>Document problem: {code}</source>
        <translation>Anomalie du document : {code}</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>no name to compare</source>
        <translation>aucun nom à comparer</translation>
    </message>
    <message>
        <source>names differ</source>
        <translation>les noms diffèrent</translation>
    </message>
    <message>
        <source>surname and given names match</source>
        <translation>nom et prénoms concordent</translation>
    </message>
    <message>
        <source>surname matches</source>
        <translation>le nom concorde</translation>
    </message>
    <message>
        <source>surname matches; given names differ</source>
        <translation>le nom concorde ; les prénoms diffèrent</translation>
    </message>
    <message>
        <source>given names match; surname differs in part</source>
        <translation>les prénoms concordent ; le nom diffère en partie</translation>
    </message>
    <message>
        <source>name matches</source>
        <translation>le nom concorde</translation>
    </message>
    <message>
        <source>{name} ({notes})</source>
        <translation>{name} ({notes})</translation>
    </message>
    <message>
        <source>in another order</source>
        <translation>dans un autre ordre</translation>
    </message>
    <message>
        <source>with spelling variants</source>
        <translation>avec des variantes d'orthographe</translation>
    </message>
    <message>
        <source>a name spelt quite differently</source>
        <translation>un nom écrit assez différemment</translation>
    </message>
    <message>
        <source>a name missing</source>
        <translation>un nom manquant</translation>
    </message>
    <message>
        <source>truncated in the MRZ</source>
        <translation>tronqué dans la MRZ</translation>
    </message>
    <message>
        <source>the list&apos;s surname or first given name not on the document</source>
        <translation>le nom ou le premier prénom de la liste absent du document</translation>
    </message>
    <message>
        <source>{name}; alias {alias}</source>
        <translation>{name} ; alias {alias}</translation>
    </message>
    <message>
        <source>no birth date to compare</source>
        <translation>aucune date de naissance à comparer</translation>
    </message>
    <message>
        <source>birth date differs</source>
        <translation>la date de naissance diffère</translation>
    </message>
    <message>
        <source>birth year matches</source>
        <translation>l'année de naissance concorde</translation>
    </message>
    <message>
        <source>birth date matches</source>
        <translation>la date de naissance concorde</translation>
    </message>
    <message>
        <source>birth date same year and month</source>
        <translation>date de naissance : même année et même mois</translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation>date de naissance avec le jour et le mois inversés</translation>
    </message>
    <message>
        <source>birth date same year</source>
        <translation>date de naissance : même année</translation>
    </message>
    <message>
        <source>no birth date backs a name that lacks a surname or first given name</source>
        <translation>aucune date de naissance n'appuie un nom auquel manque un nom de famille ou le premier prénom</translation>
    </message>
    <message>
        <source>no birth date backs a surname or first given name spelt quite differently</source>
        <translation>aucune date de naissance n'appuie un nom ou un premier prénom écrit assez différemment</translation>
    </message>
    <message>
        <source>nationality matches</source>
        <translation>la nationalité concorde</translation>
    </message>
    <message>
        <source>nationality differs ({nationality} on the list)</source>
        <translation>la nationalité diffère ({nationality} sur la liste)</translation>
    </message>
    <message>
        <source>sex differs</source>
        <translation>le sexe diffère</translation>
    </message>
    <message>
        <source>no birth date to confirm it: a possible match at most</source>
        <translation>aucune date de naissance pour le confirmer : correspondance possible au plus</translation>
    </message>
    <message>
        <source>listed as {status}</source>
        <translation>signalé comme {status}</translation>
    </message>
    <message>
        <source>listed as {status}, reported {reported}</source>
        <translation>signalé comme {status}, le {reported}</translation>
    </message>
    <message>
        <source>stolen</source>
        <translation>volé</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdu</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>invalidé</translation>
    </message>
    <message>
        <source>document number {number} of {state} is {listed}</source>
        <translation>le document numéro {number} de {state} est {listed}</translation>
    </message>
    <message>
        <source>the same document number {number} is {listed} under issuing state {listed_state}, not {state}</source>
        <translation>le même numéro de document {number} est {listed} sous l'État émetteur {listed_state}, non {state}</translation>
    </message>
    <message>
        <source>the same document number {number} is {listed} under issuing state {listed_state}, not the state read</source>
        <translation>le même numéro de document {number} est {listed} sous l'État émetteur {listed_state}, non l'État lu</translation>
    </message>
    <message>
        <source>near number {number} of the same state is {listed}</source>
        <translation>le numéro voisin {number} du même État est {listed}</translation>
    </message>
    <message>
        <source>near number {number} under issuing state {listed_state} is {listed}</source>
        <translation>le numéro voisin {number} sous l'État émetteur {listed_state} est {listed}</translation>
    </message>
    <message>
        <source>the number as read {number} of the same state is {listed}</source>
        <translation>le numéro tel que lu {number} du même État est {listed}</translation>
    </message>
    <message>
        <source>the number as read {number} under issuing state {listed_state} is {listed}</source>
        <translation>le numéro tel que lu {number} sous l'État émetteur {listed_state} est {listed}</translation>
    </message>
    <message>
        <source>one OCR look-alike from the number read (&apos;{read}&apos; at position {position} taken as &apos;{alt}&apos;); the document number check digit fails</source>
        <translation>à une confusion OCR du numéro lu (« {read} » en position {position} pris pour « {alt} ») ; le chiffre de contrôle du numéro de document est faux</translation>
    </message>
    <message>
        <source>one OCR look-alike from the number read (&apos;{read}&apos; at position {position} taken as &apos;{alt}&apos;); the check digit cannot tell &apos;{read}&apos; from &apos;{alt}&apos;</source>
        <translation>à une confusion OCR du numéro lu (« {read} » en position {position} pris pour « {alt} ») ; le chiffre de contrôle ne distingue pas « {read} » de « {alt} »</translation>
    </message>
    <message>
        <source>the reader read {read} and corrected it to {number}: {corrections}</source>
        <translation>le lecteur a lu {read} et l'a corrigé en {number} : {corrections}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Hit log review</source>
        <translation>Revue du journal des signalements</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Open national log…</source>
        <translation>Ouvrir le journal national…</translation>
    </message>
    <message>
        <source>Back to this desk&apos;s log</source>
        <translation>Revenir au journal de ce poste</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Signalements</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>National log: %1</source>
        <translation>Journal national : %1</translation>
    </message>
    <message>
        <source>This desk&apos;s log: %1</source>
        <translation>Journal de ce poste : %1</translation>
    </message>
    <message>
        <source>%1 of %2 hits</source>
        <translation>%1 signalements sur %2</translation>
    </message>
    <message>
        <source>The chain verifies: %1 entries checked.</source>
        <translation>La chaîne est intègre : %1 entrées vérifiées.</translation>
    </message>
    <message>
        <source>THE CHAIN IS BROKEN: %1</source>
        <translation>LA CHAÎNE EST ROMPUE : %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>National log</source>
        <translation>Journal national</translation>
    </message>
    <message>
        <source>PostgreSQL URL of the national log:</source>
        <translation>URL PostgreSQL du journal national :</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>Exporter le rapport PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Desk settings</source>
        <translation>Réglages du poste</translation>
    </message>
    <message>
        <source>(no serial scanner)</source>
        <translation>(pas de lecteur sur port série)</translation>
    </message>
    <message>
        <source>Scanner on serial port</source>
        <translation>Lecteur de documents sur le port série</translation>
    </message>
    <message>
        <source>The &quot;next&quot; key (or foot pedal)</source>
        <translation>La touche « suivant » (ou la pédale)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Lock after idle (0: never)</source>
        <translation>Verrouiller après inactivité (0 : jamais)</translation>
    </message>
    <message>
        <source>Sound the alert on a HIT</source>
        <translation>Alerte sonore lors d&apos;un signalement</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>No sync source is configured.</source>
        <translation>Aucune source de synchronisation n&apos;est configurée.</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>Listes de surveillance</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Syncing the lists…</source>
        <translation>Synchronisation des listes…</translation>
    </message>
    <message>
        <source>The sync failed: {reason}</source>
        <translation>La synchronisation a échoué : {reason}</translation>
    </message>
    <message>
        <source>Lists updated to version {version}.</source>
        <translation>Listes mises à jour en version {version}.</translation>
    </message>
    <message>
        <source>The lists are up to date (version {version}).</source>
        <translation>Les listes sont à jour (version {version}).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré : {reason}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Desk {desk} · {checkpoint}</source>
        <translation>Poste {desk} · {checkpoint}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Demo desk. Sign in as:</source>
        <translation>Poste de démonstration. Connectez-vous comme :</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>{role}: badge {badge}, PIN {pin}</source>
        <translation>{role} : matricule {badge}, code {pin}</translation>
    </message>
    <message>
        <source>No user can sign in at this desk yet. The administrator creates the first supervisor with: borderdesk users add BADGE --role supervisor</source>
        <translation>Personne ne peut encore se connecter à ce poste. L&apos;administrateur crée le premier superviseur avec : borderdesk users add BADGE --role supervisor</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>lecteur de documents</translation>
    </message>
    <message>
        <source>typed by hand</source>
        <translation>saisie manuelle</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>%1 hits, %2 reviewed, %3 waiting for confirmation. Possible matches judged not the same person: %4.</source>
        <translation>%1 signalements, %2 revus, %3 en attente de confirmation. Concordances possibles jugées « pas la même personne » : %4.</translation>
    </message>
    <message>
        <source>Hits per day</source>
        <translation>Signalements par jour</translation>
    </message>
    <message>
        <source>Hits per month</source>
        <translation>Signalements par mois</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>signalements</translation>
    </message>
    <message>
        <source>Hits per list</source>
        <translation>Signalements par liste</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Suites données</translation>
    </message>
    <message>
        <source>Checks per hour of the day (UTC)</source>
        <translation>Contrôles par heure de la journée (UTC)</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>AUCUN SIGNALEMENT</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} j</translation>
    </message>
    <message>
        <source>Officer {name}</source>
        <translation>Agent {name}</translation>
    </message>
    <message>
        <source>Desk {desk}</source>
        <translation>Poste {desk}</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>v{version}</source>
        <translation>v{version}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Dernière synchro : {when}</translation>
    </message>
    <message>
        <source>sync failed</source>
        <translation>échec de la synchro</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Camera: {state}</source>
        <translation>Caméra : {state}</translation>
    </message>
    <message>
        <source>Scanner: {state}</source>
        <translation>Lecteur : {state}</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>CLEAR</source>
        <translation>AUCUN SIGNALEMENT</translation>
    </message>
    <message>
        <source>POSSIBLE MATCH</source>
        <translation>CONCORDANCE POSSIBLE</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>SIGNALEMENT</translation>
    </message>
    <message>
        <source>Not on the lists. Ready for the next document.</source>
        <translation>Absent des listes. Prêt pour le document suivant.</translation>
    </message>
    <message>
        <source>A list record resembles this document. Compare, then decide.</source>
        <translation>Une fiche des listes ressemble à ce document. Comparez, puis décidez.</translation>
    </message>
    <message>
        <source>On a list. Follow the action below. Record a disposition to go on.</source>
        <translation>Inscrit sur une liste. Appliquez la conduite à tenir ci-dessous. Enregistrez la suite donnée pour continuer.</translation>
    </message>
    <message>
        <source>No match on the lists, but the lists cannot be relied on (see the warning above).</source>
        <translation>Aucune concordance, mais les listes ne sont pas fiables (voir l&apos;avertissement ci-dessus).</translation>
    </message>
    <message>
        <source>List {list}, record {record}</source>
        <translation>Liste {list}, fiche {record}</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>score {score}</translation>
    </message>
    <message>
        <source>[1] The same person</source>
        <translation>[1] La même personne</translation>
    </message>
    <message>
        <source>[2] Not the same person</source>
        <translation>[2] Pas la même personne</translation>
    </message>
    <message>
        <source>Note: what happened (needed for &apos;other&apos;), then Enter</source>
        <translation>Note : ce qui s&apos;est passé (obligatoire pour « autre »), puis Entrée</translation>
    </message>
    <message>
        <source>Action: {action}</source>
        <translation>Conduite à tenir : {action}</translation>
    </message>
    <message>
        <source>refer to secondary inspection</source>
        <translation>orienter vers le contrôle de deuxième ligne</translation>
    </message>
    <message>
        <source>Also: {matches}</source>
        <translation>Aussi : {matches}</translation>
    </message>
</context>
</TS>
