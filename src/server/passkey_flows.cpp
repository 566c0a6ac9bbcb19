#include "server/passkey_flows.h"

#include "core/base64url.h"
#include "server/authenticator_names.h"
#include "server/credential_signals.h"
#include "server/store_failure.h"
#include "webauthn/authentication_options.h"
#include "webauthn/client_data.h"
#include "webauthn/credential_json.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>

namespace latchkey::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("latchkey::server::PasskeyFlows", text);
}

constexpr qsizetype kLoginMax = 254;
constexpr qsizetype kDecoyIdLength = 32;

ApiError notSignedIn()
{
    return {401, QStringLiteral("no_session"),
            QCoreApplication::translate(
                "latchkey::server::PasskeyFlows",
                "There is no profile session in this browser. Create a profile or sign in "
                "first.")};
}

// Structure and encoding problems are the request's fault (400); a well-formed credential
// that does not verify is 422; our own crypto failing is 500.
int statusFor(webauthn::ErrorCode code)
{
    using webauthn::ErrorCode;
    switch (code) {
    case ErrorCode::MalformedJson:
    case ErrorCode::MissingField:
    case ErrorCode::WrongFieldType:
    case ErrorCode::EmptyField:
    case ErrorCode::InvalidBase64Url:
    case ErrorCode::InvalidCredentialType:
    case ErrorCode::CredentialIdMismatch:
    case ErrorCode::CredentialIdTooLong:
    case ErrorCode::ClientDataMalformed:
        return 400;
    case ErrorCode::InternalError:
        return 500;
    default:
        return 422;
    }
}

ApiError fromWebAuthn(const webauthn::Error& error)
{
    return {statusFor(error.code), webauthn::codeName(error.code), error.message};
}

bool hasUnsafeCharacter(const QString& text)
{
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format ||
            category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

} // namespace

PasskeyFlows::PasskeyFlows(store::Database& database, const ServerContext& context,
                           Sessions& sessions)
    : m_context(context), m_sessions(sessions), m_users(database), m_credentials(database),
      m_challenges(database), m_decoyKey(store::ChallengeStore::randomChallenge(32))
{}

ApiResult<QString> PasskeyFlows::validateNickname(const QString& nickname)
{
    const QString value = nickname.trimmed().normalized(QString::NormalizationForm_C);
    if (value.isEmpty() || value.size() > kNicknameMax || hasUnsafeCharacter(value))
        return ApiError{400, QStringLiteral("invalid_nickname"),
                        tr("A passkey name is 1 to 64 characters, without control "
                           "characters.")};
    return value;
}

// The session of a profile: Enrolling (just created, first passkey) or SignedIn.
ApiResult<CurrentSession> PasskeyFlows::profileSession(const HttpRequest& request)
{
    auto current = m_sessions.current(request);
    if (!current)
        return readFailure(current.error());
    if (current->state != SessionState::Enrolling && current->state != SessionState::SignedIn)
        return notSignedIn();
    return *current;
}

// The challenge the browser signed is read from clientDataJSON and must be the one pending
// for this session and purpose: it is spent here whatever verification says next.
ApiResult<store::Challenge> PasskeyFlows::consumeChallenge(const store::Session& session,
                                                           store::ChallengePurpose purpose,
                                                           const QByteArray& clientDataJson)
{
    const auto clientData = webauthn::parseClientData(clientDataJson);
    if (!clientData)
        return fromWebAuthn(clientData.error());
    const auto bytes = core::decodeBase64Url(QStringView(clientData->challenge));
    if (!bytes || bytes->isEmpty())
        return ApiError{400, QStringLiteral("invalid_base64_url"),
                        tr("The challenge in clientDataJSON is not base64url.")};
    const auto consumed = m_challenges.consume(session.id, purpose, *bytes, m_context.now());
    if (consumed)
        return *consumed;
    if (consumed.error().code == store::StoreError::Code::NotFound)
        return ApiError{409, QStringLiteral("no_pending_challenge"),
                        tr("This request was already used, has expired or was never issued "
                           "to this browser. Start again.")};
    if (consumed.error().code == store::StoreError::Code::Invalid)
        return ApiError{422, QStringLiteral("challenge_mismatch"),
                        tr("The passkey answered another request than the one pending. Start "
                           "again.")};
    return writeFailure(consumed.error());
}

