#pragma once

#include "authenticator/macos/apple_security_api.h"

namespace latchkey::authenticator::macos {

// The LAContext in which LocalAuthentication verified the person, held for the one signature
// that verification authorises. The verifier grants it just before it tells the authenticator
// "verified" and revokes it as soon as that answer returns; the key store takes it for the
// signature it makes meanwhile and invalidates it after. So a context never outlives its
// operation, never signs twice, and a signature without a fresh verification has no context
// at all (the key store then refuses rather than let the system prompt on its own).
class KeyAuthorization {
public:
    explicit KeyAuthorization(AppleSecurityApi& api) : m_api(api) {}
    ~KeyAuthorization() { revoke(); }
    KeyAuthorization(const KeyAuthorization&) = delete;
    KeyAuthorization& operator=(const KeyAuthorization&) = delete;

    // Holds context (an evaluated one), invalidating any it held before.
    void grant(ContextId context)
    {
        revoke();
        m_context = context;
    }
    // The held context, now the caller's to invalidate; 0 when none is held.
    ContextId take()
    {
        const ContextId context = m_context;
        m_context = 0;
        return context;
    }
    // Invalidates the held context, if any.
    void revoke()
    {
        if (const ContextId context = take())
            m_api.invalidate(context);
    }
    bool holds() const { return m_context != 0; }

private:
    AppleSecurityApi& m_api;
    ContextId m_context = 0;
};

} // namespace latchkey::authenticator::macos
