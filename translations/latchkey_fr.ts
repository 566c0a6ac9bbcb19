<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Main</name>
    <message>
        <source>Latchkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page stopped unexpectedly (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPane</name>
    <message>
        <source>Latchkey cannot show its pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening Latchkey…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The page did not load. Try again; if it keeps failing, restart Latchkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::app::AppWindow</name>
    <message>
        <source>The window could not be created (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::app::Backend</name>
    <message>
        <source>Cannot open the profile database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve the pages on localhost: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::app::CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep profiles in DIR instead of the default data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the pages on port N of localhost (default: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open no window: print a one-time URL for an ordinary browser and serve until interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwordless local profiles with passkeys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;latchkey --help&apos; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir needs a folder name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::app::DataFolder</name>
    <message>
        <source>This system has no folder for application data; choose one with --data-dir DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder; choose another with --data-dir DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1; check its parent&apos;s permissions or choose another with --data-dir DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 is not writable; fix its permissions or choose another with --data-dir DIR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::app::Launch</name>
    <message>
        <source>Latchkey is serving %1 (profiles in %2).
Open the link above once in a browser: it signs that browser in and works only once.
Press Ctrl+C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::server::FormBody</name>
    <message>
        <source>The form could not be read: it is not valid URL encoding of UTF-8 text. Reload the page and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form sent the field &quot;%1&quot; more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be read: it is not valid JSON (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request must be a JSON object of text fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the form as application/x-www-form-urlencoded or application/json.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::server::Guards</name>
    <message>
        <source>This address is not served here. Open Latchkey at http://localhost:%1/ instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the Latchkey app may open these pages. Use the Latchkey window, or the one-time link printed by &quot;latchkey --serve&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form was sent from another site, so it was refused. Submit it again from the Latchkey page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is larger than 64 KiB, so it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::server::LocalServer</name>
    <message>
        <source>The local server is already listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The launch secret is missing or too short (at least 22 base64url characters), so the local server was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use or not allowed (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use on ::1 (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::server::Pages</name>
    <message>
        <source>Skip to content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latchkey home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latchkey could not be reached. Check that the app is still running, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latchkey runs on this computer only. Nothing leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwordless local profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to this computer with a passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latchkey gives everyone who uses this computer a profile of their own, unlocked with a fingerprint, a face or a device PIN. No password to remember, nothing to leak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I already have one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passkey replaces the password: there is nothing to type, reuse or phish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys stay here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private keys live in this computer&apos;s secure hardware and never leave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles are stored on this computer. No account, no cloud, no network needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell us who you are. Next you will register a passkey to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. How Latchkey greets you; up to 64 characters. Your username is used when empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, dots, underscores or hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used to find your profile; never sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already have a profile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: register a passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey registration arrives in the next version of Latchkey. Your profile is saved and will be ready for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username or email address, then confirm with your passkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile &quot;%1&quot; is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form is missing the field(s): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need your attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That username or email address is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username or email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey sign-in arrives in the next version of Latchkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkeys arrive soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no page at %1. Check the address or start from the home page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not accepted at %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfileForm</name>
    <message>
        <source>Choose a username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username has 3 to 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only letters, digits, dots (.), underscores (_) and hyphens (-) in a username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address has at most 254 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A display name cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A display name has at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>latchkey::server::RequestHandler</name>
    <message>
        <source>This one-time link has been used already or is not valid. Restart &quot;latchkey --serve&quot; for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