ApiResult<QList<webauthn::CredentialDescriptor>> PasskeyFlows::descriptorsFor(qint64 userId) const
{
    const auto credentials = m_credentials.listForUser(userId);
    if (!credentials)
        return readFailure(credentials.error());
    QList<webauthn::CredentialDescriptor> descriptors;
    for (const store::Credential& credential : *credentials)
        descriptors.append({credential.credentialId, credential.transports});
    return descriptors;
}

// --- Registration -----------------------------------------------------------------------

ApiResult<QJsonObject> PasskeyFlows::creationOptions(const CurrentSession& current)
{
    const store::User& user = *current.user;
    webauthn::RegistrationOptionsRequest request;
    request.rp = {ServerContext::rpId(), ServerContext::rpName()};
    request.user = {user.userHandle, user.username,
                    user.displayName.isEmpty() ? user.username : user.displayName};
    // Without the full list the authenticator could register a second passkey for one
    // profile on the same device: a failed read refuses instead.
    const auto existing = descriptorsFor(user.id);
    if (!existing)
        return existing.error();
    request.excludeCredentials = *existing;
    // Discoverable credentials make usernameless sign-in possible; every authenticator we
    // target (Latchkey's own, Windows Hello, Touch ID) verifies the person.
    request.residentKey = QStringLiteral("required");
    request.userVerification = QStringLiteral("required");
    request.attestation = QStringLiteral("none");
    request.algorithms = {-7, -8, -257}; // ES256, EdDSA, RS256
    const auto options = webauthn::buildRegistrationOptions(request);
    if (!options)
        return fromWebAuthn(options.error());
    const auto issued =
        m_challenges.issue(current.session.id, store::ChallengePurpose::Registration, user.id,
                           options->challenge, m_context.now());
    if (!issued)
        return writeFailure(issued.error());
    return options->json;
}

HttpResponse PasskeyFlows::registrationOptions(const HttpRequest& request)
{
    const QString title = tr("Passkey not registered");
    const auto body = readJsonObject(request);
    if (!body)
        return apiErrorResponse(body.error(), title);
    const auto current = profileSession(request);
    if (!current)
        return apiErrorResponse(current.error(), title);
    const auto options = creationOptions(*current);
    if (!options)
        return apiErrorResponse(options.error(), title);
    return jsonResponse(200, *options);
}

ApiResult<QString> PasskeyFlows::requestedNickname(const QJsonObject& body)
{
    const QJsonValue nickname = body.value(QStringLiteral("nickname"));
    if (nickname.isUndefined() || nickname.isNull() ||
        (nickname.isString() && nickname.toString().trimmed().isEmpty()))
        return QString();
    if (!nickname.isString())
        return ApiError{400, QStringLiteral("wrong_field_type"),
                        tr("The passkey name must be text.")};
    return validateNickname(nickname.toString());
}

