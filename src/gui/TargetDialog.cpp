#include "TargetDialog.h"

#include "JobThread.h"
#include "config/SecretStore.h"
#include "targets/TargetStore.h"
#include "targets/TargetTest.h"
#include "targets/atlassian/OAuthAuthorization.h"
#include "ui_TargetDialog.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QLayout>
#include <QLocale>
#include <QPushButton>
#include <QSet>

namespace {

QString line(bool passed, const QString& text)
{
    return QStringLiteral("<tr><td style=\"color:%1\">%2</td><td>%3</td></tr>")
        .arg(passed ? QStringLiteral("#107c10") : QStringLiteral("#c50f1f"),
             passed ? QStringLiteral("✔") : QStringLiteral("✘"), text.toHtmlEscaped());
}

} // namespace

TargetDialog::TargetDialog(QSqlDatabase directory, const std::optional<TargetConfig>& existing, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TargetDialog>())
    , m_directory(std::move(directory))
    , m_config(existing.value_or(TargetConfig{}))
{
    m_ui->setupUi(this);
    // The form's rows as the designer laid them out; updateAuthFields() shows those that apply.
    for (int row = 0; row < m_ui->targetFormLayout->rowCount(); ++row) {
        QLayoutItem* label = m_ui->targetFormLayout->itemAt(row, QFormLayout::LabelRole);
        QLayoutItem* field = m_ui->targetFormLayout->itemAt(row, QFormLayout::FieldRole);
        if (!field) {
            field = m_ui->targetFormLayout->itemAt(row, QFormLayout::SpanningRole);
        }
        m_formRows.append(std::pair<QWidget*, QWidget*>(label ? label->widget() : nullptr, field->widget()));
    }
    // The waiting message carries the address to open by hand when no browser came up.
    m_ui->resultLabel->setTextInteractionFlags(m_ui->resultLabel->textInteractionFlags() | Qt::LinksAccessibleByMouse
                                               | Qt::LinksAccessibleByKeyboard);
    m_ui->resultLabel->setOpenExternalLinks(true);

    setWindowTitle(existing ? tr("Edit Application “%1”").arg(existing->name) : tr("Add Application"));
    for (const QString& type : TargetConfig::types()) {
        m_ui->typeComboBox->addItem(type == TargetConfig::scimType ? tr("A SCIM 2.0 service")
                                        : type == TargetConfig::ldapType
                                        ? tr("An LDAP directory (OpenLDAP)")
                                        : tr("%1 Data Center").arg(TargetConfig::productName(type)),
                                    type);
    }
    m_ui->nameLineEdit->setText(m_config.name);
    m_ui->typeComboBox->setCurrentIndex(std::max(0, m_ui->typeComboBox->findData(m_config.type)));
    m_ui->typeComboBox->setEnabled(!existing); // a stored application keeps its type
    m_ui->urlLineEdit->setText(m_config.url);
    offerAuthMethods();
    m_ui->authComboBox->setCurrentIndex(std::max(0, m_ui->authComboBox->findData(int(m_config.auth))));
    m_ui->usernameLineEdit->setText(m_config.username);
    m_ui->clientIdLineEdit->setText(m_config.oauthClientId);
    m_ui->redirectUrlLineEdit->setText(m_config.oauthRedirectUrl);
    m_ui->caFileLineEdit->setText(m_config.http.caFile);
    m_ui->accessGroupsLineEdit->setText(m_config.accessGroups.join(QStringLiteral(", ")));
    m_ui->usersBaseLineEdit->setText(m_config.ldap.usersBase);
    m_ui->groupsBaseLineEdit->setText(m_config.ldap.groupsBase);
    m_ui->placeholderMemberLineEdit->setText(m_config.ldap.placeholderMember);
    m_ui->inFlightSpinBox->setValue(m_config.http.maxInFlight);
    m_ui->timeoutSpinBox->setValue(m_config.http.timeoutSeconds);
    m_ui->retriesSpinBox->setValue(m_config.http.maxRetries);
    connect(m_ui->authComboBox, &QComboBox::currentIndexChanged, this, &TargetDialog::updateAuthFields);
    connect(m_ui->typeComboBox, &QComboBox::currentIndexChanged, this, [this] {
        offerAuthMethods();
        // Bitbucket refuses tokens where a sync works: a new Bitbucket application starts on Basic.
        const QString type = m_ui->typeComboBox->currentData().toString();
        if (m_config.id.isEmpty() && type == TargetConfig::bitbucketType) {
            m_ui->authComboBox->setCurrentIndex(m_ui->authComboBox->findData(int(TargetConfig::Auth::Basic)));
        }
        // Each product's own default access groups, unless some were typed.
        const QString accessGroups = m_ui->accessGroupsLineEdit->text().trimmed();
        for (const QString& other : TargetConfig::types()) {
            if (accessGroups == TargetConfig::defaultAccessGroups(other).join(QStringLiteral(", "))) {
                m_ui->accessGroupsLineEdit->setText(TargetConfig::defaultAccessGroups(type).join(QStringLiteral(", ")));
                break;
            }
        }
        updateAuthFields();
    });
    connect(m_ui->saveAndTestButton, &QPushButton::clicked, this, &TargetDialog::saveAndTest);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->authorizeButton, &QPushButton::clicked, this, &TargetDialog::authorize);
    connect(m_ui->cancelAuthorizationButton, &QPushButton::clicked, this, [this] {
        if (m_authorization) {
            m_authorization->cancel();
        }
    });
    // A bare host name is an address too: https (an LDAP directory: ldaps) is assumed, and shown.
    connect(m_ui->urlLineEdit, &QLineEdit::editingFinished, this, [this] {
        const QString typed = m_ui->urlLineEdit->text().trimmed();
        if (!typed.isEmpty() && !typed.contains(QStringLiteral("://"))) {
            const bool ldap = m_ui->typeComboBox->currentData().toString() == TargetConfig::ldapType;
            m_ui->urlLineEdit->setText((ldap ? QStringLiteral("ldaps://") : QStringLiteral("https://")) + typed);
        }
    });
    updateAuthFields();
    m_ui->nameLineEdit->setFocus();
}

