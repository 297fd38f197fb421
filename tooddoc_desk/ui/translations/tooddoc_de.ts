<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AuditView</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Bildschirm gesperrt</translation>
    </message>
    <message>
        <source>Notes opened</source>
        <translation>Notizen geöffnet</translation>
    </message>
    <message>
        <source>Chat opened</source>
        <translation>Chat geöffnet</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Recovery key replaced</source>
        <translation>Wiederherstellungsschlüssel ersetzt</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Benutzer hinzugefügt</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>Benutzer geändert</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Passwort zurückgesetzt</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>Eigenes Passwort geändert</translation>
    </message>
    <message>
        <source>Payment refunded</source>
        <translation>Zahlung erstattet</translation>
    </message>
    <message>
        <source>Consultation deleted</source>
        <translation>Konsultation gelöscht</translation>
    </message>
    <message>
        <source>Old records purged</source>
        <translation>Alte Akten gelöscht</translation>
    </message>
    <message>
        <source>Retention changed</source>
        <translation>Aufbewahrungsdauer geändert</translation>
    </message>
    <message>
        <source>Audit log shown</source>
        <translation>Prüfprotokoll angezeigt</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Neuere</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ältere</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <source>Check that no entry was changed, removed or added outside the app</source>
        <translation>Prüfen, dass kein Eintrag außerhalb der App geändert, entfernt oder hinzugefügt wurde</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>Einträge %1–%2 von %3, neueste zuerst</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Keine Einträge</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Command line: %1</source>
        <translation>Befehlszeile: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfung…</translation>
    </message>
    <message>
        <source>The chain holds: %1 entries checked.</source>
        <translation>Die Kette ist intakt: %1 Einträge geprüft.</translation>
    </message>
    <message>
        <source>The chain is broken at entry %1: that entry and the ones after it cannot be trusted. Compare with a backup.</source>
        <translation>Die Kette ist bei Eintrag %1 unterbrochen: dieser Eintrag und die folgenden sind nicht vertrauenswürdig. Vergleichen Sie mit einer Sicherung.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>An encrypted copy of the consultations, the notes and the history: made every day while the app is open (at start if the last one is older than a day), and whenever you press Back up now. It opens only with the recovery key in use when it was made, on this computer or a new one. Keep the folder on another disk or a network share. Kept: one a day for %1 days, one a month for %2 months.</source>
        <translation>Eine verschlüsselte Kopie der Konsultationen, Notizen und des Verlaufs: jeden Tag erstellt, solange die App geöffnet ist (beim Start, wenn die letzte älter als einen Tag ist), und jedes Mal, wenn Sie auf Jetzt sichern klicken. Sie öffnet sich nur mit dem Wiederherstellungsschlüssel, der bei ihrer Erstellung galt, auf diesem oder einem neuen Computer. Legen Sie den Ordner auf einen anderen Datenträger oder eine Netzwerkfreigabe. Aufbewahrt: eine pro Tag für %1 Tage, eine pro Monat für %2 Monate.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>No folder chosen: no backup is made</source>
        <translation>Kein Ordner gewählt: es wird keine Sicherung erstellt</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Lost the written-down recovery key, or someone else may have seen it? Make a new one: the backups made from then on open with it.</source>
        <translation>Den notierten Wiederherstellungsschlüssel verloren, oder könnte ihn jemand anderes gesehen haben? Erstellen Sie einen neuen: Die danach erstellten Sicherungen öffnen sich damit.</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>Neuer Wiederherstellungsschlüssel…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sicherung läuft…</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2).</source>
        <translation>Letzte Sicherung: %1 (%2).</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Es wurde noch keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>The last try, %1, failed:</source>
        <translation>Der letzte Versuch, %1, ist fehlgeschlagen:</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <source>No call in progress</source>
        <translation>Kein laufendes Gespräch</translation>
    </message>
    <message>
        <source>Audio only: the connection is too weak for video. The video comes back by itself.</source>
        <translation>Nur Ton: Die Verbindung ist zu schwach für Video. Das Bild kommt von selbst zurück.</translation>
    </message>
    <message>
        <source>Your camera</source>
        <translation>Ihre Kamera</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1…</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>Connection lost — the patient&apos;s side is reconnecting…</source>
        <translation>Verbindung unterbrochen — der Patient verbindet sich neu…</translation>
    </message>
    <message>
        <source>Connection: good</source>
        <translation>Verbindung: gut</translation>
    </message>
    <message>
        <source>Connection: fair — the picture may stutter</source>
        <translation>Verbindung: mäßig — das Bild kann ruckeln</translation>
    </message>
    <message>
        <source>Connection: poor</source>
        <translation>Verbindung: schlecht</translation>
    </message>
    <message>
        <source>Patient&apos;s video</source>
        <translation>Video des Patienten</translation>
    </message>
    <message>
        <source>Your own picture</source>
        <translation>Ihr eigenes Bild</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Gesprächsdauer</translation>
    </message>
    <message>
        <source>Connection quality</source>
        <translation>Verbindungsqualität</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Mikrofon an</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mikrofon aus</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Kamera an</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Chat with the patient</source>
        <translation>Chat mit dem Patienten</translation>
    </message>
    <message>
        <source>Chat during the call</source>
        <translation>Chat während des Gesprächs</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>Chatnachrichten</translation>
    </message>
    <message>
        <source>Message to the patient</source>
        <translation>Nachricht an den Patienten</translation>
    </message>
    <message>
        <source>Message to the patient (Enter sends)</source>
        <translation>Nachricht an den Patienten (Eingabetaste sendet)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Die Nachricht senden</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>Status des Chats</translation>
    </message>
    <message>
        <source>● 1 new message</source>
        <translation>● 1 neue Nachricht</translation>
    </message>
    <message>
        <source>● %1 new messages</source>
        <translation>● %1 neue Nachrichten</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>A message is at most %1 characters; this one has %2.</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen; diese hat %2.</translation>
    </message>
    <message>
        <source>Not sent: %1 Your text stays here.</source>
        <translation>Nicht gesendet: %1 Ihr Text bleibt hier stehen.</translation>
    </message>
</context>
<context>
    <name>ConsultationModel</name>
    <message>
        <source>Preparing</source>
        <translation>In Vorbereitung</translation>
    </message>
    <message>
        <source>Link sent</source>
        <translation>Link gesendet</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Link geöffnet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Unknown: ask the patient</source>
        <translation>Unbekannt: Fragen Sie den Patienten</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>Angefragt um</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Awaiting payment (%1)</source>
        <translation>Zahlung ausstehend (%1)</translation>
    </message>
    <message>
        <source>Paid (%1)</source>
        <translation>Bezahlt (%1)</translation>
    </message>
    <message>
        <source>Refunded (%1)</source>
        <translation>Erstattet (%1)</translation>
    </message>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Bancontact</source>
        <translation>Bancontact</translation>
    </message>
    <message>
        <source>Booked for %1</source>
        <translation>Geplant für %1</translation>
    </message>
    <message>
        <source>Missed: link not sent</source>
        <translation>Verpasst: Link nicht gesendet</translation>
    </message>
    <message>
        <source>Sending (trying again)</source>
        <translation>Wird gesendet (neuer Versuch)</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>Bildschirm sperren (Strg+L)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
</context>
<context>
    <name>DevicePrompt</name>
    <message>
        <source>The link was opened on a second device. Let the new device in?</source>
        <translation>Der Link wurde auf einem zweiten Gerät geöffnet. Das neue Gerät hereinlassen?</translation>
    </message>
    <message>
        <source>Let it in</source>
        <translation>Hereinlassen</translation>
    </message>
    <message>
        <source>Keep the first one</source>
        <translation>Das erste behalten</translation>
    </message>
    <message>
        <source>Second device</source>
        <translation>Zweites Gerät</translation>
    </message>
    <message>
        <source>Consultation with %1 (%2 more waiting)</source>
        <translation>Konsultation mit %1 (%2 weitere warten)</translation>
    </message>
    <message>
        <source>Consultation with %1</source>
        <translation>Konsultation mit %1</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>DevicesEntry</name>
    <message>
        <source>Devices…</source>
        <translation>Geräte…</translation>
    </message>
    <message>
        <source>Camera, microphone and speaker of this computer</source>
        <translation>Kamera, Mikrofon und Lautsprecher dieses Computers</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Pegel</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Kameravorschau</translation>
    </message>
    <message>
        <source>Opening the camera…</source>
        <translation>Die Kamera wird geöffnet…</translation>
    </message>
    <message>
        <source>Play a test sound</source>
        <translation>Testton abspielen</translation>
    </message>
    <message>
        <source>A change is kept for this computer at once. The next call uses the camera and the microphone chosen (a call in progress keeps its own); the speaker changes at once, in a call too.</source>
        <translation>Eine Änderung wird für diesen Computer sofort gespeichert. Der nächste Anruf verwendet die gewählte Kamera und das gewählte Mikrofon (ein laufender Anruf behält seine); der Lautsprecher wechselt sofort, auch während eines Anrufs.</translation>
    </message>
    <message>
        <source>Default camera</source>
        <translation>Standardkamera</translation>
    </message>
    <message>
        <source>Default microphone</source>
        <translation>Standardmikrofon</translation>
    </message>
    <message>
        <source>Default speaker</source>
        <translation>Standardlautsprecher</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht angeschlossen)</translation>
    </message>
    <message>
        <source>This computer has no speaker to play on.</source>
        <translation>Dieser Computer hat keinen Lautsprecher zum Abspielen.</translation>
    </message>
    <message>
        <source>No camera could be opened: a call sends this test pattern instead. Check that the camera is plugged in and that no other program uses it.</source>
        <translation>Keine Kamera ließ sich öffnen: Ein Anruf sendet stattdessen dieses Testbild. Prüfen Sie, ob die Kamera angeschlossen ist und kein anderes Programm sie verwendet.</translation>
    </message>
    <message>
        <source>The camera chosen could not be opened: a call would use %1.</source>
        <translation>Die gewählte Kamera ließ sich nicht öffnen: Ein Anruf würde %1 verwenden.</translation>
    </message>
    <message>
        <source>No microphone could be opened: a call sends a quiet tone instead, and the patient does not hear you. Check that it is plugged in.</source>
        <translation>Kein Mikrofon ließ sich öffnen: Ein Anruf sendet stattdessen einen leisen Ton, und der Patient hört Sie nicht. Prüfen Sie, ob es angeschlossen ist.</translation>
    </message>
    <message>
        <source>The microphone chosen could not be opened: a call would use another.</source>
        <translation>Das gewählte Mikrofon ließ sich nicht öffnen: Ein Anruf würde ein anderes verwenden.</translation>
    </message>
    <message>
        <source>Speak: the bar moves with your voice.</source>
        <translation>Sprechen Sie: Der Balken bewegt sich mit Ihrer Stimme.</translation>
    </message>
    <message>
        <source>The speaker chosen is not connected: the default one plays.</source>
        <translation>Der gewählte Lautsprecher ist nicht angeschlossen: Der Standardlautsprecher spielt ab.</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>This computer has no keyring, so the consultation store is protected by a passphrase asked at each start.