ApiResult<store::Credential> PasskeyFlows::registerCredential(const CurrentSession& current,
                                                              const QJsonObject& body)
{
    const auto nickname = requestedNickname(body);
    if (!nickname)
        return nickname.error();
    const auto response = webauthn::parseRegistrationResponse(body);
    if (!response)
        return fromWebAuthn(response.error());
    const auto challenge = consumeChallenge(current.session, store::ChallengePurpose::Registration,
                                            response->clientDataJson);
    if (!challenge)
        return challenge.error();
    if (challenge->userId != current.user->id)
        return ApiError{403, QStringLiteral("wrong_profile"),
                        tr("This request was issued for another profile. Start again.")};
    webauthn::RegistrationExpectations expected;
    expected.challengeText = webauthn::parseClientData(response->clientDataJson)->challenge;
    expected.origins = {m_context.origin()};
    expected.rpIds = {ServerContext::rpId()};
    expected.requireUserVerification = true;
    expected.algorithms = {-7, -8, -257};
    expected.trust.verifyTime = m_context.now();
    const auto verified = webauthn::verifyRegistration(body, expected);
    if (!verified)
        return fromWebAuthn(verified.error());
    store::NewCredential credential{
        current.user->id,
        verified->credentialId,
        verified->publicKeyCbor,
        verified->signCount,
        verified->transports,
        verified->aaguid,
        verified->format,
        verified->backupEligible,
        verified->backupState,
        nickname->isEmpty() ? defaultNickname(verified->aaguid, verified->authenticatorAttachment)
                            : *nickname};
    const auto added = m_credentials.add(credential);
    if (added)
        return *added;
    if (added.error().code == store::StoreError::Code::Conflict)
        return ApiError{409, QStringLiteral("credential_exists"),
                        tr("This passkey is already registered.")};
    return writeFailure(added.error());
}

HttpResponse PasskeyFlows::registrationVerify(const HttpRequest& request)
{
    const QString title = tr("Passkey not registered");
    const auto body = readJsonObject(request);
    if (!body)
        return apiErrorResponse(body.error(), title);
    const auto current = profileSession(request);
    if (!current)
        return apiErrorResponse(current.error(), title);
    const auto credential = registerCredential(*current, *body);
    if (!credential)
        return apiErrorResponse(credential.error(), title);
    const auto rotated = m_sessions.rotate(current->token, current->user->id);
    if (!rotated)
        return apiErrorResponse(writeFailure(rotated.error()), title);
    HttpResponse response = jsonResponse(
        201, QJsonObject{{QStringLiteral("ok"), true},
                         {QStringLiteral("title"), tr("Passkey registered")},
                         {QStringLiteral("message"),
                          tr("\"%1\" now unlocks your profile.").arg(credential->nickname)},
                         {QStringLiteral("redirect"), QStringLiteral("/profile")},
                         {QStringLiteral("credential"),
                          QJsonObject{{QStringLiteral("id"),
                                       core::encodeBase64UrlString(credential->credentialId)},
                                      {QStringLiteral("nickname"), credential->nickname}}}});
    response.addHeader("Set-Cookie", Sessions::sessionCookie(rotated->token));
    response.addHeader("Set-Cookie", Sessions::lastUserCookie(current->user->uid));
    return response;
}

// --- Sign-in ----------------------------------------------------------------------------

// An unknown login gets one or two credential IDs derived from it under a per-process key:
// the same answer every time it is asked, shaped like a real profile's.
QList<webauthn::CredentialDescriptor> PasskeyFlows::decoyDescriptors(const QString& login) const
{
    const QByteArray seed = QMessageAuthenticationCode::hash(
        store::UserStore::loginKey(login).toUtf8(), m_decoyKey, QCryptographicHash::Sha512);
    QList<webauthn::CredentialDescriptor> descriptors{
        {seed.left(kDecoyIdLength), {QStringLiteral("internal")}}};
    if (static_cast<unsigned char>(seed.back()) % 4 == 0)
        descriptors.append(
            {seed.mid(kDecoyIdLength, kDecoyIdLength), {QStringLiteral("internal")}});
    return descriptors;
}

ApiResult<QString> PasskeyFlows::requestedLogin(const QJsonObject& body)
{
    const QJsonValue loginValue = body.value(QStringLiteral("login"));
    if (!loginValue.isUndefined() && !loginValue.isNull() && !loginValue.isString())
        return ApiError{400, QStringLiteral("wrong_field_type"),
                        tr("The username or email must be text.")};
    const QString login = loginValue.toString().trimmed().normalized(QString::NormalizationForm_C);
    if (login.size() > kLoginMax)
        return ApiError{400, QStringLiteral("invalid_login"),
                        tr("A username or email address is at most 254 characters.")};
    return login;
}

