#include "AppInfo.h"
#include "config/SecretStore.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

// The German catalogue is built by lrelease and compiled into the core library.
class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueIsCompiledIn()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), u"usersync"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), u"de_DE"_s);
    }

    void coreMessagesSpeakGerman()
    {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/usersync_de.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString english = u"Access to the system keychain was denied. Unlock the keychain and allow "
                                u"UserSync to use it, then try again."_s;
        const QString translated = SecretStore::tr(english.toUtf8().constData());
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(!translated.isEmpty());
        QVERIFY2(translated != english, qPrintable(translated));
        QVERIFY2(translated.contains(u"Schlüsselbund"_s), qPrintable(translated));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
