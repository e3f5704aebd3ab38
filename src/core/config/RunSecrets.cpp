#include "RunSecrets.h"

#include "config/SecretStore.h"
#include "targets/TargetConfig.h"

void RunSecrets::readTarget(const QString& targetId, const QObject* context,
                            std::function<void(const std::optional<QString>&, const QString&)> done)
{
    SecretStore().read(SecretStore::targetKey(targetId, TargetConfig::credentialName), context,
                       [done = std::move(done)](const SecretResult& credential) {
                           if (!credential.ok()) {
                               done(std::nullopt,
                                    tr("The application's credential cannot be read: %1").arg(credential.message));
                               return;
                           }
                           done(credential.secret, {});
                       });
}

void RunSecrets::read(const ConnectorConfig& connector, const QObject* context, Done done)
{
    SecretStore().read(connector.secretKey(), context,
                       [connector, context, done = std::move(done)](const SecretResult& secret) {
                           if (!secret.ok()) {
                               done(std::nullopt, secret.message);
                               return;
                           }
                           RunSecrets secrets{secret.secret, std::nullopt};
                           if (connector.targetId.isEmpty()) {
                               done(secrets, {});
                               return;
                           }
                           readTarget(connector.targetId, context,
                                      [secrets, done](const std::optional<QString>& credential, const QString& error) {
                                          if (!credential) {
                                              done(std::nullopt, error);
                                              return;
                                          }
                                          RunSecrets both = secrets;
                                          both.targetCredential = credential;
                                          done(both, {});
                                      });
                       });
}
