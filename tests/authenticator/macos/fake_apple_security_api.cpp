#include "fake_apple_security_api.h"

#include "authenticator/macos/apple_status.h"

namespace latchkey::authenticator::macos {

QByteArray FakeAppleSecurityApi::keyOf(const KeychainKeyName& name)
{
    return name.applicationTag + '\0' + name.applicationLabel;
}

void FakeAppleSecurityApi::setCanEvaluate(VerificationPolicy policy, AppleStatus status)
{
    (policy == VerificationPolicy::Biometrics ? m_canBiometrics : m_canDeviceOwner) = status;
}

void FakeAppleSecurityApi::mangleNextSignature(std::function<QByteArray(QByteArray)> mangle)
{
    m_mangle = std::move(mangle);
}

void FakeAppleSecurityApi::enrollFingerprintsAgain()
{
    for (auto key = m_keys.begin(); key != m_keys.end();) {
        if (key->protection == KeyProtection::BiometryCurrentSet)
            key = m_keys.erase(key);
        else
            ++key;
    }
}

std::optional<KeyProtection> FakeAppleSecurityApi::protectionOf(const KeychainKeyName& name) const
{
    const auto key = m_keys.constFind(keyOf(name));
    if (key == m_keys.constEnd())
        return std::nullopt;
    return key->protection;
}

QString FakeAppleSecurityApi::accessGroupOf(const KeychainKeyName& name) const
{
    return m_keys.value(keyOf(name)).accessGroup;
}

qsizetype FakeAppleSecurityApi::liveContexts() const
{
    qsizetype live = 0;
    for (const Context& context : m_contexts)
        live += context.invalidated ? 0 : 1;
    return live;
}

AppleAnswer<QByteArray> FakeAppleSecurityApi::createKey(const KeychainKeyName& name,
                                                        KeyProtection protection,
                                                        const QString& accessGroup)
{
    if (const auto failure = std::exchange(m_nextCreateFailure, std::nullopt))
        return {*failure, {}};
    if (!m_hasSecureEnclave)
        return {oss::kUnimplemented, {}};
    if (m_keys.contains(keyOf(name)))
        return {oss::kDuplicateItem, {}};
    auto key = EcP256Key::generate();
    if (!key)
        return {oss::kParam, {}};
    m_keys.insert(keyOf(name), Key{*key, protection, accessGroup});
    return {oss::kSuccess, key->publicPoint()};
}

AppleAnswer<QByteArray> FakeAppleSecurityApi::copyPublicKey(const KeychainKeyName& name)
{
    const auto key = m_keys.constFind(keyOf(name));
    if (key == m_keys.constEnd())
        return {oss::kItemNotFound, {}};
    return {oss::kSuccess, key->key.publicPoint()};
}

AppleAnswer<QByteArray> FakeAppleSecurityApi::sign(const KeychainKeyName& name, ContextId context,
                                                   QByteArrayView message)
{
    if (const auto failure = std::exchange(m_nextSignFailure, std::nullopt))
        return {*failure, {}};
    const auto key = m_keys.constFind(keyOf(name));
    if (key == m_keys.constEnd())
        return {oss::kItemNotFound, {}};
    const auto found = m_contexts.constFind(context);
    if (found == m_contexts.constEnd() || found->invalidated || !found->verifiedBy)
        return {oss::kInteractionNotAllowed, {}};
    if (key->protection == KeyProtection::BiometryCurrentSet &&
        *found->verifiedBy != Method::TouchId)
        return {oss::kInteractionNotAllowed, {}};
    auto signature = key->key.sign(message);
    if (!signature)
        return {oss::kParam, {}};
    ++m_signatures;
    if (const auto mangle = std::exchange(m_mangle, nullptr))
        return {oss::kSuccess, mangle(*signature)};
    return {oss::kSuccess, *signature};
}

AppleStatus FakeAppleSecurityApi::deleteKey(const KeychainKeyName& name)
{
    return m_keys.remove(keyOf(name)) ? oss::kSuccess : oss::kItemNotFound;
}

ContextId FakeAppleSecurityApi::createContext()
{
    const ContextId id = m_nextContext++;
    m_contexts.insert(id, Context{});
    return id;
}

AppleStatus FakeAppleSecurityApi::canEvaluate(ContextId context, VerificationPolicy policy)
{
    if (!m_contexts.contains(context) || m_contexts.value(context).invalidated)
        return la::kInvalidContext;
    return policy == VerificationPolicy::Biometrics ? m_canBiometrics : m_canDeviceOwner;
}

void FakeAppleSecurityApi::evaluateKeyUse(ContextId context, KeyProtection protection,
                                          const QString& reason, Evaluated done)
{
    evaluate(EvaluationSeen{context, true, protection, VerificationPolicy::DeviceOwner, reason},
             std::move(done));
}

void FakeAppleSecurityApi::evaluatePolicy(ContextId context, VerificationPolicy policy,
                                          const QString& reason, Evaluated done)
{
    evaluate(EvaluationSeen{context, false, KeyProtection::UserPresence, policy, reason},
             std::move(done));
}

void FakeAppleSecurityApi::evaluate(EvaluationSeen seen, Evaluated done)
{
    m_evaluations.append(seen);
    if (m_held) // LocalAuthentication runs one evaluation at a time
        return done(la::kSystemCancel);
    if (!m_contexts.contains(seen.context) || m_contexts.value(seen.context).invalidated)
        return done(la::kInvalidContext);
    if (m_script.isEmpty()) {
        m_held = Held{seen.context, std::move(done)};
        return;
    }
    deliver(seen.context, done, m_script.takeFirst());
}

void FakeAppleSecurityApi::answerEvaluation(ScriptedEvaluation answer)
{
    if (!m_held)
        return;
    const Held held = std::move(*m_held);
    m_held.reset();
    deliver(held.context, held.done, answer);
}

void FakeAppleSecurityApi::deliver(ContextId context, const Evaluated& done,
                                   ScriptedEvaluation answer)
{
    if (answer.status == 0)
        m_contexts[context].verifiedBy = answer.method;
    done(answer.status);
}

void FakeAppleSecurityApi::invalidate(ContextId context)
{
    const auto found = m_contexts.find(context);
    if (found == m_contexts.end())
        return;
    found->invalidated = true;
    found->verifiedBy.reset();
    if (m_held && m_held->context == context) {
        const Held held = std::move(*m_held);
        m_held.reset();
        held.done(la::kAppCancel);
    }
}

} // namespace latchkey::authenticator::macos
