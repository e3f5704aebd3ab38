// The settings a directory stores for connectors and targets (what a directory file from
// elsewhere, or an edited one, hands the program), the sync options and LDAP settings inside
// them, a Bitbucket user's recorded access, and a --directory location: none may crash, and what
// is written back reads back to the same.

#include "FuzzSupport.h"
#include "config/ConnectorConfig.h"
#include "directory/DirectoryLocation.h"
#include "sync/SyncOptions.h"
#include "targets/TargetConfig.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/ldap/LdapSettings.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Fuzz::Choice choice = Fuzz::choose(Fuzz::bytes(data, size), 6);
    const QJsonObject json = QJsonDocument::fromJson(choice.rest).object();
    switch (choice.which) {
    case 0: {
        ConnectorConfig connector;
        connector.name = QStringLiteral("fuzzed");
        ConnectorConfig::readSettingsJson(json, connector);
        connector.validate();
        ConnectorConfig again;
        ConnectorConfig::readSettingsJson(connector.settingsJson(), again);
        FUZZ_CHECK(again.settingsJson() == connector.settingsJson());
        break;
    }
    case 1: {
        TargetConfig target;
        target.name = QStringLiteral("fuzzed");
        target.type = TargetConfig::types().at(int(choice.rest.size() % TargetConfig::types().size()));
        TargetConfig::readSettingsJson(json, target);
        target.validate();
        TargetConfig again;
        again.type = target.type;
        TargetConfig::readSettingsJson(target.settingsJson(), again);
        FUZZ_CHECK(again.settingsJson() == target.settingsJson());
        break;
    }
    case 2: {
        const SyncOptions options = SyncOptions::fromJson(json);
        options.validate();
        options.attributesNeeded();
        FUZZ_CHECK(SyncOptions::fromJson(options.toJson()) == options);
        break;
    }
    case 3: {
        const LdapSettings settings = LdapSettings::fromJson(json);
        FUZZ_CHECK(LdapSettings::fromJson(settings.toJson()) == settings);
        break;
    }
    case 4: {
        const BitbucketAccess access = BitbucketAccess::fromText(QString::fromUtf8(choice.rest));
        FUZZ_CHECK(BitbucketAccess::fromText(access.toText()) == access);
        break;
    }
    default: {
        QString error;
        if (const std::optional<DirectoryLocation> location =
                DirectoryLocation::parse(QString::fromUtf8(choice.rest), &error)) {
            FUZZ_CHECK(DirectoryLocation::parse(location->toString()) == location);
        }
        break;
    }
    }
    return 0;
}