// Read before the session and challenge are written, so a failed read writes nothing. A
// failed read is never answered with decoys: that would tell a real profile it has none.
ApiResult<PasskeyFlows::SignInTarget> PasskeyFlows::signInTarget(const QString& login) const
{
    if (login.isEmpty())
        return SignInTarget{};
    const auto user = m_users.findByLogin(login);
    if (!user)
        return readFailure(user.error());
    if (*user) {
        const auto descriptors = descriptorsFor((*user)->id);
        if (!descriptors)
            return descriptors.error();
        if (!descriptors->isEmpty())
            return SignInTarget{*descriptors, (*user)->id};
    }
    return SignInTarget{decoyDescriptors(login), std::nullopt};
}

ApiResult<QJsonObject> PasskeyFlows::requestOptions(const store::Session& session,
                                                    const SignInTarget& target)
{
    webauthn::AuthenticationOptionsRequest request;
    request.rpId = ServerContext::rpId();
    request.userVerification = QStringLiteral("required");
    request.allowCredentials = target.allowCredentials;
    const auto options = webauthn::buildAuthenticationOptions(request);
    if (!options)
        return fromWebAuthn(options.error());
    const auto issued = m_challenges.issue(session.id, store::ChallengePurpose::Authentication,
                                           target.userId, options->challenge, m_context.now());
    if (!issued)
        return writeFailure(issued.error());
    return options->json;
}

HttpResponse PasskeyFlows::authenticationOptions(const HttpRequest& request)
{
    const QString title = tr("Sign-in failed");
    const auto body = readJsonObject(request);
    if (!body)
        return apiErrorResponse(body.error(), title);
    const auto login = requestedLogin(*body);
    if (!login)
        return apiErrorResponse(login.error(), title);
    const auto target = signInTarget(*login);
    if (!target)
        return apiErrorResponse(target.error(), title);
    bool created = false;
    const auto current = m_sessions.currentOrNew(request, created);
    if (!current)
        return apiErrorResponse(readFailure(current.error()), title);
    const auto options = requestOptions(current->session, *target);
    if (!options)
        return apiErrorResponse(options.error(), title);
    HttpResponse response = jsonResponse(200, *options);
    if (created)
        response.addHeader("Set-Cookie", Sessions::sessionCookie(current->token));
    return response;
}

// Everything sign-in needs from the store, read before the challenge is spent, so a failed
// read refuses the attempt with nothing written (the same challenge can be answered again).
ApiResult<PasskeyFlows::SignInRecords>
PasskeyFlows::signInRecords(const QByteArray& credentialId) const
{
    SignInRecords records;
    const auto credential = m_credentials.findByCredentialId(credentialId);
    if (!credential)
        return readFailure(credential.error());
    records.credential = *credential;
    if (!records.credential)
        return records;
    const auto owner = m_users.findById(records.credential->userId);
    if (!owner)
        return readFailure(owner.error());
    records.owner = *owner;
    const auto ownerPasskeys = descriptorsFor(records.credential->userId);
    if (!ownerPasskeys)
        return ownerPasskeys.error();
    for (const auto& descriptor : *ownerPasskeys)
        records.ownerCredentialIds.append(descriptor.id);
    return records;
}