Choose one of at least %1 characters:</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, daher wird die Konsultationsdatenbank durch eine Passphrase geschützt, die bei jedem Start abgefragt wird.
Wählen Sie eine mit mindestens %1 Zeichen:</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Passphrase wählen</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Geben Sie sie erneut ein:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Passphrase of the consultation store:</source>
        <translation>Passphrase der Konsultationsdatenbank:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Wiederherstellungsschlüssel:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the consultation log</source>
        <translation>Das Konsultationsprotokoll exportieren</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To (included)</source>
        <translation>Bis (einschließlich)</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Include clinical notes</source>
        <translation>Klinische Notizen einschließen</translation>
    </message>
    <message>
        <source>Only for a practitioner&apos;s own records: never for billing</source>
        <translation>Nur für die eigenen Unterlagen des Behandlers: nie für die Abrechnung</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Alle Behandler</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV für Excel</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Der letzte Tag liegt vor dem ersten.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export abgebrochen: es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 consultations exported to %2 (fees EUR %3, %4 paid).</source>
        <translation>%1 Konsultationen nach %2 exportiert (Honorare %3 EUR, %4 bezahlt).</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up tooddoc-desk</source>
        <translation>tooddoc-desk einrichten</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fertigstellen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search a number or an e-mail address</source>
        <translation>Nummer oder E-Mail-Adresse suchen</translation>
    </message>
    <message>
        <source>Search by contact</source>
        <translation>Nach Kontakt suchen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Consultation history</source>
        <translation>Verlauf der Konsultationen</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Alle Behandler</translation>
    </message>
    <message>
        <source>No consultation found</source>
        <translation>Keine Konsultation gefunden</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 von %3</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <source>Call quality: %1</source>
        <translation>Gesprächsqualität: %1</translation>
    </message>
</context>
<context>
    <name>HubFields</name>
    <message>
        <source>The built-in hub, on this computer</source>
        <translation>Der eingebaute Hub, auf diesem Computer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adresse des Hubs</translation>
    </message>
    <message>
        <source>Practice key</source>
        <translation>Praxisschlüssel</translation>
    </message>
    <message>
        <source>Asking the hub whether it knows the key…</source>
        <translation>Der Hub prüft den Schlüssel…</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert: leer lassen, um es zu behalten</translation>
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
        <translation>der eingebaute Hub</translation>
    </message>
    <message>
        <source>In use: %1.</source>
        <translation>In Betrieb: %1.</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub, for patients at home</source>
        <translation>Der gehostete Hub der Praxis, für Patienten zu Hause</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub (this computer has no keyring for its key)</source>
        <translation>Der gehostete Hub der Praxis (dieser Computer hat keinen Schlüsselbund für seinen Schlüssel)</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>The hub</source>
        <translation>Der Hub</translation>
    </message>
    <message>
        <source>Patients open their link on the hub: it holds the waiting room and puts them through to you. The call itself is encrypted between you and the patient.</source>
        <translation>Patienten öffnen ihren Link auf dem Hub: Er führt das Wartezimmer und stellt sie zu Ihnen durch. Das Gespräch selbst ist zwischen Ihnen und dem Patienten verschlüsselt.</translation>
    </message>
    <message>
        <source>Nothing to set up: good to try the app. Links open only on this computer.</source>
        <translation>Nichts einzurichten: gut, um die App auszuprobieren. Links öffnen sich nur auf diesem Computer.</translation>
    </message>
    <message>
        <source>The practice&apos;s hosted hub</source>
        <translation>Der gehostete Hub der Praxis</translation>
    </message>
    <message>
        <source>For patients at home. Whoever runs the hub gives you its address and the practice key; the key is kept in this computer&apos;s keyring.</source>
        <translation>Für Patienten zu Hause. Wer den Hub betreibt, gibt Ihnen seine Adresse und den Praxisschlüssel; der Schlüssel wird im Schlüsselbund dieses Computers aufbewahrt.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub&apos;s practice key: the built-in hub only.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für den Praxisschlüssel des Hubs: nur der eingebaute Hub.</translation>
    </message>
