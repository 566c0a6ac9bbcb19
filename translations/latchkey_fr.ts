<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountChooser</name>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Profile %1 of %2: Up and Down choose another, Enter confirms.</source>
        <translation>Profil %1 sur %2 : les flèches haut et bas en choisissent un autre, Entrée confirme.</translation>
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
        <translation>La page s’est arrêtée de façon inattendue (code de sortie %1).</translation>
    </message>
    <message>
        <source>Loading the page</source>
        <translation>Chargement de la page</translation>
    </message>
</context>
<context>
    <name>StatusPane</name>
    <message>
        <source>Latchkey cannot show its pages</source>
        <translation>Latchkey ne peut pas afficher ses pages</translation>
    </message>
    <message>
        <source>Opening Latchkey…</source>
        <translation>Ouverture de Latchkey…</translation>
    </message>
    <message>
        <source>%1
The page did not load. Try again; if it keeps failing, restart Latchkey.</source>
        <translation>%1
La page ne s’est pas chargée. Réessayez ; si l’échec persiste, redémarrez Latchkey.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>UserVerificationPrompt</name>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Confirmez votre identité</translation>
    </message>
    <message>
        <source>Profile: %1 (%2)</source>
        <translation>Profil : %1 (%2)</translation>
    </message>
    <message>
        <source>Choose the profile to sign in with:</source>
        <translation>Choisissez le profil avec lequel vous connecter :</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site : %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>No passkey here</source>
        <translation>Aucune clé d’accès ici</translation>
    </message>
    <message>
        <source>There is no passkey for %1 on this computer.</source>
        <translation>Il n’y a aucune clé d’accès pour %1 sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This computer&apos;s own sign-in (your password or fingerprint) confirms it&apos;s you.</source>
        <translation>La connexion de cet ordinateur (votre mot de passe ou votre empreinte) confirme que c’est bien vous.</translation>
    </message>
    <message>
        <source>Confirm shows you are here; it does not check who you are.</source>
        <translation>« Confirmer » montre que vous êtes là ; cela ne vérifie pas qui vous êtes.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts: you can try again in %n second(s).</source>
        <translation>
            <numerusform>Trop d’échecs : vous pourrez réessayer dans %n seconde.</numerusform>
            <numerusform>Trop d’échecs : vous pourrez réessayer dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closes this prompt: no passkey is created or used.</source>
        <translation>Ferme cette demande : aucune clé d’accès n’est créée ni utilisée.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::AppWindow</name>
    <message>
        <source>The window could not be created (%1).</source>
        <translation>La fenêtre n’a pas pu être créée (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::app::AuthenticatorSetup</name>
    <message>
        <source>This computer&apos;s passkeys could not be opened (%1).</source>
        <translation>Les clés d’accès de cet ordinateur n’ont pas pu être ouvertes (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::app::Backend</name>
    <message>
        <source>Cannot open the profile database: %1</source>
        <translation>Impossible d’ouvrir la base de profils : %1</translation>
    </message>
    <message>
        <source>Cannot serve the pages on localhost: %1</source>
        <translation>Impossible de servir les pages sur localhost : %1</translation>
    </message>
    <message>
        <source>The passkeys in %1 could not be checked against the profiles: %2</source>
        <translation>Les clés d’accès de %1 n’ont pas pu être comparées aux profils : %2</translation>
    </message>
</context>
<context>
    <name>latchkey::app::CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <source>Keep profiles in DIR instead of the default data folder.</source>
        <translation>Conserver les profils dans DIR au lieu du dossier de données par défaut.</translation>
    </message>
    <message>
        <source>Serve the pages on port N of localhost (default: any free port).</source>
        <translation>Servir les pages sur le port N de localhost (par défaut : un port libre).</translation>
    </message>
    <message>
        <source>Open no window: print a one-time URL for an ordinary browser and serve until interrupted.</source>
        <translation>N’ouvrir aucune fenêtre : afficher une URL à usage unique pour un navigateur ordinaire et servir jusqu’à interruption.</translation>
    </message>
    <message>
        <source>Passwordless local profiles with passkeys.</source>
        <translation>Des profils locaux sans mot de passe, avec des clés d’accès.</translation>
    </message>
    <message>
        <source>Run &apos;latchkey --help&apos; for usage.</source>
        <translation>Lancez &apos;latchkey --help&apos; pour l’utilisation.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu : %1</translation>
    </message>
    <message>
        <source>--data-dir needs a folder name.</source>
        <translation>--data-dir demande un nom de dossier.</translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>--port doit être un nombre entier de 0 à 65535, pas &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Keep new passkeys in the TPM reached through the tpm2-tss TCTI CONF, e.g. swtpm:host=127.0.0.1,port=2321 (default: LATCHKEY_TPM_TCTI, else /dev/tpmrm0 when usable, else the software key store).</source>
        <translation>Garder les nouvelles clés d&apos;accès dans le TPM joint par la TCTI tpm2-tss CONF, p. ex. swtpm:host=127.0.0.1,port=2321 (par défaut : LATCHKEY_TPM_TCTI, sinon /dev/tpmrm0 s&apos;il est utilisable, sinon le magasin de clés logiciel).</translation>
    </message>
    <message>
        <source>Print this computer&apos;s key stores and user verifiers as JSON and exit.</source>
        <translation>Afficher en JSON les magasins de clés et les vérifications d&apos;utilisateur de cet ordinateur, puis quitter.</translation>
    </message>
    <message>
        <source>With --authenticators: create, use and delete a test key in each available key store (in a temporary folder); exit with 1 if any step fails.</source>
        <translation>Avec --authenticators : créer, utiliser et supprimer une clé de test dans chaque magasin de clés disponible (dans un dossier temporaire) ; quitter avec 1 si une étape échoue.</translation>
    </message>
    <message>
        <source>--self-test goes with --authenticators.</source>
        <translation>--self-test s&apos;utilise avec --authenticators.</translation>
    </message>
    <message>
        <source>--tpm-tcti needs a TCTI configuration, e.g. swtpm:host=127.0.0.1,port=2321.</source>
        <translation>--tpm-tcti a besoin d&apos;une configuration TCTI, p. ex. swtpm:host=127.0.0.1,port=2321.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::DataFolder</name>
    <message>
        <source>This system has no folder for application data; choose one with --data-dir DIR.</source>
        <translation>Ce système n’a pas de dossier pour les données d’application ; choisissez-en un avec --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder; choose another with --data-dir DIR.</source>
        <translation>Le dossier de données %1 est un fichier, pas un dossier ; choisissez-en un autre avec --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is not writable; fix its permissions or choose another with --data-dir DIR.</source>
        <translation>Le dossier de données %1 n’est pas accessible en écriture ; corrigez ses droits ou choisissez-en un autre avec --data-dir DIR.</translation>
    </message>
    <message>
        <source>%1 To keep the profiles elsewhere, use --data-dir DIR.</source>
        <translation>%1 Pour garder les profils ailleurs, utilisez --data-dir DIR.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::Launch</name>
    <message>
        <source>Latchkey is serving %1 (profiles in %2).
Open the link above once in a browser: it signs that browser in and works only once.
Press Ctrl+C to stop.</source>
        <translation>Latchkey sert %1 (profils dans %2).
Ouvrez le lien ci-dessus une fois dans un navigateur : il connecte ce navigateur et ne fonctionne qu’une fois.
Appuyez sur Ctrl+C pour arrêter.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::WebAuthnBridge</name>
    <message>
        <source>Passkeys are only available to Latchkey&apos;s own pages.</source>
        <translation>Les clés d’accès ne sont disponibles que pour les pages de Latchkey.</translation>
    </message>
    <message>
        <source>The passkey options are not a JSON object.</source>
        <translation>Les options de la clé d’accès ne sont pas un objet JSON.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Une autre demande de clé d’accès est en cours.</translation>
    </message>
    <message>
        <source>The passkey client script is missing from this build.</source>
        <translation>Le script client des clés d’accès manque dans cette version.</translation>
    </message>
    <message>
        <source>The passkey client script could not be installed in the window.</source>
        <translation>Le script client des clés d’accès n’a pas pu être installé dans la fenêtre.</translation>
    </message>
    <message>
        <source>The signal&apos;s options are not a JSON object.</source>
        <translation>Les options du signal ne sont pas un objet JSON.</translation>
    </message>
    <message>
        <source>There is no passkey signal called &quot;%1&quot;.</source>
        <translation>Il n’existe pas de signal de clé d’accès nommé « %1 ».</translation>
    </message>
    <message>
        <source>%1 must be an ArrayBuffer or a typed array.</source>
        <translation>%1 doit être un ArrayBuffer ou un tableau typé.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>The passkey request failed.</source>
        <translation>La demande de clé d’accès a échoué.</translation>
    </message>
    <message>
        <source>The app sent an unreadable answer.</source>
        <translation>L’application a envoyé une réponse illisible.</translation>
    </message>
    <message>
        <source>Passkeys are not available in this window.</source>
        <translation>Les clés d’accès ne sont pas disponibles dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Passkeys are not available inside a frame.</source>
        <translation>Les clés d’accès ne sont pas disponibles dans un cadre.</translation>
    </message>
    <message>
        <source>The page changed while the passkey request was open.</source>
        <translation>La page a changé pendant que la demande de clé d’accès était ouverte.</translation>
    </message>
    <message>
        <source>The app&apos;s passkey service did not answer.</source>
        <translation>Le service de clés d’accès de l’application n’a pas répondu.</translation>
    </message>
    <message>
        <source>The operation was aborted.</source>
        <translation>L’opération a été interrompue.</translation>
    </message>
    <message>
        <source>Only public key credentials are supported here.</source>
        <translation>Seuls les identifiants à clé publique sont pris en charge ici.</translation>
    </message>
    <message>
        <source>Conditional mediation is not available.</source>
        <translation>La médiation conditionnelle n’est pas disponible.</translation>
    </message>
    <message>
        <source>The signal needs an options object.</source>
        <translation>Le signal nécessite un objet d’options.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::Client</name>
    <message>
        <source>None of the page&apos;s public key algorithms is supported; this authenticator makes ES256 (-7) keys.</source>
        <translation>Aucun des algorithmes de clé publique de la page n’est pris en charge ; cet authentificateur crée des clés ES256 (-7).</translation>
    </message>
    <message>
        <source>%1 is required and must be a base64url string.</source>
        <translation>%1 est obligatoire et doit être une chaîne base64url.</translation>
    </message>
    <message>
        <source>%1 is not base64url.</source>
        <translation>%1 n’est pas en base64url.</translation>
    </message>
    <message>
        <source>rpId is required and must be a string.</source>
        <translation>rpId est obligatoire et doit être une chaîne.</translation>
    </message>
    <message>
        <source>%1 is required and must be a list.</source>
        <translation>%1 est obligatoire et doit être une liste.</translation>
    </message>
    <message>
        <source>%1 holds an entry that is not base64url.</source>
        <translation>%1 contient une entrée qui n’est pas en base64url.</translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation>Le délai de la demande a expiré.</translation>
    </message>
    <message>
        <source>The request was aborted.</source>
        <translation>La demande a été interrompue.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Une autre demande de clé d’accès est en cours.</translation>
    </message>
    <message>
        <source>The page asked for a security key; only this computer&apos;s own authenticator is available.</source>
        <translation>La page a demandé une clé de sécurité ; seul l’authentificateur propre à cet ordinateur est disponible.</translation>
    </message>
    <message>
        <source>name and displayName are required strings.</source>
        <translation>name et displayName sont des chaînes obligatoires.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::ClientOptions</name>
    <message>
        <source>%1.%2 must be a string.</source>
        <translation>%1.%2 doit être une chaîne.</translation>
    </message>
    <message>
        <source>%1 must be a base64url string.</source>
        <translation>%1 doit être une chaîne base64url.</translation>
    </message>
    <message>
        <source>%1 is not valid base64url.</source>
        <translation>%1 n’est pas du base64url valide.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 doit être un tableau.</translation>
    </message>
    <message>
        <source>pubKeyCredParams must be an array.</source>
        <translation>pubKeyCredParams doit être un tableau.</translation>
    </message>
    <message>
        <source>pubKeyCredParams[].alg must be a number.</source>
        <translation>pubKeyCredParams[].alg doit être un nombre.</translation>
    </message>
    <message>
        <source>user must be an object.</source>
        <translation>user doit être un objet.</translation>
    </message>
    <message>
        <source>user.id must be 1 to 64 bytes.</source>
        <translation>user.id doit faire de 1 à 64 octets.</translation>
    </message>
    <message>
        <source>challenge must not be empty.</source>
        <translation>challenge ne doit pas être vide.</translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 doit être une chaîne.</translation>
    </message>
    <message>
        <source>timeout must be a number.</source>
        <translation>timeout doit être un nombre.</translation>
    </message>
    <message>
        <source>rp must be an object.</source>
        <translation>rp doit être un objet.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::CredentialFileStore</name>
    <message>
        <source>The keys file %1 is damaged (%2); no key from it is used. Restore it from a backup or remove it.</source>
        <translation>Le fichier des clés %1 est endommagé (%2) ; aucune de ses clés n’est utilisée. Restaurez-le depuis une sauvegarde ou supprimez-le.</translation>
    </message>
    <message>
        <source>A key needs a new, non-empty credential id.</source>
        <translation>Une clé a besoin d’un nouvel identifiant de clé d’accès, non vide.</translation>
    </message>
    <message>
        <source>No key with that id is in the store.</source>
        <translation>Aucune clé portant cet identifiant ne se trouve dans le magasin.</translation>
    </message>
    <message>
        <source>not a Latchkey keys file of version 1</source>
        <translation>ce n’est pas un fichier de clés Latchkey de version 1</translation>
    </message>
    <message>
        <source>an entry without a valid id or sealed key</source>
        <translation>une entrée sans identifiant valide ni clé scellée</translation>
    </message>
    <message>
        <source>entry %1 failed its integrity check</source>
        <translation>l’entrée %1 a échoué à son contrôle d’intégrité</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::EcP256Key</name>
    <message>
        <source>OpenSSL could not %1.</source>
        <translation>OpenSSL n’a pas pu %1.</translation>
    </message>
    <message>
        <source>A stored private key has the wrong length.</source>
        <translation>Une clé privée enregistrée n’a pas la bonne longueur.</translation>
    </message>
    <message>
        <source>generate a P-256 key</source>
        <translation>générer une clé P-256</translation>
    </message>
    <message>
        <source>rebuild a stored P-256 key</source>
        <translation>reconstruire une clé P-256 enregistrée</translation>
    </message>
    <message>
        <source>sign with a P-256 key</source>
        <translation>signer avec une clé P-256</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::EcdsaDer</name>
    <message>
        <source>The TPM&apos;s signature could not be encoded; nothing was signed.</source>
        <translation>La signature du TPM n&apos;a pas pu être encodée ; rien n&apos;a été signé.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::FileSealingKeyProvider</name>
    <message>
        <source>The sealing key file %1 can be read or changed by other users; it is not used. Restrict it to mode 0600 if it is yours.</source>
        <translation>Le fichier de clé de scellement %1 peut être lu ou modifié par d’autres utilisateurs ; il n’est pas utilisé. Limitez-le au mode 0600 s’il vous appartient.</translation>
    </message>
    <message>
        <source>The sealing key file %1 is damaged.</source>
        <translation>Le fichier de clé de scellement %1 est endommagé.</translation>
    </message>
    <message>
        <source>No random bytes for a sealing key.</source>
        <translation>Aucun octet aléatoire disponible pour une clé de scellement.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::KeyFileLock</name>
    <message>
        <source>Another program (%1, process %2 on %3) is changing %4; try again in a moment. If it is no longer running, delete %5.</source>
        <translation>Un autre programme (%1, processus %2 sur %3) est en train de modifier %4 ; réessayez dans un instant. S’il ne tourne plus, supprimez %5.</translation>
    </message>
    <message>
        <source>Could not lock %1 for a change (%2 cannot be created); check the folder&apos;s permissions and free space.</source>
        <translation>Impossible de verrouiller %1 pour une modification (%2 ne peut pas être créé) ; vérifiez les droits du dossier et l’espace libre.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::KeychainSealingKeyProvider</name>
    <message>
        <source>The Secret Service is not available: %1</source>
        <translation>Le Secret Service n’est pas disponible : %1</translation>
    </message>
    <message>
        <source>The keychain refused access to the sealing key: %1</source>
        <translation>Le trousseau a refusé l’accès à la clé de scellement : %1</translation>
    </message>
    <message>
        <source>The sealing key in the keychain is damaged.</source>
        <translation>La clé de scellement du trousseau est endommagée.</translation>
    </message>
    <message>
        <source>No random bytes for a sealing key.</source>
        <translation>Aucun octet aléatoire disponible pour une clé de scellement.</translation>
    </message>
    <message>
        <source>no keychain service runs on the session bus.</source>
        <translation>aucun service de trousseau ne tourne sur le bus de session.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time; it may be waiting to be unlocked. Unlock it and try again.</source>
        <translation>Le trousseau n’a pas répondu à temps ; il attend peut-être d’être déverrouillé. Déverrouillez-le et réessayez.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::LocalAuthenticator</name>
    <message>
        <source>The client data hash must be 32 bytes.</source>
        <translation>L’empreinte des données client doit faire 32 octets.</translation>
    </message>
    <message>
        <source>The relying party has no id.</source>
        <translation>La partie de confiance n’a pas d’identifiant.</translation>
    </message>
    <message>
        <source>The user id must be 1 to 64 bytes.</source>
        <translation>L’identifiant de l’utilisateur doit faire de 1 à 64 octets.</translation>
    </message>
    <message>
        <source>This authenticator only makes ES256 (-7) keys, and the site did not accept them.</source>
        <translation>Cet authentificateur ne crée que des clés ES256 (-7), et le site ne les accepte pas.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La demande a été annulée.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Une autre demande de clé d’accès est en cours.</translation>
    </message>
    <message>
        <source>Create a passkey for %1</source>
        <translation>Créer une clé d’accès pour %1</translation>
    </message>
    <message>
        <source>A passkey for this account is already on this computer.</source>
        <translation>Une clé d’accès pour ce compte se trouve déjà sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No random bytes for a credential id.</source>
        <translation>Aucun octet aléatoire disponible pour l’identifiant d’une clé d’accès.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Se connecter à %1</translation>
    </message>
    <message>
        <source>There is no passkey for %1 on this computer.</source>
        <translation>Il n’y a aucune clé d’accès pour %1 sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No account was chosen.</source>
        <translation>Aucun compte n’a été choisi.</translation>
    </message>
    <message>
        <source>This site asks that this computer verify it is you (with your password, fingerprint or PIN), and no such way is set up here.</source>
        <translation>Ce site demande que cet ordinateur vérifie que c’est bien vous (avec votre mot de passe, votre empreinte ou votre code PIN), et aucun moyen de le faire n’est configuré ici.</translation>
    </message>
    <message>
        <source>This computer could not confirm it is you.</source>
        <translation>Cet ordinateur n’a pas pu confirmer que c’est bien vous.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::Origin</name>
    <message>
        <source>The page has no web origin; passkeys need one.</source>
        <translation>La page n’a pas d’origine web ; les clés d’accès en ont besoin.</translation>
    </message>
    <message>
        <source>The page was opened by IP address (%1); passkeys need a domain name, e.g. http://localhost:&lt;port&gt;.</source>
        <translation>La page a été ouverte par une adresse IP (%1) ; les clés d’accès ont besoin d’un nom de domaine, par exemple http://localhost:&lt;port&gt;.</translation>
    </message>
    <message>
        <source>Plain http is only trusted for localhost; %1 is not a secure context.</source>
        <translation>Le http non chiffré n’est considéré comme fiable que pour localhost ; %1 n’est pas un contexte sécurisé.</translation>
    </message>
    <message>
        <source>Pages from %1: URLs cannot use passkeys.</source>
        <translation>Les pages des URL %1: ne peuvent pas utiliser de clés d’accès.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; is not a domain name.</source>
        <translation>L’identifiant de partie de confiance « %1 » n’est pas un nom de domaine.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; does not belong to the page&apos;s host %2.</source>
        <translation>L’identifiant de partie de confiance « %1 » n’appartient pas à l’hôte %2 de la page.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; is a public suffix (anyone can register names under it); use the site&apos;s own domain, e.g. %2.</source>
        <translation>L’identifiant de partie de confiance « %1 » est un suffixe public (n’importe qui peut y enregistrer des noms) ; utilisez le domaine propre au site, par exemple %2.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PamVerifier</name>
    <message>
        <source>The account this app runs as has no user name, so PAM cannot be asked about it.</source>
        <translation>Le compte sous lequel cette application s’exécute n’a pas de nom d’utilisateur ; PAM ne peut donc pas être interrogé à son sujet.</translation>
    </message>
    <message>
        <source>The PAM service &quot;%1&quot; is not installed (no %2/%1): install packaging/pam/latchkey as /etc/pam.d/latchkey to confirm with your password or fingerprint.</source>
        <translation>Le service PAM « %1 » n’est pas installé (pas de %2/%1) : installez packaging/pam/latchkey en tant que /etc/pam.d/latchkey pour confirmer avec votre mot de passe ou votre empreinte.</translation>
    </message>
    <message>
        <source>PAM could not start</source>
        <translation>PAM n’a pas pu démarrer</translation>
    </message>
    <message>
        <source>Your password or fingerprint was not accepted (%1).</source>
        <translation>Votre mot de passe ou votre empreinte n’a pas été accepté (%1).</translation>
    </message>
    <message>
        <source>PAM could not check who you are (%1).</source>
        <translation>PAM n’a pas pu vérifier qui vous êtes (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PolkitVerifier</name>
    <message>
        <source>The system bus (%1) cannot be reached: %2.</source>
        <translation>Le bus système (%1) est injoignable : %2.</translation>
    </message>
    <message>
        <source>polkit does not run on the system bus (no %1).</source>
        <translation>polkit ne tourne pas sur le bus système (pas de %1).</translation>
    </message>
    <message>
        <source>The polkit action %1 is not installed (no %2): install packaging/polkit/%3 there to confirm with your password in the desktop&apos;s dialog.</source>
        <translation>L’action polkit %1 n’est pas installée (pas de %2) : installez-y packaging/polkit/%3 pour confirmer avec votre mot de passe dans la fenêtre du bureau.</translation>
    </message>
    <message>
        <source>Your desktop asks for your password in its own window.</source>
        <translation>Votre bureau demande votre mot de passe dans sa propre fenêtre.</translation>
    </message>
    <message>
        <source>polkit could not check who you are (%1).</source>
        <translation>polkit n’a pas pu vérifier qui vous êtes (%1).</translation>
    </message>
    <message>
        <source>polkit answered in a form this app does not know.</source>
        <translation>polkit a répondu sous une forme que cette application ne connaît pas.</translation>
    </message>
    <message>
        <source>No polkit authentication agent runs in this session, so nothing can ask for your password; until one runs, passkeys here are confirmed by presence only.</source>
        <translation>Aucun agent d’authentification polkit ne tourne dans cette session, rien ne peut donc demander votre mot de passe ; tant qu’aucun ne tourne, les clés d’accès sont ici confirmées par la seule présence.</translation>
    </message>
    <message>
        <source>The system did not confirm it is you.</source>
        <translation>Le système n’a pas confirmé que c’est bien vous.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PrivateFile</name>
    <message>
        <source>Could not %1 %2: %3</source>
        <translation>L’action « %1 » a échoué pour %2 : %3</translation>
    </message>
    <message>
        <source>open the folder</source>
        <translation>ouvrir le dossier</translation>
    </message>
    <message>
        <source>sync the folder</source>
        <translation>synchroniser le dossier</translation>
    </message>
    <message>
        <source>create the folder</source>
        <translation>créer le dossier</translation>
    </message>
    <message>
        <source>permission denied or no space</source>
        <translation>permission refusée ou espace insuffisant</translation>
    </message>
    <message>
        <source>write</source>
        <translation>écrire</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lire</translation>
    </message>
    <message>
        <source>The folder %1 is not used: %2. Nothing was written. Fix it or choose another folder.</source>
        <translation>Le dossier %1 n’est pas utilisé : %2. Rien n’a été écrit. Corrigez-le ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>inspect the folder</source>
        <translation>examiner le dossier</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>c’est un lien symbolique</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>ce n’est pas un dossier</translation>
    </message>
    <message>
        <source>it belongs to another user</source>
        <translation>il appartient à un autre utilisateur</translation>
    </message>
    <message>
        <source>other users may write to it</source>
        <translation>d’autres utilisateurs peuvent y écrire</translation>
    </message>
    <message>
        <source>restrict the folder</source>
        <translation>restreindre le dossier</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::SealedBox</name>
    <message>
        <source>OpenSSL could not seal a key.</source>
        <translation>OpenSSL n’a pas pu sceller une clé.</translation>
    </message>
    <message>
        <source>A sealed key failed its integrity check: the keys file was changed or belongs to another sealing key.</source>
        <translation>Une clé scellée a échoué à son contrôle d’intégrité : le fichier des clés a été modifié ou appartient à une autre clé de scellement.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::SecureEnclave</name>
    <message>
        <source>create the key</source>
        <translation>créer la clé</translation>
    </message>
    <message>
        <source>find the key</source>
        <translation>trouver la clé</translation>
    </message>
    <message>
        <source>sign with the key</source>
        <translation>signer avec la clé</translation>
    </message>
    <message>
        <source>delete the key</source>
        <translation>supprimer la clé</translation>
    </message>
    <message>
        <source>This copy of Latchkey is not signed with the keychain entitlement that Secure Enclave keys need (error -34018). Install a signed copy of Latchkey.</source>
        <translation>Cette copie de Latchkey n&apos;est pas signée avec le droit d&apos;accès au trousseau dont les clés de la Secure Enclave ont besoin (erreur -34018). Installez une copie signée de Latchkey.</translation>
    </message>
    <message>
        <source>This Mac has no Secure Enclave, so it cannot hold passkeys with Touch ID.</source>
        <translation>Ce Mac n&apos;a pas de Secure Enclave : il ne peut pas conserver de clés d&apos;accès avec Touch ID.</translation>
    </message>
    <message>
        <source>This passkey&apos;s key is no longer in this Mac&apos;s Secure Enclave: the fingerprints changed since it was made, or the keychain was reset. The passkey cannot be used again; sign in another way and create a new one.</source>
        <translation>La clé de cette clé d&apos;accès n&apos;est plus dans la Secure Enclave de ce Mac : les empreintes ont changé depuis sa création, ou le trousseau a été réinitialisé. Cette clé d&apos;accès ne peut plus servir ; connectez-vous autrement et créez-en une nouvelle.</translation>
    </message>
    <message>
        <source>The Mac did not let this passkey sign: it was not confirmed with Touch ID or your password. Try again.</source>
        <translation>Le Mac n&apos;a pas laissé cette clé d&apos;accès signer : elle n&apos;a pas été confirmée avec Touch ID ou votre mot de passe. Réessayez.</translation>
    </message>
    <message>
        <source>A key with this credential id is already in the keychain.</source>
        <translation>Une clé portant cet identifiant d&apos;identifiant est déjà dans le trousseau.</translation>
    </message>
    <message>
        <source>The Secure Enclave could not %1 (error %2).</source>
        <translation>La Secure Enclave n&apos;a pas pu %1 (erreur %2).</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La demande a été annulée.</translation>
    </message>
    <message>
        <source>Touch ID or the password did not recognise you. Try again.</source>
        <translation>Touch ID ou le mot de passe ne vous a pas reconnu. Réessayez.</translation>
    </message>
    <message>
        <source>Enter your Mac&apos;s password instead of Touch ID.</source>
        <translation>Saisissez le mot de passe de votre Mac au lieu de Touch ID.</translation>
    </message>
    <message>
        <source>This Mac has no login password, so it cannot confirm it is you: set one in System Settings, Users &amp; Groups.</source>
        <translation>Ce Mac n&apos;a pas de mot de passe de session : il ne peut pas confirmer que c&apos;est vous. Définissez-en un dans Réglages Système, Utilisateurs et groupes.</translation>
    </message>
    <message>
        <source>Touch ID is not available on this Mac (or is turned off in System Settings).</source>
        <translation>Touch ID n&apos;est pas disponible sur ce Mac (ou est désactivé dans Réglages Système).</translation>
    </message>
    <message>
        <source>No fingerprint is set up for Touch ID: add one in System Settings, Touch ID &amp; Password.</source>
        <translation>Aucune empreinte n&apos;est configurée pour Touch ID : ajoutez-en une dans Réglages Système, Touch ID et mot de passe.</translation>
    </message>
    <message>
        <source>Touch ID is locked after too many attempts: unlock it with your Mac&apos;s password, then try again.</source>
        <translation>Touch ID est verrouillé après trop de tentatives : déverrouillez-le avec le mot de passe de votre Mac, puis réessayez.</translation>
    </message>
    <message>
        <source>This Mac cannot show the Touch ID prompt right now.</source>
        <translation>Ce Mac ne peut pas afficher la demande Touch ID pour le moment.</translation>
    </message>
    <message>
        <source>LocalAuthentication could not confirm it is you (error %1).</source>
        <translation>LocalAuthentication n&apos;a pas pu confirmer que c&apos;est vous (erreur %1).</translation>
    </message>
    <message>
        <source>This passkey can be used with Touch ID only, not with the Mac&apos;s password.</source>
        <translation>Cette clé d&apos;accès ne s&apos;utilise qu&apos;avec Touch ID, pas avec le mot de passe du Mac.</translation>
    </message>
    <message>
        <source>Another Touch ID request is in progress.</source>
        <translation>Une autre demande Touch ID est en cours.</translation>
    </message>
    <message>
        <source>A key needs a non-empty credential id.</source>
        <translation>Une clé a besoin d&apos;un identifiant d&apos;identifiant non vide.</translation>
    </message>
    <message>
        <source>A passkey in the Secure Enclave signs only right after Touch ID or your password confirmed it is you.</source>
        <translation>Une clé d&apos;accès de la Secure Enclave ne signe que juste après que Touch ID ou votre mot de passe a confirmé que c&apos;est vous.</translation>
    </message>
    <message>
        <source>The Secure Enclave answered with a malformed signature.</source>
        <translation>La Secure Enclave a répondu par une signature mal formée.</translation>
    </message>
    <message>
        <source>The Secure Enclave answered with a malformed public key.</source>
        <translation>La Secure Enclave a répondu par une clé publique mal formée.</translation>
    </message>
    <message>
        <source>A Secure Enclave entry names no known key protection.</source>
        <translation>Une entrée de la Secure Enclave ne nomme aucune protection de clé connue.</translation>
    </message>
    <message>
        <source>Confirm it is you to use your passkey.</source>
        <translation>Confirmez que c&apos;est vous pour utiliser votre clé d&apos;accès.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::TpmDevice</name>
    <message>
        <source>a TPM key blob that is not a P-256 signing key</source>
        <translation>un blob de clé TPM qui n&apos;est pas une clé de signature P-256</translation>
    </message>
    <message>
        <source>No TPM 2.0 is at %1. Turn the TPM (or fTPM/PTT) on in the firmware settings, or choose another one with --tpm-tcti.</source>
        <translation>Aucun TPM 2.0 n&apos;est présent sur %1. Activez le TPM (ou fTPM/PTT) dans les réglages du micrologiciel, ou choisissez-en un autre avec --tpm-tcti.</translation>
    </message>
    <message>
        <source>This account may not use the TPM at %1. Add it to the group %2 (sudo usermod -aG %2 $USER), then sign out and in again.</source>
        <translation>Ce compte n&apos;a pas le droit d&apos;utiliser le TPM sur %1. Ajoutez-le au groupe %2 (sudo usermod -aG %2 $USER), puis déconnectez-vous et reconnectez-vous.</translation>
    </message>
    <message>
        <source>read its capabilities</source>
        <translation>lire ses capacités</translation>
    </message>
    <message>
        <source>The TPM could not be reached through %1 (%2). Check the TCTI given with --tpm-tcti or LATCHKEY_TPM_TCTI, and that the TPM (a software TPM: swtpm) is running.</source>
        <translation>Le TPM n&apos;a pas pu être joint par %1 (%2). Vérifiez la TCTI donnée avec --tpm-tcti ou LATCHKEY_TPM_TCTI, et que le TPM (un TPM logiciel : swtpm) fonctionne.</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>se connecter</translation>
    </message>
    <message>
        <source>This TPM does not offer the P-256 curve that passkeys use. Update its firmware, or keep passkeys in the software store (start Latchkey on a computer without this TPM, or choose another one with --tpm-tcti).</source>
        <translation>Ce TPM ne propose pas la courbe P-256 qu&apos;utilisent les clés d&apos;accès. Mettez à jour son micrologiciel, ou gardez les clés d&apos;accès dans le magasin logiciel (lancez Latchkey sur un ordinateur sans ce TPM, ou choisissez-en un autre avec --tpm-tcti).</translation>
    </message>
    <message>
        <source>open its storage root key</source>
        <translation>ouvrir sa clé racine de stockage</translation>
    </message>
    <message>
        <source>The TPM&apos;s owner hierarchy has a password and no storage root key is at 0x81000001. Ask whoever set the password to provision one there (tpm2_createprimary -C o -G ecc -c srk.ctx, then tpm2_evictcontrol -C o -c srk.ctx 0x81000001).</source>
        <translation>La hiérarchie propriétaire du TPM a un mot de passe et aucune clé racine de stockage ne se trouve en 0x81000001. Demandez à qui a défini ce mot de passe d&apos;en créer une à cet endroit (tpm2_createprimary -C o -G ecc -c srk.ctx, puis tpm2_evictcontrol -C o -c srk.ctx 0x81000001).</translation>
    </message>
    <message>
        <source>make its storage root key</source>
        <translation>créer sa clé racine de stockage</translation>
    </message>
    <message>
        <source>create a key</source>
        <translation>créer une clé</translation>
    </message>
    <message>
        <source>load the passkey&apos;s key</source>
        <translation>charger la clé de la clé d’accès</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>signer</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::TpmError</name>
    <message>
        <source>The TPM stopped answering while trying to %1 (%2). Check that it is still there (a software TPM: still running), then try again; nothing was changed.</source>
        <translation>Le TPM a cessé de répondre en essayant de %1 (%2). Vérifiez qu&apos;il est toujours là (un TPM logiciel : toujours en marche), puis réessayez ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The TPM is in its lockout against password guessing and refuses to %1 for now. Wait until the lockout ends, or clear it with the TPM&apos;s lockout password (tpm2_dictionarylockout --clear-lockout); nothing was changed.</source>
        <translation>Le TPM est verrouillé contre la devinette de mots de passe et refuse pour l&apos;instant de %1. Attendez la fin du verrouillage, ou levez-le avec le mot de passe de verrouillage du TPM (tpm2_dictionarylockout --clear-lockout) ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The TPM has no room left to %1 (%2). Close other programs that use the TPM and try again; nothing was changed.</source>
        <translation>Le TPM n&apos;a plus de place pour %1 (%2). Fermez les autres programmes qui utilisent le TPM et réessayez ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The TPM refused to %1: this key was made by another TPM, or this TPM was cleared since (%2). Use another passkey or register a new one; nothing was changed.</source>
        <translation>Le TPM a refusé de %1 : cette clé a été créée par un autre TPM, ou ce TPM a été réinitialisé depuis (%2). Utilisez une autre clé d&apos;accès ou enregistrez-en une nouvelle ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The TPM refused to %1 (%2); nothing was changed.</source>
        <translation>Le TPM a refusé de %1 (%2) ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::WindowsHello</name>
    <message>
        <source>Windows returned a passkey that could not be read (%1).</source>
        <translation>Windows a renvoyé une clé d’accès illisible (%1).</translation>
    </message>
    <message>
        <source>Windows Hello did not complete the request: it was cancelled, timed out, or no passkey was chosen.</source>
        <translation>Windows Hello n’a pas terminé la demande : elle a été annulée, a expiré, ou aucune clé d’accès n’a été choisie.</translation>
    </message>
    <message>
        <source>This profile already has a passkey on this authenticator.</source>
        <translation>Ce profil a déjà une clé d’accès sur cet authentificateur.</translation>
    </message>
    <message>
        <source>Windows Hello cannot make a key of any algorithm the page offered.</source>
        <translation>Windows Hello ne peut créer de clé avec aucun des algorithmes proposés par la page.</translation>
    </message>
    <message>
        <source>The authenticator cannot keep a discoverable passkey or verify you as the page asked.</source>
        <translation>L’authentificateur ne peut pas conserver de clé d’accès détectable ni vous vérifier comme la page le demande.</translation>
    </message>
    <message>
        <source>Windows Hello is not available on this computer.</source>
        <translation>Windows Hello n’est pas disponible sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Windows Hello reported an error.</source>
        <translation>Windows Hello a signalé une erreur.</translation>
    </message>
    <message>
        <source>The Windows Hello request was cancelled.</source>
        <translation>La demande Windows Hello a été annulée.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::FormBody</name>
    <message>
        <source>The form could not be read: it is not valid URL encoding of UTF-8 text. Reload the page and try again.</source>
        <translation>Le formulaire n’a pas pu être lu : ce n’est pas un encodage URL valide de texte UTF-8. Rechargez la page et réessayez.</translation>
    </message>
    <message>
        <source>The form sent the field &quot;%1&quot; more than once.</source>
        <translation>Le formulaire a envoyé le champ « %1 » plusieurs fois.</translation>
    </message>
    <message>
        <source>The request could not be read: it is not valid JSON (%1).</source>
        <translation>La requête n’a pas pu être lue : ce n’est pas du JSON valide (%1).</translation>
    </message>
    <message>
        <source>The request must be a JSON object of text fields.</source>
        <translation>La requête doit être un objet JSON de champs texte.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be text.</source>
        <translation>Le champ « %1 » doit être du texte.</translation>
    </message>
    <message>
        <source>Send the form as application/x-www-form-urlencoded or application/json.</source>
        <translation>Envoyez le formulaire en application/x-www-form-urlencoded ou application/json.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::FreshVerification</name>
    <message>
        <source>To change the passkeys of this profile, first confirm it&apos;s you: choose &quot;Confirm it&apos;s you&quot; on the profile page and use one of its passkeys. Then try again within 5 minutes.</source>
        <translation>Pour modifier les clés d’accès de ce profil, confirmez d’abord votre identité : choisissez « Confirmez votre identité » sur la page du profil et utilisez l’une de ses clés d’accès. Réessayez ensuite dans les 5 minutes.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you first</source>
        <translation>Confirmez d’abord votre identité</translation>
    </message>
</context>
<context>
    <name>latchkey::server::Guards</name>
    <message>
        <source>This address is not served here. Open Latchkey at http://localhost:%1/ instead.</source>
        <translation>Cette adresse n’est pas servie ici. Ouvrez plutôt Latchkey à http://localhost:%1/.</translation>
    </message>
    <message>
        <source>Only the Latchkey app may open these pages. Use the Latchkey window, or the one-time link printed by &quot;latchkey --serve&quot;.</source>
        <translation>Seule l’application Latchkey peut ouvrir ces pages. Utilisez la fenêtre Latchkey, ou le lien à usage unique affiché par « latchkey --serve ».</translation>
    </message>
    <message>
        <source>This form was sent from another site, so it was refused. Submit it again from the Latchkey page.</source>
        <translation>Ce formulaire a été envoyé depuis un autre site, il a donc été refusé. Envoyez-le à nouveau depuis la page Latchkey.</translation>
    </message>
    <message>
        <source>The request is larger than 64 KiB, so it was refused.</source>
        <translation>La requête dépasse 64 Kio, elle a donc été refusée.</translation>
    </message>
    <message>
        <source>Latchkey is busy with other requests. Try again in a moment.</source>
        <translation>Latchkey est occupé par d’autres requêtes. Réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LanguageSection</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of Latchkey&apos;s window and pages, for every profile on this computer. It changes the next time Latchkey starts.</source>
        <translation>La langue de la fenêtre et des pages de Latchkey, pour tous les profils de cet ordinateur. Elle change au prochain démarrage de Latchkey.</translation>
    </message>
    <message>
        <source>Show Latchkey in</source>
        <translation>Afficher Latchkey en</translation>
    </message>
    <message>
        <source>Save language</source>
        <translation>Enregistrer la langue</translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>Choose a language.</source>
        <translation>Choisissez une langue.</translation>
    </message>
    <message>
        <source>Language saved</source>
        <translation>Langue enregistrée</translation>
    </message>
    <message>
        <source>Latchkey will be in %1 from its next start.</source>
        <translation>Latchkey sera en %1 à partir de son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LanguageSetting</name>
    <message>
        <source>Latchkey has no translation into &quot;%1&quot;.</source>
        <translation>Latchkey n’a pas de traduction en « %1 ».</translation>
    </message>
    <message>
        <source>This launch of Latchkey has no settings file, so the language cannot be kept.</source>
        <translation>Ce lancement de Latchkey n’a pas de fichier de réglages : la langue ne peut pas être conservée.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written; check its folder&apos;s permissions and free space.</source>
        <translation>Le fichier de réglages %1 n’a pas pu être écrit ; vérifiez les permissions de son dossier et l’espace libre.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LocalServer</name>
    <message>
        <source>The local server is already listening.</source>
        <translation>Le serveur local écoute déjà.</translation>
    </message>
    <message>
        <source>The launch secret is missing or too short (at least 22 base64url characters), so the local server was not started.</source>
        <translation>Le secret de lancement est absent ou trop court (au moins 22 caractères base64url), le serveur local n’a donc pas été démarré.</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1: %1</source>
        <translation>Impossible d’écouter sur 127.0.0.1 : %1</translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use or not allowed (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation>Le port %1 de localhost est déjà utilisé ou interdit (%2). Choisissez-en un autre avec --port, ou omettez --port pour en utiliser un libre.</translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use on ::1 (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation>Le port %1 de localhost est déjà utilisé sur ::1 (%2). Choisissez-en un autre avec --port, ou omettez --port pour en utiliser un libre.</translation>
    </message>
    <message>
        <source>The path prefix must be &quot;/&quot; and at least 22 base64url characters, so the local server was not started.</source>
        <translation>Le préfixe de chemin doit être « / » suivi d’au moins 22 caractères base64url ; le serveur local n’a donc pas été démarré.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::Pages</name>
    <message>
        <source>Skip to content</source>
        <translation>Aller au contenu</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Navigation principale</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>S’inscrire</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Latchkey home</source>
        <translation>Accueil de Latchkey</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Dismiss notification</source>
        <translation>Fermer la notification</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Heads up</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>Latchkey could not be reached. Check that the app is still running, then try again.</source>
        <translation>Latchkey est injoignable. Vérifiez que l’application fonctionne encore, puis réessayez.</translation>
    </message>
    <message>
        <source>Latchkey runs on this computer only. Nothing leaves it.</source>
        <translation>Latchkey fonctionne uniquement sur cet ordinateur. Rien n’en sort.</translation>
    </message>
    <message>
        <source>Passwordless local profiles</source>
        <translation>Profils locaux sans mot de passe</translation>
    </message>
    <message>
        <source>Sign in to this computer with a passkey</source>
        <translation>Connectez-vous à cet ordinateur avec une clé d’accès</translation>
    </message>
    <message>
        <source>Create a profile</source>
        <translation>Créer un profil</translation>
    </message>
    <message>
        <source>I already have one</source>
        <translation>J’en ai déjà un</translation>
    </message>
    <message>
        <source>No passwords</source>
        <translation>Pas de mot de passe</translation>
    </message>
    <message>
        <source>A passkey replaces the password: there is nothing to type, reuse or phish.</source>
        <translation>Une clé d’accès remplace le mot de passe : rien à taper, à réutiliser ou à hameçonner.</translation>
    </message>
    <message>
        <source>Keys stay here</source>
        <translation>Les clés restent ici</translation>
    </message>
    <message>
        <source>Private keys stay on this computer, sealed, and never leave it.</source>
        <translation>Les clés privées restent scellées sur cet ordinateur et ne le quittent jamais.</translation>
    </message>
    <message>
        <source>Works offline</source>
        <translation>Fonctionne hors ligne</translation>
    </message>
    <message>
        <source>Profiles are stored on this computer. No account, no cloud, no network needed.</source>
        <translation>Les profils sont stockés sur cet ordinateur. Pas de compte, pas de cloud, pas besoin de réseau.</translation>
    </message>
    <message>
        <source>Create your profile</source>
        <translation>Créez votre profil</translation>
    </message>
    <message>
        <source>Tell us who you are. Next you will register a passkey to sign in.</source>
        <translation>Dites-nous qui vous êtes. Ensuite, vous enregistrerez une clé d’accès pour vous connecter.</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Clé d’accès</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Optional. How Latchkey greets you; up to 64 characters. Your username is used when empty.</source>
        <translation>Facultatif. Comment Latchkey vous salue ; jusqu’à 64 caractères. Votre nom d’utilisateur est utilisé s’il est vide.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, dots, underscores or hyphens.</source>
        <translation>De 3 à 32 lettres, chiffres, points, tirets bas ou traits d’union.</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Used to find your profile; never sent anywhere.</source>
        <translation>Sert à retrouver votre profil ; jamais envoyée nulle part.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Créer le profil</translation>
    </message>
    <message>
        <source>Already have a profile?</source>
        <translation>Vous avez déjà un profil ?</translation>
    </message>
    <message>
        <source>Please check the form</source>
        <translation>Veuillez vérifier le formulaire</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Profil créé</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>Bienvenue, %1.</translation>
    </message>
    <message>
        <source>Next: register a passkey</source>
        <translation>Ensuite : enregistrer une clé d’accès</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>Retour à l’accueil</translation>
    </message>
    <message>
        <source>Enter your username or email address, then confirm with your passkey.</source>
        <translation>Saisissez votre nom d’utilisateur ou votre adresse e-mail, puis confirmez avec votre clé d’accès.</translation>
    </message>
    <message>
        <source>Username or email address</source>
        <translation>Nom d’utilisateur ou adresse e-mail</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>New here?</source>
        <translation>Nouveau ici ?</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Clés d’accès</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>Aller à l’accueil</translation>
    </message>
    <message>
        <source>The request could not be read</source>
        <translation>La requête n’a pas pu être lue</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>Accès refusé</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Page introuvable</translation>
    </message>
    <message>
        <source>Not allowed here</source>
        <translation>Non autorisé ici</translation>
    </message>
    <message>
        <source>Already in use</source>
        <translation>Déjà utilisé</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Requête trop volumineuse</translation>
    </message>
    <message>
        <source>Unsupported format</source>
        <translation>Format non pris en charge</translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation>Mauvaise adresse</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Profile not created</source>
        <translation>Profil non créé</translation>
    </message>
    <message>
        <source>Your profile &quot;%1&quot; is saved.</source>
        <translation>Votre profil « %1 » est enregistré.</translation>
    </message>
    <message>
        <source>The form is missing the field(s): %1.</source>
        <translation>Il manque au formulaire le ou les champs : %1.</translation>
    </message>
    <message>
        <source>Some fields need your attention.</source>
        <translation>Certains champs demandent votre attention.</translation>
    </message>
    <message>
        <source>That username or email address is already in use.</source>
        <translation>Ce nom d’utilisateur ou cette adresse e-mail est déjà utilisé.</translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation>Votre profil n’a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Enter your username or email address.</source>
        <translation>Saisissez votre nom d’utilisateur ou votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>There is no page at %1. Check the address or start from the home page.</source>
        <translation>Il n’y a pas de page à %1. Vérifiez l’adresse ou repartez de l’accueil.</translation>
    </message>
    <message>
        <source>%1 is not accepted at %2.</source>
        <translation>%1 n’est pas accepté à %2.</translation>
    </message>
    <message>
        <source>Chromium virtual authenticator</source>
        <translation>Authentificateur virtuel Chromium</translation>
    </message>
    <message>
        <source>Passkey on %1</source>
        <translation>Clé d’accès sur %1</translation>
    </message>
    <message>
        <source>Register a passkey</source>
        <translation>Enregistrer une clé d’accès</translation>
    </message>
    <message>
        <source>Passkeys need this page&apos;s script. Allow JavaScript for Latchkey, or use the Latchkey app.</source>
        <translation>Les clés d’accès ont besoin du script de cette page. Autorisez JavaScript pour Latchkey, ou utilisez l’application Latchkey.</translation>
    </message>
    <message>
        <source>Passkey name (optional)</source>
        <translation>Nom de la clé d’accès (facultatif)</translation>
    </message>
    <message>
        <source>Sign in with a passkey, no username</source>
        <translation>Se connecter avec une clé d’accès, sans nom d’utilisateur</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Changer d’utilisateur</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Profile ID</source>
        <translation>Identifiant du profil</translation>
    </message>
    <message>
        <source>Authenticator</source>
        <translation>Authentificateur</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nouveau nom</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>This is the profile&apos;s only passkey. Without it nobody can sign in to this profile until a new passkey is registered in this session.</source>
        <translation>C’est la seule clé d’accès du profil. Sans elle, personne ne peut se connecter à ce profil tant qu’une nouvelle clé d’accès n’est pas enregistrée dans cette session.</translation>
    </message>
    <message>
        <source>I understand: remove the only passkey of this profile</source>
        <translation>J’ai compris : supprimer la seule clé d’accès de ce profil</translation>
    </message>
    <message>
        <source>Add another passkey</source>
        <translation>Ajouter une autre clé d’accès</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>Supprimer ce profil</translation>
    </message>
    <message>
        <source>Type your username to confirm</source>
        <translation>Saisissez votre nom d’utilisateur pour confirmer</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Your profile is saved, but no session could be started: %1</source>
        <translation>Votre profil est enregistré, mais aucune session n’a pu être ouverte : %1</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Bon retour, %1.</translation>
    </message>
    <message>
        <source>Signing in with a passkey needs this page&apos;s script. Allow JavaScript for Latchkey, or use the Latchkey app.</source>
        <translation>La connexion avec une clé d’accès a besoin du script de cette page. Autorisez JavaScript pour Latchkey, ou utilisez l’application Latchkey.</translation>
    </message>
    <message>
        <source>Script needed</source>
        <translation>Script requis</translation>
    </message>
    <message>
        <source>The profile and its passkey records are deleted, and you are signed out. In Latchkey&apos;s window its passkey is also deleted from this computer&apos;s key store; a passkey kept by a browser, phone or security key may stay there until you remove it. This cannot be undone.</source>
        <translation>Le profil et les données de ses clés d’accès sont supprimés, et vous êtes déconnecté. Dans la fenêtre de Latchkey, sa clé d’accès est aussi supprimée du magasin de clés de cet ordinateur ; une clé d’accès conservée par un navigateur, un téléphone ou une clé de sécurité peut y rester jusqu’à ce que vous la supprimiez. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Busy just now</source>
        <translation>Occupé pour le moment</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code</comment>
        <extracomment>The BCP 47 language code of this translation, for the pages&apos; &lt;html lang&gt;: de, fr, pt-BR.</extracomment>
        <translation>fr</translation>
    </message>
    <message>
        <source>Latchkey gives everyone who uses this computer a profile of their own, unlocked with a passkey kept on this computer. No password to remember, nothing to leak.</source>
        <translation>Latchkey donne à chaque personne qui utilise cet ordinateur un profil à elle, déverrouillé par une clé d’accès gardée sur cet ordinateur. Aucun mot de passe à retenir, rien qui puisse fuiter.</translation>
    </message>
    <message>
        <source>Your profile is saved. Register a passkey now: it is how you sign in. Latchkey asks you to confirm it&apos;s you first.</source>
        <translation>Votre profil est enregistré. Enregistrez maintenant une clé d’accès : c’est ainsi que vous vous connectez. Latchkey vous demande d’abord de confirmer que c’est bien vous.</translation>
    </message>
    <message>
        <source>This computer cannot check who you are</source>
        <translation>Cet ordinateur ne peut pas vérifier qui vous êtes</translation>
    </message>
    <message>
        <source>Latchkey on this computer, software key store</source>
        <translation>Latchkey sur cet ordinateur, magasin de clés logiciel</translation>
    </message>
    <message>
        <source>Latchkey on this computer, key in the TPM</source>
        <translation>Latchkey sur cet ordinateur, clé dans le TPM</translation>
    </message>
    <message>
        <source>Adding or removing a passkey needs one of this profile&apos;s passkeys used in the last 5 minutes.</source>
        <translation>Pour ajouter ou retirer une clé d’accès, l’une des clés d’accès de ce profil doit avoir servi dans les 5 dernières minutes.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Confirmez votre identité</translation>
    </message>
    <message>
        <source>No system sign-in (password or fingerprint) is set up for Latchkey, so a passkey here is confirmed by pressing Confirm alone: anyone at this computer could use it. To confirm with your password or fingerprint, install packaging/pam/latchkey as /etc/pam.d/latchkey and start Latchkey again.</source>
        <translation>Aucune connexion système (mot de passe ou empreinte) n’est configurée pour Latchkey : une clé d’accès est donc confirmée ici par un simple appui sur « Confirmer », et toute personne devant cet ordinateur pourrait l’utiliser. Pour confirmer avec votre mot de passe ou votre empreinte, installez packaging/pam/latchkey en tant que /etc/pam.d/latchkey et redémarrez Latchkey.</translation>
    </message>
    <message>
        <source>Latchkey on this Mac, key in the Secure Enclave</source>
        <translation>Latchkey sur ce Mac, clé dans la Secure Enclave</translation>
    </message>
    <message>
        <source>Register a new passkey</source>
        <translation>Enregistrer une nouvelle clé d’accès</translation>
    </message>
    <message>
        <source>This recovery sign-in allows one thing: registering a new passkey for this profile, and removing the passkeys you lost. It ends when the new passkey is registered, or after 15 minutes.</source>
        <translation>Cette connexion de récupération ne permet qu’une chose : enregistrer une nouvelle clé d’accès pour ce profil et supprimer les clés d’accès perdues. Elle prend fin dès que la nouvelle clé d’accès est enregistrée, ou au bout de 15 minutes.</translation>
    </message>
    <message>
        <source>Passkeys you lost</source>
        <translation>Clés d’accès perdues</translation>
    </message>
    <message>
        <source>Remove each passkey you no longer have, so that nobody who finds the device can sign in with it.</source>
        <translation>Supprimez chaque clé d’accès que vous n’avez plus, pour que personne ne puisse se connecter avec l’appareil s’il le trouve.</translation>
    </message>
    <message>
        <source>This profile has no passkey left.</source>
        <translation>Ce profil n’a plus aucune clé d’accès.</translation>
    </message>
    <message>
        <source>Remove: I lost it</source>
        <translation>Supprimer : je l’ai perdue</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>latchkey::server::PasskeyFlows</name>
    <message>
        <source>Send this request as application/json.</source>
        <translation>Envoyez cette requête en application/json.</translation>
    </message>
    <message>
        <source>The request is not a JSON object. Reload the page and try again.</source>
        <translation>La requête n’est pas un objet JSON. Rechargez la page et réessayez.</translation>
    </message>
    <message>
        <source>A passkey name is 1 to 64 characters, without control characters.</source>
        <translation>Un nom de clé d’accès compte de 1 à 64 caractères, sans caractères de contrôle.</translation>
    </message>
    <message>
        <source>This request was already used, has expired or was never issued to this browser. Start again.</source>
        <translation>Cette demande a déjà servi, a expiré ou n’a jamais été émise pour ce navigateur. Recommencez.</translation>
    </message>
    <message>
        <source>Passkey not registered</source>
        <translation>Clé d’accès non enregistrée</translation>
    </message>
    <message>
        <source>The passkey name must be text.</source>
        <translation>Le nom de la clé d’accès doit être du texte.</translation>
    </message>
    <message>
        <source>This request was issued for another profile. Start again.</source>
        <translation>Cette demande a été émise pour un autre profil. Recommencez.</translation>
    </message>
    <message>
        <source>This passkey is already registered.</source>
        <translation>Cette clé d’accès est déjà enregistrée.</translation>
    </message>
    <message>
        <source>Passkey registered</source>
        <translation>Clé d’accès enregistrée</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now unlocks your profile.</source>
        <translation>« %1 » déverrouille désormais votre profil.</translation>
    </message>
    <message>
        <source>The username or email must be text.</source>
        <translation>Le nom d’utilisateur ou l’adresse e-mail doit être du texte.</translation>
    </message>
    <message>
        <source>A username or email address is at most 254 characters.</source>
        <translation>Un nom d’utilisateur ou une adresse e-mail compte au plus 254 caractères.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>This passkey is not registered with Latchkey. Choose another, or create a profile.</source>
        <translation>Cette clé d’accès n’est pas enregistrée dans Latchkey. Choisissez-en une autre, ou créez un profil.</translation>
    </message>
    <message>
        <source>This passkey belongs to another profile. Choose the passkey of the profile you named.</source>
        <translation>Cette clé d’accès appartient à un autre profil. Choisissez la clé d’accès du profil indiqué.</translation>
    </message>
    <message>
        <source>This passkey&apos;s profile no longer exists.</source>
        <translation>Le profil de cette clé d’accès n’existe plus.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Bon retour, %1.</translation>
    </message>
    <message>
        <source>This browser has no sign-in in progress. Start again.</source>
        <translation>Aucune connexion n’est en cours dans ce navigateur. Recommencez.</translation>
    </message>
    <message>
        <source>There is no profile session in this browser. Create a profile or sign in first.</source>
        <translation>Ce navigateur n’a pas de session de profil. Créez d’abord un profil ou connectez-vous.</translation>
    </message>
    <message>
        <source>Latchkey could not save this: %1</source>
        <translation>Latchkey n’a pas pu enregistrer ceci : %1</translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfileForm</name>
    <message>
        <source>Choose a username.</source>
        <translation>Choisissez un nom d’utilisateur.</translation>
    </message>
    <message>
        <source>A username cannot contain control characters.</source>
        <translation>Un nom d’utilisateur ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>A username has 3 to 32 characters.</source>
        <translation>Un nom d’utilisateur compte de 3 à 32 caractères.</translation>
    </message>
    <message>
        <source>Use only letters, digits, dots (.), underscores (_) and hyphens (-) in a username.</source>
        <translation>N’utilisez que des lettres, chiffres, points (.), tirets bas (_) et traits d’union (-) dans un nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Saisissez votre adresse e-mail.</translation>
    </message>
    <message>
        <source>An email address cannot contain control characters.</source>
        <translation>Une adresse e-mail ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>An email address has at most 254 characters.</source>
        <translation>Une adresse e-mail compte au plus 254 caractères.</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation>Saisissez une adresse e-mail comme nom@example.com.</translation>
    </message>
    <message>
        <source>A display name cannot contain control characters.</source>
        <translation>Un nom affiché ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>A display name has at most 64 characters.</source>
        <translation>Un nom affiché compte au plus 64 caractères.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfilePages</name>
    <message>
        <source>Your profile</source>
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>Register a passkey</source>
        <translation>Enregistrer une clé d’accès</translation>
    </message>
    <message>
        <source>Register a passkey for this profile first.</source>
        <translation>Enregistrez d’abord une clé d’accès pour ce profil.</translation>
    </message>
    <message>
        <source>You are not signed in (or your session ended). Sign in again.</source>
        <translation>Vous n’êtes pas connecté (ou votre session a pris fin). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The passkey to change is missing or not base64url.</source>
        <translation>La clé d’accès à modifier est absente ou n’est pas en base64url.</translation>
    </message>
    <message>
        <source>This profile has no such passkey. Reload the page.</source>
        <translation>Ce profil n’a pas cette clé d’accès. Rechargez la page.</translation>
    </message>
    <message>
        <source>Passkey not renamed</source>
        <translation>Clé d’accès non renommée</translation>
    </message>
    <message>
        <source>Passkey renamed</source>
        <translation>Clé d’accès renommée</translation>
    </message>
    <message>
        <source>The passkey is now called &quot;%1&quot;.</source>
        <translation>La clé d’accès s’appelle désormais « %1 ».</translation>
    </message>
    <message>
        <source>This is your profile&apos;s only passkey: without it nobody can sign in to the profile. Tick the confirmation to remove it anyway.</source>
        <translation>C’est la seule clé d’accès de votre profil : sans elle, personne ne peut se connecter au profil. Cochez la confirmation pour la supprimer quand même.</translation>
    </message>
    <message>
        <source>Passkey not removed</source>
        <translation>Clé d’accès non supprimée</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer unlocks this profile.</source>
        <translation>« %1 » ne déverrouille plus ce profil.</translation>
    </message>
    <message>
        <source>Passkey removed</source>
        <translation>Clé d’accès supprimée</translation>
    </message>
    <message>
        <source>Profile not deleted</source>
        <translation>Profil non supprimé</translation>
    </message>
    <message>
        <source>Type your username to confirm that the profile and all its passkeys are deleted.</source>
        <translation>Saisissez votre nom d’utilisateur pour confirmer la suppression du profil et de toutes ses clés d’accès.</translation>
    </message>
    <message>
        <source>Profile deleted</source>
        <translation>Profil supprimé</translation>
    </message>
    <message>
        <source>You were not signed in.</source>
        <translation>Vous n’étiez pas connecté.</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Your session has ended on this computer.</source>
        <translation>Votre session sur cet ordinateur est terminée.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is deleted and its passkeys no longer sign in here. Latchkey&apos;s window also deleted its passkey from this computer&apos;s key store; a passkey kept by a browser, phone or security key may stay there until you remove it.</source>
        <translation>Le profil « %1 » est supprimé et ses clés d’accès ne permettent plus de se connecter ici. La fenêtre de Latchkey a aussi supprimé sa clé d’accès du magasin de clés de cet ordinateur ; une clé d’accès conservée par un navigateur, un téléphone ou une clé de sécurité peut y rester jusqu’à ce que vous la supprimiez.</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Clé d’accès</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Backed up (synced)</source>
        <translation>Sauvegardée (synchronisée)</translation>
    </message>
    <message>
        <source>Can be backed up, not yet</source>
        <translation>Sauvegardable, pas encore sauvegardée</translation>
    </message>
    <message>
        <source>Only on this device</source>
        <translation>Uniquement sur cet appareil</translation>
    </message>
    <message>
        <source>You signed in to the profile &quot;%1&quot; without a passkey.</source>
        <translation>Vous vous êtes connecté au profil « %1 » sans clé d’accès.</translation>
    </message>
    <message>
        <source>Register a new passkey</source>
        <translation>Enregistrer une nouvelle clé d’accès</translation>
    </message>
    <message>
        <source>This recovery sign-in only lets you register a new passkey and remove the ones you lost. Register a new passkey first; then sign in with it to change anything else.</source>
        <translation>Cette connexion de récupération permet seulement d’enregistrer une nouvelle clé d’accès et de supprimer celles que vous avez perdues. Enregistrez d’abord une nouvelle clé d’accès, puis connectez-vous avec elle pour modifier autre chose.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::RecoverySignIn</name>
    <message>
        <source>Recovery sign-in</source>
        <translation>Connexion de récupération</translation>
    </message>
    <message>
        <source>Register a new passkey for %1 now: this sign-in allows only that, and only for 15 minutes.</source>
        <translation>Enregistrez maintenant une nouvelle clé d’accès pour %1 : cette connexion ne permet que cela, et seulement pendant 15 minutes.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::RequestHandler</name>
    <message>
        <source>This one-time link has been used already, is older than two minutes, or is not valid. Restart &quot;latchkey --serve&quot; for a new one.</source>
        <translation>Ce lien à usage unique a déjà servi, date de plus de deux minutes ou n’est pas valide. Relancez « latchkey --serve » pour en obtenir un nouveau.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::SettingsPage</name>
    <message>
        <source>Language not saved</source>
        <translation>Langue non enregistrée</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>latchkey::server::StoreFailure</name>
    <message>
        <source>Latchkey&apos;s profile database is busy: another program is using it. Nothing was changed. Try again in a moment.</source>
        <translation>La base de données des profils de Latchkey est occupée : un autre programme l’utilise. Rien n’a été modifié. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Latchkey could not read its profiles just now. Nothing was changed. Try again.</source>
        <translation>Latchkey n’a pas pu lire ses profils pour le moment. Rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <source>The disk that holds Latchkey&apos;s profiles is full, so this was not saved. Nothing was changed. Free some space on it, then try again.</source>
        <translation>Le disque qui contient les profils de Latchkey est plein : rien n’a été enregistré ni modifié. Libérez de la place sur ce disque, puis réessayez.</translation>
    </message>
    <message>
        <source>Latchkey&apos;s data folder cannot be written any more (it is read-only), so this was not saved. Nothing was changed. Make the folder writable, then try again.</source>
        <translation>Le dossier de données de Latchkey n’est plus accessible en écriture (il est en lecture seule) : rien n’a été enregistré ni modifié. Rendez le dossier accessible en écriture, puis réessayez.</translation>
    </message>
    <message>
        <source>Latchkey&apos;s profile database is damaged. Nothing was changed, and Latchkey leaves the file as it is. Restore it from a backup; its path is in Latchkey&apos;s log.</source>
        <translation>La base de données des profils de Latchkey est endommagée. Rien n’a été modifié, et Latchkey laisse le fichier tel quel. Restaurez-le depuis une sauvegarde ; son chemin figure dans le journal de Latchkey.</translation>
    </message>
</context>
</TS>
