#include "authenticator/software/software_key_store.h"

#include "authenticator/software/private_file.h"
#include "authenticator/software/sealed_box.h"

#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace latchkey::authenticator {
namespace {

const QLatin1String kFormat("latchkey-software-keys");
constexpr int kVersion = 1;

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> fromBase64Url(const QJsonValue& value)
{
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                  QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!value.isString() || !decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return *decoded;
}

KeyStoreError corrupt(const QString& path, const QString& what)
{
    return keyStoreError(
        KeyStoreErrorCode::Corrupt,
        QCoreApplication::translate("latchkey::authenticator::SoftwareKeyStore",
                                    "The keys file %1 is damaged (%2); no key from it is "
                                    "used. Restore it from a backup or remove it.")
            .arg(path, what));
}

KeyStoreError duplicateOrEmptyId()
{
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::SoftwareKeyStore",
                                    "A key needs a new, non-empty credential id."));
}

KeyStoreError notFound()
{
    return keyStoreError(KeyStoreErrorCode::NotFound,
                         QCoreApplication::translate("latchkey::authenticator::SoftwareKeyStore",
                                                     "No key with that id is in the store."));
}

// The sealed plaintext: the private scalar and, once saved, the credential record.
QByteArray entryPlaintext(const EcP256Key& key, const std::optional<CredentialRecord>& record)
{
    QCborMap map;
    map.insert(QStringLiteral("d"), key.privateScalar());
    if (record) {
        map.insert(QStringLiteral("rpId"), record->rpId);
        map.insert(QStringLiteral("userHandle"), record->userHandle);
        map.insert(QStringLiteral("userName"), record->userName);
        map.insert(QStringLiteral("displayName"), record->userDisplayName);
        map.insert(QStringLiteral("signCount"), qint64(record->signCount));
        map.insert(QStringLiteral("discoverable"), record->discoverable);
        map.insert(QStringLiteral("createdAt"), record->createdAt.toMSecsSinceEpoch());
    }
    QByteArray out = map.toCborValue().toCbor();
    QByteArray scalar = map.value(QStringLiteral("d")).toByteArray();
    wipe(scalar);
    return out;
}

std::optional<CredentialRecord> recordFrom(const QCborMap& map, const QByteArray& credentialId)
{
    if (!map.contains(QStringLiteral("rpId")))
        return std::nullopt;
    CredentialRecord record;
    record.credentialId = credentialId;
    record.keyHandle = credentialId;
    record.rpId = map.value(QStringLiteral("rpId")).toString();
    record.userHandle = map.value(QStringLiteral("userHandle")).toByteArray();
    record.userName = map.value(QStringLiteral("userName")).toString();
    record.userDisplayName = map.value(QStringLiteral("displayName")).toString();
    record.signCount = quint32(map.value(QStringLiteral("signCount")).toInteger());
    record.discoverable = map.value(QStringLiteral("discoverable")).toBool();
    record.createdAt =
        QDateTime::fromMSecsSinceEpoch(map.value(QStringLiteral("createdAt")).toInteger(), Qt::UTC);
    return record;
}

} // namespace

SoftwareKeyStore::SoftwareKeyStore(QString path, QByteArray sealingKey,
                                   std::chrono::milliseconds lockWait)
    : m_path(std::move(path)), m_sealingKey(std::move(sealingKey)), m_lockWait(lockWait)
{}

SoftwareKeyStore::~SoftwareKeyStore()
{
    wipe(m_sealingKey);
}

KeyStoreResult<std::unique_ptr<SoftwareKeyStore>>
SoftwareKeyStore::open(const QString& path, SealingKeyProvider& sealing,
                       std::chrono::milliseconds lockWait)
{
    auto sealingKey = sealing.sealingKey();
    if (!sealingKey)
        return sealingKey.error();
    std::unique_ptr<SoftwareKeyStore> store(new SoftwareKeyStore(path, *sealingKey, lockWait));
    wipe(*sealingKey);
    if (auto loaded = store->refresh(); !loaded)
        return loaded.error();
    return store;
}