</context>
<context>
    <name>InvitePanel</name>
    <message>
        <source>&lt;b&gt;Tele-consultation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Videosprechstunde&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Mobile number or e-mail address</source>
        <translation>Handynummer oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Patient&apos;s mobile number or e-mail address</source>
        <translation>Handynummer oder E-Mail-Adresse des Patienten</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>The patient&apos;s language</source>
        <translation>Sprache des Patienten</translation>
    </message>
    <message>
        <source>now — or 14:30, or 26/11 9:15</source>
        <translation>jetzt — oder 14:30, oder 26/11 9:15</translation>
    </message>
    <message>
        <source>When: empty for now, or the consultation&apos;s time</source>
        <translation>Wann: leer für jetzt, oder die Uhrzeit der Konsultation</translation>
    </message>
    <message>
        <source>When the link leaves</source>
        <translation>Wann der Link gesendet wird</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Pre-payment (€)</source>
        <translation>Vorauszahlung (€)</translation>
    </message>
    <message>
        <source>none — or 25.00</source>
        <translation>keine — oder 25,00</translation>
    </message>
    <message>
        <source>Pre-payment in euros: empty for none, or the amount to pay before the call</source>
        <translation>Vorauszahlung in Euro: leer für keine, oder der vor dem Gespräch zu zahlende Betrag</translation>
    </message>
    <message>
        <source>The pre-payment</source>
        <translation>Die Vorauszahlung</translation>
    </message>
    <message>
        <source>The practitioner it is for</source>
        <translation>Der zuständige Behandler</translation>
    </message>
    <message>
        <source>Choose the practitioner…</source>
        <translation>Behandler wählen…</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Einplanen</translation>
    </message>
    <message>
        <source>Send link</source>
        <translation>Link senden</translation>
    </message>
    <message>
        <source>Type the patient&apos;s mobile number or e-mail address.</source>
        <translation>Geben Sie die Handynummer oder E-Mail-Adresse des Patienten ein.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>✓ %1 (%2)</source>
        <translation>✓ %1 (%2)</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>✓ %1: the link leaves %2</source>
        <translation>✓ %1: Der Link wird %2 gesendet</translation>
    </message>
    <message>
        <source>✓ %1, paid by card or Bancontact before the waiting room</source>
        <translation>✓ %1, mit Karte oder Bancontact vor dem Wartezimmer bezahlt</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Consultation link — %1</source>
        <translation>Link der Konsultation — %1</translation>
    </message>
    <message>
        <source>QR code of the consultation link</source>
        <translation>QR-Code des Konsultationslinks</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MailForm</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>Replies to</source>
        <translation>Antworten an</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert: leer lassen, um es zu behalten</translation>
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
        <translation>Heute</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the consultation log for billing and audits, as CSV or PDF</source>
        <translation>Das Konsultationsprotokoll für Abrechnung und Prüfungen schreiben, als CSV oder PDF</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Konsultationen</translation>
    </message>
    <message>
        <source>Consultation history</source>
        <translation>Verlauf der Konsultationen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Call (%1 new)</source>
        <translation>Gespräch (%1 neu)</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Invites</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>How the link reaches the patient: by SMS, or by e-mail.</source>
        <translation>Wie der Link den Patienten erreicht: per SMS oder per E-Mail.</translation>
    </message>
    <message>
        <source>Show them in the app for now (the dev outbox)</source>
        <translation>Vorerst in der App anzeigen (der Test-Postausgang)</translation>
    </message>
    <message>
        <source>Nothing is sent: each invite appears in the app&apos;s outbox, and you give the link to the patient yourself (read it out, or let them scan its QR code). Good to try the app; set up a provider before inviting patients at home.</source>
        <translation>Nichts wird gesendet: Jede Einladung erscheint im Postausgang der App, und Sie geben den Link selbst an den Patienten weiter (vorlesen oder den QR-Code scannen lassen). Gut zum Ausprobieren; richten Sie einen Anbieter ein, bevor Sie Patienten zu Hause einladen.</translation>
    </message>
    <message>
        <source>Send them by SMS and e-mail</source>
        <translation>Per SMS und E-Mail senden</translation>
    </message>
    <message>
        <source>Through the practice&apos;s SMS provider (Twilio or Vonage) and its mail server. A channel left empty stays in the app&apos;s outbox. Tokens and passwords are kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Über den SMS-Anbieter der Praxis (Twilio oder Vonage) und ihren Mailserver. Ein leer gelassener Kanal bleibt im Postausgang der App. Tokens und Passwörter werden im Schlüsselbund dieses Computers aufbewahrt, nie in einer Datei.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Neuer Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>This key replaces the recovery key you hold now. It opens the consultation store when this computer&apos;s keyring entry is lost, and the backups made from now on. The key you hold now stops opening this computer&apos;s store, but the backups made before keep needing it: keep it with them until they are thinned away (after %1 months at the latest).</source>
        <translation>Dieser Schlüssel ersetzt den Wiederherstellungsschlüssel, den Sie jetzt haben. Er öffnet den Konsultationsspeicher, wenn der Schlüsselbundeintrag dieses Computers verloren ist, und die ab jetzt erstellten Sicherungen. Der Schlüssel, den Sie jetzt haben, öffnet den Speicher dieses Computers nicht mehr, aber die vorher erstellten Sicherungen brauchen ihn weiterhin: Bewahren Sie ihn bei ihnen auf, bis sie ausgedünnt sind (spätestens nach %1 Monaten).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Write the new key down now and keep it somewhere safe, away from this computer.&lt;/b&gt; It is shown only this once. Nothing changes until you type it back and press Use this key.</source>
        <translation>&lt;b&gt;Notieren Sie den neuen Schlüssel jetzt und bewahren Sie ihn an einem sicheren Ort auf, fern von diesem Computer.&lt;/b&gt; Er wird nur dieses eine Mal gezeigt. Nichts ändert sich, bevor Sie ihn erneut eingeben und auf Diesen Schlüssel verwenden klicken.</translation>
    </message>
    <message>
        <source>Type it back</source>
        <translation>Geben Sie ihn erneut ein</translation>
    </message>
    <message>
        <source>The new recovery key, typed back</source>
        <translation>Der neue Wiederherstellungsschlüssel, erneut eingegeben</translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation>Diesen Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The new recovery key is in use, and a backup was made with it (%1).</source>
        <translation>Der neue Wiederherstellungsschlüssel ist in Gebrauch, und eine Sicherung wurde damit erstellt (%1).</translation>
    </message>
    <message>
        <source>The new recovery key is in use, but the backup made with it failed: press Back up now once this is mended:</source>
        <translation>Der neue Wiederherstellungsschlüssel ist in Gebrauch, aber die damit erstellte Sicherung ist fehlgeschlagen: Klicken Sie auf Jetzt sichern, sobald dies behoben ist:</translation>
    </message>
    <message>
        <source>The new recovery key is in use. No backup folder is chosen: choose one, so that a backup opens with the new key.</source>
        <translation>Der neue Wiederherstellungsschlüssel ist in Gebrauch. Es ist kein Sicherungsordner gewählt: Wählen Sie einen, damit sich eine Sicherung mit dem neuen Schlüssel öffnet.</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <source>Consultation notes</source>
        <translation>Konsultationsnotizen</translation>
    </message>
    <message>
        <source>Notes (kept encrypted on this computer)</source>
        <translation>Notizen (verschlüsselt auf diesem Computer gespeichert)</translation>
    </message>
    <message>
        <source>Notes status</source>
        <translation>Status der Notizen</translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters.</source>
        <translation>Notizen sind auf %1 Zeichen begrenzt.</translation>
    </message>
    <message>
        <source>Not saved: %1 Your text stays here.</source>
        <translation>Nicht gespeichert: %1 Ihr Text bleibt hier stehen.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Messages not sent (dev outbox)</source>
        <translation>Nicht gesendete Nachrichten (Test-Postausgang)</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no SMS provider and no mail server are set up, so invites are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Test-Postausgang&lt;/b&gt;: Weder ein SMS-Anbieter noch ein Mailserver ist eingerichtet, daher werden Einladungen hier angezeigt statt gesendet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no SMS provider is set up, so invites by SMS are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Test-Postausgang&lt;/b&gt;: Es ist kein SMS-Anbieter eingerichtet, daher werden Einladungen per SMS hier angezeigt statt gesendet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dev outbox&lt;/b&gt;: no mail server is set up, so invites by e-mail are shown here instead of being sent.</source>
        <translation>&lt;b&gt;Test-Postausgang&lt;/b&gt;: Es ist kein Mailserver eingerichtet, daher werden Einladungen per E-Mail hier angezeigt statt gesendet.</translation>
    </message>
    <message>
        <source>SMS to %1</source>
        <translation>SMS an %1</translation>
    </message>
    <message>
        <source>E-mail to %1</source>
        <translation>E-Mail an %1</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>The people</source>
        <translation>Die Personen</translation>
    </message>
    <message>
        <source>Your account first: you will manage the practice&apos;s users. Add the others now or later, from the Users tab.</source>
        <translation>Zuerst Ihr Konto: Sie verwalten die Benutzer der Praxis. Fügen Sie die anderen jetzt hinzu oder später über den Reiter Benutzer.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Ihr Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>INAMI number</source>
        <translation>INAMI/RIZIV-Nummer</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Passwort oder PIN</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>I am a practitioner (GP or dentist)</source>
        <translation>Ich bin Behandler (Hausarzt oder Zahnarzt)</translation>
    </message>
    <message>
        <source>I also welcome patients (reception)</source>
        <translation>Ich empfange auch Patienten (Empfang)</translation>
    </message>
    <message>
        <source>Password or PIN again</source>
        <translation>Passwort oder PIN, noch einmal</translation>
    </message>
    <message>
        <source>A password of %1 characters or more, or a PIN of %2 to %3 digits.</source>
        <translation>Ein Passwort mit mindestens %1 Zeichen oder eine PIN mit %2 bis %3 Ziffern.</translation>
    </message>
    <message>
        <source>The others (you may add them later)</source>
        <translation>Die anderen (Sie können sie später hinzufügen)</translation>
    </message>
    <message>
        <source>People added</source>
        <translation>Hinzugefügte Personen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>First password or PIN</source>
        <translation>Erstes Passwort oder PIN</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation>Name der Person</translation>
    </message>
    <message>
        <source>Their INAMI number</source>
        <translation>INAMI-Nummer der Person</translation>
    </message>
    <message>
        <source>Their first password or PIN</source>
        <translation>Erstes Passwort oder PIN der Person</translation>
    </message>
    <message>
        <source>Add to the practice</source>
        <translation>Zur Praxis hinzufügen</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>The practice</source>
        <translation>Die Praxis</translation>
    </message>
    <message>
        <source>Welcome. Five short steps set the app up: the practice, the people who use the app, the hub patients connect through, how invites leave, and the recovery key of the consultation store, which you will write down at the end.</source>
        <translation>Willkommen. Fünf kurze Schritte richten die App ein: die Praxis, die Personen, die sie nutzen, der Hub, über den sich Patienten verbinden, wie Einladungen versendet werden, und der Wiederherstellungsschlüssel der Konsultationsdatenbank, den Sie am Ende notieren.</translation>
    </message>
    <message>
        <source>Name shown to patients</source>
        <translation>Name, den Patienten sehen</translation>
    </message>
    <message>
        <source>Language of the app and of the invites</source>
        <translation>Sprache der App und der Einladungen</translation>
    </message>
</context>
<context>
    <name>ProviderForms</name>
    <message>
        <source>None: shown in the app</source>
        <translation>Keiner: in der App angezeigt</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (Port 465)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyCard</name>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Copied. Paste it where you keep it; the app empties the clipboard at the end.</source>
        <translation>Kopiert. Fügen Sie ihn dort ein, wo Sie ihn aufbewahren; die App leert die Zwischenablage am Ende.</translation>
    </message>
    <message>
        <source>tooddoc-desk: the consultation store&apos;s recovery key</source>
        <translation>tooddoc-desk: der Wiederherstellungsschlüssel der Konsultationsdatenbank</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Den Wiederherstellungsschlüssel drucken</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation>Der Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>The consultations and notes are kept encrypted on this computer. Its keyring holds the key that opens them; this recovery key opens them too, when the keyring entry is lost: a new computer, a reinstalled system, a user account reset.</source>
        <translation>Die Konsultationen und Notizen werden verschlüsselt auf diesem Computer aufbewahrt. Sein Schlüsselbund enthält den Schlüssel, der sie öffnet; dieser Wiederherstellungsschlüssel öffnet sie ebenfalls, wenn der Eintrag im Schlüsselbund verloren geht: ein neuer Computer, ein neu installiertes System, ein zurückgesetztes Benutzerkonto.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lose both the keyring entry and this recovery key, and the consultations, the notes and the history are gone for good:&lt;/b&gt; nobody can open them, not even the app&apos;s makers. Write the key down now and keep it somewhere safe, away from this computer. It is shown only this once.</source>
        <translation>&lt;b&gt;Gehen sowohl der Eintrag im Schlüsselbund als auch dieser Wiederherstellungsschlüssel verloren, sind die Konsultationen, die Notizen und der Verlauf für immer verloren:&lt;/b&gt; Niemand kann sie öffnen, nicht einmal die Hersteller der App. Notieren Sie den Schlüssel jetzt und bewahren Sie ihn sicher auf, nicht bei diesem Computer. Er wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <source>A set-up left unfinished showed another key: that one no longer works. Keep this one.</source>
        <translation>Eine nicht abgeschlossene Einrichtung zeigte einen anderen Schlüssel: Dieser funktioniert nicht mehr. Bewahren Sie diesen auf.</translation>
    </message>
    <message>
        <source>Type it back</source>
        <translation>Geben Sie ihn erneut ein</translation>
    </message>
    <message>
        <source>The recovery key, typed back</source>
        <translation>Der Wiederherstellungsschlüssel, erneut eingegeben</translation>
    </message>
