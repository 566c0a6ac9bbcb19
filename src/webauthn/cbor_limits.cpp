#include "webauthn/cbor_limits.h"

#include <QCborStreamReader>

namespace latchkey::webauthn {

namespace {

Error malformed(const QString& why)
{
    return makeError(ErrorCode::CborMalformed,
                     QStringLiteral("The CBOR data is malformed: %1.").arg(why));
}

Error limitExceeded(const QString& what)
{
    return makeError(ErrorCode::CborLimitExceeded,
                     QStringLiteral("The CBOR data exceeds a safety limit: %1.").arg(what));
}

// Walks one data item without building it, so hostile nesting or sizes are refused before
// QCborValue allocates anything for them.
class LimitWalker {
public:
    LimitWalker(QCborStreamReader& reader, const CborLimits& limits)
        : m_reader(reader), m_limits(limits)
    {}

    Result<void> walk(int depth)
    {
        if (depth > m_limits.maxDepth)
            return limitExceeded(QStringLiteral("nesting deeper than %1").arg(m_limits.maxDepth));
        if (++m_items > m_limits.maxItems)
            return limitExceeded(QStringLiteral("more than %1 items").arg(m_limits.maxItems));
        switch (m_reader.type()) {
        case QCborStreamReader::ByteArray:
        case QCborStreamReader::String:
            return skipString();
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            return walkContainer(depth);
        case QCborStreamReader::Tag:
            if (!m_reader.next())
                return readerError();
            return walk(depth + 1);
        case QCborStreamReader::Invalid:
            return readerError();
        default:
            if (!m_reader.next())
                return readerError();
            return {};
        }
    }

    Result<void> readerError() const
    {
        const QCborError error = m_reader.lastError();
        if (error == QCborError::NoError)
            return malformed(QStringLiteral("an invalid or truncated item"));
        return malformed(error.toString());
    }

private:
    Result<void> skipString()
    {
        if (m_reader.isLengthKnown()) {
            if (static_cast<qsizetype>(m_reader.length()) > m_limits.maxStringLength)
                return limitExceeded(
                    QStringLiteral("a string longer than %1 bytes").arg(m_limits.maxStringLength));
            if (!m_reader.next())
                return readerError();
            return {};
        }
        // Indefinite-length strings arrive in chunks; count them as they come.
        qsizetype total = 0;
        if (!m_reader.enterContainer())
            return readerError();
        while (m_reader.hasNext()) {
            if (!m_reader.isLengthKnown())
                return readerError();
            total += static_cast<qsizetype>(m_reader.length());
            if (total > m_limits.maxStringLength)
                return limitExceeded(
                    QStringLiteral("a string longer than %1 bytes").arg(m_limits.maxStringLength));
            if (!m_reader.next())
                return readerError();
        }
        if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
            return readerError();
        return {};
    }

    Result<void> walkContainer(int depth)
    {
        const bool isMap = m_reader.isMap();
        if (m_reader.isLengthKnown() &&
            static_cast<qsizetype>(m_reader.length()) > m_limits.maxContainerSize)
            return limitExceeded(QStringLiteral("a container with more than %1 entries")
                                     .arg(m_limits.maxContainerSize));
        if (!m_reader.enterContainer())
            return readerError();
        qsizetype entries = 0;
        while (m_reader.lastError() == QCborError::NoError && m_reader.hasNext()) {
            if (++entries > m_limits.maxContainerSize * (isMap ? 2 : 1))
                return limitExceeded(QStringLiteral("a container with more than %1 entries")
                                         .arg(m_limits.maxContainerSize));
            if (auto r = walk(depth + 1); !r)
                return r;
        }
        if (m_reader.lastError() != QCborError::NoError)
            return readerError();
        if (!m_reader.leaveContainer())
            return readerError();
        return {};
    }

    QCborStreamReader& m_reader;
    const CborLimits& m_limits;
    qsizetype m_items = 0;
};

} // namespace

Result<QCborValue> decodeCborItem(QByteArrayView bytes, qsizetype* consumed,
                                  const CborLimits& limits)
{
    if (bytes.isEmpty())
        return malformed(QStringLiteral("no data"));
    const QByteArray data = QByteArray::fromRawData(bytes.data(), bytes.size());
    QCborStreamReader reader(data);
    LimitWalker walker(reader, limits);
    if (auto r = walker.walk(0); !r)
        return r.error();
    if (reader.lastError() != QCborError::NoError)
        return walker.readerError().error();
    const qsizetype end = static_cast<qsizetype>(reader.currentOffset());
    if (!consumed && end != bytes.size())
        return malformed(QStringLiteral("%1 bytes follow the data item").arg(bytes.size() - end));
    if (consumed)
        *consumed = end;
    QCborParserError error;
    QCborValue value = QCborValue::fromCbor(QByteArray::fromRawData(bytes.data(), end), &error);
    if (error.error != QCborError::NoError)
        return malformed(error.errorString());
    return value;
}

bool hasRepeatedKeys(const QCborMap& map)
{
    // Maps here hold a handful of entries, so comparing every pair is cheapest.
    for (auto i = map.constBegin(); i != map.constEnd(); ++i)
        for (auto j = i + 1; j != map.constEnd(); ++j)
            if (i.key() == j.key())
                return true;
    return false;
}

} // namespace latchkey::webauthn
