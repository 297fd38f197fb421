<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AuditView</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betreft</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Aanmelding geweigerd</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Afgemeld</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Scherm vergrendeld</translation>
    </message>
    <message>
        <source>Notes opened</source>
        <translation>Notities geopend</translation>
    </message>
    <message>
        <source>Chat opened</source>
        <translation>Chat geopend</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Herstel</translation>
    </message>
    <message>
        <source>Recovery key replaced</source>
        <translation>Herstelsleutel vervangen</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Instellingen gewijzigd</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Gebruiker toegevoegd</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>Gebruiker gewijzigd</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Wachtwoord opnieuw ingesteld</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>Eigen wachtwoord gewijzigd</translation>
    </message>
    <message>
        <source>Payment refunded</source>
        <translation>Betaling terugbetaald</translation>
    </message>
    <message>
        <source>Consultation deleted</source>
        <translation>Consultatie verwijderd</translation>
    </message>
    <message>
        <source>Old records purged</source>
        <translation>Oude dossiers gewist</translation>
    </message>
    <message>
        <source>Retention changed</source>
        <translation>Bewaartermijn gewijzigd</translation>
    </message>
    <message>
        <source>Audit log shown</source>
        <translation>Auditlogboek bekeken</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Auditlogboek</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Items van het auditlogboek</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Nieuwere</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Oudere</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Keten controleren</translation>
    </message>
    <message>
        <source>Check that no entry was changed, removed or added outside the app</source>
        <translation>Controleren dat geen item buiten de app werd gewijzigd, verwijderd of toegevoegd</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>Items %1–%2 van %3, nieuwste eerst</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Geen items</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand aangemeld</translation>
    </message>
    <message>
        <source>Command line: %1</source>
        <translation>Opdrachtregel: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>The chain holds: %1 entries checked.</source>
        <translation>De keten is intact: %1 items gecontroleerd.</translation>
    </message>
    <message>
        <source>The chain is broken at entry %1: that entry and the ones after it cannot be trusted. Compare with a backup.</source>
        <translation>De keten is verbroken bij item %1: dat item en de volgende zijn niet betrouwbaar. Vergelijk met een back-up.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Back-ups</translation>
    </message>
    <message>
        <source>An encrypted copy of the consultations, the notes and the history: made every day while the app is open (at start if the last one is older than a day), and whenever you press Back up now. It opens only with the recovery key in use when it was made, on this computer or a new one. Keep the folder on another disk or a network share. Kept: one a day for %1 days, one a month for %2 months.</source>
        <translation>Een versleutelde kopie van de consultaties, de notities en de geschiedenis: elke dag gemaakt zolang de app open is (bij het starten als de laatste ouder is dan een dag), en telkens u op Nu back-up maken klikt. Ze opent alleen met de herstelsleutel die in gebruik was toen ze werd gemaakt, op deze computer of een nieuwe. Bewaar de map op een andere schijf of een netwerkshare. Bewaard: één per dag gedurende %1 dagen, één per maand gedurende %2 maanden.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Back-upmap</translation>
    </message>
    <message>
        <source>No folder chosen: no backup is made</source>
        <translation>Geen map gekozen: er wordt geen back-up gemaakt</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Nu back-up maken</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Lost the written-down recovery key, or someone else may have seen it? Make a new one: the backups made from then on open with it.</source>
        <translation>De opgeschreven herstelsleutel kwijt, of heeft iemand anders hem misschien gezien? Maak een nieuwe: de back-ups die daarna worden gemaakt, openen ermee.</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>Nieuwe herstelsleutel…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Back-up wordt gemaakt…</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2).</source>
        <translation>Laatste back-up: %1 (%2).</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Er is nog geen back-up gemaakt.</translation>
    </message>
    <message>
        <source>The last try, %1, failed:</source>
        <translation>De laatste poging, %1, is mislukt:</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <source>No call in progress</source>
        <translation>Geen gesprek bezig</translation>
    </message>
    <message>
        <source>Audio only: the connection is too weak for video. The video comes back by itself.</source>
        <translation>Enkel audio: de verbinding is te zwak voor video. Het beeld komt vanzelf terug.</translation>
    </message>
    <message>
        <source>Your camera</source>
        <translation>Uw camera</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinden met %1…</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>In gesprek</translation>
    </message>
    <message>
        <source>Connection lost — the patient&apos;s side is reconnecting…</source>
        <translation>Verbinding verbroken — de patiënt maakt opnieuw verbinding…</translation>
    </message>
    <message>
        <source>Connection: good</source>
        <translation>Verbinding: goed</translation>
    </message>
    <message>
        <source>Connection: fair — the picture may stutter</source>
        <translation>Verbinding: matig — het beeld kan haperen</translation>
    </message>
    <message>
        <source>Connection: poor</source>
        <translation>Verbinding: slecht</translation>
    </message>
    <message>
        <source>Patient&apos;s video</source>
        <translation>Video van de patiënt</translation>
    </message>
    <message>
        <source>Your own picture</source>
        <translation>Uw eigen beeld</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Duur van het gesprek</translation>
    </message>
    <message>
        <source>Connection quality</source>
        <translation>Kwaliteit van de verbinding</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Ophangen</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Microfoon aan</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Microfoon uit</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Camera aan</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Camera uit</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Chat with the patient</source>
        <translation>Chat met de patiënt</translation>
    </message>
    <message>
        <source>Chat during the call</source>
        <translation>Chat tijdens het gesprek</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>Chatberichten</translation>
    </message>
    <message>
        <source>Message to the patient</source>
        <translation>Bericht aan de patiënt</translation>
    </message>
    <message>
        <source>Message to the patient (Enter sends)</source>
        <translation>Bericht aan de patiënt (Enter verstuurt)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Het bericht versturen</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>Status van de chat</translation>
    </message>
    <message>
        <source>● 1 new message</source>
        <translation>● 1 nieuw bericht</translation>
    </message>
    <message>
        <source>● %1 new messages</source>
        <translation>● %1 nieuwe berichten</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>You</source>
        <translation>U</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Zorgverlener</translation>
    </message>
    <message>
        <source>A message is at most %1 characters; this one has %2.</source>
        <translation>Een bericht telt hoogstens %1 tekens; dit heeft er %2.</translation>
    </message>
    <message>
        <source>Not sent: %1 Your text stays here.</source>
        <translation>Niet verstuurd: %1 Uw tekst blijft hier staan.</translation>
    </message>
</context>
<context>
    <name>ConsultationModel</name>
    <message>
        <source>Preparing</source>
        <translation>In voorbereiding</translation>
    </message>
    <message>
        <source>Link sent</source>
        <translation>Link verstuurd</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Link geopend</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>In gesprek</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Onderbroken</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Ingepland</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wordt verstuurd</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verstuurd</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Afgeleverd</translation>
    </message>
    <message>
        <source>Unknown: ask the patient</source>
        <translation>Onbekend: vraag het de patiënt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>Gevraagd om</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Awaiting payment (%1)</source>
        <translation>Betaling verwacht (%1)</translation>
    </message>
    <message>
        <source>Paid (%1)</source>
        <translation>Betaald (%1)</translation>
    </message>
    <message>
        <source>Refunded (%1)</source>
        <translation>Terugbetaald (%1)</translation>
    </message>
    <message>
        <source>card</source>
        <translation>kaart</translation>
    </message>
    <message>
        <source>Bancontact</source>
        <translation>Bancontact</translation>
    </message>
    <message>
        <source>Booked for %1</source>
        <translation>Ingepland om %1</translation>
    </message>
    <message>
        <source>Missed: link not sent</source>
        <translation>Gemist: link niet verstuurd</translation>
    </message>
    <message>
        <source>Sending (trying again)</source>
        <translation>Wordt verstuurd (nieuwe poging)</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Aangemeld als</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>Het scherm vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
</context>
<context>
    <name>DevicePrompt</name>
    <message>
        <source>The link was opened on a second device. Let the new device in?</source>
        <translation>De link werd op een tweede toestel geopend. Het nieuwe toestel binnenlaten?</translation>
    </message>
    <message>
        <source>Let it in</source>
        <translation>Binnenlaten</translation>
    </message>
    <message>
        <source>Keep the first one</source>
        <translation>Het eerste houden</translation>
    </message>
    <message>
        <source>Second device</source>
        <translation>Tweede toestel</translation>
    </message>
    <message>
        <source>Consultation with %1 (%2 more waiting)</source>
        <translation>Consultatie met %1 (nog %2 wachtend)</translation>
    </message>
    <message>
        <source>Consultation with %1</source>
        <translation>Consultatie met %1</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices</source>
        <translation>Apparaten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>DevicesEntry</name>
    <message>
        <source>Devices…</source>
        <translation>Apparaten…</translation>
    </message>
    <message>
        <source>Camera, microphone and speaker of this computer</source>
        <translation>Camera, microfoon en luidspreker van deze computer</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microfoon</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Luidspreker</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau van de microfoon</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Voorbeeld van de camera</translation>
    </message>
    <message>
        <source>Opening the camera…</source>
        <translation>De camera wordt geopend…</translation>
    </message>
    <message>
        <source>Play a test sound</source>
        <translation>Testgeluid afspelen</translation>
    </message>
    <message>
        <source>A change is kept for this computer at once. The next call uses the camera and the microphone chosen (a call in progress keeps its own); the speaker changes at once, in a call too.</source>
        <translation>Een wijziging wordt meteen bewaard voor deze computer. Het volgende gesprek gebruikt de gekozen camera en microfoon (een lopend gesprek houdt de zijne); de luidspreker verandert meteen, ook tijdens een gesprek.</translation>
    </message>
    <message>
        <source>Default camera</source>
        <translation>Standaardcamera</translation>
    </message>
    <message>
        <source>Default microphone</source>
        <translation>Standaardmicrofoon</translation>
    </message>
    <message>
        <source>Default speaker</source>
        <translation>Standaardluidspreker</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (niet aangesloten)</translation>
    </message>
    <message>
        <source>This computer has no speaker to play on.</source>
        <translation>Deze computer heeft geen luidspreker om op af te spelen.</translation>
    </message>
    <message>
        <source>No camera could be opened: a call sends this test pattern instead. Check that the camera is plugged in and that no other program uses it.</source>
        <translation>Er kon geen camera worden geopend: een gesprek stuurt in de plaats dit testbeeld. Controleer of de camera is aangesloten en of geen ander programma ze gebruikt.</translation>
    </message>
    <message>
        <source>The camera chosen could not be opened: a call would use %1.</source>
        <translation>De gekozen camera kon niet worden geopend: een gesprek zou %1 gebruiken.</translation>
    </message>
    <message>
        <source>No microphone could be opened: a call sends a quiet tone instead, and the patient does not hear you. Check that it is plugged in.</source>
        <translation>Er kon geen microfoon worden geopend: een gesprek stuurt in de plaats een zachte toon, en de patiënt hoort u niet. Controleer of hij is aangesloten.</translation>
    </message>
    <message>
        <source>The microphone chosen could not be opened: a call would use another.</source>
        <translation>De gekozen microfoon kon niet worden geopend: een gesprek zou een andere gebruiken.</translation>
    </message>
    <message>
        <source>Speak: the bar moves with your voice.</source>
        <translation>Spreek: de balk beweegt mee met uw stem.</translation>
    </message>
    <message>
        <source>The speaker chosen is not connected: the default one plays.</source>
        <translation>De gekozen luidspreker is niet aangesloten: de standaardluidspreker speelt af.</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>This computer has no keyring, so the consultation store is protected by a passphrase asked at each start.