TargetDialog::~TargetDialog() = default;

void TargetDialog::fitHeight()
{
    layout()->activate();
    if (const int needed = layout()->totalHeightForWidth(width()); needed > height()) {
        resize(width(), needed);
    }
}

void TargetDialog::layOutRows(const QSet<QWidget*>& hidden)
{
    // Rows that do not apply are taken out of the form rather than hidden in it: Qt 6.4's
    // QFormLayout, laid out by height for width (the word-wrapped hint), gives a row next to a
    // hidden one the wrong height, down to none.
    QFormLayout* form = m_ui->targetFormLayout;
    while (form->rowCount() > 0) {
        const QFormLayout::TakeRowResult taken = form->takeRow(0); // the widgets stay; the items go
        delete taken.labelItem;
        delete taken.fieldItem;
    }
    for (const auto& [label, field] : std::as_const(m_formRows)) {
        const bool shown = !hidden.contains(field);
        if (label) {
            label->setVisible(shown);
        }
        field->setVisible(shown);
        if (shown && label) {
            form->addRow(label, field);
        } else if (shown) {
            form->addRow(field);
        }
    }
}

TargetConfig::Auth TargetDialog::chosenAuth() const
{
    return TargetConfig::Auth(m_ui->authComboBox->currentData().toInt());
}

