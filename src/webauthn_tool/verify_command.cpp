#include "webauthn_tool/verify_command.h"

#include "core/base64url.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace latchkey::webauthn_tool {

using namespace latchkey::webauthn;

namespace {

// A field the vectors give as either one string or a list of strings.
QStringList stringOrList(const QJsonValue& value)
{
    if (value.isString())
        return {value.toString()};
    QStringList out;
    for (const QJsonValue& entry : value.toArray())
        out.append(entry.toString());
    return out;
}

QList<QByteArray> pemCertificatesToDer(const QString& pem)
{
    static const QString begin = QStringLiteral("-----BEGIN CERTIFICATE-----");
    static const QString end = QStringLiteral("-----END CERTIFICATE-----");
    QList<QByteArray> out;
    qsizetype from = 0;
    while ((from = pem.indexOf(begin, from)) >= 0) {
        const qsizetype body = from + begin.size();
        const qsizetype stop = pem.indexOf(end, body);
        if (stop < 0)
            break;
        out.append(QByteArray::fromBase64(pem.mid(body, stop - body).toLatin1()));
        from = stop + end.size();
    }
    return out;
}

AttestationTrust trustFor(const QJsonObject& testCase)
{
    AttestationTrust trust;
    const QJsonObject roots = testCase.value(QLatin1String("attestation_trust_roots")).toObject();
    for (auto it = roots.begin(); it != roots.end(); ++it) {
        QList<QByteArray> der;
        for (const QJsonValue& pem : it.value().toArray())
            der.append(pemCertificatesToDer(pem.toString()));
        trust.rootsByFormat.insert(it.key(), der);
    }
    const QString time = testCase.value(QLatin1String("verify_time")).toString();
    trust.verifyTime = time.isEmpty() ? QDateTime::currentDateTimeUtc()
                                      : QDateTime::fromString(time, Qt::ISODateWithMs);
    const QJsonValue cts = testCase.value(QLatin1String("safetynet_enforce_cts"));
    if (cts.isBool())
        trust.safetyNetRequireCtsProfileMatch = cts.toBool();
    return trust;
}

// The vectors give the challenge as the text clientData.challenge must be; one that does not
// decode leaves no challenge, which matches nothing.
core::Challenge expectedChallenge(const QJsonObject& c)
{
    const auto bytes =
        core::decodeBase64Url(QStringView(c.value(QLatin1String("expected_challenge")).toString()));
    return bytes ? core::Challenge(*bytes) : core::Challenge();
}

RegistrationExpectations registrationExpectations(const QJsonObject& c)
{
    RegistrationExpectations e;
    e.challenge = expectedChallenge(c);
    e.origins = stringOrList(c.value(QLatin1String("expected_origin")));
    e.rpIds = stringOrList(c.value(QLatin1String("expected_rp_id")));
    e.requireUserVerification = c.value(QLatin1String("require_user_verification")).toBool(false);
    e.requireUserPresence = c.value(QLatin1String("require_user_presence")).toBool(true);
    for (const QJsonValue& alg : c.value(QLatin1String("pub_key_cred_params")).toArray())
        e.algorithms.append(alg.toInt());
    e.trust = trustFor(c);
    e.allowCrossOrigin = c.value(QLatin1String("allow_cross_origin")).toBool(false);
    e.topOrigins = stringOrList(c.value(QLatin1String("expected_top_origin")));
    return e;
}

AuthenticationExpectations authenticationExpectations(const QJsonObject& c)
{
    AuthenticationExpectations e;
    e.challenge = expectedChallenge(c);
    e.origins = stringOrList(c.value(QLatin1String("expected_origin")));
    e.rpIds = stringOrList(c.value(QLatin1String("expected_rp_id")));
    e.requireUserVerification = c.value(QLatin1String("require_user_verification")).toBool(false);
    e.requireUserPresence = c.value(QLatin1String("require_user_presence")).toBool(true);
    e.allowCrossOrigin = c.value(QLatin1String("allow_cross_origin")).toBool(false);
    e.topOrigins = stringOrList(c.value(QLatin1String("expected_top_origin")));
    return e;
}

QJsonObject errorLine(const Error& error)
{
    return QJsonObject{{QStringLiteral("result"), QStringLiteral("error")},
                       {QStringLiteral("code"), codeName(error.code)},
                       {QStringLiteral("message"), error.message}};
}

QJsonObject runRegistration(const QJsonObject& c)
{
    auto verified = verifyRegistration(c.value(QLatin1String("credential")).toObject(),
                                       registrationExpectations(c));
    if (!verified)
        return errorLine(verified.error());
    return QJsonObject{
        {QStringLiteral("result"), QStringLiteral("ok")},
        {QStringLiteral("fmt"), verified->format},
        {QStringLiteral("credential_id"), core::encodeBase64UrlString(verified->credentialId)},
        {QStringLiteral("sign_count"), static_cast<qint64>(verified->signCount)}};
}

Result<StoredCredential> storedCredential(const QJsonObject& c)
{
    auto key = core::decodeBase64Url(
        QStringView(c.value(QLatin1String("credential_public_key")).toString()));
    if (!key)
        return makeError(ErrorCode::InvalidBase64Url,
                         QStringLiteral("credential_public_key: %1").arg(key.error()));
    StoredCredential stored;
    stored.publicKeyCbor = std::move(*key);
    stored.signCount =
        static_cast<quint32>(c.value(QLatin1String("credential_current_sign_count")).toInteger(0));
    return stored;
}

QJsonObject runAuthentication(const QJsonObject& c)
{
    auto stored = storedCredential(c);
    if (!stored)
        return errorLine(stored.error());
    auto verified = verifyAuthentication(c.value(QLatin1String("credential")).toObject(),
                                         authenticationExpectations(c), *stored);
    if (!verified)
        return errorLine(verified.error());
    return QJsonObject{
        {QStringLiteral("result"), QStringLiteral("ok")},
        {QStringLiteral("credential_id"), core::encodeBase64UrlString(verified->credentialId)},
        {QStringLiteral("sign_count"), static_cast<qint64>(verified->newSignCount)}};
}

Result<QByteArray> readInput(const QString& path)
{
    QFile file;
    const bool opened = path == QLatin1String("-")
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

void printLine(const QJsonObject& line)
{
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fputc('\n', stdout);
}

// The case's "expect", and when it gives one, the counter the RP should store.
bool meetsExpectation(const QJsonObject& result, const QJsonObject& testCase)
{
    if (result.value(QLatin1String("result")) != testCase.value(QLatin1String("expect")))
        return false;
    const QJsonValue newCount = testCase.value(QLatin1String("expected_new_sign_count"));
    if (result.value(QLatin1String("result")).toString() != QLatin1String("ok") ||
        !newCount.isDouble())
        return true;
    return result.value(QLatin1String("sign_count")).toInteger() == newCount.toInteger();
}

} // namespace

QJsonObject verifyTestCase(const QJsonObject& testCase)
{
    const QString kind = testCase.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("registration"))
        return runRegistration(testCase);
    if (kind == QLatin1String("authentication"))
        return runAuthentication(testCase);
    return errorLine(
        makeError(ErrorCode::MalformedJson,
                  QStringLiteral("The test case's kind \"%1\" is neither registration nor "
                                 "authentication.")
                      .arg(kind)));
}