KeyStoreResult<void> SoftwareKeyStore::refresh()
{
    QByteArray bytes;
    if (QFileInfo::exists(m_path)) {
        auto contents = readPrivateFile(m_path);
        if (!contents)
            return contents.error();
        bytes = std::move(*contents);
    }
    if (bytes == m_fileBytes)
        return {};
    auto parsed = parse(bytes);
    if (!parsed)
        return parsed.error();
    m_contents = std::move(*parsed);
    m_fileBytes = std::move(bytes);
    return {};
}

KeyStoreResult<SoftwareKeyStore::Contents> SoftwareKeyStore::parse(const QByteArray& bytes) const
{
    Contents contents;
    if (bytes.isEmpty())
        return contents; // no file yet: no keys
    const QJsonObject document = QJsonDocument::fromJson(bytes).object();
    if (document.value(QLatin1String("format")).toString() != kFormat ||
        document.value(QLatin1String("version")).toInt() != kVersion ||
        !document.value(QLatin1String("entries")).isArray())
        return corrupt(m_path,
                       QCoreApplication::translate("latchkey::authenticator::SoftwareKeyStore",
                                                   "not a Latchkey keys file of version 1"));
    for (const QJsonValue& value : document.value(QLatin1String("entries")).toArray()) {
        const auto id = fromBase64Url(value.toObject().value(QLatin1String("id")));
        const auto sealed = fromBase64Url(value.toObject().value(QLatin1String("sealed")));
        if (!id || !sealed || contents.entries.contains(*id))
            return corrupt(
                m_path, QCoreApplication::translate("latchkey::authenticator::SoftwareKeyStore",
                                                    "an entry without a valid id or sealed key"));
        auto entry = openEntry(*id, *sealed);
        if (!entry)
            return entry.error();
        contents.entries.insert(*id, std::move(*entry));
        contents.order.append(*id);
    }
    return contents;
}

KeyStoreResult<SoftwareKeyStore::Entry> SoftwareKeyStore::openEntry(const QByteArray& id,
                                                                    const QByteArray& sealed) const
{
    // The same box under the same id is the entry this store already opened and checked.
    if (const auto known = m_contents.entries.constFind(id);
        known != m_contents.entries.constEnd() && known->sealed == sealed)
        return *known;
    auto plaintext = openSealed(m_sealingKey, sealed, id);
    if (!plaintext)
        return corrupt(m_path,
                       QCoreApplication::translate("latchkey::authenticator::SoftwareKeyStore",
                                                   "entry %1 failed its integrity check")
                           .arg(base64Url(id)));
    const QCborMap map = QCborValue::fromCbor(*plaintext).toMap();
    wipe(*plaintext);
    QByteArray scalar = map.value(QStringLiteral("d")).toByteArray();
    auto key = EcP256Key::fromPrivateScalar(scalar);
    wipe(scalar);
    if (!key)
        return corrupt(m_path, key.error().message);
    return Entry{*key, recordFrom(map, id), sealed};
}

KeyStoreResult<QJsonObject> SoftwareKeyStore::sealEntry(const QByteArray& credentialId,
                                                        Entry& entry) const
{
    if (entry.sealed.isEmpty()) {
        QByteArray plaintext = entryPlaintext(entry.key, entry.record);
        const auto sealed = seal(m_sealingKey, plaintext, credentialId);
        wipe(plaintext);
        if (!sealed)
            return sealed.error();
        entry.sealed = *sealed;
    }
    return QJsonObject{{QStringLiteral("id"), base64Url(credentialId)},
                       {QStringLiteral("sealed"), base64Url(entry.sealed)}};
}