Choose one of at least %1 characters:</source>
        <translation>Deze computer heeft geen sleutelbos: de consultatiedatabank wordt daarom beschermd met een wachtzin die bij elke start gevraagd wordt.
Kies er een van minstens %1 tekens:</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Kies een wachtzin</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Typ ze opnieuw:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De twee wachtzinnen verschillen.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Passphrase of the consultation store:</source>
        <translation>Wachtzin van de consultatiedatabank:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Herstelsleutel:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the consultation log</source>
        <translation>Het consultatielogboek exporteren</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To (included)</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Zorgverlener</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Include clinical notes</source>
        <translation>Klinische notities meenemen</translation>
    </message>
    <message>
        <source>Only for a practitioner&apos;s own records: never for billing</source>
        <translation>Alleen voor het eigen dossier van de zorgverlener: nooit voor de facturatie</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Alle zorgverleners</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV voor Excel</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-rapport</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>De laatste dag ligt vóór de eerste.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export geannuleerd: er is niets geschreven.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 kon niet geschreven worden: %2</translation>
    </message>
    <message>
        <source>%1 consultations exported to %2 (fees EUR %3, %4 paid).</source>
        <translation>%1 consultaties geëxporteerd naar %2 (honoraria %3 EUR, %4 betaald).</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up tooddoc-desk</source>
        <translation>tooddoc-desk instellen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Terug (Alt+Links)</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Voltooien</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Stap %1 van %2: %3</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search a number or an e-mail address</source>
        <translation>Zoek een nummer of e-mailadres</translation>
    </message>
    <message>
        <source>Search by contact</source>
        <translation>Zoeken op contact</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Zorgverlener</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige pagina</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Volgende pagina</translation>
    </message>
    <message>
        <source>Consultation history</source>
        <translation>Historiek van de consultaties</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Volledige periode</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Laatste 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Laatste 30 dagen</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Laatste 12 maanden</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Alle zorgverleners</translation>
    </message>
    <message>
        <source>No consultation found</source>
        <translation>Geen consultatie gevonden</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 van %3</translation>
    </message>
    <message>
        <source>good</source>
        <translation>goed</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>matig</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>slecht</translation>
    </message>
    <message>
        <source>Call quality: %1</source>
        <translation>Gesprekskwaliteit: %1</translation>
    </message>
</context>
<context>
    <name>HubFields</name>
    <message>
        <source>The built-in hub, on this computer</source>
        <translation>De ingebouwde hub, op deze computer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adres van de hub</translation>
    </message>
    <message>
        <source>Practice key</source>
        <translation>Praktijksleutel</translation>
    </message>
    <message>
        <source>Asking the hub whether it knows the key…</source>
        <translation>De hub controleert de sleutel…</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>bewaard in de sleutelhanger: laat leeg om het te behouden</translation>
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
        <translation>de ingebouwde hub</translation>
    </message>
    <message>
        <source>In use: %1.</source>
        <translation>In gebruik: %1.</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub, for patients at home</source>
        <translation>De gehoste hub van de praktijk, voor patiënten thuis</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub (this computer has no keyring for its key)</source>
        <translation>De gehoste hub van de praktijk (deze computer heeft geen sleutelbos voor de sleutel)</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>The hub</source>
        <translation>De hub</translation>
    </message>
    <message>
        <source>Patients open their link on the hub: it holds the waiting room and puts them through to you. The call itself is encrypted between you and the patient.</source>
        <translation>Patiënten openen hun link op de hub: die beheert de wachtkamer en verbindt hen met u. Het gesprek zelf is versleuteld tussen u en de patiënt.</translation>
    </message>
    <message>
        <source>Nothing to set up: good to try the app. Links open only on this computer.</source>
        <translation>Niets in te stellen: handig om de app uit te proberen. Links openen alleen op deze computer.</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub</source>
        <translation>De gehoste hub van de praktijk</translation>
    </message>
    <message>
        <source>For patients at home. Whoever runs the hub gives you its address and the practice key; the key is kept in this computer&apos;s keyring.</source>
        <translation>Voor patiënten thuis. Wie de hub beheert, geeft u het adres en de praktijksleutel; de sleutel wordt bewaard in de sleutelbos van deze computer.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub&apos;s practice key: the built-in hub only.</source>
        <translation>Deze computer heeft geen sleutelbos om de praktijksleutel van de hub te bewaren: alleen de ingebouwde hub.</translation>
    </message>
