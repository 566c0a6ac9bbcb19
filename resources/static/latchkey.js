// Latchkey pages: toasts, and forms that answer in place. Every page works without this
// file; it only makes the same requests with Accept: application/json.
"use strict";

(function () {
  // The server's path prefix (<html data-root>, empty in the app window): the server's
  // answers name paths without it.
  const pagePath = (path) => (document.documentElement.dataset.root || "") + path;
  const DISMISS_AFTER_MS = { success: 6000, warning: 9000, error: 12000 };

  const toastSection = () => document.querySelector(".toasts");
  const label = (name, fallback) => (toastSection() && toastSection().dataset[name]) || fallback;

  // A toast's timer stops while the pointer or keyboard focus is on it, so nobody loses a
  // message they are reading.
  function armToast(toast) {
    const kind = toast.dataset.kind || "success";
    let remaining = DISMISS_AFTER_MS[kind] || DISMISS_AFTER_MS.success;
    let started = 0;
    let timer = 0;
    const start = () => {
      started = Date.now();
      timer = window.setTimeout(() => dismissToast(toast), remaining);
    };
    const pause = () => {
      window.clearTimeout(timer);
      remaining = Math.max(1500, remaining - (Date.now() - started));
    };
    toast.addEventListener("mouseenter", pause);
    toast.addEventListener("focusin", pause);
    toast.addEventListener("mouseleave", () => { if (!toast.contains(document.activeElement)) start(); });
    toast.addEventListener("focusout", (event) => { if (!toast.contains(event.relatedTarget)) start(); });
    const close = toast.querySelector("[data-toast-close]");
    if (close) close.addEventListener("click", () => dismissToast(toast));
    start();
  }

  function dismissToast(toast) {
    if (!toast.isConnected || toast.classList.contains("toast-leaving")) return;
    const hadFocus = toast.contains(document.activeElement);
    toast.classList.add("toast-leaving");
    const remove = () => {
      toast.remove();
      if (hadFocus) document.getElementById("main").focus();
    };
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) remove();
    else toast.addEventListener("animationend", remove, { once: true });
  }

  function buildToast(kind, title, message) {
    const toast = document.createElement("div");
    toast.className = "toast toast-" + kind;
    toast.dataset.toast = "";
    toast.dataset.kind = kind;
    const icon = document.createElement("span");
    icon.className = "toast-icon";
    icon.setAttribute("aria-hidden", "true");
    const text = document.createElement("div");
    text.className = "toast-text";
    const heading = document.createElement("p");
    heading.className = "toast-title";
    heading.textContent = title;
    const body = document.createElement("p");
    body.className = "toast-message";
    body.textContent = message;
    text.append(heading, body);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.dataset.toastClose = "";
    close.setAttribute("aria-label", label("dismissLabel", "Dismiss notification"));
    toast.append(icon, text, close);
    return toast;
  }

  // Errors go to the assertive region (role=alert), the rest to the polite one.
  function showToast(kind, title, message) {
    const region = document.querySelector(
      kind === "error" ? "[data-toast-region=assertive]" : "[data-toast-region=polite]");
    if (!region) return;
    const toast = buildToast(kind, title, message);
    region.append(toast);
    armToast(toast);
  }

  // Toasts rendered by the server are re-inserted after load: live regions announce
  // changes, not what was already there.
  function announceServerToasts() {
    document.querySelectorAll("[data-toast]").forEach((toast) => {
      const region = toast.parentElement;
      toast.remove();
      window.setTimeout(() => { region.append(toast); armToast(toast); }, 150);
    });
  }

  function dismissNewestToast() {
    const toasts = document.querySelectorAll("[data-toast]:not(.toast-leaving)");
    if (toasts.length === 0) return false;
    dismissToast(toasts[toasts.length - 1]);
    return true;
  }

  // Field errors live beside their field, referenced by aria-describedby.
  function showFieldErrors(form, fields) {
    let first = null;
    form.querySelectorAll("[data-field-error]").forEach((slot) => {
      const name = slot.dataset.fieldError;
      const input = form.elements.namedItem(name);
      const message = (fields && fields[name]) || "";
      slot.textContent = message;
      if (!input) return;
      if (message) {
        input.setAttribute("aria-invalid", "true");
        if (!first) first = input;
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
    return first;
  }

  function showFormError(form, message) {
    const box = form.parentElement.querySelector("[data-form-error]");
    if (!box) return;
    box.textContent = message || "";
    box.hidden = !message;
  }

  function onSuccess(form, answer) {
    if (answer.redirect) {
      window.location.assign(pagePath(answer.redirect));
      return;
    }
    if (answer.html) {
      const card = form.closest("[data-form-card]");
      const holder = document.createElement("div");
      // The fragment is rendered by our own server with every value HTML-escaped.
      holder.innerHTML = answer.html;
      const replacement = holder.firstElementChild;
      card.replaceWith(replacement);
      replacement.focus();
      showToast("success", answer.title || label("successTitle", "Done"), answer.message || "");
      return;
    }
    if (answer.status === "pending") {
      showFieldErrors(form, {});
      showToast("warning", answer.title || label("warningTitle", "Heads up"), answer.message || "");
      return;
    }
    showToast("success", answer.title || label("successTitle", "Done"), answer.message || "");
  }

  function onFailure(form, answer) {
    const error = answer.error || {};
    const first = showFieldErrors(form, answer.fields);
    showFormError(form, error.message);
    showToast("error", answer.title || label("errorTitle", "Something went wrong"),
      error.message || "");
    if (first) first.focus();
  }

  async function submitInPlace(event) {
    const form = event.target;
    event.preventDefault();
    const button = form.querySelector("[type=submit]");
    if (button) button.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Accept": "application/json",
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        },
        body: new URLSearchParams(new FormData(form)),
      });
      const answer = await response.json();
      // Before leaving the page: the authenticator drops the passkeys the server dropped.
      if (answer.signal && window.LatchkeyPasskeys)
        await window.LatchkeyPasskeys.signalCredentials(answer.signal);
      if (response.ok && answer.ok) onSuccess(form, answer);
      else onFailure(form, answer);
    } catch (failure) {
      showToast("error", label("errorTitle", "Something went wrong"),
        label("networkError", "Latchkey could not be reached. Is the app still running?"));
    } finally {
      if (button) button.removeAttribute("aria-busy");
    }
  }

  function init() {
    // Lets the stylesheet (and tests) tell that the script ran under the CSP.
    document.documentElement.classList.add("js");
    announceServerToasts();
    // Delegated: cards replaced in place bring new forms.
    document.addEventListener("submit", (event) => {
      if (event.target.matches("form[data-enhance]")) submitInPlace(event);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && dismissNewestToast()) event.preventDefault();
    });
    // After a full-page answer with field errors, start at the first field to fix.
    const invalid = document.querySelector("[aria-invalid=true]");
    if (invalid) invalid.focus();
  }

  // For passkeys.js: the same toasts.
  window.Latchkey = { showToast };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
