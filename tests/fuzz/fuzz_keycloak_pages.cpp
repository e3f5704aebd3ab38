// Keycloak's answers while a realm is read (users/count, groups/count, pages of users, groups
// and members) and the error answers Test Connection and the fetcher turn into sentences.

#include "FuzzSupport.h"
#include "connectors/keycloak/KeycloakErrors.h"
#include "connectors/keycloak/KeycloakPages.h"

using namespace Qt::StringLiterals;

namespace {

int countGroups(const QList<KeycloakPages::ListedGroup>& groups)
{
    int count = 0;
    for (const KeycloakPages::ListedGroup& group : groups) {
        FUZZ_CHECK(!group.id.isEmpty() && !group.name.isEmpty());
        count += 1 + countGroups(group.subGroups);
    }
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Fuzz::Choice choice = Fuzz::choose(Fuzz::bytes(data, size), 6);
    const QByteArray& body = choice.rest;
    switch (choice.which) {
    case 0:
        if (const std::optional<qint64> count = KeycloakPages::userCount(body)) {
            FUZZ_CHECK(*count >= 0);
        }
        if (const std::optional<qint64> count = KeycloakPages::groupCount(body)) {
            FUZZ_CHECK(*count >= 0);
        }
        break;
    case 1:
    case 2:
        if (const std::optional<QJsonArray> page = KeycloakPages::list(body)) {
            const QStringList attributes =
                choice.which == 2 ? QStringList{u"department"_s, u"employeeNumber"_s} : QStringList{};
            if (const std::optional<QList<User>> users = KeycloakPages::users(*page, attributes)) {
                FUZZ_CHECK(users->size() == page->size());
                for (const User& user : *users) {
                    FUZZ_CHECK(!user.id.isEmpty() && !user.username.isEmpty());
                    for (auto it = user.attributes.cbegin(); it != user.attributes.cend(); ++it) {
                        FUZZ_CHECK(attributes.contains(it.key()) && !it.value().isEmpty());
                    }
                }
            }
        }
        break;
    case 3:
        if (const std::optional<QJsonArray> page = KeycloakPages::list(body)) {
            if (const std::optional<QList<KeycloakPages::ListedGroup>> groups = KeycloakPages::groups(*page)) {
                FUZZ_CHECK(groups->size() == page->size());
                countGroups(*groups);
            }
        }
        break;
    case 4:
        if (const std::optional<QJsonArray> page = KeycloakPages::list(body)) {
            FUZZ_CHECK(KeycloakPages::members(*page).size() == page->size());
        }
        break;
    default: {
        // An error answer: status from the first two bytes, the rest as its body.
        HttpOutcome outcome;
        outcome.method = "GET";
        outcome.url = QUrl(u"https://keycloak.example/admin/realms/acme/users"_s);
        outcome.status = body.size() >= 2 ? (quint8(body.at(0)) << 8 | quint8(body.at(1))) % 600 : 0;
        outcome.body = body.mid(2);
        outcome.attempts = 1;
        FUZZ_CHECK(!KeycloakErrors::token(outcome, u"usersync"_s, u"acme"_s, 30).message.isEmpty());
        FUZZ_CHECK(!KeycloakErrors::admin(outcome, u"usersync"_s, 30).message.isEmpty());
        KeycloakErrors::isRealmMissing(outcome);
        break;
    }
    }
    return 0;
}