KeyStoreResult<QByteArray> SoftwareKeyStore::serialize(Contents& contents) const
{
    QJsonArray entries;
    for (const QByteArray& id : std::as_const(contents.order)) {
        const auto sealed = sealEntry(id, contents.entries[id]);
        if (!sealed)
            return sealed.error();
        entries.append(*sealed);
    }
    const QJsonObject document{{QStringLiteral("format"), kFormat},
                               {QStringLiteral("version"), kVersion},
                               {QStringLiteral("entries"), entries}};
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

template <typename T, typename Change> KeyStoreResult<T> SoftwareKeyStore::update(Change&& change)
{
    KeyFileLock lock(m_path);
    if (auto locked = lock.acquire(m_lockWait); !locked)
        return locked.error();
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    Contents next = m_contents;
    auto result = change(next);
    if (!result)
        return result;
    auto bytes = serialize(next);
    if (!bytes)
        return bytes.error();
    if (auto written = writePrivateFile(m_path, *bytes); !written)
        return written.error(); // the file may hold the new bytes; refresh() will tell
    m_contents = std::move(next);
    m_fileBytes = std::move(*bytes);
    return result;
}

KeyStoreResult<CreatedKey> SoftwareKeyStore::createKey(const QByteArray& credentialId)
{
    if (credentialId.isEmpty())
        return duplicateOrEmptyId();
    const auto key = EcP256Key::generate();
    if (!key)
        return key.error();
    return update<CreatedKey>([&](Contents& contents) -> KeyStoreResult<CreatedKey> {
        if (contents.entries.contains(credentialId))
            return duplicateOrEmptyId();
        contents.entries.insert(credentialId, Entry{*key, std::nullopt, {}});
        contents.order.append(credentialId);
        return CreatedKey{credentialId, key->publicPoint()};
    });
}

KeyStoreResult<QByteArray> SoftwareKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    const auto found = m_contents.entries.constFind(handle);
    if (found == m_contents.entries.constEnd())
        return notFound();
    return found->key.sign(data);
}

KeyStoreResult<void> SoftwareKeyStore::deleteKey(const KeyHandle& handle)
{
    return update<void>([&](Contents& contents) -> KeyStoreResult<void> {
        if (!contents.entries.remove(handle))
            return notFound();
        contents.order.removeAll(handle);
        return {};
    });
}

KeyStoreResult<void> SoftwareKeyStore::saveCredential(const CredentialRecord& record)
{
    if (record.keyHandle != record.credentialId)
        return notFound();
    return update<void>([&](Contents& contents) -> KeyStoreResult<void> {
        const auto found = contents.entries.find(record.keyHandle);
        if (found == contents.entries.end())
            return notFound();
        found->record = record;
        found->sealed.clear();
        return {};
    });
}

KeyStoreResult<std::optional<CredentialRecord>>
SoftwareKeyStore::findCredential(const QString& rpId, const QByteArray& credentialId)
{
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    const auto found = m_contents.entries.constFind(credentialId);
    if (found == m_contents.entries.constEnd() || !found->record || found->record->rpId != rpId)
        return std::optional<CredentialRecord>();
    return found->record;
}

KeyStoreResult<QList<CredentialRecord>>
SoftwareKeyStore::discoverableCredentials(const QString& rpId)
{
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    QList<CredentialRecord> out;
    for (auto id = m_contents.order.crbegin(); id != m_contents.order.crend(); ++id) {
        const std::optional<CredentialRecord>& record = m_contents.entries.value(*id).record;
        if (record && record->discoverable && record->rpId == rpId)
            out.append(*record);
    }
    return out;
}

KeyStoreResult<quint32> SoftwareKeyStore::incrementSignCount(const QByteArray& credentialId)
{
    // Under the lock and on the file's current counter, so two processes signing with one
    // credential never hand out the same value; persisted before any signature uses it, so a
    // crash never repeats one either.
    return update<quint32>([&](Contents& contents) -> KeyStoreResult<quint32> {
        const auto found = contents.entries.find(credentialId);
        if (found == contents.entries.end() || !found->record)
            return notFound();
        found->sealed.clear();
        return ++found->record->signCount;
    });
}

} // namespace latchkey::authenticator