void TargetDialog::offerAuthMethods()
{
    // OAuth 2.0 is offered where UserSync can use it: Bitbucket's administration API. A SCIM
    // service takes a bearer token and nothing else.
    const QString type = m_ui->typeComboBox->currentData().toString();
    const bool bitbucket = type == TargetConfig::bitbucketType;
    const QVariant chosen = m_ui->authComboBox->currentData();
    const QSignalBlocker blocker(m_ui->authComboBox);
    m_ui->authComboBox->clear();
    if (type == TargetConfig::scimType) {
        m_ui->authComboBox->addItem(tr("A bearer token"), int(TargetConfig::Auth::Token));
        m_ui->authComboBox->setCurrentIndex(0);
        return;
    }
    if (type == TargetConfig::ldapType) {
        m_ui->authComboBox->addItem(tr("A bind DN and its password"), int(TargetConfig::Auth::Basic));
        m_ui->authComboBox->setCurrentIndex(0);
        return;
    }
    m_ui->authComboBox->addItem(bitbucket ? tr("A personal access token (refused by Bitbucket's administration API)")
                                          : tr("A personal access token (recommended)"),
                                int(TargetConfig::Auth::Token));
    m_ui->authComboBox->addItem(tr("A username and password"), int(TargetConfig::Auth::Basic));
    if (bitbucket) {
        m_ui->authComboBox->addItem(tr("OAuth 2.0, through an incoming application link"),
                                    int(TargetConfig::Auth::OAuth));
    }
    m_ui->authComboBox->setCurrentIndex(std::max(0, m_ui->authComboBox->findData(chosen)));
}

void TargetDialog::updateAuthFields()
{
    // The hint below the credential changes length with the product and the way of signing in.
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
    const TargetConfig::Auth auth = chosenAuth();
    const bool basic = auth == TargetConfig::Auth::Basic;
    const bool oauth = auth == TargetConfig::Auth::OAuth;
    const QString type = m_ui->typeComboBox->currentData().toString();
    const bool bitbucket = type == TargetConfig::bitbucketType;
    const bool scim = type == TargetConfig::scimType;
    const bool ldap = type == TargetConfig::ldapType;
    QSet<QWidget*> hidden;
    for (const auto& [field, shown] : {std::pair<QWidget*, bool>{m_ui->usernameLineEdit, basic},
                                       {m_ui->clientIdLineEdit, oauth},
                                       {m_ui->redirectUrlLineEdit, oauth},
                                       {m_ui->authComboBox, !scim && !ldap},
                                       {m_ui->accessGroupsLineEdit, bitbucket || ldap},
                                       {m_ui->usersBaseLineEdit, ldap},
                                       {m_ui->groupsBaseLineEdit, ldap},
                                       {m_ui->placeholderMemberLineEdit, ldap},
                                       {m_ui->retriesSpinBox, !ldap}}) {
        if (!shown) {
            hidden.insert(field);
        }
    }
    layOutRows(hidden);
    m_ui->authorizeButton->setVisible(oauth);
    m_ui->authorizeButton->setEnabled(oauth && !m_config.id.isEmpty() && m_config.auth == TargetConfig::Auth::OAuth
                                      && !m_test && !m_authorization);
    m_ui->credentialLabel->setText(basic ? tr("&Password:") : oauth ? tr("Client s&ecret:") : tr("T&oken:"));
    m_ui->usernameLabel->setText(ldap ? tr("&Bind DN:") : tr("User&name:"));
    m_ui->inFlightLabel->setText(ldap ? tr("Operations at &once:") : tr("Re&quests at once:"));
    m_ui->accessGroupsLineEdit->setToolTip(
        ldap ? tr("The LDAP groups the applications give access to (Jira: Application access; Confluence and "
                  "Bitbucket: Global permissions). LDAP has no disabled flag they read: UserSync takes a disabled "
                  "user out of these groups, and puts new and reactivated users into them, making a group that is "
                  "not there yet. Separate several with commas.")
             : tr("Bitbucket cannot disable users: UserSync takes a disabled user out of these groups (and revokes "
                  "its own global permission), and puts new and reactivated users into them. Separate several with "
                  "commas."));
    const bool stored = !m_config.id.isEmpty() && m_config.auth == auth;
    m_ui->credentialLineEdit->setPlaceholderText(stored ? tr("stored in the system keychain; type to replace it")
                                                        : QString());
    if (ldap) {
        m_ui->urlLineEdit->setPlaceholderText(tr("ldaps://ldap.example.com"));
        m_ui->usernameLineEdit->setPlaceholderText(tr("cn=usersync,ou=services,dc=example,dc=com"));
        m_ui->credentialHintLabel->setText(
            tr("An ldaps:// address, or ldap://, which UserSync always upgrades with StartTLS; the certificate is "
               "always verified. The bind DN needs the right to add, change and delete entries below the base DNs "
               "of users and groups. Users are written as inetOrgPerson named by uid, groups as groupOfUniqueNames "
               "(Atlassian's OpenLDAP preset; other object classes and attributes: usersync-cli target edit "
               "--ldap). The password is kept in the system keychain only."));
        return;
    }
    m_ui->usernameLineEdit->setPlaceholderText(QString());
    if (scim) {
        m_ui->urlLineEdit->setPlaceholderText(tr("https://scim.example.com/scim/v2"));
        m_ui->credentialHintLabel->setText(
            tr("The service's SCIM base URL (the address that /Users and /Groups follow) and the bearer token "
               "it issued for provisioning. Atlassian Cloud: the directory base URL "
               "(https://api.atlassian.com/scim/directory/…) and its API key, both shown once by Security → "
               "Identity providers → your directory → Regenerate API key. The token is kept in the system "
               "keychain only."));
        return;
    }
    if (bitbucket) {
        m_ui->urlLineEdit->setPlaceholderText(tr("https://bitbucket.example.com"));
        if (oauth) {
            m_ui->credentialHintLabel->setText(
                tr("Create an incoming link in Bitbucket (Administration → Application links → Create link → "
                   "External application, Incoming) with this redirect URL and the Admin permission, and copy its "
                   "client ID and secret here. Save and Test opens the browser, where a Bitbucket administrator "
                   "allows access; UserSync keeps the authorization in the system keychain and renews it on every "
                   "run."));
            return;
        }
        m_ui->credentialHintLabel->setText(
            basic ? tr("The account of a Bitbucket administrator (Admin or System admin global permission). After a "
                       "few wrong passwords Bitbucket asks for a CAPTCHA; UserSync then stops and says so.")
                  : tr("Bitbucket refuses personal access tokens on its administration API: choose “A username "
                       "and password” or OAuth 2.0, and sign in as a Bitbucket administrator."));
        return;
    }
    if (type == TargetConfig::confluenceType) {
        m_ui->urlLineEdit->setPlaceholderText(tr("https://confluence.example.com"));
        m_ui->credentialHintLabel->setText(
            basic ? tr("The account of a Confluence administrator. After a few wrong passwords Confluence asks for "
                       "a CAPTCHA in the browser; UserSync then stops and says so.")
                  : tr("A Confluence administrator's personal access token: in Confluence, your avatar → Settings → "
                       "Personal Access Tokens → Create token. It is kept in the system keychain only."));
        return;
    }
    m_ui->urlLineEdit->setPlaceholderText(tr("https://jira.example.com"));
    m_ui->credentialHintLabel->setText(
        basic ? tr("The account of a Jira system administrator. After a few wrong passwords Jira asks for a CAPTCHA "
                   "in the browser; UserSync then stops and says so.")
              : tr("A Jira system administrator's personal access token: in Jira, your avatar → Profile → Personal "
                   "Access Tokens → Create token. It is kept in the system keychain only."));
}

