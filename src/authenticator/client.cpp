#include "authenticator/client.h"

#include "authenticator/authenticator_data_writer.h"
#include "authenticator/client_data_json.h"
#include "authenticator/client_options.h"
#include "authenticator/origin.h"
#include "core/base64url.h"
#include "core/sha256.h"
#include "webauthn/cose_key.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <algorithm>

namespace latchkey::authenticator {

struct Client::Pending {
    Done done;
};

namespace {

constexpr qsizetype kAaguidOffset = 37;
constexpr qsizetype kAaguidLength = 16;

ClientError notAllowed(const QString& message)
{
    return clientError(DomErrorName::NotAllowedError, message);
}

// The one algorithm our authenticators make; a page that offers none of it gets
// NotSupportedError before anyone is asked anything.
ClientResult<void> checkAlgorithms(const QList<int>& algorithms)
{
    if (algorithms.contains(webauthn::cose::ES256))
        return {};
    return clientError(
        DomErrorName::NotSupportedError,
        QCoreApplication::translate("latchkey::authenticator::Client",
                                    "None of the page's public key algorithms is supported; "
                                    "this authenticator makes ES256 (-7) keys."));
}

struct CeremonyContext {
    QString origin;
    QString rpId;
    QByteArray clientDataJson;
};

ClientResult<CeremonyContext> ceremonyContext(const QString& type, const QByteArray& challenge,
                                              const std::optional<QString>& rpId,
                                              const QUrl& pageUrl)
{
    const auto origin = secureOrigin(pageUrl);
    if (!origin)
        return origin.error();
    const auto effectiveRpId = relyingPartyId(rpId, pageUrl);
    if (!effectiveRpId)
        return effectiveRpId.error();
    return CeremonyContext{*origin, *effectiveRpId, clientDataJson(type, challenge, *origin)};
}

ClientError typeError(const QString& message)
{
    return clientError(DomErrorName::TypeError, message);
}

// A required base64url member of a signal's options, decoded.
ClientResult<QByteArray> signalBytes(const QJsonObject& options, const QString& name)
{
    const QJsonValue value = options.value(name);
    if (!value.isString())
        return typeError(
            QCoreApplication::translate("latchkey::authenticator::Client",
                                        "%1 is required and must be a base64url string.")
                .arg(name));
    const auto bytes = core::decodeBase64Url(QStringView(value.toString()));
    if (!bytes || bytes->isEmpty())
        return typeError(
            QCoreApplication::translate("latchkey::authenticator::Client", "%1 is not base64url.")
                .arg(name));
    return *bytes;
}

// §5.1.10: rpId is required, and must be the page's own (or a registrable suffix of it).
ClientResult<QString> signalRpId(const QJsonObject& options, const QUrl& pageUrl)
{
    const QJsonValue rpId = options.value(QStringLiteral("rpId"));
    if (!rpId.isString())
        return typeError(QCoreApplication::translate("latchkey::authenticator::Client",
                                                     "rpId is required and must be a string."));
    if (auto origin = secureOrigin(pageUrl); !origin)
        return origin.error();
    return relyingPartyId(rpId.toString(), pageUrl);
}

ClientResult<QList<QByteArray>> signalIdList(const QJsonObject& options, const QString& name)
{
    const QJsonValue value = options.value(name);
    if (!value.isArray())
        return typeError(QCoreApplication::translate("latchkey::authenticator::Client",
                                                     "%1 is required and must be a list.")
                             .arg(name));
    QList<QByteArray> ids;
    for (const QJsonValue& item : value.toArray()) {
        const auto id = core::decodeBase64Url(QStringView(item.toString()));
        if (!item.isString() || !id || id->isEmpty())
            return typeError(QCoreApplication::translate("latchkey::authenticator::Client",
                                                         "%1 holds an entry that is not base64url.")
                                 .arg(name));
        ids.append(*id);
    }
    return ids;
}

// WebAuthn L3 §5.1.3 step 22 / §5.1.4.2: "required" asks the authenticator for uv (and one that
// cannot verify refuses it), "preferred" only where it can verify, "discouraged" never.
bool effectiveUserVerification(UserVerificationRequirement requirement, bool canVerifyUser)
{
    switch (requirement) {
    case UserVerificationRequirement::Required:
        return true;
    case UserVerificationRequirement::Preferred:
        return canVerifyUser;
    case UserVerificationRequirement::Discouraged:
        break;
    }
    return false;
}

MakeCredentialRequest makeCredentialRequest(const CreationOptions& options,
                                            const CeremonyContext& context, bool canVerifyUser)
{
    MakeCredentialRequest request;
    request.clientDataHash = core::sha256(context.clientDataJson);
    request.clientDataJson = context.clientDataJson;
    request.rp = RpEntity{context.rpId, options.rpName};
    request.user = options.user;
    request.pubKeyCredParams = options.algorithms;
    request.excludeList = options.excludeCredentials;
    // A platform authenticator that can keep credentials makes them discoverable unless told not.
    request.rk = !options.residentKeyDiscouraged || options.residentKeyRequired;
    request.uv = effectiveUserVerification(options.userVerification, canVerifyUser);
    request.attestationFormatsPreference = {options.attestation == QLatin1String("none")
                                                ? QStringLiteral("none")
                                                : QStringLiteral("packed")};
    return request;
}

bool isSelfAttestationWithZeroAaguid(const MakeCredentialResponse& response)
{
    return response.fmt == QLatin1String("packed") &&
           !response.attStmt.contains(QStringLiteral("x5c")) &&
           response.authData.mid(kAaguidOffset, kAaguidLength) == QByteArray(kAaguidLength, '\0');
}

// §5.1.3 step 22, attestation "none": anything but zero-AAGUID self attestation becomes fmt
// "none" with an empty statement. The AAGUID stays (L3 keeps it so a person can tell which
// passkey provider holds a credential).
void applyConveyance(const QString& attestation, MakeCredentialResponse& response)
{
    if (attestation != QLatin1String("none") || isSelfAttestationWithZeroAaguid(response))
        return;
    response.fmt = QStringLiteral("none");
    response.attStmt = QCborMap();
}

QJsonObject registrationJson(const MakeCredentialResponse& response,
                             const QByteArray& clientDataJsonBytes, bool credProps)
{
    QJsonObject inner;
    inner.insert(QStringLiteral("clientDataJSON"),
                 core::encodeBase64UrlString(clientDataJsonBytes));
    inner.insert(QStringLiteral("attestationObject"),
                 core::encodeBase64UrlString(
                     attestationObject(response.fmt, response.attStmt, response.authData)));
    inner.insert(QStringLiteral("authenticatorData"),
                 core::encodeBase64UrlString(response.authData));
    inner.insert(QStringLiteral("transports"), QJsonArray{QStringLiteral("internal")});
    inner.insert(QStringLiteral("publicKey"),
                 core::encodeBase64UrlString(response.publicKeySpkiDer));
    inner.insert(QStringLiteral("publicKeyAlgorithm"), response.publicKeyAlgorithm);
    QJsonObject extensions;
    if (credProps)
        extensions.insert(QStringLiteral("credProps"),
                          QJsonObject{{QStringLiteral("rk"), response.rk}});
    return QJsonObject{
        {QStringLiteral("id"), core::encodeBase64UrlString(response.credentialId)},
        {QStringLiteral("rawId"), core::encodeBase64UrlString(response.credentialId)},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("authenticatorAttachment"), QStringLiteral("platform")},
        {QStringLiteral("response"), inner},
        {QStringLiteral("clientExtensionResults"), extensions}};
}

QJsonObject authenticationJson(const GetAssertionResponse& response,
                               const QByteArray& clientDataJsonBytes)
{
    QJsonObject inner;
    inner.insert(QStringLiteral("clientDataJSON"),
                 core::encodeBase64UrlString(clientDataJsonBytes));
    inner.insert(QStringLiteral("authenticatorData"),
                 core::encodeBase64UrlString(response.authData));
    inner.insert(QStringLiteral("signature"), core::encodeBase64UrlString(response.signature));
    if (response.user && !response.user->id.isEmpty())
        inner.insert(QStringLiteral("userHandle"), core::encodeBase64UrlString(response.user->id));
    return QJsonObject{
        {QStringLiteral("id"), core::encodeBase64UrlString(response.credentialId)},
        {QStringLiteral("rawId"), core::encodeBase64UrlString(response.credentialId)},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("authenticatorAttachment"), QStringLiteral("platform")},
        {QStringLiteral("response"), inner},
        {QStringLiteral("clientExtensionResults"), QJsonObject()}};
}

