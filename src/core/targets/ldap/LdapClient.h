#pragma once

#include "connectors/ConnectorError.h"
#include "targets/TargetConfig.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVarLengthArray>

#include <functional>
#include <memory>
#include <optional>

class QSocketNotifier;
typedef struct ldap LDAP; // libldap's handles, as <ldap.h> declares them
typedef struct ldapmsg LDAPMessage;

// How an LDAP server answered one operation (RFC 4511 §4.1.9).
struct LdapResult
{
    int code = 0; // the resultCode, or libldap's own (negative: -1 the server is gone, -5 a timeout)
    QString diagnostic; // the server's diagnosticMessage, or libldap's words for its own codes
    QString readId; // an add that asked for it: the new entry's id attribute (RFC 4527 post-read)
    bool cancelled = false;

    bool ok() const { return code == 0 && !cancelled; }
    // "Entry Already Exists (68): the server's words", for the history and logs.
    QString text() const;
    // A refusal that concerns the one entry (it exists, breaks the schema, is gone), not the
    // server or the account: the rest of an apply goes on.
    bool isPerObject() const;
};

// One entry of a search's answer, read where libldap holds it (nothing is copied that is not asked for).
class LdapEntry
{
public:
    LdapEntry(LDAP* ld, LDAPMessage* message)
        : m_ld(ld)
        , m_message(message)
    { }

    using Values = QVarLengthArray<QByteArrayView, 4>;

    QString dn() const;
    QList<QByteArray> values(const QByteArray& attribute) const;
    QString first(const QByteArray& attribute) const; // the first value, or empty
    // The DN, then each attribute with its values, read in one pass over the entry where it lies
    // (values() and first() look the attribute up from the entry's start each time): how 100,000
    // entries are read. The views are valid during the call only.
    void visit(const std::function<void(QByteArrayView dn)>& takeDn,
               const std::function<void(QByteArrayView attribute, const Values& values)>& take) const;

private:
    LDAP* m_ld;
    LDAPMessage* m_message;
};

// One change of an entry's attribute, or (for add) one attribute of a new entry.
struct LdapChange
{
    enum class Op { Add, Delete, Replace };
    Op op = Op::Add;
    QByteArray attribute;
    QList<QByteArray> values; // Delete without values: the whole attribute
};

// One connection to an LDAP server, through OpenLDAP's libldap: ldaps://, or ldap:// upgraded with
// StartTLS before anything else is said, the certificate always verified (with an extra CA when
// the target names one), a simple bind with the target's DN and password. Operations go out
// asynchronously, many at once on the one connection, and their answers are read as the socket
// has them (a QSocketNotifier in the thread the client lives in): nothing blocks but open().
// Searches are paged with the simple paged results control (RFC 2696) where the server offers it,
// so that a directory of 100,000 entries is read whole under a per-search size limit.
class LdapClient final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const LdapResult& result)>;
    using Found = std::function<void(const LdapEntry& entry)>;
    enum class Scope { Base, OneLevel, Subtree };
    static constexpr int pageSize = 500; // slapd's default size limit: pages of it pass any account's

    LdapClient(TargetConfig config, QString password, QObject* parent = nullptr);
    ~LdapClient() override;

    // Connects, secures, binds and reads what the server supports. Blocks (up to the target's
    // timeout for each step) in the calling thread: a job's. A sentence when it failed.
    std::optional<ConnectorError> open();
    bool isOpen() const { return m_ld != nullptr; }
    bool supportsControl(const QByteArray& oid) const { return m_controls.contains(oid); }
    bool overTls() const { return m_tls; }

    // Every entry found below `base`, handed over one by one, then the search's result.
    void search(const QString& base, Scope scope, const QString& filter, const QList<QByteArray>& attributes,
                Found found, Done done);
    // `readAttribute`: asks the server for the new entry's value of it (post-read), in LdapResult::readId.
    // `assertion`: a filter the parent must match (RFC 4528): a false one proves the right to add without adding.
    void add(const QString& dn, const QList<LdapChange>& attributes, Done done, const QByteArray& readAttribute = {},
             const QString& assertion = {});
    void modify(const QString& dn, const QList<LdapChange>& changes, Done done);
    // A new RDN for the entry, below the same parent; the old RDN's value is removed.
    void rename(const QString& dn, const QString& newRdn, Done done);
    void remove(const QString& dn, Done done);

    // Abandons what is in flight; each ends cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    int inFlight() const { return int(m_pending.size()); }

    // The sentence for a result that stops a read or an apply (`what`: "read the users").
    ConnectorError errorOf(const LdapResult& result, const QString& what) const;
    const TargetConfig& config() const { return m_config; }

private:
    struct Pending
    {
        Done done;
        Found found; // searches
        bool paged = false;
        QByteArray base, filter, cookie; // a paged search's next page
        int scope = 0;
        QList<QByteArray> attributes;
        QByteArray readAttribute;
        qint64 deadline = 0;
        // A paged search's entries of the page in flight: handed over once the next page has been
        // asked for, so that the server makes it while they are taken in.
        QList<LDAPMessage*> page;
    };

    // Ends `pending` at once (cancelled, or the server gone) when the connection cannot take it.
    bool refusedWhenClosed(Pending& pending);
    void sendSearch(Pending pending);
    void started(int status, int msgid, Pending pending);
    void readAnswers();
    // False when the message is to be freed; true when the pending search keeps it in its page.
    bool answered(LDAPMessage* message, int type);
    static void freePage(Pending& pending);
    void finishSearchPage(Pending& pending, const LdapResult& result, const QByteArray& cookie);
    void failAll(const LdapResult& result);
    void checkDeadlines();
    void later(Done done, LdapResult result);
    qint64 deadlineFromNow() const;
    LdapResult clientResult(int code) const;
    void close();

    TargetConfig m_config;
    QByteArray m_password;
    LDAP* m_ld = nullptr;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_deadlines;
    QHash<int, Pending> m_pending;
    QSet<QByteArray> m_controls;
    bool m_tls = false;
    bool m_cancelled = false;
};
