#include "authenticator/credential_file_store.h"

#include "authenticator/ec_p256_key.h"
#include "authenticator/software/private_file.h"
#include "authenticator/software/sealed_box.h"
#include "core/base64url.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace latchkey::authenticator {
namespace {

constexpr int kVersion = 1;

std::optional<QByteArray> fromBase64Url(const QJsonValue& value)
{
    if (!value.isString())
        return std::nullopt;
    auto decoded = core::decodeBase64Url(QStringView(value.toString()));
    if (!decoded || decoded->isEmpty())
        return std::nullopt;
    return *decoded;
}

KeyStoreError corrupt(const QString& path, const QString& what)
{
    return keyStoreError(
        KeyStoreErrorCode::Corrupt,
        QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                    "The keys file %1 is damaged (%2); no key from it is "
                                    "used. Restore it from a backup or remove it.")
            .arg(path, what));
}

KeyStoreError duplicateOrEmptyId()
{
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                    "A key needs a new, non-empty credential id."));
}

KeyStoreError notFound()
{
    return keyStoreError(KeyStoreErrorCode::NotFound,
                         QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                                     "No key with that id is in the store."));
}

// The sealed plaintext: the key material and, once saved, the credential record.
QByteArray entryPlaintext(const QCborMap& material, const std::optional<CredentialRecord>& record)
{
    QCborMap map = material;
    if (record) {
        map.insert(QStringLiteral("rpId"), record->rpId);
        map.insert(QStringLiteral("userHandle"), record->userHandle);
        map.insert(QStringLiteral("userName"), record->userName);
        map.insert(QStringLiteral("displayName"), record->userDisplayName);
        map.insert(QStringLiteral("signCount"), qint64(record->signCount));
        map.insert(QStringLiteral("discoverable"), record->discoverable);
        map.insert(QStringLiteral("createdAt"), record->createdAt.toMSecsSinceEpoch());
    }
    return map.toCborValue().toCbor();
}

const QStringList& recordFields()
{
    static const QStringList fields{QStringLiteral("rpId"),      QStringLiteral("userHandle"),
                                    QStringLiteral("userName"),  QStringLiteral("displayName"),
                                    QStringLiteral("signCount"), QStringLiteral("discoverable"),
                                    QStringLiteral("createdAt")};
    return fields;
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

QCborMap materialFrom(QCborMap map)
{
    for (const QString& field : recordFields())
        map.remove(field);
    return map;
}

} // namespace

CredentialFileStore::CredentialFileStore(QString path, QLatin1String format, QByteArray sealingKey,
                                         std::chrono::milliseconds lockWait)
    : m_path(std::move(path)), m_format(format), m_sealingKey(std::move(sealingKey)),
      m_lockWait(lockWait)
{}

CredentialFileStore::~CredentialFileStore()
{
    wipe(m_sealingKey);
}

KeyStoreResult<void> CredentialFileStore::refresh()
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

KeyStoreResult<CredentialFileStore::Contents>
CredentialFileStore::parse(const QByteArray& bytes) const
{
    Contents contents;
    if (bytes.isEmpty())
        return contents; // no file yet: no keys
    const QJsonObject document = QJsonDocument::fromJson(bytes).object();
    if (document.value(QLatin1String("format")).toString() != m_format ||
        document.value(QLatin1String("version")).toInt() != kVersion ||
        !document.value(QLatin1String("entries")).isArray())
        return corrupt(m_path,
                       QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                                   "not a Latchkey keys file of version 1"));
    for (const QJsonValue& value : document.value(QLatin1String("entries")).toArray()) {
        const auto id = fromBase64Url(value.toObject().value(QLatin1String("id")));
        const auto sealed = fromBase64Url(value.toObject().value(QLatin1String("sealed")));
        if (!id || !sealed || contents.entries.contains(*id))
            return corrupt(
                m_path, QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                                    "an entry without a valid id or sealed key"));
        auto entry = openEntry(*id, *sealed);
        if (!entry)
            return entry.error();
        contents.entries.insert(*id, std::move(*entry));
        contents.order.append(*id);
    }
    return contents;
}

KeyStoreResult<CredentialFileStore::Entry>
CredentialFileStore::openEntry(const QByteArray& id, const QByteArray& sealed) const
{
    // The same box under the same id is the entry this store already opened and checked.
    if (const auto known = m_contents.entries.constFind(id);
        known != m_contents.entries.constEnd() && known->sealed == sealed)
        return *known;
    auto plaintext = openSealed(m_sealingKey, sealed, id);
    if (!plaintext)
        return corrupt(m_path,
                       QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                                   "entry %1 failed its integrity check")
                           .arg(core::encodeBase64UrlString(id)));
    const QCborMap map = QCborValue::fromCbor(*plaintext).toMap();
    wipe(*plaintext);
    QCborMap material = materialFrom(map);
    if (auto usable = checkKeyMaterial(material); !usable)
        return corrupt(m_path, usable.error().message);
    return Entry{std::move(material), recordFrom(map, id), sealed};
}