GetAssertionRequest getAssertionRequest(const RequestOptions& options,
                                        const CeremonyContext& context, bool canVerifyUser)
{
    GetAssertionRequest request;
    request.rpId = context.rpId;
    request.clientDataHash = core::sha256(context.clientDataJson);
    request.clientDataJson = context.clientDataJson;
    request.allowList = options.allowCredentials;
    request.uv = effectiveUserVerification(options.userVerification, canVerifyUser);
    return request;
}

} // namespace

QJsonObject clientErrorJson(const ClientError& error)
{
    return QJsonObject{{QStringLiteral("name"), domErrorNameString(error.name)},
                       {QStringLiteral("message"), error.message}};
}

Client::Client(Authenticator& authenticator, ClientSettings settings)
    : m_authenticator(authenticator), m_settings(settings), m_timer(std::make_unique<QTimer>())
{
    m_timer->setSingleShot(true);
    QObject::connect(m_timer.get(), &QTimer::timeout, [this] {
        finish(m_pending, notAllowed(QCoreApplication::translate("latchkey::authenticator::Client",
                                                                 "The request timed out.")));
    });
}

Client::~Client()
{
    // Drop the pending answer first: cancelling may call back synchronously.
    m_pending.reset();
    m_authenticator.cancel();
}

bool Client::isUserVerifyingPlatformAuthenticatorAvailable() const
{
    return m_authenticator.userVerifyingAvailable();
}

