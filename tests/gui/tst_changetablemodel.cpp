#include "ChangeFilterModel.h"
#include "ChangeTableModel.h"
#include "sync/Planner.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

// The simulated-sync report's table: every change a row, sortable on every column, filtered
// by action and by a search text.
class TestChangeTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        DirectorySnapshot snapshot;
        const QStringList names = {u"carol"_s, u"Alice"_s, u"bob"_s, u"Dave"_s};
        for (qsizetype i = 0; i < names.size(); ++i) {
            User user;
            user.id = u"k-%1"_s.arg(i);
            user.username = names.at(i);
            user.email = names.at(i).toLower() + u"@example.com"_s;
            user.firstName = names.at(i);
            user.lastName = u"Example"_s;
            snapshot.users.append(user);
        }
        snapshot.groups = {Group{u"g-1"_s, u"Sales"_s, u"/Sales"_s, {}},
                           Group{u"g-2"_s, u"admins"_s, u"/admins"_s, {}}};
        snapshot.memberships = {Membership{0, 0}, Membership{1, 1}, Membership{3, 0}};
        int next = 0;
        m_plan = std::make_shared<ChangeSet>(Planner::plan(snapshot, DirectoryState{}, u"kc"_s, SyncOptions{},
                                                           [&next] { return u"id-%1"_s.arg(++next); }));
        m_model = std::make_unique<ChangeTableModel>();
        m_model->setChangeSet(m_plan);
        m_filter = std::make_unique<ChangeFilterModel>();
        m_filter->setSourceModel(m_model.get());
    }

    void passesTheModelTester()
    {
        QAbstractItemModelTester source(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filtered(m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_filter->sort(ChangeTableModel::NameColumn);
        m_filter->setSearchText(u"example"_s);
        m_model->setChangeSet({});
        QCOMPARE(m_filter->rowCount(), 0);
    }

    void everyChangeIsARow()
    {
        QCOMPARE(m_model->rowCount(), int(m_plan->size()));
        QCOMPARE(m_model->rowCount(), 4 + 2 + 3);
        const int membership = int(m_plan->changes.size());
        QCOMPARE(text(m_model.get(), membership, ChangeTableModel::ObjectColumn), u"Membership"_s);
        QCOMPARE(text(m_model.get(), membership, ChangeTableModel::ActionColumn), u"Added"_s);
        QCOMPARE(text(m_model.get(), membership, ChangeTableModel::NameColumn), u"carol → Sales"_s);
        QCOMPARE(text(m_model.get(), 0, ChangeTableModel::NameColumn), u"Alice"_s); // the plan sorts users by name
        // An added user's fields are all of it: the details show them, the column stays quiet.
        QCOMPARE(text(m_model.get(), 0, ChangeTableModel::ChangesColumn), QString());
        QVERIFY(m_model->change(0).fields.contains(FieldChange{u"email"_s, {}, u"alice@example.com"_s}));
        QVERIFY(m_model->matches(0, {u"alice@example.com"_s}));
        QCOMPARE(m_model->change(membership), m_plan->at(membership));
    }

    void sortsEveryColumnBothWays_data()
    {
        QTest::addColumn<int>("column");
        for (int column = 0; column < ChangeTableModel::ColumnCount; ++column) {
            QTest::addRow("%s", qPrintable(ChangeTableModel().headerData(column, Qt::Horizontal).toString())) << column;
        }
    }

    void sortsEveryColumnBothWays()
    {
        QFETCH(int, column);
        // What the order means, worked out from the shown values: objects in their fixed order
        // (users, groups, memberships), actions by label, text by the locale without regard to
        // case and with numbers by value.
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        const auto compare = [this, column, &collator](int row, int other) {
            const QModelIndex a = m_filter->index(row, column);
            const QModelIndex b = m_filter->index(other, column);
            if (column == ChangeTableModel::ObjectColumn) {
                return a.data(ChangeTableModel::ObjectRole).toInt() - b.data(ChangeTableModel::ObjectRole).toInt();
            }
            if (column == ChangeTableModel::ActionColumn) {
                return QString::localeAwareCompare(a.data().toString(), b.data().toString());
            }
            if (column == ChangeTableModel::ChangesColumn) {
                return QString::compare(a.data().toString(), b.data().toString(), Qt::CaseInsensitive);
            }
            return collator.compare(a.data().toString().toLower(), b.data().toString().toLower());
        };
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            m_filter->sort(column, order);
            QCOMPARE(m_filter->rowCount(), int(m_plan->size()));
            for (int row = 1; row < m_filter->rowCount(); ++row) {
                const int step = compare(row - 1, row);
                QVERIFY2(order == Qt::AscendingOrder ? step <= 0 : step >= 0, qPrintable(u"row %1"_s.arg(row)));
            }
        }
    }

    void namesSortWithoutRegardToCase()
    {
        m_filter->setActionFilter(std::nullopt, Object::User);
        m_filter->sort(ChangeTableModel::NameColumn, Qt::AscendingOrder);
        QStringList names;
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            names << text(m_filter.get(), row, ChangeTableModel::NameColumn);
        }
        QCOMPARE(names, (QStringList{u"Alice"_s, u"bob"_s, u"carol"_s, u"Dave"_s}));
    }

    void filtersByActionAndObject()
    {
        m_filter->setActionFilter(Action::Add, Object::Membership);
        QCOMPARE(m_filter->rowCount(), m_plan->count(Object::Membership, Action::Add));
        m_filter->setActionFilter(Action::Add);
        QCOMPARE(m_filter->rowCount(), 9);
        m_filter->setActionFilter(Action::Disable);
        QCOMPARE(m_filter->rowCount(), 0);
        m_filter->setActionFilter(std::nullopt);
        QCOMPARE(m_filter->rowCount(), 9);
    }

    void searchesNamesEmailsAndChanges()
    {
        m_filter->setSearchText(u"DAVE"_s);
        QCOMPARE(m_filter->rowCount(), 2); // the user and "Dave → Sales"
        m_filter->setSearchText(u"/admins"_s); // the group's path, among its changed fields
        QCOMPARE(m_filter->rowCount(), 1);
        QCOMPARE(text(m_filter.get(), 0, ChangeTableModel::ObjectColumn), u"Group"_s);
        m_filter->setSearchText(u"  "_s);
        QCOMPARE(m_filter->rowCount(), 9);
    }

private:
    static QString text(const QAbstractItemModel* model, int row, int column)
    {
        return model->index(row, column).data().toString();
    }

    std::shared_ptr<ChangeSet> m_plan;
    std::unique_ptr<ChangeTableModel> m_model;
    std::unique_ptr<ChangeFilterModel> m_filter;
};

QTEST_MAIN(TestChangeTableModel)
#include "tst_changetablemodel.moc"