</context>
<context>
    <name>InvitePanel</name>
    <message>
        <source>&lt;b&gt;Tele-consultation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Teleconsultatie&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Mobile number or e-mail address</source>
        <translation>Gsm-nummer of e-mailadres</translation>
    </message>
    <message>
        <source>Patient&apos;s mobile number or e-mail address</source>
        <translation>Gsm-nummer of e-mailadres van de patiënt</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>The patient&apos;s language</source>
        <translation>Taal van de patiënt</translation>
    </message>
    <message>
        <source>now — or 14:30, or 26/11 9:15</source>
        <translation>nu — of 14:30, of 26/11 9:15</translation>
    </message>
    <message>
        <source>When: empty for now, or the consultation&apos;s time</source>
        <translation>Wanneer: leeg voor nu, of het uur van de consultatie</translation>
    </message>
    <message>
        <source>When the link leaves</source>
        <translation>Wanneer de link vertrekt</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>Pre-payment (€)</source>
        <translation>Vooruitbetaling (€)</translation>
    </message>
    <message>
        <source>none — or 25.00</source>
        <translation>geen — of 25,00</translation>
    </message>
    <message>
        <source>Pre-payment in euros: empty for none, or the amount to pay before the call</source>
        <translation>Vooruitbetaling in euro: leeg voor geen, of het bedrag dat vóór het gesprek betaald wordt</translation>
    </message>
    <message>
        <source>The pre-payment</source>
        <translation>De vooruitbetaling</translation>
    </message>
    <message>
        <source>The practitioner it is for</source>
        <translation>De betrokken zorgverlener</translation>
    </message>
    <message>
        <source>Choose the practitioner…</source>
        <translation>Kies de zorgverlener…</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Inplannen</translation>
    </message>
    <message>
        <source>Send link</source>
        <translation>Link versturen</translation>
    </message>
    <message>
        <source>Type the patient&apos;s mobile number or e-mail address.</source>
        <translation>Typ het gsm-nummer of e-mailadres van de patiënt.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>sms</translation>
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
        <translation>meteen</translation>
    </message>
    <message>
        <source>✓ %1: the link leaves %2</source>
        <translation>✓ %1: de link vertrekt %2</translation>
    </message>
    <message>
        <source>✓ %1, paid by card or Bancontact before the waiting room</source>
        <translation>✓ %1, betaald met kaart of Bancontact vóór de wachtkamer</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Consultation link — %1</source>
        <translation>Consultatielink — %1</translation>
    </message>
    <message>
        <source>QR code of the consultation link</source>
        <translation>QR-code van de consultatielink</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopiëren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
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
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Poort</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Beveiliging</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Afzenderadres</translation>
    </message>
    <message>
        <source>Replies to</source>
        <translation>Antwoorden naar</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>bewaard in de sleutelhanger: laat leeg om het te behouden</translation>
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
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Write the consultation log for billing and audits, as CSV or PDF</source>
        <translation>Het consultatielogboek schrijven voor facturatie en audits, als CSV of PDF</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historiek</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultaties</translation>
    </message>
    <message>
        <source>Consultation history</source>
        <translation>Historiek van de consultaties</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hulp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Call (%1 new)</source>
        <translation>Gesprek (%1 nieuw)</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Invites</source>
        <translation>Uitnodigingen</translation>
    </message>
    <message>
        <source>How the link reaches the patient: by SMS, or by e-mail.</source>
        <translation>Hoe de link de patiënt bereikt: via sms of via e-mail.</translation>
    </message>
    <message>
        <source>Show them in the app for now (the dev outbox)</source>
        <translation>Ze voorlopig in de app tonen (de test-outbox)</translation>
    </message>
    <message>
        <source>Nothing is sent: each invite appears in the app&apos;s outbox, and you give the link to the patient yourself (read it out, or let them scan its QR code). Good to try the app; set up a provider before inviting patients at home.</source>
        <translation>Er wordt niets verstuurd: elke uitnodiging verschijnt in de outbox van de app en u geeft de link zelf aan de patiënt (voorlezen, of de QR-code laten scannen). Handig om de app uit te proberen; stel een provider in voordat u patiënten thuis uitnodigt.</translation>
    </message>
    <message>
        <source>Send them by SMS and e-mail</source>
        <translation>Ze versturen via sms en e-mail</translation>
    </message>
    <message>
        <source>Through the practice&apos;s SMS provider (Twilio or Vonage) and its mail server. A channel left empty stays in the app&apos;s outbox. Tokens and passwords are kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Via de sms-provider van de praktijk (Twilio of Vonage) en haar mailserver. Een kanaal dat leeg blijft, blijft in de outbox van de app. Tokens en wachtwoorden worden bewaard in de sleutelbos van deze computer, nooit in een bestand.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nieuwe herstelsleutel</translation>
    </message>
    <message>
        <source>This key replaces the recovery key you hold now. It opens the consultation store when this computer&apos;s keyring entry is lost, and the backups made from now on. The key you hold now stops opening this computer&apos;s store, but the backups made before keep needing it: keep it with them until they are thinned away (after %1 months at the latest).</source>
        <translation>Deze sleutel vervangt de herstelsleutel die u nu hebt. Hij opent het consultatieregister wanneer de sleutelbosvermelding van deze computer verloren is, en de back-ups die vanaf nu worden gemaakt. De sleutel die u nu hebt, opent het register van deze computer niet meer, maar de eerder gemaakte back-ups hebben hem nog nodig: bewaar hem bij die back-ups tot ze worden opgeruimd (uiterlijk na %1 maanden).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Write the new key down now and keep it somewhere safe, away from this computer.&lt;/b&gt; It is shown only this once. Nothing changes until you type it back and press Use this key.</source>
        <translation>&lt;b&gt;Schrijf de nieuwe sleutel nu op en bewaar hem op een veilige plek, weg van deze computer.&lt;/b&gt; Hij wordt maar deze ene keer getoond. Er verandert niets tot u hem overtypt en op Deze sleutel gebruiken klikt.</translation>
    </message>
    <message>
        <source>Type it back</source>
        <translation>Typ hem over</translation>
    </message>
    <message>
        <source>The new recovery key, typed back</source>
        <translation>De nieuwe herstelsleutel, overgetypt</translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation>Deze sleutel gebruiken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The new recovery key is in use, and a backup was made with it (%1).</source>
        <translation>De nieuwe herstelsleutel is in gebruik, en er is een back-up mee gemaakt (%1).</translation>
    </message>
    <message>
        <source>The new recovery key is in use, but the backup made with it failed: press Back up now once this is mended:</source>
        <translation>De nieuwe herstelsleutel is in gebruik, maar de back-up die ermee werd gemaakt, is mislukt: klik op Nu back-up maken zodra dit is verholpen:</translation>
    </message>
    <message>
        <source>The new recovery key is in use. No backup folder is chosen: choose one, so that a backup opens with the new key.</source>
        <translation>De nieuwe herstelsleutel is in gebruik. Er is geen back-upmap gekozen: kies er een, zodat er een back-up is die met de nieuwe sleutel opent.</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <source>Consultation notes</source>
        <translation>Consultatienotities</translation>
    </message>
    <message>
        <source>Notes (kept encrypted on this computer)</source>
        <translation>Notities (versleuteld bewaard op deze computer)</translation>
    </message>
    <message>
        <source>Notes status</source>
        <translation>Status van de notities</translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters.</source>
        <translation>Notities zijn beperkt tot %1 tekens.</translation>
    </message>
    <message>
        <source>Not saved: %1 Your text stays here.</source>
        <translation>Niet opgeslagen: %1 Uw tekst blijft hier staan.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Messages not sent (dev outbox)</source>
        <translation>Niet-verstuurde berichten (testpostvak)</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Bericht kopiëren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no SMS provider and no mail server are set up, so invites are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Testpostvak&lt;/b&gt;: er is geen sms-aanbieder en geen mailserver ingesteld, dus uitnodigingen worden hier getoond in plaats van verstuurd.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no SMS provider is set up, so invites by SMS are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Testpostvak&lt;/b&gt;: er is geen sms-aanbieder ingesteld, dus uitnodigingen per sms worden hier getoond in plaats van verstuurd.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no mail server is set up, so invites by e-mail are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Testpostvak&lt;/b&gt;: er is geen mailserver ingesteld, dus uitnodigingen per e-mail worden hier getoond in plaats van verstuurd.</translation>
    </message>
    <message>
        <source>SMS to %1</source>
        <translation>Sms naar %1</translation>
    </message>
    <message>
        <source>E-mail to %1</source>
        <translation>E-mail naar %1</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>The people</source>
        <translation>De mensen</translation>
    </message>
    <message>
        <source>Your account first: you will manage the practice&apos;s users. Add the others now or later, from the Users tab.</source>
        <translation>Eerst uw account: u beheert de gebruikers van de praktijk. Voeg de anderen nu toe of later, via het tabblad Gebruikers.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Uw account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>INAMI number</source>
        <translation>RIZIV-nummer</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Wachtwoord of pincode</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Nogmaals</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <source>I am a practitioner (GP or dentist)</source>
        <translation>Ik ben zorgverlener (huisarts of tandarts)</translation>
    </message>
    <message>
        <source>I also welcome patients (reception)</source>
        <translation>Ik ontvang ook patiënten (onthaal)</translation>
    </message>
    <message>
        <source>Password or PIN again</source>
        <translation>Wachtwoord of pincode, nogmaals</translation>
    </message>
    <message>
        <source>A password of %1 characters or more, or a PIN of %2 to %3 digits.</source>
        <translation>Een wachtwoord van minstens %1 tekens, of een pincode van %2 tot %3 cijfers.</translation>
    </message>
    <message>
        <source>The others (you may add them later)</source>
        <translation>De anderen (u kunt ze later toevoegen)</translation>
    </message>
    <message>
        <source>People added</source>
        <translation>Toegevoegde personen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>First password or PIN</source>
        <translation>Eerste wachtwoord of pincode</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Their INAMI number</source>
        <translation>RIZIV-nummer</translation>
    </message>
    <message>
        <source>Their first password or PIN</source>
        <translation>Eerste wachtwoord of pincode van de persoon</translation>
    </message>
    <message>
        <source>Add to the practice</source>
        <translation>Aan de praktijk toevoegen</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>The practice</source>
        <translation>De praktijk</translation>
    </message>
    <message>
        <source>Welcome. Five short steps set the app up: the practice, the people who use the app, the hub patients connect through, how invites leave, and the recovery key of the consultation store, which you will write down at the end.</source>
        <translation>Welkom. Vijf korte stappen stellen de app in: de praktijk, de mensen die de app gebruiken, de hub waarlangs patiënten verbinden, hoe uitnodigingen vertrekken, en de herstelsleutel van de consultatiedatabank, die u op het einde noteert.</translation>
    </message>
    <message>
        <source>Name shown to patients</source>
        <translation>Naam die patiënten zien</translation>
    </message>
    <message>
        <source>Language of the app and of the invites</source>
        <translation>Taal van de app en van de uitnodigingen</translation>
    </message>
