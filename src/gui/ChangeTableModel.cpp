#include "ChangeTableModel.h"

#include "Search.h"
#include "sync/Report.h"

#include <QCollator>

#include <thread>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

ChangeTableModel::ChangeTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ChangeTableModel::setChangeSet(std::shared_ptr<const ChangeSet> changes, ChangeSummary::Tense tense)
{
    beginResetModel();
    releaseInBackground();
    m_changes = std::move(changes);
    m_tense = tense;
    m_actionRank.clear(); // the labels, and so their order, change with the tense
    endResetModel();
}

ChangeTableModel::~ChangeTableModel()
{
    releaseInBackground();
}

void ChangeTableModel::releaseInBackground()
{
    // Freeing the plan of a large realm with its texts and sort keys took a tenth of a second:
    // when this model holds the last reference, a short-lived thread of its own frees it.
    constexpr qsizetype large = 10'000;
    if (m_changes && m_changes.use_count() == 1 && m_changes->size() >= large) {
        std::thread([changes = std::move(m_changes), texts = std::move(m_changesText),
                     keys = std::move(m_sortKeys)]() mutable {
            keys.clear();
            texts.clear();
            changes.reset();
        }).detach();
    }
    m_changes.reset();
    m_changesText.clear();
    m_sortKeys.clear();
}

QString ChangeTableModel::objectLabel(Object object)
{
    switch (object) {
    case Object::User:
        return tr("User");
    case Object::Group:
        return tr("Group");
    case Object::Membership:
        return tr("Membership");
    }
    return {};
}

Change ChangeTableModel::change(int row) const
{
    return m_changes ? m_changes->at(row) : Change();
}

Object ChangeTableModel::objectOf(int row) const
{
    return row < m_changes->changes.size() ? m_changes->changes.at(row).object : Object::Membership;
}

Action ChangeTableModel::actionOf(int row) const
{
    const qsizetype users = m_changes->changes.size();
    return row < users ? m_changes->changes.at(row).action : m_changes->memberships.at(row - users).action;
}

const QString& ChangeTableModel::changesText(int row) const
{
    if (m_changesText.empty()) {
        m_changesText.resize(std::size_t(m_changes->size())); // on first use: opening a report stays quick
    }
    std::optional<QString>& text = m_changesText[std::size_t(row)];
    if (!text) {
        text = Report::describeFields(change(row).fields);
    }
    return *text;
}

const QString& ChangeTableModel::shownChanges(int row) const
{
    static const QString none;
    const Action action = actionOf(row);
    return action == Action::Add || action == Action::Delete ? none : changesText(row);
}

int ChangeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_changes ? 0 : int(m_changes->size());
}

int ChangeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    switch (role) {
    case ActionRole:
        return int(actionOf(row));
    case ObjectRole:
        return int(objectOf(row));
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ObjectColumn:
        return objectLabel(objectOf(row));
    case ActionColumn:
        if (actionOf(row) == Change::Action::Disable) {
            // Where there is no disabled flag (Bitbucket), the report names what disabling is.
            const Change shown = change(row);
            if (std::any_of(shown.fields.cbegin(), shown.fields.cend(),
                            [](const FieldChange& f) { return f.field == QLatin1String("access"); })) {
                return m_tense == ChangeSummary::Tense::Planned ? tr("To disable (access removed)")
                                                                : tr("Disabled (access removed)");
            }
        }
        return actionLabel(actionOf(row));
    case ChangesColumn:
        return shownChanges(row); // an added or deleted object's fields are all of it: the details list them
    default:
        break;
    }
    const Change shown = change(row);
    switch (index.column()) {
    case NameColumn:
        return shown.key;
    case DisplayNameColumn:
        return shown.object == Object::Group ? shown.path : shown.displayName;
    case EmailColumn:
        return shown.email;
    case ReasonColumn:
        // A run into an application says how each change ended, in the application's own words.
        if (shown.outcome == ChangeOutcome::Failed) {
            return tr("Refused: %1").arg(shown.error);
        }
        if (shown.outcome == ChangeOutcome::Pending) {
            return tr("Not done: the run stopped before it");
        }
        return shown.reason;
    default:
        return {};
    }
}

