#include "authenticator/software/software_key_store.h"

#include "authenticator/software/private_file.h"
#include "authenticator/software/sealed_box.h"

#include <QCborMap>
#include <QCborValue>
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
    return keyStoreError(KeyStoreErrorCode::Corrupt,
                         QStringLiteral("The keys file %1 is damaged (%2); no key from it is "
                                        "used. Restore it from a backup or remove it.")
                             .arg(path, what));
}

KeyStoreError notFound()
{
    return keyStoreError(KeyStoreErrorCode::NotFound,
                         QStringLiteral("No key with that id is in the store."));
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

SoftwareKeyStore::SoftwareKeyStore(QString path, QByteArray sealingKey)
    : m_path(std::move(path)), m_sealingKey(std::move(sealingKey))
{}

SoftwareKeyStore::~SoftwareKeyStore()
{
    wipe(m_sealingKey);
}

KeyStoreResult<std::unique_ptr<SoftwareKeyStore>>
SoftwareKeyStore::open(const QString& path, SealingKeyProvider& sealing)
{
    auto sealingKey = sealing.sealingKey();
    if (!sealingKey)
        return sealingKey.error();
    std::unique_ptr<SoftwareKeyStore> store(new SoftwareKeyStore(path, *sealingKey));
    if (auto loaded = store->load(); !loaded)
        return loaded.error();
    return store;
}

KeyStoreResult<void> SoftwareKeyStore::load()
{
    if (!QFileInfo::exists(m_path))
        return {};
    const auto contents = readPrivateFile(m_path);
    if (!contents)
        return contents.error();
    const QJsonObject document = QJsonDocument::fromJson(*contents).object();
    if (document.value(QLatin1String("format")).toString() != kFormat ||
        document.value(QLatin1String("version")).toInt() != kVersion ||
        !document.value(QLatin1String("entries")).isArray())
        return corrupt(m_path, QStringLiteral("not a Latchkey keys file of version 1"));
    for (const QJsonValue& entry : document.value(QLatin1String("entries")).toArray()) {
        if (auto loaded = loadEntry(entry.toObject()); !loaded)
            return loaded;
    }
    return {};
}

KeyStoreResult<void> SoftwareKeyStore::loadEntry(const QJsonObject& json)
{
    const auto id = fromBase64Url(json.value(QLatin1String("id")));
    const auto sealed = fromBase64Url(json.value(QLatin1String("sealed")));
    if (!id || !sealed || m_entries.contains(*id))
        return corrupt(m_path, QStringLiteral("an entry without a valid id or sealed key"));
    auto plaintext = openSealed(m_sealingKey, *sealed, *id);
    if (!plaintext)
        return corrupt(m_path,
                       QStringLiteral("entry %1 failed its integrity check").arg(base64Url(*id)));
    const QCborMap map = QCborValue::fromCbor(*plaintext).toMap();
    wipe(*plaintext);
    QByteArray scalar = map.value(QStringLiteral("d")).toByteArray();
    auto key = EcP256Key::fromPrivateScalar(scalar);
    wipe(scalar);
    if (!key)
        return corrupt(m_path, key.error().message);
    m_entries.insert(*id, Entry{*key, recordFrom(map, *id)});
    m_order.append(*id);
    return {};
}

KeyStoreResult<QJsonObject> SoftwareKeyStore::sealEntry(const QByteArray& credentialId,
                                                        const Entry& entry) const
{
    QByteArray plaintext = entryPlaintext(entry.key, entry.record);
    const auto sealed = seal(m_sealingKey, plaintext, credentialId);
    wipe(plaintext);
    if (!sealed)
        return sealed.error();
    return QJsonObject{{QStringLiteral("id"), base64Url(credentialId)},
                       {QStringLiteral("sealed"), base64Url(*sealed)}};
}

KeyStoreResult<void> SoftwareKeyStore::persist() const
{
    QJsonArray entries;
    for (const QByteArray& id : m_order) {
        const auto sealed = sealEntry(id, m_entries.value(id));
        if (!sealed)
            return sealed.error();
        entries.append(*sealed);
    }
    const QJsonObject document{{QStringLiteral("format"), kFormat},
                               {QStringLiteral("version"), kVersion},
                               {QStringLiteral("entries"), entries}};
    return writePrivateFile(m_path, QJsonDocument(document).toJson(QJsonDocument::Indented));
}

KeyStoreResult<CreatedKey> SoftwareKeyStore::createKey(const QByteArray& credentialId)
{
    if (credentialId.isEmpty() || m_entries.contains(credentialId))
        return keyStoreError(KeyStoreErrorCode::Crypto,
                             QStringLiteral("A key needs a new, non-empty credential id."));
    const auto key = EcP256Key::generate();
    if (!key)
        return key.error();
    m_entries.insert(credentialId, Entry{*key, std::nullopt});
    m_order.append(credentialId);
    if (auto written = persist(); !written) {
        m_entries.remove(credentialId);
        m_order.removeAll(credentialId);
        return written.error();
    }
    return CreatedKey{credentialId, key->publicPoint()};
}

KeyStoreResult<QByteArray> SoftwareKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    const auto found = m_entries.constFind(handle);
    if (found == m_entries.constEnd())
        return notFound();
    return found->key.sign(data);
}

KeyStoreResult<void> SoftwareKeyStore::deleteKey(const KeyHandle& handle)
{
    const auto found = m_entries.constFind(handle);
    if (found == m_entries.constEnd())
        return notFound();
    const Entry removed = *found;
    const qsizetype position = m_order.indexOf(handle);
    m_entries.remove(handle);
    m_order.removeAt(position);
    if (auto written = persist(); !written) {
        m_entries.insert(handle, removed);
        m_order.insert(position, handle);
        return written;
    }
    return {};
}

KeyStoreResult<void> SoftwareKeyStore::saveCredential(const CredentialRecord& record)
{
    const auto found = m_entries.find(record.keyHandle);
    if (found == m_entries.end() || record.keyHandle != record.credentialId)
        return notFound();
    const std::optional<CredentialRecord> previous = found->record;
    found->record = record;
    if (auto written = persist(); !written) {
        m_entries[record.keyHandle].record = previous;
        return written;
    }
    return {};
}

KeyStoreResult<std::optional<CredentialRecord>>
SoftwareKeyStore::findCredential(const QString& rpId, const QByteArray& credentialId)
{
    const auto found = m_entries.constFind(credentialId);
    if (found == m_entries.constEnd() || !found->record || found->record->rpId != rpId)
        return std::optional<CredentialRecord>();
    return found->record;
}

KeyStoreResult<QList<CredentialRecord>>
SoftwareKeyStore::discoverableCredentials(const QString& rpId)
{
    QList<CredentialRecord> out;
    for (auto id = m_order.crbegin(); id != m_order.crend(); ++id) {
        const std::optional<CredentialRecord>& record = m_entries[*id].record;
        if (record && record->discoverable && record->rpId == rpId)
            out.append(*record);
    }
    return out;
}

KeyStoreResult<quint32> SoftwareKeyStore::incrementSignCount(const QByteArray& credentialId)
{
    const auto found = m_entries.find(credentialId);
    if (found == m_entries.end() || !found->record)
        return notFound();
    // The counter is persisted before any signature uses it, so a crash never repeats a value.
    ++found->record->signCount;
    if (auto written = persist(); !written) {
        --m_entries[credentialId].record->signCount;
        return written.error();
    }
    return m_entries[credentialId].record->signCount;
}

} // namespace latchkey::authenticator