void TargetDialog::showProblem(const QString& text)
{
    m_ui->resultLabel->setText(QStringLiteral("<p style=\"color:#c50f1f\">%1</p>").arg(text.toHtmlEscaped()));
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
}

void TargetDialog::setWorking(bool working)
{
    m_ui->saveAndTestButton->setEnabled(!working);
    m_ui->authorizeButton->setEnabled(!working && !m_config.id.isEmpty() && m_config.auth == TargetConfig::Auth::OAuth);
    if (working) {
        m_ui->resultLabel->setText(tr("Testing the connection…"));
    }
}

void TargetDialog::saveAndTest()
{
    TargetConfig config = m_config;
    config.name = m_ui->nameLineEdit->text().trimmed();
    config.type = m_ui->typeComboBox->currentData().toString();
    if (config.type == TargetConfig::ldapType) {
        config.ldap.usersBase = m_ui->usersBaseLineEdit->text().trimmed();
        config.ldap.groupsBase = m_ui->groupsBaseLineEdit->text().trimmed();
        config.ldap.placeholderMember = m_ui->placeholderMemberLineEdit->text().trimmed();
    }
    if (config.groupsGrantAccess()) {
        config.accessGroups.clear();
        for (const QString& group : m_ui->accessGroupsLineEdit->text().split(QLatin1Char(','))) {
            if (!group.trimmed().isEmpty()) {
                config.accessGroups.append(group.trimmed());
            }
        }
    }
    config.url = m_ui->urlLineEdit->text().trimmed();
    config.auth = TargetConfig::Auth(m_ui->authComboBox->currentData().toInt());
    config.username = config.auth == TargetConfig::Auth::Basic ? m_ui->usernameLineEdit->text().trimmed() : QString();
    if (config.auth == TargetConfig::Auth::OAuth) {
        config.oauthClientId = m_ui->clientIdLineEdit->text().trimmed();
        config.oauthRedirectUrl = m_ui->redirectUrlLineEdit->text().trimmed();
    }
    config.http.caFile = m_ui->caFileLineEdit->text().trimmed();
    config.http.maxInFlight = m_ui->inFlightSpinBox->value();
    config.http.timeoutSeconds = m_ui->timeoutSpinBox->value();
    config.http.maxRetries = m_ui->retriesSpinBox->value();
    const QString typed = m_ui->credentialLineEdit->text();
    QStringList problems = config.validate();
    const bool needsCredential = config.id.isEmpty() || config.auth != m_config.auth;
    if (typed.isEmpty() && needsCredential) {
        problems << (config.auth == TargetConfig::Auth::Basic       ? tr("Enter the password.")
                         : config.auth == TargetConfig::Auth::OAuth ? tr("Enter the incoming link's client secret.")
                         : config.type == TargetConfig::scimType    ? tr("Enter the bearer token.")
                                                                    : tr("Enter the personal access token."));
    }
    if (!problems.isEmpty()) {
        showProblem(problems.join(u'\n'));
        return;
    }
    // An authorization belongs to one client: a new client ID (or a switch to OAuth) needs a new one.
    const bool reauthorize = config.auth == TargetConfig::Auth::OAuth
        && (m_config.auth != TargetConfig::Auth::OAuth || m_config.oauthClientId != config.oauthClientId);
    QString error;
    TargetStore store(m_directory);
    const bool stored = config.id.isEmpty() ? store.add(config, &error) : store.update(config, &error);
    if (!stored) {
        showProblem(error);
        return;
    }
    m_config = config;
    setWindowTitle(tr("Edit Application “%1”").arg(config.name));
    m_ui->typeComboBox->setEnabled(false);
    Q_EMIT saved(m_config);
    setWorking(true);
    // With OAuth, the browser comes first when no authorization for this client is stored.
    const auto next = [this, reauthorize](const QString& credential) {
        if (m_config.auth != TargetConfig::Auth::OAuth) {
            startTest(credential);
            return;
        }
        if (reauthorize) {
            startAuthorization(credential);
            return;
        }
        SecretStore().read(m_config.refreshTokenKey(), this, [this, credential](const SecretResult& authorization) {
            if (authorization.status == SecretResult::Status::NotFound) {
                startAuthorization(credential);
            } else {
                startTest(credential);
            }
        });
    };
    if (!typed.isEmpty()) {
        SecretStore().write(m_config.secretKey(), typed, this, [this, typed, next](const SecretResult& result) {
            if (!result.ok()) {
                setWorking(false);
                showProblem(result.message);
                return;
            }
            m_ui->credentialLineEdit->clear();
            updateAuthFields();
            next(typed);
        });
        return;
    }
    SecretStore().read(m_config.secretKey(), this, [this, next](const SecretResult& result) {
        if (!result.ok()) {
            setWorking(false);
            showProblem(result.message);
            return;
        }
        next(result.secret);
    });
}

