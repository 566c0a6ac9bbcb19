#pragma once

#include "authenticator/ec_p256_key.h"
#include "authenticator/macos/apple_security_api.h"

#include <QHash>
#include <QList>
#include <functional>
#include <optional>

namespace latchkey::authenticator::macos {

// The one fake of AppleSecurityApi: a model of the Secure Enclave and LocalAuthentication as
// Apple documents them, with OpenSSL keys in memory, for the plain C++ around the Apple calls.
//
// Keys: P-256, named by tag and label (a second key of the same name is errSecDuplicateItem);
// a key signs (DER X9.62 ECDSA over SHA-256 of the message) only with a context that evaluated
// successfully and was not invalidated since, and only if that verification satisfies the key's
// protection (a BiometryCurrentSet key wants Touch ID; the password does not do):
// errSecInteractionNotAllowed otherwise, as kSecUseAuthenticationUISkip makes it. Changing the
// fingerprints (enrollFingerprintsAgain) removes every BiometryCurrentSet key for good, so they
// answer errSecItemNotFound.
//
// Contexts: canEvaluate answers what the test set per policy. An evaluation is answered from
// the script (in order, at once), or held until answerEvaluation() when the script is empty;
// invalidate() answers a held evaluation LAErrorAppCancel at once.
class FakeAppleSecurityApi final : public AppleSecurityApi {
public:
    enum class Method { TouchId, Password };
    struct ScriptedEvaluation {
        AppleStatus status = 0;
        Method method = Method::TouchId; // how a successful evaluation verified the person
    };
    struct EvaluationSeen {
        ContextId context = 0;
        bool keyUse = false; // evaluateKeyUse (else evaluatePolicy)
        KeyProtection protection = KeyProtection::UserPresence;
        VerificationPolicy policy = VerificationPolicy::DeviceOwner;
        QString reason;
    };

    // The Mac.
    void setHasSecureEnclave(bool has) { m_hasSecureEnclave = has; }
    void setCanEvaluate(VerificationPolicy policy, AppleStatus status);
    void failNextCreate(AppleStatus status) { m_nextCreateFailure = status; }
    void failNextSign(AppleStatus status) { m_nextSignFailure = status; }
    // The next signature comes back changed by mangle (a damaged answer of the hardware).
    void mangleNextSignature(std::function<QByteArray(QByteArray)> mangle);
    void enrollFingerprintsAgain();

    // LocalAuthentication's answers.
    void scriptEvaluations(QList<ScriptedEvaluation> answers) { m_script = std::move(answers); }
    void answerEvaluation(ScriptedEvaluation answer);
    bool evaluationHeld() const { return m_held.has_value(); }

    // What was asked.
    const QList<EvaluationSeen>& evaluations() const { return m_evaluations; }
    qsizetype keyCount() const { return m_keys.size(); }
    bool hasKey(const KeychainKeyName& name) const { return m_keys.contains(keyOf(name)); }
    std::optional<KeyProtection> protectionOf(const KeychainKeyName& name) const;
    QString accessGroupOf(const KeychainKeyName& name) const;
    qsizetype liveContexts() const; // created and not invalidated
    qsizetype signatures() const { return m_signatures; }

    bool hasSecureEnclave() const override { return m_hasSecureEnclave; }
    AppleAnswer<QByteArray> createKey(const KeychainKeyName& name, KeyProtection protection,
                                      const QString& accessGroup) override;
    AppleAnswer<QByteArray> copyPublicKey(const KeychainKeyName& name) override;
    AppleAnswer<QByteArray> sign(const KeychainKeyName& name, ContextId context,
                                 QByteArrayView message) override;
    AppleStatus deleteKey(const KeychainKeyName& name) override;
    ContextId createContext() override;
    AppleStatus canEvaluate(ContextId context, VerificationPolicy policy) override;
    void evaluateKeyUse(ContextId context, KeyProtection protection, const QString& reason,
                        Evaluated done) override;
    void evaluatePolicy(ContextId context, VerificationPolicy policy, const QString& reason,
                        Evaluated done) override;
    void invalidate(ContextId context) override;

private:
    struct Key {
        EcP256Key key;
        KeyProtection protection = KeyProtection::UserPresence;
        QString accessGroup;
    };
    struct Context {
        bool invalidated = false;
        std::optional<Method> verifiedBy;
    };
    struct Held {
        ContextId context = 0;
        Evaluated done;
    };

    static QByteArray keyOf(const KeychainKeyName& name);
    void evaluate(EvaluationSeen seen, Evaluated done);
    void deliver(ContextId context, const Evaluated& done, ScriptedEvaluation answer);

    bool m_hasSecureEnclave = true;
    AppleStatus m_canBiometrics = 0;
    AppleStatus m_canDeviceOwner = 0;
    std::optional<AppleStatus> m_nextCreateFailure;
    std::optional<AppleStatus> m_nextSignFailure;
    std::function<QByteArray(QByteArray)> m_mangle;
    QHash<QByteArray, Key> m_keys;
    QHash<ContextId, Context> m_contexts;
    ContextId m_nextContext = 1;
    QList<ScriptedEvaluation> m_script;
    std::optional<Held> m_held;
    QList<EvaluationSeen> m_evaluations;
    qsizetype m_signatures = 0;
};

} // namespace latchkey::authenticator::macos
