// Latchkey's WebAuthn client inside the app window. Injected at document creation, before
// any page script, into every frame; only the main frame of the handler's own pages installs
// the client (subframes get refusals, see the end of this file). It replaces navigator.credentials
// .create/get and PublicKeyCredential's capability checks with calls over QWebChannel to the
// app (WebAuthnBridge -> authenticator::Client), because Qt WebEngine 6.4 has no platform
// authenticator and its own navigator.credentials.get() crashes the process: the native
// functions must never be reached. The app decides the origin itself; nothing here names one.
//
// Wrapped by the app as (function (LatchkeyChannel) { <this file> })(<qwebchannel.js>).
"use strict";

const HANDLER_ORIGIN = ["__LATCHKEY_HANDLER_ORIGIN__"][0];
// The error texts in the app's language: WebAuthnBridge puts {key: text} in place of this
// placeholder (QCoreApplication::translate), so the page's errors follow the native UI.
const MESSAGES = ["__LATCHKEY_MESSAGES__"][0];

function message(key, detail) {
  const text = String((MESSAGES && MESSAGES[key]) || key);
  return detail === undefined ? text : text.replace("%1", () => String(detail));
}

// What a subframe's navigator.credentials and PublicKeyCredential do: refuse, asking no one.
function refusals() {
  const refuse = () => Promise.reject(new DOMException(message("subframe"), "NotAllowedError"));
  const no = () => Promise.resolve(false);
  return {
    create: refuse,
    get: refuse,
    isUserVerifyingPlatformAuthenticatorAvailable: no,
    isConditionalMediationAvailable: no,
    signalUnknownCredential: refuse,
    signalAllAcceptedCredentials: refuse,
    signalCurrentUserDetails: refuse,
  };
}