std::chrono::milliseconds Client::clampTimeout(std::optional<double> requestedMs) const
{
    if (!requestedMs || !(*requestedMs > 0))
        return m_settings.defaultTimeout;
    const double clamped = std::clamp(*requestedMs, double(m_settings.minTimeout.count()),
                                      double(m_settings.maxTimeout.count()));
    return std::chrono::milliseconds(qint64(clamped));
}

std::shared_ptr<Client::Pending> Client::begin(Done done, std::optional<double> requestedTimeoutMs)
{
    m_pending = std::make_shared<Pending>(Pending{std::move(done)});
    m_timer->start(clampTimeout(requestedTimeoutMs));
    return m_pending;
}

void Client::finish(std::shared_ptr<Pending> pending, ClientResult<QJsonObject> result)
{
    if (!pending || pending != m_pending)
        return;
    m_timer->stop();
    m_pending.reset();
    // A timeout or abort leaves the authenticator's prompt open: close it before answering,
    // since the page's handler may destroy this client.
    if (!result)
        m_authenticator.cancel();
    pending->done(std::move(result));
}

void Client::abort()
{
    finish(m_pending, notAllowed(QCoreApplication::translate("latchkey::authenticator::Client",
                                                             "The request was aborted.")));
}

// §5.1.3 createCredential, for one platform authenticator.
void Client::create(const QJsonObject& json, const QUrl& pageUrl, Done done)
{
    if (m_pending)
        return done(notAllowed(QCoreApplication::translate(
            "latchkey::authenticator::Client", "Another passkey request is in progress.")));
    const auto options = parseCreationOptions(json);
    if (!options)
        return done(options.error());
    const auto context = ceremonyContext(QStringLiteral("webauthn.create"), options->challenge,
                                         options->rpId, pageUrl);
    if (!context)
        return done(context.error());
    if (auto supported = checkAlgorithms(options->algorithms); !supported)
        return done(supported.error());
    if (options->authenticatorAttachment == QLatin1String("cross-platform"))
        return done(notAllowed(QCoreApplication::translate(
            "latchkey::authenticator::Client", "The page asked for a security key; only this "
                                               "computer's own authenticator is available.")));
    const auto pending = begin(std::move(done), options->timeoutMs);
    m_authenticator.makeCredential(
        makeCredentialRequest(*options, *context, m_authenticator.userVerifyingAvailable()),
        [this, weak = std::weak_ptr(pending), attestation = options->attestation,
         credProps = options->credProps,
         clientData = context->clientDataJson](AuthenticatorResult<MakeCredentialResponse> made) {
            const auto current = weak.lock();
            if (!current)
                return; // timed out, aborted, or the client is gone
            if (!made)
                return finish(current, toClientError(made.error()));
            applyConveyance(attestation, *made);
            finish(current, registrationJson(*made, clientData, credProps));
        });
}