KeyStoreResult<QJsonObject> CredentialFileStore::sealEntry(const QByteArray& credentialId,
                                                           Entry& entry) const
{
    if (entry.sealed.isEmpty()) {
        QByteArray plaintext = entryPlaintext(entry.material, entry.record);
        const auto sealed = seal(m_sealingKey, plaintext, credentialId);
        wipe(plaintext);
        if (!sealed)
            return sealed.error();
        entry.sealed = *sealed;
    }
    return QJsonObject{{QStringLiteral("id"), core::encodeBase64UrlString(credentialId)},
                       {QStringLiteral("sealed"), core::encodeBase64UrlString(entry.sealed)}};
}

KeyStoreResult<QByteArray> CredentialFileStore::serialize(Contents& contents) const
{
    QJsonArray entries;
    for (const QByteArray& id : std::as_const(contents.order)) {
        const auto sealed = sealEntry(id, contents.entries[id]);
        if (!sealed)
            return sealed.error();
        entries.append(*sealed);
    }
    const QJsonObject document{{QStringLiteral("format"), m_format},
                               {QStringLiteral("version"), kVersion},
                               {QStringLiteral("entries"), entries}};
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

template <typename T, typename Change>
KeyStoreResult<T> CredentialFileStore::update(Change&& change)
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

KeyStoreResult<void> CredentialFileStore::addKey(const QByteArray& credentialId,
                                                 const QCborMap& material)
{
    if (credentialId.isEmpty())
        return duplicateOrEmptyId();
    return update<void>([&](Contents& contents) -> KeyStoreResult<void> {
        if (contents.entries.contains(credentialId))
            return duplicateOrEmptyId();
        contents.entries.insert(credentialId, Entry{material, std::nullopt, {}});
        contents.order.append(credentialId);
        return {};
    });
}

KeyStoreResult<QCborMap> CredentialFileStore::keyMaterial(const KeyHandle& handle)
{
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    const auto found = m_contents.entries.constFind(handle);
    if (found == m_contents.entries.constEnd())
        return notFound();
    return found->material;
}

KeyStoreResult<void> CredentialFileStore::deleteKey(const KeyHandle& handle)
{
    return update<void>([&](Contents& contents) -> KeyStoreResult<void> {
        if (!contents.entries.remove(handle))
            return notFound();
        contents.order.removeAll(handle);
        return {};
    });
}

KeyStoreResult<void> CredentialFileStore::saveCredential(const CredentialRecord& record)
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
CredentialFileStore::findCredential(const QString& rpId, const QByteArray& credentialId)
{
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    const auto found = m_contents.entries.constFind(credentialId);
    if (found == m_contents.entries.constEnd() || !found->record || found->record->rpId != rpId)
        return std::optional<CredentialRecord>();
    return found->record;
}

KeyStoreResult<QList<CredentialRecord>>
CredentialFileStore::discoverableCredentials(const QString& rpId)
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

QList<QByteArray> CredentialFileStore::unclaimedIds(const Contents& contents, const QString& rpId,
                                                    const QSet<QByteArray>& claimed,
                                                    const QDateTime& madeBefore)
{
    QList<QByteArray> ids;
    for (auto entry = contents.entries.cbegin(); entry != contents.entries.cend(); ++entry) {
        const std::optional<CredentialRecord>& record = entry->record;
        if (!record || (record->rpId == rpId && !claimed.contains(entry.key()) &&
                        record->createdAt < madeBefore))
            ids.append(entry.key());
    }
    return ids;
}

KeyStoreResult<QList<QByteArray>>
CredentialFileStore::removeUnclaimed(const QString& rpId, const QSet<QByteArray>& claimed,
                                     const QDateTime& madeBefore)
{
    if (auto fresh = refresh(); !fresh)
        return fresh.error();
    if (unclaimedIds(m_contents, rpId, claimed, madeBefore).isEmpty())
        return QList<QByteArray>();
    // Decided again on the file as it is under the lock.
    return update<QList<QByteArray>>([&](Contents& contents) -> KeyStoreResult<QList<QByteArray>> {
        const QList<QByteArray> ids = unclaimedIds(contents, rpId, claimed, madeBefore);
        for (const QByteArray& id : ids) {
            contents.entries.remove(id);
            contents.order.removeAll(id);
        }
        return ids;
    });
}

KeyStoreResult<quint32> CredentialFileStore::incrementSignCount(const QByteArray& credentialId)
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
