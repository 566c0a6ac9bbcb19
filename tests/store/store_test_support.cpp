#include "store_test_support.h"

#include "store/user_store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <QUuid>

namespace latchkey::store::testing {

QDateTime t0()
{
    return QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc());
}

QDateTime at(std::chrono::milliseconds offset)
{
    return t0().addMSecs(offset.count());
}

QByteArray randomChallenge(qsizetype size)
{
    return core::Challenge::random(size)->bytes();
}

webauthn::CeremonyState stateFor(const QByteArray& challenge, const QDateTime& now,
                                 std::chrono::milliseconds lifetime)
{
    webauthn::CeremonyState state;
    state.type = webauthn::CeremonyType::Get;
    state.challenge = core::Challenge(challenge);
    state.expiresAt = now.isValid() ? now.addMSecs(lifetime.count()) : QDateTime();
    return state;
}

FreshDatabaseFiles::FreshDatabaseFiles(QString stem) : m_stem(std::move(stem)) {}

bool FreshDatabaseFiles::isValid() const
{
    return m_dir.isValid();
}

QString FreshDatabaseFiles::nextPath()
{
    return m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(m_stem).arg(m_counter++));
}

QString FreshDatabaseFiles::filePath(const QString& name) const
{
    return m_dir.filePath(name);
}

StoreResult<TwoProfiles> createAliceAndBob(Database& database)
{
    UserStore users(database);
    auto alice = users.create({QStringLiteral("alice"), {}, QStringLiteral("a@example.org")});
    auto bob = users.create({QStringLiteral("bob"), {}, QStringLiteral("b@example.org")});
    if (!alice) {
        return alice.error();
    }
    if (!bob) {
        return bob.error();
    }
    return TwoProfiles{alice->id, bob->id};
}

RawConnection::RawConnection(const QString& path)
    : m_name(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.open();
}

RawConnection::~RawConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QVariant RawConnection::scalar(const QString& statement) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(statement) || !query.next()) {
        return {};
    }
    return query.value(0);
}

bool RawConnection::exec(const QString& statement) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    return query.exec(statement);
}

QByteArray dumpOf(const QString& path)
{
    RawConnection raw(path);
    QSqlDatabase db = QSqlDatabase::database(raw.connectionName(), false);
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER "
                                    "BY name")))
        return {};
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    QByteArray dump;
    for (const QString& name : names) {
        dump += "[" + name.toUtf8() + "]\n";
        QSqlQuery rows(db);
        if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(name)))
            return {};
        while (rows.next()) {
            const QSqlRecord record = rows.record();
            for (int i = 0; i < record.count(); ++i) {
                const QVariant value = rows.value(i);
                dump += value.isNull()                            ? QByteArray("NULL")
                        : value.typeId() == QMetaType::QByteArray ? value.toByteArray().toHex()
                                                                  : value.toString().toUtf8();
                dump += '|';
            }
            dump += '\n';
        }
    }
    return dump;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace latchkey::store::testing
