#include "server/passkey_flows.h"

#include "core/base64url.h"
#include "server/authenticator_names.h"
#include "server/credential_signals.h"
#include "server/store_failure.h"
#include "webauthn/relying_party.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace latchkey::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("latchkey::server::PasskeyFlows", text);
}

constexpr qsizetype kLoginMax = 254;
constexpr qsizetype kDecoyIdLength = 32;

// The per-process key of the decoy credential IDs.
QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), key.size() / 4);
    return key;
}

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
    case ErrorCode::CeremonyExpired:
    case ErrorCode::CeremonyStateInvalid:
        return 409;
    case ErrorCode::InternalError:
        return 500;
    default:
        return 422;
    }
}

ApiError fromWebAuthn(const webauthn::Error& error)
{
    // Username-first, answered with a passkey of another profile (§7.2 step 6).
    if (error.code == webauthn::ErrorCode::CredentialOfAnotherUser)
        return {403, QStringLiteral("wrong_profile"),
                QCoreApplication::translate("latchkey::server::PasskeyFlows",
                                            "This passkey belongs to another profile. Choose the "
                                            "passkey of the profile you named.")};
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
      m_challenges(database), m_decoyKey(randomKey())
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

// The session of a profile: Enrolling (just created, first passkey), SignedIn, or
// Recovering (a recovery sign-in, whose one step is registering a new passkey).
ApiResult<CurrentSession> PasskeyFlows::profileSession(const HttpRequest& request)
{
    auto current = m_sessions.current(request);
    if (!current)
        return readFailure(current.error());
    if (current->state != SessionState::Enrolling && current->state != SessionState::SignedIn &&
        current->state != SessionState::Recovering)
        return notSignedIn();
    return *current;
}

// The ceremony pending for this session and purpose. It is spent here whatever the
// verification says next, an answer to another challenge included.
ApiResult<store::PendingCeremony> PasskeyFlows::takeCeremony(const store::Session& session,
                                                             store::ChallengePurpose purpose)
{
    const auto taken = m_challenges.take(session.id, purpose, m_context.now());
    if (taken)
        return *taken;
    if (taken.error().code == store::StoreError::Code::NotFound ||
        taken.error().code == store::StoreError::Code::Invalid)
        return ApiError{409, QStringLiteral("no_pending_challenge"),
                        tr("This request was already used, has expired or was never issued "
                           "to this browser. Start again.")};
    return writeFailure(taken.error());
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
    // Without the full list the authenticator could register a second passkey for one
    // profile on the same device: a failed read refuses instead.
    const auto existing = descriptorsFor(user.id);
    if (!existing)
        return existing.error();
    const webauthn::UserEntity entity{user.userHandle, user.username,
                                      user.displayName.isEmpty() ? user.username
                                                                 : user.displayName};
    const QDateTime now = m_context.now();
    const auto start = m_context.relyingParty().startRegistration(entity, *existing, now);
    if (!start)
        return fromWebAuthn(start.error());
    const auto issued = m_challenges.issue(
        current.session.id, store::ChallengePurpose::Registration, user.id, start->state, now);
    if (!issued)
        return writeFailure(issued.error());
    return start->options;
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
    const auto pending = takeCeremony(current.session, store::ChallengePurpose::Registration);
    if (!pending)
        return pending.error();
    // The state is bound to the session; a session serves one profile at a time.
    if (pending->userId != current.user->id)
        return ApiError{403, QStringLiteral("wrong_profile"),
                        tr("This request was issued for another profile. Start again.")};
    const auto verified =
        m_context.relyingParty().finishRegistration(*response, pending->state, m_context.now());
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
    // Rotation also ends a recovery sign-in: the new session is an ordinary one, reached by
    // the passkey just verified.
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
            return SignInTarget{*descriptors, (*user)->id, (*user)->userHandle};
    }
    return SignInTarget{decoyDescriptors(login), std::nullopt, {}};
}

ApiResult<QJsonObject> PasskeyFlows::requestOptions(const store::Session& session,
                                                    const SignInTarget& target)
{
    const QDateTime now = m_context.now();
    const webauthn::RelyingParty rp = m_context.relyingParty();
    // Decoys look like a profile's passkeys to the page but bind nothing: such a sign-in
    // behaves like a usernameless one.
    const auto start = target.userId
                           ? rp.startAuthentication(target.userHandle, target.allowCredentials, now)
                           : rp.startDiscoverableAuthentication(target.allowCredentials, now);
    if (!start)
        return fromWebAuthn(start.error());
    const auto issued = m_challenges.issue(session.id, store::ChallengePurpose::Authentication,
                                           target.userId, start->state, now);
    if (!issued)
        return writeFailure(issued.error());
    return start->options;
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
    return records;
}

ApiResult<PasskeyFlows::SignIn>
PasskeyFlows::verifySignIn(const CurrentSession& current,
                           const webauthn::AuthenticationResponse& response)
{
    const auto records = signInRecords(response.rawId);
    if (!records)
        return records.error();
    const auto pending = takeCeremony(current.session, store::ChallengePurpose::Authentication);
    if (!pending)
        return pending.error();
    const std::optional<store::Credential>& credential = records->credential;
    if (!credential)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This passkey is not registered with Latchkey. Choose another, or "
                           "create a profile.")};
    const std::optional<store::User>& owner = records->owner;
    if (!owner)
        return ApiError{404, QStringLiteral("unknown_credential"),
                        tr("This passkey's profile no longer exists.")};
    webauthn::StoredCredential stored;
    stored.credentialId = credential->credentialId;
    stored.publicKeyCbor = credential->publicKey;
    stored.signCount = credential->signCount;
    stored.backupEligible = credential->backupEligible;
    stored.userHandle = owner->userHandle;
    const auto verified = m_context.relyingParty().finishAuthentication(response, pending->state,
                                                                        stored, m_context.now());
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
                                                   const webauthn::CredentialId& credentialId)
{
    QJsonObject answer = errorBody(error, title);
    answer.insert(QStringLiteral("signal"), unknownCredentialsSignal({credentialId}));
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
    const auto response = webauthn::parseAuthenticationResponse(*body);
    if (!response)
        return apiErrorResponse(fromWebAuthn(response.error()), title);
    const auto signIn = verifySignIn(*current, *response);
    if (signIn)
        return signedIn(*current, *signIn);
    if (signIn.error().code == QLatin1String("unknown_credential"))
        return unknownCredentialAnswer(signIn.error(), title, response->rawId);
    return apiErrorResponse(signIn.error(), title);
}

} // namespace latchkey::server
