<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccountChooser</name>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>Profile %1 of %2: Up and Down choose another, Enter confirms.</source>
        <translation>Perfil %1 de %2: las flechas arriba y abajo eligen otro, Intro confirma.</translation>
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
        <translation>La página se detuvo de forma inesperada (código de salida %1).</translation>
    </message>
    <message>
        <source>Loading the page</source>
        <translation>Cargando la página</translation>
    </message>
</context>
<context>
    <name>StatusPane</name>
    <message>
        <source>Latchkey cannot show its pages</source>
        <translation>Latchkey no puede mostrar sus páginas</translation>
    </message>
    <message>
        <source>Opening Latchkey…</source>
        <translation>Abriendo Latchkey…</translation>
    </message>
    <message>
        <source>%1
The page did not load. Try again; if it keeps failing, restart Latchkey.</source>
        <translation>%1
La página no se cargó. Vuelve a intentarlo; si sigue fallando, reinicia Latchkey.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>UserVerificationPrompt</name>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Confirma que eres tú</translation>
    </message>
    <message>
        <source>Profile: %1 (%2)</source>
        <translation>Perfil: %1 (%2)</translation>
    </message>
    <message>
        <source>Choose the profile to sign in with:</source>
        <translation>Elige el perfil con el que iniciar sesión:</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Sitio: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>No passkey here</source>
        <translation>No hay ninguna llave de acceso aquí</translation>
    </message>
    <message>
        <source>There is no passkey for %1 on this computer.</source>
        <translation>No hay ninguna llave de acceso para %1 en este equipo.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This computer&apos;s own sign-in (your password or fingerprint) confirms it&apos;s you.</source>
        <translation>El inicio de sesión propio de este equipo (tu contraseña o tu huella) confirma que eres tú.</translation>
    </message>
    <message>
        <source>Confirm shows you are here; it does not check who you are.</source>
        <translation>«Confirmar» muestra que estás aquí; no comprueba quién eres.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts: you can try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados intentos fallidos: podrás volver a intentarlo dentro de %n segundo.</numerusform>
            <numerusform>Demasiados intentos fallidos: podrás volver a intentarlo dentro de %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closes this prompt: no passkey is created or used.</source>
        <translation>Cierra este aviso: no se crea ni se usa ninguna llave de acceso.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::AppWindow</name>
    <message>
        <source>The window could not be created (%1).</source>
        <translation>No se pudo crear la ventana (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::app::AuthenticatorSetup</name>
    <message>
        <source>This computer&apos;s passkeys could not be opened (%1).</source>
        <translation>No se pudieron abrir las llaves de acceso de este equipo (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::app::Backend</name>
    <message>
        <source>Cannot open the profile database: %1</source>
        <translation>No se puede abrir la base de datos de perfiles: %1</translation>
    </message>
    <message>
        <source>Cannot serve the pages on localhost: %1</source>
        <translation>No se pueden servir las páginas en localhost: %1</translation>
    </message>
    <message>
        <source>The passkeys in %1 could not be checked against the profiles: %2</source>
        <translation>No se pudieron comprobar las llaves de acceso de %1 con los perfiles: %2</translation>
    </message>
</context>
<context>
    <name>latchkey::app::CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Muestra esta ayuda y sale.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Muestra la versión y sale.</translation>
    </message>
    <message>
        <source>Keep profiles in DIR instead of the default data folder.</source>
        <translation>Guarda los perfiles en DIR en lugar de en la carpeta de datos predeterminada.</translation>
    </message>
    <message>
        <source>Serve the pages on port N of localhost (default: any free port).</source>
        <translation>Sirve las páginas en el puerto N de localhost (predeterminado: cualquier puerto libre).</translation>
    </message>
    <message>
        <source>Open no window: print a one-time URL for an ordinary browser and serve until interrupted.</source>
        <translation>No abre ninguna ventana: imprime una URL de un solo uso para un navegador normal y sirve las páginas hasta que se interrumpa.</translation>
    </message>
    <message>
        <source>Passwordless local profiles with passkeys.</source>
        <translation>Perfiles locales sin contraseña, con llaves de acceso.</translation>
    </message>
    <message>
        <source>Run &apos;latchkey --help&apos; for usage.</source>
        <translation>Ejecuta «latchkey --help» para ver cómo se usa.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a folder name.</source>
        <translation>--data-dir necesita el nombre de una carpeta.</translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>--port debe ser un número entero de 0 a 65535, no «%1».</translation>
    </message>
    <message>
        <source>Keep new passkeys in the TPM reached through the tpm2-tss TCTI CONF, e.g. swtpm:host=127.0.0.1,port=2321 (default: LATCHKEY_TPM_TCTI, else /dev/tpmrm0 when usable, else the software key store).</source>
        <translation>Guarda las nuevas llaves de acceso en el TPM al que se llega mediante la TCTI CONF de tpm2-tss, p. ej. swtpm:host=127.0.0.1,port=2321 (predeterminado: LATCHKEY_TPM_TCTI; si no, /dev/tpmrm0 cuando se pueda usar; si no, el almacén de claves por software).</translation>
    </message>
    <message>
        <source>Print this computer&apos;s key stores and user verifiers as JSON and exit.</source>
        <translation>Imprime en JSON los almacenes de claves y los verificadores de usuario de este equipo y sale.</translation>
    </message>
    <message>
        <source>With --authenticators: create, use and delete a test key in each available key store (in a temporary folder); exit with 1 if any step fails.</source>
        <translation>Con --authenticators: crea, usa y elimina una clave de prueba en cada almacén de claves disponible (en una carpeta temporal); sale con 1 si falla algún paso.</translation>
    </message>
    <message>
        <source>--self-test goes with --authenticators.</source>
        <translation>--self-test va con --authenticators.</translation>
    </message>
    <message>
        <source>--tpm-tcti needs a TCTI configuration, e.g. swtpm:host=127.0.0.1,port=2321.</source>
        <translation>--tpm-tcti necesita una configuración TCTI, p. ej. swtpm:host=127.0.0.1,port=2321.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::DataFolder</name>
    <message>
        <source>This system has no folder for application data; choose one with --data-dir DIR.</source>
        <translation>Este sistema no tiene ninguna carpeta para datos de aplicaciones; elige una con --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder; choose another with --data-dir DIR.</source>
        <translation>La carpeta de datos %1 es un archivo, no una carpeta; elige otra con --data-dir DIR.</translation>
    </message>
    <message>
        <source>The data folder %1 is not writable; fix its permissions or choose another with --data-dir DIR.</source>
        <translation>No se puede escribir en la carpeta de datos %1; corrige sus permisos o elige otra con --data-dir DIR.</translation>
    </message>
    <message>
        <source>%1 To keep the profiles elsewhere, use --data-dir DIR.</source>
        <translation>%1 Para guardar los perfiles en otro lugar, usa --data-dir DIR.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::Launch</name>
    <message>
        <source>Latchkey is serving %1 (profiles in %2).
Open the link above once in a browser: it signs that browser in and works only once.
Press Ctrl+C to stop.</source>
        <translation>Latchkey está sirviendo %1 (perfiles en %2).
Abre el enlace de arriba una vez en un navegador: inicia sesión en ese navegador y solo funciona una vez.
Pulsa Ctrl+C para detenerlo.</translation>
    </message>
</context>
<context>
    <name>latchkey::app::WebAuthnBridge</name>
    <message>
        <source>Passkeys are only available to Latchkey&apos;s own pages.</source>
        <translation>Las llaves de acceso solo están disponibles para las páginas propias de Latchkey.</translation>
    </message>
    <message>
        <source>The passkey options are not a JSON object.</source>
        <translation>Las opciones de la llave de acceso no son un objeto JSON.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Ya hay otra solicitud de llave de acceso en curso.</translation>
    </message>
    <message>
        <source>The passkey client script is missing from this build.</source>
        <translation>A esta compilación le falta el script cliente de llaves de acceso.</translation>
    </message>
    <message>
        <source>The passkey client script could not be installed in the window.</source>
        <translation>No se pudo instalar en la ventana el script cliente de llaves de acceso.</translation>
    </message>
    <message>
        <source>The signal&apos;s options are not a JSON object.</source>
        <translation>Las opciones de la señal no son un objeto JSON.</translation>
    </message>
    <message>
        <source>There is no passkey signal called &quot;%1&quot;.</source>
        <translation>No existe ninguna señal de llave de acceso llamada «%1».</translation>
    </message>
    <message>
        <source>%1 must be an ArrayBuffer or a typed array.</source>
        <translation>%1 debe ser un ArrayBuffer o un array tipado.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>The passkey request failed.</source>
        <translation>La solicitud de llave de acceso falló.</translation>
    </message>
    <message>
        <source>The app sent an unreadable answer.</source>
        <translation>La aplicación envió una respuesta ilegible.</translation>
    </message>
    <message>
        <source>Passkeys are not available in this window.</source>
        <translation>Las llaves de acceso no están disponibles en esta ventana.</translation>
    </message>
    <message>
        <source>Passkeys are not available inside a frame.</source>
        <translation>Las llaves de acceso no están disponibles dentro de un marco.</translation>
    </message>
    <message>
        <source>The page changed while the passkey request was open.</source>
        <translation>La página cambió mientras la solicitud de llave de acceso estaba abierta.</translation>
    </message>
    <message>
        <source>The app&apos;s passkey service did not answer.</source>
        <translation>El servicio de llaves de acceso de la aplicación no respondió.</translation>
    </message>
    <message>
        <source>The operation was aborted.</source>
        <translation>Se anuló la operación.</translation>
    </message>
    <message>
        <source>Only public key credentials are supported here.</source>
        <translation>Aquí solo se admiten credenciales de clave pública.</translation>
    </message>
    <message>
        <source>Conditional mediation is not available.</source>
        <translation>La mediación condicional no está disponible.</translation>
    </message>
    <message>
        <source>The signal needs an options object.</source>
        <translation>La señal necesita un objeto de opciones.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::Client</name>
    <message>
        <source>None of the page&apos;s public key algorithms is supported; this authenticator makes ES256 (-7) keys.</source>
        <translation>No se admite ninguno de los algoritmos de clave pública de la página; este autenticador crea claves ES256 (-7).</translation>
    </message>
    <message>
        <source>%1 is required and must be a base64url string.</source>
        <translation>%1 es obligatorio y debe ser una cadena base64url.</translation>
    </message>
    <message>
        <source>%1 is not base64url.</source>
        <translation>%1 no es base64url.</translation>
    </message>
    <message>
        <source>rpId is required and must be a string.</source>
        <translation>rpId es obligatorio y debe ser una cadena.</translation>
    </message>
    <message>
        <source>%1 is required and must be a list.</source>
        <translation>%1 es obligatorio y debe ser una lista.</translation>
    </message>
    <message>
        <source>%1 holds an entry that is not base64url.</source>
        <translation>%1 contiene una entrada que no es base64url.</translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation>Se agotó el tiempo de espera de la solicitud.</translation>
    </message>
    <message>
        <source>The request was aborted.</source>
        <translation>Se anuló la solicitud.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Ya hay otra solicitud de llave de acceso en curso.</translation>
    </message>
    <message>
        <source>The page asked for a security key; only this computer&apos;s own authenticator is available.</source>
        <translation>La página pidió una llave de seguridad; solo está disponible el autenticador propio de este equipo.</translation>
    </message>
    <message>
        <source>name and displayName are required strings.</source>
        <translation>name y displayName son cadenas obligatorias.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::ClientOptions</name>
    <message>
        <source>%1.%2 must be a string.</source>
        <translation>%1.%2 debe ser una cadena.</translation>
    </message>
    <message>
        <source>%1 must be a base64url string.</source>
        <translation>%1 debe ser una cadena base64url.</translation>
    </message>
    <message>
        <source>%1 is not valid base64url.</source>
        <translation>%1 no es base64url válido.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 debe ser un array.</translation>
    </message>
    <message>
        <source>pubKeyCredParams must be an array.</source>
        <translation>pubKeyCredParams debe ser un array.</translation>
    </message>
    <message>
        <source>pubKeyCredParams[].alg must be a number.</source>
        <translation>pubKeyCredParams[].alg debe ser un número.</translation>
    </message>
    <message>
        <source>user must be an object.</source>
        <translation>user debe ser un objeto.</translation>
    </message>
    <message>
        <source>user.id must be 1 to 64 bytes.</source>
        <translation>user.id debe tener de 1 a 64 bytes.</translation>
    </message>
    <message>
        <source>challenge must not be empty.</source>
        <translation>challenge no puede estar vacío.</translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 debe ser una cadena.</translation>
    </message>
    <message>
        <source>timeout must be a number.</source>
        <translation>timeout debe ser un número.</translation>
    </message>
    <message>
        <source>rp must be an object.</source>
        <translation>rp debe ser un objeto.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::CredentialFileStore</name>
    <message>
        <source>The keys file %1 is damaged (%2); no key from it is used. Restore it from a backup or remove it.</source>
        <translation>El archivo de claves %1 está dañado (%2); no se usa ninguna de sus claves. Restáuralo desde una copia de seguridad o elimínalo.</translation>
    </message>
    <message>
        <source>A key needs a new, non-empty credential id.</source>
        <translation>Una clave necesita un identificador de credencial nuevo y no vacío.</translation>
    </message>
    <message>
        <source>No key with that id is in the store.</source>
        <translation>No hay ninguna clave con ese identificador en el almacén.</translation>
    </message>
    <message>
        <source>not a Latchkey keys file of version 1</source>
        <translation>no es un archivo de claves de Latchkey de la versión 1</translation>
    </message>
    <message>
        <source>an entry without a valid id or sealed key</source>
        <translation>una entrada sin identificador válido o sin clave sellada</translation>
    </message>
    <message>
        <source>entry %1 failed its integrity check</source>
        <translation>la entrada %1 no superó la comprobación de integridad</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::EcP256Key</name>
    <message>
        <source>OpenSSL could not %1.</source>
        <translation>OpenSSL no pudo %1.</translation>
    </message>
    <message>
        <source>A stored private key has the wrong length.</source>
        <translation>Una clave privada guardada tiene una longitud incorrecta.</translation>
    </message>
    <message>
        <source>generate a P-256 key</source>
        <translation>generar una clave P-256</translation>
    </message>
    <message>
        <source>rebuild a stored P-256 key</source>
        <translation>reconstruir una clave P-256 guardada</translation>
    </message>
    <message>
        <source>sign with a P-256 key</source>
        <translation>firmar con una clave P-256</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::EcdsaDer</name>
    <message>
        <source>The TPM&apos;s signature could not be encoded; nothing was signed.</source>
        <translation>No se pudo codificar la firma del TPM; no se firmó nada.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::FileSealingKeyProvider</name>
    <message>
        <source>The sealing key file %1 can be read or changed by other users; it is not used. Restrict it to mode 0600 if it is yours.</source>
        <translation>Otros usuarios pueden leer o modificar el archivo de la clave de sellado %1, así que no se usa. Restríngelo al modo 0600 si es tuyo.</translation>
    </message>
    <message>
        <source>The sealing key file %1 is damaged.</source>
        <translation>El archivo de la clave de sellado %1 está dañado.</translation>
    </message>
    <message>
        <source>No random bytes for a sealing key.</source>
        <translation>No hay bytes aleatorios para una clave de sellado.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::KeyFileLock</name>
    <message>
        <source>Another program (%1, process %2 on %3) is changing %4; try again in a moment. If it is no longer running, delete %5.</source>
        <translation>Otro programa (%1, proceso %2 en %3) está modificando %4; vuelve a intentarlo en un momento. Si ya no se está ejecutando, elimina %5.</translation>
    </message>
    <message>
        <source>Could not lock %1 for a change (%2 cannot be created); check the folder&apos;s permissions and free space.</source>
        <translation>No se pudo bloquear %1 para modificarlo (no se puede crear %2); comprueba los permisos de la carpeta y el espacio libre.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::KeychainSealingKeyProvider</name>
    <message>
        <source>The Secret Service is not available: %1</source>
        <translation>El Secret Service no está disponible: %1</translation>
    </message>
    <message>
        <source>The keychain refused access to the sealing key: %1</source>
        <translation>El llavero denegó el acceso a la clave de sellado: %1</translation>
    </message>
    <message>
        <source>The sealing key in the keychain is damaged.</source>
        <translation>La clave de sellado del llavero está dañada.</translation>
    </message>
    <message>
        <source>No random bytes for a sealing key.</source>
        <translation>No hay bytes aleatorios para una clave de sellado.</translation>
    </message>
    <message>
        <source>no keychain service runs on the session bus.</source>
        <translation>no se ejecuta ningún servicio de llavero en el bus de sesión.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time; it may be waiting to be unlocked. Unlock it and try again.</source>
        <translation>El llavero no respondió a tiempo; puede que esté esperando a que lo desbloquees. Desbloquéalo y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::LocalAuthenticator</name>
    <message>
        <source>The client data hash must be 32 bytes.</source>
        <translation>El hash de los datos del cliente debe tener 32 bytes.</translation>
    </message>
    <message>
        <source>The relying party has no id.</source>
        <translation>La parte de confianza no tiene identificador.</translation>
    </message>
    <message>
        <source>The user id must be 1 to 64 bytes.</source>
        <translation>El identificador de usuario debe tener de 1 a 64 bytes.</translation>
    </message>
    <message>
        <source>This authenticator only makes ES256 (-7) keys, and the site did not accept them.</source>
        <translation>Este autenticador solo crea claves ES256 (-7) y el sitio no las aceptó.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Another passkey request is in progress.</source>
        <translation>Ya hay otra solicitud de llave de acceso en curso.</translation>
    </message>
    <message>
        <source>Create a passkey for %1</source>
        <translation>Crear una llave de acceso para %1</translation>
    </message>
    <message>
        <source>A passkey for this account is already on this computer.</source>
        <translation>Ya hay una llave de acceso para esta cuenta en este equipo.</translation>
    </message>
    <message>
        <source>No random bytes for a credential id.</source>
        <translation>No hay bytes aleatorios para un identificador de credencial.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
    <message>
        <source>There is no passkey for %1 on this computer.</source>
        <translation>No hay ninguna llave de acceso para %1 en este equipo.</translation>
    </message>
    <message>
        <source>No account was chosen.</source>
        <translation>No se eligió ninguna cuenta.</translation>
    </message>
    <message>
        <source>This site asks that this computer verify it is you (with your password, fingerprint or PIN), and no such way is set up here.</source>
        <translation>Este sitio pide que este equipo verifique que eres tú (con tu contraseña, tu huella o tu PIN), y aquí no hay configurada ninguna forma de hacerlo.</translation>
    </message>
    <message>
        <source>This computer could not confirm it is you.</source>
        <translation>Este equipo no pudo confirmar que eres tú.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::Origin</name>
    <message>
        <source>The page has no web origin; passkeys need one.</source>
        <translation>La página no tiene origen web; las llaves de acceso lo necesitan.</translation>
    </message>
    <message>
        <source>The page was opened by IP address (%1); passkeys need a domain name, e.g. http://localhost:&lt;port&gt;.</source>
        <translation>La página se abrió por dirección IP (%1); las llaves de acceso necesitan un nombre de dominio, p. ej. http://localhost:&lt;puerto&gt;.</translation>
    </message>
    <message>
        <source>Plain http is only trusted for localhost; %1 is not a secure context.</source>
        <translation>Solo se confía en http sin cifrar para localhost; %1 no es un contexto seguro.</translation>
    </message>
    <message>
        <source>Pages from %1: URLs cannot use passkeys.</source>
        <translation>Las páginas con URL %1: no pueden usar llaves de acceso.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; is not a domain name.</source>
        <translation>El identificador de la parte de confianza «%1» no es un nombre de dominio.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; does not belong to the page&apos;s host %2.</source>
        <translation>El identificador de la parte de confianza «%1» no pertenece al host %2 de la página.</translation>
    </message>
    <message>
        <source>The relying party id &quot;%1&quot; is a public suffix (anyone can register names under it); use the site&apos;s own domain, e.g. %2.</source>
        <translation>El identificador de la parte de confianza «%1» es un sufijo público (cualquiera puede registrar nombres bajo él); usa el dominio propio del sitio, p. ej. %2.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PamVerifier</name>
    <message>
        <source>The account this app runs as has no user name, so PAM cannot be asked about it.</source>
        <translation>La cuenta con la que se ejecuta esta aplicación no tiene nombre de usuario, así que no se puede consultar a PAM sobre ella.</translation>
    </message>
    <message>
        <source>The PAM service &quot;%1&quot; is not installed (no %2/%1): install packaging/pam/latchkey as /etc/pam.d/latchkey to confirm with your password or fingerprint.</source>
        <translation>El servicio PAM «%1» no está instalado (no existe %2/%1): instala packaging/pam/latchkey como /etc/pam.d/latchkey para confirmar con tu contraseña o tu huella.</translation>
    </message>
    <message>
        <source>PAM could not start</source>
        <translation>PAM no pudo iniciarse</translation>
    </message>
    <message>
        <source>Your password or fingerprint was not accepted (%1).</source>
        <translation>No se aceptó tu contraseña o tu huella (%1).</translation>
    </message>
    <message>
        <source>PAM could not check who you are (%1).</source>
        <translation>PAM no pudo comprobar quién eres (%1).</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PolkitVerifier</name>
    <message>
        <source>The system bus (%1) cannot be reached: %2.</source>
        <translation>No se puede acceder al bus del sistema (%1): %2.</translation>
    </message>
    <message>
        <source>polkit does not run on the system bus (no %1).</source>
        <translation>polkit no se ejecuta en el bus del sistema (no existe %1).</translation>
    </message>
    <message>
        <source>The polkit action %1 is not installed (no %2): install packaging/polkit/%3 there to confirm with your password in the desktop&apos;s dialog.</source>
        <translation>La acción de polkit %1 no está instalada (no existe %2): instala ahí packaging/polkit/%3 para confirmar con tu contraseña en el cuadro de diálogo del escritorio.</translation>
    </message>
    <message>
        <source>Your desktop asks for your password in its own window.</source>
        <translation>Tu escritorio te pide la contraseña en su propia ventana.</translation>
    </message>
    <message>
        <source>polkit could not check who you are (%1).</source>
        <translation>polkit no pudo comprobar quién eres (%1).</translation>
    </message>
    <message>
        <source>polkit answered in a form this app does not know.</source>
        <translation>polkit respondió de una forma que esta aplicación no conoce.</translation>
    </message>
    <message>
        <source>No polkit authentication agent runs in this session, so nothing can ask for your password; until one runs, passkeys here are confirmed by presence only.</source>
        <translation>No se ejecuta ningún agente de autenticación de polkit en esta sesión, así que nada puede pedirte la contraseña; hasta que se ejecute uno, las llaves de acceso se confirman aquí solo con tu presencia.</translation>
    </message>
    <message>
        <source>The system did not confirm it is you.</source>
        <translation>El sistema no confirmó que eres tú.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::PrivateFile</name>
    <message>
        <source>Could not %1 %2: %3</source>
        <translation>No se pudo %1 %2: %3</translation>
    </message>
    <message>
        <source>open the folder</source>
        <translation>abrir la carpeta</translation>
    </message>
    <message>
        <source>sync the folder</source>
        <translation>sincronizar la carpeta</translation>
    </message>
    <message>
        <source>create the folder</source>
        <translation>crear la carpeta</translation>
    </message>
    <message>
        <source>permission denied or no space</source>
        <translation>permiso denegado o sin espacio</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escribir</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>The folder %1 is not used: %2. Nothing was written. Fix it or choose another folder.</source>
        <translation>No se usa la carpeta %1: %2. No se escribió nada. Corrígela o elige otra carpeta.</translation>
    </message>
    <message>
        <source>inspect the folder</source>
        <translation>examinar la carpeta</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>es un enlace simbólico</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>no es una carpeta</translation>
    </message>
    <message>
        <source>it belongs to another user</source>
        <translation>pertenece a otro usuario</translation>
    </message>
    <message>
        <source>other users may write to it</source>
        <translation>otros usuarios pueden escribir en ella</translation>
    </message>
    <message>
        <source>restrict the folder</source>
        <translation>restringir la carpeta</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::SealedBox</name>
    <message>
        <source>OpenSSL could not seal a key.</source>
        <translation>OpenSSL no pudo sellar una clave.</translation>
    </message>
    <message>
        <source>A sealed key failed its integrity check: the keys file was changed or belongs to another sealing key.</source>
        <translation>Una clave sellada no superó la comprobación de integridad: el archivo de claves se modificó o pertenece a otra clave de sellado.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::SecureEnclave</name>
    <message>
        <source>create the key</source>
        <translation>crear la clave</translation>
    </message>
    <message>
        <source>find the key</source>
        <translation>encontrar la clave</translation>
    </message>
    <message>
        <source>sign with the key</source>
        <translation>firmar con la clave</translation>
    </message>
    <message>
        <source>delete the key</source>
        <translation>eliminar la clave</translation>
    </message>
    <message>
        <source>This copy of Latchkey is not signed with the keychain entitlement that Secure Enclave keys need (error -34018). Install a signed copy of Latchkey.</source>
        <translation>Esta copia de Latchkey no está firmada con el derecho (entitlement) de llavero que necesitan las claves del Secure Enclave (error -34018). Instala una copia firmada de Latchkey.</translation>
    </message>
    <message>
        <source>This Mac has no Secure Enclave, so it cannot hold passkeys with Touch ID.</source>
        <translation>Este Mac no tiene Secure Enclave, así que no puede guardar llaves de acceso con Touch ID.</translation>
    </message>
    <message>
        <source>This passkey&apos;s key is no longer in this Mac&apos;s Secure Enclave: the fingerprints changed since it was made, or the keychain was reset. The passkey cannot be used again; sign in another way and create a new one.</source>
        <translation>La clave de esta llave de acceso ya no está en el Secure Enclave de este Mac: las huellas cambiaron desde que se creó o se restableció el llavero. La llave de acceso ya no se puede usar; inicia sesión de otra forma y crea una nueva.</translation>
    </message>
    <message>
        <source>The Mac did not let this passkey sign: it was not confirmed with Touch ID or your password. Try again.</source>
        <translation>El Mac no dejó firmar a esta llave de acceso: no se confirmó con Touch ID ni con tu contraseña. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>A key with this credential id is already in the keychain.</source>
        <translation>Ya hay una clave con este identificador de credencial en el llavero.</translation>
    </message>
    <message>
        <source>The Secure Enclave could not %1 (error %2).</source>
        <translation>El Secure Enclave no pudo %1 (error %2).</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Touch ID or the password did not recognise you. Try again.</source>
        <translation>Touch ID o la contraseña no te reconocieron. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Enter your Mac&apos;s password instead of Touch ID.</source>
        <translation>Introduce la contraseña de tu Mac en lugar de usar Touch ID.</translation>
    </message>
    <message>
        <source>This Mac has no login password, so it cannot confirm it is you: set one in System Settings, Users &amp; Groups.</source>
        <translation>Este Mac no tiene contraseña de inicio de sesión, así que no puede confirmar que eres tú: establece una en Ajustes del Sistema, Usuarios y grupos.</translation>
    </message>
    <message>
        <source>Touch ID is not available on this Mac (or is turned off in System Settings).</source>
        <translation>Touch ID no está disponible en este Mac (o está desactivado en Ajustes del Sistema).</translation>
    </message>
    <message>
        <source>No fingerprint is set up for Touch ID: add one in System Settings, Touch ID &amp; Password.</source>
        <translation>No hay ninguna huella configurada para Touch ID: añade una en Ajustes del Sistema, Touch ID y contraseña.</translation>
    </message>
    <message>
        <source>Touch ID is locked after too many attempts: unlock it with your Mac&apos;s password, then try again.</source>
        <translation>Touch ID está bloqueado tras demasiados intentos: desbloquéalo con la contraseña de tu Mac y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This Mac cannot show the Touch ID prompt right now.</source>
        <translation>Este Mac no puede mostrar ahora el aviso de Touch ID.</translation>
    </message>
    <message>
        <source>LocalAuthentication could not confirm it is you (error %1).</source>
        <translation>LocalAuthentication no pudo confirmar que eres tú (error %1).</translation>
    </message>
    <message>
        <source>This passkey can be used with Touch ID only, not with the Mac&apos;s password.</source>
        <translation>Esta llave de acceso solo se puede usar con Touch ID, no con la contraseña del Mac.</translation>
    </message>
    <message>
        <source>Another Touch ID request is in progress.</source>
        <translation>Ya hay otra solicitud de Touch ID en curso.</translation>
    </message>
    <message>
        <source>A key needs a non-empty credential id.</source>
        <translation>Una clave necesita un identificador de credencial no vacío.</translation>
    </message>
    <message>
        <source>A passkey in the Secure Enclave signs only right after Touch ID or your password confirmed it is you.</source>
        <translation>Una llave de acceso del Secure Enclave solo firma justo después de que Touch ID o tu contraseña hayan confirmado que eres tú.</translation>
    </message>
    <message>
        <source>The Secure Enclave answered with a malformed signature.</source>
        <translation>El Secure Enclave respondió con una firma mal formada.</translation>
    </message>
    <message>
        <source>The Secure Enclave answered with a malformed public key.</source>
        <translation>El Secure Enclave respondió con una clave pública mal formada.</translation>
    </message>
    <message>
        <source>A Secure Enclave entry names no known key protection.</source>
        <translation>Una entrada del Secure Enclave no indica ninguna protección de clave conocida.</translation>
    </message>
    <message>
        <source>Confirm it is you to use your passkey.</source>
        <translation>Confirma que eres tú para usar tu llave de acceso.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::TpmDevice</name>
    <message>
        <source>a TPM key blob that is not a P-256 signing key</source>
        <translation>un blob de clave de TPM que no es una clave de firma P-256</translation>
    </message>
    <message>
        <source>No TPM 2.0 is at %1. Turn the TPM (or fTPM/PTT) on in the firmware settings, or choose another one with --tpm-tcti.</source>
        <translation>No hay ningún TPM 2.0 en %1. Activa el TPM (o fTPM/PTT) en la configuración del firmware, o elige otro con --tpm-tcti.</translation>
    </message>
    <message>
        <source>This account may not use the TPM at %1. Add it to the group %2 (sudo usermod -aG %2 $USER), then sign out and in again.</source>
        <translation>Esta cuenta no tiene permiso para usar el TPM de %1. Añádela al grupo %2 (sudo usermod -aG %2 $USER) y después cierra la sesión y vuelve a iniciarla.</translation>
    </message>
    <message>
        <source>read its capabilities</source>
        <translation>leer sus capacidades</translation>
    </message>
    <message>
        <source>The TPM could not be reached through %1 (%2). Check the TCTI given with --tpm-tcti or LATCHKEY_TPM_TCTI, and that the TPM (a software TPM: swtpm) is running.</source>
        <translation>No se pudo acceder al TPM a través de %1 (%2). Comprueba la TCTI indicada con --tpm-tcti o LATCHKEY_TPM_TCTI, y que el TPM (si es un TPM por software: swtpm) se esté ejecutando.</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>conectarse</translation>
    </message>
    <message>
        <source>This TPM does not offer the P-256 curve that passkeys use. Update its firmware, or keep passkeys in the software store (start Latchkey on a computer without this TPM, or choose another one with --tpm-tcti).</source>
        <translation>Este TPM no ofrece la curva P-256 que usan las llaves de acceso. Actualiza su firmware o guarda las llaves de acceso en el almacén por software (inicia Latchkey en un equipo sin este TPM, o elige otro con --tpm-tcti).</translation>
    </message>
    <message>
        <source>open its storage root key</source>
        <translation>abrir su clave raíz de almacenamiento</translation>
    </message>
    <message>
        <source>The TPM&apos;s owner hierarchy has a password and no storage root key is at 0x81000001. Ask whoever set the password to provision one there (tpm2_createprimary -C o -G ecc -c srk.ctx, then tpm2_evictcontrol -C o -c srk.ctx 0x81000001).</source>
        <translation>La jerarquía de propietario del TPM tiene contraseña y no hay ninguna clave raíz de almacenamiento en 0x81000001. Pide a quien estableció la contraseña que cree una ahí (tpm2_createprimary -C o -G ecc -c srk.ctx y después tpm2_evictcontrol -C o -c srk.ctx 0x81000001).</translation>
    </message>
    <message>
        <source>make its storage root key</source>
        <translation>crear su clave raíz de almacenamiento</translation>
    </message>
    <message>
        <source>create a key</source>
        <translation>crear una clave</translation>
    </message>
    <message>
        <source>load the passkey&apos;s key</source>
        <translation>cargar la clave de la llave de acceso</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>firmar</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::TpmError</name>
    <message>
        <source>The TPM stopped answering while trying to %1 (%2). Check that it is still there (a software TPM: still running), then try again; nothing was changed.</source>
        <translation>El TPM dejó de responder al intentar %1 (%2). Comprueba que sigue ahí (si es un TPM por software, que sigue ejecutándose) y vuelve a intentarlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>The TPM is in its lockout against password guessing and refuses to %1 for now. Wait until the lockout ends, or clear it with the TPM&apos;s lockout password (tpm2_dictionarylockout --clear-lockout); nothing was changed.</source>
        <translation>El TPM está bloqueado contra la adivinación de contraseñas y por ahora se niega a %1. Espera a que termine el bloqueo o anúlalo con la contraseña de bloqueo del TPM (tpm2_dictionarylockout --clear-lockout); no se cambió nada.</translation>
    </message>
    <message>
        <source>The TPM has no room left to %1 (%2). Close other programs that use the TPM and try again; nothing was changed.</source>
        <translation>Al TPM no le queda espacio para %1 (%2). Cierra otros programas que usen el TPM y vuelve a intentarlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>The TPM refused to %1: this key was made by another TPM, or this TPM was cleared since (%2). Use another passkey or register a new one; nothing was changed.</source>
        <translation>El TPM se negó a %1: esta clave la creó otro TPM, o este TPM se ha borrado desde entonces (%2). Usa otra llave de acceso o registra una nueva; no se cambió nada.</translation>
    </message>
    <message>
        <source>The TPM refused to %1 (%2); nothing was changed.</source>
        <translation>El TPM se negó a %1 (%2); no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>latchkey::authenticator::WindowsHello</name>
    <message>
        <source>Windows returned a passkey that could not be read (%1).</source>
        <translation>Windows devolvió una llave de acceso que no se pudo leer (%1).</translation>
    </message>
    <message>
        <source>Windows Hello did not complete the request: it was cancelled, timed out, or no passkey was chosen.</source>
        <translation>Windows Hello no completó la solicitud: se canceló, se agotó el tiempo de espera o no se eligió ninguna llave de acceso.</translation>
    </message>
    <message>
        <source>This profile already has a passkey on this authenticator.</source>
        <translation>Este perfil ya tiene una llave de acceso en este autenticador.</translation>
    </message>
    <message>
        <source>Windows Hello cannot make a key of any algorithm the page offered.</source>
        <translation>Windows Hello no puede crear una clave con ninguno de los algoritmos que ofreció la página.</translation>
    </message>
    <message>
        <source>The authenticator cannot keep a discoverable passkey or verify you as the page asked.</source>
        <translation>El autenticador no puede guardar una llave de acceso detectable ni verificarte como pidió la página.</translation>
    </message>
    <message>
        <source>Windows Hello is not available on this computer.</source>
        <translation>Windows Hello no está disponible en este equipo.</translation>
    </message>
    <message>
        <source>Windows Hello reported an error.</source>
        <translation>Windows Hello informó de un error.</translation>
    </message>
    <message>
        <source>The Windows Hello request was cancelled.</source>
        <translation>Se canceló la solicitud de Windows Hello.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::FormBody</name>
    <message>
        <source>The form could not be read: it is not valid URL encoding of UTF-8 text. Reload the page and try again.</source>
        <translation>No se pudo leer el formulario: no es una codificación URL válida de texto UTF-8. Vuelve a cargar la página e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The form sent the field &quot;%1&quot; more than once.</source>
        <translation>El formulario envió el campo «%1» más de una vez.</translation>
    </message>
    <message>
        <source>The request could not be read: it is not valid JSON (%1).</source>
        <translation>No se pudo leer la solicitud: no es JSON válido (%1).</translation>
    </message>
    <message>
        <source>The request must be a JSON object of text fields.</source>
        <translation>La solicitud debe ser un objeto JSON de campos de texto.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be text.</source>
        <translation>El campo «%1» debe ser texto.</translation>
    </message>
    <message>
        <source>Send the form as application/x-www-form-urlencoded or application/json.</source>
        <translation>Envía el formulario como application/x-www-form-urlencoded o application/json.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::FreshVerification</name>
    <message>
        <source>To change the passkeys of this profile, first confirm it&apos;s you: choose &quot;Confirm it&apos;s you&quot; on the profile page and use one of its passkeys. Then try again within 5 minutes.</source>
        <translation>Para cambiar las llaves de acceso de este perfil, primero confirma que eres tú: elige «Confirma que eres tú» en la página del perfil y usa una de sus llaves de acceso. Después vuelve a intentarlo antes de que pasen 5 minutos.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you first</source>
        <translation>Primero confirma que eres tú</translation>
    </message>
</context>
<context>
    <name>latchkey::server::Guards</name>
    <message>
        <source>This address is not served here. Open Latchkey at http://localhost:%1/ instead.</source>
        <translation>Esta dirección no se sirve aquí. Abre Latchkey en http://localhost:%1/.</translation>
    </message>
    <message>
        <source>Only the Latchkey app may open these pages. Use the Latchkey window, or the one-time link printed by &quot;latchkey --serve&quot;.</source>
        <translation>Solo la aplicación Latchkey puede abrir estas páginas. Usa la ventana de Latchkey o el enlace de un solo uso que imprime «latchkey --serve».</translation>
    </message>
    <message>
        <source>This form was sent from another site, so it was refused. Submit it again from the Latchkey page.</source>
        <translation>Este formulario se envió desde otro sitio, así que se rechazó. Vuelve a enviarlo desde la página de Latchkey.</translation>
    </message>
    <message>
        <source>The request is larger than 64 KiB, so it was refused.</source>
        <translation>La solicitud supera los 64 KiB, así que se rechazó.</translation>
    </message>
    <message>
        <source>Latchkey is busy with other requests. Try again in a moment.</source>
        <translation>Latchkey está ocupado con otras solicitudes. Vuelve a intentarlo en un momento.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LanguageSection</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of Latchkey&apos;s window and pages, for every profile on this computer. It changes the next time Latchkey starts.</source>
        <translation>El idioma de la ventana y las páginas de Latchkey, para todos los perfiles de este equipo. Cambia la próxima vez que se inicie Latchkey.</translation>
    </message>
    <message>
        <source>Show Latchkey in</source>
        <translation>Mostrar Latchkey en</translation>
    </message>
    <message>
        <source>Save language</source>
        <translation>Guardar idioma</translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>Choose a language.</source>
        <translation>Elige un idioma.</translation>
    </message>
    <message>
        <source>Language saved</source>
        <translation>Idioma guardado</translation>
    </message>
    <message>
        <source>Latchkey will be in %1 from its next start.</source>
        <translation>Latchkey estará en %1 a partir de su próximo inicio.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LanguageSetting</name>
    <message>
        <source>Latchkey has no translation into &quot;%1&quot;.</source>
        <translation>Latchkey no tiene traducción al «%1».</translation>
    </message>
    <message>
        <source>This launch of Latchkey has no settings file, so the language cannot be kept.</source>
        <translation>Este inicio de Latchkey no tiene archivo de ajustes, así que no se puede guardar el idioma.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written; check its folder&apos;s permissions and free space.</source>
        <translation>No se pudo escribir el archivo de ajustes %1; comprueba los permisos de su carpeta y el espacio libre.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::LocalServer</name>
    <message>
        <source>The local server is already listening.</source>
        <translation>El servidor local ya está escuchando.</translation>
    </message>
    <message>
        <source>The launch secret is missing or too short (at least 22 base64url characters), so the local server was not started.</source>
        <translation>Falta el secreto de arranque o es demasiado corto (al menos 22 caracteres base64url), así que no se inició el servidor local.</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1: %1</source>
        <translation>No se pudo escuchar en 127.0.0.1: %1</translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use or not allowed (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation>El puerto %1 de localhost ya está en uso o no está permitido (%2). Elige otro con --port, u omite --port para usar uno libre.</translation>
    </message>
    <message>
        <source>Port %1 on localhost is already in use on ::1 (%2). Choose another with --port, or leave --port out to use a free one.</source>
        <translation>El puerto %1 de localhost ya está en uso en ::1 (%2). Elige otro con --port, u omite --port para usar uno libre.</translation>
    </message>
    <message>
        <source>The path prefix must be &quot;/&quot; and at least 22 base64url characters, so the local server was not started.</source>
        <translation>El prefijo de ruta debe ser «/» más al menos 22 caracteres base64url, así que no se inició el servidor local.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::Pages</name>
    <message>
        <source>Skip to content</source>
        <translation>Saltar al contenido</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Navegación principal</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrarse</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Latchkey home</source>
        <translation>Inicio de Latchkey</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Dismiss notification</source>
        <translation>Descartar la notificación</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Heads up</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Latchkey could not be reached. Check that the app is still running, then try again.</source>
        <translation>No se pudo contactar con Latchkey. Comprueba que la aplicación sigue abierta y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Latchkey runs on this computer only. Nothing leaves it.</source>
        <translation>Latchkey solo funciona en este equipo. Nada sale de él.</translation>
    </message>
    <message>
        <source>Passwordless local profiles</source>
        <translation>Perfiles locales sin contraseña</translation>
    </message>
    <message>
        <source>Sign in to this computer with a passkey</source>
        <translation>Inicia sesión en este equipo con una llave de acceso</translation>
    </message>
    <message>
        <source>Create a profile</source>
        <translation>Crear un perfil</translation>
    </message>
    <message>
        <source>I already have one</source>
        <translation>Ya tengo uno</translation>
    </message>
    <message>
        <source>No passwords</source>
        <translation>Sin contraseñas</translation>
    </message>
    <message>
        <source>A passkey replaces the password: there is nothing to type, reuse or phish.</source>
        <translation>Una llave de acceso sustituye a la contraseña: no hay nada que teclear, reutilizar ni perder por phishing.</translation>
    </message>
    <message>
        <source>Keys stay here</source>
        <translation>Las llaves se quedan aquí</translation>
    </message>
    <message>
        <source>Private keys stay on this computer, sealed, and never leave it.</source>
        <translation>Las claves privadas se quedan en este equipo, selladas, y nunca salen de él.</translation>
    </message>
    <message>
        <source>Works offline</source>
        <translation>Funciona sin conexión</translation>
    </message>
    <message>
        <source>Profiles are stored on this computer. No account, no cloud, no network needed.</source>
        <translation>Los perfiles se guardan en este equipo. Sin cuentas, sin nube y sin necesidad de red.</translation>
    </message>
    <message>
        <source>Create your profile</source>
        <translation>Crea tu perfil</translation>
    </message>
    <message>
        <source>Tell us who you are. Next you will register a passkey to sign in.</source>
        <translation>Dinos quién eres. Después registrarás una llave de acceso para iniciar sesión.</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Llave de acceso</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Optional. How Latchkey greets you; up to 64 characters. Your username is used when empty.</source>
        <translation>Opcional. Cómo te saluda Latchkey; hasta 64 caracteres. Si lo dejas vacío, se usa tu nombre de usuario.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, dots, underscores or hyphens.</source>
        <translation>De 3 a 32 letras, dígitos, puntos, guiones bajos o guiones.</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Dirección de correo electrónico</translation>
    </message>
    <message>
        <source>Used to find your profile; never sent anywhere.</source>
        <translation>Sirve para encontrar tu perfil; nunca se envía a ningún sitio.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Crear perfil</translation>
    </message>
    <message>
        <source>Already have a profile?</source>
        <translation>¿Ya tienes un perfil?</translation>
    </message>
    <message>
        <source>Please check the form</source>
        <translation>Revisa el formulario</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Perfil creado</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>Te damos la bienvenida, %1.</translation>
    </message>
    <message>
        <source>Next: register a passkey</source>
        <translation>Siguiente: registra una llave de acceso</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>Volver al inicio</translation>
    </message>
    <message>
        <source>Enter your username or email address, then confirm with your passkey.</source>
        <translation>Escribe tu nombre de usuario o tu dirección de correo electrónico y luego confirma con tu llave de acceso.</translation>
    </message>
    <message>
        <source>Username or email address</source>
        <translation>Nombre de usuario o dirección de correo electrónico</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>New here?</source>
        <translation>¿Es tu primera vez aquí?</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>Tu perfil</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Llaves de acceso</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>Ir a la página de inicio</translation>
    </message>
    <message>
        <source>The request could not be read</source>
        <translation>No se pudo leer la solicitud</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>Acceso denegado</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Página no encontrada</translation>
    </message>
    <message>
        <source>Not allowed here</source>
        <translation>No permitido aquí</translation>
    </message>
    <message>
        <source>Already in use</source>
        <translation>Ya está en uso</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Solicitud demasiado grande</translation>
    </message>
    <message>
        <source>Unsupported format</source>
        <translation>Formato no admitido</translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation>Dirección incorrecta</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Profile not created</source>
        <translation>No se creó el perfil</translation>
    </message>
    <message>
        <source>Your profile &quot;%1&quot; is saved.</source>
        <translation>Tu perfil «%1» está guardado.</translation>
    </message>
    <message>
        <source>The form is missing the field(s): %1.</source>
        <translation>Al formulario le faltan los campos: %1.</translation>
    </message>
    <message>
        <source>Some fields need your attention.</source>
        <translation>Algunos campos necesitan tu atención.</translation>
    </message>
    <message>
        <source>That username or email address is already in use.</source>
        <translation>Ese nombre de usuario o esa dirección de correo electrónico ya está en uso.</translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation>No se pudo guardar tu perfil: %1</translation>
    </message>
    <message>
        <source>Enter your username or email address.</source>
        <translation>Escribe tu nombre de usuario o tu dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>There is no page at %1. Check the address or start from the home page.</source>
        <translation>No hay ninguna página en %1. Comprueba la dirección o empieza desde la página de inicio.</translation>
    </message>
    <message>
        <source>%1 is not accepted at %2.</source>
        <translation>%1 no se acepta en %2.</translation>
    </message>
    <message>
        <source>Chromium virtual authenticator</source>
        <translation>Autenticador virtual de Chromium</translation>
    </message>
    <message>
        <source>Passkey on %1</source>
        <translation>Llave de acceso en %1</translation>
    </message>
    <message>
        <source>Register a passkey</source>
        <translation>Registrar una llave de acceso</translation>
    </message>
    <message>
        <source>Passkeys need this page&apos;s script. Allow JavaScript for Latchkey, or use the Latchkey app.</source>
        <translation>Las llaves de acceso necesitan el script de esta página. Permite JavaScript para Latchkey o usa la aplicación Latchkey.</translation>
    </message>
    <message>
        <source>Passkey name (optional)</source>
        <translation>Nombre de la llave de acceso (opcional)</translation>
    </message>
    <message>
        <source>Sign in with a passkey, no username</source>
        <translation>Iniciar sesión con una llave de acceso, sin nombre de usuario</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>or</source>
        <translation>o</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Profile ID</source>
        <translation>ID del perfil</translation>
    </message>
    <message>
        <source>Authenticator</source>
        <translation>Autenticador</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nombre nuevo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>This is the profile&apos;s only passkey. Without it nobody can sign in to this profile until a new passkey is registered in this session.</source>
        <translation>Esta es la única llave de acceso del perfil. Sin ella, nadie podrá iniciar sesión en este perfil hasta que se registre una nueva llave de acceso en esta sesión.</translation>
    </message>
    <message>
        <source>I understand: remove the only passkey of this profile</source>
        <translation>Lo entiendo: quitar la única llave de acceso de este perfil</translation>
    </message>
    <message>
        <source>Add another passkey</source>
        <translation>Añadir otra llave de acceso</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>Eliminar este perfil</translation>
    </message>
    <message>
        <source>Type your username to confirm</source>
        <translation>Escribe tu nombre de usuario para confirmar</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <source>Your profile is saved, but no session could be started: %1</source>
        <translation>Tu perfil está guardado, pero no se pudo iniciar ninguna sesión: %1</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Hola de nuevo, %1.</translation>
    </message>
    <message>
        <source>Signing in with a passkey needs this page&apos;s script. Allow JavaScript for Latchkey, or use the Latchkey app.</source>
        <translation>Para iniciar sesión con una llave de acceso se necesita el script de esta página. Permite JavaScript para Latchkey o usa la aplicación Latchkey.</translation>
    </message>
    <message>
        <source>Script needed</source>
        <translation>Se necesita el script</translation>
    </message>
    <message>
        <source>The profile and its passkey records are deleted, and you are signed out. In Latchkey&apos;s window its passkey is also deleted from this computer&apos;s key store; a passkey kept by a browser, phone or security key may stay there until you remove it. This cannot be undone.</source>
        <translation>Se eliminan el perfil y los registros de sus llaves de acceso, y se cierra tu sesión. En la ventana de Latchkey, su llave de acceso también se elimina del almacén de claves de este equipo; una llave de acceso guardada en un navegador, un teléfono o una llave de seguridad puede quedarse allí hasta que la quites. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Busy just now</source>
        <translation>Ocupado en este momento</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code</comment>
        <extracomment>The BCP 47 language code of this translation, for the pages&apos; &lt;html lang&gt;: de, fr, pt-BR.</extracomment>
        <translation>es</translation>
    </message>
    <message>
        <source>Latchkey gives everyone who uses this computer a profile of their own, unlocked with a passkey kept on this computer. No password to remember, nothing to leak.</source>
        <translation>Latchkey da a cada persona que usa este equipo un perfil propio, que se desbloquea con una llave de acceso guardada en este equipo. Sin contraseñas que recordar, nada que se pueda filtrar.</translation>
    </message>
    <message>
        <source>Your profile is saved. Register a passkey now: it is how you sign in. Latchkey asks you to confirm it&apos;s you first.</source>
        <translation>Tu perfil está guardado. Registra ahora una llave de acceso: es con lo que inicias sesión. Latchkey te pide primero que confirmes que eres tú.</translation>
    </message>
    <message>
        <source>This computer cannot check who you are</source>
        <translation>Este equipo no puede comprobar quién eres</translation>
    </message>
    <message>
        <source>Latchkey on this computer, software key store</source>
        <translation>Latchkey en este equipo, almacén de claves por software</translation>
    </message>
    <message>
        <source>Latchkey on this computer, key in the TPM</source>
        <translation>Latchkey en este equipo, clave en el TPM</translation>
    </message>
    <message>
        <source>Adding or removing a passkey needs one of this profile&apos;s passkeys used in the last 5 minutes.</source>
        <translation>Para añadir o quitar una llave de acceso hay que haber usado una de las llaves de acceso de este perfil en los últimos 5 minutos.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Confirma que eres tú</translation>
    </message>
    <message>
        <source>No system sign-in (password or fingerprint) is set up for Latchkey, so a passkey here is confirmed by pressing Confirm alone: anyone at this computer could use it. To confirm with your password or fingerprint, install packaging/pam/latchkey as /etc/pam.d/latchkey and start Latchkey again.</source>
        <translation>No hay ningún inicio de sesión del sistema (contraseña o huella) configurado para Latchkey, así que aquí una llave de acceso se confirma solo con pulsar Confirmar: cualquiera que esté ante este equipo podría usarla. Para confirmar con tu contraseña o tu huella, instala packaging/pam/latchkey como /etc/pam.d/latchkey y vuelve a iniciar Latchkey.</translation>
    </message>
    <message>
        <source>Latchkey on this Mac, key in the Secure Enclave</source>
        <translation>Latchkey en este Mac, clave en el Secure Enclave</translation>
    </message>
    <message>
        <source>Register a new passkey</source>
        <translation>Registrar una nueva llave de acceso</translation>
    </message>
    <message>
        <source>This recovery sign-in allows one thing: registering a new passkey for this profile, and removing the passkeys you lost. It ends when the new passkey is registered, or after 15 minutes.</source>
        <translation>Este inicio de sesión de recuperación permite una sola cosa: registrar una nueva llave de acceso para este perfil y quitar las llaves de acceso que perdiste. Termina cuando la nueva llave de acceso queda registrada, o a los 15 minutos.</translation>
    </message>
    <message>
        <source>Passkeys you lost</source>
        <translation>Llaves de acceso que perdiste</translation>
    </message>
    <message>
        <source>Remove each passkey you no longer have, so that nobody who finds the device can sign in with it.</source>
        <translation>Quita cada llave de acceso que ya no tengas, para que nadie que encuentre el dispositivo pueda iniciar sesión con ella.</translation>
    </message>
    <message>
        <source>This profile has no passkey left.</source>
        <translation>A este perfil no le queda ninguna llave de acceso.</translation>
    </message>
    <message>
        <source>Remove: I lost it</source>
        <translation>Quitar: la perdí</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>latchkey::server::PasskeyFlows</name>
    <message>
        <source>Send this request as application/json.</source>
        <translation>Envía esta solicitud como application/json.</translation>
    </message>
    <message>
        <source>The request is not a JSON object. Reload the page and try again.</source>
        <translation>La solicitud no es un objeto JSON. Vuelve a cargar la página e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>A passkey name is 1 to 64 characters, without control characters.</source>
        <translation>El nombre de una llave de acceso tiene de 1 a 64 caracteres, sin caracteres de control.</translation>
    </message>
    <message>
        <source>This request was already used, has expired or was never issued to this browser. Start again.</source>
        <translation>Esta solicitud ya se usó, ha caducado o nunca se emitió para este navegador. Vuelve a empezar.</translation>
    </message>
    <message>
        <source>Passkey not registered</source>
        <translation>No se registró la llave de acceso</translation>
    </message>
    <message>
        <source>The passkey name must be text.</source>
        <translation>El nombre de la llave de acceso debe ser texto.</translation>
    </message>
    <message>
        <source>This request was issued for another profile. Start again.</source>
        <translation>Esta solicitud se emitió para otro perfil. Vuelve a empezar.</translation>
    </message>
    <message>
        <source>This passkey is already registered.</source>
        <translation>Esta llave de acceso ya está registrada.</translation>
    </message>
    <message>
        <source>Passkey registered</source>
        <translation>Llave de acceso registrada</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now unlocks your profile.</source>
        <translation>«%1» ya desbloquea tu perfil.</translation>
    </message>
    <message>
        <source>The username or email must be text.</source>
        <translation>El nombre de usuario o el correo electrónico debe ser texto.</translation>
    </message>
    <message>
        <source>A username or email address is at most 254 characters.</source>
        <translation>Un nombre de usuario o una dirección de correo electrónico tiene como máximo 254 caracteres.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>No se pudo iniciar sesión</translation>
    </message>
    <message>
        <source>This passkey is not registered with Latchkey. Choose another, or create a profile.</source>
        <translation>Esta llave de acceso no está registrada en Latchkey. Elige otra o crea un perfil.</translation>
    </message>
    <message>
        <source>This passkey belongs to another profile. Choose the passkey of the profile you named.</source>
        <translation>Esta llave de acceso pertenece a otro perfil. Elige la llave de acceso del perfil que indicaste.</translation>
    </message>
    <message>
        <source>This passkey&apos;s profile no longer exists.</source>
        <translation>El perfil de esta llave de acceso ya no existe.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Hola de nuevo, %1.</translation>
    </message>
    <message>
        <source>This browser has no sign-in in progress. Start again.</source>
        <translation>Este navegador no tiene ningún inicio de sesión en curso. Vuelve a empezar.</translation>
    </message>
    <message>
        <source>There is no profile session in this browser. Create a profile or sign in first.</source>
        <translation>No hay ninguna sesión de perfil en este navegador. Crea un perfil o inicia sesión primero.</translation>
    </message>
    <message>
        <source>Latchkey could not save this: %1</source>
        <translation>Latchkey no pudo guardar esto: %1</translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfileForm</name>
    <message>
        <source>Choose a username.</source>
        <translation>Elige un nombre de usuario.</translation>
    </message>
    <message>
        <source>A username cannot contain control characters.</source>
        <translation>Un nombre de usuario no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>A username has 3 to 32 characters.</source>
        <translation>Un nombre de usuario tiene de 3 a 32 caracteres.</translation>
    </message>
    <message>
        <source>Use only letters, digits, dots (.), underscores (_) and hyphens (-) in a username.</source>
        <translation>Usa solo letras, dígitos, puntos (.), guiones bajos (_) y guiones (-) en el nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Escribe tu dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>An email address cannot contain control characters.</source>
        <translation>Una dirección de correo electrónico no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>An email address has at most 254 characters.</source>
        <translation>Una dirección de correo electrónico tiene como máximo 254 caracteres.</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation>Escribe una dirección de correo electrónico como nombre@example.com.</translation>
    </message>
    <message>
        <source>A display name cannot contain control characters.</source>
        <translation>Un nombre visible no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>A display name has at most 64 characters.</source>
        <translation>Un nombre visible tiene como máximo 64 caracteres.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::ProfilePages</name>
    <message>
        <source>Your profile</source>
        <translation>Tu perfil</translation>
    </message>
    <message>
        <source>Register a passkey</source>
        <translation>Registrar una llave de acceso</translation>
    </message>
    <message>
        <source>Register a passkey for this profile first.</source>
        <translation>Primero registra una llave de acceso para este perfil.</translation>
    </message>
    <message>
        <source>You are not signed in (or your session ended). Sign in again.</source>
        <translation>No has iniciado sesión (o tu sesión terminó). Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>The passkey to change is missing or not base64url.</source>
        <translation>Falta la llave de acceso que se va a cambiar o no está en base64url.</translation>
    </message>
    <message>
        <source>This profile has no such passkey. Reload the page.</source>
        <translation>Este perfil no tiene esa llave de acceso. Vuelve a cargar la página.</translation>
    </message>
    <message>
        <source>Passkey not renamed</source>
        <translation>No se cambió el nombre de la llave de acceso</translation>
    </message>
    <message>
        <source>Passkey renamed</source>
        <translation>Nombre de la llave de acceso cambiado</translation>
    </message>
    <message>
        <source>The passkey is now called &quot;%1&quot;.</source>
        <translation>La llave de acceso ahora se llama «%1».</translation>
    </message>
    <message>
        <source>This is your profile&apos;s only passkey: without it nobody can sign in to the profile. Tick the confirmation to remove it anyway.</source>
        <translation>Esta es la única llave de acceso de tu perfil: sin ella, nadie podrá iniciar sesión en el perfil. Marca la confirmación para quitarla de todos modos.</translation>
    </message>
    <message>
        <source>Passkey not removed</source>
        <translation>No se quitó la llave de acceso</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer unlocks this profile.</source>
        <translation>«%1» ya no desbloquea este perfil.</translation>
    </message>
    <message>
        <source>Passkey removed</source>
        <translation>Llave de acceso quitada</translation>
    </message>
    <message>
        <source>Profile not deleted</source>
        <translation>No se eliminó el perfil</translation>
    </message>
    <message>
        <source>Type your username to confirm that the profile and all its passkeys are deleted.</source>
        <translation>Escribe tu nombre de usuario para confirmar que se eliminan el perfil y todas sus llaves de acceso.</translation>
    </message>
    <message>
        <source>Profile deleted</source>
        <translation>Perfil eliminado</translation>
    </message>
    <message>
        <source>You were not signed in.</source>
        <translation>No habías iniciado sesión.</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Your session has ended on this computer.</source>
        <translation>Tu sesión ha terminado en este equipo.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is deleted and its passkeys no longer sign in here. Latchkey&apos;s window also deleted its passkey from this computer&apos;s key store; a passkey kept by a browser, phone or security key may stay there until you remove it.</source>
        <translation>El perfil «%1» se ha eliminado y sus llaves de acceso ya no inician sesión aquí. La ventana de Latchkey también eliminó su llave de acceso del almacén de claves de este equipo; una llave de acceso guardada en un navegador, un teléfono o una llave de seguridad puede quedarse allí hasta que la quites.</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Llave de acceso</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Backed up (synced)</source>
        <translation>Con copia de seguridad (sincronizada)</translation>
    </message>
    <message>
        <source>Can be backed up, not yet</source>
        <translation>Admite copia de seguridad, aún sin hacer</translation>
    </message>
    <message>
        <source>Only on this device</source>
        <translation>Solo en este dispositivo</translation>
    </message>
    <message>
        <source>You signed in to the profile &quot;%1&quot; without a passkey.</source>
        <translation>Iniciaste sesión en el perfil «%1» sin llave de acceso.</translation>
    </message>
    <message>
        <source>Register a new passkey</source>
        <translation>Registrar una nueva llave de acceso</translation>
    </message>
    <message>
        <source>This recovery sign-in only lets you register a new passkey and remove the ones you lost. Register a new passkey first; then sign in with it to change anything else.</source>
        <translation>Este inicio de sesión de recuperación solo te deja registrar una nueva llave de acceso y quitar las que perdiste. Registra primero una nueva llave de acceso; luego inicia sesión con ella para cambiar cualquier otra cosa.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::RecoverySignIn</name>
    <message>
        <source>Recovery sign-in</source>
        <translation>Inicio de sesión de recuperación</translation>
    </message>
    <message>
        <source>Register a new passkey for %1 now: this sign-in allows only that, and only for 15 minutes.</source>
        <translation>Registra ahora una nueva llave de acceso para %1: este inicio de sesión solo permite eso, y solo durante 15 minutos.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::RequestHandler</name>
    <message>
        <source>This one-time link has been used already, is older than two minutes, or is not valid. Restart &quot;latchkey --serve&quot; for a new one.</source>
        <translation>Este enlace de un solo uso ya se ha usado, tiene más de dos minutos o no es válido. Reinicia «latchkey --serve» para obtener uno nuevo.</translation>
    </message>
</context>
<context>
    <name>latchkey::server::SettingsPage</name>
    <message>
        <source>Language not saved</source>
        <translation>No se guardó el idioma</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>latchkey::server::StoreFailure</name>
    <message>
        <source>Latchkey&apos;s profile database is busy: another program is using it. Nothing was changed. Try again in a moment.</source>
        <translation>La base de datos de perfiles de Latchkey está ocupada: otro programa la está usando. No se cambió nada. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Latchkey could not read its profiles just now. Nothing was changed. Try again.</source>
        <translation>Latchkey no pudo leer sus perfiles en este momento. No se cambió nada. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The disk that holds Latchkey&apos;s profiles is full, so this was not saved. Nothing was changed. Free some space on it, then try again.</source>
        <translation>El disco que guarda los perfiles de Latchkey está lleno, así que esto no se guardó. No se cambió nada. Libera espacio en él y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Latchkey&apos;s data folder cannot be written any more (it is read-only), so this was not saved. Nothing was changed. Make the folder writable, then try again.</source>
        <translation>Ya no se puede escribir en la carpeta de datos de Latchkey (es de solo lectura), así que esto no se guardó. No se cambió nada. Haz que la carpeta se pueda escribir y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Latchkey&apos;s profile database is damaged. Nothing was changed, and Latchkey leaves the file as it is. Restore it from a backup; its path is in Latchkey&apos;s log.</source>
        <translation>La base de datos de perfiles de Latchkey está dañada. No se cambió nada y Latchkey deja el archivo tal como está. Restáuralo desde una copia de seguridad; su ruta está en el registro de Latchkey.</translation>
    </message>
</context>
</TS>
