// What Jira, Confluence and Bitbucket answer when they are read (the simdjson page readers), and
// the error bodies their client turns into messages: no input may crash them, read out of
// bounds, leak or loop (the sanitizers and libFuzzer's timeout are the judges here).

#include "FuzzSupport.h"
#include "targets/atlassian/AtlassianClient.h"
#include "targets/bitbucket/BitbucketPages.h"
#include "targets/confluence/ConfluencePages.h"
#include "targets/jira/JiraPages.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Fuzz::Choice choice = Fuzz::choose(Fuzz::bytes(data, size), 9);
    const QByteArray& body = choice.rest;
    switch (choice.which) {
    case 0:
        JiraPages::userList(body);
        break;
    case 1:
        JiraPages::userArray(body);
        break;
    case 2:
        JiraPages::members(body);
        break;
    case 3:
        ConfluencePages::users(body);
        break;
    case 4:
        ConfluencePages::groups(body);
        break;
    case 5:
        BitbucketPages::users(body);
        break;
    case 6:
        BitbucketPages::groups(body);
        break;
    case 7:
        BitbucketPages::permissions(body);
        break;
    default: {
        AtlassianClient::Reply reply;
        reply.outcome.method = "POST";
        reply.outcome.status = 400;
        reply.outcome.body = body;
        reply.json = QJsonDocument::fromJson(body);
        AtlassianClient::messageOf(reply);
        AtlassianClient::isLoginDenied(reply.outcome);
        break;
    }
    }
    return 0;
}