QVariant ChangeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ObjectColumn:
        return tr("Object");
    case ActionColumn:
        return tr("Action");
    case NameColumn:
        return tr("Username or name");
    case DisplayNameColumn:
        return tr("Display name or path");
    case EmailColumn:
        return tr("Email");
    case ReasonColumn:
        return tr("Reason");
    case ChangesColumn:
        return tr("Changed fields");
    default:
        return {};
    }
}

const std::vector<QCollatorSortKey>& ChangeTableModel::sortKeys(int column) const
{
    std::vector<QCollatorSortKey>& keys = m_sortKeys[column];
    if (keys.empty() && m_changes && m_changes->size() > 0) {
        // Lower-cased first: in the C locale Qt's sort keys ignore the collator's case setting.
        QCollator collator;
        collator.setNumericMode(true);
        keys.reserve(std::size_t(m_changes->size()));
        for (int row = 0; row < int(m_changes->size()); ++row) {
            keys.push_back(collator.sortKey(data(index(row, column)).toString().toLower()));
        }
    }
    return keys;
}

bool ChangeTableModel::lessThan(int a, int b, int column) const
{
    // Rows that tie keep their place in the plan, which orders users and groups by name: a
    // stable order without building every row's name keys for it.
    const auto byName = [a, b] { return a < b; };
    switch (column) {
    case ObjectColumn:
        return objectOf(a) != objectOf(b) ? objectOf(a) < objectOf(b) : byName();
    case ActionColumn:
        if (actionRank(actionOf(a)) != actionRank(actionOf(b))) {
            return actionRank(actionOf(a)) < actionRank(actionOf(b));
        }
        return objectOf(a) != objectOf(b) ? objectOf(a) < objectOf(b) : byName();
    case ChangesColumn: {
        // Field lists ("email: a → b; …") group by field name; the locale adds nothing there,
        // and collation keys for every row's list took half a second for 100,000 rows.
        // As the column shows them: an added or deleted row's fields are not listed there, so
        // they sort as empty (and a first sync's report sorts without writing out every row).
        const int order = QString::compare(shownChanges(a), shownChanges(b), Qt::CaseInsensitive);
        return order != 0 ? order < 0 : byName();
    }
    default: {
        const std::vector<QCollatorSortKey>& keys = sortKeys(column);
        const int order = keys[std::size_t(a)].compare(keys[std::size_t(b)]);
        return order != 0 ? order < 0 : byName();
    }
    }
}

int ChangeTableModel::actionRank(Action action) const
{
    if (m_actionRank.empty()) { // by label, so that the order reads alphabetically in every language
        std::vector<Action> actions;
        for (int i = 0; i < Change::actionCount; ++i) {
            actions.push_back(Action(i));
        }
        std::sort(actions.begin(), actions.end(), [this](Action x, Action y) {
            return QString::localeAwareCompare(actionLabel(x), actionLabel(y)) < 0;
        });
        m_actionRank.resize(actions.size());
        for (std::size_t rank = 0; rank < actions.size(); ++rank) {
            m_actionRank[std::size_t(actions[rank])] = int(rank);
        }
    }
    return m_actionRank[std::size_t(action)];
}

bool ChangeTableModel::matches(int row, const QStringList& words) const
{
    if (words.isEmpty()) {
        return true;
    }
    const Change shown = change(row);
    return Search::matchesAll(words, [&](const QString& word) {
        for (const QString* field : {&shown.key, &shown.displayName, &shown.path, &shown.email, &shown.reason}) {
            if (field->contains(word, Qt::CaseInsensitive)) {
                return true;
            }
        }
        return changesText(row).contains(word, Qt::CaseInsensitive);
    });
}