</context>
<context>
    <name>ProviderForms</name>
    <message>
        <source>None: shown in the app</source>
        <translation>Geen: getoond in de app</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (poort 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (poort 465)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyCard</name>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Copied. Paste it where you keep it; the app empties the clipboard at the end.</source>
        <translation>Gekopieerd. Plak hem waar u hem bewaart; de app maakt het klembord op het einde leeg.</translation>
    </message>
    <message>
        <source>tooddoc-desk: the consultation store&apos;s recovery key</source>
        <translation>tooddoc-desk: de herstelsleutel van de consultatiedatabank</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>De herstelsleutel afdrukken</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Verzonden naar %1.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation>De herstelsleutel</translation>
    </message>
    <message>
        <source>The consultations and notes are kept encrypted on this computer. Its keyring holds the key that opens them; this recovery key opens them too, when the keyring entry is lost: a new computer, a reinstalled system, a user account reset.</source>
        <translation>De consultaties en notities worden versleuteld bewaard op deze computer. De sleutelbos bevat de sleutel die ze opent; deze herstelsleutel opent ze ook wanneer die sleutel verloren is: een nieuwe computer, een opnieuw geïnstalleerd systeem, een gereset gebruikersaccount.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lose both the keyring entry and this recovery key, and the consultations, the notes and the history are gone for good:&lt;/b&gt; nobody can open them, not even the app&apos;s makers. Write the key down now and keep it somewhere safe, away from this computer. It is shown only this once.</source>
        <translation>&lt;b&gt;Verliest u zowel de sleutel in de sleutelbos als deze herstelsleutel, dan zijn de consultaties, de notities en de geschiedenis voorgoed weg:&lt;/b&gt; niemand kan ze openen, ook de makers van de app niet. Noteer de sleutel nu en bewaar hem op een veilige plek, weg van deze computer. Hij wordt maar één keer getoond.</translation>
    </message>
    <message>
        <source>A set-up left unfinished showed another key: that one no longer works. Keep this one.</source>
        <translation>Een onvoltooide installatie toonde een andere sleutel: die werkt niet meer. Bewaar deze.</translation>
    </message>
    <message>
        <source>Type it back</source>
        <translation>Typ hem over</translation>
    </message>
    <message>
        <source>The recovery key, typed back</source>
        <translation>De herstelsleutel, overgetypt</translation>
    </message>
</context>
<context>
    <name>RefundPrompt</name>
    <message>
        <source>Withdraw a paid consultation</source>
        <translation>Een betaalde consultatie intrekken</translation>
    </message>
    <message>
        <source>The patient paid %1 for this consultation. Refund it?</source>
        <translation>De patiënt betaalde %1 voor deze consultatie. Terugbetalen?</translation>
    </message>
    <message>
        <source>A refund goes back to the card or account it came from; the patient sees it within 5 to 10 days.</source>
        <translation>Een terugbetaling gaat naar de kaart of rekening waarvan ze kwam; de patiënt ziet ze binnen 5 tot 10 dagen.</translation>
    </message>
    <message>
        <source>Withdraw and refund</source>
        <translation>Intrekken en terugbetalen</translation>
    </message>
    <message>
        <source>Withdraw, keep the payment</source>
        <translation>Intrekken, betaling behouden</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>No consultation records on this computer yet</source>
        <translation>Nog geen consultatiegegevens op deze computer</translation>
    </message>
    <message>
        <source>Setting the practice up for the first time? Choose New practice. On a new computer, or after a disk was replaced, restore the practice&apos;s last backup with the recovery key written down at set-up: the consultations, the notes, the history and the settings come back.</source>
        <translation>Richt u de praktijk voor het eerst in? Kies Nieuwe praktijk. Op een nieuwe computer, of nadat een schijf werd vervangen, zet u de laatste back-up van de praktijk terug met de herstelsleutel die u bij de installatie noteerde: de consultaties, de notities, de geschiedenis en de instellingen komen terug.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Back-upbestand</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <source>New practice</source>
        <translation>Nieuwe praktijk</translation>
    </message>
    <message>
        <source>Choose the backup file and type the recovery key.</source>
        <translation>Kies het back-upbestand en typ de herstelsleutel.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Bezig met terugzetten…</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the key in: restore from the command line (tooddoc-desk restore --from FILE), which asks for a passphrase.</source>
        <translation>Deze computer heeft geen sleutelhanger om de sleutel in te bewaren: zet terug via de opdrachtregel (tooddoc-desk restore --from BESTAND), die om een wachtzin vraagt.</translation>
    </message>
    <message>
        <source>The restore failed; the details are in the log. Nothing was kept.</source>
        <translation>Het terugzetten is mislukt; de details staan in het logboek. Er werd niets bewaard.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Praktijk</translation>
    </message>
    <message>
        <source>Name shown to patients</source>
        <translation>Naam die patiënten zien</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Lock after (minutes idle)</source>
        <translation>Vergrendelen na (minuten inactief)</translation>
    </message>
    <message>
        <source>Booked links leave (minutes before)</source>
        <translation>Geplande links vertrekken (minuten vooraf)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Back-ups…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Type a new patient&apos;s number or address</source>
        <translation>Het nummer of adres van een nieuwe patiënt typen</translation>
    </message>
    <message>
        <source>Send the link (in the patient&apos;s field)</source>
        <translation>De link versturen (in het veld van de patiënt)</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Het scherm vergrendelen</translation>
    </message>
    <message>
        <source>Mute or unmute your microphone (in a call)</source>
        <translation>Uw microfoon uit- of aanzetten (tijdens een gesprek)</translation>
    </message>
    <message>
        <source>Turn your camera off or on (in a call)</source>
        <translation>Uw camera uit- of aanzetten (tijdens een gesprek)</translation>
    </message>
    <message>
        <source>Next tab: Today, Call, History, Users</source>
        <translation>Volgend tabblad: Vandaag, Gesprek, Geschiedenis, Gebruikers</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Vorig tabblad</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Volgend element</translation>
    </message>
    <message>
        <source>Previous control</source>
        <translation>Vorig element</translation>
    </message>
    <message>
        <source>Press the button that has the focus</source>
        <translation>De knop met de focus indrukken</translation>
    </message>
    <message>
        <source>Send a chat message (in the chat)</source>
        <translation>Een bericht versturen (in de chat)</translation>
    </message>
    <message>
        <source>New line in a chat message</source>
        <translation>Nieuwe regel in een bericht</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Deze lijst met sneltoetsen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Wat ze doen</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Wachtwoord of pincode</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Aanmelden als iemand anders</translation>
    </message>
    <message>
        <source>The screen was locked. Type your password or PIN.</source>
        <translation>Het scherm werd vergrendeld. Typ uw wachtwoord of pincode.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign-in problem</source>
        <translation>Probleem bij het aanmelden</translation>
    </message>
</context>
<context>
    <name>SmsForm</name>
    <message>
        <source>SMS</source>
        <translation>sms</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>Sender name or number</source>
        <translation>Naam of nummer van afzender</translation>
    </message>
    <message>
        <source>Account (SID or API key)</source>
        <translation>Account (SID of API-sleutel)</translation>
    </message>
    <message>
        <source>Token or secret</source>
        <translation>Token of geheim</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>bewaard in de sleutelhanger: laat leeg om het te behouden</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today&apos;s consultations</source>
        <translation>Consultaties van vandaag</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Send the link again (ask the patient first)</source>
        <translation>De link opnieuw versturen (vraag het eerst aan de patiënt)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <source>Stop the invite and make the link stop working</source>
        <translation>De uitnodiging stoppen en de link onbruikbaar maken</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Binnenlaten</translation>
    </message>
    <message>
        <source>Let the selected patient in from the waiting room</source>
        <translation>De geselecteerde patiënt uit de wachtzaal binnenlaten</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopiëren</translation>
    </message>
    <message>
        <source>Copy the consultation&apos;s link, to paste elsewhere</source>
        <translation>De link van de consultatie kopiëren, om elders te plakken</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-code</translation>
    </message>
    <message>
        <source>Show the link as a QR code to scan with a phone</source>
        <translation>De link tonen als QR-code om met een telefoon te scannen</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 sinds %2</translation>
    </message>
    <message>
        <source>Waiting room: %1 — select and click Admit</source>
        <translation>Wachtzaal: %1 — selecteer en klik op Binnenlaten</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Practitioner</source>
        <translation>Zorgverlener</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Onthaal</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Praktijkbeheerder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>INAMI number</source>
        <translation>RIZIV-nummer</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Mag zich aanmelden</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Wachtwoord of pincode</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Set this password or PIN</source>
        <translation>Dit wachtwoord of deze pincode instellen</translation>
    </message>
    <message>
        <source>Users message</source>
        <translation>Melding over de gebruikers</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>%1 may now sign in.</source>
        <translation>%1 kan zich nu aanmelden.</translation>
    </message>
    <message>
        <source>%1: saved.</source>
        <translation>%1: opgeslagen.</translation>
    </message>
    <message>
        <source>%1 has a new password or PIN.</source>
        <translation>%1 heeft een nieuw wachtwoord of een nieuwe pincode.</translation>
    </message>
</context>
<context>
    <name>WaitingAlert</name>
    <message>
        <source>A patient is in the waiting room</source>
        <translation>Er zit een patiënt in de wachtzaal</translation>
    </message>
    <message>
        <source>Open tooddoc-desk to admit them.</source>
        <translation>Open tooddoc-desk om de patiënt binnen te laten.</translation>
    </message>
</context>
<context>
    <name>sentences</name>
    <message>
        <source>No speaker was found: the patient cannot be heard.</source>
        <translation>Er werd geen luidspreker gevonden: u kunt de patiënt niet horen.</translation>
    </message>
    <message>
        <source>The consultation service did not answer, so no link was sent. Try again in a moment; if it keeps failing, restart the app.</source>
        <translation>De consultatiedienst antwoordde niet, dus er werd geen link verstuurd. Probeer het zo meteen opnieuw; blijft het mislukken, herstart dan de app.</translation>
    </message>
    <message>
        <source>The other device has gone away: the patient stays on the first one.</source>
        <translation>Het andere toestel is weg: de patiënt blijft op het eerste.</translation>
    </message>
    <message>
        <source>This patient is no longer waiting.</source>
        <translation>Deze patiënt wacht niet meer.</translation>
    </message>
    <message>
        <source>Finish the current call before admitting the next patient.</source>
        <translation>Beëindig het lopende gesprek voordat u de volgende patiënt binnenlaat.</translation>
    </message>
    <message>
        <source>This link is on its way already: wait for it to be sent or to fail.</source>
        <translation>Deze link is al onderweg: wacht tot hij verstuurd is of mislukt.</translation>
    </message>
    <message>
        <source>This consultation has no link to send again.</source>
        <translation>Deze consultatie heeft geen link om opnieuw te versturen.</translation>
    </message>
    <message>
        <source>The consultation&apos;s time has passed: give a time to come.</source>
        <translation>Het uur van de consultatie is voorbij: geef een uur in de toekomst op.</translation>
    </message>
    <message>
        <source>No Stripe key is kept on this computer, so no pre-payment can be asked: keep the restricted key with tooddoc-desk provider-secret --stripe.</source>
        <translation>Op deze computer is geen Stripe-sleutel bewaard, dus kan geen vooruitbetaling gevraagd worden: bewaar de beperkte sleutel met tooddoc-desk provider-secret --stripe.</translation>
    </message>
    <message>
        <source>This patient has not paid yet: they join the waiting room once they have.</source>
        <translation>Deze patiënt heeft nog niet betaald: hij komt in de wachtkamer zodra dat gebeurd is.</translation>
    </message>
    <message>
        <source>This consultation was not paid: there is nothing to refund.</source>
        <translation>Deze consultatie is niet betaald: er is niets terug te betalen.</translation>
    </message>
    <message>
        <source>A patient paid for a consultation that did not take place: refund it from Stripe&apos;s dashboard (the payment is described with the practice&apos;s name).</source>
        <translation>Een patiënt betaalde voor een consultatie die niet plaatsvond: betaal terug via het dashboard van Stripe (de betaling draagt de naam van de praktijk).</translation>
    </message>
    <message>
        <source>The patient&apos;s browser asked for a call this app cannot take. Ask the patient to reload the page, or to open the link in Chrome, Safari, Firefox or Edge.</source>
        <translation>De browser van de patiënt vroeg een gesprek aan dat deze app niet kan aannemen. Vraag de patiënt de pagina te herladen of de link te openen in Chrome, Safari, Firefox of Edge.</translation>
    </message>
    <message>
        <source>The link may or may not have reached the patient, and the app will not send it again by itself. %1 Then choose Resend or Withdraw under Today.</source>
        <translation>De link is misschien wel, misschien niet bij de patiënt aangekomen, en de app verstuurt hem niet vanzelf opnieuw. %1 Kies daarna Opnieuw versturen of Intrekken onder Vandaag.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Typ eerst een bericht.</translation>
    </message>
    <message>
        <source>The patient is not in the call.</source>
        <translation>De patiënt is niet in het gesprek.</translation>
    </message>
    <message>
        <source>The connection to the consultation service is lost. The call goes on: say it aloud.</source>
        <translation>De verbinding met de consultatiedienst is verbroken. Het gesprek gaat door: zeg het hardop.</translation>
    </message>
    <message>
        <source>A chat message could not be saved with the consultation. It stays on screen; the app tries again with the next one.</source>
        <translation>Een chatbericht kon niet bij de consultatie worden opgeslagen. Het blijft op het scherm; de app probeert het opnieuw bij het volgende.</translation>
    </message>
    <message>
        <source>The pre-payment could not be prepared, so no link was sent. %1</source>
        <translation>De vooruitbetaling kon niet voorbereid worden, dus is er geen link verstuurd. %1</translation>
    </message>
    <message>
        <source>The refund did not go through. %1</source>
        <translation>De terugbetaling is niet gelukt. %1</translation>
    </message>
    <message>
        <source>The connection to the consultation service was lost. A call in progress goes on, but a patient who drops out cannot come back through the link.</source>
        <translation>De verbinding met de consultatiedienst is verbroken. Een lopend gesprek gaat door, maar een patiënt die wegvalt, kan niet terugkomen via de link.</translation>
    </message>
    <message>
        <source>The link for the consultation booked for %1 was not sent: the app was not running when it was due, and that time has passed. Call the patient, or choose Resend to send a link now.</source>
        <translation>De link voor de consultatie ingepland %1 werd niet verstuurd: de app draaide niet op het geplande moment, en dat uur is voorbij. Bel de patiënt, of kies Opnieuw versturen om nu een link te sturen.</translation>
    </message>
    <message>
        <source>A message is at most %1 characters; this one has %2.</source>
        <translation>Een bericht telt hoogstens %1 tekens; dit heeft er %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer did not come back.</source>
        <translation>Het antwoord van de aanbieder kwam niet terug.</translation>
    </message>
    <message>
        <source>The link could not be sent.</source>
        <translation>De link kon niet verstuurd worden.</translation>
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
        <translation>Dit nummer is niet geldig: controleer het met de patiënt.</translation>
    </message>
    <message>
        <source>This number cannot receive SMS. Ask for another mobile number or an e-mail address.</source>
        <translation>Dit nummer kan geen sms ontvangen. Vraag een ander gsm-nummer of een e-mailadres.</translation>
    </message>
    <message>
        <source>This number has asked not to receive text messages from the practice (it replied STOP). Send the link by e-mail instead.</source>
        <translation>Dit nummer heeft gevraagd geen sms’en meer van de praktijk te ontvangen (het antwoordde STOP). Stuur de link in de plaats per e-mail.</translation>
    </message>
    <message>
        <source>The mail server refused the address: check it with the patient, or send an SMS.</source>
        <translation>De mailserver weigerde het adres: controleer het met de patiënt, of stuur een sms.</translation>
    </message>
    <message>
        <source>The patient&apos;s mailbox is full: send the link by SMS instead.</source>
        <translation>De mailbox van de patiënt is vol: stuur de link in de plaats per sms.</translation>
    </message>
    <message>
        <source>The mail server refused the message.</source>
        <translation>De mailserver weigerde het bericht.</translation>
    </message>
    <message>
        <source>The SMS service refused the practice&apos;s account name, key or password: check the SMS settings.</source>
        <translation>De sms-dienst weigerde de accountnaam, sleutel of het wachtwoord van de praktijk: controleer de sms-instellingen.</translation>
    </message>
    <message>
        <source>The mail server refused the practice&apos;s account name, key or password: check the e-mail settings.</source>
        <translation>De mailserver weigerde de accountnaam, sleutel of het wachtwoord van de praktijk: controleer de e-mailinstellingen.</translation>
    </message>
    <message>
        <source>The SMS service does not accept the sender name or address set up for the practice: check the SMS settings.</source>
        <translation>De sms-dienst aanvaardt de afzendernaam of het afzenderadres van de praktijk niet: controleer de sms-instellingen.</translation>
    </message>
    <message>
        <source>The mail server does not accept the sender name or address set up for the practice: check the e-mail settings.</source>
        <translation>De mailserver aanvaardt de afzendernaam of het afzenderadres van de praktijk niet: controleer de e-mailinstellingen.</translation>
    </message>
    <message>
        <source>The practice&apos;s account with the SMS service is suspended or not enabled for this: contact the provider.</source>
        <translation>De account van de praktijk bij de sms-dienst is opgeschort of hiervoor niet geactiveerd: neem contact op met de aanbieder.</translation>
    </message>
    <message>
        <source>The practice&apos;s account with the mail server is suspended or not enabled for this: contact the provider.</source>
        <translation>De account van de praktijk bij de mailserver is opgeschort of hiervoor niet geactiveerd: neem contact op met de aanbieder.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account has run out of credit: top it up.</source>
        <translation>Het sms-account van de praktijk heeft geen tegoed meer: laad het op.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account is a trial account: it may only text numbers verified with the provider.</source>
        <translation>Het sms-account van de praktijk is een proefaccount: het mag alleen sms’en naar nummers die bij de aanbieder geverifieerd zijn.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account is not allowed to send to this country: enable it with the provider.</source>
        <translation>Het sms-account van de praktijk mag niet naar dit land versturen: activeer het bij de aanbieder.</translation>
    </message>
    <message>
        <source>A secure connection to the mail server could not be made (its certificate is not trusted or does not match its name): check the e-mail settings.</source>
        <translation>Er kon geen beveiligde verbinding met de mailserver gemaakt worden (zijn certificaat wordt niet vertrouwd of past niet bij zijn naam): controleer de e-mailinstellingen.</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption, so the link was not sent: check the e-mail settings (port and security).</source>
        <translation>De mailserver biedt geen versleuteling aan, dus de link werd niet verstuurd: controleer de e-mailinstellingen (poort en beveiliging).</translation>
    </message>
    <message>
        <source>The mail server does not offer a login, but the e-mail settings have a user name: check the e-mail settings.</source>
        <translation>De mailserver biedt geen aanmelding aan, maar de e-mailinstellingen bevatten een gebruikersnaam: controleer de e-mailinstellingen.</translation>
    </message>
    <message>
        <source>The SMS settings name an account whose password or key is not in this computer&apos;s keyring, so nothing was sent: run tooddoc-desk provider-secret --sms.</source>
        <translation>De sms-instellingen noemen een account waarvan het wachtwoord of de sleutel niet in de sleutelbos van deze computer zit, dus er werd niets verstuurd: voer tooddoc-desk provider-secret --sms uit.</translation>
    </message>
    <message>
        <source>The e-mail settings name an account whose password or key is not in this computer&apos;s keyring, so nothing was sent: run tooddoc-desk provider-secret --email.</source>
        <translation>De e-mailinstellingen noemen een account waarvan het wachtwoord of de sleutel niet in de sleutelbos van deze computer zit, dus er werd niets verstuurd: voer tooddoc-desk provider-secret --email uit.</translation>
    </message>
    <message>
        <source>The SMS service is busy and asked the app to slow down.</source>
        <translation>De sms-dienst is druk bezet en vroeg de app om trager te versturen.</translation>
    </message>
    <message>
        <source>The mail server is busy and asked the app to slow down.</source>
        <translation>De mailserver is druk bezet en vroeg de app om trager te versturen.</translation>
    </message>
    <message>
        <source>The SMS service is temporarily unavailable.</source>
        <translation>De sms-dienst is tijdelijk niet beschikbaar.</translation>
    </message>
    <message>
        <source>The mail server is temporarily unavailable.</source>
        <translation>De mailserver is tijdelijk niet beschikbaar.</translation>
    </message>
    <message>
        <source>The SMS service could not be reached: check the internet connection and the SMS settings.</source>
        <translation>De sms-dienst is niet bereikbaar: controleer de internetverbinding en de sms-instellingen.</translation>
    </message>
    <message>
        <source>The mail server could not be reached: check the internet connection and the e-mail settings.</source>
        <translation>De mailserver is niet bereikbaar: controleer de internetverbinding en de e-mailinstellingen.</translation>
    </message>
    <message>
        <source>The SMS service did not answer in time.</source>
        <translation>De sms-dienst antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The mail server did not answer in time.</source>
        <translation>De mailserver antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The SMS service stopped answering while the invite was being handed over, so the app cannot tell whether it left. Ask the patient whether the link arrived before sending it again.</source>
        <translation>De sms-dienst antwoordde niet meer terwijl de uitnodiging overgedragen werd, dus de app weet niet of ze vertrokken is. Vraag de patiënt of de link aangekomen is voordat u hem opnieuw verstuurt.</translation>
    </message>
    <message>
        <source>The mail server stopped answering while the invite was being handed over, so the app cannot tell whether it left. Ask the patient whether the link arrived before sending it again.</source>
        <translation>De mailserver antwoordde niet meer terwijl de uitnodiging overgedragen werd, dus de app weet niet of ze vertrokken is. Vraag de patiënt of de link aangekomen is voordat u hem opnieuw verstuurt.</translation>
    </message>
    <message>
        <source>The phone network could not deliver the SMS to this number: check the number with the patient, or send the link by e-mail.</source>
        <translation>Het telefoonnetwerk kon de sms niet afleveren op dit nummer: controleer het nummer met de patiënt, of stuur de link per e-mail.</translation>
    </message>
    <message>
        <source>The SMS service refused the message.</source>
        <translation>De sms-dienst weigerde het bericht.</translation>
    </message>
    <message>
        <source>This is not a mobile number: ask for a mobile number or an e-mail address.</source>
        <translation>Dit is geen gsm-nummer: vraag een gsm-nummer of een e-mailadres.</translation>
    </message>
    <message>
        <source>No country has this international prefix: check the digits after the +.</source>
        <translation>Geen enkel land heeft deze internationale landcode: controleer de cijfers na de +.</translation>
    </message>
    <message>
        <source>This number is too short: a digit may be missing.</source>
        <translation>Dit nummer is te kort: misschien ontbreekt er een cijfer.</translation>
    </message>
    <message>
        <source>This number is too long: check for an extra digit.</source>
        <translation>Dit nummer is te lang: controleer of er geen cijfer te veel staat.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s mobile number or e-mail address.</source>
        <translation>Typ het gsm-nummer of e-mailadres van de patiënt.</translation>
    </message>
    <message>
        <source>This is too long to be a phone number or an e-mail address.</source>
        <translation>Dit is te lang voor een telefoonnummer of een e-mailadres.</translation>
    </message>
    <message>
        <source>A phone number has only digits; for an e-mail address, include the @.</source>
        <translation>Een telefoonnummer bevat alleen cijfers; voor een e-mailadres hoort er een @ in.</translation>
    </message>
    <message>
        <source>A phone number has only digits, spaces and an optional + in front.</source>
        <translation>Een telefoonnummer bevat alleen cijfers, spaties en eventueel een + vooraan.</translation>
    </message>
    <message>
        <source>This is a short service number; it cannot receive a text message.</source>
        <translation>Dit is een kort servicenummer; het kan geen sms ontvangen.</translation>
    </message>
    <message>
        <source>This number does not exist in its country&apos;s numbering plan: check the digits.</source>
        <translation>Dit nummer bestaat niet in het nummerplan van zijn land: controleer de cijfers.</translation>
    </message>
    <message>
        <source>This is a landline number: it cannot receive a text message. Ask for a mobile number or an e-mail address.</source>
        <translation>Dit is een vast nummer: het kan geen sms ontvangen. Vraag een gsm-nummer of een e-mailadres.</translation>
    </message>
    <message>
        <source>This is a premium-rate number: a link is never sent to one.</source>
        <translation>Dit is een betaalnummer: naar zo’n nummer wordt nooit een link verstuurd.</translation>
    </message>
    <message>
        <source>This is a free-phone service number: it cannot receive a text message.</source>
        <translation>Dit is een gratis servicenummer: het kan geen sms ontvangen.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid: %1</source>
        <translation>Dit e-mailadres is niet geldig: %1</translation>
    </message>
    <message>
        <source>%1/%2/%3 at %4</source>
        <translation>op %1/%2/%3 om %4</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>vandaag om %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>morgen om %1</translation>
    </message>
    <message>
        <source>Give the time as 14:30, or a day and a time as 26/11 14:30 (or leave it empty for now).</source>
        <translation>Geef het uur op als 14:30, of een dag en een uur als 26/11 14:30 (of laat het leeg voor nu).</translation>
    </message>
    <message>
        <source>%1 has passed: give a time to come.</source>
        <translation>Dat moment (%1) is voorbij: geef een uur in de toekomst op.</translation>
    </message>
    <message>
        <source>A consultation is booked at most 90 days ahead.</source>
        <translation>Een consultatie wordt hoogstens 90 dagen vooraf ingepland.</translation>
    </message>
    <message>
        <source>%1:%2 is not a time of day.</source>
        <translation>%1:%2 is geen geldig uur.</translation>
    </message>
    <message>
        <source>This date and time do not exist.</source>
        <translation>Deze datum en dit uur bestaan niet.</translation>
    </message>
    <message>
        <source>There is no such day as %1.</source>
        <translation>De dag %1 bestaat niet.</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Typ een naam.</translation>
    </message>
    <message>
        <source>A name is at most %1 ordinary characters.</source>
        <translation>Een naam heeft hoogstens %1 gewone tekens.</translation>
    </message>
    <message>
        <source>An INAMI number has 11 digits, like 1-23456-78-901.</source>
        <translation>Een RIZIV-nummer heeft 11 cijfers, zoals 1-23456-78-901.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Kies minstens één rol.</translation>
    </message>
    <message>
        <source>A practitioner needs an INAMI number.</source>
        <translation>Een zorgverlener heeft een RIZIV-nummer nodig.</translation>
    </message>
    <message>
        <source>Only a practitioner has an INAMI number.</source>
        <translation>Alleen een zorgverlener heeft een RIZIV-nummer.</translation>
    </message>
    <message>
        <source>%1 cannot %2.</source>
        <translation>Niet toegestaan voor %1: %2.</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>wie niet aangemeld is</translation>
    </message>
    <message>
        <source>send consultation links</source>
        <translation>consultatielinks versturen</translation>
    </message>
    <message>
        <source>see the waiting room</source>
        <translation>de wachtzaal zien</translation>
    </message>
    <message>
        <source>run calls (a practitioner does)</source>
        <translation>gesprekken voeren (dat doet een zorgverlener)</translation>
    </message>
    <message>
        <source>read or write a consultation&apos;s notes (a practitioner does)</source>
        <translation>de notities van een consultatie lezen of schrijven (dat doet een zorgverlener)</translation>
    </message>
    <message>
        <source>export the consultation log (a practice manager does)</source>
        <translation>het consultatielogboek exporteren (dat doet de praktijkbeheerder)</translation>
    </message>
    <message>
        <source>manage users (a practice manager does)</source>
        <translation>gebruikers beheren (dat doet de praktijkbeheerder)</translation>
    </message>
    <message>
        <source>A password has at least %1 characters (or use a PIN of %2 to %3 digits).</source>
        <translation>Een wachtwoord heeft minstens %1 tekens (of gebruik een pincode van %2 tot %3 cijfers).</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Een wachtwoord heeft hoogstens %1 tekens.</translation>
    </message>
    <message>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>Een pincode heeft %1 tot %2 cijfers.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess.</source>
        <translation>Deze pincode is te makkelijk te raden.</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>De naam of het wachtwoord is fout.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: try again in %1 minute(s).</source>
        <translation>Te veel foute pogingen: probeer het over %1 minuut/minuten opnieuw.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Niemand is aangemeld.</translation>
    </message>
    <message>
        <source>%1: another person has this name already.</source>
        <translation>%1: iemand anders heeft deze naam al.</translation>
    </message>
    <message>
        <source>The practice needs at least one active manager.</source>
        <translation>De praktijk heeft minstens één actieve praktijkbeheerder nodig.</translation>
    </message>
    <message>
        <source>Choose the practitioner the consultation is for.</source>
        <translation>Kies de zorgverlener voor wie de consultatie is.</translation>
    </message>
    <message>
        <source>This person is not one of the practice&apos;s practitioners.</source>
        <translation>Deze persoon is geen zorgverlener van de praktijk.</translation>
    </message>
    <message>
        <source>Create the account of the person who manages the practice.</source>
        <translation>Maak de account aan van wie de praktijk beheert.</translation>
    </message>
    <message>
        <source>The camera chosen in Settings is not connected: unless it is plugged in before the call starts, the call uses the default camera.</source>
        <translation>De camera die in Instellingen is gekozen, is niet aangesloten: tenzij ze vóór het begin van het gesprek wordt aangesloten, gebruikt het gesprek de standaardcamera.</translation>
    </message>
    <message>
        <source>The microphone chosen in Settings is not connected: unless it is plugged in before the call starts, the call uses the default microphone.</source>
        <translation>De microfoon die in Instellingen is gekozen, is niet aangesloten: tenzij hij vóór het begin van het gesprek wordt aangesloten, gebruikt het gesprek de standaardmicrofoon.</translation>
    </message>
    <message>
        <source>The speaker chosen in Settings is not connected: the patient is heard on the default speaker.</source>
        <translation>De luidspreker die in Instellingen is gekozen, is niet aangesloten: de patiënt is te horen via de standaardluidspreker.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub&apos;s practice key: use the built-in hub.</source>
        <translation>Deze computer heeft geen sleutelbos om de praktijksleutel van de hub te bewaren: gebruik de ingebouwde hub.</translation>
    </message>
    <message>
        <source>Type the practice key that whoever runs the hub gave you.</source>
        <translation>Typ de praktijksleutel die de beheerder van de hub u gaf.</translation>
    </message>
    <message>
        <source>Type the hub&apos;s address alone, such as https://hub.example.be (plain http only for a hub on this computer).</source>
        <translation>Typ alleen het adres van de hub, zoals https://hub.example.be (gewoon http alleen voor een hub op deze computer).</translation>
    </message>
    <message>
        <source>The hub at %1 does not know this practice key. Check it with whoever runs the hub.</source>
        <translation>De hub op %1 kent deze praktijksleutel niet. Controleer hem bij de beheerder van de hub.</translation>
    </message>
    <message>
        <source>The hub at %1 turns this computer away for a while after wrong keys: try again in a minute.</source>
        <translation>De hub op %1 weigert deze computer een tijdje na foute sleutels: probeer het over een minuut opnieuw.</translation>
    </message>
    <message>
        <source>The hub at %1 cannot check practice keys: is it a tooddoc hub?</source>
        <translation>De hub op %1 kan geen praktijksleutels controleren: is het een tooddoc-hub?</translation>
    </message>
    <message>
        <source>The hub at %1 does not answer. Check the address, or choose Next again to keep it as it is: invites will fail until the hub answers.</source>
        <translation>De hub op %1 antwoordt niet. Controleer het adres, of kies opnieuw Volgende om het zo te houden: uitnodigingen mislukken tot de hub antwoordt.</translation>
    </message>
    <message>
        <source>This is not the recovery key shown above: compare each group of four.</source>
        <translation>Dit is niet de herstelsleutel hierboven: vergelijk elke groep van vier.</translation>
    </message>
    <message>
        <source>A recovery key has 32 letters and digits, in 8 groups of 4, like the one above.</source>
        <translation>Een herstelsleutel heeft 32 letters en cijfers, in 8 groepen van 4, zoals die hierboven.</translation>
    </message>
    <message>
        <source>The hub at %1 does not answer. Check the address, or choose Save again to use it as it is: invites will fail until the hub answers.</source>
        <translation>De hub op %1 antwoordt niet. Controleer het adres, of kies opnieuw Bewaren om hem zo te gebruiken: uitnodigingen mislukken tot de hub antwoordt.</translation>
    </message>
    <message>
        <source>A call runs through the current hub: change the hub once the call has ended.</source>
        <translation>Er loopt een gesprek via de huidige hub: verander de hub zodra het gesprek voorbij is.</translation>
    </message>
    <message>
        <source>Links sent earlier still lead to the current hub: withdraw them under Today, or change the hub once they have been used or have expired.</source>
        <translation>Eerder verstuurde links leiden nog naar de huidige hub: trek ze in onder Vandaag, of verander de hub zodra ze gebruikt of verlopen zijn.</translation>
    </message>
    <message>
        <source>No key was given.</source>
        <translation>Er werd geen sleutel gegeven.</translation>
    </message>
    <message>
        <source>A practice key is one word of letters, digits and signs.</source>
        <translation>Een praktijksleutel is één woord van letters, cijfers en tekens.</translation>
    </message>
    <message>
        <source>A practice key has %1 to %2 characters; this one has %3.</source>
        <translation>Een praktijksleutel heeft %1 tot %2 tekens; deze heeft er %3.</translation>
    </message>
    <message>
        <source>The settings file must hold one section in braces ({…}).</source>
        <translation>Het instellingenbestand moet één sectie tussen accolades bevatten ({…}).</translation>
    </message>
    <message>
        <source>The practice&apos;s name, shown to patients, has 1 to 80 characters.</source>
        <translation>De naam van de praktijk, die patiënten zien, telt 1 tot 80 tekens.</translation>
    </message>
    <message>
        <source>The built-in hub&apos;s port is a number from 0 to 65535.</source>
        <translation>De poort van de ingebouwde hub is een getal van 0 tot 65535.</translation>
    </message>
    <message>
        <source>The video comes from the camera (auto) or a test picture (test-pattern).</source>
        <translation>De video komt van de camera (auto) of een testbeeld (test-pattern).</translation>
    </message>
    <message>
        <source>Booked links leave 1 to %1 minutes before their time: a link works for an hour, so it must still work at the booked time.</source>
        <translation>Links van afspraken vertrekken 1 tot %1 minuten voor het uur: een link werkt een uur, dus hij moet op het uur van de afspraak nog werken.</translation>
    </message>
    <message>
        <source>The screen locks after 1 to %1 minutes without a key press or a click.</source>
        <translation>Het scherm vergrendelt na 1 tot %1 minuten zonder toetsaanslag of klik.</translation>
    </message>
    <message>
        <source>Give a whole number of minutes.</source>
        <translation>Geef een geheel aantal minuten.</translation>
    </message>
    <message>
        <source>The hub is the built-in one (embedded) or the practice&apos;s hosted hub (hosted).</source>
        <translation>De hub is de ingebouwde (embedded) of de gehoste hub van de praktijk (hosted).</translation>
    </message>
    <message>
        <source>The hosted hub needs its address, such as https://hub.example.be.</source>
        <translation>De gehoste hub heeft zijn adres nodig, zoals https://hub.example.be.</translation>
    </message>
    <message>
        <source>The settings file cannot be read.</source>
        <translation>Het instellingenbestand kan niet gelezen worden.</translation>
    </message>
    <message>
        <source>The language is fr, nl, en or de.</source>
        <translation>De taal is fr, nl, en of de.</translation>
    </message>
    <message>
        <source>A setting has a value of the wrong kind (text, a number, or a section in braces).</source>
        <translation>Een instelling heeft een waarde van de verkeerde soort (tekst, een getal of een sectie tussen accolades).</translation>
    </message>
    <message>
        <source>The billing table (codes and fees for the export) cannot be used.</source>
        <translation>De facturatietabel (codes en honoraria voor de export) is onbruikbaar.</translation>
    </message>
    <message>
        <source>The hub&apos;s address is an https address alone, such as https://hub.example.be (plain http only for a hub on this computer).</source>
        <translation>Het adres van de hub is alleen een https-adres, zoals https://hub.example.be (gewoon http alleen voor een hub op deze computer).</translation>
    </message>
    <message>
        <source>SMS leave through Twilio, Vonage, or nothing (the dev outbox).</source>
        <translation>Sms’en vertrekken via Twilio, via Vonage, of helemaal niet (het testpostvak).</translation>
    </message>
    <message>
        <source>Say who the SMS is from: a name of up to 11 letters and digits, or the number the SMS provider gave the practice (+32…).</source>
        <translation>Zeg van wie de sms komt: een naam van hoogstens 11 letters en cijfers, of het nummer dat de sms-aanbieder aan de praktijk gaf (+32…).</translation>
    </message>
    <message>
        <source>The mail server is a name such as smtp.example.be.</source>
        <translation>De mailserver is een naam zoals smtp.example.be.</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number from 1 to 65535, usually 587 or 465.</source>
        <translation>De poort van de mailserver is een getal van 1 tot 65535, meestal 587 of 465.</translation>
    </message>
    <message>
        <source>The mail server is reached with STARTTLS (port 587) or TLS (port 465).</source>
        <translation>De mailserver wordt bereikt met STARTTLS (poort 587) of TLS (poort 465).</translation>
    </message>
    <message>
        <source>Give the address the invites come from.</source>
        <translation>Geef het adres waarvan de uitnodigingen vertrekken.</translation>
    </message>
    <message>
        <source>The address the invites come from is not a valid e-mail address.</source>
        <translation>Het adres waarvan de uitnodigingen vertrekken is geen geldig e-mailadres.</translation>
    </message>
    <message>
        <source>The address for replies is not a valid e-mail address.</source>
        <translation>Het antwoordadres is geen geldig e-mailadres.</translation>
    </message>
    <message>
        <source>The sender&apos;s name has at most 80 characters.</source>
        <translation>De naam van de afzender telt hoogstens 80 tekens.</translation>
    </message>
    <message>
        <source>This part of the settings must be a section in braces ({…}).</source>
        <translation>Dit deel van de instellingen moet een sectie tussen accolades zijn ({…}).</translation>
    </message>
    <message>
        <source>This setting must be text.</source>
        <translation>Deze instelling moet tekst zijn.</translation>
    </message>
    <message>
        <source>The SMS sender is a name of up to 11 letters, digits and spaces (with a letter), or a number written with its country code (+32…).</source>
        <translation>De afzender van de sms is een naam van hoogstens 11 letters, cijfers en spaties (met een letter), of een nummer met zijn landcode (+32…).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number, usually 587 or 465.</source>
        <translation>De poort van de mailserver is een getal, meestal 587 of 465.</translation>
    </message>
    <message>
        <source>Name the mail server (such as smtp.example.be), or empty the other mail fields to show e-mails in the dev outbox.</source>
        <translation>Geef de mailserver op (zoals smtp.example.be), of maak de andere mailvelden leeg om e-mails in het testpostvak te tonen.</translation>
    </message>
    <message>
        <source>The Twilio account SID is AC followed by 32 digits and letters from a to f, as the Twilio console shows it.</source>
        <translation>De SID van het Twilio-account is AC gevolgd door 32 cijfers en letters van a tot f, zoals de Twilio-console hem toont.</translation>
    </message>
    <message>
        <source>The Vonage API key is 4 to 64 letters and digits, as the Vonage dashboard shows it.</source>
        <translation>De Vonage-API-sleutel telt 4 tot 64 letters en cijfers, zoals het Vonage-dashboard hem toont.</translation>
    </message>
    <message>
        <source>The SMS provider&apos;s address must start with https://.</source>
        <translation>Het adres van de sms-aanbieder moet met https:// beginnen.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the secret: set it up with the command line.</source>
        <translation>Deze computer heeft geen sleutelbos om het geheim te bewaren: stel het in via de opdrachtregel.</translation>
    </message>
    <message>
        <source>A secret was given for a provider that is not set up.</source>
        <translation>Er werd een geheim gegeven voor een aanbieder die niet is ingesteld.</translation>
    </message>
    <message>
        <source>No secret was given.</source>
        <translation>Er werd geen geheim gegeven.</translation>
    </message>
    <message>
        <source>The secret starts or ends with a space, or holds a character that cannot be typed: paste it again.</source>
        <translation>Het geheim begint of eindigt met een spatie, of bevat een teken dat niet getypt kan worden: plak het opnieuw.</translation>
    </message>
    <message>
        <source>A secret has at most %1 characters.</source>
        <translation>Een geheim telt hoogstens %1 tekens.</translation>
    </message>
    <message>
        <source>This user is not in the store.</source>
        <translation>Deze gebruiker staat niet in de consultatiedatabank.</translation>
    </message>
    <message>
        <source>Refresh the list of users.</source>
        <translation>Vernieuw de lijst van gebruikers.</translation>
    </message>
    <message>
        <source>Another user already has this name.</source>
        <translation>Een andere gebruiker heeft deze naam al.</translation>
    </message>
    <message>
        <source>Add a first name or an initial to tell them apart.</source>
        <translation>Voeg een voornaam of een initiaal toe om ze van elkaar te onderscheiden.</translation>
    </message>
    <message>
        <source>The store is closed.</source>
        <translation>De consultatiedatabank is gesloten.</translation>
    </message>
    <message>
        <source>Restart the app; what is on screen is not saved yet.</source>
        <translation>Start de app opnieuw; wat op het scherm staat, is nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>No backup folder is chosen, so no backup is made.</source>
        <translation>Er is geen back-upmap gekozen, dus er wordt geen back-up gemaakt.</translation>
    </message>
    <message>
        <source>Choose a folder for the backups (an external disk or a network share) in Settings &gt; Backups, or give one with `tooddoc-desk backup --to FOLDER`.</source>
        <translation>Kies een map voor de back-ups (een externe schijf of een netwerkshare) in Instellingen &gt; Back-ups, of geef er een op met `tooddoc-desk backup --to MAP`.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be found: no backup was made.</source>
        <translation>De back-upmap %1 is niet te vinden: er werd geen back-up gemaakt.</translation>
    </message>
    <message>
        <source>Connect the disk or the network share it is on, or choose another folder.</source>
        <translation>Sluit de schijf of de netwerkshare aan waarop ze staat, of kies een andere map.</translation>
    </message>
    <message>
        <source>The backup folder %1 does not let this app write to it: no backup was made.</source>
        <translation>De back-upmap %1 laat deze app er niet in schrijven: er werd geen back-up gemaakt.</translation>
    </message>
    <message>
        <source>Give your user account write access to it, or choose another folder.</source>
        <translation>Geef uw gebruikersaccount schrijfrechten op die map, of kies een andere map.</translation>
    </message>
    <message>
        <source>The disk of the backup folder %1 is full: no backup was made; the earlier backups are kept.</source>
        <translation>De schijf van de back-upmap %1 is vol: er werd geen back-up gemaakt; de vorige back-ups blijven bewaard.</translation>
    </message>
    <message>
        <source>Free some space on that disk (or choose a larger one), then back up again.</source>
        <translation>Maak wat ruimte vrij op die schijf (of kies een grotere) en maak dan opnieuw een back-up.</translation>
    </message>
    <message>
        <source>This file is not a tooddoc-desk backup (%1). Nothing was written to the data folder.</source>
        <translation>Dit bestand is geen tooddoc-desk-back-up (%1). Er werd niets in de gegevensmap geschreven.</translation>
    </message>
    <message>
        <source>Choose a file named tooddoc-desk-backup-….tdbackup from the backup folder.</source>
        <translation>Kies een bestand met de naam tooddoc-desk-backup-….tdbackup uit de back-upmap.</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete (%1). Nothing was written to the data folder.</source>
        <translation>Deze back-up is beschadigd of onvolledig (%1). Er werd niets in de gegevensmap geschreven.</translation>
    </message>
    <message>
        <source>Restore an earlier backup from the same folder.</source>
        <translation>Zet een eerdere back-up uit dezelfde map terug.</translation>
    </message>
    <message>
        <source>it is not a backup archive</source>
        <translation>het is geen back-uparchief</translation>
    </message>
    <message>
        <source>the file is cut short or altered</source>
        <translation>het bestand is afgekapt of gewijzigd</translation>
    </message>
    <message>
        <source>its description is of another kind</source>
        <translation>de beschrijving is van een andere soort</translation>
    </message>
    <message>
        <source>backup format %1 is unknown</source>
        <translation>back-upformaat %1 is onbekend</translation>
    </message>
    <message>
        <source>the database in it is not the one it describes</source>
        <translation>de database erin is niet degene die ze beschrijft</translation>
    </message>
    <message>
        <source>its description is not readable</source>
        <translation>de beschrijving is onleesbaar</translation>
    </message>
    <message>
        <source>its description is incomplete</source>
        <translation>de beschrijving is onvolledig</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>dat bestand bestaat niet</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>het is een map</translation>
    </message>
    <message>
        <source>it holds no backup description</source>
        <translation>het bevat geen back-upbeschrijving</translation>
    </message>
    <message>
        <source>a part is missing</source>
        <translation>er ontbreekt een deel</translation>
    </message>
    <message>
        <source>its parts do not belong together</source>
        <translation>de delen horen niet bij elkaar</translation>
    </message>
    <message>
        <source>%1 cannot be read whole</source>
        <translation>%1 kan niet volledig gelezen worden</translation>
    </message>
    <message>
        <source>the database in it is cut short or altered</source>
        <translation>de database erin is afgekapt of gewijzigd</translation>
    </message>
    <message>
        <source>its key slots are unreadable</source>
        <translation>de sleutelplaatsen zijn onleesbaar</translation>
    </message>
    <message>
        <source>its database fails its integrity check</source>
        <translation>de database faalt voor de integriteitscontrole</translation>
    </message>
    <message>
        <source>its database does not match its keys</source>
        <translation>de database past niet bij de sleutels</translation>
    </message>
    <message>
        <source>its database cannot be read: %1</source>
        <translation>de database kan niet gelezen worden: %1</translation>
    </message>
    <message>
        <source>The backups cannot go into the app&apos;s own data folder: a dead disk would take both. Choose a folder on another disk or a network share.</source>
        <translation>De back-ups kunnen niet in de eigen gegevensmap van de app: een defecte schijf zou beide meenemen. Kies een map op een andere schijf of een netwerkshare.</translation>
    </message>
    <message>
        <source>Give the full path of an existing folder.</source>
        <translation>Geef het volledige pad van een bestaande map.</translation>
    </message>
    <message>
        <source>The backup failed; the details are in the log.</source>
        <translation>De back-up is mislukt; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: see Settings &gt; Backups.</source>
        <translation>De back-up van vandaag kon niet gemaakt worden: zie Instellingen &gt; Back-ups.</translation>
    </message>
    <message>
        <source>The practice&apos;s settings came back with it.</source>
        <translation>De instellingen van de praktijk kwamen mee terug.</translation>
    </message>
    <message>
        <source>The practice&apos;s settings in the backup could not be used: set them again under Settings.</source>
        <translation>De instellingen van de praktijk in de back-up konden niet gebruikt worden: stel ze opnieuw in onder Instellingen.</translation>
    </message>
    <message>
        <source>Unlock the keyring (log in to the desktop session) and start again, or type the recovery key given at set-up.</source>
        <translation>Ontgrendel de sleutelhanger (meld u aan bij de bureaubladsessie) en begin opnieuw, of typ de herstelsleutel die bij de installatie werd gegeven.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring did not answer (%1).</source>
        <translation>De sleutelhanger van deze computer antwoordde niet (%1).</translation>
    </message>
    <message>
        <source>If keys.json was replaced, put back the one that belongs to this database; otherwise type the recovery key given at set-up.</source>
        <translation>Als keys.json werd vervangen, zet dan het bestand terug dat bij deze database hoort; typ anders de herstelsleutel die bij de installatie werd gegeven.</translation>
    </message>
    <message>
        <source>This key does not open the consultation records.</source>
        <translation>Deze sleutel opent de consultatiegegevens niet.</translation>
    </message>
    <message>
        <source>This recovery key does not unlock the consultation records.</source>
        <translation>Deze herstelsleutel ontgrendelt de consultatiegegevens niet.</translation>
    </message>
    <message>
        <source>Check each group of the recovery key given at set-up, then type it again.</source>
        <translation>Controleer elke groep van de herstelsleutel die bij de installatie werd gegeven en typ ze dan opnieuw.</translation>
    </message>
    <message>
        <source>A recovery key has 32 letters and digits, in 8 groups of 4; what was typed is not one.</source>
        <translation>Een herstelsleutel heeft 32 letters en cijfers, in 8 groepen van 4; wat getypt werd is er geen.</translation>
    </message>
    <message>
        <source>A store (or part of one) already exists here; a new one is never created over it.</source>
        <translation>Hier bestaat al een gegevensopslag (of een deel ervan); er wordt nooit een nieuwe overheen gemaakt.</translation>
    </message>
    <message>
        <source>Open the existing store in %1, or move its files away first.</source>
        <translation>Open de bestaande opslag in %1, of verplaats eerst de bestanden ervan.</translation>
    </message>
    <message>
        <source>A passphrase needs at least %1 characters.</source>
        <translation>Een wachtzin moet minstens %1 tekens hebben.</translation>
    </message>
    <message>
        <source>Choose a longer passphrase: a few unrelated words are easy to type and hard to guess.</source>
        <translation>Kies een langere wachtzin: een paar losse woorden zijn makkelijk te typen en moeilijk te raden.</translation>
    </message>
    <message>
        <source>Nothing was changed on disk.</source>
        <translation>Er werd niets op de schijf gewijzigd.</translation>
    </message>
    <message>
        <source>Type the amount in euros, such as 25.00.</source>
        <translation>Typ het bedrag in euro, bijvoorbeeld 25,00.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Het bedrag moet groter zijn dan nul.</translation>
    </message>
    <message>
        <source>A pre-payment is at most %1 euros; ask the rest after the consultation.</source>
        <translation>Een vooruitbetaling is hoogstens %1 euro; vraag de rest na de consultatie.</translation>
    </message>
    <message>
        <source>A pre-payment is at most %1 euros.</source>
        <translation>Een vooruitbetaling is hoogstens %1 euro.</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (cents).</source>
        <translation>Een bedrag heeft hoogstens twee decimalen (centen).</translation>
    </message>
    <message>
        <source>Pre-payments are in euros.</source>
        <translation>Vooruitbetalingen zijn in euro.</translation>
    </message>
    <message>
        <source>Stripe failed to answer; the app tries again in a moment.</source>
        <translation>Stripe kon niet antwoorden; de app probeert het zo opnieuw.</translation>
    </message>
    <message>
        <source>Stripe does not accept the key kept on this computer: keep the restricted key again with tooddoc-desk provider-secret --stripe.</source>
        <translation>Stripe aanvaardt de sleutel op deze computer niet: bewaar de beperkte sleutel opnieuw met tooddoc-desk provider-secret --stripe.</translation>
    </message>
    <message>
        <source>The Stripe key may not do this: give the restricted key write access to Checkout Sessions and Refunds.</source>
        <translation>De Stripe-sleutel mag dit niet: geef de beperkte sleutel schrijftoegang tot Checkout Sessions en Refunds.</translation>
    </message>
    <message>
        <source>Stripe asks to slow down; the app tries again in a moment.</source>
        <translation>Stripe vraagt om trager te gaan; de app probeert het zo opnieuw.</translation>
    </message>
    <message>
        <source>Stripe could not be reached; check the internet connection.</source>
        <translation>Stripe is niet bereikbaar; controleer de internetverbinding.</translation>
    </message>
    <message>
        <source>Stripe refused the request: %1.</source>
        <translation>Stripe heeft het verzoek geweigerd: %1.</translation>
    </message>
    <message>
        <source>This is Stripe&apos;s publishable key: give a restricted key (rk_live_…) instead.</source>
        <translation>Dit is de publiceerbare sleutel van Stripe: geef in de plaats een beperkte sleutel (rk_live_…).</translation>
    </message>
    <message>
        <source>This is not a Stripe API key: a restricted key starts with rk_live_ (or rk_test_ to try).</source>
        <translation>Dit is geen Stripe-API-sleutel: een beperkte sleutel begint met rk_live_ (of rk_test_ om te proberen).</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Er is iets misgelopen; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
    <message>
        <source>Choose an SMS provider or a mail server, or keep the invites in the app.</source>
        <translation>Kies een sms-provider of een mailserver, of houd de uitnodigingen in de app.</translation>
    </message>
</context>
</TS>