// §5.1.4 getAssertion, for one platform authenticator.
void Client::get(const QJsonObject& json, const QUrl& pageUrl, Done done)
{
    if (m_pending)
        return done(notAllowed(QCoreApplication::translate(
            "latchkey::authenticator::Client", "Another passkey request is in progress.")));
    const auto options = parseRequestOptions(json);
    if (!options)
        return done(options.error());
    const auto context =
        ceremonyContext(QStringLiteral("webauthn.get"), options->challenge, options->rpId, pageUrl);
    if (!context)
        return done(context.error());
    const auto pending = begin(std::move(done), options->timeoutMs);
    m_authenticator.getAssertion(
        getAssertionRequest(*options, *context, m_authenticator.userVerifyingAvailable()),
        [this, weak = std::weak_ptr(pending),
         clientData = context->clientDataJson](AuthenticatorResult<GetAssertionResponse> asserted) {
            const auto current = weak.lock();
            if (!current)
                return; // timed out, aborted, or the client is gone
            if (!asserted)
                return finish(current, toClientError(asserted.error()));
            finish(current, authenticationJson(*asserted, clientData));
        });
}

// The signals' own outcome is deliberately dropped: a page learns nothing about which
// credentials this computer holds.
ClientResult<void> Client::signalUnknownCredential(const QJsonObject& options, const QUrl& pageUrl)
{
    const auto rpId = signalRpId(options, pageUrl);
    if (!rpId)
        return rpId.error();
    const auto id = signalBytes(options, QStringLiteral("credentialId"));
    if (!id)
        return id.error();
    (void)m_authenticator.forgetCredential(*rpId, *id);
    return {};
}

ClientResult<void> Client::signalAllAcceptedCredentials(const QJsonObject& options,
                                                        const QUrl& pageUrl)
{
    const auto rpId = signalRpId(options, pageUrl);
    if (!rpId)
        return rpId.error();
    const auto userId = signalBytes(options, QStringLiteral("userId"));
    if (!userId)
        return userId.error();
    const auto accepted = signalIdList(options, QStringLiteral("allAcceptedCredentialIds"));
    if (!accepted)
        return accepted.error();
    (void)m_authenticator.keepAcceptedCredentials(*rpId, *userId, *accepted);
    return {};
}

ClientResult<void> Client::signalCurrentUserDetails(const QJsonObject& options, const QUrl& pageUrl)
{
    const auto rpId = signalRpId(options, pageUrl);
    if (!rpId)
        return rpId.error();
    const auto userId = signalBytes(options, QStringLiteral("userId"));
    if (!userId)
        return userId.error();
    const QJsonValue name = options.value(QStringLiteral("name"));
    const QJsonValue displayName = options.value(QStringLiteral("displayName"));
    if (!name.isString() || !displayName.isString())
        return typeError(QCoreApplication::translate("latchkey::authenticator::Client",
                                                     "name and displayName are required strings."));
    (void)m_authenticator.updateUserDetails(
        *rpId, UserEntity{*userId, name.toString(), displayName.toString()});
    return {};
}

} // namespace latchkey::authenticator