void TargetDialog::authorize()
{
    setWorking(true);
    SecretStore().read(m_config.secretKey(), this, [this](const SecretResult& result) {
        if (!result.ok()) {
            setWorking(false);
            showProblem(result.message);
            return;
        }
        startAuthorization(result.secret);
    });
}

void TargetDialog::startAuthorization(const QString& clientSecret)
{
    m_ui->resultLabel->setText(tr("Opening %1 in the browser…").arg(m_config.productName()));
    const TargetConfig config = m_config;
    m_authorization = JobThread::start<OAuthAuthorization, std::optional<ConnectorError>>(
        this,
        [this, config, clientSecret] {
            auto job = std::make_unique<OAuthAuthorization>(config, clientSecret);
            connect(job.get(), &OAuthAuthorization::waitingForBrowser, this, &TargetDialog::showWaitingForBrowser);
            return job;
        },
        &OAuthAuthorization::finished,
        [this, clientSecret](const std::optional<ConnectorError>& error) {
            m_authorization.clear();
            m_ui->cancelAuthorizationButton->hide();
            if (error) {
                setWorking(false);
                showProblem(error->kind == ConnectorError::Kind::Cancelled
                                ? tr("The authorization was stopped; nothing was stored.")
                                : error->message);
                return;
            }
            startTest(clientSecret);
        });
}

