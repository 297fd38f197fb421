<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AuditView</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Écran verrouillé</translation>
    </message>
    <message>
        <source>Notes opened</source>
        <translation>Notes ouvertes</translation>
    </message>
    <message>
        <source>Chat opened</source>
        <translation>Chat ouvert</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Recovery key replaced</source>
        <translation>Clé de récupération remplacée</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Paramètres modifiés</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Utilisateur ajouté</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>Utilisateur modifié</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Mot de passe réinitialisé</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>Mot de passe personnel changé</translation>
    </message>
    <message>
        <source>Payment refunded</source>
        <translation>Paiement remboursé</translation>
    </message>
    <message>
        <source>Consultation deleted</source>
        <translation>Consultation supprimée</translation>
    </message>
    <message>
        <source>Old records purged</source>
        <translation>Anciens dossiers purgés</translation>
    </message>
    <message>
        <source>Retention changed</source>
        <translation>Durée de conservation modifiée</translation>
    </message>
    <message>
        <source>Audit log shown</source>
        <translation>Journal d&apos;audit consulté</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entrées du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Plus récentes</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Plus anciennes</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Check that no entry was changed, removed or added outside the app</source>
        <translation>Vérifier qu&apos;aucune entrée n&apos;a été modifiée, supprimée ou ajoutée en dehors de l&apos;application</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>Entrées %1–%2 sur %3, les plus récentes d&apos;abord</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Aucune entrée</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>Command line: %1</source>
        <translation>Ligne de commande : %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>The chain holds: %1 entries checked.</source>
        <translation>La chaîne est intacte : %1 entrées vérifiées.</translation>
    </message>
    <message>
        <source>The chain is broken at entry %1: that entry and the ones after it cannot be trusted. Compare with a backup.</source>
        <translation>La chaîne est rompue à l&apos;entrée %1 : cette entrée et les suivantes ne sont pas fiables. Comparez avec une sauvegarde.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>An encrypted copy of the consultations, the notes and the history: made every day while the app is open (at start if the last one is older than a day), and whenever you press Back up now. It opens only with the recovery key in use when it was made, on this computer or a new one. Keep the folder on another disk or a network share. Kept: one a day for %1 days, one a month for %2 months.</source>
        <translation>Une copie chiffrée des consultations, des notes et de l&apos;historique : faite chaque jour tant que l&apos;application est ouverte (au démarrage si la dernière date de plus d&apos;un jour), et chaque fois que vous cliquez sur Sauvegarder maintenant. Elle ne s&apos;ouvre qu&apos;avec la clé de récupération en usage quand elle a été faite, sur cet ordinateur ou un nouveau. Gardez le dossier sur un autre disque ou un partage réseau. Conservées : une par jour pendant %1 jours, une par mois pendant %2 mois.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>No folder chosen: no backup is made</source>
        <translation>Aucun dossier choisi : aucune sauvegarde n&apos;est faite</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Lost the written-down recovery key, or someone else may have seen it? Make a new one: the backups made from then on open with it.</source>
        <translation>Vous avez perdu la clé de récupération notée, ou quelqu&apos;un d&apos;autre a pu la voir ? Créez-en une nouvelle : les sauvegardes faites ensuite s&apos;ouvriront avec elle.</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>Nouvelle clé de récupération…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2).</source>
        <translation>Dernière sauvegarde : %1 (%2).</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Aucune sauvegarde n&apos;a encore été faite.</translation>
    </message>
    <message>
        <source>The last try, %1, failed:</source>
        <translation>La dernière tentative, %1, a échoué :</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <source>No call in progress</source>
        <translation>Aucun appel en cours</translation>
    </message>
    <message>
        <source>Audio only: the connection is too weak for video. The video comes back by itself.</source>
        <translation>Audio seulement : la connexion est trop faible pour la vidéo. La vidéo reviendra d’elle-même.</translation>
    </message>
    <message>
        <source>Your camera</source>
        <translation>Votre caméra</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion avec %1…</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>En appel</translation>
    </message>
    <message>
        <source>Connection lost — the patient&apos;s side is reconnecting…</source>
        <translation>Connexion perdue — le patient se reconnecte…</translation>
    </message>
    <message>
        <source>Connection: good</source>
        <translation>Connexion : bonne</translation>
    </message>
    <message>
        <source>Connection: fair — the picture may stutter</source>
        <translation>Connexion : moyenne — l’image peut saccader</translation>
    </message>
    <message>
        <source>Connection: poor</source>
        <translation>Connexion : mauvaise</translation>
    </message>
    <message>
        <source>Patient&apos;s video</source>
        <translation>Vidéo du patient</translation>
    </message>
    <message>
        <source>Your own picture</source>
        <translation>Votre propre image</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Durée de l’appel</translation>
    </message>
    <message>
        <source>Connection quality</source>
        <translation>Qualité de la connexion</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Réactiver le micro</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Couper le micro</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Allumer la caméra</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Couper la caméra</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Chat with the patient</source>
        <translation>Messages avec le patient</translation>
    </message>
    <message>
        <source>Chat during the call</source>
        <translation>Messages pendant l’appel</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message to the patient</source>
        <translation>Message au patient</translation>
    </message>
    <message>
        <source>Message to the patient (Enter sends)</source>
        <translation>Message au patient (Entrée pour envoyer)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>État des messages</translation>
    </message>
    <message>
        <source>● 1 new message</source>
        <translation>● 1 nouveau message</translation>
    </message>
    <message>
        <source>● %1 new messages</source>
        <translation>● %1 nouveaux messages</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>A message is at most %1 characters; this one has %2.</source>
        <translation>Un message compte au plus %1 caractères ; celui-ci en a %2.</translation>
    </message>
    <message>
        <source>Not sent: %1 Your text stays here.</source>
        <translation>Non envoyé : %1 Votre texte reste ici.</translation>
    </message>
</context>
<context>
    <name>ConsultationModel</name>
    <message>
        <source>Preparing</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <source>Link sent</source>
        <translation>Lien envoyé</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Lien ouvert</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>En appel</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompue</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Unknown: ask the patient</source>
        <translation>Inconnu : demandez au patient</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>Demandée à</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Awaiting payment (%1)</source>
        <translation>Paiement attendu (%1)</translation>
    </message>
    <message>
        <source>Paid (%1)</source>
        <translation>Payé (%1)</translation>
    </message>
    <message>
        <source>Refunded (%1)</source>
        <translation>Remboursé (%1)</translation>
    </message>
    <message>
        <source>card</source>
        <translation>carte</translation>
    </message>
    <message>
        <source>Bancontact</source>
        <translation>Bancontact</translation>
    </message>
    <message>
        <source>Booked for %1</source>
        <translation>Planifiée à %1</translation>
    </message>
    <message>
        <source>Missed: link not sent</source>
        <translation>Manquée : lien non envoyé</translation>
    </message>
    <message>
        <source>Sending (trying again)</source>
        <translation>Envoi en cours (nouvel essai)</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>Verrouiller l’écran (Ctrl+L)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
</context>
<context>
    <name>DevicePrompt</name>
    <message>
        <source>The link was opened on a second device. Let the new device in?</source>
        <translation>Le lien a été ouvert sur un deuxième appareil. Laisser entrer le nouvel appareil ?</translation>
    </message>
    <message>
        <source>Let it in</source>
        <translation>Le laisser entrer</translation>
    </message>
    <message>
        <source>Keep the first one</source>
        <translation>Garder le premier</translation>
    </message>
    <message>
        <source>Second device</source>
        <translation>Deuxième appareil</translation>
    </message>
    <message>
        <source>Consultation with %1 (%2 more waiting)</source>
        <translation>Consultation avec %1 (encore %2 en attente)</translation>
    </message>
    <message>
        <source>Consultation with %1</source>
        <translation>Consultation avec %1</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>DevicesEntry</name>
    <message>
        <source>Devices…</source>
        <translation>Appareils…</translation>
    </message>
    <message>
        <source>Camera, microphone and speaker of this computer</source>
        <translation>Caméra, micro et haut-parleur de cet ordinateur</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Haut-parleur</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
    <message>
        <source>Opening the camera…</source>
        <translation>Ouverture de la caméra…</translation>
    </message>
    <message>
        <source>Play a test sound</source>
        <translation>Jouer un son de test</translation>
    </message>
    <message>
        <source>A change is kept for this computer at once. The next call uses the camera and the microphone chosen (a call in progress keeps its own); the speaker changes at once, in a call too.</source>
        <translation>Un changement est gardé tout de suite pour cet ordinateur. Le prochain appel utilise la caméra et le micro choisis (un appel en cours garde les siens) ; le haut-parleur change tout de suite, même pendant un appel.</translation>
    </message>
    <message>
        <source>Default camera</source>
        <translation>Caméra par défaut</translation>
    </message>
    <message>
        <source>Default microphone</source>
        <translation>Micro par défaut</translation>
    </message>
    <message>
        <source>Default speaker</source>
        <translation>Haut-parleur par défaut</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (non connecté)</translation>
    </message>
    <message>
        <source>This computer has no speaker to play on.</source>
        <translation>Cet ordinateur n’a pas de haut-parleur pour jouer le son.</translation>
    </message>
    <message>
        <source>No camera could be opened: a call sends this test pattern instead. Check that the camera is plugged in and that no other program uses it.</source>
        <translation>Aucune caméra n’a pu être ouverte : un appel envoie cette mire à la place. Vérifiez que la caméra est branchée et qu’aucun autre programme ne l’utilise.</translation>
    </message>
    <message>
        <source>The camera chosen could not be opened: a call would use %1.</source>
        <translation>La caméra choisie n’a pas pu être ouverte : un appel utiliserait %1.</translation>
    </message>
    <message>
        <source>No microphone could be opened: a call sends a quiet tone instead, and the patient does not hear you. Check that it is plugged in.</source>
        <translation>Aucun micro n’a pu être ouvert : un appel envoie un son discret à la place, et le patient ne vous entend pas. Vérifiez qu’il est branché.</translation>
    </message>
    <message>
        <source>The microphone chosen could not be opened: a call would use another.</source>
        <translation>Le micro choisi n’a pas pu être ouvert : un appel en utiliserait un autre.</translation>
    </message>
    <message>
        <source>Speak: the bar moves with your voice.</source>
        <translation>Parlez : la barre suit votre voix.</translation>
    </message>
    <message>
        <source>The speaker chosen is not connected: the default one plays.</source>
        <translation>Le haut-parleur choisi n’est pas connecté : celui par défaut joue le son.</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>This computer has no keyring, so the consultation store is protected by a passphrase asked at each start.