function install() {
  const pending = new Map();
  let nextId = 1;
  let bridgePromise = null;

  // ---- bytes ----------------------------------------------------------------------------

  function bytesOf(source, name) {
    if (source instanceof ArrayBuffer) return new Uint8Array(source);
    if (ArrayBuffer.isView(source))
      return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    throw new TypeError(message("notBytes", name));
  }

  function toBase64Url(source, name) {
    const bytes = bytesOf(source, name);
    let binary = "";
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  // ---- options: the page's ArrayBuffer form -> the JSON form the app reads ----------------

  function descriptorsJson(list, name) {
    return Array.from(list || [], (d, i) => ({
      type: d.type,
      id: toBase64Url(d.id, name + "[" + i + "].id"),
      transports: d.transports,
    }));
  }

  function creationJson(o) {
    if (!o.user) throw new TypeError(message("required", "publicKey.user"));
    return {
      rp: o.rp,
      user: { id: toBase64Url(o.user.id, "user.id"), name: o.user.name, displayName: o.user.displayName },
      challenge: toBase64Url(o.challenge, "challenge"),
      pubKeyCredParams: o.pubKeyCredParams,
      timeout: o.timeout,
      excludeCredentials: descriptorsJson(o.excludeCredentials, "excludeCredentials"),
      authenticatorSelection: o.authenticatorSelection,
      attestation: o.attestation,
      extensions: o.extensions,
    };
  }

  function requestJson(o) {
    return {
      rpId: o.rpId,
      challenge: toBase64Url(o.challenge, "challenge"),
      timeout: o.timeout,
      allowCredentials: descriptorsJson(o.allowCredentials, "allowCredentials"),
      userVerification: o.userVerification,
      extensions: o.extensions,
    };
  }

  // ---- answers: the app's JSON -> objects shaped like a browser's -------------------------

  function credentialPrototype() {
    return typeof PublicKeyCredential === "function" ? PublicKeyCredential.prototype : Object.prototype;
  }

  function frozenCopy(json) {
    return JSON.parse(JSON.stringify(json));
  }

  function attestationResponse(r) {
    const response = {
      clientDataJSON: fromBase64Url(r.clientDataJSON),
      attestationObject: fromBase64Url(r.attestationObject),
      getTransports: () => (r.transports || []).slice(),
      getAuthenticatorData: () => fromBase64Url(r.authenticatorData),
      getPublicKey: () => (r.publicKey ? fromBase64Url(r.publicKey) : null),
      getPublicKeyAlgorithm: () => r.publicKeyAlgorithm,
    };
    return response;
  }

  function assertionResponse(r) {
    return {
      clientDataJSON: fromBase64Url(r.clientDataJSON),
      authenticatorData: fromBase64Url(r.authenticatorData),
      signature: fromBase64Url(r.signature),
      userHandle: r.userHandle ? fromBase64Url(r.userHandle) : null,
    };
  }

  function publicKeyCredential(json, ceremony) {
    const credential = Object.create(credentialPrototype());
    const response = ceremony === "create" ? attestationResponse(json.response) : assertionResponse(json.response);
    const own = {
      id: json.id,
      rawId: fromBase64Url(json.rawId),
      type: json.type,
      authenticatorAttachment: json.authenticatorAttachment || null,
      response,
      getClientExtensionResults: () => frozenCopy(json.clientExtensionResults || {}),
      toJSON: () => frozenCopy(json),
    };
    for (const [key, value] of Object.entries(own))
      Object.defineProperty(credential, key, { value, enumerable: true });
    return credential;
  }

  function failure(error) {
    const text = String(error.message || message("failed"));
    if (error.name === "TypeError") return new TypeError(text);
    return new DOMException(text, String(error.name || "UnknownError"));
  }

  // ---- the channel to the app ----------------------------------------------------------

  function settle(id, text) {
    const call = pending.get(id);
    if (!call) return; // aborted already
    pending.delete(id);
    call.detach();
    let answer;
    try {
      answer = JSON.parse(text);
    } catch (ignored) {
      call.reject(new DOMException(message("unreadableAnswer"), "UnknownError"));
      return;
    }
    if (answer.credential) call.resolve(publicKeyCredential(answer.credential, call.ceremony));
    else call.reject(failure(answer.error || {}));
  }

  function connect(resolve, reject) {
    const transport = window.qt && window.qt.webChannelTransport;
    if (!transport) return false;
    new LatchkeyChannel(transport, (channel) => {
      const bridge = channel.objects.latchkeyPasskeys;
      if (!bridge) {
        reject(new DOMException(message("noBridge"), "NotSupportedError"));
        return;
      }
      bridge.answered.connect(settle);
      resolve(bridge);
    });
    return true;
  }

  // The transport may appear after this script ran: wait for it a little while.
  function bridge() {
    if (!bridgePromise) {
      bridgePromise = new Promise((resolve, reject) => {
        if (connect(resolve, reject)) return;
        let tries = 0;
        const timer = setInterval(() => {
          if (connect(resolve, reject)) clearInterval(timer);
          else if (++tries > 250) {
            clearInterval(timer);
            reject(new DOMException(message("noAnswer"), "NotSupportedError"));
          }
        }, 20);
      });
    }
    return bridgePromise;
  }

  function abortReason(signal) {
    return signal.reason !== undefined ? signal.reason : new DOMException(message("aborted"), "AbortError");
  }

  function ceremony(kind, options, toJson) {
    return new Promise((resolve, reject) => {
      if (!options || typeof options !== "object" || !options.publicKey) {
        reject(new DOMException(message("publicKeyOnly"), "NotSupportedError"));
        return;
      }
      if (kind === "get" && options.mediation === "conditional") {
        reject(new DOMException(message("noConditional"), "NotSupportedError"));
        return;
      }
      const signal = options.signal;
      if (signal && signal.aborted) {
        reject(abortReason(signal));
        return;
      }
      let text;
      try {
        text = JSON.stringify(toJson(options.publicKey));
      } catch (error) {
        reject(error instanceof TypeError ? error : new TypeError(String(error.message || error)));
        return;
      }
      const id = nextId++;
      const onAbort = () => {
        if (!pending.has(id)) return;
        pending.delete(id);
        reject(abortReason(signal));
        bridge().then((b) => b.abort(id), () => {});
      };
      const detach = () => signal && signal.removeEventListener("abort", onAbort);
      if (signal) signal.addEventListener("abort", onAbort);
      pending.set(id, { resolve, reject, detach, ceremony: kind });
      bridge().then(
        (b) => {
          if (pending.has(id)) b[kind](id, text);
        },
        (error) => {
          if (!pending.has(id)) return;
          pending.delete(id);
          detach();
          reject(error);
        }
      );
    });
  }

  // ---- the replacements ----------------------------------------------------------------

  function create(options) {
    return ceremony("create", options, creationJson);
  }

  function get(options) {
    return ceremony("get", options, requestJson);
  }

  function isUserVerifyingPlatformAuthenticatorAvailable() {
    return bridge().then(
      (b) => new Promise((resolve) => b.isUserVerifyingPlatformAuthenticatorAvailable((yes) => resolve(!!yes))),
      () => false
    );
  }

  function isConditionalMediationAvailable() {
    return Promise.resolve(false);
  }

  // ---- the Signal API (WebAuthn L3 §5.1.10): the page tells the app's authenticator which
  // credentials its server no longer accepts. Silent; the promise says only whether the
  // options were acceptable (TypeError, SecurityError), never what this computer holds.

  function requiredString(options, name) {
    if (options[name] === undefined) throw new TypeError(message("required", name));
    return String(options[name]);
  }

  function unknownCredentialJson(o) {
    return { rpId: requiredString(o, "rpId"), credentialId: requiredString(o, "credentialId") };
  }

  function allAcceptedJson(o) {
    if (o.allAcceptedCredentialIds === undefined) throw new TypeError(message("required", "allAcceptedCredentialIds"));
    return {
      rpId: requiredString(o, "rpId"),
      userId: requiredString(o, "userId"),
      allAcceptedCredentialIds: Array.from(o.allAcceptedCredentialIds, String),
    };
  }

  function currentUserJson(o) {
    return {
      rpId: requiredString(o, "rpId"),
      userId: requiredString(o, "userId"),
      name: requiredString(o, "name"),
      displayName: requiredString(o, "displayName"),
    };
  }

  function signal(kind, options, toJson) {
    return new Promise((resolve, reject) => {
      let text;
      try {
        if (!options || typeof options !== "object") throw new TypeError(message("signalOptions"));
        text = JSON.stringify(toJson(options));
      } catch (error) {
        reject(error instanceof TypeError ? error : new TypeError(String(error.message || error)));
        return;
      }
      bridge().then(
        (b) =>
          b.signal(kind, text, (answerText) => {
            let answer = {};
            try {
              answer = JSON.parse(answerText);
            } catch (ignored) {
              answer = { error: { name: "UnknownError", message: message("unreadableAnswer") } };
            }
            if (answer.error) reject(failure(answer.error));
            else resolve(undefined);
          }),
        reject
      );
    });
  }

  function signalUnknownCredential(options) {
    return signal("unknownCredential", options, unknownCredentialJson);
  }

  function signalAllAcceptedCredentials(options) {
    return signal("allAcceptedCredentials", options, allAcceptedJson);
  }

  function signalCurrentUserDetails(options) {
    return signal("currentUserDetails", options, currentUserJson);
  }

  installInto(window, {
    create,
    get,
    isUserVerifyingPlatformAuthenticatorAvailable,
    isConditionalMediationAvailable,
    signalUnknownCredential,
    signalAllAcceptedCredentials,
    signalCurrentUserDetails,
  });
}

// Fixed in place (not writable, not configurable): page script cannot bring back the native
// functions through the prototype.
function pin(target, name, value) {
  if (!target) return;
  try {
    Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
  } catch (ignored) {
    // Already pinned by an earlier run in this document.
  }
}

const installed = new WeakSet();

// An about:blank frame made by page script shares this origin but gets no injected script:
// its realm would still hold the native functions. Reaching it through contentWindow or
// contentDocument installs the refusals there first (a subframe never reaches the app).
// (Indexed access, window[0], is not covered.)
function guardFrames(win) {
  for (const type of [win.HTMLIFrameElement, win.HTMLFrameElement]) {
    if (typeof type !== "function") continue;
    const windowGetter = Object.getOwnPropertyDescriptor(type.prototype, "contentWindow");
    for (const name of ["contentWindow", "contentDocument"]) {
      const original = Object.getOwnPropertyDescriptor(type.prototype, name);
      if (!original || !original.get || !windowGetter) continue;
      Object.defineProperty(type.prototype, name, {
        configurable: false,
        enumerable: original.enumerable,
        get() {
          const child = windowGetter.get.call(this);
          if (child) installInto(child, refusals());
          return original.get.call(this);
        },
      });
    }
  }
}

function installInto(win, api) {
  try {
    if (installed.has(win)) return;
    installed.add(win);
    if (typeof win.CredentialsContainer === "function") {
      pin(win.CredentialsContainer.prototype, "create", api.create);
      pin(win.CredentialsContainer.prototype, "get", api.get);
    }
    if (win.navigator.credentials) {
      pin(win.navigator.credentials, "create", api.create);
      pin(win.navigator.credentials, "get", api.get);
    } else {
      pin(win.navigator, "credentials", Object.freeze({ create: api.create, get: api.get }));
    }
    if (typeof win.PublicKeyCredential === "function") {
      pin(win.PublicKeyCredential, "isUserVerifyingPlatformAuthenticatorAvailable", api.isUserVerifyingPlatformAuthenticatorAvailable);
      pin(win.PublicKeyCredential, "isConditionalMediationAvailable", api.isConditionalMediationAvailable);
      pin(win.PublicKeyCredential, "signalUnknownCredential", api.signalUnknownCredential);
      pin(win.PublicKeyCredential, "signalAllAcceptedCredentials", api.signalAllAcceptedCredentials);
      pin(win.PublicKeyCredential, "signalCurrentUserDetails", api.signalCurrentUserDetails);
    }
    guardFrames(win);
  } catch (ignored) {
    // A frame of another origin: its realm is not reachable from here, nor ours from there.
  }
}

// Only the main frame of the handler's own pages talks to the app. A subframe (of any origin,
// including the handler's) gets functions that refuse and never touch qt.webChannelTransport:
// the native ones must not be reached there either.
if (window !== window.top) installInto(window, refusals());
else if (location.origin === HANDLER_ORIGIN) install();
