#include "ApplicationsPanel.h"

#include "MessageBox.h"
#include "TargetDialog.h"
#include "TargetListModel.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "targets/TargetStore.h"
#include "targets/TargetTest.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

ApplicationsPanel::ApplicationsPanel(QWidget* parent)
    : QGroupBox(tr("Applications"), parent)
    , m_model(new TargetListModel(this))
    , m_view(new QTableView(this))
    , m_add(new QAction(tr("&Add Application…"), this))
    , m_edit(new QAction(tr("&Edit Application…"), this))
    , m_test(new QAction(tr("&Test Application"), this))
    , m_remove(new QAction(tr("&Remove Application…"), this))
{
    setObjectName(QStringLiteral("applicationsGroupBox"));
    m_view->setObjectName(QStringLiteral("applicationsTableView"));
    m_view->setAccessibleName(tr("Applications"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_edit, m_test, m_remove});
    m_view->setMaximumHeight(140); // a few applications; the connectors get the room

    auto* buttons = new QHBoxLayout;
    // The buttons carry no Alt+letter of their own (the connectors' buttons have those); the
    // Applications menu reaches the same actions from the keyboard.
    const QList<std::tuple<QAction*, const char*, const char*, QString>> items = {
        {m_add, "addApplicationButton", "list-add", tr("Add…")},
        {m_edit, "editApplicationButton", "document-edit", tr("Edit…")},
        {m_test, "testApplicationButton", "network-connect", tr("Test")},
        {m_remove, "removeApplicationButton", "list-remove", tr("Remove…")},
    };
    for (const auto& [action, name, icon, text] : items) {
        auto* button = new QToolButton(this);
        button->setObjectName(QLatin1String(name));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(QIcon::fromTheme(QLatin1String(icon)));
        button->setText(text);
        button->setToolTip(action->text().remove(u'&'));
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button,
                [button, action = action] { button->setEnabled(action->isEnabled()); });
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_add, &QAction::triggered, this, [this] { openDialog(std::nullopt); });
    connect(m_edit, &QAction::triggered, this, [this] {
        if (const TargetConfig* target = selected()) {
            openDialog(*target);
        }
    });
    connect(m_test, &QAction::triggered, this, &ApplicationsPanel::testSelected);
    connect(m_remove, &QAction::triggered, this, &ApplicationsPanel::removeSelected);
    connect(m_view, &QTableView::activated, m_edit, &QAction::trigger);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApplicationsPanel::updateActions);
    updateActions();
}

ApplicationsPanel::~ApplicationsPanel() = default;

QList<QAction*> ApplicationsPanel::actions() const
{
    return {m_add, m_edit, m_test, m_remove};
}

void ApplicationsPanel::setDirectory(QSqlDatabase directory)
{
    m_directory = std::move(directory);
    reload();
}

void ApplicationsPanel::reload()
{
    const QString selectedId = selected() ? selected()->id : QString();
    QString error;
    auto targets = m_directory.isValid() ? TargetStore(m_directory).list(&error) : std::nullopt;
    auto tests = m_directory.isValid() ? TargetStore(m_directory).lastTests(&error) : std::nullopt;
    m_model->setTargets(targets.value_or(QList<TargetConfig>{}),
                        tests.value_or(QHash<QString, TargetStore::TestRecord>{}));
    if (const int row = m_model->rowOf(selectedId); row >= 0) {
        m_view->selectRow(row);
    }
    m_view->resizeColumnsToContents();
    updateActions();
}

const TargetConfig* ApplicationsPanel::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->targetAt(rows.first().row());
}

void ApplicationsPanel::updateActions()
{
    const bool open = m_directory.isValid();
    m_add->setEnabled(open);
    for (QAction* action : {m_edit, m_test, m_remove}) {
        action->setEnabled(open && selected() && !m_dialog);
    }
}

void ApplicationsPanel::openDialog(const std::optional<TargetConfig>& existing)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new TargetDialog(m_directory, existing, window());
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &TargetDialog::saved, this, [this](const TargetConfig& config) {
        reload();
        if (const int row = m_model->rowOf(config.id); row >= 0) {
            m_view->selectRow(row);
        }
        Q_EMIT changed();
    });
    connect(m_dialog, &TargetDialog::tested, this, &ApplicationsPanel::reload);
    // Queued: while it is being destroyed, the dialog still counts as open.
    connect(m_dialog, &QObject::destroyed, this, &ApplicationsPanel::updateActions, Qt::QueuedConnection);
    m_dialog->open();
    updateActions();
}

void ApplicationsPanel::testSelected()
{
    // The dialog has the test, its checklist and what to fix.
    if (const TargetConfig* target = selected()) {
        openDialog(*target);
        QMetaObject::invokeMethod(
            m_dialog,
            [dialog = m_dialog] {
                if (dialog) {
                    dialog->findChild<QAbstractButton*>(QStringLiteral("saveAndTestButton"))->click();
                }
            },
            Qt::QueuedConnection);
    }
}

void ApplicationsPanel::removeSelected()
{
    const TargetConfig* target = selected();
    if (!target) {
        return;
    }
    const TargetConfig config = *target;
    const auto answer = MessageBox::ask(
        window(), QMessageBox::Warning, tr("Remove Application"),
        tr("Remove the application “%1” and its credential?").arg(config.name),
        {{QMessageBox::Yes, tr("Remove"), QMessageBox::DestructiveRole}}, QMessageBox::Cancel,
        tr("The directory then forgets which of its users and groups the connectors manage. Nothing in %1 itself is "
           "changed.")
            .arg(config.productName()));
    if (answer != QMessageBox::Yes) {
        return;
    }
    QString error;
    if (!TargetStore(m_directory).remove(config, &error)) {
        MessageBox::warning(window(), tr("Remove Application"), error);
        return;
    }
    SecretStore().remove(config.secretKey(), this, [](const SecretResult&) {});
    if (config.auth == TargetConfig::Auth::OAuth) {
        SecretStore().remove(config.refreshTokenKey(), this, [](const SecretResult&) {});
    }
    reload();
    Q_EMIT changed();
    Q_EMIT statusMessage(tr("Application “%1” removed.").arg(config.name));
}
