#include "ApplicationWriter.h"

#include "Logging.h"
#include "jobs/TestHooks.h"
#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

constexpr qsizetype linksPerChunk = 5000; // memberships linked ahead of their calls, per write

} // namespace

ApplicationWriter::ApplicationWriter(QString product, int maxInFlight, RunJournal* journal,
                                     std::shared_ptr<const ChangeSet> plan, QObject* parent)
    : QObject(parent)
    , m_productName(std::move(product))
    , m_maxInFlight(maxInFlight)
    , m_journal(journal)
    , m_plan(std::move(plan))
{ }

ApplicationWriter::~ApplicationWriter() = default;

void ApplicationWriter::start(Done done)
{
    m_done = std::move(done);
    for (const Change& change : m_plan->changes) {
        if (change.action != Action::Unchanged && change.action != Action::Skip) {
            ++m_result.total;
        }
    }
    for (const MembershipChange& membership : m_plan->memberships) {
        if (membership.action != Action::Skip) {
            ++m_result.total;
        }
    }
    startStage(Stage::AddGroups);
}

void ApplicationWriter::cancel()
{
    if (!m_stopping) {
        m_stopping = true;
        m_result.cancelled = true;
    }
}

void ApplicationWriter::startStage(Stage stage)
{
    m_stage = stage;
    m_queue.clear();
    m_next = 0;
    m_linkedUntil = 0;
    m_writtenUntil = 0;
    m_linkedKeys.clear();
    m_keysFrom = 0;
    if (stage == Stage::End || m_stopping) {
        QString error;
        if (!m_journal->flush(&error, true)) {
            stopForHistory(error);
        }
        Done done = std::exchange(m_done, {});
        done(m_result);
        return;
    }
    const ChangeSet& plan = *m_plan;
    const qsizetype changes = plan.changes.size();
    if (stage == Stage::AddMemberships || stage == Stage::RemoveMemberships) {
        // By group, so that one call can add many users to it, and in the order the history
        // records them, so that the outcomes of one call are written to neighbouring rows.
        const Action wanted = stage == Stage::AddMemberships ? Action::Add : Action::Remove;
        QString error;
        if (!m_journal->waitForMemberships(&error)) {
            stopForHistory(error);
            startStage(Stage::End);
            return;
        }
        for (const qsizetype i : m_journal->membershipOrder()) {
            if (plan.memberships.at(i).action == wanted) {
                m_queue.append(changes + i);
            }
        }
    } else {
        for (qsizetype i = 0; i < changes; ++i) {
            const Change& change = plan.changes.at(i);
            if (change.action == Action::Unchanged || change.action == Action::Skip) {
                continue;
            }
            const bool isGroup = change.object == Object::Group;
            const bool deleting = change.action == Action::Delete;
            const Stage belongs = isGroup ? (deleting ? Stage::DeleteGroups : Stage::AddGroups)
                                          : (deleting ? Stage::DeleteUsers : Stage::SaveUsers);
            if (belongs == stage) {
                m_queue.append(i);
            }
        }
    }
    if (m_queue.isEmpty()) {
        startStage(Stage(int(stage) + 1));
        return;
    }
    launchMore();
}

void ApplicationWriter::stopForHistory(const QString& error)
{
    m_result.stop = ConnectorError{ConnectorError::Kind::InvalidSettings,
                                   tr("The history could not be written: %1").arg(error), error};
    m_stopping = true;
}

bool ApplicationWriter::linkAhead()
{
    // Linked and written before their calls: a crash after the application added a membership
    // must not leave it unowned (a link whose membership does not exist is ignored when the
    // application is read). A chunk at a time (linking 500,000 memberships at once held them all
    // in memory), the next one handed to the journal as this one's calls go out, so that its
    // writing does not hold them up.
    if (m_linkedUntil <= m_next) {
        linkChunk();
    }
    QString error;
    if (!m_journal->waitFor(m_linkTicket, &error)) {
        stopForHistory(error);
        return false;
    }
    m_writtenUntil = m_linkedUntil;
    if (m_linkedUntil < m_queue.size()) {
        linkChunk();
    }
    return true;
}

void ApplicationWriter::linkChunk()
{
    const ChangeSet& plan = *m_plan;
    const qsizetype end = std::min(m_queue.size(), m_linkedUntil + linksPerChunk);
    // The keys are kept for the calls (they do not change once the users are saved).
    m_linkedKeys.remove(0, m_next - m_keysFrom);
    m_keysFrom = m_next;
    for (qsizetype i = m_linkedUntil; i < end; ++i) {
        const MembershipChange& membership = plan.memberships.at(m_queue.at(i) - plan.changes.size());
        const QString& key = m_linkedKeys.emplace_back(userKeyOf(plan.memberUsers.at(membership.user).id));
        if (!key.isEmpty()) {
            m_journal->link(Object::Membership,
                            TargetLinks::membershipKey(key, plan.memberGroups.at(membership.group).name), {});
        }
    }
    m_linkedUntil = end;
    m_linkTicket = m_journal->handOver();
}

