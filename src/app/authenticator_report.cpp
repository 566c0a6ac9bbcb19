#include "app/authenticator_report.h"

#include "authenticator/authenticator_data_writer.h"
#include "authenticator/ec_p256_key.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace latchkey::app {

using namespace latchkey::authenticator;

namespace {

QJsonObject storeEntry(const KeyStoreOffer& store)
{
    QJsonObject entry = store.details;
    entry.insert(QStringLiteral("name"), store.name);
    entry.insert(QStringLiteral("available"), store.available);
    entry.insert(QStringLiteral("selected"), store.selected);
    if (!store.available)
        entry.insert(QStringLiteral("error"), store.error);
    return entry;
}

// The window's prompt without a system verifier behind it: a click or Enter, presence only.
QJsonObject presencePromptEntry(bool inUse)
{
    return {{QStringLiteral("name"), QStringLiteral("presence-prompt")},
            {QStringLiteral("available"), true},
            {QStringLiteral("reason"), QString()},
            {QStringLiteral("binding"), QStringLiteral("none")},
            {QStringLiteral("inUse"), inUse}};
}

// ES256 by OpenSSL alone, from the public point the store handed out.
bool opensslVerifies(const QByteArray& publicPoint, const QByteArray& data,
                     const QByteArray& signature)
{
    const QByteArray spki = p256SpkiDer(publicPoint);
    const auto* cursor = reinterpret_cast<const unsigned char*>(spki.constData());
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        d2i_PUBKEY(nullptr, &cursor, long(spki.size())), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    EVP_MD_CTX_free);
    if (!key || !context ||
        EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(
               context.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char*>(data.constData()),
               size_t(data.size())) == 1;
}

// Steps of one self-test, each timed; the first failure ends the test.
class Steps {
public:
    bool run(const QString& name, const std::function<QString()>& step)
    {
        QElapsedTimer timer;
        timer.start();
        const QString error = step();
        QJsonObject entry{{QStringLiteral("step"), name},
                          {QStringLiteral("ok"), error.isEmpty()},
                          {QStringLiteral("ms"), double(timer.nsecsElapsed()) / 1e6}};
        if (!error.isEmpty())
            entry.insert(QStringLiteral("error"), error);
        m_steps.append(entry);
        m_ok = m_ok && error.isEmpty();
        return error.isEmpty();
    }
    QJsonObject result(const QString& store) const
    {
        return {{QStringLiteral("store"), store},
                {QStringLiteral("ok"), m_ok},
                {QStringLiteral("steps"), m_steps}};
    }

private:
    QJsonArray m_steps;
    bool m_ok = true;
};

} // namespace

QJsonObject authenticatorReport(const QList<KeyStoreOffer>& stores, const QJsonArray& userVerifiers)
{
    QJsonArray storeArray;
    for (const KeyStoreOffer& store : stores)
        storeArray.append(storeEntry(store));
    QJsonArray verifierArray = userVerifiers;
    const bool someInUse =
        std::any_of(userVerifiers.begin(), userVerifiers.end(), [](const QJsonValue& entry) {
            return entry.toObject().value(QLatin1String("inUse")).toBool();
        });
    verifierArray.append(presencePromptEntry(!someInUse));
    return {{QStringLiteral("keyStores"), storeArray},
            {QStringLiteral("userVerifiers"), verifierArray}};
}

QJsonObject selfTestKeyStore(const KeyStoreOffer& offer)
{
    Steps steps;
    QTemporaryDir folder;
    std::unique_ptr<KeyStore> store;
    CreatedKey key;
    QByteArray signature;
    const QByteArray data = randomBytes(64);
    const QByteArray credentialId = randomBytes(16);
    const auto failed = [](const KeyStoreError& error) {
        return error.message;
    };
    const bool passed = steps.run(QStringLiteral("open"), [&]() -> QString {
        if (!folder.isValid())
            return folder.errorString();
        auto opened = offer.openScratch(folder.path());
        if (!opened)
            return failed(opened.error());
        store = std::move(*opened);
        return {};
    }) && steps.run(QStringLiteral("create"), [&]() -> QString {
        auto created = store->createKey(credentialId);
        if (!created)
            return failed(created.error());
        key = *created;
        return {};
    }) && steps.run(QStringLiteral("sign"), [&]() -> QString {
        auto signed_ = store->sign(key.handle, data);
        if (!signed_)
            return failed(signed_.error());
        signature = *signed_;
        return {};
    }) && steps.run(QStringLiteral("verify"), [&]() -> QString {
        return opensslVerifies(key.publicPoint, data, signature)
                   ? QString()
                   : QStringLiteral("OpenSSL refused the signature");
    }) && steps.run(QStringLiteral("delete"), [&]() -> QString {
        if (auto deleted = store->deleteKey(key.handle); !deleted)
            return failed(deleted.error());
        const auto after = store->sign(key.handle, data);
        if (after || after.error().code != KeyStoreErrorCode::NotFound)
            return QStringLiteral("the deleted key still signs");
        return {};
    });
    Q_UNUSED(passed);
    return steps.result(offer.name);
}

QJsonObject authenticatorDiagnostics(const PasskeyStorage& storage, const QJsonArray& userVerifiers,
                                     bool selfTest, bool& ok)
{
    const QList<KeyStoreOffer> stores = keyStoreOffers(storage);
    QJsonObject report = authenticatorReport(stores, userVerifiers);
    ok = true;
    if (!selfTest)
        return report;
    QJsonArray tests;
    for (const KeyStoreOffer& store : stores) {
        // A store without openScratch (webauthn.dll: keys only with the person at Windows'
        // dialog) cannot be tested silently; it is reported, not tested.
        if (!store.available || !store.openScratch)
            continue;
        const QJsonObject result = selfTestKeyStore(store);
        ok = ok && result.value(QStringLiteral("ok")).toBool();
        tests.append(result);
    }
    // Nowhere to keep a new passkey (e.g. the TPM named with --tpm-tcti does not answer) fails too.
    const bool someSelected = std::any_of(
        stores.cbegin(), stores.cend(), [](const KeyStoreOffer& store) { return store.selected; });
    ok = ok && !tests.isEmpty() && someSelected;
    report.insert(QStringLiteral("selfTest"), tests);
    return report;
}

} // namespace latchkey::app
