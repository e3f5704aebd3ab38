// A SCIM service's answers: the three discovery documents read at Save and Test and before every
// run, the user resources of its pages, its error bodies; and the string literals UserSync puts
// into its filters, which must stay one literal whatever a username holds.

#include "FuzzSupport.h"
#include "targets/scim/ScimClient.h"
#include "targets/scim/ScimReader.h"
#include "targets/scim/ScimService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The literal ScimClient::quoted() made, without its quotes: no quote in it that is not escaped,
// and no backslash that escapes nothing.
bool isOneLiteral(const QString& quoted)
{
    if (quoted.size() < 2 || !quoted.startsWith(u'"') || !quoted.endsWith(u'"')) {
        return false;
    }
    for (qsizetype i = 1; i < quoted.size() - 1; ++i) {
        if (quoted.at(i) == u'"') {
            return false;
        }
        if (quoted.at(i) == u'\\') {
            if (i + 1 >= quoted.size() - 1) {
                return false;
            }
            ++i;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Fuzz::Choice choice = Fuzz::choose(Fuzz::bytes(data, size), 4);
    switch (choice.which) {
    case 0: {
        const QList<QByteArray> documents = Fuzz::parts(choice.rest, 3);
        QString error;
        const std::optional<ScimService> service = ScimService::parse(
            QJsonDocument::fromJson(documents.at(0)).object(), QJsonDocument::fromJson(documents.at(1)).object(),
            QJsonDocument::fromJson(documents.at(2)).object(), &error);
        FUZZ_CHECK(service || !error.isEmpty());
        if (service) {
            service->supported();
        }
        break;
    }
    case 1:
        ScimReader::userOf(QJsonDocument::fromJson(choice.rest).object());
        break;
    case 2: {
        ScimClient::Reply reply;
        reply.outcome.method = "PATCH";
        reply.outcome.status = 400;
        reply.outcome.body = choice.rest;
        reply.json = QJsonDocument::fromJson(choice.rest);
        ScimClient::messageOf(reply);
        ScimClient::scimTypeOf(reply);
        break;
    }
    default:
        FUZZ_CHECK(isOneLiteral(ScimClient::quoted(QString::fromUtf8(choice.rest))));
        break;
    }
    return 0;
}