void ApplicationWriter::launchMore()
{
    if (m_launching) {
        // A change settled without a request (nothing to send, or held back for a Bulk request)
        // while the loop below started it: the loop goes on, rather than a call deeper for each
        // such change (a hundred thousand of them overflowed the stack).
        return;
    }
    m_launching = true;
    // Twice the client's requests in flight: enough to keep it busy, few enough to stop soon.
    const int window = 2 * m_maxInFlight;
    while (!m_stopping && m_inFlight < window && m_next < m_queue.size()) {
        if (m_stage == Stage::AddMemberships && m_next >= m_writtenUntil && !linkAhead()) {
            break;
        }
        ++m_inFlight;
        if (m_stage == Stage::AddMemberships && memberBatch() > 1) {
            runBatch();
        } else {
            run(m_queue.at(m_next++));
        }
    }
    m_launching = false;
    if (m_inFlight == 0 && (m_stopping || m_next >= m_queue.size())) {
        if (!m_stopping && sendHeldBack()) {
            return; // the stage ends once those calls have
        }
        if (m_stage == Stage::SaveUsers && !m_stopping && !std::exchange(m_savingUsersEnded, true)) {
            usersSaved([this] { startStage(m_stopping ? Stage::End : Stage::AddMemberships); });
            return;
        }
        startStage(m_stopping ? Stage::End : Stage(int(m_stage) + 1));
    }
}

void ApplicationWriter::settled(qsizetype index, ChangeOutcome outcome, const QString& error)
{
    record(index, outcome, error);
    callEnded();
}

void ApplicationWriter::callEnded()
{
    --m_inFlight;
    launchMore();
}

void ApplicationWriter::settledAll(const QList<Member>& members, ChangeOutcome outcome)
{
    for (const Member& member : members) {
        record(member.index, outcome, {});
    }
    callEnded();
}

void ApplicationWriter::refusedAll(const QList<Member>& members, const TargetReply& reply)
{
    if (stopsTheRun(reply)) {
        callEnded();
        return;
    }
    // Each alone now: the one call becomes one per membership.
    m_inFlight += int(members.size()) - 1;
    for (const Member& member : members) {
        run(member.index);
    }
}

void ApplicationWriter::runBatch()
{
    const ChangeSet& plan = *m_plan;
    const qint32 group = plan.memberships.at(m_queue.at(m_next) - plan.changes.size()).group;
    const MemberRef& groupRef = plan.memberGroups.at(group);
    QList<Member> members;
    while (m_next < m_queue.size() && members.size() < memberBatch()) {
        const qsizetype index = m_queue.at(m_next);
        const MembershipChange& membership = plan.memberships.at(index - plan.changes.size());
        if (membership.group != group || (m_next >= m_writtenUntil && !linkAhead())) {
            break;
        }
        const QString& key = m_linkedKeys.at(m_next++ - m_keysFrom);
        const MemberRef& user = plan.memberUsers.at(membership.user);
        if (key.isEmpty() || m_failedObjects.contains(groupRef.id)) {
            record(index, ChangeOutcome::Failed,
                   key.isEmpty() ? tr("Not added: the user could not be created.")
                                 : tr("Not added: the group could not be created."));
            continue;
        }
        members.append({index, key, user.name});
    }
    if (members.isEmpty()) {
        callEnded();
        return;
    }
    addMembers(members, groupRef.name);
}

void ApplicationWriter::record(qsizetype index, ChangeOutcome outcome, const QString& error)
{
    // Crash-safety tests: USERSYNC_TEST_KILL_AT=call:N kills the process once N changes have had
    // their answer from the application and before the Nth is recorded, the worst moment.
    TestHooks::killAt(u"call"_s, m_result.done + m_result.failed + 1);
    // The history keeps the key of a user this run created, in its change and its memberships',
    // so that a rollback finds it.
    QString key;
    if (index < m_plan->changes.size()) {
        key = m_createdKeys.value(m_plan->changes.at(index).localId);
    } else {
        const MembershipChange& membership = m_plan->memberships.at(index - m_plan->changes.size());
        key = m_createdKeys.value(m_plan->memberUsers.at(membership.user).id);
    }
    m_journal->settle(index, outcome, error, key);
    if (outcome == ChangeOutcome::Done) {
        ++m_result.done;
    } else if (outcome == ChangeOutcome::Failed) {
        ++m_result.failed;
        qCInfo(lcTargets) << m_productName << "refused:" << m_plan->at(index).key << error;
    }
    QString journalError;
    if (!m_journal->flush(&journalError) && !m_stopping) {
        stopForHistory(journalError);
    }
    reportProgress();
}

void ApplicationWriter::deferred()
{
    ++m_deferred;
    reportProgress();
    callEnded();
}

void ApplicationWriter::recordDeferred(qsizetype index, ChangeOutcome outcome, const QString& error)
{
    --m_deferred;
    record(index, outcome, error);
}