int runVerifyCommand(const QStringList& args)
{
    if (args.size() != 1) {
        std::fputs("usage: latchkey-webauthn verify FILE   (FILE '-' reads stdin)\n", stderr);
        return 2;
    }
    auto input = readInput(args.first());
    if (!input) {
        std::fprintf(stderr, "%s\n", qPrintable(input.error().message));
        return 2;
    }
    int cases = 0;
    QStringList unexpected;
    const QList<QByteArray> lines = input->split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        ++cases;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(lines[i], &parseError);
        QJsonObject result =
            document.isObject()
                ? verifyTestCase(document.object())
                : errorLine(makeError(ErrorCode::MalformedJson,
                                      QStringLiteral("The line is not a JSON object (%1).")
                                          .arg(parseError.errorString())));
        result.insert(QStringLiteral("line"), static_cast<qint64>(i + 1));
        printLine(result);
        if (!meetsExpectation(result, document.object()))
            unexpected.append(QString::number(i + 1));
    }
    std::fflush(stdout);
    std::fprintf(stderr, "latchkey-webauthn verify: %d cases, %d as expected, %d not%s%s\n", cases,
                 cases - static_cast<int>(unexpected.size()), static_cast<int>(unexpected.size()),
                 unexpected.isEmpty() ? "" : " (lines ",
                 unexpected.isEmpty() ? "" : qPrintable(unexpected.join(u", ") + u')'));
    return unexpected.isEmpty() && cases > 0 ? 0 : 1;
}

} // namespace latchkey::webauthn_tool
