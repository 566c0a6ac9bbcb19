#pragma once

#include "server/api_answers.h"
#include "server/server_context.h"
#include "server/sessions.h"
#include "store/challenge_store.h"
#include "store/credential_store.h"
#include "store/user_store.h"
#include "webauthn/credential_json.h"
#include "webauthn/registration_options.h"

#include <QByteArray>
#include <QJsonObject>

namespace latchkey::server {

// The WebAuthn ceremonies of the JSON API (README "Passkey API"): HTTP and JSON on one side,
// the store and the ceremony state on the other. The relying party (ServerContext::
// relyingParty) makes the options and the state and verifies the answer against it; the
// state waits in ChallengeStore, bound to the browser's session (5 minutes, single use).
// Every refusal writes nothing but the spent state.
class PasskeyFlows {
public:
    PasskeyFlows(store::Database& database, const ServerContext& context, Sessions& sessions);

    HttpResponse registrationOptions(const HttpRequest& request);
    HttpResponse registrationVerify(const HttpRequest& request);
    HttpResponse authenticationOptions(const HttpRequest& request);
    HttpResponse authenticationVerify(const HttpRequest& request);

    static constexpr int kNicknameMax = 64;
    // Trimmed, NFC, 1..64 characters, no control or format characters.
    static ApiResult<QString> validateNickname(const QString& nickname);

private:
    static HttpResponse unknownCredentialAnswer(const ApiError& error, const QString& title,
                                                const webauthn::CredentialId& credentialId);
    struct SignIn {
        store::User user;
        QByteArray credentialId;
    };

    // A presented credential as the store knows it: the passkey and its owner (empty
    // optionals when the id is unknown).
    struct SignInRecords {
        std::optional<store::Credential> credential;
        std::optional<store::User> owner;
    };

    ApiResult<CurrentSession> profileSession(const HttpRequest& request);
    ApiResult<SignInRecords> signInRecords(const QByteArray& credentialId) const;
    ApiResult<store::PendingCeremony> takeCeremony(const store::Session& session,
                                                   store::ChallengePurpose purpose);
    ApiResult<QJsonObject> creationOptions(const CurrentSession& current);
    ApiResult<QString> requestedNickname(const QJsonObject& body);
    ApiResult<store::Credential> registerCredential(const CurrentSession& current,
                                                    const QJsonObject& body);
    // Whom a sign-in's options are for: a profile (its id, user handle and passkeys), or
    // no profile (usernameless, or decoys for an unknown login).
    struct SignInTarget {
        QList<webauthn::CredentialDescriptor> allowCredentials;
        std::optional<qint64> userId;
        webauthn::UserHandle userHandle;
    };

    ApiResult<QString> requestedLogin(const QJsonObject& body);
    ApiResult<SignInTarget> signInTarget(const QString& login) const;
    ApiResult<QJsonObject> requestOptions(const store::Session& session,
                                          const SignInTarget& target);
    ApiResult<QList<webauthn::CredentialDescriptor>> descriptorsFor(qint64 userId) const;
    QList<webauthn::CredentialDescriptor> decoyDescriptors(const QString& login) const;
    ApiResult<SignIn> verifySignIn(const CurrentSession& current,
                                   const webauthn::AuthenticationResponse& response);
    HttpResponse signedIn(const CurrentSession& current, const SignIn& signIn);

    const ServerContext& m_context;
    Sessions& m_sessions;
    store::UserStore m_users;
    store::CredentialStore m_credentials;
    store::ChallengeStore m_challenges;
    QByteArray m_decoyKey; // per process: makes the decoy allowCredentials of unknown logins
};

} // namespace latchkey::server