void ApplicationWriter::resumeDeferred()
{
    --m_deferred;
    ++m_inFlight;
}

void ApplicationWriter::abandonDeferred()
{
    --m_deferred;
    reportProgress();
}

void ApplicationWriter::reportProgress()
{
    // Said now and then, not for each of hundreds of thousands of outcomes (the job shows it
    // five times a second at most anyway).
    const int answered = m_result.done + m_result.failed + m_deferred;
    if (!m_sinceProgress.isValid() || m_sinceProgress.elapsed() >= 100 || answered == m_result.total) {
        m_sinceProgress.start();
        Q_EMIT progress({tr("Applying changes to %1").arg(m_productName), answered, m_result.total});
    }
}

ConnectorError ApplicationWriter::errorOf(const TargetReply& reply, const QString& what) const
{
    return {ConnectorError::Kind::ServerError,
            tr("%1 refused to %2 (HTTP %3).").arg(m_productName, what).arg(reply.outcome.status),
            {}};
}

void ApplicationWriter::stopWith(const ConnectorError& error)
{
    if (!m_stopping) {
        m_stopping = true;
        m_result.stop = error;
    }
}

bool ApplicationWriter::stopsTheRun(const TargetReply& reply)
{
    if (isPerObject(reply)) {
        return false;
    }
    if (!m_stopping) {
        m_stopping = true;
        if (reply.outcome.cancelled) {
            m_result.cancelled = true;
        } else {
            m_result.stop = errorOf(reply, tr("apply the changes"));
        }
    }
    return true;
}

void ApplicationWriter::refused(qsizetype index, const TargetReply& reply)
{
    if (stopsTheRun(reply)) {
        // Not settled: whether the application did it is not known; the change stays pending.
        callEnded();
        return;
    }
    settled(index, ChangeOutcome::Failed, refusalOf(reply));
}

QString ApplicationWriter::refusalOf(const TargetReply& reply) const
{
    const QString said = messageOf(reply);
    return said.isEmpty() ? tr("%1 refused it (HTTP %2).").arg(m_productName).arg(reply.outcome.status) : said;
}

void ApplicationWriter::created(const Change& change, const QString& key)
{
    m_createdKeys.insert(change.localId, key);
    m_journal->link(Object::User, key, change.externalId);
}

void ApplicationWriter::createdGroup(const Change& change, const QString& id)
{
    m_createdKeys.insert(change.localId, id);
}

QString ApplicationWriter::userKeyOf(const QString& localId) const
{
    return m_createdKeys.value(localId, m_failedObjects.contains(localId) ? QString() : localId);
}

void ApplicationWriter::run(qsizetype index)
{
    const ChangeSet& plan = *m_plan;
    if (index >= plan.changes.size()) {
        runMembership(index, plan.memberships.at(index - plan.changes.size()));
        return;
    }
    const Change& change = plan.changes.at(index);
    if (change.object == Object::Group) {
        switch (change.action) {
        case Action::Add:
            addGroup(index, change);
            return;
        case Action::Delete:
            deleteGroup(index, change);
            return;
        case Action::Link:
            m_journal->link(Object::Group, TargetLinks::groupKey(change.key), change.externalId);
            settled(index, ChangeOutcome::Done);
            return;
        default:
            relink(Object::Group, TargetLinks::groupKey(change.key), change);
            settled(index, ChangeOutcome::Done); // nothing the application keeps changed (it has no path)
            return;
        }
    }
    switch (change.action) {
    case Action::Add:
        addUser(index, change);
        return;
    case Action::Delete:
        deleteUser(index, change);
        return;
    case Action::Link:
        m_journal->link(Object::User, change.localId, change.externalId);
        updateUser(index, change, change.localId);
        return;
    default:
        relink(Object::User, change.localId, change);
        updateUser(index, change, change.localId);
        return;
    }
}

void ApplicationWriter::runMembership(qsizetype index, const MembershipChange& membership)
{
    const MemberRef& user = m_plan->memberUsers.at(membership.user);
    const MemberRef& group = m_plan->memberGroups.at(membership.group);
    if (membership.action != Action::Add) {
        removeMember(index, user.id, user.name, group.name);
        return;
    }
    const QString key = userKeyOf(user.id);
    if (key.isEmpty() || m_failedObjects.contains(group.id)) {
        settled(index, ChangeOutcome::Failed,
                key.isEmpty() ? tr("Not added: the user could not be created.")
                              : tr("Not added: the group could not be created."));
        return;
    }
    addMember(index, key, user.name, group.name);
}

void ApplicationWriter::relink(Object object, const QString& appKey, const Change& change)
{
    // A change of owner (a rollback of a link gives the object back): the link follows.
    for (const FieldChange& field : change.fields) {
        if (field.field == u"origin"_s) {
            if (field.after.isEmpty()) {
                m_journal->unlink(object, appKey);
            } else {
                m_journal->link(object, appKey, change.externalId);
            }
        }
    }
}
