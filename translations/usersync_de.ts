<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>DatabaseConnection</name>
    <message>
        <source>The SQLite driver for Qt is not installed. Install the package libqt6sql6-sqlite and start UserSync again.</source>
        <translation>Der SQLite-Treiber für Qt ist nicht installiert. Installieren Sie das Paket libqt6sql6-sqlite und starten Sie UserSync neu.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed. Install the package libqt6sql6-psql and start UserSync again.</source>
        <translation>Der PostgreSQL-Treiber für Qt ist nicht installiert. Installieren Sie das Paket libqt6sql6-psql und starten Sie UserSync neu.</translation>
    </message>
    <message>
        <source>The folder %1 for the directory file cannot be created. Check that you may write there, or choose another location.</source>
        <translation>Der Ordner %1 für die Verzeichnisdatei kann nicht angelegt werden. Prüfen Sie, ob Sie dort schreiben dürfen, oder wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>the driver gave no reason</source>
        <translation>der Treiber nannte keinen Grund</translation>
    </message>
    <message>
        <source>The directory file %1 cannot be opened: %2. Check that the file is a UserSync directory and that you may write to it.</source>
        <translation>Die Verzeichnisdatei %1 kann nicht geöffnet werden: %2. Prüfen Sie, ob die Datei ein UserSync-Verzeichnis ist und ob Sie in sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL directory (%1): %2. Check that the server is running and reachable, and that the user name and password are right.</source>
        <translation>Keine Verbindung zum PostgreSQL-Verzeichnis (%1): %2. Prüfen Sie, ob der Server läuft und erreichbar ist und ob Benutzername und Passwort stimmen.</translation>
    </message>
</context>
<context>
    <name>DirectoryLocation</name>
    <message>
        <source>No directory was given. Type the path of a SQLite file or a URL such as postgresql://usersync@db.example.com/usersync.</source>
        <translation>Es wurde kein Verzeichnis angegeben. Geben Sie den Pfad einer SQLite-Datei oder eine URL wie postgresql://usersync@db.example.com/usersync ein.</translation>
    </message>
    <message>
        <source>“%1” is not a directory UserSync can open. Use the path of a SQLite file or a URL that starts with postgresql://.</source>
        <translation>„%1“ ist kein Verzeichnis, das UserSync öffnen kann. Verwenden Sie den Pfad einer SQLite-Datei oder eine URL, die mit postgresql:// beginnt.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL is not valid: %1. Use the form postgresql://user@host:port/database.</source>
        <translation>Die PostgreSQL-URL ist ungültig: %1. Verwenden Sie die Form postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL contains a password. Remove it from the URL: UserSync keeps the password in the system keychain and asks for it when needed.</source>
        <translation>Die PostgreSQL-URL enthält ein Passwort. Entfernen Sie es aus der URL: UserSync bewahrt das Passwort im Schlüsselbund des Systems auf und fragt bei Bedarf danach.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL needs a user, a host and a database name, as in postgresql://usersync@db.example.com:5432/usersync.</source>
        <translation>Die PostgreSQL-URL braucht einen Benutzer, einen Host und einen Datenbanknamen, etwa postgresql://usersync@db.example.com:5432/usersync.</translation>
    </message>
    <message>
        <source>SQLite file %1</source>
        <translation>SQLite-Datei %1</translation>
    </message>
    <message>
        <source>PostgreSQL database %1 on %2:%3 (user %4)</source>
        <translation>PostgreSQL-Datenbank %1 auf %2:%3 (Benutzer %4)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UserSync</source>
        <translation>UserSync</translation>
    </message>
    <message>
        <source>User directory</source>
        <translation>Benutzerverzeichnis</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About UserSync</source>
        <translation>Ü&amp;ber UserSync</translation>
    </message>
    <message>
        <source>The user directory could not be opened.</source>
        <translation>Das Benutzerverzeichnis konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>About UserSync</source>
        <translation>Über UserSync</translation>
    </message>
    <message>
        <source>&lt;h3&gt;UserSync %1&lt;/h3&gt;&lt;p&gt;Keeps an application&apos;s user directory in step with a Keycloak realm.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;UserSync %1&lt;/h3&gt;&lt;p&gt;Gleicht das Benutzerverzeichnis einer Anwendung mit einem Keycloak-Realm ab.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No secret is stored in the system keychain under “%1”. Enter the secret again to store it.</source>
        <translation>Im Schlüsselbund des Systems ist unter „%1“ kein Geheimnis gespeichert. Geben Sie das Geheimnis erneut ein, um es zu speichern.</translation>
    </message>
    <message>
        <source>No system keychain is available. UserSync keeps secrets only in the keychain (on Linux a Secret Service such as GNOME Keyring or KWallet): start and unlock it, then try again.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar. UserSync bewahrt Geheimnisse nur im Schlüsselbund auf (unter Linux ein Secret Service wie GNOME Keyring oder KWallet): Starten und entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied. Unlock the keychain and allow UserSync to use it, then try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert. Entsperren Sie den Schlüsselbund, erlauben Sie UserSync den Zugriff und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1. Check that it is running and unlocked, then try again.</source>
        <translation>Der Schlüsselbund des Systems meldete einen Fehler: %1. Prüfen Sie, ob er läuft und entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keeps an application&apos;s user directory in step with a Keycloak realm.</source>
        <translation>Gleicht das Benutzerverzeichnis einer Anwendung mit einem Keycloak-Realm ab.</translation>
    </message>
    <message>
        <source>Open the SQLite directory file at &lt;path&gt; instead of the default.</source>
        <translation>Die SQLite-Verzeichnisdatei unter &lt;Pfad&gt; statt der voreingestellten öffnen.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Runs UserSync&apos;s jobs without a window, for cron, systemd and scripts.</source>
        <translation>Führt die Aufträge von UserSync ohne Fenster aus, für cron, systemd und Skripte.</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Zeigt Versionsinformationen an.</translation>
    </message>
</context>
</TS>
