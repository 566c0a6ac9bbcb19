<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>latchkey::app::AppWindow</name>
    <message>
        <source>The window could not be created (%1).</source>
        <translation>Das Fenster konnte nicht erstellt werden (%1).</translation>
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
        <source>Cannot create the data folder %1; check its parent&apos;s permissions or choose another with --data-dir DIR.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden; prüfen Sie die Rechte des übergeordneten Ordners oder wählen Sie einen anderen mit --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is not writable; fix its permissions or choose another with --data-dir DIR.</source>
        <translation>In den Datenordner %1 kann nicht geschrieben werden; korrigieren Sie seine Rechte oder wählen Sie einen anderen mit --data-dir DIR.</translation>
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
        <source>Latchkey gives everyone who uses this computer a profile of their own, unlocked with a fingerprint, a face or a device PIN. No password to remember, nothing to leak.</source>
        <translation>Latchkey gibt allen, die diesen Computer nutzen, ein eigenes Profil, entsperrt mit Fingerabdruck, Gesicht oder Geräte-PIN. Kein Passwort zum Merken, nichts, was durchsickern kann.</translation>
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
        <source>Private keys live in this computer&apos;s secure hardware and never leave it.</source>
        <translation>Private Schlüssel liegen in der sicheren Hardware dieses Computers und verlassen sie nie.</translation>
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
        <source>Passkey registration arrives in the next version of Latchkey. Your profile is saved and will be ready for it.</source>
        <translation>Die Passkey-Registrierung kommt mit der nächsten Version von Latchkey. Ihr Profil ist gespeichert und dafür bereit.</translation>
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
        <source>Passkey sign-in arrives in the next version of Latchkey.</source>
        <translation>Die Anmeldung mit Passkey kommt mit der nächsten Version von Latchkey.</translation>
    </message>
    <message>
        <source>Passkeys arrive soon</source>
        <translation>Passkeys kommen bald</translation>
    </message>
    <message>
        <source>There is no page at %1. Check the address or start from the home page.</source>
        <translation>Unter %1 gibt es keine Seite. Prüfen Sie die Adresse oder beginnen Sie auf der Startseite.</translation>
    </message>
    <message>
        <source>%1 is not accepted at %2.</source>
        <translation>%1 wird unter %2 nicht angenommen.</translation>
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
    <name>latchkey::server::RequestHandler</name>
    <message>
        <source>This one-time link has been used already or is not valid. Restart &quot;latchkey --serve&quot; for a new one.</source>
        <translation>Dieser Einmal-Link wurde bereits verwendet oder ist ungültig. Starten Sie „latchkey --serve“ neu, um einen neuen zu erhalten.</translation>
    </message>
</context>
</TS>
