<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountChooser</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profile %1 of %2: Up and Down choose another, Enter confirms.</source>
        <translation>Profil %1 von %2: Pfeil nach oben und unten wählen ein anderes, die Eingabetaste bestätigt.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
    <message>
        <source>The page stopped unexpectedly (exit code %1).</source>
        <translation>Die Seite wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <source>Loading the page</source>
        <translation>Die Seite wird geladen</translation>
    </message>
</context>
<context>
    <name>StatusPane</name>
    <message>
        <source>Latchkey cannot show its pages</source>
        <translation>Latchkey kann seine Seiten nicht anzeigen</translation>
    </message>
    <message>
        <source>Opening Latchkey…</source>
        <translation>Latchkey wird geöffnet …</translation>
    </message>
    <message>
        <source>%1
The page did not load. Try again; if it keeps failing, restart Latchkey.</source>
        <translation>%1
Die Seite wurde nicht geladen. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, starten Sie Latchkey neu.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>UserVerificationPrompt</name>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Bestätigen Sie, dass Sie es sind</translation>
    </message>
    <message>
        <source>Profile: %1 (%2)</source>
        <translation>Profil: %1 (%2)</translation>
    </message>
    <message>
        <source>Choose the profile to sign in with:</source>
        <translation>Wählen Sie das Profil für die Anmeldung:</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Website: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>No passkey here</source>
        <translation>Kein Passkey vorhanden</translation>
    </message>
    <message>
        <source>There is no passkey for %1 on this computer.</source>
        <translation>Auf diesem Computer gibt es keinen Passkey für %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This computer&apos;s own sign-in (your password or fingerprint) confirms it&apos;s you.</source>
        <translation>Die Anmeldung dieses Computers (Ihr Passwort oder Fingerabdruck) bestätigt, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Confirm shows you are here; it does not check who you are.</source>
        <translation>„Bestätigen“ zeigt, dass Sie hier sind; es prüft nicht, wer Sie sind.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts: you can try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Fehlversuche: Sie können es in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Zu viele Fehlversuche: Sie können es in %n Sekunden erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closes this prompt: no passkey is created or used.</source>
        <translation>Schließt diese Abfrage: Es wird kein Passkey erstellt oder verwendet.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::AppWindow</name>
    <message>
        <source>The window could not be created (%1).</source>
        <translation>Das Fenster konnte nicht erstellt werden (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::app::AuthenticatorSetup</name>
    <message>
        <source>This computer&apos;s passkeys could not be opened (%1).</source>
        <translation>Die Passkeys dieses Computers konnten nicht geöffnet werden (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::app::Backend</name>
    <message>
        <source>Cannot open the profile database: %1</source>
        <translation>Die Profildatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot serve the pages on localhost: %1</source>
        <translation>Die Seiten können nicht auf localhost bereitgestellt werden: %1</translation>
    </message>
    <message>
        <source>The passkeys in %1 could not be checked against the profiles: %2</source>
        <translation>Die Passkeys in %1 konnten nicht mit den Profilen abgeglichen werden: %2</translation>
    </message>
</context>
<context>
    <name>latchkey::app::CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Keep profiles in DIR instead of the default data folder.</source>
        <translation>Profile in DIR statt im Standard-Datenordner speichern.</translation>
    </message>
    <message>
        <source>Serve the pages on port N of localhost (default: any free port).</source>
        <translation>Die Seiten auf Port N von localhost bereitstellen (Standard: ein freier Port).</translation>
    </message>
    <message>
        <source>Open no window: print a one-time URL for an ordinary browser and serve until interrupted.</source>
        <translation>Kein Fenster öffnen: eine Einmal-URL für einen gewöhnlichen Browser ausgeben und bis zur Unterbrechung bereitstellen.</translation>
    </message>
    <message>
        <source>Passwordless local profiles with passkeys.</source>
        <translation>Passwortlose lokale Profile mit Passkeys.</translation>
    </message>
    <message>
        <source>Run &apos;latchkey --help&apos; for usage.</source>
        <translation>Mit &apos;latchkey --help&apos; wird die Verwendung angezeigt.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a folder name.</source>
        <translation>--data-dir braucht einen Ordnernamen.</translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>--port muss eine ganze Zahl von 0 bis 65535 sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Keep new passkeys in the TPM reached through the tpm2-tss TCTI CONF, e.g. swtpm:host=127.0.0.1,port=2321 (default: LATCHKEY_TPM_TCTI, else /dev/tpmrm0 when usable, else the software key store).</source>
        <translation>Neue Passkeys im TPM aufbewahren, das über die tpm2-tss-TCTI CONF erreicht wird, z. B. swtpm:host=127.0.0.1,port=2321 (Standard: LATCHKEY_TPM_TCTI, sonst /dev/tpmrm0, wenn verwendbar, sonst der Software-Schlüsselspeicher).</translation>
    </message>
    <message>
        <source>Print this computer&apos;s key stores and user verifiers as JSON and exit.</source>
        <translation>Die Schlüsselspeicher und Benutzerprüfungen dieses Computers als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <source>With --authenticators: create, use and delete a test key in each available key store (in a temporary folder); exit with 1 if any step fails.</source>
        <translation>Mit --authenticators: in jedem verfügbaren Schlüsselspeicher einen Testschlüssel erstellen, verwenden und löschen (in einem temporären Ordner); mit 1 beenden, wenn ein Schritt fehlschlägt.</translation>
    </message>
    <message>
        <source>--self-test goes with --authenticators.</source>
        <translation>--self-test gehört zu --authenticators.</translation>
    </message>
    <message>
        <source>--tpm-tcti needs a TCTI configuration, e.g. swtpm:host=127.0.0.1,port=2321.</source>
        <translation>--tpm-tcti braucht eine TCTI-Konfiguration, z. B. swtpm:host=127.0.0.1,port=2321.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::DataFolder</name>
    <message>
        <source>This system has no folder for application data; choose one with --data-dir DIR.</source>
        <translation>Dieses System hat keinen Ordner für Anwendungsdaten; wählen Sie einen mit --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder; choose another with --data-dir DIR.</source>
        <translation>Der Datenordner %1 ist eine Datei, kein Ordner; wählen Sie einen anderen mit --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is not writable; fix its permissions or choose another with --data-dir DIR.</source>
        <translation>In den Datenordner %1 kann nicht geschrieben werden; korrigieren Sie seine Rechte oder wählen Sie einen anderen mit --data-dir DIR.</translation>
    </message>
    <message>
        <source>%1 To keep the profiles elsewhere, use --data-dir DIR.</source>
        <translation>%1 Um die Profile anderswo abzulegen, verwenden Sie --data-dir DIR.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::Launch</name>
    <message>
        <source>Latchkey is serving %1 (profiles in %2).
Open the link above once in a browser: it signs that browser in and works only once.
Press Ctrl+C to stop.</source>
        <translation>Latchkey stellt %1 bereit (Profile in %2).
Öffnen Sie den Link oben einmal in einem Browser: Er meldet diesen Browser an und funktioniert nur einmal.
Mit Strg+C beenden.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::WebAuthnBridge</name>
    <message>
        <source>Passkeys are only available to Latchkey&apos;s own pages.</source>
        <translation>Passkeys stehen nur den eigenen Seiten von Latchkey zur Verfügung.</translation>
    </message>
    <message>
        <source>The passkey options are not a JSON object.</source>
        <translation>Die Passkey-Optionen sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Eine andere Passkey-Anfrage läuft bereits.</translation>
    </message>
    <message>
        <source>The passkey client script is missing from this build.</source>
        <translation>Das Passkey-Clientskript fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>The passkey client script could not be installed in the window.</source>
        <translation>Das Passkey-Clientskript konnte nicht im Fenster installiert werden.</translation>
    </message>
    <message>
        <source>The signal&apos;s options are not a JSON object.</source>
        <translation>Die Optionen des Signals sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>There is no passkey signal called &quot;%1&quot;.</source>
        <translation>Es gibt kein Passkey-Signal namens „%1“.</translation>
    </message>
    <message>
        <source>%1 must be an ArrayBuffer or a typed array.</source>
        <translation>%1 muss ein ArrayBuffer oder ein typisiertes Array sein.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>The passkey request failed.</source>
        <translation>Die Passkey-Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The app sent an unreadable answer.</source>
        <translation>Die App hat eine unlesbare Antwort gesendet.</translation>
    </message>
    <message>
        <source>Passkeys are not available in this window.</source>
        <translation>In diesem Fenster sind keine Passkeys verfügbar.</translation>
    </message>
    <message>
        <source>Passkeys are not available inside a frame.</source>
        <translation>Innerhalb eines Frames sind keine Passkeys verfügbar.</translation>
    </message>
    <message>
        <source>The page changed while the passkey request was open.</source>
        <translation>Die Seite hat gewechselt, während die Passkey-Anfrage offen war.</translation>
    </message>
    <message>
        <source>The app&apos;s passkey service did not answer.</source>
        <translation>Der Passkey-Dienst der App hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The operation was aborted.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Only public key credentials are supported here.</source>
        <translation>Hier werden nur Public-Key-Anmeldedaten unterstützt.</translation>
    </message>
    <message>
        <source>Conditional mediation is not available.</source>
        <translation>Bedingte Vermittlung (Conditional Mediation) ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The signal needs an options object.</source>
        <translation>Das Signal braucht ein Optionsobjekt.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::Client</name>
    <message>
        <source>None of the page&apos;s public key algorithms is supported; this authenticator makes ES256 (-7) keys.</source>
        <translation>Keiner der Public-Key-Algorithmen der Seite wird unterstützt; dieser Authenticator erzeugt ES256-Schlüssel (-7).</translation>
    </message>
    <message>
        <source>%1 is required and must be a base64url string.</source>
        <translation>%1 ist erforderlich und muss eine base64url-Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 is not base64url.</source>
        <translation>%1 ist kein base64url.</translation>
    </message>
    <message>
        <source>rpId is required and must be a string.</source>
        <translation>rpId ist erforderlich und muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 is required and must be a list.</source>
        <translation>%1 ist erforderlich und muss eine Liste sein.</translation>
    </message>
    <message>
        <source>%1 holds an entry that is not base64url.</source>
        <translation>%1 enthält einen Eintrag, der kein base64url ist.</translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation>Die Zeit für die Anfrage ist abgelaufen.</translation>
    </message>
    <message>
        <source>The request was aborted.</source>
        <translation>Die Anfrage wurde vorzeitig beendet.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Eine andere Passkey-Anfrage läuft bereits.</translation>
    </message>
    <message>
        <source>The page asked for a security key; only this computer&apos;s own authenticator is available.</source>
        <translation>Die Seite hat einen Sicherheitsschlüssel angefordert; verfügbar ist nur der eigene Authenticator dieses Computers.</translation>
    </message>
    <message>
        <source>name and displayName are required strings.</source>
        <translation>name und displayName sind erforderliche Zeichenketten.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::ClientOptions</name>
    <message>
        <source>%1.%2 must be a string.</source>
        <translation>%1.%2 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 must be a base64url string.</source>
        <translation>%1 muss eine base64url-Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 is not valid base64url.</source>
        <translation>%1 ist kein gültiges base64url.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 muss ein Array sein.</translation>
    </message>
    <message>
        <source>pubKeyCredParams must be an array.</source>
        <translation>pubKeyCredParams muss ein Array sein.</translation>
    </message>
    <message>
        <source>pubKeyCredParams[].alg must be a number.</source>
        <translation>pubKeyCredParams[].alg muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>user must be an object.</source>
        <translation>user muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>user.id must be 1 to 64 bytes.</source>
        <translation>user.id muss 1 bis 64 Byte lang sein.</translation>
    </message>
    <message>
        <source>challenge must not be empty.</source>
        <translation>challenge darf nicht leer sein.</translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>timeout must be a number.</source>
        <translation>timeout muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>rp must be an object.</source>
        <translation>rp muss ein Objekt sein.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::CredentialFileStore</name>
    <message>
        <source>The keys file %1 is damaged (%2); no key from it is used. Restore it from a backup or remove it.</source>
        <translation>Die Schlüsseldatei %1 ist beschädigt (%2); kein Schlüssel daraus wird verwendet. Stellen Sie sie aus einer Sicherung wieder her oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>A key needs a new, non-empty credential id.</source>
        <translation>Ein Schlüssel braucht eine neue, nicht leere Anmeldedaten-ID.</translation>
    </message>
    <message>
        <source>No key with that id is in the store.</source>
        <translation>Im Speicher ist kein Schlüssel mit dieser ID.</translation>
    </message>
    <message>
        <source>not a Latchkey keys file of version 1</source>
        <translation>keine Latchkey-Schlüsseldatei der Version 1</translation>
    </message>
    <message>
        <source>an entry without a valid id or sealed key</source>
        <translation>ein Eintrag ohne gültige ID oder versiegelten Schlüssel</translation>
    </message>
    <message>
        <source>entry %1 failed its integrity check</source>
        <translation>Eintrag %1 hat die Integritätsprüfung nicht bestanden</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::EcP256Key</name>
    <message>
        <source>OpenSSL could not %1.</source>
        <translation>%1 mit OpenSSL ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A stored private key has the wrong length.</source>
        <translation>Ein gespeicherter privater Schlüssel hat die falsche Länge.</translation>
    </message>
    <message>
        <source>generate a P-256 key</source>
        <translation>Das Erzeugen eines P-256-Schlüssels</translation>
    </message>
    <message>
        <source>rebuild a stored P-256 key</source>
        <translation>Das Wiederherstellen eines gespeicherten P-256-Schlüssels</translation>
    </message>
    <message>
        <source>sign with a P-256 key</source>
        <translation>Das Signieren mit einem P-256-Schlüssel</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::EcdsaDer</name>
    <message>
        <source>The TPM&apos;s signature could not be encoded; nothing was signed.</source>
        <translation>Die Signatur des TPM konnte nicht kodiert werden; es wurde nichts signiert.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::FileSealingKeyProvider</name>
    <message>
        <source>The sealing key file %1 can be read or changed by other users; it is not used. Restrict it to mode 0600 if it is yours.</source>
        <translation>Die Versiegelungsschlüssel-Datei %1 kann von anderen Benutzern gelesen oder geändert werden; sie wird nicht verwendet. Beschränken Sie sie auf Modus 0600, wenn sie Ihnen gehört.</translation>
    </message>
    <message>
        <source>The sealing key file %1 is damaged.</source>
        <translation>Die Versiegelungsschlüssel-Datei %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>No random bytes for a sealing key.</source>
        <translation>Keine Zufallsbytes für einen Versiegelungsschlüssel verfügbar.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::KeyFileLock</name>
    <message>
        <source>Another program (%1, process %2 on %3) is changing %4; try again in a moment. If it is no longer running, delete %5.</source>
        <translation>Ein anderes Programm (%1, Prozess %2 auf %3) ändert gerade %4; versuchen Sie es gleich noch einmal. Wenn es nicht mehr läuft, löschen Sie %5.</translation>
    </message>
    <message>
        <source>Could not lock %1 for a change (%2 cannot be created); check the folder&apos;s permissions and free space.</source>
        <translation>%1 konnte für eine Änderung nicht gesperrt werden (%2 kann nicht angelegt werden); prüfen Sie die Berechtigungen des Ordners und den freien Speicherplatz.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::KeychainSealingKeyProvider</name>
    <message>
        <source>The Secret Service is not available: %1</source>
        <translation>Der Secret Service ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The keychain refused access to the sealing key: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff auf den Versiegelungsschlüssel verweigert: %1</translation>
    </message>
    <message>
        <source>The sealing key in the keychain is damaged.</source>
        <translation>Der Versiegelungsschlüssel im Schlüsselbund ist beschädigt.</translation>
    </message>
    <message>
        <source>No random bytes for a sealing key.</source>
        <translation>Keine Zufallsbytes für einen Versiegelungsschlüssel verfügbar.</translation>
    </message>
    <message>
        <source>no keychain service runs on the session bus.</source>
        <translation>auf dem Sitzungsbus läuft kein Schlüsselbunddienst.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time; it may be waiting to be unlocked. Unlock it and try again.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet; vielleicht wartet er darauf, entsperrt zu werden. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::LocalAuthenticator</name>
    <message>
        <source>The client data hash must be 32 bytes.</source>
        <translation>Der Hash der Client-Daten muss 32 Byte lang sein.</translation>
    </message>
    <message>
        <source>The relying party has no id.</source>
        <translation>Die vertrauende Partei hat keine ID.</translation>
    </message>
    <message>
        <source>The user id must be 1 to 64 bytes.</source>
        <translation>Die Benutzer-ID muss 1 bis 64 Byte lang sein.</translation>
    </message>
    <message>
        <source>This authenticator only makes ES256 (-7) keys, and the site did not accept them.</source>
        <translation>Dieser Authenticator erzeugt nur ES256-Schlüssel (-7), und die Website akzeptiert diese nicht.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Eine andere Passkey-Anfrage läuft bereits.</translation>
    </message>
    <message>
        <source>Create a passkey for %1</source>
        <translation>Passkey für %1 erstellen</translation>
    </message>
    <message>
        <source>A passkey for this account is already on this computer.</source>
        <translation>Für dieses Konto ist bereits ein Passkey auf diesem Computer.</translation>
    </message>
    <message>
        <source>No random bytes for a credential id.</source>
        <translation>Keine Zufallsbytes für eine Anmeldedaten-ID verfügbar.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>There is no passkey for %1 on this computer.</source>
        <translation>Auf diesem Computer gibt es keinen Passkey für %1.</translation>
    </message>
    <message>
        <source>No account was chosen.</source>
        <translation>Es wurde kein Konto ausgewählt.</translation>
    </message>
    <message>
        <source>This site asks that this computer verify it is you (with your password, fingerprint or PIN), and no such way is set up here.</source>
        <translation>Diese Website verlangt, dass dieser Computer prüft, dass Sie es sind (mit Ihrem Passwort, Fingerabdruck oder Ihrer PIN), und hier ist keine solche Möglichkeit eingerichtet.</translation>
    </message>
    <message>
        <source>This computer could not confirm it is you.</source>
        <translation>Dieser Computer konnte nicht bestätigen, dass Sie es sind.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::Origin</name>
    <message>
        <source>The page has no web origin; passkeys need one.</source>
        <translation>Die Seite hat keinen Web-Ursprung; Passkeys benötigen einen.</translation>
    </message>
    <message>
        <source>The page was opened by IP address (%1); passkeys need a domain name, e.g. http://localhost:&lt;port&gt;.</source>
        <translation>Die Seite wurde über eine IP-Adresse geöffnet (%1); Passkeys benötigen einen Domainnamen, z. B. http://localhost:&lt;port&gt;.</translation>
    </message>
    <message>
        <source>Plain http is only trusted for localhost; %1 is not a secure context.</source>
        <translation>Unverschlüsseltes http gilt nur für localhost als vertrauenswürdig; %1 ist kein sicherer Kontext.</translation>
    </message>
    <message>
        <source>Pages from %1: URLs cannot use passkeys.</source>
        <translation>Seiten aus %1:-URLs können keine Passkeys verwenden.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; is not a domain name.</source>
        <translation>Die ID der vertrauenden Partei „%1“ ist kein Domainname.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; does not belong to the page&apos;s host %2.</source>
        <translation>Die ID der vertrauenden Partei „%1“ gehört nicht zum Host %2 der Seite.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; is a public suffix (anyone can register names under it); use the site&apos;s own domain, e.g. %2.</source>
        <translation>Die ID der vertrauenden Partei „%1“ ist ein öffentliches Suffix (darunter kann jeder Namen registrieren); verwenden Sie die eigene Domain der Website, z. B. %2.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PamVerifier</name>
    <message>
        <source>The account this app runs as has no user name, so PAM cannot be asked about it.</source>
        <translation>Das Konto, unter dem diese App läuft, hat keinen Benutzernamen, daher kann PAM nicht danach gefragt werden.</translation>
    </message>
    <message>
        <source>The PAM service &quot;%1&quot; is not installed (no %2/%1): install packaging/pam/latchkey as /etc/pam.d/latchkey to confirm with your password or fingerprint.</source>
        <translation>Der PAM-Dienst „%1“ ist nicht installiert (kein %2/%1): Installieren Sie packaging/pam/latchkey als /etc/pam.d/latchkey, um mit Ihrem Passwort oder Fingerabdruck zu bestätigen.</translation>
    </message>
    <message>
        <source>PAM could not start</source>
        <translation>PAM konnte nicht starten</translation>
    </message>
    <message>
        <source>Your password or fingerprint was not accepted (%1).</source>
        <translation>Ihr Passwort oder Fingerabdruck wurde nicht angenommen (%1).</translation>
    </message>
    <message>
        <source>PAM could not check who you are (%1).</source>
        <translation>PAM konnte nicht prüfen, wer Sie sind (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PolkitVerifier</name>
    <message>
        <source>The system bus (%1) cannot be reached: %2.</source>
        <translation>Der Systembus (%1) ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>polkit does not run on the system bus (no %1).</source>
        <translation>polkit läuft nicht auf dem Systembus (kein %1).</translation>
    </message>
    <message>
        <source>The polkit action %1 is not installed (no %2): install packaging/polkit/%3 there to confirm with your password in the desktop&apos;s dialog.</source>
        <translation>Die polkit-Aktion %1 ist nicht installiert (kein %2): Installieren Sie packaging/polkit/%3 dort, um mit Ihrem Passwort im Dialog des Desktops zu bestätigen.</translation>
    </message>
    <message>
        <source>Your desktop asks for your password in its own window.</source>
        <translation>Ihr Desktop fragt in einem eigenen Fenster nach Ihrem Passwort.</translation>
    </message>
    <message>
        <source>polkit could not check who you are (%1).</source>
        <translation>polkit konnte nicht prüfen, wer Sie sind (%1).</translation>
    </message>
    <message>
        <source>polkit answered in a form this app does not know.</source>
        <translation>polkit hat in einer Form geantwortet, die diese App nicht kennt.</translation>
    </message>
    <message>
        <source>No polkit authentication agent runs in this session, so nothing can ask for your password; until one runs, passkeys here are confirmed by presence only.</source>
        <translation>In dieser Sitzung läuft kein polkit-Authentifizierungsagent, daher kann nichts nach Ihrem Passwort fragen; bis einer läuft, werden Passkeys hier nur durch Anwesenheit bestätigt.</translation>
    </message>
    <message>
        <source>The system did not confirm it is you.</source>
        <translation>Das System hat nicht bestätigt, dass Sie es sind.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PrivateFile</name>
    <message>
        <source>Could not %1 %2: %3</source>
        <translation>%1 fehlgeschlagen (%2): %3</translation>
    </message>
    <message>
        <source>open the folder</source>
        <translation>Öffnen des Ordners</translation>
    </message>
    <message>
        <source>sync the folder</source>
        <translation>Synchronisieren des Ordners</translation>
    </message>
    <message>
        <source>create the folder</source>
        <translation>Anlegen des Ordners</translation>
    </message>
    <message>
        <source>permission denied or no space</source>
        <translation>Zugriff verweigert oder kein Speicherplatz</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>The folder %1 is not used: %2. Nothing was written. Fix it or choose another folder.</source>
        <translation>Der Ordner %1 wird nicht verwendet: %2. Es wurde nichts geschrieben. Beheben Sie das oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>inspect the folder</source>
        <translation>Prüfen des Ordners</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>er ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>er ist kein Ordner</translation>
    </message>
    <message>
        <source>it belongs to another user</source>
        <translation>er gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>other users may write to it</source>
        <translation>andere Benutzer dürfen hineinschreiben</translation>
    </message>
    <message>
        <source>restrict the folder</source>
        <translation>Einschränken des Ordners</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::SealedBox</name>
    <message>
        <source>OpenSSL could not seal a key.</source>
        <translation>OpenSSL konnte einen Schlüssel nicht versiegeln.</translation>
    </message>
    <message>
        <source>A sealed key failed its integrity check: the keys file was changed or belongs to another sealing key.</source>
        <translation>Ein versiegelter Schlüssel hat die Integritätsprüfung nicht bestanden: Die Schlüsseldatei wurde verändert oder gehört zu einem anderen Versiegelungsschlüssel.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::SecureEnclave</name>
    <message>
        <source>create the key</source>
        <translation>den Schlüssel nicht erzeugen</translation>
    </message>
    <message>
        <source>find the key</source>
        <translation>den Schlüssel nicht finden</translation>
    </message>
    <message>
        <source>sign with the key</source>
        <translation>mit dem Schlüssel nicht signieren</translation>
    </message>
    <message>
        <source>delete the key</source>
        <translation>den Schlüssel nicht löschen</translation>
    </message>
    <message>
        <source>This copy of Latchkey is not signed with the keychain entitlement that Secure Enclave keys need (error -34018). Install a signed copy of Latchkey.</source>
        <translation>Diese Kopie von Latchkey ist nicht mit der Schlüsselbund-Berechtigung signiert, die Secure-Enclave-Schlüssel brauchen (Fehler -34018). Installieren Sie eine signierte Kopie von Latchkey.</translation>
    </message>
    <message>
        <source>This Mac has no Secure Enclave, so it cannot hold passkeys with Touch ID.</source>
        <translation>Dieser Mac hat keine Secure Enclave und kann daher keine Passkeys mit Touch ID aufbewahren.</translation>
    </message>
    <message>
        <source>This passkey&apos;s key is no longer in this Mac&apos;s Secure Enclave: the fingerprints changed since it was made, or the keychain was reset. The passkey cannot be used again; sign in another way and create a new one.</source>
        <translation>Der Schlüssel dieses Passkeys ist nicht mehr in der Secure Enclave dieses Macs: Die Fingerabdrücke haben sich seit seiner Erstellung geändert, oder der Schlüsselbund wurde zurückgesetzt. Der Passkey kann nicht mehr verwendet werden; melden Sie sich auf anderem Weg an und erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <source>The Mac did not let this passkey sign: it was not confirmed with Touch ID or your password. Try again.</source>
        <translation>Der Mac hat diesen Passkey nicht signieren lassen: Er wurde nicht mit Touch ID oder Ihrem Passwort bestätigt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A key with this credential id is already in the keychain.</source>
        <translation>Ein Schlüssel mit dieser Anmeldedaten-ID ist bereits im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The Secure Enclave could not %1 (error %2).</source>
        <translation>Die Secure Enclave konnte %1 (Fehler %2).</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Touch ID or the password did not recognise you. Try again.</source>
        <translation>Touch ID oder das Passwort hat Sie nicht erkannt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter your Mac&apos;s password instead of Touch ID.</source>
        <translation>Geben Sie statt Touch ID das Passwort Ihres Macs ein.</translation>
    </message>
    <message>
        <source>This Mac has no login password, so it cannot confirm it is you: set one in System Settings, Users &amp; Groups.</source>
        <translation>Dieser Mac hat kein Anmeldepasswort und kann daher nicht bestätigen, dass Sie es sind: Legen Sie eines unter Systemeinstellungen, Benutzer:innen &amp; Gruppen fest.</translation>
    </message>
    <message>
        <source>Touch ID is not available on this Mac (or is turned off in System Settings).</source>
        <translation>Touch ID ist auf diesem Mac nicht verfügbar (oder in den Systemeinstellungen ausgeschaltet).</translation>
    </message>
    <message>
        <source>No fingerprint is set up for Touch ID: add one in System Settings, Touch ID &amp; Password.</source>
        <translation>Für Touch ID ist kein Fingerabdruck eingerichtet: Fügen Sie einen unter Systemeinstellungen, Touch ID &amp; Passwort hinzu.</translation>
    </message>
    <message>
        <source>Touch ID is locked after too many attempts: unlock it with your Mac&apos;s password, then try again.</source>
        <translation>Touch ID ist nach zu vielen Versuchen gesperrt: Entsperren Sie es mit dem Passwort Ihres Macs und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This Mac cannot show the Touch ID prompt right now.</source>
        <translation>Dieser Mac kann die Touch-ID-Abfrage gerade nicht anzeigen.</translation>
    </message>
    <message>
        <source>LocalAuthentication could not confirm it is you (error %1).</source>
        <translation>LocalAuthentication konnte nicht bestätigen, dass Sie es sind (Fehler %1).</translation>
    </message>
    <message>
        <source>This passkey can be used with Touch ID only, not with the Mac&apos;s password.</source>
        <translation>Dieser Passkey kann nur mit Touch ID verwendet werden, nicht mit dem Passwort des Macs.</translation>
    </message>
    <message>
        <source>Another Touch ID request is in progress.</source>
        <translation>Eine andere Touch-ID-Anfrage läuft bereits.</translation>
    </message>
    <message>
        <source>A key needs a non-empty credential id.</source>
        <translation>Ein Schlüssel braucht eine nicht leere Anmeldedaten-ID.</translation>
    </message>
    <message>
        <source>A passkey in the Secure Enclave signs only right after Touch ID or your password confirmed it is you.</source>
        <translation>Ein Passkey in der Secure Enclave signiert nur direkt, nachdem Touch ID oder Ihr Passwort bestätigt hat, dass Sie es sind.</translation>
    </message>
    <message>
        <source>The Secure Enclave answered with a malformed signature.</source>
        <translation>Die Secure Enclave hat mit einer fehlerhaften Signatur geantwortet.</translation>
    </message>
    <message>
        <source>The Secure Enclave answered with a malformed public key.</source>
        <translation>Die Secure Enclave hat mit einem fehlerhaften öffentlichen Schlüssel geantwortet.</translation>
    </message>
    <message>
        <source>A Secure Enclave entry names no known key protection.</source>
        <translation>Ein Secure-Enclave-Eintrag nennt keinen bekannten Schlüsselschutz.</translation>
    </message>
    <message>
        <source>Confirm it is you to use your passkey.</source>
        <translation>Bestätigen Sie, dass Sie es sind, um Ihren Passkey zu verwenden.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::TpmDevice</name>
    <message>
        <source>a TPM key blob that is not a P-256 signing key</source>
        <translation>ein TPM-Schlüsselblob, der kein P-256-Signaturschlüssel ist</translation>
    </message>
    <message>
        <source>No TPM 2.0 is at %1. Turn the TPM (or fTPM/PTT) on in the firmware settings, or choose another one with --tpm-tcti.</source>
        <translation>Unter %1 ist kein TPM 2.0. Schalten Sie das TPM (oder fTPM/PTT) in den Firmware-Einstellungen ein oder wählen Sie mit --tpm-tcti ein anderes.</translation>
    </message>
    <message>
        <source>This account may not use the TPM at %1. Add it to the group %2 (sudo usermod -aG %2 $USER), then sign out and in again.</source>
        <translation>Dieses Konto darf das TPM unter %1 nicht verwenden. Fügen Sie es der Gruppe %2 hinzu (sudo usermod -aG %2 $USER) und melden Sie sich dann ab und wieder an.</translation>
    </message>
    <message>
        <source>read its capabilities</source>
        <translation>seine Fähigkeiten zu lesen</translation>
    </message>
    <message>
        <source>The TPM could not be reached through %1 (%2). Check the TCTI given with --tpm-tcti or LATCHKEY_TPM_TCTI, and that the TPM (a software TPM: swtpm) is running.</source>
        <translation>Das TPM war über %1 nicht erreichbar (%2). Prüfen Sie die mit --tpm-tcti oder LATCHKEY_TPM_TCTI angegebene TCTI und ob das TPM (ein Software-TPM: swtpm) läuft.</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>sich zu verbinden</translation>
    </message>
    <message>
        <source>This TPM does not offer the P-256 curve that passkeys use. Update its firmware, or keep passkeys in the software store (start Latchkey on a computer without this TPM, or choose another one with --tpm-tcti).</source>
        <translation>Dieses TPM bietet die Kurve P-256 nicht an, die Passkeys verwenden. Aktualisieren Sie seine Firmware oder bewahren Sie Passkeys im Software-Speicher auf (starten Sie Latchkey auf einem Computer ohne dieses TPM oder wählen Sie mit --tpm-tcti ein anderes).</translation>
    </message>
    <message>
        <source>open its storage root key</source>
        <translation>seinen Speicherwurzelschlüssel zu öffnen</translation>
    </message>
    <message>
        <source>The TPM&apos;s owner hierarchy has a password and no storage root key is at 0x81000001. Ask whoever set the password to provision one there (tpm2_createprimary -C o -G ecc -c srk.ctx, then tpm2_evictcontrol -C o -c srk.ctx 0x81000001).</source>
        <translation>Die Owner-Hierarchie des TPM hat ein Passwort, und unter 0x81000001 liegt kein Speicherwurzelschlüssel. Bitten Sie die Person, die das Passwort gesetzt hat, dort einen anzulegen (tpm2_createprimary -C o -G ecc -c srk.ctx, dann tpm2_evictcontrol -C o -c srk.ctx 0x81000001).</translation>
    </message>
    <message>
        <source>make its storage root key</source>
        <translation>seinen Speicherwurzelschlüssel zu erzeugen</translation>
    </message>
    <message>
        <source>create a key</source>
        <translation>einen Schlüssel zu erstellen</translation>
    </message>
    <message>
        <source>load the passkey&apos;s key</source>
        <translation>den Schlüssel des Passkeys zu laden</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>zu signieren</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::TpmError</name>
    <message>
        <source>The TPM stopped answering while trying to %1 (%2). Check that it is still there (a software TPM: still running), then try again; nothing was changed.</source>
        <translation>Das TPM antwortete nicht mehr beim Versuch, %1 (%2). Prüfen Sie, ob es noch vorhanden ist (ein Software-TPM: noch läuft), und versuchen Sie es erneut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The TPM is in its lockout against password guessing and refuses to %1 for now. Wait until the lockout ends, or clear it with the TPM&apos;s lockout password (tpm2_dictionarylockout --clear-lockout); nothing was changed.</source>
        <translation>Das TPM ist in seiner Sperre gegen das Erraten von Passwörtern und weigert sich vorerst, %1. Warten Sie, bis die Sperre endet, oder heben Sie sie mit dem Lockout-Passwort des TPM auf (tpm2_dictionarylockout --clear-lockout); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The TPM has no room left to %1 (%2). Close other programs that use the TPM and try again; nothing was changed.</source>
        <translation>Das TPM hat keinen Platz mehr, um %1 (%2). Schließen Sie andere Programme, die das TPM verwenden, und versuchen Sie es erneut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The TPM refused to %1: this key was made by another TPM, or this TPM was cleared since (%2). Use another passkey or register a new one; nothing was changed.</source>
        <translation>Das TPM hat sich geweigert, %1: Dieser Schlüssel wurde von einem anderen TPM erzeugt, oder dieses TPM wurde seitdem zurückgesetzt (%2). Verwenden Sie einen anderen Passkey oder registrieren Sie einen neuen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The TPM refused to %1 (%2); nothing was changed.</source>
        <translation>Das TPM hat sich geweigert, %1 (%2); es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::WindowsHello</name>
    <message>
        <source>Windows returned a passkey that could not be read (%1).</source>
        <translation>Windows hat einen Passkey zurückgegeben, der nicht gelesen werden konnte (%1).</translation>
    </message>
    <message>
        <source>Windows Hello did not complete the request: it was cancelled, timed out, or no passkey was chosen.</source>
        <translation>Windows Hello hat die Anfrage nicht abgeschlossen: Sie wurde abgebrochen, ist abgelaufen, oder es wurde kein Passkey gewählt.</translation>
    </message>
    <message>
        <source>This profile already has a passkey on this authenticator.</source>
        <translation>Dieses Profil hat auf diesem Authenticator bereits einen Passkey.</translation>
    </message>
    <message>
        <source>Windows Hello cannot make a key of any algorithm the page offered.</source>
        <translation>Windows Hello kann mit keinem der Algorithmen, die die Seite anbietet, einen Schlüssel erzeugen.</translation>
    </message>
    <message>
        <source>The authenticator cannot keep a discoverable passkey or verify you as the page asked.</source>
        <translation>Der Authenticator kann keinen auffindbaren Passkey speichern oder Sie nicht so überprüfen, wie die Seite es verlangt.</translation>
    </message>
    <message>
        <source>Windows Hello is not available on this computer.</source>
        <translation>Windows Hello ist auf diesem Computer nicht verfügbar.</translation>
    </message>
    <message>
        <source>Windows Hello reported an error.</source>
        <translation>Windows Hello hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The Windows Hello request was cancelled.</source>
        <translation>Die Windows-Hello-Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::FormBody</name>
    <message>
        <source>The form could not be read: it is not valid URL encoding of UTF-8 text. Reload the page and try again.</source>
        <translation>Das Formular konnte nicht gelesen werden: Es ist keine gültige URL-Kodierung von UTF-8-Text. Laden Sie die Seite neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The form sent the field &quot;%1&quot; more than once.</source>
        <translation>Das Formular hat das Feld „%1“ mehrfach gesendet.</translation>
    </message>
    <message>
        <source>The request could not be read: it is not valid JSON (%1).</source>
        <translation>Die Anfrage konnte nicht gelesen werden: Sie ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>The request must be a JSON object of text fields.</source>
        <translation>Die Anfrage muss ein JSON-Objekt aus Textfeldern sein.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be text.</source>
        <translation>Das Feld „%1“ muss Text sein.</translation>
    </message>
    <message>
        <source>Send the form as application/x-www-form-urlencoded or application/json.</source>
        <translation>Senden Sie das Formular als application/x-www-form-urlencoded oder application/json.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::FreshVerification</name>
    <message>
        <source>To change the passkeys of this profile, first confirm it&apos;s you: choose &quot;Confirm it&apos;s you&quot; on the profile page and use one of its passkeys. Then try again within 5 minutes.</source>
        <translation>Um die Passkeys dieses Profils zu ändern, bestätigen Sie zuerst, dass Sie es sind: Wählen Sie auf der Profilseite „Bestätigen Sie, dass Sie es sind“ und verwenden Sie einen seiner Passkeys. Versuchen Sie es dann innerhalb von 5 Minuten erneut.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you first</source>
        <translation>Bestätigen Sie zuerst, dass Sie es sind</translation>
    </message>
</context>
<context>
    <name>latchkey::server::Guards</name>
    <message>
        <source>This address is not served here. Open Latchkey at http://localhost:%1/ instead.</source>
        <translation>Diese Adresse wird hier nicht bedient. Öffnen Sie Latchkey stattdessen unter http://localhost:%1/.</translation>
    </message>
    <message>
        <source>Only the Latchkey app may open these pages. Use the Latchkey window, or the one-time link printed by &quot;latchkey --serve&quot;.</source>
        <translation>Nur die Latchkey-App darf diese Seiten öffnen. Verwenden Sie das Latchkey-Fenster oder den Einmal-Link, den „latchkey --serve“ ausgibt.</translation>
    </message>
    <message>
        <source>This form was sent from another site, so it was refused. Submit it again from the Latchkey page.</source>
        <translation>Dieses Formular wurde von einer anderen Website gesendet und daher abgelehnt. Senden Sie es erneut von der Latchkey-Seite.</translation>
    </message>
    <message>
        <source>The request is larger than 64 KiB, so it was refused.</source>
        <translation>Die Anfrage ist größer als 64 KiB und wurde daher abgelehnt.</translation>
    </message>
    <message>
        <source>Latchkey is busy with other requests. Try again in a moment.</source>
        <translation>Latchkey ist mit anderen Anfragen beschäftigt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LanguageSection</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of Latchkey&apos;s window and pages, for every profile on this computer. It changes the next time Latchkey starts.</source>
        <translation>Die Sprache von Latchkeys Fenster und Seiten, für alle Profile auf diesem Computer. Sie wechselt beim nächsten Start von Latchkey.</translation>
    </message>
    <message>
        <source>Show Latchkey in</source>
        <translation>Latchkey anzeigen auf</translation>
    </message>
    <message>
        <source>Save language</source>
        <translation>Sprache speichern</translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Sprache des Systems (%1)</translation>
    </message>
    <message>
        <source>Choose a language.</source>
        <translation>Wählen Sie eine Sprache.</translation>
    </message>
    <message>
        <source>Language saved</source>
        <translation>Sprache gespeichert</translation>
    </message>
    <message>
        <source>Latchkey will be in %1 from its next start.</source>
        <translation>Ab dem nächsten Start ist Latchkey auf %1.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LanguageSetting</name>
    <message>
        <source>Latchkey has no translation into &quot;%1&quot;.</source>
        <translation>Latchkey hat keine Übersetzung in „%1“.</translation>
    </message>
    <message>
        <source>This launch of Latchkey has no settings file, so the language cannot be kept.</source>
        <translation>Dieser Start von Latchkey hat keine Einstellungsdatei, daher kann die Sprache nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written; check its folder&apos;s permissions and free space.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden; prüfen Sie die Berechtigungen ihres Ordners und den freien Speicherplatz.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LocalServer</name>
    <message>
        <source>The local server is already listening.</source>
        <translation>Der lokale Server lauscht bereits.</translation>
    </message>
    <message>
        <source>The launch secret is missing or too short (at least 22 base64url characters), so the local server was not started.</source>
        <translation>Das Start-Geheimnis fehlt oder ist zu kurz (mindestens 22 base64url-Zeichen), daher wurde der lokale Server nicht gestartet.</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1: %1</source>
        <translation>Lauschen auf 127.0.0.1 nicht möglich: %1</translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use or not allowed (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation>Port %1 auf localhost ist bereits belegt oder nicht erlaubt (%2). Wählen Sie einen anderen mit --port, oder lassen Sie --port weg, um einen freien zu verwenden.</translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use on ::1 (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation>Port %1 auf localhost ist auf ::1 bereits belegt (%2). Wählen Sie einen anderen mit --port, oder lassen Sie --port weg, um einen freien zu verwenden.</translation>
    </message>
    <message>
        <source>The path prefix must be &quot;/&quot; and at least 22 base64url characters, so the local server was not started.</source>
        <translation>Das Pfadpräfix muss aus &quot;/&quot; und mindestens 22 Base64url-Zeichen bestehen, daher wurde der lokale Server nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::Pages</name>
    <message>
        <source>Skip to content</source>
        <translation>Zum Inhalt springen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptnavigation</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Latchkey home</source>
        <translation>Latchkey-Startseite</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Dismiss notification</source>
        <translation>Benachrichtigung schließen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Heads up</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Latchkey could not be reached. Check that the app is still running, then try again.</source>
        <translation>Latchkey ist nicht erreichbar. Prüfen Sie, ob die App noch läuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Latchkey runs on this computer only. Nothing leaves it.</source>
        <translation>Latchkey läuft nur auf diesem Computer. Nichts verlässt ihn.</translation>
    </message>
    <message>
        <source>Passwordless local profiles</source>
        <translation>Passwortlose lokale Profile</translation>
    </message>
    <message>
        <source>Sign in to this computer with a passkey</source>
        <translation>Melden Sie sich mit einem Passkey an diesem Computer an</translation>
    </message>
    <message>
        <source>Create a profile</source>
        <translation>Profil anlegen</translation>
    </message>
    <message>
        <source>I already have one</source>
        <translation>Ich habe schon eins</translation>
    </message>
    <message>
        <source>No passwords</source>
        <translation>Keine Passwörter</translation>
    </message>
    <message>
        <source>A passkey replaces the password: there is nothing to type, reuse or phish.</source>
        <translation>Ein Passkey ersetzt das Passwort: Es gibt nichts einzutippen, wiederzuverwenden oder abzufischen.</translation>
    </message>
    <message>
        <source>Keys stay here</source>
        <translation>Schlüssel bleiben hier</translation>
    </message>
    <message>
        <source>Private keys stay on this computer, sealed, and never leave it.</source>
        <translation>Private Schlüssel bleiben versiegelt auf diesem Computer und verlassen ihn nie.</translation>
    </message>
    <message>
        <source>Works offline</source>
        <translation>Funktioniert offline</translation>
    </message>
    <message>
        <source>Profiles are stored on this computer. No account, no cloud, no network needed.</source>
        <translation>Profile werden auf diesem Computer gespeichert. Kein Konto, keine Cloud, kein Netzwerk nötig.</translation>
    </message>
    <message>
        <source>Create your profile</source>
        <translation>Legen Sie Ihr Profil an</translation>
    </message>
    <message>
        <source>Tell us who you are. Next you will register a passkey to sign in.</source>
        <translation>Sagen Sie uns, wer Sie sind. Danach registrieren Sie einen Passkey zum Anmelden.</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Passkey</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Optional. How Latchkey greets you; up to 64 characters. Your username is used when empty.</source>
        <translation>Optional. So begrüßt Latchkey Sie; bis zu 64 Zeichen. Ist er leer, wird Ihr Benutzername verwendet.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, dots, underscores or hyphens.</source>
        <translation>3 bis 32 Buchstaben, Ziffern, Punkte, Unterstriche oder Bindestriche.</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Used to find your profile; never sent anywhere.</source>
        <translation>Dient zum Finden Ihres Profils; wird nirgendwohin gesendet.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Profil anlegen</translation>
    </message>
    <message>
        <source>Already have a profile?</source>
        <translation>Sie haben schon ein Profil?</translation>
    </message>
    <message>
        <source>Please check the form</source>
        <translation>Bitte prüfen Sie das Formular</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Profil angelegt</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>Willkommen, %1.</translation>
    </message>
    <message>
        <source>Next: register a passkey</source>
        <translation>Als Nächstes: einen Passkey registrieren</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>Zurück zur Startseite</translation>
    </message>
    <message>
        <source>Enter your username or email address, then confirm with your passkey.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein und bestätigen Sie dann mit Ihrem Passkey.</translation>
    </message>
    <message>
        <source>Username or email address</source>
        <translation>Benutzername oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>New here?</source>
        <translation>Neu hier?</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>Ihr Profil</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Passkeys</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>Zur Startseite</translation>
    </message>
    <message>
        <source>The request could not be read</source>
        <translation>Die Anfrage konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Seite nicht gefunden</translation>
    </message>
    <message>
        <source>Not allowed here</source>
        <translation>Hier nicht erlaubt</translation>
    </message>
    <message>
        <source>Already in use</source>
        <translation>Bereits vergeben</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>Unsupported format</source>
        <translation>Nicht unterstütztes Format</translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation>Falsche Adresse</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Profile not created</source>
        <translation>Profil nicht angelegt</translation>
    </message>
    <message>
        <source>Your profile &quot;%1&quot; is saved.</source>
        <translation>Ihr Profil „%1“ ist gespeichert.</translation>
    </message>
    <message>
        <source>The form is missing the field(s): %1.</source>
        <translation>Im Formular fehlen die Felder: %1.</translation>
    </message>
    <message>
        <source>Some fields need your attention.</source>
        <translation>Einige Felder brauchen Ihre Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>That username or email address is already in use.</source>
        <translation>Dieser Benutzername oder diese E-Mail-Adresse ist bereits vergeben.</translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation>Ihr Profil konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Enter your username or email address.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>There is no page at %1. Check the address or start from the home page.</source>
        <translation>Unter %1 gibt es keine Seite. Prüfen Sie die Adresse oder beginnen Sie auf der Startseite.</translation>
    </message>
    <message>
        <source>%1 is not accepted at %2.</source>
        <translation>%1 wird unter %2 nicht angenommen.</translation>
    </message>
    <message>
        <source>Chromium virtual authenticator</source>
        <translation>Virtueller Chromium-Authenticator</translation>
    </message>
    <message>
        <source>Passkey on %1</source>
        <translation>Passkey auf %1</translation>
    </message>
    <message>
        <source>Register a passkey</source>
        <translation>Passkey registrieren</translation>
    </message>
    <message>
        <source>Passkeys need this page&apos;s script. Allow JavaScript for Latchkey, or use the Latchkey app.</source>
        <translation>Passkeys brauchen das Skript dieser Seite. Erlauben Sie JavaScript für Latchkey oder verwenden Sie die Latchkey-App.</translation>
    </message>
    <message>
        <source>Passkey name (optional)</source>
        <translation>Name des Passkeys (optional)</translation>
    </message>
    <message>
        <source>Sign in with a passkey, no username</source>
        <translation>Mit einem Passkey anmelden, ohne Benutzernamen</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Profile ID</source>
        <translation>Profil-ID</translation>
    </message>
    <message>
        <source>Authenticator</source>
        <translation>Authenticator</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>This is the profile&apos;s only passkey. Without it nobody can sign in to this profile until a new passkey is registered in this session.</source>
        <translation>Dies ist der einzige Passkey des Profils. Ohne ihn kann sich niemand bei diesem Profil anmelden, bis in dieser Sitzung ein neuer Passkey registriert wird.</translation>
    </message>
    <message>
        <source>I understand: remove the only passkey of this profile</source>
        <translation>Verstanden: den einzigen Passkey dieses Profils entfernen</translation>
    </message>
    <message>
        <source>Add another passkey</source>
        <translation>Weiteren Passkey hinzufügen</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>Dieses Profil löschen</translation>
    </message>
    <message>
        <source>Type your username to confirm</source>
        <translation>Geben Sie zur Bestätigung Ihren Benutzernamen ein</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Your profile is saved, but no session could be started: %1</source>
        <translation>Ihr Profil ist gespeichert, aber es konnte keine Sitzung gestartet werden: %1</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Willkommen zurück, %1.</translation>
    </message>
    <message>
        <source>Signing in with a passkey needs this page&apos;s script. Allow JavaScript for Latchkey, or use the Latchkey app.</source>
        <translation>Die Anmeldung mit einem Passkey braucht das Skript dieser Seite. Erlauben Sie JavaScript für Latchkey oder verwenden Sie die Latchkey-App.</translation>
    </message>
    <message>
        <source>Script needed</source>
        <translation>Skript erforderlich</translation>
    </message>
    <message>
        <source>The profile and its passkey records are deleted, and you are signed out. In Latchkey&apos;s window its passkey is also deleted from this computer&apos;s key store; a passkey kept by a browser, phone or security key may stay there until you remove it. This cannot be undone.</source>
        <translation>Das Profil und seine Passkey-Einträge werden gelöscht, und Sie werden abgemeldet. Im Latchkey-Fenster wird sein Passkey auch aus dem Schlüsselspeicher dieses Computers gelöscht; ein Passkey, den ein Browser, ein Telefon oder ein Sicherheitsschlüssel aufbewahrt, kann dort bleiben, bis Sie ihn entfernen. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Busy just now</source>
        <translation>Gerade belegt</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code</comment>
        <extracomment>The BCP 47 language code of this translation, for the pages&apos; &lt;html lang&gt;: de, fr, pt-BR.</extracomment>
        <translation>de</translation>
    </message>
    <message>
        <source>Latchkey gives everyone who uses this computer a profile of their own, unlocked with a passkey kept on this computer. No password to remember, nothing to leak.</source>
        <translation>Latchkey gibt allen, die diesen Computer nutzen, ein eigenes Profil, entsperrt mit einem Passkey, der auf diesem Computer bleibt. Kein Passwort zum Merken, nichts, was durchsickern kann.</translation>
    </message>
    <message>
        <source>Your profile is saved. Register a passkey now: it is how you sign in. Latchkey asks you to confirm it&apos;s you first.</source>
        <translation>Ihr Profil ist gespeichert. Registrieren Sie jetzt einen Passkey: Damit melden Sie sich an. Latchkey bittet Sie zuerst zu bestätigen, dass Sie es sind.</translation>
    </message>
    <message>
        <source>This computer cannot check who you are</source>
        <translation>Dieser Computer kann nicht prüfen, wer Sie sind</translation>
    </message>
    <message>
        <source>Latchkey on this computer, software key store</source>
        <translation>Latchkey auf diesem Computer, Software-Schlüsselspeicher</translation>
    </message>
    <message>
        <source>Latchkey on this computer, key in the TPM</source>
        <translation>Latchkey auf diesem Computer, Schlüssel im TPM</translation>
    </message>
    <message>
        <source>Adding or removing a passkey needs one of this profile&apos;s passkeys used in the last 5 minutes.</source>
        <translation>Zum Hinzufügen oder Entfernen eines Passkeys muss einer der Passkeys dieses Profils in den letzten 5 Minuten verwendet worden sein.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Bestätigen Sie, dass Sie es sind</translation>
    </message>
    <message>
        <source>No system sign-in (password or fingerprint) is set up for Latchkey, so a passkey here is confirmed by pressing Confirm alone: anyone at this computer could use it. To confirm with your password or fingerprint, install packaging/pam/latchkey as /etc/pam.d/latchkey and start Latchkey again.</source>
        <translation>Für Latchkey ist keine Systemanmeldung (Passwort oder Fingerabdruck) eingerichtet, daher wird ein Passkey hier allein mit „Bestätigen“ bestätigt: Jede Person an diesem Computer könnte ihn verwenden. Um mit Ihrem Passwort oder Fingerabdruck zu bestätigen, installieren Sie packaging/pam/latchkey als /etc/pam.d/latchkey und starten Sie Latchkey neu.</translation>
    </message>
    <message>
        <source>Latchkey on this Mac, key in the Secure Enclave</source>
        <translation>Latchkey auf diesem Mac, Schlüssel in der Secure Enclave</translation>
    </message>
    <message>
        <source>Register a new passkey</source>
        <translation>Neuen Passkey registrieren</translation>
    </message>
    <message>
        <source>This recovery sign-in allows one thing: registering a new passkey for this profile, and removing the passkeys you lost. It ends when the new passkey is registered, or after 15 minutes.</source>
        <translation>Diese Wiederherstellungsanmeldung erlaubt nur eines: einen neuen Passkey für dieses Profil zu registrieren und die verlorenen Passkeys zu entfernen. Sie endet, sobald der neue Passkey registriert ist, spätestens nach 15 Minuten.</translation>
    </message>
    <message>
        <source>Passkeys you lost</source>
        <translation>Verlorene Passkeys</translation>
    </message>
    <message>
        <source>Remove each passkey you no longer have, so that nobody who finds the device can sign in with it.</source>
        <translation>Entfernen Sie jeden Passkey, den Sie nicht mehr haben, damit sich niemand, der das Gerät findet, damit anmelden kann.</translation>
    </message>
    <message>
        <source>This profile has no passkey left.</source>
        <translation>Dieses Profil hat keinen Passkey mehr.</translation>
    </message>
    <message>
        <source>Remove: I lost it</source>
        <translation>Entfernen: verloren</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>latchkey::server::PasskeyFlows</name>
    <message>
        <source>Send this request as application/json.</source>
        <translation>Senden Sie diese Anfrage als application/json.</translation>
    </message>
    <message>
        <source>The request is not a JSON object. Reload the page and try again.</source>
        <translation>Die Anfrage ist kein JSON-Objekt. Laden Sie die Seite neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A passkey name is 1 to 64 characters, without control characters.</source>
        <translation>Ein Passkey-Name hat 1 bis 64 Zeichen, ohne Steuerzeichen.</translation>
    </message>
    <message>
        <source>This request was already used, has expired or was never issued to this browser. Start again.</source>
        <translation>Diese Anfrage wurde bereits verwendet, ist abgelaufen oder wurde nie an diesen Browser ausgegeben. Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>Passkey not registered</source>
        <translation>Passkey nicht registriert</translation>
    </message>
    <message>
        <source>The passkey name must be text.</source>
        <translation>Der Passkey-Name muss Text sein.</translation>
    </message>
    <message>
        <source>This request was issued for another profile. Start again.</source>
        <translation>Diese Anfrage wurde für ein anderes Profil ausgegeben. Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>This passkey is already registered.</source>
        <translation>Dieser Passkey ist bereits registriert.</translation>
    </message>
    <message>
        <source>Passkey registered</source>
        <translation>Passkey registriert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now unlocks your profile.</source>
        <translation>„%1“ entsperrt jetzt Ihr Profil.</translation>
    </message>
    <message>
        <source>The username or email must be text.</source>
        <translation>Der Benutzername oder die E-Mail-Adresse muss Text sein.</translation>
    </message>
    <message>
        <source>A username or email address is at most 254 characters.</source>
        <translation>Ein Benutzername oder eine E-Mail-Adresse hat höchstens 254 Zeichen.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>This passkey is not registered with Latchkey. Choose another, or create a profile.</source>
        <translation>Dieser Passkey ist bei Latchkey nicht registriert. Wählen Sie einen anderen oder legen Sie ein Profil an.</translation>
    </message>
    <message>
        <source>This passkey belongs to another profile. Choose the passkey of the profile you named.</source>
        <translation>Dieser Passkey gehört zu einem anderen Profil. Wählen Sie den Passkey des angegebenen Profils.</translation>
    </message>
    <message>
        <source>This passkey&apos;s profile no longer exists.</source>
        <translation>Das Profil dieses Passkeys existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Willkommen zurück, %1.</translation>
    </message>
    <message>
        <source>This browser has no sign-in in progress. Start again.</source>
        <translation>In diesem Browser läuft keine Anmeldung. Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>There is no profile session in this browser. Create a profile or sign in first.</source>
        <translation>In diesem Browser gibt es keine Profilsitzung. Legen Sie zuerst ein Profil an oder melden Sie sich an.</translation>
    </message>
    <message>
        <source>Latchkey could not save this: %1</source>
        <translation>Latchkey konnte dies nicht speichern: %1</translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfileForm</name>
    <message>
        <source>Choose a username.</source>
        <translation>Wählen Sie einen Benutzernamen.</translation>
    </message>
    <message>
        <source>A username cannot contain control characters.</source>
        <translation>Ein Benutzername darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A username has 3 to 32 characters.</source>
        <translation>Ein Benutzername hat 3 bis 32 Zeichen.</translation>
    </message>
    <message>
        <source>Use only letters, digits, dots (.), underscores (_) and hyphens (-) in a username.</source>
        <translation>Verwenden Sie in einem Benutzernamen nur Buchstaben, Ziffern, Punkte (.), Unterstriche (_) und Bindestriche (-).</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>An email address cannot contain control characters.</source>
        <translation>Eine E-Mail-Adresse darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>An email address has at most 254 characters.</source>
        <translation>Eine E-Mail-Adresse hat höchstens 254 Zeichen.</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation>Geben Sie eine E-Mail-Adresse wie name@example.com ein.</translation>
    </message>
    <message>
        <source>A display name cannot contain control characters.</source>
        <translation>Ein Anzeigename darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A display name has at most 64 characters.</source>
        <translation>Ein Anzeigename hat höchstens 64 Zeichen.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfilePages</name>
    <message>
        <source>Your profile</source>
        <translation>Ihr Profil</translation>
    </message>
    <message>
        <source>Register a passkey</source>
        <translation>Passkey registrieren</translation>
    </message>
    <message>
        <source>Register a passkey for this profile first.</source>
        <translation>Registrieren Sie zuerst einen Passkey für dieses Profil.</translation>
    </message>
    <message>
        <source>You are not signed in (or your session ended). Sign in again.</source>
        <translation>Sie sind nicht angemeldet (oder Ihre Sitzung ist abgelaufen). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The passkey to change is missing or not base64url.</source>
        <translation>Der zu ändernde Passkey fehlt oder ist nicht base64url.</translation>
    </message>
    <message>
        <source>This profile has no such passkey. Reload the page.</source>
        <translation>Dieses Profil hat keinen solchen Passkey. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>Passkey not renamed</source>
        <translation>Passkey nicht umbenannt</translation>
    </message>
    <message>
        <source>Passkey renamed</source>
        <translation>Passkey umbenannt</translation>
    </message>
    <message>
        <source>The passkey is now called &quot;%1&quot;.</source>
        <translation>Der Passkey heißt jetzt „%1“.</translation>
    </message>
    <message>
        <source>This is your profile&apos;s only passkey: without it nobody can sign in to the profile. Tick the confirmation to remove it anyway.</source>
        <translation>Dies ist der einzige Passkey Ihres Profils: Ohne ihn kann sich niemand bei dem Profil anmelden. Setzen Sie das Häkchen zur Bestätigung, um ihn trotzdem zu entfernen.</translation>
    </message>
    <message>
        <source>Passkey not removed</source>
        <translation>Passkey nicht entfernt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer unlocks this profile.</source>
        <translation>„%1“ entsperrt dieses Profil nicht mehr.</translation>
    </message>
    <message>
        <source>Passkey removed</source>
        <translation>Passkey entfernt</translation>
    </message>
    <message>
        <source>Profile not deleted</source>
        <translation>Profil nicht gelöscht</translation>
    </message>
    <message>
        <source>Type your username to confirm that the profile and all its passkeys are deleted.</source>
        <translation>Geben Sie Ihren Benutzernamen ein, um zu bestätigen, dass das Profil und alle seine Passkeys gelöscht werden.</translation>
    </message>
    <message>
        <source>Profile deleted</source>
        <translation>Profil gelöscht</translation>
    </message>
    <message>
        <source>You were not signed in.</source>
        <translation>Sie waren nicht angemeldet.</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Your session has ended on this computer.</source>
        <translation>Ihre Sitzung auf diesem Computer ist beendet.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is deleted and its passkeys no longer sign in here. Latchkey&apos;s window also deleted its passkey from this computer&apos;s key store; a passkey kept by a browser, phone or security key may stay there until you remove it.</source>
        <translation>Das Profil „%1“ ist gelöscht, und seine Passkeys melden hier nicht mehr an. Das Latchkey-Fenster hat auch seinen Passkey aus dem Schlüsselspeicher dieses Computers gelöscht; ein Passkey, den ein Browser, ein Telefon oder ein Sicherheitsschlüssel aufbewahrt, kann dort bleiben, bis Sie ihn entfernen.</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Passkey</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Backed up (synced)</source>
        <translation>Gesichert (synchronisiert)</translation>
    </message>
    <message>
        <source>Can be backed up, not yet</source>
        <translation>Sicherbar, noch nicht gesichert</translation>
    </message>
    <message>
        <source>Only on this device</source>
        <translation>Nur auf diesem Gerät</translation>
    </message>
    <message>
        <source>You signed in to the profile &quot;%1&quot; without a passkey.</source>
        <translation>Sie haben sich ohne Passkey beim Profil „%1“ angemeldet.</translation>
    </message>
    <message>
        <source>Register a new passkey</source>
        <translation>Neuen Passkey registrieren</translation>
    </message>
    <message>
        <source>This recovery sign-in only lets you register a new passkey and remove the ones you lost. Register a new passkey first; then sign in with it to change anything else.</source>
        <translation>Mit dieser Wiederherstellungsanmeldung können Sie nur einen neuen Passkey registrieren und verlorene entfernen. Registrieren Sie zuerst einen neuen Passkey und melden Sie sich damit an, um anderes zu ändern.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::RecoverySignIn</name>
    <message>
        <source>Recovery sign-in</source>
        <translation>Wiederherstellungsanmeldung</translation>
    </message>
    <message>
        <source>Register a new passkey for %1 now: this sign-in allows only that, and only for 15 minutes.</source>
        <translation>Registrieren Sie jetzt einen neuen Passkey für %1: Diese Anmeldung erlaubt nur das, und nur für 15 Minuten.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::RequestHandler</name>
    <message>
        <source>This one-time link has been used already, is older than two minutes, or is not valid. Restart &quot;latchkey --serve&quot; for a new one.</source>
        <translation>Dieser Einmal-Link wurde bereits verwendet, ist älter als zwei Minuten oder ist ungültig. Starten Sie „latchkey --serve“ neu, um einen neuen zu erhalten.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::SettingsPage</name>
    <message>
        <source>Language not saved</source>
        <translation>Sprache nicht gespeichert</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>latchkey::server::StoreFailure</name>
    <message>
        <source>Latchkey&apos;s profile database is busy: another program is using it. Nothing was changed. Try again in a moment.</source>
        <translation>Die Profildatenbank von Latchkey ist belegt: Ein anderes Programm verwendet sie. Es wurde nichts geändert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Latchkey could not read its profiles just now. Nothing was changed. Try again.</source>
        <translation>Latchkey konnte seine Profile gerade nicht lesen. Es wurde nichts geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk that holds Latchkey&apos;s profiles is full, so this was not saved. Nothing was changed. Free some space on it, then try again.</source>
        <translation>Der Datenträger mit den Profilen von Latchkey ist voll, daher wurde dies nicht gespeichert. Nichts wurde geändert. Geben Sie dort Speicherplatz frei und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Latchkey&apos;s data folder cannot be written any more (it is read-only), so this was not saved. Nothing was changed. Make the folder writable, then try again.</source>
        <translation>In den Datenordner von Latchkey kann nicht mehr geschrieben werden (er ist schreibgeschützt), daher wurde dies nicht gespeichert. Nichts wurde geändert. Machen Sie den Ordner wieder beschreibbar und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Latchkey&apos;s profile database is damaged. Nothing was changed, and Latchkey leaves the file as it is. Restore it from a backup; its path is in Latchkey&apos;s log.</source>
        <translation>Die Profildatenbank von Latchkey ist beschädigt. Nichts wurde geändert, und Latchkey lässt die Datei, wie sie ist. Stellen Sie sie aus einer Sicherung wieder her; ihr Pfad steht im Protokoll von Latchkey.</translation>
    </message>
</context>
</TS>