void TargetDialog::showWaitingForBrowser(const QUrl& url)
{
    QDesktopServices::openUrl(url);
    m_ui->cancelAuthorizationButton->show();
    m_ui->cancelAuthorizationButton->setFocus();
    m_ui->resultLabel->setText(
        tr("<p>Waiting for %1 in your browser: sign in as a %1 administrator and allow UserSync access.</p>"
           "<p>No browser came up? Open <a href=\"%2\">this address</a> in a browser on this computer.</p>")
            .arg(m_config.productName().toHtmlEscaped(), url.toString(QUrl::FullyEncoded).toHtmlEscaped()));
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
}

void TargetDialog::startTest(const QString& credential)
{
    const TargetConfig config = m_config;
    m_test = JobThread::start<TargetTest, TargetTestResult>(
        this, [config, credential] { return TargetTest::create(config, credential); }, &TargetTest::finished,
        [this](const TargetTestResult& result) {
            m_test.clear();
            setWorking(false);
            QString ignored; // the outcome is shown either way
            TargetStore(m_directory).recordTest(m_config.id, result, &ignored);
            showResult(result);
            Q_EMIT tested(result);
        });
}

void TargetDialog::showResult(const TargetTestResult& result)
{
    QString rows;
    const bool ldap = m_config.type == TargetConfig::ldapType;
    if (ldap) {
        if (!result.signedInAs.isEmpty()) {
            rows +=
                line(true, tr("The LDAP server at %1 answers over TLS, its certificate verified").arg(m_config.url));
        }
        if (result.userCount >= 0) {
            rows += line(
                true,
                tr("Bound as %1, which may add and delete users and groups below the base DNs").arg(result.signedInAs));
        }
    } else if (!result.version.isEmpty()) {
        rows += line(true, tr("%1 %2 answers at %3").arg(result.product, result.version, m_config.url));
    } else if (!result.supports.isEmpty()) {
        rows += line(true, tr("A %1 service answers at %2").arg(result.product, m_config.url));
    }
    if (!ldap && !result.signedInAs.isEmpty()) {
        rows += line(true,
                     result.systemAdministrator
                         ? tr("Signed in as %1, a system administrator").arg(result.signedInAs)
                         : tr("Signed in as %1, a %2 administrator").arg(result.signedInAs, result.product));
    }
    if (!result.supports.isEmpty()) {
        rows += line(true, tr("Supports: %1").arg(QLocale().createSeparatedList(result.supports)));
    }
    if (result.userCount >= 0) {
        rows += line(true, tr("Users that can be read: %L1 (with %2)").arg(result.userCount).arg(result.listing));
    }
    if (result.groupCount >= 0) {
        rows += line(true, tr("Groups: %L1").arg(result.groupCount));
    }
    if (result.error) {
        rows += line(false, result.error->message);
    }
    QString html = QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows);
    for (const QString& warning : result.warnings) {
        html += QStringLiteral("<p>⚠ %1</p>").arg(warning.toHtmlEscaped());
    }
    html += result.ok ? tr("<p><b>The connection works.</b> Choose this application under “Synchronize into” in a "
                           "connector, then run a simulated sync.</p>")
                      : QString();
    m_ui->resultLabel->setText(html);
    QMetaObject::invokeMethod(this, &TargetDialog::fitHeight, Qt::QueuedConnection);
}