</context>
<context>
    <name>RefundPrompt</name>
    <message>
        <source>Withdraw a paid consultation</source>
        <translation>Eine bezahlte Sprechstunde zurückziehen</translation>
    </message>
    <message>
        <source>The patient paid %1 for this consultation. Refund it?</source>
        <translation>Der Patient hat %1 für diese Sprechstunde bezahlt. Erstatten?</translation>
    </message>
    <message>
        <source>A refund goes back to the card or account it came from; the patient sees it within 5 to 10 days.</source>
        <translation>Eine Erstattung geht auf die Karte oder das Konto zurück, von dem sie kam; der Patient sieht sie innerhalb von 5 bis 10 Tagen.</translation>
    </message>
    <message>
        <source>Withdraw and refund</source>
        <translation>Zurückziehen und erstatten</translation>
    </message>
    <message>
        <source>Withdraw, keep the payment</source>
        <translation>Zurückziehen, Zahlung behalten</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>No consultation records on this computer yet</source>
        <translation>Noch keine Konsultationsdaten auf diesem Computer</translation>
    </message>
    <message>
        <source>Setting the practice up for the first time? Choose New practice. On a new computer, or after a disk was replaced, restore the practice&apos;s last backup with the recovery key written down at set-up: the consultations, the notes, the history and the settings come back.</source>
        <translation>Richten Sie die Praxis zum ersten Mal ein? Wählen Sie Neue Praxis. Auf einem neuen Computer oder nach dem Austausch eines Datenträgers stellen Sie die letzte Sicherung der Praxis mit dem bei der Einrichtung notierten Wiederherstellungsschlüssel wieder her: Konsultationen, Notizen, Verlauf und Einstellungen kommen zurück.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>New practice</source>
        <translation>Neue Praxis</translation>
    </message>
    <message>
        <source>Choose the backup file and type the recovery key.</source>
        <translation>Wählen Sie die Sicherungsdatei und geben Sie den Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the key in: restore from the command line (tooddoc-desk restore --from FILE), which asks for a passphrase.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für den Schlüssel: stellen Sie über die Befehlszeile wieder her (tooddoc-desk restore --from DATEI), die nach einer Passphrase fragt.</translation>
    </message>
    <message>
        <source>The restore failed; the details are in the log. Nothing was kept.</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen; die Einzelheiten stehen im Protokoll. Nichts wurde behalten.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Praxis</translation>
    </message>
    <message>
        <source>Name shown to patients</source>
        <translation>Name, den Patienten sehen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Lock after (minutes idle)</source>
        <translation>Sperren nach (Minuten ohne Eingabe)</translation>
    </message>
    <message>
        <source>Booked links leave (minutes before)</source>
        <translation>Eingeplante Links gehen (Minuten vorher) hinaus</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Sicherungen…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Type a new patient&apos;s number or address</source>
        <translation>Nummer oder Adresse eines neuen Patienten eingeben</translation>
    </message>
    <message>
        <source>Send the link (in the patient&apos;s field)</source>
        <translation>Den Link senden (im Feld des Patienten)</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Den Bildschirm sperren</translation>
    </message>
    <message>
        <source>Mute or unmute your microphone (in a call)</source>
        <translation>Ihr Mikrofon aus- oder einschalten (während eines Gesprächs)</translation>
    </message>
    <message>
        <source>Turn your camera off or on (in a call)</source>
        <translation>Ihre Kamera aus- oder einschalten (während eines Gesprächs)</translation>
    </message>
    <message>
        <source>Next tab: Today, Call, History, Users</source>
        <translation>Nächster Reiter: Heute, Gespräch, Verlauf, Benutzer</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Vorheriger Reiter</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Nächstes Element</translation>
    </message>
    <message>
        <source>Previous control</source>
        <translation>Vorheriges Element</translation>
    </message>
    <message>
        <source>Press the button that has the focus</source>
        <translation>Die Schaltfläche mit dem Fokus drücken</translation>
    </message>
    <message>
        <source>Send a chat message (in the chat)</source>
        <translation>Eine Nachricht senden (im Chat)</translation>
    </message>
    <message>
        <source>New line in a chat message</source>
        <translation>Neue Zeile in einer Nachricht</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Diese Liste der Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Was sie tun</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Passwort oder PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Als andere Person anmelden</translation>
    </message>
    <message>
        <source>The screen was locked. Type your password or PIN.</source>
        <translation>Der Bildschirm wurde gesperrt. Geben Sie Ihr Passwort oder Ihre PIN ein.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
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
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Sender name or number</source>
        <translation>Absendername oder -nummer</translation>
    </message>
    <message>
        <source>Account (SID or API key)</source>
        <translation>Konto (SID oder API-Schlüssel)</translation>
    </message>
    <message>
        <source>Token or secret</source>
        <translation>Token oder Geheimnis</translation>
    </message>
    <message>
        <source>kept in the keyring: leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert: leer lassen, um es zu behalten</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today&apos;s consultations</source>
        <translation>Heutige Konsultationen</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Send the link again (ask the patient first)</source>
        <translation>Den Link erneut senden (fragen Sie zuerst den Patienten)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Stop the invite and make the link stop working</source>
        <translation>Die Einladung stoppen und den Link ungültig machen</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Hereinlassen</translation>
    </message>
    <message>
        <source>Let the selected patient in from the waiting room</source>
        <translation>Den ausgewählten Patienten aus dem Wartezimmer hereinlassen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy the consultation&apos;s link, to paste elsewhere</source>
        <translation>Den Link der Konsultation kopieren, um ihn anderswo einzufügen</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>Show the link as a QR code to scan with a phone</source>
        <translation>Den Link als QR-Code zum Scannen mit einem Telefon anzeigen</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>Waiting room: %1 — select and click Admit</source>
        <translation>Wartezimmer: %1 — auswählen und auf Hereinlassen klicken</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Praxisverwaltung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>INAMI number</source>
        <translation>INAMI/RIZIV-Nummer</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Darf sich anmelden</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Passwort oder PIN</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Set this password or PIN</source>
        <translation>Dieses Passwort oder diese PIN festlegen</translation>
    </message>
    <message>
        <source>Users message</source>
        <translation>Meldung zu den Benutzern</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 may now sign in.</source>
        <translation>%1 kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <source>%1: saved.</source>
        <translation>%1: gespeichert.</translation>
    </message>
    <message>
        <source>%1 has a new password or PIN.</source>
        <translation>%1 hat ein neues Passwort oder eine neue PIN.</translation>
    </message>
</context>
<context>
    <name>WaitingAlert</name>
    <message>
        <source>A patient is in the waiting room</source>
        <translation>Ein Patient ist im Wartezimmer</translation>
    </message>
    <message>
        <source>Open tooddoc-desk to admit them.</source>
        <translation>Öffnen Sie tooddoc-desk, um ihn hereinzulassen.</translation>
    </message>
