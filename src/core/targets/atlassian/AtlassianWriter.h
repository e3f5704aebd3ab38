#pragma once

#include "targets/ApplicationWriter.h"
#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianErrors.h"

// What the three Atlassian products' writers share on top of ApplicationWriter: their client, the
// product's sentences, and which of its answers concern one object.
class AtlassianWriter : public ApplicationWriter
{
    Q_OBJECT

protected:
    AtlassianWriter(AtlassianProduct product, AtlassianClient* client, RunJournal* journal,
                    std::shared_ptr<const ChangeSet> plan, QObject* parent = nullptr);

    bool isPerObject(const TargetReply& reply) const override;
    ConnectorError errorOf(const TargetReply& reply, const QString& what) const override;
    QString messageOf(const TargetReply& reply) const override;

    static bool says(const AtlassianClient::Reply& reply, const QString& words);
    // For a new user whose application wants a password although people sign in through single
    // sign-on: 32 characters from the system's random source, with every kind of character a
    // password policy may ask for. Sent once, never kept, shown or logged.
    static QString generatedPassword();

    const AtlassianProduct m_product;
    AtlassianClient* m_client;
};