ApiResult<PasskeyFlows::SignIn> PasskeyFlows::verifySignIn(const CurrentSession& current,
                                                           const QJsonObject& body)
{
    const auto response = webauthn::parseAuthenticationResponse(body);
    if (!response)
        return fromWebAuthn(response.error());
    const auto records = signInRecords(response->rawId);
    if (!records)
        return records.error();
    const auto challenge = consumeChallenge(
        current.session, store::ChallengePurpose::Authentication, response->clientDataJson);
    if (!challenge)
        return challenge.error();
    const std::optional<store::Credential>& credential = records->credential;
    if (!credential)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This passkey is not registered with Latchkey. Choose another, or "
                           "create a profile.")};
    if (challenge->userId && *challenge->userId != credential->userId)
        return ApiError{403, QStringLiteral("wrong_profile"),
                        tr("This passkey belongs to another profile. Choose the passkey of "
                           "the profile you named.")};
    const std::optional<store::User>& owner = records->owner;
    if (!owner)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This passkey's profile no longer exists.")};
    webauthn::AuthenticationExpectations expected;
    expected.challengeText = webauthn::parseClientData(response->clientDataJson)->challenge;
    expected.origins = {m_context.origin()};
    expected.rpIds = {ServerContext::rpId()};
    expected.requireUserVerification = true;
    // Username-first: the profile named is the credential's owner (checked above).
    if (challenge->userId)
        expected.allowCredentials = records->ownerCredentialIds;
    expected.requireUserHandle = !challenge->userId;
    webauthn::StoredCredential stored;
    stored.credentialId = credential->credentialId;
    stored.publicKeyCbor = credential->publicKey;
    stored.signCount = credential->signCount;
    stored.backupEligible = credential->backupEligible;
    stored.userHandle = owner->userHandle;
    const auto verified = webauthn::verifyAuthentication(body, expected, stored);
    if (!verified)
        return fromWebAuthn(verified.error());
    const auto updated = m_credentials.updateAfterSignIn(
        credential->credentialId, verified->newSignCount, verified->backupState, m_context.now());
    if (!updated)
        return writeFailure(updated.error());
    return SignIn{*owner, credential->credentialId};
}

HttpResponse PasskeyFlows::signedIn(const CurrentSession& current, const SignIn& signIn)
{
    const QString title = tr("Sign-in failed");
    const auto rotated = m_sessions.rotate(current.token, signIn.user.id);
    if (!rotated)
        return apiErrorResponse(writeFailure(rotated.error()), title);
    HttpResponse response = jsonResponse(
        200, QJsonObject{{QStringLiteral("ok"), true},
                         {QStringLiteral("title"), tr("Signed in")},
                         {QStringLiteral("message"),
                          tr("Welcome back, %1.")
                              .arg(signIn.user.displayName.isEmpty() ? signIn.user.username
                                                                     : signIn.user.displayName)},
                         {QStringLiteral("redirect"), QStringLiteral("/profile")}});
    response.addHeader("Set-Cookie", Sessions::sessionCookie(rotated->token));
    response.addHeader("Set-Cookie", Sessions::lastUserCookie(signIn.user.uid));
    return response;
}

// A passkey this server does not know (its profile was deleted): the answer names it so the
// page can tell the authenticator (signalUnknownCredential) and it stops being offered.
HttpResponse PasskeyFlows::unknownCredentialAnswer(const ApiError& error, const QString& title,
                                                   const QJsonObject& body)
{
    const auto rawId =
        core::decodeBase64Url(QStringView(body.value(QStringLiteral("rawId")).toString()));
    if (!rawId || rawId->isEmpty())
        return apiErrorResponse(error, title);
    QJsonObject answer = errorBody(error, title);
    answer.insert(QStringLiteral("signal"), unknownCredentialsSignal({*rawId}));
    return jsonResponse(error.status, answer);
}

HttpResponse PasskeyFlows::authenticationVerify(const HttpRequest& request)
{
    const QString title = tr("Sign-in failed");
    const auto body = readJsonObject(request);
    if (!body)
        return apiErrorResponse(body.error(), title);
    const auto current = m_sessions.current(request);
    if (!current)
        return apiErrorResponse(readFailure(current.error()), title);
    if (current->state == SessionState::None)
        return apiErrorResponse({401, QStringLiteral("no_session"),
                                 tr("This browser has no sign-in in progress. Start again.")},
                                title);
    const auto signIn = verifySignIn(*current, *body);
    if (signIn)
        return signedIn(*current, *signIn);
    if (signIn.error().code == QLatin1String("unknown_credential"))
        return unknownCredentialAnswer(signIn.error(), title, *body);
    return apiErrorResponse(signIn.error(), title);
}

} // namespace latchkey::server
