// Passkey registration and sign-in with the standard WebAuthn API. The server sends the
// options as JSON (PublicKey*OptionsJSON); this file turns them into the ArrayBuffer form,
// calls navigator.credentials.create()/get() (in the app, an injected script answers them),
// and posts the credential's JSON form back.
"use strict";

(function () {
  const toast = (kind, title, message) => {
    if (window.Latchkey) window.Latchkey.showToast(kind, title, message);
  };
  const errorTitle = () => {
    const section = document.querySelector(".toasts");
    return (section && section.dataset.errorTitle) || "Something went wrong";
  };

  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  const descriptors = (list) => (list || []).map((d) => Object.assign({}, d, { id: fromBase64Url(d.id) }));

  function creationOptions(json) {
    if (window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON)
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return Object.assign({}, json, {
      challenge: fromBase64Url(json.challenge),
      user: Object.assign({}, json.user, { id: fromBase64Url(json.user.id) }),
      excludeCredentials: descriptors(json.excludeCredentials),
    });
  }

  function requestOptions(json) {
    if (window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON)
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return Object.assign({}, json, {
      challenge: fromBase64Url(json.challenge),
      allowCredentials: descriptors(json.allowCredentials),
    });
  }

  // RegistrationResponseJSON / AuthenticationResponseJSON (WebAuthn L3 §5.1.8, §5.1.9).
  function credentialJson(credential) {
    if (typeof credential.toJSON === "function") return credential.toJSON();
    const r = credential.response;
    const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      if (r.getTransports) response.transports = r.getTransports();
    } else {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    }
    return {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
    };
  }

  // WebAuthn L3 Signal API (§5.1.10): the server names credentials it no longer accepts, and
  // the authenticator (Latchkey's window; a browser that has the API) drops them, so they stop
  // being offered. Feature-detected and best effort: without the API nothing happens, as in any
  // browser, and a slow authenticator does not hold the page for more than two seconds.
  function signalCredentials(signal) {
    const api = window.PublicKeyCredential;
    if (!signal || !api) return Promise.resolve();
    const calls = [];
    if (typeof api.signalUnknownCredential === "function")
      for (const credentialId of signal.unknownCredentialIds || [])
        calls.push(api.signalUnknownCredential({ rpId: signal.rpId, credentialId }));
    if (signal.userId && typeof api.signalAllAcceptedCredentials === "function")
      calls.push(api.signalAllAcceptedCredentials({
        rpId: signal.rpId,
        userId: signal.userId,
        allAcceptedCredentialIds: signal.allAcceptedCredentialIds || [],
      }));
    if (!calls.length) return Promise.resolve();
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000));
    return Promise.race([Promise.allSettled(calls), timeout]);
  }

  // For latchkey.js: profile answers (a passkey removed, the profile deleted) carry signals.
  window.LatchkeyPasskeys = Object.freeze({ signalCredentials });

  // The server's path prefix (<html data-root>, empty in the app window): API paths and the
  // answers' redirects are named without it.
  const pagePath = (path) => (document.documentElement.dataset.root || "") + path;

  async function post(path, body) {
    const response = await fetch(pagePath(path), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    const answer = await response.json();
    await signalCredentials(answer.signal);
    if (!response.ok || answer.ok === false) {
      const error = new Error((answer.error && answer.error.message) || response.statusText);
      error.title = answer.title;
      throw error;
    }
    return answer;
  }

  function report(failure) {
    // NotAllowedError: the person cancelled or the authenticator refused; say it plainly.
    toast("error", failure.title || errorTitle(), failure.message || String(failure));
  }

  // The success toast is shown on the page the answer leads to (kept for one navigation).
  const FLASH_KEY = "latchkey.flash";

  function finish(answer) {
    if (!answer.redirect) {
      toast("success", answer.title || "", answer.message || "");
      return;
    }
    try {
      sessionStorage.setItem(FLASH_KEY, JSON.stringify({ title: answer.title, message: answer.message }));
    } catch (ignored) {
      // Storage refused (private mode): the page itself says where we are.
    }
    window.location.assign(pagePath(answer.redirect));
  }

  function showFlash() {
    let flash = null;
    try {
      flash = JSON.parse(sessionStorage.getItem(FLASH_KEY) || "null");
      sessionStorage.removeItem(FLASH_KEY);
    } catch (ignored) {
      flash = null;
    }
    if (flash) toast("success", flash.title || "", flash.message || "");
  }

  async function busy(element, work) {
    if (element.getAttribute("aria-busy") === "true") return;
    element.setAttribute("aria-busy", "true");
    try {
      await work();
    } catch (failure) {
      report(failure);
    } finally {
      element.removeAttribute("aria-busy");
    }
  }

  async function registerPasskey() {
    const options = await post("/api/passkeys/registration/options");
    const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
    const body = credentialJson(credential);
    const nickname = document.querySelector("input[data-passkey-nickname]");
    if (nickname && nickname.value && nickname.value.trim()) body.nickname = nickname.value.trim();
    finish(await post("/api/passkeys/registration/verify", body));
  }

  async function signIn(login) {
    const options = await post("/api/passkeys/authentication/options", login ? { login } : {});
    const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
    finish(await post("/api/passkeys/authentication/verify", credentialJson(credential)));
  }

  function init() {
    // After latchkey.js set up the toast regions (both scripts are deferred, in order).
    showFlash();
    document.addEventListener("click", (event) => {
      const register = event.target.closest("[data-passkey-register]");
      if (register) busy(register, registerPasskey);
      const usernameless = event.target.closest("[data-passkey-usernameless]");
      if (usernameless) busy(usernameless, () => signIn(""));
      // A fresh verification before adding or removing a passkey: sign in again, same profile.
      const confirm = event.target.closest("[data-passkey-confirm]");
      if (confirm) busy(confirm, () => signIn(confirm.dataset.login || ""));
    });
    document.addEventListener("submit", (event) => {
      const form = event.target;
      if (!form.matches("form[data-passkey-signin]")) return;
      event.preventDefault();
      const login = (form.elements.namedItem("login").value || "").trim();
      busy(form, () => signIn(login));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