Choose one of at least %1 characters:</source>
        <translation>Cet ordinateur n’a pas de trousseau de clés : la base des consultations est donc protégée par une phrase secrète demandée à chaque démarrage.
Choisissez-en une d’au moins %1 caractères :</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choisissez une phrase secrète</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Tapez-la à nouveau :</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Passphrase of the consultation store:</source>
        <translation>Phrase secrète de la base des consultations :</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clé de récupération :</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the consultation log</source>
        <translation>Exporter le journal des consultations</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To (included)</source>
        <translation>Au (inclus)</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Include clinical notes</source>
        <translation>Inclure les notes cliniques</translation>
    </message>
    <message>
        <source>Only for a practitioner&apos;s own records: never for billing</source>
        <translation>Uniquement pour les dossiers du praticien : jamais pour la facturation</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Tous les praticiens</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV pour Excel</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Le dernier jour précède le premier.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportation annulée : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 n&apos;a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>%1 consultations exported to %2 (fees EUR %3, %4 paid).</source>
        <translation>%1 consultations exportées dans %2 (honoraires %3 EUR, %4 payées).</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up tooddoc-desk</source>
        <translation>Configuration de tooddoc-desk</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Retour (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2 : %3</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search a number or an e-mail address</source>
        <translation>Rechercher un numéro ou une adresse e-mail</translation>
    </message>
    <message>
        <source>Search by contact</source>
        <translation>Rechercher par contact</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Consultation history</source>
        <translation>Historique des consultations</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Tous les praticiens</translation>
    </message>
    <message>
        <source>No consultation found</source>
        <translation>Aucune consultation trouvée</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 sur %3</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bonne</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>mauvaise</translation>
    </message>
    <message>
        <source>Call quality: %1</source>
        <translation>Qualité de l’appel : %1</translation>
    </message>
</context>
<context>
    <name>HubFields</name>
    <message>
        <source>The built-in hub, on this computer</source>
        <translation>Le hub intégré, sur cet ordinateur</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adresse du hub</translation>
    </message>
    <message>
        <source>Practice key</source>
        <translation>Clé du cabinet</translation>
    </message>
    <message>
        <source>Asking the hub whether it knows the key…</source>
        <translation>Le hub vérifie la clé…</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>gardé dans le trousseau : laissez vide pour le garder</translation>
    </message>
</context>
<context>
    <name>HubForm</name>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>the built-in hub</source>
        <translation>le hub intégré</translation>
    </message>
    <message>
        <source>In use: %1.</source>
        <translation>En service : %1.</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub, for patients at home</source>
        <translation>Le hub hébergé du cabinet, pour les patients à domicile</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub (this computer has no keyring for its key)</source>
        <translation>Le hub hébergé du cabinet (cet ordinateur n’a pas de trousseau pour sa clé)</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>The hub</source>
        <translation>Le hub</translation>
    </message>
    <message>
        <source>Patients open their link on the hub: it holds the waiting room and puts them through to you. The call itself is encrypted between you and the patient.</source>
        <translation>Les patients ouvrent leur lien sur le hub : il tient la salle d’attente et vous les passe. L’appel lui-même est chiffré entre vous et le patient.</translation>
    </message>
    <message>
        <source>Nothing to set up: good to try the app. Links open only on this computer.</source>
        <translation>Rien à configurer : idéal pour essayer l’app. Les liens ne s’ouvrent que sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub</source>
        <translation>Le hub hébergé du cabinet</translation>
    </message>
    <message>
        <source>For patients at home. Whoever runs the hub gives you its address and the practice key; the key is kept in this computer&apos;s keyring.</source>
        <translation>Pour les patients à domicile. Le gestionnaire du hub vous donne son adresse et la clé du cabinet ; la clé est gardée dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub&apos;s practice key: the built-in hub only.</source>
        <translation>Cet ordinateur n’a pas de trousseau pour garder la clé du cabinet : le hub intégré seulement.</translation>
    </message>
</context>
<context>
    <name>InvitePanel</name>
    <message>
        <source>&lt;b&gt;Tele-consultation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Téléconsultation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Mobile number or e-mail address</source>
        <translation>Numéro de GSM ou adresse e-mail</translation>
    </message>
    <message>
        <source>Patient&apos;s mobile number or e-mail address</source>
        <translation>Numéro de GSM ou adresse e-mail du patient</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>The patient&apos;s language</source>
        <translation>Langue du patient</translation>
    </message>
    <message>
        <source>now — or 14:30, or 26/11 9:15</source>
        <translation>maintenant — ou 14:30, ou 26/11 9:15</translation>
    </message>
    <message>
        <source>When: empty for now, or the consultation&apos;s time</source>
        <translation>Quand : vide pour maintenant, ou l’heure de la consultation</translation>
    </message>
    <message>
        <source>When the link leaves</source>
        <translation>Quand le lien part</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Pre-payment (€)</source>
        <translation>Prépaiement (€)</translation>
    </message>
    <message>
        <source>none — or 25.00</source>
        <translation>aucun — ou 25,00</translation>
    </message>
    <message>
        <source>Pre-payment in euros: empty for none, or the amount to pay before the call</source>
        <translation>Prépaiement en euros : vide pour aucun, ou le montant à payer avant l’appel</translation>
    </message>
    <message>
        <source>The pre-payment</source>
        <translation>Le prépaiement</translation>
    </message>
    <message>
        <source>The practitioner it is for</source>
        <translation>Le praticien concerné</translation>
    </message>
    <message>
        <source>Choose the practitioner…</source>
        <translation>Choisissez le praticien…</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Send link</source>
        <translation>Envoyer le lien</translation>
    </message>
    <message>
        <source>Type the patient&apos;s mobile number or e-mail address.</source>
        <translation>Tapez le numéro de GSM ou l’adresse e-mail du patient.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>✓ %1 (%2)</source>
        <translation>✓ %1 (%2)</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>immédiatement</translation>
    </message>
    <message>
        <source>✓ %1: the link leaves %2</source>
        <translation>✓ %1 : le lien part %2</translation>
    </message>
    <message>
        <source>✓ %1, paid by card or Bancontact before the waiting room</source>
        <translation>✓ %1, payé par carte ou Bancontact avant la salle d’attente</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Consultation link — %1</source>
        <translation>Lien de la consultation — %1</translation>
    </message>
    <message>
        <source>QR code of the consultation link</source>
        <translation>Code QR du lien de la consultation</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>MailForm</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de courrier</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Adresse d’expédition</translation>
    </message>
    <message>
        <source>Replies to</source>
        <translation>Réponses à</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>gardé dans le trousseau : laissez vide pour le garder</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>tooddoc-desk — %1</source>
        <translation>tooddoc-desk — %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Write the consultation log for billing and audits, as CSV or PDF</source>
        <translation>Écrire le journal des consultations pour la facturation et les audits, en CSV ou en PDF</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Consultation history</source>
        <translation>Historique des consultations</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Call (%1 new)</source>
        <translation>Appel (%1 nouveau(x))</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Invites</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>How the link reaches the patient: by SMS, or by e-mail.</source>
        <translation>Comment le lien parvient au patient : par SMS ou par e-mail.</translation>
    </message>
    <message>
        <source>Show them in the app for now (the dev outbox)</source>
        <translation>Les afficher dans l’app pour l’instant (la boîte d’envoi de test)</translation>
    </message>
    <message>
        <source>Nothing is sent: each invite appears in the app&apos;s outbox, and you give the link to the patient yourself (read it out, or let them scan its QR code). Good to try the app; set up a provider before inviting patients at home.</source>
        <translation>Rien n’est envoyé : chaque invitation apparaît dans la boîte d’envoi de l’app, et vous donnez vous-même le lien au patient (lu à voix haute, ou son code QR à scanner). Idéal pour essayer l’app ; configurez un fournisseur avant d’inviter des patients à domicile.</translation>
    </message>
    <message>
        <source>Send them by SMS and e-mail</source>
        <translation>Les envoyer par SMS et e-mail</translation>
    </message>
    <message>
        <source>Through the practice&apos;s SMS provider (Twilio or Vonage) and its mail server. A channel left empty stays in the app&apos;s outbox. Tokens and passwords are kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Par le fournisseur SMS du cabinet (Twilio ou Vonage) et son serveur de courrier. Un canal laissé vide reste dans la boîte d’envoi de l’app. Jetons et mots de passe sont gardés dans le trousseau de cet ordinateur, jamais dans un fichier.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nouvelle clé de récupération</translation>
    </message>
    <message>
        <source>This key replaces the recovery key you hold now. It opens the consultation store when this computer&apos;s keyring entry is lost, and the backups made from now on. The key you hold now stops opening this computer&apos;s store, but the backups made before keep needing it: keep it with them until they are thinned away (after %1 months at the latest).</source>
        <translation>Cette clé remplace la clé de récupération que vous détenez maintenant. Elle ouvre le registre des consultations quand l&apos;entrée du trousseau de cet ordinateur est perdue, ainsi que les sauvegardes faites à partir de maintenant. La clé que vous détenez maintenant n&apos;ouvre plus le registre de cet ordinateur, mais les sauvegardes faites avant en ont toujours besoin : gardez-la avec elles jusqu&apos;à ce qu&apos;elles soient éliminées (après %1 mois au plus tard).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Write the new key down now and keep it somewhere safe, away from this computer.&lt;/b&gt; It is shown only this once. Nothing changes until you type it back and press Use this key.</source>
        <translation>&lt;b&gt;Notez la nouvelle clé maintenant et gardez-la en lieu sûr, loin de cet ordinateur.&lt;/b&gt; Elle n&apos;est montrée que cette fois. Rien ne change tant que vous ne l&apos;avez pas retapée et cliqué sur Utiliser cette clé.</translation>
    </message>
    <message>
        <source>Type it back</source>
        <translation>Retapez-la</translation>
    </message>
    <message>
        <source>The new recovery key, typed back</source>
        <translation>La nouvelle clé de récupération, retapée</translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation>Utiliser cette clé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The new recovery key is in use, and a backup was made with it (%1).</source>
        <translation>La nouvelle clé de récupération est en usage, et une sauvegarde a été faite avec elle (%1).</translation>
    </message>
    <message>
        <source>The new recovery key is in use, but the backup made with it failed: press Back up now once this is mended:</source>
        <translation>La nouvelle clé de récupération est en usage, mais la sauvegarde faite avec elle a échoué : cliquez sur Sauvegarder maintenant une fois ceci réparé :</translation>
    </message>
    <message>
        <source>The new recovery key is in use. No backup folder is chosen: choose one, so that a backup opens with the new key.</source>
        <translation>La nouvelle clé de récupération est en usage. Aucun dossier de sauvegarde n&apos;est choisi : choisissez-en un, pour qu&apos;une sauvegarde s&apos;ouvre avec la nouvelle clé.</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <source>Consultation notes</source>
        <translation>Notes de consultation</translation>
    </message>
    <message>
        <source>Notes (kept encrypted on this computer)</source>
        <translation>Notes (conservées chiffrées sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Notes status</source>
        <translation>État des notes</translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters.</source>
        <translation>Les notes sont limitées à %1 caractères.</translation>
    </message>
    <message>
        <source>Not saved: %1 Your text stays here.</source>
        <translation>Non enregistré : %1 Votre texte reste ici.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Messages not sent (dev outbox)</source>
        <translation>Messages non envoyés (boîte d’envoi de test)</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no SMS provider and no mail server are set up, so invites are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Boîte d’envoi de test&lt;/b&gt; : aucun fournisseur SMS ni serveur de messagerie n’est configuré ; les invitations sont donc affichées ici au lieu d’être envoyées.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no SMS provider is set up, so invites by SMS are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Boîte d’envoi de test&lt;/b&gt; : aucun fournisseur SMS n’est configuré ; les invitations par SMS sont donc affichées ici au lieu d’être envoyées.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no mail server is set up, so invites by e-mail are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Boîte d’envoi de test&lt;/b&gt; : aucun serveur de messagerie n’est configuré ; les invitations par e-mail sont donc affichées ici au lieu d’être envoyées.</translation>
    </message>
    <message>
        <source>SMS to %1</source>
        <translation>SMS à %1</translation>
    </message>
    <message>
        <source>E-mail to %1</source>
        <translation>E-mail à %1</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>The people</source>
        <translation>Les personnes</translation>
    </message>
    <message>
        <source>Your account first: you will manage the practice&apos;s users. Add the others now or later, from the Users tab.</source>
        <translation>D’abord votre compte : vous gérerez les utilisateurs du cabinet. Ajoutez les autres maintenant ou plus tard, depuis l’onglet Utilisateurs.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Votre compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>INAMI number</source>
        <translation>Numéro INAMI</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Encore une fois</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>I am a practitioner (GP or dentist)</source>
        <translation>Je suis praticien (médecin généraliste ou dentiste)</translation>
    </message>
    <message>
        <source>I also welcome patients (reception)</source>
        <translation>J’accueille aussi les patients (accueil)</translation>
    </message>
    <message>
        <source>Password or PIN again</source>
        <translation>Mot de passe ou code PIN, une seconde fois</translation>
    </message>
    <message>
        <source>A password of %1 characters or more, or a PIN of %2 to %3 digits.</source>
        <translation>Un mot de passe d’au moins %1 caractères, ou un code PIN de %2 à %3 chiffres.</translation>
    </message>
    <message>
        <source>The others (you may add them later)</source>
        <translation>Les autres (vous pouvez les ajouter plus tard)</translation>
    </message>
    <message>
        <source>People added</source>
        <translation>Personnes ajoutées</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>First password or PIN</source>
        <translation>Premier mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation>Son nom</translation>
    </message>
    <message>
        <source>Their INAMI number</source>
        <translation>Son numéro INAMI</translation>
    </message>
    <message>
        <source>Their first password or PIN</source>
        <translation>Son premier mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>Add to the practice</source>
        <translation>Ajouter au cabinet</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>The practice</source>
        <translation>Le cabinet</translation>
    </message>
    <message>
        <source>Welcome. Five short steps set the app up: the practice, the people who use the app, the hub patients connect through, how invites leave, and the recovery key of the consultation store, which you will write down at the end.</source>
        <translation>Bienvenue. Cinq courtes étapes configurent l’app : le cabinet, les personnes qui l’utilisent, le hub par lequel les patients se connectent, l’envoi des invitations, et la clé de récupération de la base des consultations, que vous noterez à la fin.</translation>
    </message>
    <message>
        <source>Name shown to patients</source>
        <translation>Nom affiché aux patients</translation>
    </message>
    <message>
        <source>Language of the app and of the invites</source>
        <translation>Langue de l’app et des invitations</translation>
    </message>
</context>
<context>
    <name>ProviderForms</name>
    <message>
        <source>None: shown in the app</source>
        <translation>Aucun : affiché dans l’app</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyCard</name>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Copied. Paste it where you keep it; the app empties the clipboard at the end.</source>
        <translation>Copiée. Collez-la là où vous la gardez ; l’app vide le presse-papiers à la fin.</translation>
    </message>
    <message>
        <source>tooddoc-desk: the consultation store&apos;s recovery key</source>
        <translation>tooddoc-desk : la clé de récupération de la base des consultations</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimer la clé de récupération</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Envoyée à %1.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation>La clé de récupération</translation>
    </message>
    <message>
        <source>The consultations and notes are kept encrypted on this computer. Its keyring holds the key that opens them; this recovery key opens them too, when the keyring entry is lost: a new computer, a reinstalled system, a user account reset.</source>
        <translation>Les consultations et les notes sont gardées chiffrées sur cet ordinateur. Son trousseau détient la clé qui les ouvre ; cette clé de récupération les ouvre aussi quand l’entrée du trousseau est perdue : un nouvel ordinateur, un système réinstallé, un compte utilisateur réinitialisé.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lose both the keyring entry and this recovery key, and the consultations, the notes and the history are gone for good:&lt;/b&gt; nobody can open them, not even the app&apos;s makers. Write the key down now and keep it somewhere safe, away from this computer. It is shown only this once.</source>
        <translation>&lt;b&gt;Perdez à la fois l’entrée du trousseau et cette clé de récupération, et les consultations, les notes et l’historique sont perdus pour de bon :&lt;/b&gt; personne ne peut les ouvrir, pas même les auteurs de l’app. Notez la clé maintenant et gardez-la en lieu sûr, loin de cet ordinateur. Elle n’est montrée qu’une seule fois.</translation>
    </message>
    <message>
        <source>A set-up left unfinished showed another key: that one no longer works. Keep this one.</source>
        <translation>Une configuration laissée inachevée a montré une autre clé : celle-là ne fonctionne plus. Gardez celle-ci.</translation>
    </message>
    <message>
        <source>Type it back</source>
        <translation>Retapez-la</translation>
    </message>
    <message>
        <source>The recovery key, typed back</source>
        <translation>La clé de récupération, retapée</translation>
    </message>
</context>
<context>
    <name>RefundPrompt</name>
    <message>
        <source>Withdraw a paid consultation</source>
        <translation>Retirer une consultation payée</translation>
    </message>
    <message>
        <source>The patient paid %1 for this consultation. Refund it?</source>
        <translation>Le patient a payé %1 pour cette consultation. Le rembourser ?</translation>
    </message>
    <message>
        <source>A refund goes back to the card or account it came from; the patient sees it within 5 to 10 days.</source>
        <translation>Un remboursement retourne sur la carte ou le compte d’où il vient ; le patient le voit dans les 5 à 10 jours.</translation>
    </message>
    <message>
        <source>Withdraw and refund</source>
        <translation>Retirer et rembourser</translation>
    </message>
    <message>
        <source>Withdraw, keep the payment</source>
        <translation>Retirer, garder le paiement</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>No consultation records on this computer yet</source>
        <translation>Pas encore de dossier de consultations sur cet ordinateur</translation>
    </message>
    <message>
        <source>Setting the practice up for the first time? Choose New practice. On a new computer, or after a disk was replaced, restore the practice&apos;s last backup with the recovery key written down at set-up: the consultations, the notes, the history and the settings come back.</source>
        <translation>Vous installez le cabinet pour la première fois ? Choisissez Nouveau cabinet. Sur un nouvel ordinateur, ou après le remplacement d&apos;un disque, restaurez la dernière sauvegarde du cabinet avec la clé de récupération notée à l&apos;installation : les consultations, les notes, l&apos;historique et les paramètres reviennent.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Fichier de sauvegarde</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>New practice</source>
        <translation>Nouveau cabinet</translation>
    </message>
    <message>
        <source>Choose the backup file and type the recovery key.</source>
        <translation>Choisissez le fichier de sauvegarde et tapez la clé de récupération.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restauration en cours…</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the key in: restore from the command line (tooddoc-desk restore --from FILE), which asks for a passphrase.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau où garder la clé : restaurez depuis la ligne de commande (tooddoc-desk restore --from FICHIER), qui demande une phrase de passe.</translation>
    </message>
    <message>
        <source>The restore failed; the details are in the log. Nothing was kept.</source>
        <translation>La restauration a échoué ; les détails sont dans le journal. Rien n&apos;a été gardé.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Cabinet</translation>
    </message>
    <message>
        <source>Name shown to patients</source>
        <translation>Nom affiché aux patients</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lock after (minutes idle)</source>
        <translation>Verrouiller après (minutes d’inactivité)</translation>
    </message>
    <message>
        <source>Booked links leave (minutes before)</source>
        <translation>Les liens planifiés partent (minutes avant)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Sauvegardes…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Type a new patient&apos;s number or address</source>
        <translation>Taper le numéro ou l’adresse d’un nouveau patient</translation>
    </message>
    <message>
        <source>Send the link (in the patient&apos;s field)</source>
        <translation>Envoyer le lien (dans le champ du patient)</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Verrouiller l’écran</translation>
    </message>
    <message>
        <source>Mute or unmute your microphone (in a call)</source>
        <translation>Couper ou réactiver votre micro (pendant un appel)</translation>
    </message>
    <message>
        <source>Turn your camera off or on (in a call)</source>
        <translation>Couper ou allumer votre caméra (pendant un appel)</translation>
    </message>
    <message>
        <source>Next tab: Today, Call, History, Users</source>
        <translation>Onglet suivant : Aujourd’hui, Appel, Historique, Utilisateurs</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Onglet précédent</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Élément suivant</translation>
    </message>
    <message>
        <source>Previous control</source>
        <translation>Élément précédent</translation>
    </message>
    <message>
        <source>Press the button that has the focus</source>
        <translation>Appuyer sur le bouton qui a le focus</translation>
    </message>
    <message>
        <source>Send a chat message (in the chat)</source>
        <translation>Envoyer un message (dans la discussion)</translation>
    </message>
    <message>
        <source>New line in a chat message</source>
        <translation>Nouvelle ligne dans un message</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Cette liste de raccourcis</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Se connecter sous un autre nom</translation>
    </message>
    <message>
        <source>The screen was locked. Type your password or PIN.</source>
        <translation>L’écran a été verrouillé. Tapez votre mot de passe ou code PIN.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
</context>
<context>
    <name>SmsForm</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Sender name or number</source>
        <translation>Nom ou numéro d’expéditeur</translation>
    </message>
    <message>
        <source>Account (SID or API key)</source>
        <translation>Compte (SID ou clé API)</translation>
    </message>
    <message>
        <source>Token or secret</source>
        <translation>Jeton ou secret</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>gardé dans le trousseau : laissez vide pour le garder</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today&apos;s consultations</source>
        <translation>Consultations du jour</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Send the link again (ask the patient first)</source>
        <translation>Renvoyer le lien (demandez d’abord au patient)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Stop the invite and make the link stop working</source>
        <translation>Arrêter l’invitation et désactiver le lien</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Faire entrer</translation>
    </message>
    <message>
        <source>Let the selected patient in from the waiting room</source>
        <translation>Faire entrer le patient sélectionné depuis la salle d’attente</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copy the consultation&apos;s link, to paste elsewhere</source>
        <translation>Copier le lien de la consultation, pour le coller ailleurs</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Code QR</translation>
    </message>
    <message>
        <source>Show the link as a QR code to scan with a phone</source>
        <translation>Afficher le lien en code QR à scanner avec un téléphone</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>Waiting room: %1 — select and click Admit</source>
        <translation>Salle d’attente : %1 — sélectionnez et cliquez sur Faire entrer</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gestionnaire du cabinet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>INAMI number</source>
        <translation>Numéro INAMI</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Peut se connecter</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Set this password or PIN</source>
        <translation>Définir ce mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>Users message</source>
        <translation>Message sur les utilisateurs</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 may now sign in.</source>
        <translation>%1 peut maintenant se connecter.</translation>
    </message>
    <message>
        <source>%1: saved.</source>
        <translation>%1 : enregistré.</translation>
    </message>
    <message>
        <source>%1 has a new password or PIN.</source>
        <translation>%1 a un nouveau mot de passe ou code PIN.</translation>
    </message>
</context>
<context>
    <name>WaitingAlert</name>
    <message>
        <source>A patient is in the waiting room</source>
        <translation>Un patient est dans la salle d’attente</translation>
    </message>
    <message>
        <source>Open tooddoc-desk to admit them.</source>
        <translation>Ouvrez tooddoc-desk pour le faire entrer.</translation>
    </message>
</context>
<context>
    <name>sentences</name>
    <message>
        <source>No speaker was found: the patient cannot be heard.</source>
        <translation>Aucun haut-parleur n’a été trouvé : vous ne pourrez pas entendre le patient.</translation>
    </message>
    <message>
        <source>The consultation service did not answer, so no link was sent. Try again in a moment; if it keeps failing, restart the app.</source>
        <translation>Le service de consultation n’a pas répondu : aucun lien n’a été envoyé. Réessayez dans un instant ; si le problème persiste, redémarrez l’application.</translation>
    </message>
    <message>
        <source>The other device has gone away: the patient stays on the first one.</source>
        <translation>L’autre appareil est parti : le patient reste sur le premier.</translation>
    </message>
    <message>
        <source>This patient is no longer waiting.</source>
        <translation>Ce patient n’est plus en attente.</translation>
    </message>
    <message>
        <source>Finish the current call before admitting the next patient.</source>
        <translation>Terminez l’appel en cours avant de faire entrer le patient suivant.</translation>
    </message>
    <message>
        <source>This link is on its way already: wait for it to be sent or to fail.</source>
        <translation>Ce lien est déjà en cours d’envoi : attendez qu’il soit envoyé ou qu’il échoue.</translation>
    </message>
    <message>
        <source>This consultation has no link to send again.</source>
        <translation>Cette consultation n’a pas de lien à renvoyer.</translation>
    </message>
    <message>
        <source>The consultation&apos;s time has passed: give a time to come.</source>
        <translation>L’heure de la consultation est passée : indiquez une heure à venir.</translation>
    </message>
    <message>
        <source>No Stripe key is kept on this computer, so no pre-payment can be asked: keep the restricted key with tooddoc-desk provider-secret --stripe.</source>
        <translation>Aucune clé Stripe n’est conservée sur cet ordinateur, aucun prépaiement ne peut donc être demandé : conservez la clé restreinte avec tooddoc-desk provider-secret --stripe.</translation>
    </message>
    <message>
        <source>This patient has not paid yet: they join the waiting room once they have.</source>
        <translation>Ce patient n’a pas encore payé : il rejoint la salle d’attente une fois le paiement fait.</translation>
    </message>
    <message>
        <source>This consultation was not paid: there is nothing to refund.</source>
        <translation>Cette consultation n’a pas été payée : il n’y a rien à rembourser.</translation>
    </message>
    <message>
        <source>A patient paid for a consultation that did not take place: refund it from Stripe&apos;s dashboard (the payment is described with the practice&apos;s name).</source>
        <translation>Un patient a payé une consultation qui n’a pas eu lieu : remboursez-le depuis le tableau de bord de Stripe (le paiement porte le nom du cabinet).</translation>
    </message>
    <message>
        <source>The patient&apos;s browser asked for a call this app cannot take. Ask the patient to reload the page, or to open the link in Chrome, Safari, Firefox or Edge.</source>
        <translation>Le navigateur du patient a demandé un appel que cette application ne peut pas prendre. Demandez au patient de recharger la page, ou d’ouvrir le lien dans Chrome, Safari, Firefox ou Edge.</translation>
    </message>
    <message>
        <source>The link may or may not have reached the patient, and the app will not send it again by itself. %1 Then choose Resend or Withdraw under Today.</source>
        <translation>Le lien est peut-être arrivé chez le patient, peut-être pas, et l’application ne le renverra pas d’elle-même. %1 Choisissez ensuite Renvoyer ou Retirer sous Aujourd’hui.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Écrivez d’abord un message.</translation>
    </message>
    <message>
        <source>The patient is not in the call.</source>
        <translation>Le patient n’est pas dans l’appel.</translation>
    </message>
    <message>
        <source>The connection to the consultation service is lost. The call goes on: say it aloud.</source>
        <translation>La connexion au service de consultation est perdue. L’appel continue : dites-le de vive voix.</translation>
    </message>
    <message>
        <source>A chat message could not be saved with the consultation. It stays on screen; the app tries again with the next one.</source>
        <translation>Un message n’a pas pu être enregistré avec la consultation. Il reste à l’écran ; l’app réessaie avec le suivant.</translation>
    </message>
    <message>
        <source>The pre-payment could not be prepared, so no link was sent. %1</source>
        <translation>Le prépaiement n’a pas pu être préparé, aucun lien n’a donc été envoyé. %1</translation>
    </message>
    <message>
        <source>The refund did not go through. %1</source>
        <translation>Le remboursement n’a pas abouti. %1</translation>
    </message>
    <message>
        <source>The connection to the consultation service was lost. A call in progress goes on, but a patient who drops out cannot come back through the link.</source>
        <translation>La connexion au service de consultation a été perdue. Un appel en cours continue, mais un patient qui décroche ne peut plus revenir par le lien.</translation>
    </message>
    <message>
        <source>The link for the consultation booked for %1 was not sent: the app was not running when it was due, and that time has passed. Call the patient, or choose Resend to send a link now.</source>
        <translation>Le lien de la consultation planifiée %1 n’a pas été envoyé : l’application ne tournait pas au moment prévu, et cette heure est passée. Appelez le patient, ou choisissez Renvoyer pour envoyer un lien maintenant.</translation>
    </message>
    <message>
        <source>A message is at most %1 characters; this one has %2.</source>
        <translation>Un message compte au plus %1 caractères ; celui-ci en a %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer did not come back.</source>
        <translation>La réponse du fournisseur n’est pas revenue.</translation>
    </message>
    <message>
        <source>The link could not be sent.</source>
        <translation>Le lien n’a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>%1 (code %2).</source>
        <translation>%1 (code %2).</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (code %2)</translation>
    </message>
    <message>
        <source>This number is not valid: check it with the patient.</source>
        <translation>Ce numéro n’est pas valide : vérifiez-le avec le patient.</translation>
    </message>
    <message>
        <source>This number cannot receive SMS. Ask for another mobile number or an e-mail address.</source>
        <translation>Ce numéro ne peut pas recevoir de SMS. Demandez un autre numéro de GSM ou une adresse e-mail.</translation>
    </message>
    <message>
        <source>This number has asked not to receive text messages from the practice (it replied STOP). Send the link by e-mail instead.</source>
        <translation>Ce numéro a demandé à ne plus recevoir de SMS du cabinet (il a répondu STOP). Envoyez plutôt le lien par e-mail.</translation>
    </message>
    <message>
        <source>The mail server refused the address: check it with the patient, or send an SMS.</source>
        <translation>Le serveur de messagerie a refusé l’adresse : vérifiez-la avec le patient, ou envoyez un SMS.</translation>
    </message>
    <message>
        <source>The patient&apos;s mailbox is full: send the link by SMS instead.</source>
        <translation>La boîte aux lettres du patient est pleine : envoyez plutôt le lien par SMS.</translation>
    </message>
    <message>
        <source>The mail server refused the message.</source>
        <translation>Le serveur de messagerie a refusé le message.</translation>
    </message>
    <message>
        <source>The SMS service refused the practice&apos;s account name, key or password: check the SMS settings.</source>
        <translation>Le service SMS a refusé le nom de compte, la clé ou le mot de passe du cabinet : vérifiez les réglages SMS.</translation>
    </message>
    <message>
        <source>The mail server refused the practice&apos;s account name, key or password: check the e-mail settings.</source>
        <translation>Le serveur de messagerie a refusé le nom de compte, la clé ou le mot de passe du cabinet : vérifiez les réglages e-mail.</translation>
    </message>
    <message>
        <source>The SMS service does not accept the sender name or address set up for the practice: check the SMS settings.</source>
        <translation>Le service SMS n’accepte pas le nom ou l’adresse d’expéditeur configuré pour le cabinet : vérifiez les réglages SMS.</translation>
    </message>
    <message>
        <source>The mail server does not accept the sender name or address set up for the practice: check the e-mail settings.</source>
        <translation>Le serveur de messagerie n’accepte pas le nom ou l’adresse d’expéditeur configuré pour le cabinet : vérifiez les réglages e-mail.</translation>
    </message>
    <message>
        <source>The practice&apos;s account with the SMS service is suspended or not enabled for this: contact the provider.</source>
        <translation>Le compte du cabinet auprès du service SMS est suspendu ou n’est pas activé pour cela : contactez le fournisseur.</translation>
    </message>
    <message>
        <source>The practice&apos;s account with the mail server is suspended or not enabled for this: contact the provider.</source>
        <translation>Le compte du cabinet auprès du serveur de messagerie est suspendu ou n’est pas activé pour cela : contactez le fournisseur.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account has run out of credit: top it up.</source>
        <translation>Le compte SMS du cabinet n’a plus de crédit : rechargez-le.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account is a trial account: it may only text numbers verified with the provider.</source>
        <translation>Le compte SMS du cabinet est un compte d’essai : il ne peut envoyer de SMS qu’aux numéros vérifiés auprès du fournisseur.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account is not allowed to send to this country: enable it with the provider.</source>
        <translation>Le compte SMS du cabinet n’est pas autorisé à envoyer vers ce pays : activez-le auprès du fournisseur.</translation>
    </message>
    <message>
        <source>A secure connection to the mail server could not be made (its certificate is not trusted or does not match its name): check the e-mail settings.</source>
        <translation>Aucune connexion sécurisée au serveur de messagerie n’a pu être établie (son certificat n’est pas reconnu ou ne correspond pas à son nom) : vérifiez les réglages e-mail.</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption, so the link was not sent: check the e-mail settings (port and security).</source>
        <translation>Le serveur de messagerie ne propose pas de chiffrement : le lien n’a donc pas été envoyé. Vérifiez les réglages e-mail (port et sécurité).</translation>
    </message>
    <message>
        <source>The mail server does not offer a login, but the e-mail settings have a user name: check the e-mail settings.</source>
        <translation>Le serveur de messagerie ne propose pas de connexion, mais les réglages e-mail contiennent un nom d’utilisateur : vérifiez les réglages e-mail.</translation>
    </message>
    <message>
        <source>The SMS settings name an account whose password or key is not in this computer&apos;s keyring, so nothing was sent: run tooddoc-desk provider-secret --sms.</source>
        <translation>Les réglages SMS nomment un compte dont le mot de passe ou la clé n’est pas dans le trousseau de clés de cet ordinateur : rien n’a été envoyé. Lancez tooddoc-desk provider-secret --sms.</translation>
    </message>
    <message>
        <source>The e-mail settings name an account whose password or key is not in this computer&apos;s keyring, so nothing was sent: run tooddoc-desk provider-secret --email.</source>
        <translation>Les réglages e-mail nomment un compte dont le mot de passe ou la clé n’est pas dans le trousseau de clés de cet ordinateur : rien n’a été envoyé. Lancez tooddoc-desk provider-secret --email.</translation>
    </message>
    <message>
        <source>The SMS service is busy and asked the app to slow down.</source>
        <translation>Le service SMS est surchargé et a demandé à l’application de ralentir.</translation>
    </message>
    <message>
        <source>The mail server is busy and asked the app to slow down.</source>
        <translation>Le serveur de messagerie est surchargé et a demandé à l’application de ralentir.</translation>
    </message>
    <message>
        <source>The SMS service is temporarily unavailable.</source>
        <translation>Le service SMS est temporairement indisponible.</translation>
    </message>
    <message>
        <source>The mail server is temporarily unavailable.</source>
        <translation>Le serveur de messagerie est temporairement indisponible.</translation>
    </message>
    <message>
        <source>The SMS service could not be reached: check the internet connection and the SMS settings.</source>
        <translation>Le service SMS est injoignable : vérifiez la connexion internet et les réglages SMS.</translation>
    </message>
    <message>
        <source>The mail server could not be reached: check the internet connection and the e-mail settings.</source>
        <translation>Le serveur de messagerie est injoignable : vérifiez la connexion internet et les réglages e-mail.</translation>
    </message>
    <message>
        <source>The SMS service did not answer in time.</source>
        <translation>Le service SMS n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The mail server did not answer in time.</source>
        <translation>Le serveur de messagerie n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The SMS service stopped answering while the invite was being handed over, so the app cannot tell whether it left. Ask the patient whether the link arrived before sending it again.</source>
        <translation>Le service SMS a cessé de répondre pendant la remise de l’invitation : l’application ne peut donc pas savoir si elle est partie. Demandez au patient si le lien est arrivé avant de le renvoyer.</translation>
    </message>
    <message>
        <source>The mail server stopped answering while the invite was being handed over, so the app cannot tell whether it left. Ask the patient whether the link arrived before sending it again.</source>
        <translation>Le serveur de messagerie a cessé de répondre pendant la remise de l’invitation : l’application ne peut donc pas savoir si elle est partie. Demandez au patient si le lien est arrivé avant de le renvoyer.</translation>
    </message>
    <message>
        <source>The phone network could not deliver the SMS to this number: check the number with the patient, or send the link by e-mail.</source>
        <translation>Le réseau téléphonique n’a pas pu remettre le SMS à ce numéro : vérifiez le numéro avec le patient, ou envoyez le lien par e-mail.</translation>
    </message>
    <message>
        <source>The SMS service refused the message.</source>
        <translation>Le service SMS a refusé le message.</translation>
    </message>
    <message>
        <source>This is not a mobile number: ask for a mobile number or an e-mail address.</source>
        <translation>Ce n’est pas un numéro de GSM : demandez un numéro de GSM ou une adresse e-mail.</translation>
    </message>
    <message>
        <source>No country has this international prefix: check the digits after the +.</source>
        <translation>Aucun pays n’a cet indicatif international : vérifiez les chiffres après le +.</translation>
    </message>
    <message>
        <source>This number is too short: a digit may be missing.</source>
        <translation>Ce numéro est trop court : il manque peut-être un chiffre.</translation>
    </message>
    <message>
        <source>This number is too long: check for an extra digit.</source>
        <translation>Ce numéro est trop long : vérifiez s’il n’y a pas un chiffre en trop.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s mobile number or e-mail address.</source>
        <translation>Tapez le numéro de GSM ou l’adresse e-mail du patient.</translation>
    </message>
    <message>
        <source>This is too long to be a phone number or an e-mail address.</source>
        <translation>C’est trop long pour un numéro de téléphone ou une adresse e-mail.</translation>
    </message>
    <message>
        <source>A phone number has only digits; for an e-mail address, include the @.</source>
        <translation>Un numéro de téléphone ne contient que des chiffres ; pour une adresse e-mail, n’oubliez pas le @.</translation>
    </message>
    <message>
        <source>A phone number has only digits, spaces and an optional + in front.</source>
        <translation>Un numéro de téléphone ne contient que des chiffres, des espaces et éventuellement un + au début.</translation>
    </message>
    <message>
        <source>This is a short service number; it cannot receive a text message.</source>
        <translation>C’est un numéro de service court ; il ne peut pas recevoir de SMS.</translation>
    </message>
    <message>
        <source>This number does not exist in its country&apos;s numbering plan: check the digits.</source>
        <translation>Ce numéro n’existe pas dans le plan de numérotation de son pays : vérifiez les chiffres.</translation>
    </message>
    <message>
        <source>This is a landline number: it cannot receive a text message. Ask for a mobile number or an e-mail address.</source>
        <translation>C’est un numéro de téléphone fixe : il ne peut pas recevoir de SMS. Demandez un numéro de GSM ou une adresse e-mail.</translation>
    </message>
    <message>
        <source>This is a premium-rate number: a link is never sent to one.</source>
        <translation>C’est un numéro surtaxé : aucun lien n’est jamais envoyé à un tel numéro.</translation>
    </message>
    <message>
        <source>This is a free-phone service number: it cannot receive a text message.</source>
        <translation>C’est un numéro gratuit de service : il ne peut pas recevoir de SMS.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid: %1</source>
        <translation>Cette adresse e-mail n’est pas valide : %1</translation>
    </message>
    <message>
        <source>%1/%2/%3 at %4</source>
        <translation>le %1/%2/%3 à %4</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>aujourd’hui à %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>demain à %1</translation>
    </message>
    <message>
        <source>Give the time as 14:30, or a day and a time as 26/11 14:30 (or leave it empty for now).</source>
        <translation>Indiquez l’heure sous la forme 14:30, ou un jour et une heure sous la forme 26/11 14:30 (ou laissez vide pour maintenant).</translation>
    </message>
    <message>
        <source>%1 has passed: give a time to come.</source>
        <translation>Ce moment (%1) est passé : indiquez une heure à venir.</translation>
    </message>
    <message>
        <source>A consultation is booked at most 90 days ahead.</source>
        <translation>Une consultation se planifie au maximum 90 jours à l’avance.</translation>
    </message>
    <message>
        <source>%1:%2 is not a time of day.</source>
        <translation>%1:%2 n’est pas une heure valable.</translation>
    </message>
    <message>
        <source>This date and time do not exist.</source>
        <translation>Cette date et cette heure n’existent pas.</translation>
    </message>
    <message>
        <source>There is no such day as %1.</source>
        <translation>Le %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Tapez un nom.</translation>
    </message>
    <message>
        <source>A name is at most %1 ordinary characters.</source>
        <translation>Un nom compte au plus %1 caractères ordinaires.</translation>
    </message>
    <message>
        <source>An INAMI number has 11 digits, like 1-23456-78-901.</source>
        <translation>Un numéro INAMI compte 11 chiffres, comme 1-23456-78-901.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choisissez au moins un rôle.</translation>
    </message>
    <message>
        <source>A practitioner needs an INAMI number.</source>
        <translation>Un praticien doit avoir un numéro INAMI.</translation>
    </message>
    <message>
        <source>Only a practitioner has an INAMI number.</source>
        <translation>Seul un praticien a un numéro INAMI.</translation>
    </message>
    <message>
        <source>%1 cannot %2.</source>
        <translation>%1 ne peut pas %2.</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Une personne non connectée</translation>
    </message>
    <message>
        <source>send consultation links</source>
        <translation>envoyer des liens de consultation</translation>
    </message>
    <message>
        <source>see the waiting room</source>
        <translation>voir la salle d’attente</translation>
    </message>
    <message>
        <source>run calls (a practitioner does)</source>
        <translation>mener les appels (c’est le rôle d’un praticien)</translation>
    </message>
    <message>
        <source>read or write a consultation&apos;s notes (a practitioner does)</source>
        <translation>lire ou écrire les notes d’une consultation (c’est le rôle d’un praticien)</translation>
    </message>
    <message>
        <source>export the consultation log (a practice manager does)</source>
        <translation>exporter le journal des consultations (c’est le rôle du gestionnaire du cabinet)</translation>
    </message>
    <message>
        <source>manage users (a practice manager does)</source>
        <translation>gérer les utilisateurs (c’est le rôle du gestionnaire du cabinet)</translation>
    </message>
    <message>
        <source>A password has at least %1 characters (or use a PIN of %2 to %3 digits).</source>
        <translation>Un mot de passe compte au moins %1 caractères (ou utilisez un code PIN de %2 à %3 chiffres).</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Un mot de passe compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>Un code PIN compte de %1 à %2 chiffres.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess.</source>
        <translation>Ce code PIN est trop facile à deviner.</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>Le nom ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: try again in %1 minute(s).</source>
        <translation>Trop de tentatives erronées : réessayez dans %1 minute(s).</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Personne n’est connecté.</translation>
    </message>
    <message>
        <source>%1: another person has this name already.</source>
        <translation>%1 : une autre personne porte déjà ce nom.</translation>
    </message>
    <message>
        <source>The practice needs at least one active manager.</source>
        <translation>Le cabinet a besoin d’au moins un gestionnaire du cabinet actif.</translation>
    </message>
    <message>
        <source>Choose the practitioner the consultation is for.</source>
        <translation>Choisissez le praticien concerné par la consultation.</translation>
    </message>
    <message>
        <source>This person is not one of the practice&apos;s practitioners.</source>
        <translation>Cette personne ne fait pas partie des praticiens du cabinet.</translation>
    </message>
    <message>
        <source>Create the account of the person who manages the practice.</source>
        <translation>Créez le compte de la personne qui gère le cabinet.</translation>
    </message>
    <message>
        <source>The camera chosen in Settings is not connected: unless it is plugged in before the call starts, the call uses the default camera.</source>
        <translation>La caméra choisie dans les Paramètres n’est pas connectée : si elle n’est pas branchée avant le début de l’appel, l’appel utilise la caméra par défaut.</translation>
    </message>
    <message>
        <source>The microphone chosen in Settings is not connected: unless it is plugged in before the call starts, the call uses the default microphone.</source>
        <translation>Le micro choisi dans les Paramètres n’est pas connecté : s’il n’est pas branché avant le début de l’appel, l’appel utilise le micro par défaut.</translation>
    </message>
    <message>
        <source>The speaker chosen in Settings is not connected: the patient is heard on the default speaker.</source>
        <translation>Le haut-parleur choisi dans les Paramètres n’est pas connecté : le patient s’entend sur le haut-parleur par défaut.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub&apos;s practice key: use the built-in hub.</source>
        <translation>Cet ordinateur n’a pas de trousseau pour garder la clé du cabinet : utilisez le hub intégré.</translation>
    </message>
    <message>
        <source>Type the practice key that whoever runs the hub gave you.</source>
        <translation>Tapez la clé du cabinet que vous a donnée le gestionnaire du hub.</translation>
    </message>
    <message>
        <source>Type the hub&apos;s address alone, such as https://hub.example.be (plain http only for a hub on this computer).</source>
        <translation>Tapez l’adresse du hub seule, comme https://hub.example.be (http simple seulement pour un hub sur cet ordinateur).</translation>
    </message>
    <message>
        <source>The hub at %1 does not know this practice key. Check it with whoever runs the hub.</source>
        <translation>Le hub %1 ne connaît pas cette clé du cabinet. Vérifiez-la avec le gestionnaire du hub.</translation>
    </message>
    <message>
        <source>The hub at %1 turns this computer away for a while after wrong keys: try again in a minute.</source>
        <translation>Le hub %1 refuse cet ordinateur quelque temps après des clés erronées : réessayez dans une minute.</translation>
    </message>
    <message>
        <source>The hub at %1 cannot check practice keys: is it a tooddoc hub?</source>
        <translation>Le hub %1 ne sait pas vérifier les clés de cabinet : est-ce un hub tooddoc ?</translation>
    </message>
    <message>
        <source>The hub at %1 does not answer. Check the address, or choose Next again to keep it as it is: invites will fail until the hub answers.</source>
        <translation>Le hub %1 ne répond pas. Vérifiez l’adresse, ou choisissez à nouveau Suivant pour la garder telle quelle : les invitations échoueront tant que le hub ne répond pas.</translation>
    </message>
    <message>
        <source>This is not the recovery key shown above: compare each group of four.</source>
        <translation>Ce n’est pas la clé de récupération affichée ci-dessus : comparez chaque groupe de quatre.</translation>
    </message>
    <message>
        <source>A recovery key has 32 letters and digits, in 8 groups of 4, like the one above.</source>
        <translation>Une clé de récupération compte 32 lettres et chiffres, en 8 groupes de 4, comme celle ci-dessus.</translation>
    </message>
    <message>
        <source>The hub at %1 does not answer. Check the address, or choose Save again to use it as it is: invites will fail until the hub answers.</source>
        <translation>Le hub à l’adresse %1 ne répond pas. Vérifiez l’adresse, ou choisissez à nouveau Enregistrer pour l’utiliser tel quel : les invitations échoueront tant que le hub ne répond pas.</translation>
    </message>
    <message>
        <source>A call runs through the current hub: change the hub once the call has ended.</source>
        <translation>Un appel passe par le hub actuel : changez de hub quand l’appel sera terminé.</translation>
    </message>
    <message>
        <source>Links sent earlier still lead to the current hub: withdraw them under Today, or change the hub once they have been used or have expired.</source>
        <translation>Des liens déjà envoyés mènent encore au hub actuel : retirez-les sous Aujourd’hui, ou changez de hub quand ils auront servi ou expiré.</translation>
    </message>
    <message>
        <source>No key was given.</source>
        <translation>Aucune clé n’a été donnée.</translation>
    </message>
    <message>
        <source>A practice key is one word of letters, digits and signs.</source>
        <translation>Une clé de cabinet est un seul mot de lettres, chiffres et signes.</translation>
    </message>
    <message>
        <source>A practice key has %1 to %2 characters; this one has %3.</source>
        <translation>Une clé de cabinet a de %1 à %2 caractères ; celle-ci en a %3.</translation>
    </message>
    <message>
        <source>The settings file must hold one section in braces ({…}).</source>
        <translation>Le fichier des réglages doit contenir une seule section entre accolades ({…}).</translation>
    </message>
    <message>
        <source>The practice&apos;s name, shown to patients, has 1 to 80 characters.</source>
        <translation>Le nom du cabinet, montré aux patients, compte de 1 à 80 caractères.</translation>
    </message>
    <message>
        <source>The built-in hub&apos;s port is a number from 0 to 65535.</source>
        <translation>Le port du hub intégré est un nombre de 0 à 65535.</translation>
    </message>
    <message>
        <source>The video comes from the camera (auto) or a test picture (test-pattern).</source>
        <translation>La vidéo vient de la caméra (auto) ou d’une image de test (test-pattern).</translation>
    </message>
    <message>
        <source>Booked links leave 1 to %1 minutes before their time: a link works for an hour, so it must still work at the booked time.</source>
        <translation>Les liens des rendez-vous partent de 1 à %1 minutes avant l’heure : un lien fonctionne une heure, il doit donc encore marcher à l’heure du rendez-vous.</translation>
    </message>
    <message>
        <source>The screen locks after 1 to %1 minutes without a key press or a click.</source>
        <translation>L’écran se verrouille après 1 à %1 minutes sans frappe ni clic.</translation>
    </message>
    <message>
        <source>Give a whole number of minutes.</source>
        <translation>Indiquez un nombre entier de minutes.</translation>
    </message>
    <message>
        <source>The hub is the built-in one (embedded) or the practice&apos;s hosted hub (hosted).</source>
        <translation>Le hub est le hub intégré (embedded) ou le hub hébergé du cabinet (hosted).</translation>
    </message>
    <message>
        <source>The hosted hub needs its address, such as https://hub.example.be.</source>
        <translation>Le hub hébergé a besoin de son adresse, par exemple https://hub.example.be.</translation>
    </message>
    <message>
        <source>The settings file cannot be read.</source>
        <translation>Le fichier des réglages est illisible.</translation>
    </message>
    <message>
        <source>The language is fr, nl, en or de.</source>
        <translation>La langue est fr, nl, en ou de.</translation>
    </message>
    <message>
        <source>A setting has a value of the wrong kind (text, a number, or a section in braces).</source>
        <translation>Un réglage a une valeur du mauvais type (texte, nombre ou section entre accolades).</translation>
    </message>
    <message>
        <source>The billing table (codes and fees for the export) cannot be used.</source>
        <translation>La table de facturation (codes et honoraires de l’export) est inutilisable.</translation>
    </message>
    <message>
        <source>The hub&apos;s address is an https address alone, such as https://hub.example.be (plain http only for a hub on this computer).</source>
        <translation>L’adresse du hub est une adresse https seule, par exemple https://hub.example.be (http simple seulement pour un hub sur cet ordinateur).</translation>
    </message>
    <message>
        <source>SMS leave through Twilio, Vonage, or nothing (the dev outbox).</source>
        <translation>Les SMS partent par Twilio, par Vonage, ou pas du tout (la boîte d’envoi de test).</translation>
    </message>
    <message>
        <source>Say who the SMS is from: a name of up to 11 letters and digits, or the number the SMS provider gave the practice (+32…).</source>
        <translation>Indiquez de qui vient le SMS : un nom de 11 lettres et chiffres au plus, ou le numéro que le fournisseur SMS a donné au cabinet (+32…).</translation>
    </message>
    <message>
        <source>The mail server is a name such as smtp.example.be.</source>
        <translation>Le serveur de courrier est un nom comme smtp.example.be.</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number from 1 to 65535, usually 587 or 465.</source>
        <translation>Le port du serveur de courrier est un nombre de 1 à 65535, en général 587 ou 465.</translation>
    </message>
    <message>
        <source>The mail server is reached with STARTTLS (port 587) or TLS (port 465).</source>
        <translation>Le serveur de courrier se joint en STARTTLS (port 587) ou en TLS (port 465).</translation>
    </message>
    <message>
        <source>Give the address the invites come from.</source>
        <translation>Indiquez l’adresse d’où partent les invitations.</translation>
    </message>
    <message>
        <source>The address the invites come from is not a valid e-mail address.</source>
        <translation>L’adresse d’où partent les invitations n’est pas une adresse e-mail valable.</translation>
    </message>
    <message>
        <source>The address for replies is not a valid e-mail address.</source>
        <translation>L’adresse de réponse n’est pas une adresse e-mail valable.</translation>
    </message>
    <message>
        <source>The sender&apos;s name has at most 80 characters.</source>
        <translation>Le nom de l’expéditeur compte 80 caractères au plus.</translation>
    </message>
    <message>
        <source>This part of the settings must be a section in braces ({…}).</source>
        <translation>Cette partie des réglages doit être une section entre accolades ({…}).</translation>
    </message>
    <message>
        <source>This setting must be text.</source>
        <translation>Ce réglage doit être du texte.</translation>
    </message>
    <message>
        <source>The SMS sender is a name of up to 11 letters, digits and spaces (with a letter), or a number written with its country code (+32…).</source>
        <translation>L’expéditeur du SMS est un nom de 11 lettres, chiffres et espaces au plus (avec une lettre), ou un numéro écrit avec son indicatif de pays (+32…).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number, usually 587 or 465.</source>
        <translation>Le port du serveur de courrier est un nombre, en général 587 ou 465.</translation>
    </message>
    <message>
        <source>Name the mail server (such as smtp.example.be), or empty the other mail fields to show e-mails in the dev outbox.</source>
        <translation>Indiquez le serveur de courrier (par exemple smtp.example.be), ou videz les autres champs du courrier pour montrer les e-mails dans la boîte d’envoi de test.</translation>
    </message>
    <message>
        <source>The Twilio account SID is AC followed by 32 digits and letters from a to f, as the Twilio console shows it.</source>
        <translation>Le SID du compte Twilio est AC suivi de 32 chiffres et lettres de a à f, tel que la console Twilio le montre.</translation>
    </message>
    <message>
        <source>The Vonage API key is 4 to 64 letters and digits, as the Vonage dashboard shows it.</source>
        <translation>La clé d’API Vonage compte de 4 à 64 lettres et chiffres, telle que le tableau de bord Vonage la montre.</translation>
    </message>
    <message>
        <source>The SMS provider&apos;s address must start with https://.</source>
        <translation>L’adresse du fournisseur SMS doit commencer par https://.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the secret: set it up with the command line.</source>
        <translation>Cet ordinateur n’a pas de trousseau pour garder le secret : configurez-le en ligne de commande.</translation>
    </message>
    <message>
        <source>A secret was given for a provider that is not set up.</source>
        <translation>Un secret a été donné pour un fournisseur qui n’est pas configuré.</translation>
    </message>
    <message>
        <source>No secret was given.</source>
        <translation>Aucun secret n’a été donné.</translation>
    </message>
    <message>
        <source>The secret starts or ends with a space, or holds a character that cannot be typed: paste it again.</source>
        <translation>Le secret commence ou finit par une espace, ou contient un caractère qui ne se tape pas : collez-le à nouveau.</translation>
    </message>
    <message>
        <source>A secret has at most %1 characters.</source>
        <translation>Un secret compte %1 caractères au plus.</translation>
    </message>
    <message>
        <source>This user is not in the store.</source>
        <translation>Cet utilisateur ne figure pas dans la base des consultations.</translation>
    </message>
    <message>
        <source>Refresh the list of users.</source>
        <translation>Actualisez la liste des utilisateurs.</translation>
    </message>
    <message>
        <source>Another user already has this name.</source>
        <translation>Un autre utilisateur porte déjà ce nom.</translation>
    </message>
    <message>
        <source>Add a first name or an initial to tell them apart.</source>
        <translation>Ajoutez un prénom ou une initiale pour les distinguer.</translation>
    </message>
    <message>
        <source>The store is closed.</source>
        <translation>La base des consultations est fermée.</translation>
    </message>
    <message>
        <source>Restart the app; what is on screen is not saved yet.</source>
        <translation>Redémarrez l’application ; ce qui est à l’écran n’est pas encore enregistré.</translation>
    </message>
    <message>
        <source>No backup folder is chosen, so no backup is made.</source>
        <translation>Aucun dossier de sauvegarde n&apos;est choisi : aucune sauvegarde n&apos;est faite.</translation>
    </message>
    <message>
        <source>Choose a folder for the backups (an external disk or a network share) in Settings &gt; Backups, or give one with `tooddoc-desk backup --to FOLDER`.</source>
        <translation>Choisissez un dossier pour les sauvegardes (un disque externe ou un partage réseau) dans Paramètres &gt; Sauvegardes, ou donnez-en un avec `tooddoc-desk backup --to DOSSIER`.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be found: no backup was made.</source>
        <translation>Le dossier de sauvegarde %1 est introuvable : aucune sauvegarde n&apos;a été faite.</translation>
    </message>
    <message>
        <source>Connect the disk or the network share it is on, or choose another folder.</source>
        <translation>Branchez le disque ou le partage réseau où il se trouve, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>The backup folder %1 does not let this app write to it: no backup was made.</source>
        <translation>Le dossier de sauvegarde %1 ne permet pas à cette application d&apos;y écrire : aucune sauvegarde n&apos;a été faite.</translation>
    </message>
    <message>
        <source>Give your user account write access to it, or choose another folder.</source>
        <translation>Donnez à votre compte d&apos;utilisateur le droit d&apos;y écrire, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>The disk of the backup folder %1 is full: no backup was made; the earlier backups are kept.</source>
        <translation>Le disque du dossier de sauvegarde %1 est plein : aucune sauvegarde n&apos;a été faite ; les sauvegardes précédentes sont gardées.</translation>
    </message>
    <message>
        <source>Free some space on that disk (or choose a larger one), then back up again.</source>
        <translation>Libérez de la place sur ce disque (ou choisissez-en un plus grand), puis sauvegardez à nouveau.</translation>
    </message>
    <message>
        <source>This file is not a tooddoc-desk backup (%1). Nothing was written to the data folder.</source>
        <translation>Ce fichier n&apos;est pas une sauvegarde tooddoc-desk (%1). Rien n&apos;a été écrit dans le dossier de données.</translation>
    </message>
    <message>
        <source>Choose a file named tooddoc-desk-backup-….tdbackup from the backup folder.</source>
        <translation>Choisissez un fichier nommé tooddoc-desk-backup-….tdbackup dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete (%1). Nothing was written to the data folder.</source>
        <translation>Cette sauvegarde est endommagée ou incomplète (%1). Rien n&apos;a été écrit dans le dossier de données.</translation>
    </message>
    <message>
        <source>Restore an earlier backup from the same folder.</source>
        <translation>Restaurez une sauvegarde antérieure du même dossier.</translation>
    </message>
    <message>
        <source>it is not a backup archive</source>
        <translation>ce n&apos;est pas une archive de sauvegarde</translation>
    </message>
    <message>
        <source>the file is cut short or altered</source>
        <translation>le fichier est tronqué ou modifié</translation>
    </message>
    <message>
        <source>its description is of another kind</source>
        <translation>sa description est d&apos;un autre type</translation>
    </message>
    <message>
        <source>backup format %1 is unknown</source>
        <translation>le format de sauvegarde %1 est inconnu</translation>
    </message>
    <message>
        <source>the database in it is not the one it describes</source>
        <translation>la base de données qu&apos;elle contient n&apos;est pas celle qu&apos;elle décrit</translation>
    </message>
    <message>
        <source>its description is not readable</source>
        <translation>sa description est illisible</translation>
    </message>
    <message>
        <source>its description is incomplete</source>
        <translation>sa description est incomplète</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>ce fichier n&apos;existe pas</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>c&apos;est un dossier</translation>
    </message>
    <message>
        <source>it holds no backup description</source>
        <translation>il ne contient aucune description de sauvegarde</translation>
    </message>
    <message>
        <source>a part is missing</source>
        <translation>une partie manque</translation>
    </message>
    <message>
        <source>its parts do not belong together</source>
        <translation>ses parties ne vont pas ensemble</translation>
    </message>
    <message>
        <source>%1 cannot be read whole</source>
        <translation>%1 ne peut pas être lu en entier</translation>
    </message>
    <message>
        <source>the database in it is cut short or altered</source>
        <translation>la base de données qu&apos;elle contient est tronquée ou modifiée</translation>
    </message>
    <message>
        <source>its key slots are unreadable</source>
        <translation>ses emplacements de clé sont illisibles</translation>
    </message>
    <message>
        <source>its database fails its integrity check</source>
        <translation>sa base de données échoue au contrôle d&apos;intégrité</translation>
    </message>
    <message>
        <source>its database does not match its keys</source>
        <translation>sa base de données ne correspond pas à ses clés</translation>
    </message>
    <message>
        <source>its database cannot be read: %1</source>
        <translation>sa base de données est illisible : %1</translation>
    </message>
    <message>
        <source>The backups cannot go into the app&apos;s own data folder: a dead disk would take both. Choose a folder on another disk or a network share.</source>
        <translation>Les sauvegardes ne peuvent pas aller dans le dossier de données de l&apos;application : un disque en panne emporterait les deux. Choisissez un dossier sur un autre disque ou un partage réseau.</translation>
    </message>
    <message>
        <source>Give the full path of an existing folder.</source>
        <translation>Donnez le chemin complet d&apos;un dossier existant.</translation>
    </message>
    <message>
        <source>The backup failed; the details are in the log.</source>
        <translation>La sauvegarde a échoué ; les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: see Settings &gt; Backups.</source>
        <translation>La sauvegarde du jour n&apos;a pas pu être faite : voyez Paramètres &gt; Sauvegardes.</translation>
    </message>
    <message>
        <source>The practice&apos;s settings came back with it.</source>
        <translation>Les paramètres du cabinet sont revenus avec elle.</translation>
    </message>
    <message>
        <source>The practice&apos;s settings in the backup could not be used: set them again under Settings.</source>
        <translation>Les paramètres du cabinet dans la sauvegarde n&apos;ont pas pu être utilisés : définissez-les à nouveau dans Paramètres.</translation>
    </message>
    <message>
        <source>Unlock the keyring (log in to the desktop session) and start again, or type the recovery key given at set-up.</source>
        <translation>Déverrouillez le trousseau (connectez-vous à la session de bureau) et recommencez, ou tapez la clé de récupération donnée à l&apos;installation.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring did not answer (%1).</source>
        <translation>Le trousseau de cet ordinateur n&apos;a pas répondu (%1).</translation>
    </message>
    <message>
        <source>If keys.json was replaced, put back the one that belongs to this database; otherwise type the recovery key given at set-up.</source>
        <translation>Si keys.json a été remplacé, remettez celui qui va avec cette base de données ; sinon tapez la clé de récupération donnée à l&apos;installation.</translation>
    </message>
    <message>
        <source>This key does not open the consultation records.</source>
        <translation>Cette clé n&apos;ouvre pas le dossier des consultations.</translation>
    </message>
    <message>
        <source>This recovery key does not unlock the consultation records.</source>
        <translation>Cette clé de récupération ne déverrouille pas le dossier des consultations.</translation>
    </message>
    <message>
        <source>Check each group of the recovery key given at set-up, then type it again.</source>
        <translation>Vérifiez chaque groupe de la clé de récupération donnée à l&apos;installation, puis tapez-la à nouveau.</translation>
    </message>
    <message>
        <source>A recovery key has 32 letters and digits, in 8 groups of 4; what was typed is not one.</source>
        <translation>Une clé de récupération a 32 lettres et chiffres, en 8 groupes de 4 ; ce qui a été tapé n&apos;en est pas une.</translation>
    </message>
    <message>
        <source>A store (or part of one) already exists here; a new one is never created over it.</source>
        <translation>Un dossier de consultations (ou une partie) existe déjà ici ; un nouveau n&apos;est jamais créé par-dessus.</translation>
    </message>
    <message>
        <source>Open the existing store in %1, or move its files away first.</source>
        <translation>Ouvrez celui qui existe dans %1, ou déplacez d&apos;abord ses fichiers ailleurs.</translation>
    </message>
    <message>
        <source>A passphrase needs at least %1 characters.</source>
        <translation>Une phrase de passe doit avoir au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Choose a longer passphrase: a few unrelated words are easy to type and hard to guess.</source>
        <translation>Choisissez une phrase de passe plus longue : quelques mots sans rapport sont faciles à taper et difficiles à deviner.</translation>
    </message>
    <message>
        <source>Nothing was changed on disk.</source>
        <translation>Rien n&apos;a été modifié sur le disque.</translation>
    </message>
    <message>
        <source>Type the amount in euros, such as 25.00.</source>
        <translation>Tapez le montant en euros, par exemple 25,00.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>A pre-payment is at most %1 euros; ask the rest after the consultation.</source>
        <translation>Un prépaiement est de %1 euros au plus ; demandez le reste après la consultation.</translation>
    </message>
    <message>
        <source>A pre-payment is at most %1 euros.</source>
        <translation>Un prépaiement est de %1 euros au plus.</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (cents).</source>
        <translation>Un montant a au plus deux décimales (les cents).</translation>
    </message>
    <message>
        <source>Pre-payments are in euros.</source>
        <translation>Les prépaiements sont en euros.</translation>
    </message>
    <message>
        <source>Stripe failed to answer; the app tries again in a moment.</source>
        <translation>Stripe n’a pas su répondre ; l’app réessaie dans un instant.</translation>
    </message>
    <message>
        <source>Stripe does not accept the key kept on this computer: keep the restricted key again with tooddoc-desk provider-secret --stripe.</source>
        <translation>Stripe n’accepte pas la clé conservée sur cet ordinateur : conservez à nouveau la clé restreinte avec tooddoc-desk provider-secret --stripe.</translation>
    </message>
    <message>
        <source>The Stripe key may not do this: give the restricted key write access to Checkout Sessions and Refunds.</source>
        <translation>La clé Stripe n’a pas ce droit : donnez à la clé restreinte l’accès en écriture aux Checkout Sessions et aux Refunds.</translation>
    </message>
    <message>
        <source>Stripe asks to slow down; the app tries again in a moment.</source>
        <translation>Stripe demande de ralentir ; l’app réessaie dans un instant.</translation>
    </message>
    <message>
        <source>Stripe could not be reached; check the internet connection.</source>
        <translation>Stripe est injoignable ; vérifiez la connexion internet.</translation>
    </message>
    <message>
        <source>Stripe refused the request: %1.</source>
        <translation>Stripe a refusé la demande : %1.</translation>
    </message>
    <message>
        <source>This is Stripe&apos;s publishable key: give a restricted key (rk_live_…) instead.</source>
        <translation>C’est la clé publiable de Stripe : donnez plutôt une clé restreinte (rk_live_…).</translation>
    </message>
    <message>
        <source>This is not a Stripe API key: a restricted key starts with rk_live_ (or rk_test_ to try).</source>
        <translation>Ce n’est pas une clé d’API Stripe : une clé restreinte commence par rk_live_ (ou rk_test_ pour essayer).</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Quelque chose s’est mal passé ; les détails se trouvent dans le journal.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Choose an SMS provider or a mail server, or keep the invites in the app.</source>
        <translation>Choisissez un fournisseur SMS ou un serveur de courrier, ou gardez les invitations dans l’app.</translation>
    </message>
</context>
</TS>