</context>
<context>
    <name>sentences</name>
    <message>
        <source>No speaker was found: the patient cannot be heard.</source>
        <translation>Es wurde kein Lautsprecher gefunden: Sie können den Patienten nicht hören.</translation>
    </message>
    <message>
        <source>The consultation service did not answer, so no link was sent. Try again in a moment; if it keeps failing, restart the app.</source>
        <translation>Der Konsultationsdienst hat nicht geantwortet, daher wurde kein Link gesendet. Versuchen Sie es gleich noch einmal; wenn es weiter fehlschlägt, starten Sie die App neu.</translation>
    </message>
    <message>
        <source>The other device has gone away: the patient stays on the first one.</source>
        <translation>Das andere Gerät ist nicht mehr da: Der Patient bleibt auf dem ersten.</translation>
    </message>
    <message>
        <source>This patient is no longer waiting.</source>
        <translation>Dieser Patient wartet nicht mehr.</translation>
    </message>
    <message>
        <source>Finish the current call before admitting the next patient.</source>
        <translation>Beenden Sie das laufende Gespräch, bevor Sie den nächsten Patienten hereinlassen.</translation>
    </message>
    <message>
        <source>This link is on its way already: wait for it to be sent or to fail.</source>
        <translation>Dieser Link ist bereits unterwegs: Warten Sie, bis er gesendet wurde oder fehlschlägt.</translation>
    </message>
    <message>
        <source>This consultation has no link to send again.</source>
        <translation>Diese Konsultation hat keinen Link, der erneut gesendet werden kann.</translation>
    </message>
    <message>
        <source>The consultation&apos;s time has passed: give a time to come.</source>
        <translation>Die Uhrzeit der Konsultation ist vorbei: Geben Sie eine künftige Uhrzeit an.</translation>
    </message>
    <message>
        <source>No Stripe key is kept on this computer, so no pre-payment can be asked: keep the restricted key with tooddoc-desk provider-secret --stripe.</source>
        <translation>Auf diesem Computer ist kein Stripe-Schlüssel gespeichert, daher kann keine Vorauszahlung verlangt werden: Speichern Sie den eingeschränkten Schlüssel mit tooddoc-desk provider-secret --stripe.</translation>
    </message>
    <message>
        <source>This patient has not paid yet: they join the waiting room once they have.</source>
        <translation>Dieser Patient hat noch nicht bezahlt: Er kommt ins Wartezimmer, sobald er bezahlt hat.</translation>
    </message>
    <message>
        <source>This consultation was not paid: there is nothing to refund.</source>
        <translation>Diese Sprechstunde wurde nicht bezahlt: Es gibt nichts zu erstatten.</translation>
    </message>
    <message>
        <source>A patient paid for a consultation that did not take place: refund it from Stripe&apos;s dashboard (the payment is described with the practice&apos;s name).</source>
        <translation>Ein Patient hat für eine Sprechstunde bezahlt, die nicht stattfand: Erstatten Sie über das Stripe-Dashboard (die Zahlung trägt den Namen der Praxis).</translation>
    </message>
    <message>
        <source>The patient&apos;s browser asked for a call this app cannot take. Ask the patient to reload the page, or to open the link in Chrome, Safari, Firefox or Edge.</source>
        <translation>Der Browser des Patienten hat ein Gespräch angefragt, das diese App nicht annehmen kann. Bitten Sie den Patienten, die Seite neu zu laden oder den Link in Chrome, Safari, Firefox oder Edge zu öffnen.</translation>
    </message>
    <message>
        <source>The link may or may not have reached the patient, and the app will not send it again by itself. %1 Then choose Resend or Withdraw under Today.</source>
        <translation>Der Link hat den Patienten vielleicht erreicht, vielleicht nicht, und die App sendet ihn nicht von selbst erneut. %1 Wählen Sie dann unter Heute Erneut senden oder Zurückziehen.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Schreiben Sie zuerst eine Nachricht.</translation>
    </message>
    <message>
        <source>The patient is not in the call.</source>
        <translation>Der Patient ist nicht im Gespräch.</translation>
    </message>
    <message>
        <source>The connection to the consultation service is lost. The call goes on: say it aloud.</source>
        <translation>Die Verbindung zum Sprechstundendienst ist unterbrochen. Das Gespräch geht weiter: Sagen Sie es laut.</translation>
    </message>
    <message>
        <source>A chat message could not be saved with the consultation. It stays on screen; the app tries again with the next one.</source>
        <translation>Eine Chatnachricht konnte nicht mit der Sprechstunde gespeichert werden. Sie bleibt auf dem Bildschirm; die App versucht es mit der nächsten erneut.</translation>
    </message>
    <message>
        <source>The pre-payment could not be prepared, so no link was sent. %1</source>
        <translation>Die Vorauszahlung konnte nicht vorbereitet werden, daher wurde kein Link gesendet. %1</translation>
    </message>
    <message>
        <source>The refund did not go through. %1</source>
        <translation>Die Erstattung ist nicht durchgegangen. %1</translation>
    </message>
    <message>
        <source>The connection to the consultation service was lost. A call in progress goes on, but a patient who drops out cannot come back through the link.</source>
        <translation>Die Verbindung zum Konsultationsdienst ist unterbrochen. Ein laufendes Gespräch geht weiter, aber ein Patient, der herausfällt, kann nicht über den Link zurückkommen.</translation>
    </message>
    <message>
        <source>The link for the consultation booked for %1 was not sent: the app was not running when it was due, and that time has passed. Call the patient, or choose Resend to send a link now.</source>
        <translation>Der Link für die Konsultation, geplant %1, wurde nicht gesendet: Die App lief zum vorgesehenen Zeitpunkt nicht, und diese Zeit ist vorbei. Rufen Sie den Patienten an oder wählen Sie Erneut senden, um jetzt einen Link zu senden.</translation>
    </message>
    <message>
        <source>A message is at most %1 characters; this one has %2.</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen; diese hat %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer did not come back.</source>
        <translation>Die Antwort des Anbieters ist nicht zurückgekommen.</translation>
    </message>
    <message>
        <source>The link could not be sent.</source>
        <translation>Der Link konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>%1 (code %2).</source>
        <translation>%1 (Code %2).</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (Code %2)</translation>
    </message>
    <message>
        <source>This number is not valid: check it with the patient.</source>
        <translation>Diese Nummer ist ungültig: Prüfen Sie sie mit dem Patienten.</translation>
    </message>
    <message>
        <source>This number cannot receive SMS. Ask for another mobile number or an e-mail address.</source>
        <translation>Diese Nummer kann keine SMS empfangen. Fragen Sie nach einer anderen Handynummer oder einer E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>This number has asked not to receive text messages from the practice (it replied STOP). Send the link by e-mail instead.</source>
        <translation>Diese Nummer möchte keine SMS der Praxis mehr erhalten (sie hat mit STOP geantwortet). Senden Sie den Link stattdessen per E-Mail.</translation>
    </message>
    <message>
        <source>The mail server refused the address: check it with the patient, or send an SMS.</source>
        <translation>Der Mailserver hat die Adresse abgelehnt: Prüfen Sie sie mit dem Patienten oder senden Sie eine SMS.</translation>
    </message>
    <message>
        <source>The patient&apos;s mailbox is full: send the link by SMS instead.</source>
        <translation>Das Postfach des Patienten ist voll: Senden Sie den Link stattdessen per SMS.</translation>
    </message>
    <message>
        <source>The mail server refused the message.</source>
        <translation>Der Mailserver hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>The SMS service refused the practice&apos;s account name, key or password: check the SMS settings.</source>
        <translation>Der SMS-Dienst hat Kontoname, Schlüssel oder Passwort der Praxis abgelehnt: Prüfen Sie die SMS-Einstellungen.</translation>
    </message>
    <message>
        <source>The mail server refused the practice&apos;s account name, key or password: check the e-mail settings.</source>
        <translation>Der Mailserver hat Kontoname, Schlüssel oder Passwort der Praxis abgelehnt: Prüfen Sie die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <source>The SMS service does not accept the sender name or address set up for the practice: check the SMS settings.</source>
        <translation>Der SMS-Dienst akzeptiert den für die Praxis eingerichteten Absendernamen oder die Absenderadresse nicht: Prüfen Sie die SMS-Einstellungen.</translation>
    </message>
    <message>
        <source>The mail server does not accept the sender name or address set up for the practice: check the e-mail settings.</source>
        <translation>Der Mailserver akzeptiert den für die Praxis eingerichteten Absendernamen oder die Absenderadresse nicht: Prüfen Sie die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <source>The practice&apos;s account with the SMS service is suspended or not enabled for this: contact the provider.</source>
        <translation>Das Konto der Praxis beim SMS-Dienst ist gesperrt oder dafür nicht freigeschaltet: Wenden Sie sich an den Anbieter.</translation>
    </message>
    <message>
        <source>The practice&apos;s account with the mail server is suspended or not enabled for this: contact the provider.</source>
        <translation>Das Konto der Praxis beim Mailserver ist gesperrt oder dafür nicht freigeschaltet: Wenden Sie sich an den Anbieter.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account has run out of credit: top it up.</source>
        <translation>Das SMS-Konto der Praxis hat kein Guthaben mehr: Laden Sie es auf.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account is a trial account: it may only text numbers verified with the provider.</source>
        <translation>Das SMS-Konto der Praxis ist ein Testkonto: Es darf nur an beim Anbieter bestätigte Nummern SMS senden.</translation>
    </message>
    <message>
        <source>The practice&apos;s SMS account is not allowed to send to this country: enable it with the provider.</source>
        <translation>Das SMS-Konto der Praxis darf nicht in dieses Land senden: Schalten Sie es beim Anbieter frei.</translation>
    </message>
    <message>
        <source>A secure connection to the mail server could not be made (its certificate is not trusted or does not match its name): check the e-mail settings.</source>
        <translation>Es konnte keine sichere Verbindung zum Mailserver hergestellt werden (sein Zertifikat ist nicht vertrauenswürdig oder passt nicht zu seinem Namen): Prüfen Sie die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption, so the link was not sent: check the e-mail settings (port and security).</source>
        <translation>Der Mailserver bietet keine Verschlüsselung an, daher wurde der Link nicht gesendet: Prüfen Sie die E-Mail-Einstellungen (Port und Sicherheit).</translation>
    </message>
    <message>
        <source>The mail server does not offer a login, but the e-mail settings have a user name: check the e-mail settings.</source>
        <translation>Der Mailserver bietet keine Anmeldung an, aber die E-Mail-Einstellungen enthalten einen Benutzernamen: Prüfen Sie die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <source>The SMS settings name an account whose password or key is not in this computer&apos;s keyring, so nothing was sent: run tooddoc-desk provider-secret --sms.</source>
        <translation>Die SMS-Einstellungen nennen ein Konto, dessen Passwort oder Schlüssel nicht im Schlüsselbund dieses Computers liegt, daher wurde nichts gesendet: Führen Sie tooddoc-desk provider-secret --sms aus.</translation>
    </message>
    <message>
        <source>The e-mail settings name an account whose password or key is not in this computer&apos;s keyring, so nothing was sent: run tooddoc-desk provider-secret --email.</source>
        <translation>Die E-Mail-Einstellungen nennen ein Konto, dessen Passwort oder Schlüssel nicht im Schlüsselbund dieses Computers liegt, daher wurde nichts gesendet: Führen Sie tooddoc-desk provider-secret --email aus.</translation>
    </message>
    <message>
        <source>The SMS service is busy and asked the app to slow down.</source>
        <translation>Der SMS-Dienst ist ausgelastet und hat die App gebeten, langsamer zu senden.</translation>
    </message>
    <message>
        <source>The mail server is busy and asked the app to slow down.</source>
        <translation>Der Mailserver ist ausgelastet und hat die App gebeten, langsamer zu senden.</translation>
    </message>
    <message>
        <source>The SMS service is temporarily unavailable.</source>
        <translation>Der SMS-Dienst ist vorübergehend nicht verfügbar.</translation>
    </message>
    <message>
        <source>The mail server is temporarily unavailable.</source>
        <translation>Der Mailserver ist vorübergehend nicht verfügbar.</translation>
    </message>
    <message>
        <source>The SMS service could not be reached: check the internet connection and the SMS settings.</source>
        <translation>Der SMS-Dienst ist nicht erreichbar: Prüfen Sie die Internetverbindung und die SMS-Einstellungen.</translation>
    </message>
    <message>
        <source>The mail server could not be reached: check the internet connection and the e-mail settings.</source>
        <translation>Der Mailserver ist nicht erreichbar: Prüfen Sie die Internetverbindung und die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <source>The SMS service did not answer in time.</source>
        <translation>Der SMS-Dienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The mail server did not answer in time.</source>
        <translation>Der Mailserver hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The SMS service stopped answering while the invite was being handed over, so the app cannot tell whether it left. Ask the patient whether the link arrived before sending it again.</source>
        <translation>Der SMS-Dienst hat während der Übergabe der Einladung aufgehört zu antworten, daher weiß die App nicht, ob sie gesendet wurde. Fragen Sie den Patienten, ob der Link angekommen ist, bevor Sie ihn erneut senden.</translation>
    </message>
    <message>
        <source>The mail server stopped answering while the invite was being handed over, so the app cannot tell whether it left. Ask the patient whether the link arrived before sending it again.</source>
        <translation>Der Mailserver hat während der Übergabe der Einladung aufgehört zu antworten, daher weiß die App nicht, ob sie gesendet wurde. Fragen Sie den Patienten, ob der Link angekommen ist, bevor Sie ihn erneut senden.</translation>
    </message>
    <message>
        <source>The phone network could not deliver the SMS to this number: check the number with the patient, or send the link by e-mail.</source>
        <translation>Das Telefonnetz konnte die SMS nicht an diese Nummer zustellen: Prüfen Sie die Nummer mit dem Patienten oder senden Sie den Link per E-Mail.</translation>
    </message>
    <message>
        <source>The SMS service refused the message.</source>
        <translation>Der SMS-Dienst hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>This is not a mobile number: ask for a mobile number or an e-mail address.</source>
        <translation>Das ist keine Handynummer: Fragen Sie nach einer Handynummer oder einer E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>No country has this international prefix: check the digits after the +.</source>
        <translation>Kein Land hat diese internationale Vorwahl: Prüfen Sie die Ziffern nach dem +.</translation>
    </message>
    <message>
        <source>This number is too short: a digit may be missing.</source>
        <translation>Diese Nummer ist zu kurz: Vielleicht fehlt eine Ziffer.</translation>
    </message>
    <message>
        <source>This number is too long: check for an extra digit.</source>
        <translation>Diese Nummer ist zu lang: Prüfen Sie, ob eine Ziffer zu viel ist.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s mobile number or e-mail address.</source>
        <translation>Geben Sie die Handynummer oder E-Mail-Adresse des Patienten ein.</translation>
    </message>
    <message>
        <source>This is too long to be a phone number or an e-mail address.</source>
        <translation>Das ist zu lang für eine Telefonnummer oder eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>A phone number has only digits; for an e-mail address, include the @.</source>
        <translation>Eine Telefonnummer besteht nur aus Ziffern; eine E-Mail-Adresse braucht ein @.</translation>
    </message>
    <message>
        <source>A phone number has only digits, spaces and an optional + in front.</source>
        <translation>Eine Telefonnummer besteht nur aus Ziffern, Leerzeichen und eventuell einem + am Anfang.</translation>
    </message>
    <message>
        <source>This is a short service number; it cannot receive a text message.</source>
        <translation>Das ist eine Kurzwahl-Servicenummer; sie kann keine SMS empfangen.</translation>
    </message>
    <message>
        <source>This number does not exist in its country&apos;s numbering plan: check the digits.</source>
        <translation>Diese Nummer existiert im Nummernplan ihres Landes nicht: Prüfen Sie die Ziffern.</translation>
    </message>
    <message>
        <source>This is a landline number: it cannot receive a text message. Ask for a mobile number or an e-mail address.</source>
        <translation>Das ist eine Festnetznummer: Sie kann keine SMS empfangen. Fragen Sie nach einer Handynummer oder einer E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>This is a premium-rate number: a link is never sent to one.</source>
        <translation>Das ist eine kostenpflichtige Mehrwertnummer: An solche Nummern wird nie ein Link gesendet.</translation>
    </message>
    <message>
        <source>This is a free-phone service number: it cannot receive a text message.</source>
        <translation>Das ist eine kostenlose Servicenummer: Sie kann keine SMS empfangen.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid: %1</source>
        <translation>Diese E-Mail-Adresse ist ungültig: %1</translation>
    </message>
    <message>
        <source>%1/%2/%3 at %4</source>
        <translation>am %1.%2.%3 um %4</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>morgen um %1</translation>
    </message>
    <message>
        <source>Give the time as 14:30, or a day and a time as 26/11 14:30 (or leave it empty for now).</source>
        <translation>Geben Sie die Uhrzeit als 14:30 an, oder einen Tag und eine Uhrzeit als 26/11 14:30 (oder lassen Sie das Feld für jetzt leer).</translation>
    </message>
    <message>
        <source>%1 has passed: give a time to come.</source>
        <translation>Dieser Zeitpunkt (%1) ist vorbei: Geben Sie eine künftige Uhrzeit an.</translation>
    </message>
    <message>
        <source>A consultation is booked at most 90 days ahead.</source>
        <translation>Eine Konsultation wird höchstens 90 Tage im Voraus geplant.</translation>
    </message>
    <message>
        <source>%1:%2 is not a time of day.</source>
        <translation>%1:%2 ist keine gültige Uhrzeit.</translation>
    </message>
    <message>
        <source>This date and time do not exist.</source>
        <translation>Dieses Datum und diese Uhrzeit gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such day as %1.</source>
        <translation>Einen Tag %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>A name is at most %1 ordinary characters.</source>
        <translation>Ein Name hat höchstens %1 gewöhnliche Zeichen.</translation>
    </message>
    <message>
        <source>An INAMI number has 11 digits, like 1-23456-78-901.</source>
        <translation>Eine INAMI/RIZIV-Nummer hat 11 Ziffern, etwa 1-23456-78-901.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Wählen Sie mindestens eine Rolle.</translation>
    </message>
    <message>
        <source>A practitioner needs an INAMI number.</source>
        <translation>Ein Behandler braucht eine INAMI/RIZIV-Nummer.</translation>
    </message>
    <message>
        <source>Only a practitioner has an INAMI number.</source>
        <translation>Nur ein Behandler hat eine INAMI/RIZIV-Nummer.</translation>
    </message>
    <message>
        <source>%1 cannot %2.</source>
        <translation>Nicht erlaubt für %1: %2.</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>nicht angemeldete Personen</translation>
    </message>
    <message>
        <source>send consultation links</source>
        <translation>Konsultationslinks versenden</translation>
    </message>
    <message>
        <source>see the waiting room</source>
        <translation>das Wartezimmer sehen</translation>
    </message>
    <message>
        <source>run calls (a practitioner does)</source>
        <translation>Gespräche führen (das ist Aufgabe eines Behandlers)</translation>
    </message>
    <message>
        <source>read or write a consultation&apos;s notes (a practitioner does)</source>
        <translation>die Notizen einer Konsultation lesen oder schreiben (das ist Aufgabe eines Behandlers)</translation>
    </message>
    <message>
        <source>export the consultation log (a practice manager does)</source>
        <translation>das Konsultationsprotokoll exportieren (das ist Aufgabe der Praxisverwaltung)</translation>
    </message>
    <message>
        <source>manage users (a practice manager does)</source>
        <translation>Benutzer verwalten (das ist Aufgabe der Praxisverwaltung)</translation>
    </message>
    <message>
        <source>A password has at least %1 characters (or use a PIN of %2 to %3 digits).</source>
        <translation>Ein Passwort hat mindestens %1 Zeichen (oder verwenden Sie eine PIN mit %2 bis %3 Ziffern).</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Ein Passwort hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>Eine PIN hat %1 bis %2 Ziffern.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess.</source>
        <translation>Diese PIN ist zu leicht zu erraten.</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>Der Name oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: try again in %1 minute(s).</source>
        <translation>Zu viele Fehlversuche: Versuchen Sie es in %1 Minute(n) erneut.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>%1: another person has this name already.</source>
        <translation>%1: Eine andere Person hat diesen Namen bereits.</translation>
    </message>
    <message>
        <source>The practice needs at least one active manager.</source>
        <translation>Die Praxis braucht mindestens eine aktive Person in der Praxisverwaltung.</translation>
    </message>
    <message>
        <source>Choose the practitioner the consultation is for.</source>
        <translation>Wählen Sie den Behandler, für den die Konsultation ist.</translation>
    </message>
    <message>
        <source>This person is not one of the practice&apos;s practitioners.</source>
        <translation>Diese Person gehört nicht zu den Behandlern der Praxis.</translation>
    </message>
    <message>
        <source>Create the account of the person who manages the practice.</source>
        <translation>Legen Sie das Konto der Person an, die die Praxis verwaltet.</translation>
    </message>
    <message>
        <source>The camera chosen in Settings is not connected: unless it is plugged in before the call starts, the call uses the default camera.</source>
        <translation>Die in den Einstellungen gewählte Kamera ist nicht angeschlossen: Wird sie nicht vor Beginn des Anrufs angeschlossen, verwendet der Anruf die Standardkamera.</translation>
    </message>
    <message>
        <source>The microphone chosen in Settings is not connected: unless it is plugged in before the call starts, the call uses the default microphone.</source>
        <translation>Das in den Einstellungen gewählte Mikrofon ist nicht angeschlossen: Wird es nicht vor Beginn des Anrufs angeschlossen, verwendet der Anruf das Standardmikrofon.</translation>
    </message>
    <message>
        <source>The speaker chosen in Settings is not connected: the patient is heard on the default speaker.</source>
        <translation>Der in den Einstellungen gewählte Lautsprecher ist nicht angeschlossen: Der Patient ist über den Standardlautsprecher zu hören.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub&apos;s practice key: use the built-in hub.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für den Praxisschlüssel des Hubs: Verwenden Sie den eingebauten Hub.</translation>
    </message>
    <message>
        <source>Type the practice key that whoever runs the hub gave you.</source>
        <translation>Geben Sie den Praxisschlüssel ein, den Sie vom Betreiber des Hubs erhalten haben.</translation>
    </message>
    <message>
        <source>Type the hub&apos;s address alone, such as https://hub.example.be (plain http only for a hub on this computer).</source>
        <translation>Geben Sie nur die Adresse des Hubs ein, etwa https://hub.example.be (einfaches http nur für einen Hub auf diesem Computer).</translation>
    </message>
    <message>
        <source>The hub at %1 does not know this practice key. Check it with whoever runs the hub.</source>
        <translation>Der Hub unter %1 kennt diesen Praxisschlüssel nicht. Prüfen Sie ihn mit dem Betreiber des Hubs.</translation>
    </message>
    <message>
        <source>The hub at %1 turns this computer away for a while after wrong keys: try again in a minute.</source>
        <translation>Der Hub unter %1 weist diesen Computer nach falschen Schlüsseln eine Weile ab: Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>The hub at %1 cannot check practice keys: is it a tooddoc hub?</source>
        <translation>Der Hub unter %1 kann keine Praxisschlüssel prüfen: Ist es ein tooddoc-Hub?</translation>
    </message>
    <message>
        <source>The hub at %1 does not answer. Check the address, or choose Next again to keep it as it is: invites will fail until the hub answers.</source>
        <translation>Der Hub unter %1 antwortet nicht. Prüfen Sie die Adresse, oder wählen Sie erneut Weiter, um sie so zu behalten: Einladungen schlagen fehl, bis der Hub antwortet.</translation>
    </message>
    <message>
        <source>This is not the recovery key shown above: compare each group of four.</source>
        <translation>Das ist nicht der oben angezeigte Wiederherstellungsschlüssel: Vergleichen Sie jede Vierergruppe.</translation>
    </message>
    <message>
        <source>A recovery key has 32 letters and digits, in 8 groups of 4, like the one above.</source>
        <translation>Ein Wiederherstellungsschlüssel hat 32 Buchstaben und Ziffern in 8 Vierergruppen, wie der obige.</translation>
    </message>
    <message>
        <source>The hub at %1 does not answer. Check the address, or choose Save again to use it as it is: invites will fail until the hub answers.</source>
        <translation>Der Hub unter %1 antwortet nicht. Prüfen Sie die Adresse, oder wählen Sie erneut Speichern, um ihn so zu verwenden: Einladungen schlagen fehl, bis der Hub antwortet.</translation>
    </message>
    <message>
        <source>A call runs through the current hub: change the hub once the call has ended.</source>
        <translation>Ein Gespräch läuft über den aktuellen Hub: Wechseln Sie den Hub, wenn das Gespräch beendet ist.</translation>
    </message>
    <message>
        <source>Links sent earlier still lead to the current hub: withdraw them under Today, or change the hub once they have been used or have expired.</source>
        <translation>Bereits gesendete Links führen noch zum aktuellen Hub: Ziehen Sie sie unter Heute zurück, oder wechseln Sie den Hub, wenn sie benutzt oder abgelaufen sind.</translation>
    </message>
    <message>
        <source>No key was given.</source>
        <translation>Es wurde kein Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>A practice key is one word of letters, digits and signs.</source>
        <translation>Ein Praxisschlüssel ist ein einziges Wort aus Buchstaben, Ziffern und Zeichen.</translation>
    </message>
    <message>
        <source>A practice key has %1 to %2 characters; this one has %3.</source>
        <translation>Ein Praxisschlüssel hat %1 bis %2 Zeichen; dieser hat %3.</translation>
    </message>
    <message>
        <source>The settings file must hold one section in braces ({…}).</source>
        <translation>Die Einstellungsdatei muss einen Abschnitt in geschweiften Klammern enthalten ({…}).</translation>
    </message>
    <message>
        <source>The practice&apos;s name, shown to patients, has 1 to 80 characters.</source>
        <translation>Der Name der Praxis, den Patienten sehen, hat 1 bis 80 Zeichen.</translation>
    </message>
    <message>
        <source>The built-in hub&apos;s port is a number from 0 to 65535.</source>
        <translation>Der Port des eingebauten Hubs ist eine Zahl von 0 bis 65535.</translation>
    </message>
    <message>
        <source>The video comes from the camera (auto) or a test picture (test-pattern).</source>
        <translation>Das Video kommt von der Kamera (auto) oder einem Testbild (test-pattern).</translation>
    </message>
    <message>
        <source>Booked links leave 1 to %1 minutes before their time: a link works for an hour, so it must still work at the booked time.</source>
        <translation>Links für Termine gehen 1 bis %1 Minuten vor der Uhrzeit hinaus: Ein Link funktioniert eine Stunde, er muss also zur Terminzeit noch funktionieren.</translation>
    </message>
    <message>
        <source>The screen locks after 1 to %1 minutes without a key press or a click.</source>
        <translation>Der Bildschirm sperrt sich nach 1 bis %1 Minuten ohne Tastendruck oder Klick.</translation>
    </message>
    <message>
        <source>Give a whole number of minutes.</source>
        <translation>Geben Sie eine ganze Zahl von Minuten an.</translation>
    </message>
    <message>
        <source>The hub is the built-in one (embedded) or the practice&apos;s hosted hub (hosted).</source>
        <translation>Der Hub ist der eingebaute (embedded) oder der gehostete Hub der Praxis (hosted).</translation>
    </message>
    <message>
        <source>The hosted hub needs its address, such as https://hub.example.be.</source>
        <translation>Der gehostete Hub braucht seine Adresse, etwa https://hub.example.be.</translation>
    </message>
    <message>
        <source>The settings file cannot be read.</source>
        <translation>Die Einstellungsdatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The language is fr, nl, en or de.</source>
        <translation>Die Sprache ist fr, nl, en oder de.</translation>
    </message>
    <message>
        <source>A setting has a value of the wrong kind (text, a number, or a section in braces).</source>
        <translation>Eine Einstellung hat einen Wert der falschen Art (Text, eine Zahl oder ein Abschnitt in geschweiften Klammern).</translation>
    </message>
    <message>
        <source>The billing table (codes and fees for the export) cannot be used.</source>
        <translation>Die Abrechnungstabelle (Codes und Honorare für den Export) ist unbrauchbar.</translation>
    </message>
    <message>
        <source>The hub&apos;s address is an https address alone, such as https://hub.example.be (plain http only for a hub on this computer).</source>
        <translation>Die Adresse des Hubs ist nur eine https-Adresse, etwa https://hub.example.be (einfaches http nur für einen Hub auf diesem Computer).</translation>
    </message>
    <message>
        <source>SMS leave through Twilio, Vonage, or nothing (the dev outbox).</source>
        <translation>SMS gehen über Twilio, über Vonage oder gar nicht hinaus (der Test-Postausgang).</translation>
    </message>
    <message>
        <source>Say who the SMS is from: a name of up to 11 letters and digits, or the number the SMS provider gave the practice (+32…).</source>
        <translation>Geben Sie an, von wem die SMS kommt: ein Name aus höchstens 11 Buchstaben und Ziffern, oder die Nummer, die der SMS-Anbieter der Praxis gab (+32…).</translation>
    </message>
    <message>
        <source>The mail server is a name such as smtp.example.be.</source>
        <translation>Der Mailserver ist ein Name wie smtp.example.be.</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number from 1 to 65535, usually 587 or 465.</source>
        <translation>Der Port des Mailservers ist eine Zahl von 1 bis 65535, meist 587 oder 465.</translation>
    </message>
    <message>
        <source>The mail server is reached with STARTTLS (port 587) or TLS (port 465).</source>
        <translation>Der Mailserver wird mit STARTTLS (Port 587) oder TLS (Port 465) erreicht.</translation>
    </message>
    <message>
        <source>Give the address the invites come from.</source>
        <translation>Geben Sie die Adresse an, von der die Einladungen kommen.</translation>
    </message>
    <message>
        <source>The address the invites come from is not a valid e-mail address.</source>
        <translation>Die Adresse, von der die Einladungen kommen, ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The address for replies is not a valid e-mail address.</source>
        <translation>Die Antwortadresse ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The sender&apos;s name has at most 80 characters.</source>
        <translation>Der Name des Absenders hat höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>This part of the settings must be a section in braces ({…}).</source>
        <translation>Dieser Teil der Einstellungen muss ein Abschnitt in geschweiften Klammern sein ({…}).</translation>
    </message>
    <message>
        <source>This setting must be text.</source>
        <translation>Diese Einstellung muss Text sein.</translation>
    </message>
    <message>
        <source>The SMS sender is a name of up to 11 letters, digits and spaces (with a letter), or a number written with its country code (+32…).</source>
        <translation>Der Absender der SMS ist ein Name aus höchstens 11 Buchstaben, Ziffern und Leerzeichen (mit einem Buchstaben), oder eine Nummer mit Ländervorwahl (+32…).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number, usually 587 or 465.</source>
        <translation>Der Port des Mailservers ist eine Zahl, meist 587 oder 465.</translation>
    </message>
    <message>
        <source>Name the mail server (such as smtp.example.be), or empty the other mail fields to show e-mails in the dev outbox.</source>
        <translation>Nennen Sie den Mailserver (etwa smtp.example.be), oder leeren Sie die anderen Mailfelder, um E-Mails im Test-Postausgang zu zeigen.</translation>
    </message>
    <message>
        <source>The Twilio account SID is AC followed by 32 digits and letters from a to f, as the Twilio console shows it.</source>
        <translation>Die SID des Twilio-Kontos ist AC, gefolgt von 32 Ziffern und Buchstaben von a bis f, wie die Twilio-Konsole sie zeigt.</translation>
    </message>
    <message>
        <source>The Vonage API key is 4 to 64 letters and digits, as the Vonage dashboard shows it.</source>
        <translation>Der Vonage-API-Schlüssel hat 4 bis 64 Buchstaben und Ziffern, wie das Vonage-Dashboard ihn zeigt.</translation>
    </message>
    <message>
        <source>The SMS provider&apos;s address must start with https://.</source>
        <translation>Die Adresse des SMS-Anbieters muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the secret: set it up with the command line.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für das Geheimnis: Richten Sie es über die Befehlszeile ein.</translation>
    </message>
    <message>
        <source>A secret was given for a provider that is not set up.</source>
        <translation>Ein Geheimnis wurde für einen Anbieter angegeben, der nicht eingerichtet ist.</translation>
    </message>
    <message>
        <source>No secret was given.</source>
        <translation>Es wurde kein Geheimnis angegeben.</translation>
    </message>
    <message>
        <source>The secret starts or ends with a space, or holds a character that cannot be typed: paste it again.</source>
        <translation>Das Geheimnis beginnt oder endet mit einem Leerzeichen oder enthält ein Zeichen, das sich nicht tippen lässt: Fügen Sie es erneut ein.</translation>
    </message>
    <message>
        <source>A secret has at most %1 characters.</source>
        <translation>Ein Geheimnis hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>This user is not in the store.</source>
        <translation>Dieser Benutzer ist nicht in der Konsultationsdatenbank.</translation>
    </message>
    <message>
        <source>Refresh the list of users.</source>
        <translation>Aktualisieren Sie die Benutzerliste.</translation>
    </message>
    <message>
        <source>Another user already has this name.</source>
        <translation>Ein anderer Benutzer hat bereits diesen Namen.</translation>
    </message>
    <message>
        <source>Add a first name or an initial to tell them apart.</source>
        <translation>Fügen Sie einen Vornamen oder eine Initiale hinzu, um sie zu unterscheiden.</translation>
    </message>
    <message>
        <source>The store is closed.</source>
        <translation>Die Konsultationsdatenbank ist geschlossen.</translation>
    </message>
    <message>
        <source>Restart the app; what is on screen is not saved yet.</source>
        <translation>Starten Sie die App neu; was auf dem Bildschirm steht, ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>No backup folder is chosen, so no backup is made.</source>
        <translation>Es ist kein Sicherungsordner gewählt, daher wird keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>Choose a folder for the backups (an external disk or a network share) in Settings &gt; Backups, or give one with `tooddoc-desk backup --to FOLDER`.</source>
        <translation>Wählen Sie einen Ordner für die Sicherungen (einen externen Datenträger oder eine Netzwerkfreigabe) unter Einstellungen &gt; Sicherungen, oder geben Sie einen mit `tooddoc-desk backup --to ORDNER` an.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be found: no backup was made.</source>
        <translation>Der Sicherungsordner %1 ist nicht zu finden: es wurde keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>Connect the disk or the network share it is on, or choose another folder.</source>
        <translation>Schließen Sie den Datenträger oder die Netzwerkfreigabe an, auf dem er liegt, oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The backup folder %1 does not let this app write to it: no backup was made.</source>
        <translation>Der Sicherungsordner %1 lässt diese App nicht hineinschreiben: es wurde keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>Give your user account write access to it, or choose another folder.</source>
        <translation>Geben Sie Ihrem Benutzerkonto Schreibrechte darauf, oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The disk of the backup folder %1 is full: no backup was made; the earlier backups are kept.</source>
        <translation>Der Datenträger des Sicherungsordners %1 ist voll: es wurde keine Sicherung erstellt; die früheren Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Free some space on that disk (or choose a larger one), then back up again.</source>
        <translation>Schaffen Sie Platz auf diesem Datenträger (oder wählen Sie einen größeren) und sichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>This file is not a tooddoc-desk backup (%1). Nothing was written to the data folder.</source>
        <translation>Diese Datei ist keine tooddoc-desk-Sicherung (%1). Es wurde nichts in den Datenordner geschrieben.</translation>
    </message>
    <message>
        <source>Choose a file named tooddoc-desk-backup-….tdbackup from the backup folder.</source>
        <translation>Wählen Sie eine Datei namens tooddoc-desk-backup-….tdbackup aus dem Sicherungsordner.</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete (%1). Nothing was written to the data folder.</source>
        <translation>Diese Sicherung ist beschädigt oder unvollständig (%1). Es wurde nichts in den Datenordner geschrieben.</translation>
    </message>
    <message>
        <source>Restore an earlier backup from the same folder.</source>
        <translation>Stellen Sie eine frühere Sicherung aus demselben Ordner wieder her.</translation>
    </message>
    <message>
        <source>it is not a backup archive</source>
        <translation>es ist kein Sicherungsarchiv</translation>
    </message>
    <message>
        <source>the file is cut short or altered</source>
        <translation>die Datei ist abgeschnitten oder verändert</translation>
    </message>
    <message>
        <source>its description is of another kind</source>
        <translation>ihre Beschreibung ist von anderer Art</translation>
    </message>
    <message>
        <source>backup format %1 is unknown</source>
        <translation>das Sicherungsformat %1 ist unbekannt</translation>
    </message>
    <message>
        <source>the database in it is not the one it describes</source>
        <translation>die enthaltene Datenbank ist nicht die beschriebene</translation>
    </message>
    <message>
        <source>its description is not readable</source>
        <translation>ihre Beschreibung ist nicht lesbar</translation>
    </message>
    <message>
        <source>its description is incomplete</source>
        <translation>ihre Beschreibung ist unvollständig</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>diese Datei gibt es nicht</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>it holds no backup description</source>
        <translation>sie enthält keine Sicherungsbeschreibung</translation>
    </message>
    <message>
        <source>a part is missing</source>
        <translation>ein Teil fehlt</translation>
    </message>
    <message>
        <source>its parts do not belong together</source>
        <translation>ihre Teile gehören nicht zusammen</translation>
    </message>
    <message>
        <source>%1 cannot be read whole</source>
        <translation>%1 kann nicht vollständig gelesen werden</translation>
    </message>
    <message>
        <source>the database in it is cut short or altered</source>
        <translation>die enthaltene Datenbank ist abgeschnitten oder verändert</translation>
    </message>
    <message>
        <source>its key slots are unreadable</source>
        <translation>ihre Schlüsselplätze sind nicht lesbar</translation>
    </message>
    <message>
        <source>its database fails its integrity check</source>
        <translation>ihre Datenbank besteht die Integritätsprüfung nicht</translation>
    </message>
    <message>
        <source>its database does not match its keys</source>
        <translation>ihre Datenbank passt nicht zu ihren Schlüsseln</translation>
    </message>
    <message>
        <source>its database cannot be read: %1</source>
        <translation>ihre Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The backups cannot go into the app&apos;s own data folder: a dead disk would take both. Choose a folder on another disk or a network share.</source>
        <translation>Die Sicherungen können nicht in den eigenen Datenordner der App: ein defekter Datenträger nähme beides mit. Wählen Sie einen Ordner auf einem anderen Datenträger oder einer Netzwerkfreigabe.</translation>
    </message>
    <message>
        <source>Give the full path of an existing folder.</source>
        <translation>Geben Sie den vollständigen Pfad eines vorhandenen Ordners an.</translation>
    </message>
    <message>
        <source>The backup failed; the details are in the log.</source>
        <translation>Die Sicherung ist fehlgeschlagen; die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: see Settings &gt; Backups.</source>
        <translation>Die heutige Sicherung konnte nicht erstellt werden: siehe Einstellungen &gt; Sicherungen.</translation>
    </message>
    <message>
        <source>The practice&apos;s settings came back with it.</source>
        <translation>Die Einstellungen der Praxis kamen mit zurück.</translation>
    </message>
    <message>
        <source>The practice&apos;s settings in the backup could not be used: set them again under Settings.</source>
        <translation>Die Einstellungen der Praxis in der Sicherung konnten nicht verwendet werden: legen Sie sie unter Einstellungen neu fest.</translation>
    </message>
    <message>
        <source>Unlock the keyring (log in to the desktop session) and start again, or type the recovery key given at set-up.</source>
        <translation>Entsperren Sie den Schlüsselbund (melden Sie sich an der Desktop-Sitzung an) und beginnen Sie erneut, oder geben Sie den bei der Einrichtung gegebenen Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring did not answer (%1).</source>
        <translation>Der Schlüsselbund dieses Computers hat nicht geantwortet (%1).</translation>
    </message>
    <message>
        <source>If keys.json was replaced, put back the one that belongs to this database; otherwise type the recovery key given at set-up.</source>
        <translation>Wenn keys.json ersetzt wurde, legen Sie die zu dieser Datenbank gehörende zurück; sonst geben Sie den bei der Einrichtung gegebenen Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <source>This key does not open the consultation records.</source>
        <translation>Dieser Schlüssel öffnet die Konsultationsdaten nicht.</translation>
    </message>
    <message>
        <source>This recovery key does not unlock the consultation records.</source>
        <translation>Dieser Wiederherstellungsschlüssel entsperrt die Konsultationsdaten nicht.</translation>
    </message>
    <message>
        <source>Check each group of the recovery key given at set-up, then type it again.</source>
        <translation>Prüfen Sie jede Gruppe des bei der Einrichtung gegebenen Wiederherstellungsschlüssels und geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>A recovery key has 32 letters and digits, in 8 groups of 4; what was typed is not one.</source>
        <translation>Ein Wiederherstellungsschlüssel hat 32 Buchstaben und Ziffern in 8 Gruppen zu 4; das Eingegebene ist keiner.</translation>
    </message>
    <message>
        <source>A store (or part of one) already exists here; a new one is never created over it.</source>
        <translation>Hier gibt es bereits einen Datenspeicher (oder einen Teil davon); ein neuer wird nie darüber angelegt.</translation>
    </message>
    <message>
        <source>Open the existing store in %1, or move its files away first.</source>
        <translation>Öffnen Sie den vorhandenen Speicher in %1, oder verschieben Sie zuerst seine Dateien.</translation>
    </message>
    <message>
        <source>A passphrase needs at least %1 characters.</source>
        <translation>Eine Passphrase braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Choose a longer passphrase: a few unrelated words are easy to type and hard to guess.</source>
        <translation>Wählen Sie eine längere Passphrase: ein paar zusammenhanglose Wörter sind leicht zu tippen und schwer zu erraten.</translation>
    </message>
    <message>
        <source>Nothing was changed on disk.</source>
        <translation>Auf dem Datenträger wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Type the amount in euros, such as 25.00.</source>
        <translation>Geben Sie den Betrag in Euro ein, zum Beispiel 25,00.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>A pre-payment is at most %1 euros; ask the rest after the consultation.</source>
        <translation>Eine Vorauszahlung beträgt höchstens %1 Euro; verlangen Sie den Rest nach der Sprechstunde.</translation>
    </message>
    <message>
        <source>A pre-payment is at most %1 euros.</source>
        <translation>Eine Vorauszahlung beträgt höchstens %1 Euro.</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (cents).</source>
        <translation>Ein Betrag hat höchstens zwei Nachkommastellen (Cent).</translation>
    </message>
    <message>
        <source>Pre-payments are in euros.</source>
        <translation>Vorauszahlungen sind in Euro.</translation>
    </message>
    <message>
        <source>Stripe failed to answer; the app tries again in a moment.</source>
        <translation>Stripe konnte nicht antworten; die App versucht es gleich erneut.</translation>
    </message>
    <message>
        <source>Stripe does not accept the key kept on this computer: keep the restricted key again with tooddoc-desk provider-secret --stripe.</source>
        <translation>Stripe akzeptiert den auf diesem Computer gespeicherten Schlüssel nicht: Speichern Sie den eingeschränkten Schlüssel erneut mit tooddoc-desk provider-secret --stripe.</translation>
    </message>
    <message>
        <source>The Stripe key may not do this: give the restricted key write access to Checkout Sessions and Refunds.</source>
        <translation>Der Stripe-Schlüssel darf das nicht: Geben Sie dem eingeschränkten Schlüssel Schreibzugriff auf Checkout Sessions und Refunds.</translation>
    </message>
    <message>
        <source>Stripe asks to slow down; the app tries again in a moment.</source>
        <translation>Stripe bittet, langsamer zu machen; die App versucht es gleich erneut.</translation>
    </message>
    <message>
        <source>Stripe could not be reached; check the internet connection.</source>
        <translation>Stripe ist nicht erreichbar; prüfen Sie die Internetverbindung.</translation>
    </message>
    <message>
        <source>Stripe refused the request: %1.</source>
        <translation>Stripe hat die Anfrage abgelehnt: %1.</translation>
    </message>
    <message>
        <source>This is Stripe&apos;s publishable key: give a restricted key (rk_live_…) instead.</source>
        <translation>Das ist der veröffentlichbare Schlüssel von Stripe: Geben Sie stattdessen einen eingeschränkten Schlüssel (rk_live_…) an.</translation>
    </message>
    <message>
        <source>This is not a Stripe API key: a restricted key starts with rk_live_ (or rk_test_ to try).</source>
        <translation>Das ist kein Stripe-API-Schlüssel: Ein eingeschränkter Schlüssel beginnt mit rk_live_ (oder rk_test_ zum Ausprobieren).</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Etwas ist schiefgegangen; die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Choose an SMS provider or a mail server, or keep the invites in the app.</source>
        <translation>Wählen Sie einen SMS-Anbieter oder einen Mailserver, oder behalten Sie die Einladungen in der App.</translation>
    </message>
</context>
</TS>
