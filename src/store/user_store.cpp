#include "store/user_store.h"

#include "store/sql_values.h"
#include "store/sqlite_dialect.h"
#include "store/write_transaction.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUuid>

namespace latchkey::store {

namespace {

constexpr qsizetype userHandleSize = 32;
// A fresh uid or user handle colliding with an existing one is astronomically unlikely;
// a few retries turn it into impossible without hiding a real fault.
constexpr int randomValueAttempts = 3;

const QString selectUser = QStringLiteral(
    "SELECT id, uid, username, display_name, email, user_handle, created_at FROM users ");

QByteArray randomUserHandle()
{
    QByteArray handle(userHandleSize, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(handle.data()),
                                         reinterpret_cast<quint32*>(handle.data() + handle.size()));
    return handle;
}

User readUser(const QSqlQuery& query)
{
    User user;
    user.id = query.value(0).toLongLong();
    user.uid = query.value(1).toString();
    user.username = query.value(2).toString();
    user.displayName = query.value(3).toString();
    user.email = query.value(4).toString();
    user.userHandle = query.value(5).toByteArray();
    user.createdAt = sql::fromUnixMs(query.value(6).toLongLong());
    return user;
}

StoreLookup<User> findOne(QSqlDatabase db, const QString& where, const QVariant& value)
{
    QSqlQuery query(db);
    if (!sql::run(query, selectUser + where, {value})) {
        return sql::ioError(query, QStringLiteral("reading a profile"));
    }
    if (!query.next()) {
        if (sql::readFailed(query)) {
            return sql::ioError(query, QStringLiteral("reading a profile"));
        }
        return std::optional<User>();
    }
    return std::optional<User>(readUser(query));
}

StoreError takenError(const QString& column, const NewUser& newUser)
{
    if (column.endsWith(QLatin1String("email_key"))) {
        return makeStoreError(StoreError::Code::Conflict,
                              QStringLiteral("The email address \"%1\" already belongs to a "
                                             "profile. Sign in to it, or use another address.")
                                  .arg(newUser.email));
    }
    return makeStoreError(StoreError::Code::Conflict,
                          QStringLiteral("The username \"%1\" is already taken. Choose another "
                                         "one, or sign in to that profile.")
                              .arg(newUser.username));
}

bool isRandomColumn(const QString& column)
{
    return column.endsWith(QLatin1String(".uid")) || column.endsWith(QLatin1String(".user_handle"));
}

StoreError violationError(const sqlite::ConstraintViolation& violation, const NewUser& newUser)
{
    if (violation.kind == sqlite::Constraint::Unique) {
        return takenError(violation.detail, newUser);
    }
    return makeStoreError(StoreError::Code::Invalid,
                          QStringLiteral("The profile was not saved: a username and an email "
                                         "address are required (%1).")
                              .arg(violation.detail));
}

} // namespace

UserStore::UserStore(Database& database) : m_database(database) {}

QString UserStore::loginKey(const QString& value)
{
    // Unicode canonical caseless matching (decompose, fold, recompose): "É" precomposed
    // or as "E" + combining acute gives one key.
    return sql::text(value.normalized(QString::NormalizationForm_D)
                         .toCaseFolded()
                         .normalized(QString::NormalizationForm_C));
}

StoreResult<User> UserStore::create(const NewUser& newUser)
{
    WriteTransaction transaction(m_database.connection());
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    User user{0,
              {},
              newUser.username,
              newUser.displayName,
              newUser.email,
              {},
              sql::fromUnixMs(sql::toUnixMs(sql::nowUtc()))};
    for (int attempt = 0; attempt < randomValueAttempts; ++attempt) {
        user.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        user.userHandle = randomUserHandle();
        QSqlQuery query(m_database.connection());
        const bool inserted = sql::run(
            query,
            QStringLiteral("INSERT INTO users (uid, username, username_key, display_name, email, "
                           "email_key, user_handle, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {user.uid, sql::text(user.username), loginKey(user.username),
             sql::text(user.displayName), sql::text(user.email), loginKey(user.email),
             user.userHandle, sql::toUnixMs(user.createdAt)});
        if (inserted) {
            user.id = query.lastInsertId().toLongLong();
            if (auto committed = transaction.commit(); !committed) {
                return committed.error();
            }
            return user;
        }
        const auto violation = sqlite::constraintViolation(query.lastError());
        if (violation.kind == sqlite::Constraint::None) {
            return sql::ioError(query, QStringLiteral("saving a profile"));
        }
        if (!isRandomColumn(violation.detail)) {
            return violationError(violation, newUser);
        }
    }
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("Could not draw a unique profile identifier; the system's "
                                         "random number generator may be broken."));
}

StoreLookup<User> UserStore::findById(qint64 id) const
{
    return findOne(m_database.connection(), QStringLiteral("WHERE id = ?"), id);
}

StoreLookup<User> UserStore::findByUid(const QString& uid) const
{
    return findOne(m_database.connection(), QStringLiteral("WHERE uid = ?"), uid);
}

StoreLookup<User> UserStore::findByLogin(const QString& usernameOrEmail) const
{
    const QString key = loginKey(usernameOrEmail);
    auto byUsername =
        findOne(m_database.connection(), QStringLiteral("WHERE username_key = ?"), key);
    if (!byUsername || byUsername->has_value()) {
        return byUsername;
    }
    return findOne(m_database.connection(), QStringLiteral("WHERE email_key = ?"), key);
}

StoreLookup<User> UserStore::findByUserHandle(const QByteArray& userHandle) const
{
    return findOne(m_database.connection(), QStringLiteral("WHERE user_handle = ?"), userHandle);
}

StoreResult<void> UserStore::remove(qint64 id)
{
    QSqlDatabase db = m_database.connection();
    return inTransaction<void>(db, [&]() -> StoreResult<void> {
        QSqlQuery query(db);
        if (!sql::run(query, QStringLiteral("DELETE FROM users WHERE id = ?"), {id})) {
            return sql::ioError(query, QStringLiteral("deleting a profile"));
        }
        if (query.numRowsAffected() != 1) {
            return makeStoreError(StoreError::Code::NotFound,
                                  QStringLiteral("There is no profile %1 to delete; it may have "
                                                 "been deleted already.")
                                      .arg(id));
        }
        return {};
    });
}

StoreResult<qint64> UserStore::count() const
{
    QSqlQuery query(m_database.connection());
    if (!sql::run(query, QStringLiteral("SELECT count(*) FROM users"), {}) || !query.next()) {
        return sql::ioError(query, QStringLiteral("counting profiles"));
    }
    return query.value(0).toLongLong();
}

} // namespace latchkey::store
