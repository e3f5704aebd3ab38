#include "AtlassianWriter.h"

#include <QRandomGenerator>

#include <array>

using namespace Qt::StringLiterals;

AtlassianWriter::AtlassianWriter(AtlassianProduct product, AtlassianClient* client, RunJournal* journal,
                                 std::shared_ptr<const ChangeSet> plan, QObject* parent)
    : ApplicationWriter(product.name, client->config().http.maxInFlight, journal, std::move(plan), parent)
    , m_product(std::move(product))
    , m_client(client)
{ }

bool AtlassianWriter::isPerObject(const TargetReply& reply) const
{
    return AtlassianErrors::isPerObject(reply);
}

ConnectorError AtlassianWriter::errorOf(const TargetReply& reply, const QString& what) const
{
    return AtlassianErrors::of(m_product, reply, m_client->config(), what);
}

QString AtlassianWriter::messageOf(const TargetReply& reply) const
{
    return AtlassianClient::messageOf(reply);
}

bool AtlassianWriter::says(const AtlassianClient::Reply& reply, const QString& words)
{
    return AtlassianClient::messageOf(reply).contains(words, Qt::CaseInsensitive);
}

QString AtlassianWriter::generatedPassword()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    constexpr int alphabetSize = int(sizeof(alphabet)) - 1;
    // 28 characters of 6 bits each from three 64-bit draws of the system's source (a draw for
    // each character took most of a second of a first sync of 100,000 users).
    static_assert(alphabetSize == 64);
    std::array<quint64, 3> drawn;
    QRandomGenerator::system()->fillRange(drawn.data(), drawn.size());
    QString password;
    password.reserve(32);
    for (int i = 0; i < 28; ++i) {
        password += QLatin1Char(alphabet[(drawn[i / 10] >> (6 * (i % 10))) & 63]);
    }
    return password + u"Aa1!"_s; // an upper- and a lower-case letter, a digit and a symbol, whatever came before
}
