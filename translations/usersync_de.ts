<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ApplicationTarget</name>
    <message>
        <source>%1 has changed since this plan was made, so it was not applied and nothing was changed. Run a new simulation and review it.</source>
        <translation>%1 hat sich geändert, seit dieser Plan erstellt wurde, daher wurde er nicht angewendet und nichts geändert. Führen Sie eine neue Simulation aus und prüfen Sie sie.</translation>
    </message>
    <message>
        <source>Reading %1 failed, so nothing was changed: %2</source>
        <translation>Das Lesen aus %1 ist fehlgeschlagen, daher wurde nichts geändert: %2</translation>
    </message>
    <message>
        <source>The run cannot be recorded, so nothing was sent to %1: %2</source>
        <translation>Der Lauf kann nicht aufgezeichnet werden, daher wurde nichts an %1 gesendet: %2</translation>
    </message>
    <message>
        <source>The apply stopped after %1 of %2 changes: %3 The history shows what was done; the next sync reads %4 again and plans only what is left.</source>
        <translation>Das Anwenden wurde nach %1 von %2 Änderungen abgebrochen: %3 Der Verlauf zeigt, was erledigt wurde; die nächste Synchronisierung liest %4 erneut und plant nur, was noch übrig ist.</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 changes. The history shows what was done; the next sync reads %3 again and plans only what is left.</source>
        <translation>Nach %1 von %2 Änderungen abgebrochen. Der Verlauf zeigt, was erledigt wurde; die nächste Synchronisierung liest %3 erneut und plant nur, was noch übrig ist.</translation>
    </message>
    <message>
        <source>Completed with errors: %1 refused %2 of %3 changes; the rest is applied. The report lists each refusal with %1&apos;s reason.</source>
        <translation>Mit Fehlern abgeschlossen: %1 hat %2 von %3 Änderungen abgelehnt; der Rest wurde angewendet. Der Bericht listet jede Ablehnung mit der Begründung von %1 auf.</translation>
    </message>
    <message>
        <source>The end of the run could not be recorded: %1</source>
        <translation>Das Ende des Laufs konnte nicht aufgezeichnet werden: %1</translation>
    </message>
</context>
<context>
    <name>ApplicationWriter</name>
    <message>
        <source>The history could not be written: %1</source>
        <translation>Der Verlauf konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Not added: the user could not be created.</source>
        <translation>Nicht hinzugefügt: Der Benutzer konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Not added: the group could not be created.</source>
        <translation>Nicht hinzugefügt: Die Gruppe konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Applying changes to %1</source>
        <translation>Änderungen werden auf %1 angewendet</translation>
    </message>
    <message>
        <source>apply the changes</source>
        <translation>die Änderungen anzuwenden</translation>
    </message>
    <message>
        <source>%1 refused it (HTTP %2).</source>
        <translation>%1 hat dies abgelehnt (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 refused to %2 (HTTP %3).</source>
        <translation>%1 hat es abgelehnt, %2 (HTTP %3).</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>&amp;Add Application…</source>
        <translation>Anwendung hinzu&amp;fügen …</translation>
    </message>
    <message>
        <source>&amp;Edit Application…</source>
        <translation>Anwendung b&amp;earbeiten …</translation>
    </message>
    <message>
        <source>&amp;Test Application</source>
        <translation>Anwendung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Remove Application…</source>
        <translation>Anwendung entfe&amp;rnen …</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <source>Remove Application</source>
        <translation>Anwendung entfernen</translation>
    </message>
    <message>
        <source>Remove the application “%1” and its credential?</source>
        <translation>Die Anwendung „%1“ und ihre Zugangsdaten entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The directory then forgets which of its users and groups the connectors manage. Nothing in %1 itself is changed.</source>
        <translation>Das Verzeichnis vergisst dann, welche ihrer Benutzer und Gruppen die Connectors verwalten. In %1 selbst wird nichts geändert.</translation>
    </message>
    <message>
        <source>Application “%1” removed.</source>
        <translation>Anwendung „%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>AtlassianClient</name>
    <message>
        <source>UserSync is not yet authorized in %1 for “%2”: %3.</source>
        <translation>UserSync ist in %1 für „%2“ noch nicht autorisiert: %3.</translation>
    </message>
    <message>
        <source>UserSync&apos;s authorization in %1 cannot be read from the keychain: %2</source>
        <translation>Die Autorisierung von UserSync in %1 kann nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 renewed UserSync&apos;s authorization, but the keychain did not store it (%2), so UserSync stopped before changing anything with it. Make the keychain available, then authorize UserSync again: %3.</source>
        <translation>%1 hat die Autorisierung von UserSync erneuert, aber der Schlüsselbund hat sie nicht gespeichert (%2), daher hat UserSync angehalten, bevor damit etwas geändert wurde. Machen Sie den Schlüsselbund verfügbar, und autorisieren Sie UserSync dann erneut: %3.</translation>
    </message>
</context>
<context>
    <name>AtlassianConnectionTest</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>AtlassianErrors</name>
    <message>
        <source>the token&apos;s owner</source>
        <translation>das Konto des Tokens</translation>
    </message>
    <message>
        <source>%1 locked the sign-in of %2 after failed logins and now asks for a CAPTCHA, so UserSync stopped and will not try again. Sign in to %1 once in a browser as that user and answer the CAPTCHA (or have an administrator reset the failed logins under %3), then test the connection again.</source>
        <translation>%1 hat die Anmeldung von %2 nach fehlgeschlagenen Anmeldungen gesperrt und verlangt nun ein CAPTCHA, daher hat UserSync angehalten und versucht es nicht erneut. Melden Sie sich einmal in einem Browser als dieser Benutzer bei %1 an und lösen Sie das CAPTCHA (oder lassen Sie einen Administrator die fehlgeschlagenen Anmeldungen unter %3 zurücksetzen), und testen Sie dann die Verbindung erneut.</translation>
    </message>
    <message>
        <source>%1 did not accept %2 (HTTP 401): the password is wrong, or the account is not a %1 administrator, which %1 answers the same way. Check the password, and that the account has %3; after several failed logins %1 asks for a CAPTCHA, so test only once more.</source>
        <translation>%1 hat %2 nicht akzeptiert (HTTP 401): Das Passwort ist falsch, oder das Konto ist kein %1-Administrator, worauf %1 genauso antwortet. Prüfen Sie das Passwort und ob das Konto %3 hat; nach mehreren fehlgeschlagenen Anmeldungen verlangt %1 ein CAPTCHA, testen Sie daher nur noch einmal.</translation>
    </message>
    <message>
        <source>%1 did not accept the username “%2” or its password. Check both, then save the application again; after several failed logins %1 asks for a CAPTCHA, so test only once more.</source>
        <translation>%1 hat den Benutzernamen „%2“ oder sein Passwort nicht akzeptiert. Prüfen Sie beides und speichern Sie die Anwendung dann erneut; nach mehreren fehlgeschlagenen Anmeldungen verlangt %1 ein CAPTCHA, testen Sie daher nur noch einmal.</translation>
    </message>
    <message>
        <source>%1 did not accept the personal access token: it is wrong, expired or revoked. %2, and enter it again.</source>
        <translation>%1 hat das persönliche Zugriffstoken nicht akzeptiert: Es ist falsch, abgelaufen oder widerrufen. %2, und geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>%1 refuses personal access tokens on its administration REST API, which a sync needs (HTTP 401). Sign in with the username and password of a %1 administrator instead: choose “A username and password” for this application.</source>
        <translation>%1 lehnt persönliche Zugriffstokens an seiner Administrations-REST-API ab, die eine Synchronisierung benötigt (HTTP 401). Melden Sie sich stattdessen mit Benutzername und Passwort eines %1-Administrators an: Wählen Sie für diese Anwendung „Benutzername und Passwort“.</translation>
    </message>
    <message>
        <source>%1 answers, but not as %2 Data Center (no server information at %3). Enter the address people open %2 with, including its context path if it has one (such as https://example.com/%4).</source>
        <translation>%1 antwortet, aber nicht als %2 Data Center (keine Serverinformationen unter %3). Geben Sie die Adresse ein, mit der %2 geöffnet wird, einschließlich des Kontextpfads, falls vorhanden (etwa https://example.com/%4).</translation>
    </message>
    <message>
        <source>%1 is not a %2 administrator, so UserSync may neither read every user nor change any. Sign in with an account that has %3, preferably with its personal access token.</source>
        <translation>%1 ist kein %2-Administrator, daher darf UserSync weder alle Benutzer lesen noch einen davon ändern. Melden Sie sich mit einem Konto an, das %3 hat, am besten mit dessen persönlichem Zugriffstoken.</translation>
    </message>
    <message>
        <source>%1 sent %2 that UserSync cannot read, so it stopped; nothing was changed. Check that the URL points to %1 itself and not to a proxy, then try again.</source>
        <translation>%1 hat Daten gesendet, die UserSync nicht lesen kann (%2), daher wurde abgebrochen; es wurde nichts geändert. Prüfen Sie, ob die URL auf %1 selbst und nicht auf einen Proxy zeigt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 could not be read completely (%2). It may have changed while it was read. Nothing was changed; run it again.</source>
        <translation>%1 konnte nicht vollständig gelesen werden (%2). Möglicherweise hat es sich während des Lesens geändert. Es wurde nichts geändert; führen Sie den Vorgang erneut aus.</translation>
    </message>
    <message>
        <source>%1 does not let %2 %3 (HTTP 403: %4). Give the account %5.</source>
        <translation>%1 erlaubt %2 nicht, %3 (HTTP 403: %4). Geben Sie dem Konto %5.</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1 kept asking UserSync to slow down (HTTP 429) after %2 attempts. Exempt the account from rate limiting (%3), or lower the requests in flight, then try again.</source>
        <translation>%1 hat UserSync nach %2 Versuchen weiterhin gebeten, langsamer zu werden (HTTP 429). Nehmen Sie das Konto von der Ratenbegrenzung aus (%3) oder verringern Sie die gleichzeitigen Anfragen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 answered with a server error (HTTP %2) after %3 attempts while UserSync tried to %4. Check %1&apos;s log (%5), then try again.</source>
        <translation>%1 hat nach %3 Versuchen mit einem Serverfehler (HTTP %2) geantwortet, während UserSync versuchte, %4. Prüfen Sie das Protokoll von %1 (%5), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 when UserSync tried to %3%4.</source>
        <translation>%1 hat mit HTTP %2 geantwortet, als UserSync versuchte, %3%4.</translation>
    </message>
    <message>
        <source>the user who authorized UserSync</source>
        <translation>das Konto, das UserSync autorisiert hat</translation>
    </message>
    <message>
        <source>%1 did not accept UserSync&apos;s OAuth access token, even just renewed (HTTP 401): the user who authorized UserSync is no longer a %1 administrator, or the incoming link&apos;s scope does not include %2. Check %3, then authorize UserSync again: %4.</source>
        <translation>%1 hat das OAuth-Zugriffstoken von UserSync nicht akzeptiert, obwohl es gerade erneuert wurde (HTTP 401): Der Benutzer, der UserSync autorisiert hat, ist kein %1-Administrator mehr, oder der Scope des eingehenden Links umfasst %2 nicht. Prüfen Sie %3, und autorisieren Sie UserSync dann erneut: %4.</translation>
    </message>
</context>
<context>
    <name>AtlassianOAuth</name>
    <message>
        <source>%1 answered the OAuth token request without an access token (HTTP %2).</source>
        <translation>%1 hat die OAuth-Token-Anfrage ohne Zugriffstoken beantwortet (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 did not accept the client ID “%2” or its client secret (%3). Copy both again from the incoming link in %1 (Administration → Application links) into this application&apos;s settings.</source>
        <translation>%1 hat die Client-ID „%2“ oder das zugehörige Client-Secret nicht akzeptiert (%3). Kopieren Sie beides erneut aus dem eingehenden Link in %1 (Administration → Application links) in die Einstellungen dieser Anwendung.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 no longer accepts UserSync&apos;s authorization (%2): it expired, was revoked, or was used by another copy of UserSync. Authorize UserSync again: %3.</source>
        <translation>%1 akzeptiert die Autorisierung von UserSync nicht mehr (%2): Sie ist abgelaufen, wurde widerrufen oder von einer anderen UserSync-Instanz verwendet. Autorisieren Sie UserSync erneut: %3.</translation>
    </message>
    <message>
        <source>%1 refused the OAuth token request (HTTP %2%3). Check the incoming link in %1 (Administration → Application links): its redirect URL must be %4 and its scope must allow %5.</source>
        <translation>%1 hat die OAuth-Token-Anfrage abgelehnt (HTTP %2%3). Prüfen Sie den eingehenden Link in %1 (Administration → Application links): Seine Redirect-URL muss %4 lauten, und sein Scope muss %5 erlauben.</translation>
    </message>
    <message>
        <source>run usersync-cli target authorize &quot;%1&quot;, or press Authorize in Browser in the application&apos;s settings in the window</source>
        <translation>Führen Sie usersync-cli target authorize &quot;%1&quot; aus, oder klicken Sie im Fenster in den Einstellungen der Anwendung auf „Im Browser autorisieren“</translation>
    </message>
    <message>
        <source>%1 answered the OAuth token request with a server error (HTTP %2) after %3 attempts. Check %1&apos;s log, then try again.</source>
        <translation>%1 hat die OAuth-Token-Anfrage nach %3 Versuchen mit einem Serverfehler (HTTP %2) beantwortet. Prüfen Sie das Protokoll von %1, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>AtlassianProduct</name>
    <message>
        <source>Create a new one in Jira under your avatar → Profile → Personal Access Tokens</source>
        <translation>Erstellen Sie in Jira unter Ihrem Avatar → Profile → Personal Access Tokens ein neues</translation>
    </message>
    <message>
        <source>the Jira System administrators global permission (Administration → System → Global permissions)</source>
        <translation>die globale Berechtigung Jira System administrators (Administration → System → Global permissions)</translation>
    </message>
    <message>
        <source>Administration → User management</source>
        <translation>Administration → User management</translation>
    </message>
    <message>
        <source>Administration → System → Rate limiting → Exemptions</source>
        <translation>Administration → System → Rate limiting → Exemptions</translation>
    </message>
    <message>
        <source>Create a new one in Confluence under your avatar → Settings → Personal Access Tokens</source>
        <translation>Erstellen Sie in Confluence unter Ihrem Avatar → Settings → Personal Access Tokens ein neues</translation>
    </message>
    <message>
        <source>the System Administrator or Confluence Administrator global permission (Confluence administration → Global Permissions)</source>
        <translation>die globale Berechtigung System Administrator oder Confluence Administrator (Confluence administration → Global Permissions)</translation>
    </message>
    <message>
        <source>Confluence administration → Users</source>
        <translation>Confluence administration → Users</translation>
    </message>
    <message>
        <source>Confluence administration → Rate limiting → Exemptions</source>
        <translation>Confluence administration → Rate limiting → Exemptions</translation>
    </message>
    <message>
        <source>Bitbucket refuses personal access tokens on its administration API</source>
        <translation>Bitbucket lehnt persönliche Zugriffstokens an seiner Administrations-API ab</translation>
    </message>
    <message>
        <source>the Admin or System admin global permission (Administration → Global permissions)</source>
        <translation>die globale Berechtigung Admin oder System admin (Administration → Global permissions)</translation>
    </message>
    <message>
        <source>Administration → Users</source>
        <translation>Administration → Users</translation>
    </message>
    <message>
        <source>Administration → Rate limiting → Exemptions</source>
        <translation>Administration → Rate limiting → Exemptions</translation>
    </message>
</context>
<context>
    <name>AtlassianReader</name>
    <message>
        <source>“%1” has a member (%2) that the user list did not contain</source>
        <translation>„%1“ hat ein Mitglied (%2), das nicht in der Benutzerliste enthalten war</translation>
    </message>
</context>
<context>
    <name>BitbucketConnectionTest</name>
    <message>
        <source>The address starts with http://: the password travels unencrypted. Use Bitbucket&apos;s https:// address.</source>
        <translation>Die Adresse beginnt mit http://: Das Passwort wird unverschlüsselt übertragen. Verwenden Sie die https://-Adresse von Bitbucket.</translation>
    </message>
    <message>
        <source>Reaching Bitbucket</source>
        <translation>Bitbucket wird erreicht</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>sich anzumelden</translation>
    </message>
    <message>
        <source>Checking permissions</source>
        <translation>Berechtigungen werden geprüft</translation>
    </message>
    <message>
        <source>read the global permissions</source>
        <translation>die globalen Berechtigungen zu lesen</translation>
    </message>
    <message>
        <source>Reading the groups</source>
        <translation>Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>Bitbucket has no group %1, which the settings name as giving access. Bitbucket cannot disable users, so UserSync takes disabled users out of these groups: name the groups that hold the Bitbucket User permission (Administration → Global permissions; stash-users by default), then test again.</source>
        <translation>Bitbucket hat keine Gruppe %1, die in den Einstellungen als zugangsgewährend genannt ist. Bitbucket kann Benutzer nicht deaktivieren, daher entfernt UserSync deaktivierte Benutzer aus diesen Gruppen: Nennen Sie die Gruppen, die die Berechtigung Bitbucket User haben (Administration → Global permissions; standardmäßig stash-users), und testen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Counting users</source>
        <translation>Benutzer werden gezählt</translation>
    </message>
    <message>
        <source>The address starts with http://: the client secret and the OAuth tokens travel unencrypted. Use Bitbucket&apos;s https:// address.</source>
        <translation>Die Adresse beginnt mit http://: Das Client-Secret und die OAuth-Tokens werden unverschlüsselt übertragen. Verwenden Sie die https://-Adresse von Bitbucket.</translation>
    </message>
</context>
<context>
    <name>BitbucketReader</name>
    <message>
        <source>read its server information</source>
        <translation>die Serverinformationen zu lesen</translation>
    </message>
    <message>
        <source>a page of %1 that does not move on</source>
        <translation>eine Seite von %1, die nicht weiterführt</translation>
    </message>
    <message>
        <source>Reading Bitbucket users</source>
        <translation>Bitbucket-Benutzer werden gelesen</translation>
    </message>
    <message>
        <source>list the users</source>
        <translation>die Benutzer aufzulisten</translation>
    </message>
    <message>
        <source>a user list</source>
        <translation>Benutzerliste</translation>
    </message>
    <message>
        <source>a user without an id or a name</source>
        <translation>Benutzer ohne ID oder Namen</translation>
    </message>
    <message>
        <source>a user page that is not the last names no next page</source>
        <translation>eine Benutzerseite, die nicht die letzte ist, nennt keine nächste Seite</translation>
    </message>
    <message>
        <source>Reading Bitbucket groups</source>
        <translation>Bitbucket-Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>list the groups</source>
        <translation>die Gruppen aufzulisten</translation>
    </message>
    <message>
        <source>a group list</source>
        <translation>Gruppenliste</translation>
    </message>
    <message>
        <source>a group page that is not the last names no next page</source>
        <translation>eine Gruppenseite, die nicht die letzte ist, nennt keine nächste Seite</translation>
    </message>
    <message>
        <source>read the users&apos; global permissions</source>
        <translation>die globalen Berechtigungen der Benutzer zu lesen</translation>
    </message>
    <message>
        <source>a list of global permissions</source>
        <translation>Liste globaler Berechtigungen</translation>
    </message>
    <message>
        <source>Reading Bitbucket group members</source>
        <translation>Mitglieder der Bitbucket-Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>read the members of “%1”</source>
        <translation>die Mitglieder von „%1“ zu lesen</translation>
    </message>
    <message>
        <source>a member list</source>
        <translation>Mitgliederliste</translation>
    </message>
    <message>
        <source>a member page of “%1” that names no next page</source>
        <translation>eine Mitgliederseite von „%1“, die keine nächste Seite nennt</translation>
    </message>
    <message>
        <source>a page of global permissions that is not the last names no next page</source>
        <translation>eine Seite globaler Berechtigungen, die nicht die letzte ist, nennt keine nächste Seite</translation>
    </message>
</context>
<context>
    <name>BitbucketWriter</name>
    <message>
        <source>Bitbucket needs an e-mail address for every user, and this one has none. Give the user an address in Keycloak (or choose another source for e-mail addresses in the connector&apos;s options); the next sync creates it.</source>
        <translation>Bitbucket benötigt für jeden Benutzer eine E-Mail-Adresse, und dieser hat keine. Geben Sie dem Benutzer in Keycloak eine Adresse (oder wählen Sie in den Optionen des Connectors eine andere Quelle für E-Mail-Adressen); die nächste Synchronisierung legt ihn an.</translation>
    </message>
    <message>
        <source>a user list</source>
        <translation>Benutzerliste</translation>
    </message>
    <message>
        <source>read the new users&apos; ids</source>
        <translation>die IDs der neuen Benutzer lesen</translation>
    </message>
    <message>
        <source>a user page that does not name the next</source>
        <translation>eine Benutzerseite, die die nächste nicht nennt</translation>
    </message>
    <message>
        <source>Bitbucket accepted the new user but does not list it. Look for it under Administration → Users; the next sync creates it or links it.</source>
        <translation>Bitbucket hat den neuen Benutzer angenommen, führt ihn aber nicht auf. Suchen Sie ihn unter Administration → Benutzer; die nächste Synchronisierung legt ihn an oder verknüpft ihn.</translation>
    </message>
    <message>
        <source>Created, but not given access through the group %1: %2</source>
        <translation>Angelegt, aber kein Zugang über die Gruppe %1 erteilt: %2</translation>
    </message>
    <message>
        <source>Bitbucket refused it (HTTP %1).</source>
        <translation>Bitbucket hat es abgelehnt (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>ChangeSummary</name>
    <message>
        <source>To add</source>
        <translation>Hinzuzufügen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>To link</source>
        <translation>Zu verknüpfen</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>To modify</source>
        <translation>Zu ändern</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>To disable</source>
        <translation>Zu deaktivieren</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>To delete</source>
        <translation>Zu löschen</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>To anonymize</source>
        <translation>Zu anonymisieren</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Anonymisiert</translation>
    </message>
    <message>
        <source>To reactivate</source>
        <translation>Zu reaktivieren</translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation>Reaktiviert</translation>
    </message>
    <message>
        <source>To skip</source>
        <translation>Zu überspringen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>To remove</source>
        <translation>Zu entfernen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Mitgliedschaften</translation>
    </message>
    <message>
        <source>%L1 user</source>
        <translation>%L1 Benutzer</translation>
    </message>
    <message>
        <source>%L1 users</source>
        <translation>%L1 Benutzer</translation>
    </message>
    <message>
        <source>%L1 group</source>
        <translation>%L1 Gruppe</translation>
    </message>
    <message>
        <source>%L1 groups</source>
        <translation>%L1 Gruppen</translation>
    </message>
    <message>
        <source>%L1 membership</source>
        <translation>%L1 Mitgliedschaft</translation>
    </message>
    <message>
        <source>%L1 memberships</source>
        <translation>%L1 Mitgliedschaften</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last two of a list</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>%1 verknüpfen</translation>
    </message>
    <message>
        <source>linked %1</source>
        <translation>%1 verknüpft</translation>
    </message>
    <message>
        <source>modify %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>modified %1</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>reactivate %1</source>
        <translation>%1 reaktivieren</translation>
    </message>
    <message>
        <source>reactivated %1</source>
        <translation>%1 reaktiviert</translation>
    </message>
    <message>
        <source>disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>disabled %1</source>
        <translation>%1 deaktiviert</translation>
    </message>
    <message>
        <source>anonymize %1</source>
        <translation>%1 anonymisieren</translation>
    </message>
    <message>
        <source>anonymized %1</source>
        <translation>%1 anonymisiert</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>skip %1</source>
        <translation>%1 überspringen</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the clauses of a summary</comment>
        <translation>; </translation>
    </message>
    <message>
        <source> and </source>
        <comment>614 users and 12 groups</comment>
        <translation> und </translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Ausgelassen: %1.</translation>
    </message>
    <message>
        <source>Simulation: the directory already matches Keycloak. Nothing to apply.</source>
        <translation>Simulation: Das Verzeichnis entspricht bereits Keycloak. Nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Simulation: the directory already matches Keycloak (%1 up to date). Nothing to apply.</source>
        <translation>Simulation: Das Verzeichnis entspricht bereits Keycloak (%1 aktuell). Nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Simulation: nothing has been changed yet. A full sync would %1.</source>
        <translation>Simulation: Noch wurde nichts geändert. Eine vollständige Synchronisation würde %1.</translation>
    </message>
    <message>
        <source>Rollback preview: nothing has been changed yet. Applying it would %1.</source>
        <translation>Vorschau der Rücknahme: Noch wurde nichts geändert. Die Rücknahme würde %1.</translation>
    </message>
    <message>
        <source>Rollback preview: nothing of that run can be rolled back any more.</source>
        <translation>Vorschau der Rücknahme: Von diesem Lauf lässt sich nichts mehr zurücknehmen.</translation>
    </message>
    <message>
        <source>Rollback applied on %1: %2.</source>
        <translation>Rücknahme am %1 angewendet: %2.</translation>
    </message>
    <message>
        <source>Full sync applied on %1: %2.</source>
        <translation>Vollständige Synchronisation am %1 angewendet: %2.</translation>
    </message>
    <message>
        <source>Full sync on %1: the directory already matched Keycloak, so nothing was changed.</source>
        <translation>Vollständige Synchronisation am %1: Das Verzeichnis entsprach bereits Keycloak, daher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 refused on %2: nothing was changed.</source>
        <translation>%1 am %2 abgelehnt: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 cancelled on %2: nothing was changed.</source>
        <translation>%1 am %2 abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 skipped on %2: another run of this connector was under way.</source>
        <translation>%1 am %2 übersprungen: Ein anderer Lauf dieses Connectors war im Gange.</translation>
    </message>
    <message>
        <source>%1 failed on %2: nothing was changed.</source>
        <translation>%1 am %2 fehlgeschlagen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>It would have %1.</source>
        <translation>Sie hätte %1.</translation>
    </message>
    <message>
        <source>Full sync</source>
        <translation>Vollständige Synchronisation</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Rücknahme</translation>
    </message>
    <message>
        <source>Rollback preview</source>
        <translation>Vorschau der Rücknahme</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>started by hand</source>
        <translation>manuell gestartet</translation>
    </message>
    <message>
        <source>%1 of “%2”</source>
        <translation>%1 von „%2“</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Path in Keycloak</source>
        <translation>Pfad in Keycloak</translation>
    </message>
    <message>
        <source>Keycloak ID</source>
        <translation>Keycloak-ID</translation>
    </message>
    <message>
        <source>Managed by connector</source>
        <translation>Verwaltet von Connector</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 applied on %2, with errors: %3</source>
        <translation>%1 am %2 mit Fehlern angewendet: %3</translation>
    </message>
    <message>
        <source>%1 interrupted on %2: it ended unexpectedly. The changes marked done were made; the next sync does the rest.</source>
        <translation>%1 am %2 unterbrochen: Der Lauf endete unerwartet. Die als erledigt markierten Änderungen wurden vorgenommen; die nächste Synchronisation erledigt den Rest.</translation>
    </message>
    <message>
        <source>%1 stopped on %2: %3</source>
        <translation>%1 am %2 angehalten: %3</translation>
    </message>
    <message>
        <source>into an application since removed</source>
        <translation>in eine inzwischen entfernte Anwendung</translation>
    </message>
    <message>
        <source>into %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>groups %1</source>
        <translation>Gruppen %1</translation>
    </message>
    <message>
        <source>global permission %1</source>
        <translation>globale Berechtigung %1</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Mitgliedschaft</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Username or name</source>
        <translation>Benutzername oder Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>Geänderte Felder</translation>
    </message>
    <message>
        <source>Display name or path</source>
        <translation>Anzeigename oder Pfad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Not done: the run stopped before it</source>
        <translation>Nicht ausgeführt: Der Lauf endete, bevor diese Änderung an der Reihe war</translation>
    </message>
    <message>
        <source>To disable (access removed)</source>
        <translation>Zu deaktivieren (Zugang entzogen)</translation>
    </message>
    <message>
        <source>Disabled (access removed)</source>
        <translation>Deaktiviert (Zugang entzogen)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>The user directory: a SQLite file or postgresql://user@host[:port]/database. Default: the same file the window uses.</source>
        <translation>Das Benutzerverzeichnis: eine SQLite-Datei oder postgresql://user@host[:port]/database. Standard: dieselbe Datei wie im Programmfenster.</translation>
    </message>
    <message>
        <source>location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Print the result as JSON, for scripts (see the README).</source>
        <translation>Ergebnis als JSON ausgeben, für Skripte (siehe README).</translation>
    </message>
    <message>
        <source>Standard input held no secret. Pipe it in, e.g. from your password manager.</source>
        <translation>Die Standardeingabe enthielt kein Geheimnis. Leiten Sie es per Pipe ein, z. B. aus Ihrem Passwort-Manager.</translation>
    </message>
    <message>
        <source>The environment variable %1 is not set or empty.</source>
        <translation>Die Umgebungsvariable %1 ist nicht gesetzt oder leer.</translation>
    </message>
    <message>
        <source>No secret was given. Pass --%1 and pipe it in, or --%2 NAME with it in the environment variable NAME; secrets are never accepted as arguments.</source>
        <translation>Es wurde kein Geheimnis angegeben. Übergeben Sie --%1 und leiten Sie das Geheimnis per Pipe ein, oder --%2 NAME mit dem Geheimnis in der Umgebungsvariable NAME; Geheimnisse werden nie als Argumente angenommen.</translation>
    </message>
    <message>
        <source>Keycloak URL, e.g. https://sso.example.com (add /auth for servers before Keycloak 17).</source>
        <translation>Keycloak-URL, z. B. https://sso.example.com (bei Servern vor Keycloak 17 /auth anhängen).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Realm name.</source>
        <translation>Name des Realms.</translation>
    </message>
    <message>
        <source>realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>Client ID of UserSync&apos;s client in Keycloak.</source>
        <translation>Client-ID des UserSync-Clients in Keycloak.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>PEM file of a private certificate authority to trust as well.</source>
        <translation>PEM-Datei einer privaten Zertifizierungsstelle, der zusätzlich vertraut werden soll.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Entries per request (default 500).</source>
        <translation>Einträge pro Anfrage (Standard: 500).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 4).</source>
        <translation>Anzahl gleichzeitiger Anfragen (Standard: 4).</translation>
    </message>
    <message>
        <source>Seconds a request may wait for data (default 30).</source>
        <translation>Sekunden, die eine Anfrage auf Daten warten darf (Standard: 30).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Retries after a server error or timeout (default 4).</source>
        <translation>Wiederholungen nach einem Serverfehler oder Überschreiten des Zeitlimits (Standard: 4).</translation>
    </message>
    <message>
        <source>Custom user attribute to read; repeat for several.</source>
        <translation>Zu lesendes benutzerdefiniertes Benutzerattribut; für mehrere Attribute wiederholen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Read no custom attributes.</source>
        <translation>Keine benutzerdefinierten Attribute lesen.</translation>
    </message>
    <message>
        <source>Read the client secret from the first line of standard input.</source>
        <translation>Client-Secret aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Read the client secret from the environment variable NAME.</source>
        <translation>Client-Secret aus der Umgebungsvariable NAME lesen.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>--%1 takes a whole number, not “%2”.</source>
        <translation>--%1 erwartet eine ganze Zahl, nicht „%2“.</translation>
    </message>
    <message>
        <source>connector add|edit|list|show|remove|test   Manage Keycloak connectors</source>
        <translation>connector add|edit|list|show|remove|test   Keycloak-Connectors verwalten</translation>
    </message>
    <message>
        <source>Usage: usersync-cli connector add|edit|list|show|remove|test [options]

  add NAME      store a new connector (its secret goes to the system keychain)
  edit NAME     change a connector&apos;s settings or secret
  list          list the connectors
  show NAME     show one connector&apos;s settings
  remove NAME   remove a connector and its secret
  test NAME     test the connection to Keycloak

Run “usersync-cli connector ACTION --help” for an action&apos;s options.
</source>
        <translation>Aufruf: usersync-cli connector add|edit|list|show|remove|test [Optionen]

  add NAME      neuen Connector speichern (sein Geheimnis kommt in den Schlüsselbund des Systems)
  edit NAME     Einstellungen oder Geheimnis eines Connectors ändern
  list          Connectors auflisten
  show NAME     Einstellungen eines Connectors anzeigen
  remove NAME   Connector und sein Geheimnis entfernen
  test NAME     Verbindung zu Keycloak testen

Die Optionen einer Aktion zeigt „usersync-cli connector ACTION --help“ an.
</translation>
    </message>
    <message>
        <source>Stores a new Keycloak connector. The client secret goes to the system keychain; it is never accepted as an argument.</source>
        <translation>Speichert einen neuen Keycloak-Connector. Das Client-Secret wird im Schlüsselbund des Systems abgelegt; es wird nie als Argument angenommen.</translation>
    </message>
    <message>
        <source>A name for the connector, e.g. “Corporate SSO”.</source>
        <translation>Ein Name für den Connector, z. B. „Firmen-SSO“.</translation>
    </message>
    <message>
        <source>Give exactly one NAME.</source>
        <translation>Geben Sie genau einen NAME an.</translation>
    </message>
    <message>
        <source>Client secret: </source>
        <translation>Client-Secret: </translation>
    </message>
    <message>
        <source>Connector “%1” added; its secret is in the system keychain.
Test it with: usersync-cli connector test &quot;%1&quot;
</source>
        <translation>Connector „%1“ hinzugefügt; sein Geheimnis liegt im Schlüsselbund des Systems.
Testen Sie ihn mit: usersync-cli connector test &quot;%1&quot;
</translation>
    </message>
    <message>
        <source>Changes a connector&apos;s settings, or its secret with --secret-stdin or --secret-env. Options not given keep their value.</source>
        <translation>Ändert die Einstellungen eines Connectors oder, mit --secret-stdin bzw. --secret-env, sein Geheimnis. Nicht angegebene Optionen behalten ihren Wert.</translation>
    </message>
    <message>
        <source>The connector&apos;s name or id.</source>
        <translation>Name oder ID des Connectors.</translation>
    </message>
    <message>
        <source>A new name.</source>
        <translation>Neuer Name.</translation>
    </message>
    <message>
        <source>Connector “%1” saved.</source>
        <translation>Connector „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Lists the connectors of the directory.</source>
        <translation>Listet die Connectors des Verzeichnisses auf.</translation>
    </message>
    <message>
        <source>No connectors yet. Add one with: usersync-cli connector add NAME --url URL --realm REALM --client-id ID --secret-stdin</source>
        <translation>Noch keine Connectors vorhanden. Fügen Sie einen hinzu mit: usersync-cli connector add NAME --url URL --realm REALM --client-id ID --secret-stdin</translation>
    </message>
    <message>
        <source>Shows a connector&apos;s settings and whether its secret is stored.</source>
        <translation>Zeigt die Einstellungen eines Connectors und ob sein Geheimnis gespeichert ist.</translation>
    </message>
    <message>
        <source>Name:              %1</source>
        <translation>Name:                    %1</translation>
    </message>
    <message>
        <source>Id:                %1</source>
        <translation>ID:                      %1</translation>
    </message>
    <message>
        <source>Type:              Keycloak</source>
        <translation>Typ:                     Keycloak</translation>
    </message>
    <message>
        <source>URL:               %1</source>
        <translation>URL:                     %1</translation>
    </message>
    <message>
        <source>Realm:             %1</source>
        <translation>Realm:                   %1</translation>
    </message>
    <message>
        <source>Client ID:         %1</source>
        <translation>Client-ID:               %1</translation>
    </message>
    <message>
        <source>Client secret:     %1</source>
        <translation>Client-Secret:           %1</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>CA file:           %1</source>
        <translation>CA-Datei:                %1</translation>
    </message>
    <message>
        <source>none (system authorities)</source>
        <translation>keine (Zertifizierungsstellen des Systems)</translation>
    </message>
    <message>
        <source>Page size:         %1</source>
        <translation>Seitengröße:             %1</translation>
    </message>
    <message>
        <source>Requests at once:  %1</source>
        <translation>Gleichzeitige Anfragen:  %1</translation>
    </message>
    <message>
        <source>Timeout:           %1 s, %2 retries</source>
        <translation>Zeitlimit:               %1 s, %2 Wiederholungen</translation>
    </message>
    <message>
        <source>Attributes:        %1</source>
        <translation>Attribute:               %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Removes a connector and its secret.</source>
        <translation>Entfernt einen Connector und sein Geheimnis.</translation>
    </message>
    <message>
        <source>Connector “%1” removed.</source>
        <translation>Connector „%1“ entfernt.</translation>
    </message>
    <message>
        <source>Its secret could not be removed from the system keychain: %1</source>
        <translation>Sein Geheimnis konnte nicht aus dem Schlüsselbund des Systems entfernt werden: %1</translation>
    </message>
    <message>
        <source>Tests the connection: finds Keycloak, signs in with the client, and reads users and groups. Exit code 0 when everything works, 1 when not.</source>
        <translation>Testet die Verbindung: sucht Keycloak, meldet sich mit dem Client an und liest Benutzer und Gruppen. Exit-Code 0, wenn alles funktioniert, sonst 1.</translation>
    </message>
    <message>
        <source>Testing “%1”: %2, realm “%3”, client “%4”</source>
        <translation>Test von „%1“: %2, Realm „%3“, Client „%4“</translation>
    </message>
    <message>
        <source>Keycloak answers at %1 (%2)</source>
        <translation>Keycloak antwortet unter %1 (%2)</translation>
    </message>
    <message>
        <source>with /auth</source>
        <translation>mit /auth</translation>
    </message>
    <message>
        <source>without /auth</source>
        <translation>ohne /auth</translation>
    </message>
    <message>
        <source>Realm “%1” found</source>
        <translation>Realm „%1“ gefunden</translation>
    </message>
    <message>
        <source>Signed in as client “%1”</source>
        <translation>Als Client „%1“ angemeldet</translation>
    </message>
    <message>
        <source>Could not sign in as client “%1”</source>
        <translation>Anmeldung als Client „%1“ fehlgeschlagen</translation>
    </message>
    <message>
        <source>Users readable: %1</source>
        <translation>Benutzer lesbar: %1</translation>
    </message>
    <message>
        <source>Users not readable</source>
        <translation>Benutzer nicht lesbar</translation>
    </message>
    <message>
        <source>Groups readable: %1 (%2 top-level)</source>
        <translation>Gruppen lesbar: %1 (%2 auf oberster Ebene)</translation>
    </message>
    <message>
        <source>Groups not readable</source>
        <translation>Gruppen nicht lesbar</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Connection OK.</source>
        <translation>Verbindung OK.</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>  (%1)</source>
        <translation>  (%1)</translation>
    </message>
    <message>
        <source>Stores the password of the PostgreSQL directory given with --directory in the system keychain, then checks that it opens.</source>
        <translation>Speichert das Passwort des mit --directory angegebenen PostgreSQL-Verzeichnisses im Schlüsselbund des Systems und prüft dann, ob sich das Verzeichnis öffnen lässt.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Passwort aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Read the password from the environment variable NAME.</source>
        <translation>Passwort aus der Umgebungsvariable NAME lesen.</translation>
    </message>
    <message>
        <source>Only a PostgreSQL directory has a password.</source>
        <translation>Nur ein PostgreSQL-Verzeichnis hat ein Passwort.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>Password stored; the directory %1 opens.</source>
        <translation>Passwort gespeichert; das Verzeichnis %1 lässt sich öffnen.</translation>
    </message>
    <message>
        <source>fetch NAME --output FILE                  Read a whole realm into a snapshot file (JSON)</source>
        <translation>fetch NAME --output FILE                  Gesamten Realm in eine Momentaufnahme-Datei (JSON) einlesen</translation>
    </message>
    <message>
        <source>Reads every user, group and membership of the connector&apos;s realm and writes them to FILE as JSON, for inspection and benchmarks. Nothing in the directory changes. The file is written only if the whole realm was read.</source>
        <translation>Liest alle Benutzer, Gruppen und Mitgliedschaften aus dem Realm des Connectors und schreibt sie als JSON in FILE, zur Analyse und für Benchmarks. Am Verzeichnis wird nichts geändert. Die Datei wird nur geschrieben, wenn der gesamte Realm gelesen wurde.</translation>
    </message>
    <message>
        <source>Where to write the snapshot.</source>
        <translation>Zieldatei für die Momentaufnahme.</translation>
    </message>
    <message>
        <source>The fetch failed: %1
  (%2)</source>
        <translation>Der Abruf ist fehlgeschlagen: %1
  (%2)</translation>
    </message>
    <message>
        <source>The snapshot cannot be written to %1: %2.</source>
        <translation>Die Momentaufnahme kann nicht nach %1 geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Read %1 users, %2 groups and %3 memberships in %4 s (%5 requests, %6 retries); written to %7.</source>
        <translation>%1 Benutzer, %2 Gruppen und %3 Mitgliedschaften in %4 s gelesen (%5 Anfragen, %6 Wiederholungen); geschrieben nach %7.</translation>
    </message>
    <message>
        <source>Give exactly one connector NAME.</source>
        <translation>Geben Sie genau einen Connector-NAME an.</translation>
    </message>
    <message>
        <source>Users gone from Keycloak: disable (default), delete, anonymize or keep.</source>
        <translation>Benutzer, die nicht mehr in Keycloak vorhanden sind: disable (Standard), delete, anonymize oder keep.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Sync only members of this group (name or path, * and ? allowed); repeat for several.</source>
        <translation>Nur Mitglieder dieser Gruppe synchronisieren (Name oder Pfad, * und ? erlaubt); für mehrere Gruppen wiederholen.</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Sync every user again.</source>
        <translation>Wieder alle Benutzer synchronisieren.</translation>
    </message>
    <message>
        <source>Local group names: name (default), lowercase, path or replace.</source>
        <translation>Lokale Gruppennamen: name (Standard), lowercase, path oder replace.</translation>
    </message>
    <message>
        <source>naming</source>
        <translation>Benennung</translation>
    </message>
    <message>
        <source>With --group-names replace: the regular expression.</source>
        <translation>Bei --group-names replace: der reguläre Ausdruck.</translation>
    </message>
    <message>
        <source>regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>With --group-names replace: the replacement (\1 for the first capture).</source>
        <translation>Bei --group-names replace: der Ersatztext (\1 für die erste Erfassungsgruppe).</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>With --group-names replace: skip groups the pattern does not match.</source>
        <translation>Bei --group-names replace: Gruppen überspringen, auf die das Muster nicht passt.</translation>
    </message>
    <message>
        <source>Make members of a subgroup members of its parents too.</source>
        <translation>Mitglieder einer Untergruppe auch zu Mitgliedern der übergeordneten Gruppen machen.</translation>
    </message>
    <message>
        <source>Only direct memberships (the default).</source>
        <translation>Nur direkte Mitgliedschaften (Standard).</translation>
    </message>
    <message>
        <source>Display name template, e.g. &quot;{firstName} {lastName}&quot;.</source>
        <translation>Vorlage für den Anzeigenamen, z. B. &quot;{firstName} {lastName}&quot;.</translation>
    </message>
    <message>
        <source>template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Where usernames come from, e.g. username or attr:uid|username.</source>
        <translation>Herkunft der Benutzernamen, z. B. username oder attr:uid|username.</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Where email addresses come from.</source>
        <translation>Herkunft der E-Mail-Adressen.</translation>
    </message>
    <message>
        <source>Copy this Keycloak attribute to the local user; repeat for several.</source>
        <translation>Dieses Keycloak-Attribut in den lokalen Benutzer übernehmen; für mehrere Attribute wiederholen.</translation>
    </message>
    <message>
        <source>Link existing local users by email address too.</source>
        <translation>Vorhandene lokale Benutzer auch anhand der E-Mail-Adresse verknüpfen.</translation>
    </message>
    <message>
        <source>Link existing local users by username only (the default).</source>
        <translation>Vorhandene lokale Benutzer nur anhand des Benutzernamens verknüpfen (Standard).</translation>
    </message>
    <message>
        <source>Most users one full sync may disable or delete (default 500).</source>
        <translation>Höchstzahl der Benutzer, die eine vollständige Synchronisation deaktivieren oder löschen darf (Standard: 500).</translation>
    </message>
    <message>
        <source>Most users in percent one full sync may disable or delete (default 10).</source>
        <translation>Höchstanteil der Benutzer in Prozent, die eine vollständige Synchronisation deaktivieren oder löschen darf (Standard: 10).</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>--cleanup is one of disable, delete, anonymize or keep.</source>
        <translation>--cleanup muss disable, delete, anonymize oder keep sein.</translation>
    </message>
    <message>
        <source>--group-names is one of name, lowercase, path or replace.</source>
        <translation>--group-names muss name, lowercase, path oder replace sein.</translation>
    </message>
    <message>
        <source>disable</source>
        <translation>deaktivieren</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>anonymize</source>
        <translation>anonymisieren</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>lower case</source>
        <translation>Kleinbuchstaben</translation>
    </message>
    <message>
        <source>full path</source>
        <translation>vollständiger Pfad</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>Users gone:        %1</source>
        <translation>Nicht mehr in Keycloak:  %1</translation>
    </message>
    <message>
        <source>Required groups:   %1</source>
        <translation>Pflichtgruppen:          %1</translation>
    </message>
    <message>
        <source>Group names:       %1</source>
        <translation>Gruppennamen:            %1</translation>
    </message>
    <message>
        <source>Memberships:       %1</source>
        <translation>Mitgliedschaften:        %1</translation>
    </message>
    <message>
        <source>direct and inherited</source>
        <translation>direkt und geerbt</translation>
    </message>
    <message>
        <source>direct only</source>
        <translation>nur direkt</translation>
    </message>
    <message>
        <source>Display name:      %1</source>
        <translation>Anzeigename:             %1</translation>
    </message>
    <message>
        <source>Matching:          %1</source>
        <translation>Verknüpfung über:        %1</translation>
    </message>
    <message>
        <source>username, then email</source>
        <translation>Benutzername, dann E-Mail-Adresse</translation>
    </message>
    <message>
        <source>username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Deletion limit:    %1 users or %2%</source>
        <translation>Löschgrenze:             %1 Benutzer oder %2 %</translation>
    </message>
    <message>
        <source>directory users|groups                    Show the directory&apos;s users or groups
  directory set-password                    Store a PostgreSQL directory&apos;s password in the keychain</source>
        <translation>directory users|groups                    Benutzer oder Gruppen des Verzeichnisses anzeigen
  directory set-password                    Passwort eines PostgreSQL-Verzeichnisses im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Usage: usersync-cli directory users|groups [--json]
       usersync-cli directory set-password --directory postgresql://USER@HOST/DB --password-stdin
</source>
        <translation>Aufruf: usersync-cli directory users|groups [--json]
        usersync-cli directory set-password --directory postgresql://USER@HOST/DB --password-stdin
</translation>
    </message>
    <message>
        <source>Lists the directory&apos;s users.</source>
        <translation>Listet die Benutzer des Verzeichnisses auf.</translation>
    </message>
    <message>
        <source>Lists the directory&apos;s groups.</source>
        <translation>Listet die Gruppen des Verzeichnisses auf.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the file to write with --output FILE.</source>
        <translation>Geben Sie die zu schreibende Datei mit --output FILE an.</translation>
    </message>
    <message>
        <source>The report file must end in .csv or .json: %1</source>
        <translation>Die Berichtsdatei muss auf .csv oder .json enden: %1</translation>
    </message>
    <message>
        <source>The report cannot be written to %1: %2</source>
        <translation>Der Bericht kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>sync NAME --simulate|--full                Show, or apply, what a sync changes</source>
        <translation>sync NAME --simulate|--full                Änderungen einer Synchronisation anzeigen oder anwenden</translation>
    </message>
    <message>
        <source>history [NAME]                            List the recorded runs</source>
        <translation>history [NAME]                            Aufgezeichnete Läufe auflisten</translation>
    </message>
    <message>
        <source>report RUN                                The changes of one run, as CSV or JSON</source>
        <translation>report RUN                                Änderungen eines Laufs als CSV oder JSON ausgeben</translation>
    </message>
    <message>
        <source>migrate-preview NAME                      Which existing users a first sync links, creates or collides with</source>
        <translation>migrate-preview NAME                      Vorschau: welche Benutzer eine erste Synchronisation verknüpft, neu anlegt oder als Kollision meldet</translation>
    </message>
    <message>
        <source>Reads the connector&apos;s realm and compares it with the directory. --simulate shows every change and writes nothing but the run record; --full applies the changes in one transaction. Exit code 0 when done, 1 when it failed, 3 when it was refused for safety (deletion limit, another sync running).</source>
        <translation>Liest den Realm des Connectors und vergleicht ihn mit dem Verzeichnis. --simulate zeigt jede Änderung an und schreibt nur den Eintrag des Laufs; --full wendet die Änderungen in einer einzigen Transaktion an. Exit-Code 0 bei Erfolg, 1 bei einem Fehler, 3 bei Verweigerung aus Sicherheitsgründen (Löschgrenze, eine andere Synchronisation läuft).</translation>
    </message>
    <message>
        <source>Change nothing; show what a full sync would do.</source>
        <translation>Nichts ändern; anzeigen, was eine vollständige Synchronisation tun würde.</translation>
    </message>
    <message>
        <source>Apply the changes.</source>
        <translation>Änderungen anwenden.</translation>
    </message>
    <message>
        <source>Let this one full sync past the deletion limit. Review a simulation first.</source>
        <translation>Diese eine vollständige Synchronisation über die Löschgrenze hinaus zulassen. Prüfen Sie vorher eine Simulation.</translation>
    </message>
    <message>
        <source>Write every change to FILE (.csv or .json).</source>
        <translation>Jede Änderung in FILE schreiben (.csv oder .json).</translation>
    </message>
    <message>
        <source>Choose --simulate or --full.</source>
        <translation>Wählen Sie --simulate oder --full.</translation>
    </message>
    <message>
        <source>The report file must end in .csv or .json.</source>
        <translation>Die Berichtsdatei muss auf .csv oder .json enden.</translation>
    </message>
    <message>
        <source>Applied to “%1”:</source>
        <translation>Angewendet auf „%1“:</translation>
    </message>
    <message>
        <source>Simulated for “%1” (nothing changed):</source>
        <translation>Simuliert für „%1“ (nichts geändert):</translation>
    </message>
    <message>
        <source>  Users:       %1</source>
        <translation>  Benutzer:         %1</translation>
    </message>
    <message>
        <source>  Groups:      %1</source>
        <translation>  Gruppen:          %1</translation>
    </message>
    <message>
        <source>  Memberships: %1</source>
        <translation>  Mitgliedschaften: %1</translation>
    </message>
    <message>
        <source>  Deletion limit: %1</source>
        <translation>  Löschgrenze: %1</translation>
    </message>
    <message>
        <source>Run %1 recorded (%2).</source>
        <translation>Lauf %1 aufgezeichnet (%2).</translation>
    </message>
    <message>
        <source>Apply it with: usersync-cli sync &quot;%1&quot; --full</source>
        <translation>Übernehmen Sie die Änderungen mit: usersync-cli sync &quot;%1&quot; --full</translation>
    </message>
    <message>
        <source>Lists the recorded runs, newest first, of one connector or of all.</source>
        <translation>Listet die aufgezeichneten Läufe eines Connectors oder aller Connectors auf, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>Only this connector&apos;s runs.</source>
        <translation>Nur die Läufe dieses Connectors.</translation>
    </message>
    <message>
        <source>At most N runs (default 50).</source>
        <translation>Höchstens N Läufe (Standard: 50).</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe vorhanden.</translation>
    </message>
    <message>
        <source>users: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>Prints, or writes to a file, every change a recorded run made or would make (unchanged users are counted, not listed).</source>
        <translation>Gibt jede Änderung, die ein aufgezeichneter Lauf vorgenommen hat oder vornehmen würde, aus oder schreibt sie in eine Datei (unveränderte Benutzer werden gezählt, nicht aufgelistet).</translation>
    </message>
    <message>
        <source>The run&apos;s id, or the start of it as history shows it.</source>
        <translation>Die ID des Laufs oder ihr Anfang, wie history ihn anzeigt.</translation>
    </message>
    <message>
        <source>csv or json (default csv).</source>
        <translation>csv oder json (Standard: csv).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>In FILE statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Give exactly one RUN.</source>
        <translation>Geben Sie genau einen RUN an.</translation>
    </message>
    <message>
        <source>--format is csv or json.</source>
        <translation>--format muss csv oder json sein.</translation>
    </message>
    <message>
        <source>Reverts a full run from its recorded changes. With --simulate, shows what would be reverted and changes nothing. Changes that a later run or a person has since overwritten are left alone and reported.</source>
        <translation>Nimmt einen vollständigen Lauf anhand seiner aufgezeichneten Änderungen zurück. Mit --simulate wird nur angezeigt, was zurückgenommen würde, und nichts geändert. Änderungen, die seitdem von einem späteren Lauf oder einer Person überschrieben wurden, bleiben unangetastet und werden gemeldet.</translation>
    </message>
    <message>
        <source>The full run to revert: its id, or the start of it.</source>
        <translation>Der zurückzunehmende vollständige Lauf: seine ID oder deren Anfang.</translation>
    </message>
    <message>
        <source>Show the rollback; change nothing.</source>
        <translation>Rücknahme anzeigen; nichts ändern.</translation>
    </message>
    <message>
        <source>Write the rollback&apos;s changes to FILE (.csv or .json).</source>
        <translation>Änderungen der Rücknahme in FILE schreiben (.csv oder .json).</translation>
    </message>
    <message>
        <source>Rolling back run %1 would change (nothing changed yet):</source>
        <translation>Die Rücknahme von Lauf %1 würde Folgendes ändern (noch nichts geändert):</translation>
    </message>
    <message>
        <source>Rolled back run %1:</source>
        <translation>Lauf %1 zurückgenommen:</translation>
    </message>
    <message>
        <source>Run %1 recorded.</source>
        <translation>Lauf %1 aufgezeichnet.</translation>
    </message>
    <message>
        <source>Before a first sync: reads the realm and shows, for every Keycloak user, whether an existing local user will be linked (keeping its id and history), a new one created, or a collision needs a decision. Changes nothing.</source>
        <translation>Vor einer ersten Synchronisation: Liest den Realm und zeigt für jeden Keycloak-Benutzer, ob ein vorhandener lokaler Benutzer verknüpft wird (wobei seine ID und sein Verlauf erhalten bleiben), ein neuer angelegt wird oder eine Kollision eine Entscheidung erfordert. Ändert nichts.</translation>
    </message>
    <message>
        <source>%1 to link, %2 to create, %3 collisions.</source>
        <translation>%1 zu verknüpfen, %2 anzulegen, %3 Kollisionen.</translation>
    </message>
    <message>
        <source>Run a full sync on this schedule (a Quartz cron expression or crontab line; check it with usersync-cli cron).</source>
        <translation>Eine vollständige Synchronisation nach diesem Zeitplan ausführen (ein Quartz-Cron-Ausdruck oder eine crontab-Zeile; prüfen mit usersync-cli cron).</translation>
    </message>
    <message>
        <source>cron</source>
        <translation>cron</translation>
    </message>
    <message>
        <source>Run a full sync every day at 02:00 (the default schedule).</source>
        <translation>Jeden Tag um 02:00 eine vollständige Synchronisation ausführen (der Standard-Zeitplan).</translation>
    </message>
    <message>
        <source>Run only when started.</source>
        <translation>Nur ausführen, wenn gestartet.</translation>
    </message>
    <message>
        <source>The schedule&apos;s time zone, e.g. Europe/Berlin (default: the system&apos;s).</source>
        <translation>Die Zeitzone des Zeitplans, z. B. Europe/Berlin (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>zone</translation>
    </message>
    <message>
        <source>Do not run a scheduled sync missed while nothing was running.</source>
        <translation>Eine geplante Synchronisation, die verpasst wurde, während nichts lief, nicht nachholen.</translation>
    </message>
    <message>
        <source>cron EXPR                                 Describe a cron expression and list its next runs</source>
        <translation>cron EXPR                                 Einen Cron-Ausdruck beschreiben und seine nächsten Läufe auflisten</translation>
    </message>
    <message>
        <source>schedule run|due                          Run the scheduled syncs: as a service, or what is due now</source>
        <translation>schedule run|due                          Geplante Synchronisationen ausführen: als Dienst, oder was jetzt fällig ist</translation>
    </message>
    <message>
        <source>Checks a cron expression (Quartz syntax, or a classic crontab line) before it is saved: what it means, and when it runs next.</source>
        <translation>Prüft einen Cron-Ausdruck (Quartz-Syntax oder eine klassische crontab-Zeile), bevor er gespeichert wird: was er bedeutet und wann er als Nächstes läuft.</translation>
    </message>
    <message>
        <source>The expression, quoted, e.g. &apos;0 30 6 ? * MON-FRI&apos;.</source>
        <translation>Der Ausdruck, in Anführungszeichen, z. B. &apos;0 30 6 ? * MON-FRI&apos;.</translation>
    </message>
    <message>
        <source>How many runs to list (default 5).</source>
        <translation>Wie viele Läufe aufgelistet werden (Standard 5).</translation>
    </message>
    <message>
        <source>The time zone, e.g. Europe/Berlin (default: the system&apos;s).</source>
        <translation>Die Zeitzone, z. B. Europe/Berlin (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>Give the expression as one argument, in quotes.</source>
        <translation>Geben Sie den Ausdruck als ein Argument in Anführungszeichen an.</translation>
    </message>
    <message>
        <source>--count is a number from 1 to 1000.</source>
        <translation>--count ist eine Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>The time zone “%1” is not known. Use a name such as Europe/Berlin.</source>
        <translation>Die Zeitzone „%1“ ist unbekannt. Verwenden Sie einen Namen wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>It never runs: no date matches it.</source>
        <translation>Er läuft nie: Kein Datum passt zu ihm.</translation>
    </message>
    <message>
        <source>Usage: usersync-cli schedule run|due [options]

  run   stay running and start each connector&apos;s scheduled full sync when it is due
        (installed as a systemd user service: systemctl --user enable --now usersync-schedule)
  due   start what is due now, wait for it, and exit (for a crontab line that runs
        every few minutes)
</source>
        <translation>Aufruf: usersync-cli schedule run|due [Optionen]

  run   weiterlaufen und die geplante vollständige Synchronisation jedes Connectors starten, wenn sie fällig ist
        (als systemd-Benutzerdienst installiert: systemctl --user enable --now usersync-schedule)
  due   starten, was jetzt fällig ist, darauf warten und beenden (für eine crontab-Zeile, die alle
        paar Minuten läuft)
</translation>
    </message>
    <message>
        <source>Runs each connector&apos;s scheduled full sync when it is due, until stopped (SIGTERM or Ctrl+C).</source>
        <translation>Führt die geplante vollständige Synchronisation jedes Connectors aus, wenn sie fällig ist, bis zum Beenden (SIGTERM oder Strg+C).</translation>
    </message>
    <message>
        <source>Runs the scheduled full syncs that are due now, and exits.</source>
        <translation>Führt die jetzt fälligen geplanten vollständigen Synchronisationen aus und beendet sich.</translation>
    </message>
    <message>
        <source>Scheduled full sync of “%1” started.</source>
        <translation>Geplante vollständige Synchronisation von „%1“ gestartet.</translation>
    </message>
    <message>
        <source>“%1”: applied.</source>
        <translation>„%1“: angewendet.</translation>
    </message>
    <message>
        <source>“%1”: refused: %2</source>
        <translation>„%1“: abgelehnt: %2</translation>
    </message>
    <message>
        <source>“%1”: skipped: %2</source>
        <translation>„%1“: übersprungen: %2</translation>
    </message>
    <message>
        <source>“%1”: failed: %2</source>
        <translation>„%1“: fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Nichts ist fällig.</translation>
    </message>
    <message>
        <source>Cannot set up the stop signal handling.</source>
        <translation>Die Behandlung des Stoppsignals lässt sich nicht einrichten.</translation>
    </message>
    <message>
        <source>Stopping.</source>
        <translation>Wird beendet.</translation>
    </message>
    <message>
        <source>Waiting for scheduled runs.</source>
        <translation>Warte auf geplante Läufe.</translation>
    </message>
    <message>
        <source>No connector has a schedule yet; waiting for one.</source>
        <translation>Noch hat kein Connector einen Zeitplan; warte auf einen.</translation>
    </message>
    <message>
        <source>Run a scheduled sync missed while nothing was running once, at the next start (the default).</source>
        <translation>Eine geplante Synchronisation, die verpasst wurde, während nichts lief, beim nächsten Start einmal nachholen (Standard).</translation>
    </message>
    <message>
        <source>--no-schedule cannot go with --schedule or --schedule-daily.</source>
        <translation>--no-schedule kann nicht mit --schedule oder --schedule-daily zusammen angegeben werden.</translation>
    </message>
    <message>
        <source>--catch-up and --no-catch-up cannot go together.</source>
        <translation>--catch-up und --no-catch-up schließen einander aus.</translation>
    </message>
    <message>
        <source>--required-group needs a group name; use --no-required-groups to sync everyone.</source>
        <translation>--required-group braucht einen Gruppennamen; verwenden Sie --no-required-groups, um alle zu synchronisieren.</translation>
    </message>
    <message>
        <source>everyone (no restriction)</source>
        <translation>alle (keine Einschränkung)</translation>
    </message>
    <message>
        <source>Warning: an empty required group name matches no group. Set the groups again with --required-group NAME, or use --no-required-groups to sync everyone.</source>
        <translation>Warnung: Ein leerer Pflichtgruppenname passt auf keine Gruppe. Legen Sie die Gruppen mit --required-group NAME neu fest oder verwenden Sie --no-required-groups, um alle zu synchronisieren.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>groups: %1</source>
        <translation>Gruppen: %1</translation>
    </message>
    <message>
        <source>memberships: %1</source>
        <translation>Mitgliedschaften: %1</translation>
    </message>
    <message>
        <source>Simulation for “%1” failed (nothing changed):</source>
        <translation>Simulation für „%1“ fehlgeschlagen (nichts geändert):</translation>
    </message>
    <message>
        <source>Full sync of “%1” refused (nothing changed):</source>
        <translation>Vollständige Synchronisation von „%1“ abgelehnt (nichts geändert):</translation>
    </message>
    <message>
        <source>Full sync of “%1” cancelled (nothing changed):</source>
        <translation>Vollständige Synchronisation von „%1“ abgebrochen (nichts geändert):</translation>
    </message>
    <message>
        <source>Full sync of “%1” failed (nothing changed):</source>
        <translation>Vollständige Synchronisation von „%1“ fehlgeschlagen (nichts geändert):</translation>
    </message>
    <message>
        <source>rollback RUN [--simulate]                 Revert a full run (shown first with --simulate; past the deletion limit only with --allow-deletions)</source>
        <translation>rollback RUN [--simulate]                 Vollständigen Lauf zurücknehmen (vorher anzeigen mit --simulate; über die Löschgrenze hinaus nur mit --allow-deletions)</translation>
    </message>
    <message>
        <source>Re-run with --allow-deletions to allow it once.</source>
        <translation>Führen Sie den Befehl mit --allow-deletions erneut aus, um dies einmalig zu erlauben.</translation>
    </message>
    <message>
        <source>It passes the deletion limit. Once the removals are reviewed, apply it with: usersync-cli sync &quot;%1&quot; --full --allow-deletions</source>
        <translation>Dies überschreitet die Löschgrenze. Prüfen Sie zuerst die Entfernungen und übernehmen Sie die Änderungen dann mit: usersync-cli sync &quot;%1&quot; --full --allow-deletions</translation>
    </message>
    <message>
        <source>Let this one rollback past the deletion limit. Review it with --simulate first.</source>
        <translation>Diese eine Rücknahme über die Löschgrenze hinaus zulassen. Prüfen Sie sie vorher mit --simulate.</translation>
    </message>
    <message>
        <source>Delete the users the run added, instead of disabling them.</source>
        <translation>Die vom Lauf hinzugefügten Benutzer löschen, statt sie zu deaktivieren.</translation>
    </message>
    <message>
        <source>Disable the users the run added, even if the connector&apos;s cleanup deletes users.</source>
        <translation>Die vom Lauf hinzugefügten Benutzer deaktivieren, auch wenn der Connector ausscheidende Benutzer löscht.</translation>
    </message>
    <message>
        <source>Give --delete-added or --disable-added, not both.</source>
        <translation>Geben Sie --delete-added oder --disable-added an, nicht beides.</translation>
    </message>
    <message>
        <source>Rollback of run %1 refused (nothing changed):</source>
        <translation>Rücknahme von Lauf %1 abgelehnt (nichts geändert):</translation>
    </message>
    <message>
        <source>Deletion limit: %1</source>
        <translation>Löschgrenze: %1</translation>
    </message>
    <message>
        <source>Keycloak’s name</source>
        <translation>Name aus Keycloak</translation>
    </message>
    <message>
        <source>Nothing left to migrate: every user “%1” reads from Keycloak is linked already.</source>
        <translation>Nichts mehr zu migrieren: Jeder Benutzer, den „%1“ aus Keycloak liest, ist bereits verknüpft.</translation>
    </message>
    <message>
        <source>The users that run added would be deleted.</source>
        <translation>Die Benutzer, die jener Lauf hinzugefügt hat, würden gelöscht.</translation>
    </message>
    <message>
        <source>The users that run added would be disabled, not deleted.</source>
        <translation>Die Benutzer, die jener Lauf hinzugefügt hat, würden deaktiviert, nicht gelöscht.</translation>
    </message>
    <message>
        <source>Once reviewed, apply it with: %1</source>
        <translation>Nach der Prüfung anwenden mit: %1</translation>
    </message>
    <message>
        <source>Apply it with: %1</source>
        <translation>Anwenden mit: %1</translation>
    </message>
    <message>
        <source>Usage: usersync-cli COMMAND [options]
Runs UserSync&apos;s jobs without a window, for cron, systemd and scripts.

Commands:
  %1
  %2
  %3
  %4
  %5
  %6

Every command takes --help, and --directory to choose the user directory (a SQLite file or
postgresql://user@host/database); commands that report take --json.
Exit codes: 0 success, 1 failed, 2 wrong usage, 3 refused for safety.
</source>
        <translation>Aufruf: usersync-cli COMMAND [Optionen]
Führt die Aufgaben von UserSync ohne Fenster aus, für cron, systemd und Skripte.

Befehle:
  %1
  %2
  %3
  %4
  %5
  %6

Jeder Befehl akzeptiert --help sowie --directory zur Wahl des Benutzerverzeichnisses (eine SQLite-Datei
oder postgresql://user@host/database); Befehle mit Ergebnisausgabe akzeptieren --json.
Exit-Codes: 0 Erfolg, 1 fehlgeschlagen, 2 falscher Aufruf, 3 aus Sicherheitsgründen verweigert.
</translation>
    </message>
    <message>
        <source>The application to synchronize into (see usersync-cli target list), or “directory” for the directory itself (the default).</source>
        <translation>Die Anwendung, in die synchronisiert wird (siehe usersync-cli target list), oder „directory“ für das Verzeichnis selbst (Standard).</translation>
    </message>
    <message>
        <source>Applied to “%1”, with errors:</source>
        <translation>Angewendet auf „%1“, mit Fehlern:</translation>
    </message>
    <message>
        <source>Full sync of “%1” cancelled (the history shows what was changed):</source>
        <translation>Vollständige Synchronisation von „%1“ abgebrochen (der Verlauf zeigt, was geändert wurde):</translation>
    </message>
    <message>
        <source>Full sync of “%1” stopped (the history shows what was changed):</source>
        <translation>Vollständige Synchronisation von „%1“ angehalten (der Verlauf zeigt, was geändert wurde):</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Sign in with a personal access token from the environment variable NAME.</source>
        <translation>Mit einem persönlichen Zugriffstoken aus der Umgebungsvariable NAME anmelden.</translation>
    </message>
    <message>
        <source>Sign in with this username and a password (HTTP Basic).</source>
        <translation>Mit diesem Benutzernamen und einem Passwort anmelden (HTTP Basic).</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Retries after a server error, a timeout or HTTP 429 (default 4).</source>
        <translation>Wiederholungen nach einem Serverfehler, einem Überschreiten des Zeitlimits oder HTTP 429 (Standard: 4).</translation>
    </message>
    <message>
        <source>Personal access token: </source>
        <translation>Persönliches Zugriffstoken: </translation>
    </message>
    <message>
        <source>The application&apos;s name or id.</source>
        <translation>Name oder ID der Anwendung.</translation>
    </message>
    <message>
        <source>Give exactly one application NAME.</source>
        <translation>Geben Sie genau einen NAME einer Anwendung an.</translation>
    </message>
    <message>
        <source>target add|edit|list|show|remove|test      Manage the applications connectors synchronize into</source>
        <translation>target add|edit|list|show|remove|test      Anwendungen verwalten, in die Connectors synchronisieren</translation>
    </message>
    <message>
        <source>Stores an application to synchronize into. The token or password goes to the system keychain; it is never accepted as an argument.</source>
        <translation>Speichert eine Anwendung, in die synchronisiert werden kann. Das Token oder Passwort wird im Schlüsselbund des Systems abgelegt; es wird nie als Argument angenommen.</translation>
    </message>
    <message>
        <source>A name for the application, e.g. “Jira”.</source>
        <translation>Ein Name für die Anwendung, z. B. „Jira“.</translation>
    </message>
    <message>
        <source>Application “%1” added; its credential is in the system keychain.
Test it with: usersync-cli target test &quot;%1&quot;
Then let a connector synchronize into it: usersync-cli connector edit CONNECTOR --target &quot;%1&quot;
</source>
        <translation>Anwendung „%1“ hinzugefügt; ihre Zugangsdaten liegen im Schlüsselbund des Systems.
Testen Sie sie mit: usersync-cli target test &quot;%1&quot;
Lassen Sie dann einen Connector in sie synchronisieren: usersync-cli connector edit CONNECTOR --target &quot;%1&quot;
</translation>
    </message>
    <message>
        <source>Changes an application&apos;s settings, or its credential. Options not given keep their value.</source>
        <translation>Ändert die Einstellungen einer Anwendung oder ihre Zugangsdaten. Nicht angegebene Optionen behalten ihren Wert.</translation>
    </message>
    <message>
        <source>Signing in with a username needs its password: add --password-stdin or --password-env NAME.</source>
        <translation>Für die Anmeldung mit einem Benutzernamen wird dessen Passwort benötigt: Geben Sie --password-stdin oder --password-env NAME an.</translation>
    </message>
    <message>
        <source>Signing in with a token needs the token: add --token-stdin or --token-env NAME.</source>
        <translation>Für die Anmeldung mit einem Token wird das Token benötigt: Geben Sie --token-stdin oder --token-env NAME an.</translation>
    </message>
    <message>
        <source>Application “%1” saved.</source>
        <translation>Anwendung „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Lists the applications connectors can synchronize into.</source>
        <translation>Listet die Anwendungen auf, in die Connectors synchronisieren können.</translation>
    </message>
    <message>
        <source>No applications yet: connectors synchronize into the directory itself. Add one with: usersync-cli target add NAME --type jira --url URL --token-stdin</source>
        <translation>Noch keine Anwendungen vorhanden: Connectors synchronisieren in das Verzeichnis selbst. Fügen Sie eine hinzu mit: usersync-cli target add NAME --type jira --url URL --token-stdin</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Signs in with</source>
        <translation>Anmeldung mit</translation>
    </message>
    <message>
        <source>a token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Shows an application&apos;s settings and whether its credential is stored.</source>
        <translation>Zeigt die Einstellungen einer Anwendung und ob ihre Zugangsdaten gespeichert sind.</translation>
    </message>
    <message>
        <source>Type:              %1</source>
        <translation>Typ:                     %1</translation>
    </message>
    <message>
        <source>Signs in with:     %1</source>
        <translation>Anmeldung mit:           %1</translation>
    </message>
    <message>
        <source>username %1 and password</source>
        <translation>Benutzername %1 und Passwort</translation>
    </message>
    <message>
        <source>a personal access token</source>
        <translation>persönliches Zugriffstoken</translation>
    </message>
    <message>
        <source>Credential:        %1</source>
        <translation>Zugangsdaten:            %1</translation>
    </message>
    <message>
        <source>Removes an application, its credential and the links the directory keeps for it. Nothing in the application itself is changed.</source>
        <translation>Entfernt eine Anwendung, ihre Zugangsdaten und die Verknüpfungen, die das Verzeichnis für sie speichert. In der Anwendung selbst wird nichts geändert.</translation>
    </message>
    <message>
        <source>Application “%1” removed.</source>
        <translation>Anwendung „%1“ entfernt.</translation>
    </message>
    <message>
        <source>Its credential could not be removed from the system keychain: %1</source>
        <translation>Ihre Zugangsdaten konnten nicht aus dem Schlüsselbund des Systems entfernt werden: %1</translation>
    </message>
    <message>
        <source>Tests the connection: reaches the application, signs in, checks the rights a sync needs and counts users and groups. Exit code 0 when everything works, 1 when not.</source>
        <translation>Testet die Verbindung: erreicht die Anwendung, meldet sich an, prüft die für eine Synchronisation nötigen Rechte und zählt Benutzer und Gruppen. Exit-Code 0, wenn alles funktioniert, sonst 1.</translation>
    </message>
    <message>
        <source>✓ %1 %2 answers at %3</source>
        <translation>✓ %1 %2 antwortet unter %3</translation>
    </message>
    <message>
        <source>✓ Signed in as %1 (%2)</source>
        <translation>✓ Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>system administrator</source>
        <translation>Systemadministrator</translation>
    </message>
    <message>
        <source>Jira administrator</source>
        <translation>Jira-Administrator</translation>
    </message>
    <message>
        <source>! %1</source>
        <translation>! %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>✓ Users: %1 (read with %2)</source>
        <translation>✓ Benutzer: %1 (gelesen mit %2)</translation>
    </message>
    <message>
        <source>✓ Groups: %1</source>
        <translation>✓ Gruppen: %1</translation>
    </message>
    <message>
        <source>the directory itself</source>
        <translation>das Verzeichnis selbst</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>an application that no longer exists; choose another with --target</source>
        <translation>eine Anwendung, die es nicht mehr gibt; wählen Sie mit --target eine andere</translation>
    </message>
    <message>
        <source>Synchronizes into: %1</source>
        <translation>Synchronisiert in:       %1</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Access groups:     %1</source>
        <translation>Zugriffsgruppen:         %1</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more.</source>
        <translation>
            <numerusform>  … und %n weitere.</numerusform>
            <numerusform>  … und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every change and its outcome: usersync-cli report %1</source>
        <translation>Jede Änderung und ihr Ergebnis: usersync-cli report %1</translation>
    </message>
    <message>
        <source>Bitbucket: sign in with OAuth 2.0 through the incoming application link with this client ID; its client secret comes from --client-secret-stdin or --client-secret-env. Authorize it afterwards with “usersync-cli target authorize NAME”.</source>
        <translation>Bitbucket: Mit OAuth 2.0 über den eingehenden Anwendungslink mit dieser Client-ID anmelden; das zugehörige Client-Secret kommt aus --client-secret-stdin oder --client-secret-env. Autorisieren Sie UserSync anschließend mit „usersync-cli target authorize NAME“.</translation>
    </message>
    <message>
        <source>With --oauth-client-id: read the client secret from the first line of standard input.</source>
        <translation>Mit --oauth-client-id: Client-Secret aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>With --oauth-client-id: read the client secret from the environment variable NAME.</source>
        <translation>Mit --oauth-client-id: Client-Secret aus der Umgebungsvariable NAME lesen.</translation>
    </message>
    <message>
        <source>With --oauth-client-id: the incoming link&apos;s redirect URL, a loopback address where UserSync listens while you authorize it (default %1).</source>
        <translation>Mit --oauth-client-id: die Redirect-URL des eingehenden Links, eine Loopback-Adresse, an der UserSync lauscht, während Sie es autorisieren (Standard %1).</translation>
    </message>
    <message>
        <source>Sign in one way only: with a token (--token-stdin, --token-env), with --username and a password, or with --oauth-client-id and its client secret.</source>
        <translation>Melden Sie sich nur auf eine Art an: mit einem Token (--token-stdin, --token-env), mit --username und einem Passwort oder mit --oauth-client-id und dem zugehörigen Client-Secret.</translation>
    </message>
    <message>
        <source>A client secret and a redirect URL go with --oauth-client-id ID.</source>
        <translation>Ein Client-Secret und eine Redirect-URL setzen --oauth-client-id ID voraus.</translation>
    </message>
    <message>
        <source>OAuth 2.0, client ID %1</source>
        <translation>OAuth 2.0, Client-ID %1</translation>
    </message>
    <message>
        <source>Usage: usersync-cli target add|edit|list|show|remove|test|authorize [options]

  add NAME      store an application to synchronize into (its token or password goes to the
                system keychain)
  edit NAME     change an application&apos;s settings or credential
  list          list the applications
  show NAME     show one application&apos;s settings
  remove NAME   remove an application, its credential and its links
  test NAME     test the connection and the rights a sync needs
  authorize NAME  (OAuth 2.0) let an administrator allow UserSync in the browser

A connector synchronizes into one: usersync-cli connector edit NAME --target APPLICATION.
Run “usersync-cli target ACTION --help” for an action&apos;s options.
</source>
        <translation>Aufruf: usersync-cli target add|edit|list|show|remove|test|authorize [Optionen]

  add NAME      Anwendung speichern, in die synchronisiert wird (ihr Token oder Passwort kommt
                in den Schlüsselbund des Systems)
  edit NAME     Einstellungen oder Zugangsdaten einer Anwendung ändern
  list          Anwendungen auflisten
  show NAME     Einstellungen einer Anwendung anzeigen
  remove NAME   Anwendung, ihre Zugangsdaten und ihre Verknüpfungen entfernen
  test NAME     Verbindung und die für eine Synchronisation nötigen Rechte testen
  authorize NAME  (OAuth 2.0) UserSync im Browser von einem Administrator freigeben lassen

Ein Connector synchronisiert in eine davon: usersync-cli connector edit NAME --target APPLICATION.
Die Optionen einer Aktion zeigt „usersync-cli target ACTION --help“ an.
</translation>
    </message>
    <message>
        <source>Authorize UserSync in Bitbucket next: usersync-cli target authorize &quot;%1&quot;</source>
        <translation>Autorisieren Sie UserSync als Nächstes in Bitbucket: usersync-cli target authorize &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Signing in with OAuth 2.0 needs the client secret: add --client-secret-stdin or --client-secret-env NAME.</source>
        <translation>Für die Anmeldung mit OAuth 2.0 wird das Client-Secret benötigt: Geben Sie --client-secret-stdin oder --client-secret-env NAME an.</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>Redirect URL:      %1</source>
        <translation>Redirect-URL:            %1</translation>
    </message>
    <message>
        <source>Authorization:     %1</source>
        <translation>Autorisierung:           %1</translation>
    </message>
    <message>
        <source>none yet: usersync-cli target authorize &quot;%1&quot;</source>
        <translation>noch keine: usersync-cli target authorize &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Authorizes UserSync in Bitbucket through OAuth 2.0: prints an address to open in a browser on this machine, where a Bitbucket administrator signs in and allows access, then stores the authorization in the system keychain. From another machine, forward the redirect URL&apos;s port first (ssh -L 8765:127.0.0.1:8765 HOST).</source>
        <translation>Autorisiert UserSync über OAuth 2.0 in Bitbucket: Gibt eine Adresse aus, die in einem Browser auf diesem Rechner zu öffnen ist, wo sich ein Bitbucket-Administrator anmeldet und den Zugriff erlaubt, und speichert die Autorisierung dann im Schlüsselbund des Systems. Leiten Sie von einem anderen Rechner aus zuerst den Port der Redirect-URL weiter (ssh -L 8765:127.0.0.1:8765 HOST).</translation>
    </message>
    <message>
        <source>Seconds to wait for the browser (default 600).</source>
        <translation>Wie viele Sekunden auf den Browser gewartet wird (Standard 600).</translation>
    </message>
    <message>
        <source>“%1” signs in with %2, which needs no authorization. To use OAuth 2.0: usersync-cli target edit &quot;%1&quot; --oauth-client-id ID --client-secret-stdin</source>
        <translation>„%1“ meldet sich mit %2 an, was keine Autorisierung erfordert. Um OAuth 2.0 zu verwenden: usersync-cli target edit &quot;%1&quot; --oauth-client-id ID --client-secret-stdin</translation>
    </message>
    <message>
        <source>--wait takes a number of seconds.</source>
        <translation>--wait erwartet eine Anzahl von Sekunden.</translation>
    </message>
    <message>
        <source>Open this address in a browser on this machine, sign in to Bitbucket as an administrator and allow UserSync access:</source>
        <translation>Öffnen Sie diese Adresse in einem Browser auf diesem Rechner, melden Sie sich als Administrator bei Bitbucket an, und erlauben Sie UserSync den Zugriff:</translation>
    </message>
    <message numerus="yes">
        <source>Waiting up to %n second(s) for the browser… (Ctrl+C stops)</source>
        <translation>
            <numerusform>Es wird bis zu %n Sekunde auf den Browser gewartet … (Strg+C bricht ab)</numerusform>
            <numerusform>Es wird bis zu %n Sekunden auf den Browser gewartet … (Strg+C bricht ab)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer came from the browser within %n second(s); nothing was stored. Run the command again when you are ready to sign in.</source>
        <translation>
            <numerusform>Innerhalb von %n Sekunde kam keine Antwort vom Browser; es wurde nichts gespeichert. Führen Sie den Befehl erneut aus, sobald Sie bereit sind, sich anzumelden.</numerusform>
            <numerusform>Innerhalb von %n Sekunden kam keine Antwort vom Browser; es wurde nichts gespeichert. Führen Sie den Befehl erneut aus, sobald Sie bereit sind, sich anzumelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>UserSync is authorized in %1; the authorization is in the system keychain and renews itself with every run.
Test it with: usersync-cli target test &quot;%2&quot;</source>
        <translation>UserSync ist in %1 autorisiert; die Autorisierung liegt im Schlüsselbund des Systems und erneuert sich bei jedem Lauf.
Testen Sie die Anwendung mit: usersync-cli target test &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Sign in with a personal access token (SCIM: the bearer token), read from the first line of standard input.</source>
        <translation>Mit einem persönlichen Zugriffstoken anmelden (SCIM: dem Bearer-Token), gelesen aus der ersten Zeile der Standardeingabe.</translation>
    </message>
    <message>
        <source>Bearer token: </source>
        <translation>Bearer-Token: </translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>✓ A %1 service answers at %2, and accepted the token</source>
        <translation>✓ Ein %1-Dienst antwortet unter %2 und hat das Token angenommen</translation>
    </message>
    <message>
        <source>✓ Supports: %1</source>
        <translation>✓ Unterstützt: %1</translation>
    </message>
    <message>
        <source>The application: jira, confluence or bitbucket (the Data Center products), scim (any SCIM 2.0 service), or ldap (an LDAP directory the Data Center products read).</source>
        <translation>Die Anwendung: jira, confluence oder bitbucket (die Data-Center-Produkte), scim (ein beliebiger SCIM-2.0-Dienst) oder ldap (ein LDAP-Verzeichnis, das die Data-Center-Produkte lesen).</translation>
    </message>
    <message>
        <source>The address people open the application with, e.g. https://jira.example.com or https://confluence.example.com; for SCIM, the service&apos;s base URL (https://api.example.com/scim/v2); for LDAP, ldaps://ldap.example.com or ldap://ldap.example.com (always upgraded with StartTLS).</source>
        <translation>Die Adresse, unter der man die Anwendung öffnet, z. B. https://jira.example.com oder https://confluence.example.com; bei SCIM die Basis-URL des Dienstes (https://api.example.com/scim/v2); bei LDAP ldaps://ldap.example.com oder ldap://ldap.example.com (immer per StartTLS verschlüsselt).</translation>
    </message>
    <message>
        <source>LDAP: bind with this DN and a password (cn=usersync,ou=services,dc=example,dc=com).</source>
        <translation>LDAP: Bind mit diesem DN und einem Passwort ausführen (cn=usersync,ou=services,dc=example,dc=com).</translation>
    </message>
    <message>
        <source>dn</source>
        <translation>DN</translation>
    </message>
    <message>
        <source>LDAP: the base DN of the users (ou=people,dc=example,dc=com).</source>
        <translation>LDAP: der Basis-DN der Benutzer (ou=people,dc=example,dc=com).</translation>
    </message>
    <message>
        <source>LDAP: the base DN of the groups (ou=groups,dc=example,dc=com).</source>
        <translation>LDAP: der Basis-DN der Gruppen (ou=groups,dc=example,dc=com).</translation>
    </message>
    <message>
        <source>LDAP: one more setting as NAME=VALUE, repeatable; the names: %1. The defaults are Atlassian&apos;s OpenLDAP preset (inetOrgPerson named by uid, groupOfUniqueNames, uniqueMember).</source>
        <translation>LDAP: eine weitere Einstellung als NAME=VALUE, wiederholbar; die Namen: %1. Die Standardwerte entsprechen der OpenLDAP-Vorgabe von Atlassian (inetOrgPerson, benannt nach uid, groupOfUniqueNames, uniqueMember).</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>name=wert</translation>
    </message>
    <message>
        <source>With --username or --bind-dn: read the password from the first line of standard input.</source>
        <translation>Mit --username oder --bind-dn: Passwort aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>With --username or --bind-dn: read the password from the environment variable NAME.</source>
        <translation>Mit --username oder --bind-dn: Passwort aus der Umgebungsvariable NAME lesen.</translation>
    </message>
    <message>
        <source>Bitbucket and LDAP: the groups that grant access, comma-separated (default stash-users; LDAP: atlassian-users). Neither can disable users: UserSync takes disabled users out of these.</source>
        <translation>Bitbucket und LDAP: die Gruppen, die Zugang gewähren, durch Kommas getrennt (Standard stash-users; LDAP: atlassian-users). Keines von beiden kann Benutzer deaktivieren: UserSync entfernt deaktivierte Benutzer aus diesen Gruppen.</translation>
    </message>
    <message>
        <source>Give --bind-dn for an LDAP directory, --username for the others: not both.</source>
        <translation>Geben Sie --bind-dn für ein LDAP-Verzeichnis an, --username für die anderen Anwendungen: nicht beides.</translation>
    </message>
    <message>
        <source>A password goes with --username USER (LDAP: --bind-dn DN).</source>
        <translation>Ein Passwort setzt --username USER voraus (LDAP: --bind-dn DN).</translation>
    </message>
    <message>
        <source>“%1” is not an LDAP setting as NAME=VALUE; the names: %2.</source>
        <translation>„%1“ ist keine LDAP-Einstellung der Form NAME=VALUE; die Namen: %2.</translation>
    </message>
    <message>
        <source>bind DN %1 and password</source>
        <translation>Bind-DN %1 und Passwort</translation>
    </message>
    <message>
        <source>Say how UserSync signs in: --token-stdin or --token-env NAME (a personal access token), --username USER with --password-stdin or --password-env NAME, (Bitbucket) --oauth-client-id ID with --client-secret-stdin or --client-secret-env NAME, or (LDAP) --bind-dn DN with a password.</source>
        <translation>Geben Sie an, wie sich UserSync anmeldet: --token-stdin oder --token-env NAME (ein persönliches Zugriffstoken), --username USER mit --password-stdin oder --password-env NAME, (Bitbucket) --oauth-client-id ID mit --client-secret-stdin oder --client-secret-env NAME oder (LDAP) --bind-dn DN mit einem Passwort.</translation>
    </message>
    <message>
        <source>Users below:       %1</source>
        <translation>Benutzer unterhalb:      %1</translation>
    </message>
    <message>
        <source>Groups below:      %1</source>
        <translation>Gruppen unterhalb:       %1</translation>
    </message>
    <message>
        <source>Written as:        %1 (%2), %3 (%4)</source>
        <translation>Geschrieben als:         %1 (%2), %3 (%4)</translation>
    </message>
    <message>
        <source>Placeholder:       %1</source>
        <translation>Platzhalter:             %1</translation>
    </message>
    <message>
        <source>Operations at once: %1</source>
        <translation>Gleichzeitige Operationen: %1</translation>
    </message>
    <message>
        <source>Timeout:           %1 s</source>
        <translation>Zeitlimit:               %1 s</translation>
    </message>
    <message>
        <source>✓ The LDAP server at %1 answers over TLS, its certificate verified</source>
        <translation>✓ Der LDAP-Server unter %1 antwortet über TLS, sein Zertifikat wurde geprüft</translation>
    </message>
    <message>
        <source>✓ Bound as %1, which may add and delete users and groups below the base DNs</source>
        <translation>✓ Bind als %1 erfolgreich; dieser DN darf unterhalb der Basis-DNs Benutzer und Gruppen anlegen und löschen</translation>
    </message>
</context>
<context>
    <name>ConfluenceConnectionTest</name>
    <message>
        <source>The address starts with http://: the token or password travels unencrypted. Use Confluence&apos;s https:// address.</source>
        <translation>Die Adresse beginnt mit http://: Das Token oder Passwort wird unverschlüsselt übertragen. Verwenden Sie die https://-Adresse von Confluence.</translation>
    </message>
    <message>
        <source>Reaching Confluence</source>
        <translation>Confluence wird erreicht</translation>
    </message>
    <message>
        <source>Confluence %1 is older than 9.0. The call that changes a user&apos;s e-mail address and full name (PUT /rest/api/admin/user/{username}) is documented from Confluence 9 on; on %1 it is unverified. UserSync tries it and reports every refusal; everything else a sync does works on this version.</source>
        <translation>Confluence %1 ist älter als 9.0. Der Aufruf, der die E-Mail-Adresse und den vollständigen Namen eines Benutzers ändert (PUT /rest/api/admin/user/{username}), ist ab Confluence 9 dokumentiert; unter %1 ist er nicht überprüft. UserSync versucht ihn und meldet jede Ablehnung; alles andere, was eine Synchronisierung tut, funktioniert mit dieser Version.</translation>
    </message>
    <message>
        <source>Confluence %1 lists a group&apos;s members only by a name in the address, so a group whose name contains a / cannot be read (Confluence 10.2 and later can).</source>
        <translation>Confluence %1 listet die Mitglieder einer Gruppe nur über einen Namen in der Adresse auf, daher kann eine Gruppe, deren Name einen / enthält, nicht gelesen werden (Confluence 10.2 und neuer kann das).</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>sich anzumelden</translation>
    </message>
    <message>
        <source>Checking permissions</source>
        <translation>Berechtigungen werden geprüft</translation>
    </message>
    <message>
        <source>read its own permissions</source>
        <translation>die eigenen Berechtigungen zu lesen</translation>
    </message>
    <message>
        <source>Counting users</source>
        <translation>Benutzer werden gezählt</translation>
    </message>
    <message>
        <source>Counting groups</source>
        <translation>Gruppen werden gezählt</translation>
    </message>
</context>
<context>
    <name>ConfluenceReader</name>
    <message>
        <source>read its server information</source>
        <translation>die Serverinformationen zu lesen</translation>
    </message>
    <message>
        <source>Confluence %1 has no REST calls to list and create users; they came with Confluence 8.4. Upgrade Confluence, or feed it through LDAP instead.</source>
        <translation>Confluence %1 hat keine REST-Aufrufe zum Auflisten und Anlegen von Benutzern; diese kamen mit Confluence 8.4. Aktualisieren Sie Confluence, oder versorgen Sie es stattdessen über LDAP.</translation>
    </message>
    <message>
        <source>Reading Confluence users</source>
        <translation>Confluence-Benutzer werden gelesen</translation>
    </message>
    <message>
        <source>list the users</source>
        <translation>die Benutzer aufzulisten</translation>
    </message>
    <message>
        <source>a user list</source>
        <translation>Benutzerliste</translation>
    </message>
    <message>
        <source>a user without a key or a name</source>
        <translation>Benutzer ohne Schlüssel oder Namen</translation>
    </message>
    <message>
        <source>a user list without each user&apos;s status</source>
        <translation>Benutzerliste ohne den Status der einzelnen Benutzer</translation>
    </message>
    <message>
        <source>an empty user page that is not the last</source>
        <translation>leere Benutzerseite, die nicht die letzte ist</translation>
    </message>
    <message>
        <source>Reading Confluence groups</source>
        <translation>Confluence-Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>list the groups</source>
        <translation>die Gruppen aufzulisten</translation>
    </message>
    <message>
        <source>a group list</source>
        <translation>Gruppenliste</translation>
    </message>
    <message>
        <source>an empty group page that is not the last</source>
        <translation>leere Gruppenseite, die nicht die letzte ist</translation>
    </message>
    <message>
        <source>Reading Confluence group members</source>
        <translation>Mitglieder der Confluence-Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>Confluence %1 cannot list the members of “%2”, whose name contains a /; Confluence 10.2 and later can</source>
        <translation>Confluence %1 kann die Mitglieder von „%2“ nicht auflisten, da der Name einen / enthält; Confluence 10.2 und neuer kann das</translation>
    </message>
    <message>
        <source>read the members of “%1”</source>
        <translation>die Mitglieder von „%1“ zu lesen</translation>
    </message>
    <message>
        <source>a member list</source>
        <translation>Mitgliederliste</translation>
    </message>
    <message>
        <source>an empty member page of “%1” that is not the last</source>
        <translation>leere Mitgliederseite von „%1“, die nicht die letzte ist</translation>
    </message>
</context>
<context>
    <name>ConfluenceTarget</name>
    <message>
        <source>Confluence administration → Users → the user → Edit Details</source>
        <translation>Confluence administration → Users → der Benutzer → Edit Details</translation>
    </message>
</context>
<context>
    <name>ConfluenceWriter</name>
    <message>
        <source>Confluence has no licence left for another user (HTTP 402%1). Free one by disabling users who left, or raise the licence&apos;s user tier; the next sync creates the user.</source>
        <translation>Confluence hat keine Lizenz mehr für einen weiteren Benutzer (HTTP 402%1). Geben Sie eine frei, indem Sie ausgeschiedene Benutzer deaktivieren, oder erhöhen Sie die Benutzerstufe der Lizenz; die nächste Synchronisierung legt den Benutzer an.</translation>
    </message>
    <message>
        <source>Confluence&apos;s deletion of the user had not finished after %1 minutes. It may still finish; the next sync reads Confluence again and deletes the user if it is still there.</source>
        <translation>Das Löschen des Benutzers in Confluence war nach %1 Minuten nicht abgeschlossen. Es wird möglicherweise noch abgeschlossen; die nächste Synchronisierung liest Confluence erneut und löscht den Benutzer, falls er noch vorhanden ist.</translation>
    </message>
    <message>
        <source>Confluence&apos;s task deleting the user failed%1; the user is still there.</source>
        <translation>Die Confluence-Aufgabe zum Löschen des Benutzers ist fehlgeschlagen%1; der Benutzer ist noch vorhanden.</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Keycloak &amp;URL:</source>
        <translation>Keycloak-&amp;URL:</translation>
    </message>
    <message>
        <source>Keycloak URL</source>
        <translation>Keycloak-URL</translation>
    </message>
    <message>
        <source>&amp;Realm:</source>
        <translation>&amp;Realm:</translation>
    </message>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Anzei&amp;gen</translation>
    </message>
    <message>
        <source>Show or hide the client secret.</source>
        <translation>Client-Secret anzeigen oder verbergen.</translation>
    </message>
    <message>
        <source>Show client secret</source>
        <translation>Client-Secret anzeigen</translation>
    </message>
    <message>
        <source>From the Credentials tab of the client in the Keycloak admin console. It is kept in the system keychain only.</source>
        <translation>Aus der Registerkarte Credentials des Clients in der Keycloak-Administrationskonsole. Es wird ausschließlich im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Save and &amp;Test Connection</source>
        <translation>Speichern und Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Save the connector, then check that UserSync can sign in and read users and groups.</source>
        <translation>Den Connector speichern und dann prüfen, ob sich UserSync anmelden und Benutzer und Gruppen lesen kann.</translation>
    </message>
    <message>
        <source>Cancel Test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Where the Keycloak realm is and how UserSync signs in to it. Save and Test Connection checks everything before the first sync.</source>
        <translation>Wo sich der Keycloak-Realm befindet und wie sich UserSync dort anmeldet. „Speichern und Verbindung testen“ prüft alles vor der ersten Synchronisation.</translation>
    </message>
    <message>
        <source>Show &amp;Advanced Settings</source>
        <translation>Erweiterte E&amp;instellungen anzeigen</translation>
    </message>
    <message>
        <source>Unchanged: kept in the system keychain</source>
        <translation>Unverändert: im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Keycloak answers at %1 (%2).</source>
        <translation>Keycloak antwortet unter %1 (%2).</translation>
    </message>
    <message>
        <source>with /auth</source>
        <translation>mit /auth</translation>
    </message>
    <message>
        <source>without /auth</source>
        <translation>ohne /auth</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>The test ended without a result.</source>
        <translation>Der Test wurde ohne Ergebnis beendet.</translation>
    </message>
    <message>
        <source>The connection failed. The connector is saved; correct it and test again.</source>
        <translation>Die Verbindung ist fehlgeschlagen. Der Connector ist gespeichert; korrigieren Sie ihn und testen Sie erneut.</translation>
    </message>
    <message>
        <source>e.g. Corporate SSO</source>
        <translation>z. B. Firmen-SSO</translation>
    </message>
    <message>
        <source>e.g. https://sso.example.com</source>
        <translation>z. B. https://sso.example.com</translation>
    </message>
    <message>
        <source>The server address without the realm; https:// is assumed. With or without /auth: both forms work, and the test says which one answered.</source>
        <translation>Die Serveradresse ohne den Realm; ohne Angabe gilt https://. Mit oder ohne /auth: Beide Formen funktionieren, und der Test zeigt, welche geantwortet hat.</translation>
    </message>
    <message>
        <source>e.g. company</source>
        <translation>z. B. firma</translation>
    </message>
    <message>
        <source>e.g. usersync</source>
        <translation>z. B. usersync</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Test cancelled. The connector is saved.</source>
        <translation>Test abgebrochen. Der Connector ist gespeichert.</translation>
    </message>
    <message>
        <source>Keycloak found</source>
        <translation>Keycloak gefunden</translation>
    </message>
    <message>
        <source>Realm “%1” found</source>
        <translation>Realm „%1“ gefunden</translation>
    </message>
    <message>
        <source>Signed in as client “%1”</source>
        <translation>Als Client „%1“ angemeldet</translation>
    </message>
    <message>
        <source>Users readable: %L1</source>
        <translation>Benutzer lesbar: %L1</translation>
    </message>
    <message>
        <source>Users readable</source>
        <translation>Benutzer lesbar</translation>
    </message>
    <message>
        <source>Groups readable: %L1, of which %L2 at the top level</source>
        <translation>Gruppen lesbar: %L1, davon %L2 auf oberster Ebene</translation>
    </message>
    <message>
        <source>Groups readable</source>
        <translation>Gruppen lesbar</translation>
    </message>
    <message>
        <source>Connection OK. The connector is saved; press Enter to save and return.</source>
        <translation>Verbindung OK. Der Connector ist gespeichert; drücken Sie die Eingabetaste, um zu speichern und zu schließen.</translation>
    </message>
    <message>
        <source>Synchroni&amp;ze into:</source>
        <translation>Zie&amp;l der Synchronisation:</translation>
    </message>
    <message>
        <source>Synchronize into</source>
        <translation>Ziel der Synchronisation</translation>
    </message>
    <message>
        <source>UserSync&apos;s own directory, or an application added under Applications in the main window (such as Jira). The application&apos;s current users are matched before the first sync.</source>
        <translation>Das eigene Verzeichnis von UserSync oder eine Anwendung, die im Hauptfenster unter „Anwendungen“ hinzugefügt wurde (etwa Jira). Die vorhandenen Benutzer der Anwendung werden vor der ersten Synchronisation zugeordnet.</translation>
    </message>
    <message>
        <source>This directory (UserSync&apos;s own)</source>
        <translation>Dieses Verzeichnis (das eigene von UserSync)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Looking for Keycloak</source>
        <translation>Keycloak wird gesucht</translation>
    </message>
    <message>
        <source>The connection to Keycloak is not encrypted: the client secret and the directory&apos;s data cross the network in clear text. Use an https:// URL.</source>
        <translation>Die Verbindung zu Keycloak ist nicht verschlüsselt: Das Client-Secret und die Daten des Verzeichnisses werden im Klartext über das Netzwerk übertragen. Verwenden Sie eine https://-URL.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Reading users</source>
        <translation>Benutzer werden gelesen</translation>
    </message>
    <message>
        <source>a user count</source>
        <translation>Benutzeranzahl</translation>
    </message>
    <message>
        <source>a page of users</source>
        <translation>Seite mit Benutzern</translation>
    </message>
    <message>
        <source>Reading groups</source>
        <translation>Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>a group count</source>
        <translation>Gruppenanzahl</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ConnectorConfig</name>
    <message>
        <source>Enter a name for the connector.</source>
        <translation>Geben Sie einen Namen für den Connector ein.</translation>
    </message>
    <message>
        <source>Enter the Keycloak URL, such as https://sso.example.com.</source>
        <translation>Geben Sie die Keycloak-URL ein, etwa https://sso.example.com.</translation>
    </message>
    <message>
        <source>The Keycloak URL “%1” is not a web address. Enter it as https://sso.example.com (add /auth for servers before Keycloak 17).</source>
        <translation>Die Keycloak-URL „%1“ ist keine Webadresse. Geben Sie sie in der Form https://sso.example.com ein (bei Servern vor Keycloak 17 /auth anhängen).</translation>
    </message>
    <message>
        <source>The Keycloak URL must not contain ? or #. Enter only the server address, such as https://sso.example.com.</source>
        <translation>Die Keycloak-URL darf weder ? noch # enthalten. Geben Sie nur die Serveradresse ein, etwa https://sso.example.com.</translation>
    </message>
    <message>
        <source>Enter the realm name, as shown in the Keycloak admin console&apos;s realm list.</source>
        <translation>Geben Sie den Namen des Realms so ein, wie er in der Realm-Liste der Keycloak-Administrationskonsole angezeigt wird.</translation>
    </message>
    <message>
        <source>The realm name cannot contain “/”. Enter the name only, not a URL.</source>
        <translation>Der Realm-Name darf kein „/“ enthalten. Geben Sie nur den Namen ein, keine URL.</translation>
    </message>
    <message>
        <source>Enter the client ID of the client UserSync signs in with.</source>
        <translation>Geben Sie die Client-ID des Clients ein, mit dem sich UserSync anmeldet.</translation>
    </message>
    <message>
        <source>The page size must be between 1 and 10000.</source>
        <translation>Die Seitengröße muss zwischen 1 und 10000 liegen.</translation>
    </message>
    <message>
        <source>The number of requests in flight must be between 1 and 32.</source>
        <translation>Die Anzahl gleichzeitiger Anfragen muss zwischen 1 und 32 liegen.</translation>
    </message>
    <message>
        <source>The request timeout must be between 1 and 600 seconds.</source>
        <translation>Das Zeitlimit für Anfragen muss zwischen 1 und 600 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The number of retries must be between 0 and 10.</source>
        <translation>Die Anzahl der Wiederholungen muss zwischen 0 und 10 liegen.</translation>
    </message>
    <message>
        <source>The time zone “%1” is not known. Use a name such as Europe/Berlin, or none for the system&apos;s.</source>
        <translation>Die Zeitzone „%1“ ist unbekannt. Verwenden Sie einen Namen wie Europe/Berlin oder keinen für die Zeitzone des Systems.</translation>
    </message>
    <message>
        <source>The schedule is not valid: %1</source>
        <translation>Der Zeitplan ist ungültig: %1</translation>
    </message>
    <message>
        <source>The schedule “%1” never runs: no date matches it (%2). Choose a day every month or year has, such as 0 0 2 28 2 ? for 28 February at 02:00.</source>
        <translation>Der Zeitplan „%1“ läuft nie: Kein Datum passt zu ihm (%2). Wählen Sie einen Tag, den jeder Monat oder jedes Jahr hat, etwa 0 0 2 28 2 ? für den 28. Februar um 02:00.</translation>
    </message>
</context>
<context>
    <name>ConnectorListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <source>Never: check the schedule</source>
        <translation>Nie: Zeitplan prüfen</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, rolled back</source>
        <translation>%1, zurückgenommen</translation>
    </message>
    <message>
        <source>%1, succeeded with warnings</source>
        <translation>%1, erfolgreich mit Warnungen</translation>
    </message>
    <message>
        <source>%1, succeeded</source>
        <translation>%1, erfolgreich</translation>
    </message>
    <message>
        <source>%1, refused</source>
        <translation>%1, abgelehnt</translation>
    </message>
    <message>
        <source>%1, cancelled</source>
        <translation>%1, abgebrochen</translation>
    </message>
    <message>
        <source>%1, skipped</source>
        <translation>%1, übersprungen</translation>
    </message>
    <message>
        <source>%1, failed</source>
        <translation>%1, fehlgeschlagen</translation>
    </message>
    <message>
        <source>Secret missing</source>
        <translation>Client-Secret fehlt</translation>
    </message>
    <message>
        <source>Connection test failed</source>
        <translation>Verbindungstest fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>Noch nicht getestet</translation>
    </message>
    <message>
        <source>Last sync failed</source>
        <translation>Letzte Synchronisation fehlgeschlagen</translation>
    </message>
    <message>
        <source>Synced with warnings</source>
        <translation>Mit Warnungen synchronisiert</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Connection OK</source>
        <translation>Verbindung OK</translation>
    </message>
    <message>
        <source>The client secret is not in the system keychain. Edit the connector and type the secret again.</source>
        <translation>Das Client-Secret fehlt im Schlüsselbund des Systems. Bearbeiten Sie den Connector und geben Sie das Secret erneut ein.</translation>
    </message>
    <message>
        <source>Select it and press Test Connection.</source>
        <translation>Wählen Sie ihn aus und klicken Sie auf „Verbindung testen“.</translation>
    </message>
    <message>
        <source>The last sync left some users, groups or memberships out. Its report says which and why.</source>
        <translation>Die letzte Synchronisation hat einige Benutzer, Gruppen oder Mitgliedschaften ausgelassen. Ihr Bericht nennt, welche und warum.</translation>
    </message>
    <message>
        <source>%1: Keycloak at %2, realm %3</source>
        <translation>%1: Keycloak unter %2, Realm %3</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisation</translation>
    </message>
    <message>
        <source>Last simulation</source>
        <translation>Letzte Simulation</translation>
    </message>
    <message>
        <source>%1, completed with errors</source>
        <translation>%1, mit Fehlern abgeschlossen</translation>
    </message>
    <message>
        <source>%1, interrupted</source>
        <translation>%1, unterbrochen</translation>
    </message>
    <message>
        <source>(removed application)</source>
        <translation>(entfernte Anwendung)</translation>
    </message>
    <message>
        <source>This directory</source>
        <translation>Dieses Verzeichnis</translation>
    </message>
    <message>
        <source>Synchronizes into</source>
        <translation>Synchronisiert in</translation>
    </message>
</context>
<context>
    <name>ConnectorStore</name>
    <message>
        <source>The connectors cannot be read from the directory: %1.</source>
        <translation>Die Connectors können nicht aus dem Verzeichnis gelesen werden: %1.</translation>
    </message>
    <message>
        <source>There is no connector named “%1”. List the connectors with: usersync-cli connector list.</source>
        <translation>Es gibt keinen Connector namens „%1“. Listen Sie die Connectors auf mit: usersync-cli connector list.</translation>
    </message>
    <message>
        <source>A connector named “%1” already exists. Choose another name, or edit that connector.</source>
        <translation>Ein Connector namens „%1“ existiert bereits. Wählen Sie einen anderen Namen oder bearbeiten Sie diesen Connector.</translation>
    </message>
    <message>
        <source>The connector cannot be saved in the directory: %1.</source>
        <translation>Der Connector kann nicht im Verzeichnis gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>The connector cannot be saved: %1. Another connector may already have the name “%2”.</source>
        <translation>Der Connector kann nicht gespeichert werden: %1. Möglicherweise trägt bereits ein anderer Connector den Namen „%2“.</translation>
    </message>
    <message>
        <source>The connector “%1” no longer exists; it may have been removed meanwhile.</source>
        <translation>Der Connector „%1“ existiert nicht mehr; er wurde möglicherweise zwischenzeitlich entfernt.</translation>
    </message>
    <message>
        <source>The connector cannot be removed: %1.</source>
        <translation>Der Connector kann nicht entfernt werden: %1.</translation>
    </message>
    <message>
        <source>The result of the connection test cannot be stored: %1.</source>
        <translation>Das Ergebnis des Verbindungstests kann nicht gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>The connection tests cannot be read: %1.</source>
        <translation>Die Verbindungstests können nicht gelesen werden: %1.</translation>
    </message>
</context>
<context>
    <name>ConnectorTypePage</name>
    <message>
        <source>Connector type</source>
        <translation>Connector-Typ</translation>
    </message>
    <message>
        <source>Connector Type</source>
        <translation>Connector-Typ</translation>
    </message>
    <message>
        <source>Keycloak
Users, groups and memberships of one realm, read with a service account.</source>
        <translation>Keycloak
Benutzer, Gruppen und Mitgliedschaften eines Realms, gelesen über ein Dienstkonto.</translation>
    </message>
    <message>
        <source>Where the users come from:</source>
        <translation>Woher die Benutzer stammen:</translation>
    </message>
    <message>
        <source>UserSync reads users and groups from it; it never changes the source.</source>
        <translation>UserSync liest daraus Benutzer und Gruppen; an der Quelle ändert es nie etwas.</translation>
    </message>
</context>
<context>
    <name>ConnectorWizard</name>
    <message>
        <source>Edit Connector “%1”</source>
        <translation>Connector „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Add Connector</source>
        <translation>Connector hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save and Return</source>
        <translation>&amp;Speichern und schließen</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Storing the client secret in the system keychain…</source>
        <translation>Das Client-Secret wird im Schlüsselbund des Systems gespeichert …</translation>
    </message>
    <message>
        <source>Reading the client secret from the system keychain…</source>
        <translation>Das Client-Secret wird aus dem Schlüsselbund des Systems gelesen …</translation>
    </message>
    <message>
        <source>Saved, but not tested.</source>
        <translation>Gespeichert, aber nicht getestet.</translation>
    </message>
    <message>
        <source>Testing the connection to “%1”…</source>
        <translation>Die Verbindung zu „%1“ wird getestet …</translation>
    </message>
    <message>
        <source>Enter the client secret, from the Credentials tab of the client in the Keycloak admin console.</source>
        <translation>Geben Sie das Client-Secret ein, aus dem Reiter „Credentials“ des Clients in der Keycloak-Administrationskonsole.</translation>
    </message>
    <message>
        <source>Settings saved, but the new secret is not.</source>
        <translation>Einstellungen gespeichert, das neue Secret jedoch nicht.</translation>
    </message>
    <message>
        <source>Keep the Connector?</source>
        <translation>Connector behalten?</translation>
    </message>
    <message>
        <source>Keep the connector “%1”? It did not pass its connection test.</source>
        <translation>Den Connector „%1“ behalten? Er hat den Verbindungstest nicht bestanden.</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Remove It</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removing it also removes its client secret from the system keychain.</source>
        <translation>Beim Entfernen wird auch sein Client-Secret aus dem Schlüsselbund des Systems entfernt.</translation>
    </message>
    <message>
        <source>Not removed.</source>
        <translation>Nicht entfernt.</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Discard the new connector?</source>
        <translation>Den neuen Connector verwerfen?</translation>
    </message>
    <message>
        <source>Discard the changes to “%1”?</source>
        <translation>Die Änderungen an „%1“ verwerfen?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>CronExpression</name>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>first</source>
        <extracomment>As in &quot;on the second Monday of every month&quot;</extracomment>
        <translation>ersten</translation>
    </message>
    <message>
        <source>second</source>
        <translation>zweiten</translation>
    </message>
    <message>
        <source>third</source>
        <translation>dritten</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>vierten</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>fünften</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <extracomment>The last two items of a list: &quot;Monday, Tuesday and Friday&quot;</extracomment>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>A range in a list: &quot;1 to 10&quot;, &quot;January to March&quot;</extracomment>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 to %2 in steps of %3</source>
        <translation>%1 bis %2 in Schritten von %3</translation>
    </message>
    <message>
        <source>every second</source>
        <translation>jede Sekunde</translation>
    </message>
    <message>
        <source>every %1 seconds</source>
        <translation>alle %1 Sekunden</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message>
        <source>every minute at second %1</source>
        <translation>jede Minute bei Sekunde %1</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>alle %1 Minuten</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>jede Stunde</translation>
    </message>
    <message>
        <source>every hour at minute %1</source>
        <translation>jede Stunde bei Minute %1</translation>
    </message>
    <message>
        <source>every %1 hours</source>
        <translation>alle %1 Stunden</translation>
    </message>
    <message>
        <source>every %1 hours at minute %2</source>
        <translation>alle %1 Stunden bei Minute %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <extracomment>A time of day or a list of them: &quot;at 02:00&quot;, &quot;at 08:00 and 17:00&quot;</extracomment>
        <translation>um %1</translation>
    </message>
    <message>
        <source>on day %1 of %2</source>
        <translation>am Tag %1 im %2</translation>
    </message>
    <message>
        <source>on days %1 of %2</source>
        <translation>an den Tagen %1 im %2</translation>
    </message>
    <message>
        <source>on the last day of %1</source>
        <translation>am letzten Tag im %1</translation>
    </message>
    <message>
        <source>on the day before the last day of %1</source>
        <translation>am vorletzten Tag im %1</translation>
    </message>
    <message>
        <source>on the day %1 days before the last day of %2</source>
        <translation>%1 Tage vor dem letzten Tag im %2</translation>
    </message>
    <message>
        <source>on the last weekday of %1</source>
        <extracomment>Weekday: Monday to Friday</extracomment>
        <translation>am letzten Werktag im %1</translation>
    </message>
    <message>
        <source>on the weekday nearest to day %1 of %2</source>
        <translation>am nächstgelegenen Werktag zum Tag %1 im %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>every weekday (Monday to Friday)</source>
        <translation>jeden Werktag (Montag bis Freitag)</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>jeden %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 im %2</translation>
    </message>
    <message>
        <source>on the last %1 of %2</source>
        <translation>am letzten %1 im %2</translation>
    </message>
    <message>
        <source>on the %1 %2 of %3</source>
        <extracomment>&quot;on the second Monday of every month&quot;</extracomment>
        <translation>am %1 %2 im %3</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>at %1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>second %1</source>
        <translation>Sekunde %1</translation>
    </message>
    <message>
        <source>seconds %1</source>
        <translation>Sekunden %1</translation>
    </message>
    <message>
        <source>minute %1</source>
        <translation>Minute %1</translation>
    </message>
    <message>
        <source>minutes %1</source>
        <translation>Minuten %1</translation>
    </message>
    <message>
        <source>hour %1</source>
        <translation>Stunde %1</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>Stunden %1</translation>
    </message>
    <message>
        <source>the month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>%1, and only if that day is a %2</source>
        <translation>%1, aber nur, wenn dieser Tag ein %2 ist</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>every day in %1</source>
        <translation>jeden Tag im %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Days, then times: &quot;every day&quot; &quot;at 02:00&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A frequency, then days: &quot;every 15 minutes&quot;, &quot;every weekday (Monday to Friday)&quot;</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <extracomment>Years: &quot;…, in 2027&quot;, &quot;…, in 2027 and 2028&quot;</extracomment>
        <translation>%1, nur %2</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Day of week</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>seconds run from 0 to 59</source>
        <translation>Sekunden reichen von 0 bis 59</translation>
    </message>
    <message>
        <source>minutes run from 0 to 59</source>
        <translation>Minuten reichen von 0 bis 59</translation>
    </message>
    <message>
        <source>hours run from 0 to 23</source>
        <translation>Stunden reichen von 0 bis 23</translation>
    </message>
    <message>
        <source>days of the month run from 1 to 31</source>
        <translation>Tage des Monats reichen von 1 bis 31</translation>
    </message>
    <message>
        <source>months run from 1 to 12, or JAN to DEC</source>
        <translation>Monate reichen von 1 bis 12 oder von JAN bis DEC</translation>
    </message>
    <message>
        <source>days of the week run from 1 (SUN) to 7 (SAT), or SUN to SAT</source>
        <translation>Wochentage reichen von 1 (SUN) bis 7 (SAT) oder von SUN bis SAT</translation>
    </message>
    <message>
        <source>days of the week run from 0 (SUN) to 7 (SUN again), or SUN to SAT</source>
        <translation>Wochentage reichen von 0 (SUN) bis 7 (wieder SUN) oder von SUN bis SAT</translation>
    </message>
    <message>
        <source>years run from 1970 to 2199</source>
        <translation>Jahre reichen von 1970 bis 2199</translation>
    </message>
    <message>
        <source>%1: %2 is out of range; %3.</source>
        <translation>%1: %2 liegt außerhalb des gültigen Bereichs; %3.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a known name; %3.</source>
        <translation>%1: „%2“ ist kein bekannter Name; %3.</translation>
    </message>
    <message>
        <source>%1: “?” is only allowed in the day-of-month and day-of-week fields.</source>
        <translation>%1: „?“ ist nur in den Feldern Tag des Monats und Wochentag erlaubt.</translation>
    </message>
    <message>
        <source>%1: “%2” uses L, which only the day-of-month and day-of-week fields allow.</source>
        <translation>%1: „%2“ verwendet L, das nur in den Feldern Tag des Monats und Wochentag erlaubt ist.</translation>
    </message>
    <message>
        <source>%1: “%2” uses W, which only the day-of-month field allows.</source>
        <translation>%1: „%2“ verwendet W, das nur im Feld Tag des Monats erlaubt ist.</translation>
    </message>
    <message>
        <source>%1: “%2” uses #, which only the day-of-week field allows.</source>
        <translation>%1: „%2“ verwendet #, das nur im Feld Wochentag erlaubt ist.</translation>
    </message>
    <message>
        <source>%1: “%2” is Quartz syntax; write the expression with seconds first (6 fields) to use L, W or #.</source>
        <translation>%1: „%2“ ist Quartz-Syntax; schreiben Sie den Ausdruck mit den Sekunden zuerst (6 Felder), um L, W oder # zu verwenden.</translation>
    </message>
    <message>
        <source>%1: “%2” cannot be combined with other values; use it on its own.</source>
        <translation>%1: „%2“ kann nicht mit anderen Werten kombiniert werden; verwenden Sie es allein.</translation>
    </message>
    <message>
        <source>%1: “%2” is not understood; %3.</source>
        <translation>%1: „%2“ wird nicht verstanden; %3.</translation>
    </message>
    <message>
        <source>%1: the step in “%2” must be a whole number from 1 to %3.</source>
        <translation>%1: Die Schrittweite in „%2“ muss eine ganze Zahl von 1 bis %3 sein.</translation>
    </message>
    <message>
        <source>%1: in “%2” the number after L- must be from 0 to 30.</source>
        <translation>%1: In „%2“ muss die Zahl nach L- zwischen 0 und 30 liegen.</translation>
    </message>
    <message>
        <source>%1: in “%2” the number after # must be from 1 to 5.</source>
        <translation>%1: In „%2“ muss die Zahl nach # zwischen 1 und 5 liegen.</translation>
    </message>
    <message>
        <source>%1: both are “?”; set one of them to “*” or to the days to run on.</source>
        <translation>%1: Beide sind „?“; setzen Sie eines der beiden Felder auf „*“ oder auf die Tage, an denen ausgeführt werden soll.</translation>
    </message>
    <message>
        <source>%1: both are set (“%2” and “%3”); Quartz needs one of them to be “?”.</source>
        <translation>%1: Beide sind gesetzt („%2“ und „%3“); Quartz verlangt, dass eines der beiden Felder „?“ ist.</translation>
    </message>
    <message>
        <source>A cron expression has 6 or 7 fields (Quartz: seconds minutes hours day-of-month month day-of-week [year]) or 5 (crontab: minute hour day-of-month month day-of-week); this has %1.</source>
        <translation>Ein Cron-Ausdruck hat 6 oder 7 Felder (Quartz: Sekunden Minuten Stunden Tag-des-Monats Monat Wochentag [Jahr]) oder 5 (crontab: Minute Stunde Tag-des-Monats Monat Wochentag); dieser hat %1.</translation>
    </message>
</context>
<context>
    <name>CurlTransport</name>
    <message>
        <source>Operation canceled</source>
        <translation>Vorgang abgebrochen</translation>
    </message>
    <message>
        <source>The server answered HTTP %1</source>
        <translation>Der Server antwortete mit HTTP %1</translation>
    </message>
</context>
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
    <name>DeletionGuard</name>
    <message>
        <source>The sync would disable, delete or anonymize %L1 of the %L2 users this connector manages (%3%), more than the deletion limit of %L4 users or %5%.</source>
        <translation>Die Synchronisation würde %L1 der %L2 Benutzer, die dieser Connector verwaltet (%3 %), deaktivieren, löschen oder anonymisieren – mehr als die Löschgrenze von %L4 Benutzern oder %5 %.</translation>
    </message>
    <message>
        <source>The rollback would disable or delete %L1 of the %L2 users this connector manages (%3%), more than the deletion limit of %L4 users or %5%.</source>
        <translation>Die Rücknahme würde %L1 der %L2 Benutzer, die dieser Connector verwaltet (%3 %), deaktivieren oder löschen – mehr als die Löschgrenze von %L4 Benutzern oder %5 %.</translation>
    </message>
</context>
<context>
    <name>DirectoryAccess</name>
    <message>
        <source>No password for the PostgreSQL directory %1 is stored in the system keychain. Type it in Open Directory, or store it with: usersync-cli directory set-password --directory %2 --password-stdin</source>
        <translation>Für das PostgreSQL-Verzeichnis %1 ist kein Passwort im Schlüsselbund des Systems gespeichert. Geben Sie es unter „Verzeichnis öffnen“ ein oder speichern Sie es mit: usersync-cli directory set-password --directory %2 --password-stdin</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is where the directory is (&quot;SQLite file /home/me/directory.sqlite&quot;), %2 why it cannot be used.</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DirectoryCheckJob</name>
    <message>
        <source>Opening the directory</source>
        <translation>Verzeichnis wird geöffnet</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <source>Users and Groups</source>
        <translation>Benutzer und Gruppen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Names, emails, groups</source>
        <translation>Namen, E-Mail-Adressen, Gruppen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Gruppen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>Das Verzeichnis wird gelesen …</translation>
    </message>
    <message>
        <source>Users: %L1 · Groups: %L2</source>
        <translation>Benutzer: %L1 · Gruppen: %L2</translation>
    </message>
    <message>
        <source>Matching: %1 of %L2 users, %3 of %L4 groups.</source>
        <translation>Treffer: %1 von %L2 Benutzern, %3 von %L4 Gruppen.</translation>
    </message>
    <message>
        <source>No user or group matches “%1”. Every word typed must appear in one of the columns.</source>
        <translation>Kein Benutzer und keine Gruppe passt zu „%1“. Jedes eingegebene Wort muss in einer der Spalten vorkommen.</translation>
    </message>
    <message>
        <source>Members of “%1”: %L2 users.</source>
        <translation>Mitglieder von „%1“: %L2 Benutzer.</translation>
    </message>
    <message>
        <source>Show &amp;All Users</source>
        <translation>&amp;Alle Benutzer anzeigen</translation>
    </message>
</context>
<context>
    <name>DirectoryGroupModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
</context>
<context>
    <name>DirectoryLoadJob</name>
    <message>
        <source>Reading the directory</source>
        <translation>Das Verzeichnis wird gelesen</translation>
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
    <message>
        <source>The directory&apos;s location contains a NUL character, which no file or URL can hold.</source>
        <translation>Der Ort des Verzeichnisses enthält ein NUL-Zeichen, das keine Datei und keine URL enthalten kann.</translation>
    </message>
</context>
<context>
    <name>DirectoryStore</name>
    <message>
        <source>The directory cannot be changed now: %1.</source>
        <translation>Das Verzeichnis kann derzeit nicht geändert werden: %1.</translation>
    </message>
    <message>
        <source>The directory cannot be read: %1. Nothing was changed.</source>
        <translation>Das Verzeichnis kann nicht gelesen werden: %1. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The directory has changed since this plan was made, so it was not applied and nothing was changed. Run a new simulation and review it.</source>
        <translation>Das Verzeichnis hat sich seit der Erstellung dieses Plans geändert; daher wurde der Plan nicht angewendet und es wurde nichts geändert. Führen Sie eine neue Simulation aus und prüfen Sie sie.</translation>
    </message>
    <message>
        <source>Applying the changes failed, so none of them were kept: %1.</source>
        <translation>Das Anwenden der Änderungen ist fehlgeschlagen, daher wurde keine davon übernommen: %1.</translation>
    </message>
    <message>
        <source>The changes could not be committed, so none of them were kept: %1.</source>
        <translation>Die Änderungen konnten nicht festgeschrieben werden, daher wurde keine davon übernommen: %1.</translation>
    </message>
    <message>
        <source>There is no run “%1”. List the runs with: usersync-cli history</source>
        <translation>Es gibt keinen Lauf „%1“. Listen Sie die Läufe auf mit: usersync-cli history</translation>
    </message>
    <message>
        <source>“%1” is the start of %2 run ids; give more of it.</source>
        <translation>„%1“ ist der Anfang von %2 Lauf-IDs; geben Sie mehr Zeichen an.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 membership “%2”</source>
        <translation>%1 Mitgliedschaft „%2“</translation>
    </message>
    <message>
        <source>%1 %2 “%3”</source>
        <translation>%1 %2 „%3“</translation>
    </message>
    <message>
        <source>writing the changes</source>
        <translation>beim Schreiben der Änderungen</translation>
    </message>
    <message>
        <source>adding memberships</source>
        <translation>beim Hinzufügen der Mitgliedschaften</translation>
    </message>
    <message>
        <source>The directory has memberships of users or groups it does not have. Restore it from a backup.</source>
        <translation>Das Verzeichnis enthält Mitgliedschaften von Benutzern oder Gruppen, die es nicht enthält. Stellen Sie es aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The run ended unexpectedly (the program was stopped). The changes marked done were made; the next sync reads the application again and plans only what is left.</source>
        <translation>Der Lauf endete unerwartet (das Programm wurde beendet). Die als erledigt markierten Änderungen wurden vorgenommen; die nächste Synchronisation liest die Anwendung erneut und plant nur, was noch übrig ist.</translation>
    </message>
</context>
<context>
    <name>DirectoryTarget</name>
    <message>
        <source>The directory cannot be read: %1</source>
        <translation>Das Verzeichnis kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>DirectoryUserModel</name>
    <message>
        <source>Added by hand</source>
        <translation>Manuell hinzugefügt</translation>
    </message>
    <message>
        <source>A removed connector</source>
        <translation>Ein entfernter Connector</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
</context>
<context>
    <name>HistoryChartView</name>
    <message>
        <source>Changes applied per run</source>
        <translation>Angewendete Änderungen pro Lauf</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Disabled or removed</source>
        <translation>Deaktiviert oder entfernt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2: %L3</source>
        <translation>%1
%2: %L3</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Open Report</source>
        <translation>Bericht ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe.</translation>
    </message>
    <message>
        <source>Reading the changes of run %1…</source>
        <translation>Die Änderungen von Lauf %1 werden gelesen …</translation>
    </message>
    <message>
        <source>The changes of run %1 cannot be read: %2</source>
        <translation>Die Änderungen von Lauf %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Run %1 of “%2”</source>
        <translation>Lauf %1 von „%2“</translation>
    </message>
    <message>
        <source>&amp;Roll Back…</source>
        <translation>&amp;Zurücknehmen …</translation>
    </message>
    <message>
        <source>Revert a full run: its inverse is shown first, then applied when you say so.</source>
        <translation>Einen vollständigen Lauf zurücknehmen: Die Umkehrung wird zuerst gezeigt und erst auf Ihre Anweisung angewendet.</translation>
    </message>
    <message>
        <source>Planning the rollback of run %1…</source>
        <translation>Die Rücknahme von Lauf %1 wird geplant …</translation>
    </message>
    <message>
        <source>Rolling back run %1…</source>
        <translation>Lauf %1 wird zurückgenommen …</translation>
    </message>
    <message>
        <source>Rollback of Run %1: Preview</source>
        <translation>Rücknahme von Lauf %1: Vorschau</translation>
    </message>
    <message>
        <source>Rollback of Run %1: Applied</source>
        <translation>Rücknahme von Lauf %1: angewendet</translation>
    </message>
    <message>
        <source>Rollback of run %1 planned; nothing has been changed yet.</source>
        <translation>Rücknahme von Lauf %1 geplant; noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Run %1 rolled back: %2.</source>
        <translation>Lauf %1 zurückgenommen: %2.</translation>
    </message>
    <message>
        <source>&amp;Apply This Rollback…</source>
        <translation>Diese Rücknahme &amp;anwenden …</translation>
    </message>
    <message>
        <source>This rollback would %1.</source>
        <translation>Diese Rücknahme würde %1.</translation>
    </message>
    <message>
        <source>Applying it allows that this once.</source>
        <translation>Beim Anwenden wird dies einmalig erlaubt.</translation>
    </message>
    <message>
        <source>Deleted users cannot be brought back by a sync; disabled users are reactivated by the next sync if Keycloak still has them.</source>
        <translation>Gelöschte Benutzer kann eine Synchronisation nicht zurückholen; deaktivierte Benutzer reaktiviert die nächste Synchronisation, wenn Keycloak sie noch enthält.</translation>
    </message>
    <message>
        <source>Disabled users keep their ids and history, and the next sync reactivates them if Keycloak still has them.</source>
        <translation>Deaktivierte Benutzer behalten ihre ID und ihren Verlauf, und die nächste Synchronisation reaktiviert sie, wenn Keycloak sie noch enthält.</translation>
    </message>
    <message>
        <source>Disable and Apply</source>
        <translation>Deaktivieren und anwenden</translation>
    </message>
    <message>
        <source>Delete and Apply</source>
        <translation>Löschen und anwenden</translation>
    </message>
    <message>
        <source>Delete the Added Users Instead</source>
        <translation>Stattdessen hinzugefügte Benutzer löschen</translation>
    </message>
    <message>
        <source>Disable the Added Users Instead</source>
        <translation>Stattdessen hinzugefügte Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>Apply Rollback</source>
        <translation>Rücknahme anwenden</translation>
    </message>
    <message>
        <source>Roll back run %1 of “%2”?</source>
        <translation>Lauf %1 von „%2“ zurücknehmen?</translation>
    </message>
    <message>
        <source>Show &amp;simulations and previews</source>
        <translation>Simulationen und &amp;Vorschauen anzeigen</translation>
    </message>
    <message>
        <source>Reading the application&apos;s credential from the keychain…</source>
        <translation>Die Zugangsdaten der Anwendung werden aus dem Schlüsselbund gelesen …</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Started from</source>
        <translation>Gestartet über</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Mitgliedschaften</translation>
    </message>
    <message>
        <source>%1 %2: %L3</source>
        <translation>%1 %2: %L3</translation>
    </message>
    <message>
        <source>&lt; 0.1 s</source>
        <translation>&lt; 0,1 s</translation>
    </message>
    <message>
        <source>Succeeded with warnings</source>
        <translation>Erfolgreich mit Warnungen</translation>
    </message>
    <message>
        <source>Completed with errors</source>
        <translation>Mit Fehlern abgeschlossen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>The CA file %1 cannot be read or holds no PEM certificate. Choose the certificate file of the certificate authority that signed %2&apos;s certificate.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden oder enthält kein PEM-Zertifikat. Wählen Sie die Zertifikatsdatei der Zertifizierungsstelle, die das Zertifikat von %2 signiert hat.</translation>
    </message>
</context>
<context>
    <name>JiraConnectionTest</name>
    <message>
        <source>The address starts with http://: the token or password travels unencrypted. Use Jira&apos;s https:// address.</source>
        <translation>Die Adresse beginnt mit http://: Das Token oder Passwort wird unverschlüsselt übertragen. Verwenden Sie die https://-Adresse von Jira.</translation>
    </message>
    <message>
        <source>Reaching Jira</source>
        <translation>Verbindung zu Jira wird hergestellt</translation>
    </message>
    <message>
        <source>%1 is Jira Cloud. This target writes into Jira Data Center; Jira Cloud takes users through SCIM (Atlassian Guard).</source>
        <translation>%1 ist Jira Cloud. Dieses Ziel schreibt in Jira Data Center; Jira Cloud übernimmt Benutzer über SCIM (Atlassian Guard).</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>sich anzumelden</translation>
    </message>
    <message>
        <source>Checking permissions</source>
        <translation>Berechtigungen werden geprüft</translation>
    </message>
    <message>
        <source>read its own permissions</source>
        <translation>die eigenen Berechtigungen zu lesen</translation>
    </message>
    <message>
        <source>%1 is a Jira administrator but not a system administrator: Jira refuses changes to system administrators, so a sync skips them and reports each one. Use a system administrator&apos;s token to sync them too.</source>
        <translation>%1 ist Jira-Administrator, aber kein Systemadministrator: Jira lehnt Änderungen an Systemadministratoren ab, daher überspringt eine Synchronisation diese und meldet jeden einzeln. Verwenden Sie das Token eines Systemadministrators, um auch sie zu synchronisieren.</translation>
    </message>
    <message>
        <source>Counting users</source>
        <translation>Benutzer werden gezählt</translation>
    </message>
    <message>
        <source>Jira %1 answers a user search with at most 100 users (JRASERVER-78520), so UserSync reads users by username prefixes, which takes many requests. Jira 10.3 and later list all users at once.</source>
        <translation>Jira %1 liefert bei einer Benutzersuche höchstens 100 Benutzer (JRASERVER-78520), daher liest UserSync die Benutzer anhand von Präfixen der Benutzernamen, was viele Anfragen erfordert. Ab Jira 10.3 werden alle Benutzer auf einmal aufgelistet.</translation>
    </message>
    <message>
        <source>Counting groups</source>
        <translation>Gruppen werden gezählt</translation>
    </message>
    <message>
        <source>list the groups</source>
        <translation>die Gruppen aufzulisten</translation>
    </message>
</context>
<context>
    <name>JiraReader</name>
    <message>
        <source>read its server information</source>
        <translation>die Serverinformationen zu lesen</translation>
    </message>
    <message>
        <source>Reading Jira users</source>
        <translation>Jira-Benutzer werden gelesen</translation>
    </message>
    <message>
        <source>list the users</source>
        <translation>die Benutzer aufzulisten</translation>
    </message>
    <message>
        <source>a user list</source>
        <translation>Benutzerliste</translation>
    </message>
    <message>
        <source>a user without a key or a name</source>
        <translation>Benutzer ohne Schlüssel oder Namen</translation>
    </message>
    <message>
        <source>a user page that is not the last names no next page</source>
        <translation>eine Benutzerseite, die nicht die letzte ist, nennt keine nächste Seite</translation>
    </message>
    <message>
        <source>a user search result</source>
        <translation>Ergebnis einer Benutzersuche</translation>
    </message>
    <message>
        <source>search the users</source>
        <translation>die Benutzer zu durchsuchen</translation>
    </message>
    <message>
        <source>list the groups</source>
        <translation>die Gruppen aufzulisten</translation>
    </message>
    <message>
        <source>a group list</source>
        <translation>Gruppenliste</translation>
    </message>
    <message>
        <source>Reading Jira groups</source>
        <translation>Jira-Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>Jira counts %1 groups, but its group search reached only %2; raise jira.ajax.autocomplete.limit in Jira&apos;s advanced settings</source>
        <translation>Jira zählt %1 Gruppen, die Gruppensuche erreichte aber nur %2; erhöhen Sie jira.ajax.autocomplete.limit in den erweiterten Einstellungen von Jira</translation>
    </message>
    <message>
        <source>Reading Jira group members</source>
        <translation>Mitglieder der Jira-Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>read the members of “%1”</source>
        <translation>die Mitglieder von „%1“ zu lesen</translation>
    </message>
    <message>
        <source>a member list</source>
        <translation>Mitgliederliste</translation>
    </message>
    <message>
        <source>“%1” has a member (key %2) that the user list did not contain</source>
        <translation>„%1“ hat ein Mitglied (Schlüssel %2), das nicht in der Benutzerliste enthalten war</translation>
    </message>
    <message>
        <source>“%1” counts %2 members, but %3 were listed</source>
        <translation>„%1“ zählt %2 Mitglieder, aufgelistet wurden aber %3</translation>
    </message>
    <message>
        <source>an empty member page of “%1” that is not the last</source>
        <translation>leere Mitgliederseite von „%1“, die nicht die letzte ist</translation>
    </message>
</context>
<context>
    <name>KeycloakClient</name>
    <message>
        <source>a token answer without a token</source>
        <translation>Token-Antwort ohne Token</translation>
    </message>
</context>
<context>
    <name>KeycloakErrors</name>
    <message>
        <source>The client “%1” may not sign in on its own. In the Keycloak admin console, open Clients → %1 → Settings → Capability config, switch on Client authentication and Service accounts roles, and save.</source>
        <translation>Der Client „%1“ darf sich nicht eigenständig anmelden. Öffnen Sie in der Keycloak-Administrationskonsole Clients → %1 → Settings → Capability config, schalten Sie Client authentication und Service accounts roles ein und speichern Sie.</translation>
    </message>
    <message>
        <source>Keycloak refused the client ID “%1” or its secret. In the Keycloak admin console, open Clients, check that a client with exactly this ID exists in realm “%2” with Client authentication on, then copy the secret again from its Credentials tab.</source>
        <translation>Keycloak hat die Client-ID „%1“ oder das zugehörige Client-Secret abgelehnt. Öffnen Sie in der Keycloak-Administrationskonsole Clients, prüfen Sie, ob im Realm „%2“ ein Client mit genau dieser ID existiert und Client authentication eingeschaltet ist, und kopieren Sie dann das Client-Secret erneut aus dessen Registerkarte Credentials.</translation>
    </message>
    <message>
        <source>Keycloak refused a fresh access token. This happens when Keycloak is reached under another host name than the one it issues tokens for: use the URL Keycloak itself announces (its hostname setting), then try again.</source>
        <translation>Keycloak hat ein gerade ausgestelltes Zugriffstoken abgelehnt. Das geschieht, wenn Keycloak unter einem anderen Hostnamen erreicht wird als dem, für den es Token ausstellt: Verwenden Sie die URL, die Keycloak selbst bekannt gibt (seine hostname-Einstellung), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The client&apos;s service account may not read users and groups. In the Keycloak admin console, open Clients → %1 → Service account roles → Assign role, filter by clients, and assign realm-management “manage-users” (or “view-users” for a read-only sync).</source>
        <translation>Das Dienstkonto des Clients darf keine Benutzer und Gruppen lesen. Öffnen Sie in der Keycloak-Administrationskonsole Clients → %1 → Service account roles → Assign role, filtern Sie nach Clients und weisen Sie die realm-management-Rolle „manage-users“ zu (oder „view-users“ für eine rein lesende Synchronisation).</translation>
    </message>
    <message>
        <source>Keycloak kept asking UserSync to slow down (HTTP 429) after %1 attempts. Lower the requests in flight under Advanced Settings, or try again later.</source>
        <translation>Keycloak hat UserSync auch nach %1 Versuchen weiterhin aufgefordert, langsamer zu werden (HTTP 429). Verringern Sie die Anzahl gleichzeitiger Anfragen in den erweiterten Einstellungen oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Keycloak answered with a server error (HTTP %1) after %2 attempts. Check the Keycloak server log, then try again.</source>
        <translation>Keycloak hat nach %2 Versuchen mit einem Serverfehler (HTTP %1) geantwortet. Prüfen Sie das Serverprotokoll von Keycloak und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Keycloak answered HTTP %1 to %2, which UserSync did not expect. Check that the URL points to Keycloak itself and not to a proxy&apos;s error page.</source>
        <translation>Keycloak hat auf %2 mit HTTP %1 geantwortet, was UserSync nicht erwartet hat. Prüfen Sie, ob die URL auf Keycloak selbst zeigt und nicht auf die Fehlerseite eines Proxys.</translation>
    </message>
    <message>
        <source>No Keycloak answered at %1 nor at %2. Check the Keycloak URL: it is the server&apos;s address, such as https://sso.example.com, followed by /auth only for servers older than Keycloak 17 or started with that path.</source>
        <translation>Weder unter %1 noch unter %2 hat ein Keycloak geantwortet. Prüfen Sie die Keycloak-URL: Sie ist die Adresse des Servers, etwa https://sso.example.com, gefolgt von /auth nur bei Servern, die älter als Keycloak 17 sind oder mit diesem Pfad gestartet wurden.</translation>
    </message>
    <message>
        <source>The realm “%1” does not exist on this Keycloak. Check the realm name, which is case-sensitive, in the realm list of the Keycloak admin console.</source>
        <translation>Der Realm „%1“ existiert auf diesem Keycloak nicht. Prüfen Sie den Realm-Namen (Groß-/Kleinschreibung wird beachtet) in der Realm-Liste der Keycloak-Administrationskonsole.</translation>
    </message>
    <message>
        <source>Keycloak sent %1 that UserSync cannot read, so it stopped; nothing was changed. Check that the URL points to Keycloak itself and not to a proxy, then try again.</source>
        <translation>Keycloak hat Daten gesendet, die UserSync nicht lesen kann (%1), daher wurde der Vorgang abgebrochen; es wurde nichts geändert. Prüfen Sie, ob die URL auf Keycloak selbst zeigt und nicht auf einen Proxy, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The client&apos;s service account can count the realm&apos;s %1 users but not list them: it has realm-management “query-users” without “view-users”. In the Keycloak admin console, open Clients → %2 → Service account roles and assign “manage-users” (or “view-users” for a read-only sync).</source>
        <translation>Das Dienstkonto des Clients kann die %1 Benutzer des Realms zählen, aber nicht auflisten: Es hat die realm-management-Rolle „query-users“, aber nicht „view-users“. Öffnen Sie in der Keycloak-Administrationskonsole Clients → %2 → Service account roles und weisen Sie „manage-users“ zu (oder „view-users“ für eine rein lesende Synchronisation).</translation>
    </message>
    <message>
        <source>The realm could not be read completely (%1). It may have changed while it was read. Nothing was changed; run it again.</source>
        <translation>Der Realm konnte nicht vollständig gelesen werden (%1). Möglicherweise hat er sich während des Lesens geändert. Es wurde nichts geändert; führen Sie den Vorgang erneut aus.</translation>
    </message>
</context>
<context>
    <name>KeycloakFetcher</name>
    <message>
        <source>Connecting to Keycloak</source>
        <translation>Verbindung zu Keycloak wird hergestellt</translation>
    </message>
    <message>
        <source>a page that is not a JSON list</source>
        <translation>Seite, die keine JSON-Liste ist</translation>
    </message>
    <message>
        <source>a user count</source>
        <translation>Benutzeranzahl</translation>
    </message>
    <message>
        <source>a user without id or username</source>
        <translation>Benutzer ohne ID oder Benutzernamen</translation>
    </message>
    <message>
        <source>a group count</source>
        <translation>Gruppenanzahl</translation>
    </message>
    <message>
        <source>a group without id or name</source>
        <translation>Gruppe ohne ID oder Namen</translation>
    </message>
    <message>
        <source>group %1 announced %2 subgroups, %3 were listed</source>
        <translation>Gruppe %1 meldete %2 Untergruppen, aufgelistet wurden %3</translation>
    </message>
    <message>
        <source>%1 groups were counted, %2 were listed</source>
        <translation>%1 Gruppen wurden gezählt, %2 aufgelistet</translation>
    </message>
    <message>
        <source>%1 users were counted before reading and %2 after, %3 were listed</source>
        <translation>vor dem Lesen wurden %1 Benutzer gezählt und danach %2, aufgelistet wurden %3</translation>
    </message>
    <message>
        <source>group %1 lists a member who was not among the users read (%2)</source>
        <translation>Gruppe %1 führt ein Mitglied auf, das nicht unter den gelesenen Benutzern war (%2)</translation>
    </message>
    <message>
        <source>Reading group members</source>
        <translation>Gruppenmitglieder werden gelesen</translation>
    </message>
    <message>
        <source>Reading users and groups</source>
        <translation>Benutzer und Gruppen werden gelesen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>LdapClient</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read. Choose a readable PEM file in the application&apos;s settings, or none to trust the system&apos;s certificate authorities.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden. Wählen Sie in den Einstellungen der Anwendung eine lesbare PEM-Datei oder keine, um den Zertifizierungsstellen des Systems zu vertrauen.</translation>
    </message>
    <message>
        <source>“%1” is not an LDAP server&apos;s address. Enter it as ldaps://ldap.example.com or ldap://ldap.example.com:389.</source>
        <translation>„%1“ ist keine Adresse eines LDAP-Servers. Geben Sie sie als ldaps://ldap.example.com oder ldap://ldap.example.com:389 ein.</translation>
    </message>
    <message>
        <source>The LDAP server refused the bind DN or its password. Check both in the application&apos;s settings (the DN in full, such as cn=usersync,ou=services,dc=example,dc=com).</source>
        <translation>Der LDAP-Server hat den Bind-DN oder sein Passwort abgelehnt. Prüfen Sie beides in den Einstellungen der Anwendung (den DN vollständig, etwa cn=usersync,ou=services,dc=example,dc=com).</translation>
    </message>
    <message>
        <source>The LDAP server %1 did not answer in time. Check the address and port, and that a firewall lets UserSync through.</source>
        <translation>Der LDAP-Server %1 hat nicht rechtzeitig geantwortet. Prüfen Sie Adresse und Port und ob eine Firewall UserSync durchlässt.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made (%2). If the server&apos;s certificate comes from a private certificate authority, choose its CA file in the application&apos;s settings.</source>
        <translation>Eine sichere Verbindung zu %1 konnte nicht hergestellt werden (%2). Wenn das Zertifikat des Servers von einer privaten Zertifizierungsstelle stammt, wählen Sie deren CA-Datei in den Einstellungen der Anwendung.</translation>
    </message>
    <message>
        <source>%1 did not agree to StartTLS, and UserSync never binds without TLS. Enable TLS on the server, or use its ldaps:// address.</source>
        <translation>%1 hat StartTLS nicht zugestimmt, und UserSync führt nie einen Bind ohne TLS aus. Aktivieren Sie TLS auf dem Server, oder verwenden Sie seine ldaps://-Adresse.</translation>
    </message>
    <message>
        <source>The LDAP server %1 cannot be reached (%2). Check the address and port, and that the server is running.</source>
        <translation>Der LDAP-Server %1 ist nicht erreichbar (%2). Prüfen Sie Adresse und Port und ob der Server läuft.</translation>
    </message>
    <message>
        <source>The LDAP server %1 refused to %2: %3 (%4).</source>
        <translation>Der LDAP-Server %1 hat es abgelehnt, %2: %3 (%4).</translation>
    </message>
    <message>
        <source>start TLS</source>
        <translation>TLS zu starten</translation>
    </message>
    <message>
        <source>bind</source>
        <translation>den Bind auszuführen</translation>
    </message>
    <message>
        <source>read what it supports</source>
        <translation>seinen Funktionsumfang zu lesen</translation>
    </message>
    <message>
        <source>keep the connection</source>
        <translation>die Verbindung zu halten</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>keine Antwort innerhalb von %n Sekunde</numerusform>
            <numerusform>keine Antwort innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the LDAP server %1 ended while UserSync tried to %2 (%3). Check that the server is running, then run the sync again.</source>
        <translation>Die Verbindung zum LDAP-Server %1 ist abgebrochen, während UserSync versuchte, %2 (%3). Prüfen Sie, ob der Server läuft, und führen Sie die Synchronisation dann erneut aus.</translation>
    </message>
    <message>
        <source>The LDAP server %1 did not answer in time while UserSync tried to %2. Run the sync again, or raise the timeout in the application&apos;s settings.</source>
        <translation>Der LDAP-Server %1 hat nicht rechtzeitig geantwortet, während UserSync versuchte, %2. Führen Sie die Synchronisation erneut aus, oder erhöhen Sie das Zeitlimit in den Einstellungen der Anwendung.</translation>
    </message>
    <message>
        <source>The LDAP server %1 stopped answering after a size limit while UserSync tried to %2, so nothing was changed. Lift the limits of the bind DN on the server (OpenLDAP: “limits dn.exact=… size=unlimited”).</source>
        <translation>Der LDAP-Server %1 hat nach Erreichen einer Größenbeschränkung nicht weiter geantwortet, während UserSync versuchte, %2, daher wurde nichts geändert. Heben Sie die Beschränkungen des Bind-DN auf dem Server auf (OpenLDAP: „limits dn.exact=… size=unlimited“).</translation>
    </message>
    <message>
        <source>The bind DN %1 may not %2 on %3 (%4). Give it write access to the base DNs of users and groups in the server&apos;s access rules.</source>
        <translation>Der Bind-DN %1 hat auf %3 nicht das Recht, %2 (%4). Geben Sie ihm in den Zugriffsregeln des Servers Schreibzugriff auf die Basis-DNs der Benutzer und Gruppen.</translation>
    </message>
    <message>
        <source>An entry UserSync needs to %1 is not on %2 (%3). Check the base DNs of users and groups in the application&apos;s settings.</source>
        <translation>Ein Eintrag, den UserSync benötigt, um %1, ist auf %2 nicht vorhanden (%3). Prüfen Sie die Basis-DNs der Benutzer und Gruppen in den Einstellungen der Anwendung.</translation>
    </message>
    <message>
        <source>The LDAP server %1 refused to %2: %3</source>
        <translation>Der LDAP-Server %1 hat es abgelehnt, %2: %3</translation>
    </message>
</context>
<context>
    <name>LdapConnectionTest</name>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1 wird hergestellt</translation>
    </message>
    <message>
        <source>LDAPS</source>
        <translation>LDAPS</translation>
    </message>
    <message>
        <source>StartTLS</source>
        <translation>StartTLS</translation>
    </message>
    <message>
        <source>paged results</source>
        <translation>seitenweise Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>paged searches of %n entries</source>
        <translation>
            <numerusform>seitenweisen Suchen zu je %n Eintrag</numerusform>
            <numerusform>seitenweisen Suchen zu je %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>whole searches</source>
        <translation>Suchen in einem Stück</translation>
    </message>
    <message>
        <source>The server does not page searches: a size limit on the bind DN would cut a read short (UserSync then stops the sync). Lift the bind DN&apos;s limits on the server.</source>
        <translation>Der Server unterstützt keine seitenweisen Suchen: Eine Größenbeschränkung für den Bind-DN würde das Einlesen vorzeitig abbrechen (UserSync hält die Synchronisation dann an). Heben Sie die Beschränkungen des Bind-DN auf dem Server auf.</translation>
    </message>
    <message>
        <source>post-read</source>
        <translation>Post-Read</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Looking for the base DN of the %1</source>
        <translation>Basis-DN der %1 wird gesucht</translation>
    </message>
    <message>
        <source>The base DN of the %1, %2, is not on the server. Create it, or enter the DN the %1 are below.</source>
        <translation>Der Basis-DN der %1, %2, ist auf dem Server nicht vorhanden. Legen Sie ihn an, oder geben Sie den DN ein, unter dem die %1 liegen.</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>%1 zu lesen</translation>
    </message>
    <message>
        <source>Checking the right to write users</source>
        <translation>Schreibrecht für Benutzer wird geprüft</translation>
    </message>
    <message>
        <source>Checking the right to write groups</source>
        <translation>Schreibrecht für Gruppen wird geprüft</translation>
    </message>
    <message>
        <source>The bind DN %1 may read but not write the %2 below %3. Give it write access there in the server&apos;s access rules (OpenLDAP: “access to dn.subtree=… by dn.exact=… write”).</source>
        <translation>Der Bind-DN %1 darf die %2 unter %3 lesen, aber nicht schreiben. Geben Sie ihm dort in den Zugriffsregeln des Servers Schreibzugriff (OpenLDAP: „access to dn.subtree=… by dn.exact=… write“).</translation>
    </message>
    <message>
        <source>The server refused %1 made as UserSync makes them below %2: %3 Check the object classes and attribute names in the application&apos;s LDAP settings.</source>
        <translation>Der Server hat %1, wie UserSync sie unter %2 anlegt, abgelehnt: %3 Prüfen Sie die Objektklassen und Attributnamen in den LDAP-Einstellungen der Anwendung.</translation>
    </message>
    <message>
        <source>add %1 below %2</source>
        <translation>%1 unter %2 anzulegen</translation>
    </message>
    <message>
        <source>The bind DN %1 may add entries but not delete them (%2), so it cannot take a group&apos;s entries away or delete users. Give it the right to, and delete the test entry %3 by hand.</source>
        <translation>Der Bind-DN %1 darf Einträge anlegen, aber nicht löschen (%2), daher kann er weder Einträge aus einer Gruppe entfernen noch Benutzer löschen. Geben Sie ihm dieses Recht, und löschen Sie den Testeintrag %3 von Hand.</translation>
    </message>
    <message>
        <source>Counting users</source>
        <translation>Benutzer werden gezählt</translation>
    </message>
    <message>
        <source>Counting groups</source>
        <translation>Gruppen werden gezählt</translation>
    </message>
    <message>
        <source>count the users</source>
        <translation>die Benutzer zu zählen</translation>
    </message>
    <message>
        <source>count the groups</source>
        <translation>die Gruppen zu zählen</translation>
    </message>
    <message>
        <source>Looking for the access groups</source>
        <translation>Zugriffsgruppen werden gesucht</translation>
    </message>
    <message>
        <source>The access group %1 is not below %2 yet: the first sync creates it. Give it access in Jira, Confluence and Bitbucket once they read the directory.</source>
        <translation>Die Zugriffsgruppe %1 ist noch nicht unter %2 vorhanden: Die erste Synchronisation legt sie an. Gewähren Sie ihr in Jira, Confluence und Bitbucket Zugang, sobald diese das Verzeichnis lesen.</translation>
    </message>
</context>
<context>
    <name>LdapReader</name>
    <message>
        <source>Reading the users of the LDAP directory</source>
        <translation>Benutzer des LDAP-Verzeichnisses werden gelesen</translation>
    </message>
    <message>
        <source>read the users below %1</source>
        <translation>die Benutzer unter %1 zu lesen</translation>
    </message>
    <message>
        <source>The LDAP entry %1 has no %2, which UserSync knows users by. Set the id attribute in the application&apos;s settings to one every entry has (OpenLDAP: entryUUID).</source>
        <translation>Der LDAP-Eintrag %1 hat kein Attribut %2, an dem UserSync Benutzer erkennt. Stellen Sie in den Einstellungen der Anwendung als ID-Attribut eines ein, das jeder Eintrag hat (OpenLDAP: entryUUID).</translation>
    </message>
    <message>
        <source>Two LDAP entries below %1 have the username %2, so UserSync cannot tell which one is the user. Remove or rename one of them.</source>
        <translation>Zwei LDAP-Einträge unter %1 haben den Benutzernamen %2, daher kann UserSync nicht erkennen, welcher davon der Benutzer ist. Entfernen Sie einen davon, oder benennen Sie ihn um.</translation>
    </message>
    <message>
        <source>Two LDAP entries have the %1 %2.</source>
        <translation>Zwei LDAP-Einträge haben im Attribut %1 denselben Wert %2.</translation>
    </message>
    <message>
        <source>Reading the groups of the LDAP directory</source>
        <translation>Gruppen des LDAP-Verzeichnisses werden gelesen</translation>
    </message>
    <message>
        <source>read the groups below %1</source>
        <translation>die Gruppen unter %1 zu lesen</translation>
    </message>
    <message>
        <source>The LDAP entry %1 has no %2, which UserSync knows groups by.</source>
        <translation>Der LDAP-Eintrag %1 hat kein Attribut %2, an dem UserSync Gruppen erkennt.</translation>
    </message>
    <message>
        <source>Two LDAP groups below %1 are called %2, so UserSync cannot tell which one is the group. Remove or rename one of them.</source>
        <translation>Zwei LDAP-Gruppen unter %1 heißen %2, daher kann UserSync nicht erkennen, welche davon die Gruppe ist. Entfernen Sie eine davon, oder benennen Sie sie um.</translation>
    </message>
</context>
<context>
    <name>LdapTarget</name>
    <message>
        <source>Connecting to the LDAP server</source>
        <translation>Verbindung zum LDAP-Server wird hergestellt</translation>
    </message>
</context>
<context>
    <name>LdapWriter</name>
    <message>
        <source>The LDAP server refused to %1: %2</source>
        <translation>Der LDAP-Server hat es abgelehnt, %1: %2</translation>
    </message>
    <message>
        <source>create %1</source>
        <translation>%1 anzulegen</translation>
    </message>
    <message>
        <source>give %1 its attributes and access</source>
        <translation>%1 die Attribute und den Zugang zuzuweisen</translation>
    </message>
    <message>
        <source>read the %1 of %2</source>
        <translation>das Attribut %1 von %2 zu lesen</translation>
    </message>
    <message>
        <source>The user&apos;s LDAP entry is gone.</source>
        <translation>Der LDAP-Eintrag des Benutzers ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>%1 zu ändern</translation>
    </message>
    <message>
        <source>find the groups of %1</source>
        <translation>die Gruppen von %1 zu finden</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>%1 zu löschen</translation>
    </message>
    <message>
        <source>create the group %1</source>
        <translation>die Gruppe %1 anzulegen</translation>
    </message>
    <message>
        <source>delete the group %1</source>
        <translation>die Gruppe %1 zu löschen</translation>
    </message>
    <message>
        <source>add %1 to %2</source>
        <translation>%1 zu %2 hinzuzufügen</translation>
    </message>
    <message>
        <source>The LDAP server refused to add it to %1: %2</source>
        <translation>Der LDAP-Server hat es abgelehnt, den Benutzer zu %1 hinzuzufügen: %2</translation>
    </message>
    <message>
        <source>add members to %1</source>
        <translation>Mitglieder zu %1 hinzuzufügen</translation>
    </message>
    <message>
        <source>put the new users into %1</source>
        <translation>die neuen Benutzer in %1 aufzunehmen</translation>
    </message>
    <message>
        <source>Created, but not given access through the group %1: %2</source>
        <translation>Angelegt, aber kein Zugang über die Gruppe %1 erteilt: %2</translation>
    </message>
    <message>
        <source>take %1 out of %2</source>
        <translation>%1 aus %2 zu entfernen</translation>
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
        <source>Connectors</source>
        <translation>Connectors</translation>
    </message>
    <message>
        <source>&amp;Simulate Sync</source>
        <translation>Synchronisation &amp;simulieren</translation>
    </message>
    <message>
        <source>Show every change a sync would make, without changing the directory.</source>
        <translation>Jede Änderung zeigen, die eine Synchronisation vornehmen würde, ohne das Verzeichnis zu ändern.</translation>
    </message>
    <message>
        <source>The connectors cannot be read: %1</source>
        <translation>Die Connectors können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the client secret of “%1” from the keychain…</source>
        <translation>Das Client-Secret von „%1“ wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Simulated Sync</source>
        <translation>Simulierte Synchronisation</translation>
    </message>
    <message>
        <source>Simulating the sync of “%1”…</source>
        <translation>Die Synchronisation von „%1“ wird simuliert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Simulated Sync of “%1”</source>
        <translation>Simulierte Synchronisation von „%1“</translation>
    </message>
    <message>
        <source>Apply what Keycloak holds to the directory, in one transaction.</source>
        <translation>Den Stand von Keycloak in einer Transaktion auf das Verzeichnis anwenden.</translation>
    </message>
    <message>
        <source>Full Sync</source>
        <translation>Vollständige Synchronisation</translation>
    </message>
    <message>
        <source>Simulate First</source>
        <translation>Zuerst simulieren</translation>
    </message>
    <message>
        <source>Full Sync Now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Deletion Limit</source>
        <translation>Löschgrenze</translation>
    </message>
    <message>
        <source>Allow Once and Apply</source>
        <translation>Einmal erlauben und anwenden</translation>
    </message>
    <message>
        <source>Synchronizing “%1”…</source>
        <translation>„%1“ wird synchronisiert …</translation>
    </message>
    <message>
        <source>Full Sync of “%1”: Applied</source>
        <translation>Vollständige Synchronisation von „%1“: angewendet</translation>
    </message>
    <message>
        <source>Every run, simulated or full, with what it changed.</source>
        <translation>Jeder Lauf, simuliert oder vollständig, mit seinen Änderungen.</translation>
    </message>
    <message>
        <source>&amp;Migration Preview…</source>
        <translation>&amp;Migrationsvorschau …</translation>
    </message>
    <message>
        <source>Before a first sync: which existing users will be linked, which created, which collide.</source>
        <translation>Vor einer ersten Synchronisation: welche vorhandenen Benutzer verknüpft, welche angelegt werden und welche kollidieren.</translation>
    </message>
    <message>
        <source>Migration Preview</source>
        <translation>Migrationsvorschau</translation>
    </message>
    <message>
        <source>Reading “%1” to preview the migration…</source>
        <translation>„%1“ wird für die Migrationsvorschau gelesen …</translation>
    </message>
    <message>
        <source>&amp;Connector</source>
        <translation>&amp;Connector</translation>
    </message>
    <message>
        <source>&amp;Directory</source>
        <translation>&amp;Verzeichnis</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Hinzu&amp;fügen …</translation>
    </message>
    <message>
        <source>Add a connector: where the users come from and how to sign in.</source>
        <translation>Einen Connector hinzufügen: woher die Benutzer stammen und wie die Anmeldung erfolgt.</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten …</translation>
    </message>
    <message>
        <source>Change the selected connector’s settings.</source>
        <translation>Die Einstellungen des ausgewählten Connectors ändern.</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Check that the selected connector can sign in and read users and groups.</source>
        <translation>Prüfen, ob sich der ausgewählte Connector anmelden und Benutzer und Gruppen lesen kann.</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Entfe&amp;rnen …</translation>
    </message>
    <message>
        <source>Remove the selected connector and its secret. The users it synced stay in the directory.</source>
        <translation>Den ausgewählten Connector und sein Geheimnis entfernen. Die von ihm synchronisierten Benutzer bleiben im Verzeichnis.</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>F&amp;ull Sync…</source>
        <translation>V&amp;ollständige Synchronisation …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>H&amp;istory…</source>
        <translation>Ver&amp;lauf …</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Browse Users and Groups…</source>
        <translation>Benutzer und Gruppen &amp;anzeigen …</translation>
    </message>
    <message>
        <source>The users and groups in the directory, searchable.</source>
        <translation>Die Benutzer und Gruppen im Verzeichnis, durchsuchbar.</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Open Directory…</source>
        <translation>Verzeichnis öff&amp;nen …</translation>
    </message>
    <message>
        <source>Open another SQLite directory file, or a PostgreSQL database.</source>
        <translation>Eine andere SQLite-Verzeichnisdatei oder eine PostgreSQL-Datenbank öffnen.</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>“%1”: connection OK. Users readable: %L2.</source>
        <translation>„%1“: Verbindung OK. Benutzer lesbar: %L2.</translation>
    </message>
    <message>
        <source>“%1” cannot connect.

%2</source>
        <translation>„%1“ kann keine Verbindung herstellen.

%2</translation>
    </message>
    <message>
        <source>Testing the connection of “%1”…</source>
        <translation>Die Verbindung von „%1“ wird getestet …</translation>
    </message>
    <message>
        <source>Remove Connector</source>
        <translation>Connector entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>“%1” is removed, but its secret could not be removed from the system keychain: %2</source>
        <translation>„%1“ wurde entfernt, aber sein Geheimnis konnte nicht aus dem Schlüsselbund des Systems entfernt werden: %2</translation>
    </message>
    <message>
        <source>“%1” removed.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>Scheduled full sync of “%1” started.</source>
        <translation>Geplante vollständige Synchronisation von „%1“ gestartet.</translation>
    </message>
    <message>
        <source>Scheduled full sync of “%1” applied.</source>
        <translation>Geplante vollständige Synchronisation von „%1“ angewendet.</translation>
    </message>
    <message>
        <source>Scheduled full sync of “%1”: %2</source>
        <translation>Geplante vollständige Synchronisation von „%1“: %2</translation>
    </message>
    <message>
        <source>Open Directory</source>
        <translation>Verzeichnis öffnen</translation>
    </message>
    <message>
        <source>The directory is open, but its password could not be stored in the system keychain, so scheduled and command-line runs cannot open it: %1</source>
        <translation>Das Verzeichnis ist geöffnet, aber sein Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden, sodass geplante Läufe und die Befehlszeile es nicht öffnen können: %1</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the connectors, their runs and the history again (others may have changed a shared directory).</source>
        <translation>Connectors, ihre Läufe und den Verlauf neu lesen (andere könnten ein gemeinsam genutztes Verzeichnis geändert haben).</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Setting Up Keycloak…</source>
        <translation>&amp;Keycloak einrichten …</translation>
    </message>
    <message>
        <source>How to create the Keycloak client that UserSync signs in with.</source>
        <translation>Wie Sie den Keycloak-Client anlegen, mit dem sich UserSync anmeldet.</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No connector yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A connector reads the users and groups of a Keycloak realm and keeps this directory in step with it. You need the Keycloak URL, the realm, and the ID and secret of a client with a service account (Help → Setting Up Keycloak).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Noch kein Connector.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ein Connector liest die Benutzer und Gruppen eines Keycloak-Realms und gleicht dieses Verzeichnis damit ab. Sie benötigen die Keycloak-URL, den Realm sowie ID und Secret eines Clients mit Dienstkonto (Hilfe → Keycloak einrichten).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Connector…</source>
        <translation>Connector hinzufügen …</translation>
    </message>
    <message>
        <source>%1 – UserSync</source>
        <translation>%1 – UserSync</translation>
    </message>
    <message>
        <source>The connector that did not pass its test was removed.</source>
        <translation>Der Connector, der den Test nicht bestanden hat, wurde entfernt.</translation>
    </message>
    <message>
        <source>Test of “%1” cancelled.</source>
        <translation>Test von „%1“ abgebrochen.</translation>
    </message>
    <message>
        <source>“%1”: the connection test failed.</source>
        <translation>„%1“: Der Verbindungstest ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Remove the connector “%1” and its client secret?</source>
        <translation>Den Connector „%1“ und sein Client-Secret entfernen?</translation>
    </message>
    <message>
        <source>The users and groups it synced stay in the directory, and so does its history.</source>
        <translation>Die von ihm synchronisierten Benutzer und Gruppen bleiben im Verzeichnis, ebenso sein Verlauf.</translation>
    </message>
    <message>
        <source>Migration preview of “%1” ready.</source>
        <translation>Migrationsvorschau für „%1“ bereit.</translation>
    </message>
    <message>
        <source>Migration preview of “%1” failed.</source>
        <translation>Migrationsvorschau für „%1“ fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Rollback applied.</source>
        <translation>Rücknahme angewendet.</translation>
    </message>
    <message>
        <source>A full sync of “%1” changes the directory at once. Simulate first to review the changes?</source>
        <translation>Eine vollständige Synchronisation von „%1“ ändert das Verzeichnis sofort. Zuerst simulieren, um die Änderungen zu prüfen?</translation>
    </message>
    <message>
        <source>Apply these changes past the deletion limit?</source>
        <translation>Diese Änderungen über die Löschgrenze hinaus anwenden?</translation>
    </message>
    <message>
        <source>Check the users the report lists as to disable, delete or anonymize first.</source>
        <translation>Prüfen Sie zuerst die Benutzer, die der Bericht als zu deaktivieren, zu löschen oder zu anonymisieren aufführt.</translation>
    </message>
    <message>
        <source>Full sync of “%1” running…</source>
        <translation>Vollständige Synchronisation von „%1“ läuft …</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>(%L1 of %L2)</source>
        <translation>(%L1 von %L2)</translation>
    </message>
    <message>
        <source>Full Sync of “%1”: Stopped by the Deletion Limit</source>
        <translation>Vollständige Synchronisation von „%1“: durch die Löschgrenze angehalten</translation>
    </message>
    <message>
        <source>&amp;Allow Once and Apply…</source>
        <translation>Einmal erlauben und &amp;anwenden …</translation>
    </message>
    <message>
        <source>%1 of “%2”: the directory already matches Keycloak.</source>
        <translation>%1 von „%2“: Das Verzeichnis entspricht bereits Keycloak.</translation>
    </message>
    <message>
        <source>Full sync of “%1” applied: %2.</source>
        <translation>Vollständige Synchronisation von „%1“ angewendet: %2.</translation>
    </message>
    <message>
        <source>Simulation of “%1” done, nothing changed yet: a full sync would %2.</source>
        <translation>Simulation von „%1“ abgeschlossen, noch nichts geändert: Eine vollständige Synchronisation würde %2.</translation>
    </message>
    <message>
        <source>%1 of “%2” cancelled; nothing was changed.</source>
        <translation>%1 von „%2“ abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 of “%2” refused; nothing was changed.</source>
        <translation>%1 von „%2“ abgelehnt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 of “%2” skipped: another run was under way.</source>
        <translation>%1 von „%2“ übersprungen: Ein anderer Lauf war im Gange.</translation>
    </message>
    <message>
        <source>%1 of “%2” failed; nothing was changed.</source>
        <translation>%1 von „%2“ fehlgeschlagen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Scheduled Synchronization</source>
        <translation>Zeitgesteuerte Synchronisation</translation>
    </message>
    <message>
        <source>Scheduled syncs run only while UserSync is open, and this desktop has no system tray to keep it in.</source>
        <translation>Geplante Synchronisationen laufen nur, solange UserSync geöffnet ist, und diese Arbeitsumgebung hat keinen Systembereich der Kontrollleiste, in dem es weiterlaufen könnte.</translation>
    </message>
    <message>
        <source>Keep Running Minimized</source>
        <translation>Minimiert weiterlaufen</translation>
    </message>
    <message>
        <source>Quit Anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <source>How to Run Them as a Service…</source>
        <translation>Ausführung als Dienst …</translation>
    </message>
    <message>
        <source>Quitting stops them until UserSync is opened again.</source>
        <translation>Beim Beenden werden sie angehalten, bis UserSync wieder geöffnet wird.</translation>
    </message>
    <message>
        <source>Scheduled Synchronization as a Service</source>
        <translation>Zeitgesteuerte Synchronisation als Dienst</translation>
    </message>
    <message>
        <source>&lt;p&gt;Scheduled syncs can run without the window, with the same rules and deletion limit:&lt;/p&gt;&lt;p&gt;&lt;b&gt;systemd&lt;/b&gt; (the user service installed with UserSync):&lt;br&gt;&lt;code&gt;systemctl --user enable --now usersync-schedule&lt;/code&gt;&lt;/p&gt;&lt;p&gt;&lt;b&gt;crontab&lt;/b&gt; (every five minutes, runs what is due):&lt;br&gt;&lt;code&gt;*/5 * * * * usersync-cli schedule due&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Use one of them per directory. Both need the user&apos;s keychain, so they run as you.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Geplante Synchronisationen können ohne das Fenster laufen, mit denselben Regeln und derselben Löschgrenze:&lt;/p&gt;&lt;p&gt;&lt;b&gt;systemd&lt;/b&gt; (der mit UserSync installierte Benutzerdienst):&lt;br&gt;&lt;code&gt;systemctl --user enable --now usersync-schedule&lt;/code&gt;&lt;/p&gt;&lt;p&gt;&lt;b&gt;crontab&lt;/b&gt; (alle fünf Minuten; führt aus, was fällig ist):&lt;br&gt;&lt;code&gt;*/5 * * * * usersync-cli schedule due&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Verwenden Sie pro Verzeichnis nur eine der beiden Varianten. Beide brauchen den Schlüsselbund des Benutzers und laufen daher unter Ihrem Konto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;UserSync %1&lt;/h3&gt;&lt;p&gt;Keeps an application’s user directory in step with a Keycloak realm.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the terms in the LICENSE file that comes with it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;UserSync %1&lt;/h3&gt;&lt;p&gt;Gleicht das Benutzerverzeichnis einer Anwendung mit einem Keycloak-Realm ab.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Lizenziert gemäß den Bedingungen in der beiliegenden Datei LICENSE.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Setting Up Keycloak</source>
        <translation>Keycloak einrichten</translation>
    </message>
    <message>
        <source>&lt;p&gt;In the Keycloak admin console of your realm:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Clients → Create client&lt;/b&gt;: type &lt;i&gt;OpenID Connect&lt;/i&gt;, a client ID such as &lt;code&gt;usersync&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;On &lt;i&gt;Capability config&lt;/i&gt;: switch &lt;b&gt;Client authentication&lt;/b&gt; on and tick &lt;b&gt;Service accounts roles&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;In the new client, &lt;b&gt;Service account roles → Assign role → Filter by clients&lt;/b&gt;: assign &lt;code&gt;realm-management&lt;/code&gt; &lt;b&gt;manage-users&lt;/b&gt; (a read-only sync needs only &lt;b&gt;view-users&lt;/b&gt;; &lt;code&gt;query-users&lt;/code&gt; alone is not enough).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Credentials&lt;/b&gt;: copy the &lt;b&gt;Client secret&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Then &lt;b&gt;Connector → Add&lt;/b&gt;, with the Keycloak URL (with or without /auth), the realm, the client ID and the secret, and &lt;b&gt;Save and Test Connection&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;In der Keycloak-Administrationskonsole Ihres Realms:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Clients → Create client&lt;/b&gt;: Typ &lt;i&gt;OpenID Connect&lt;/i&gt;, eine Client-ID wie &lt;code&gt;usersync&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Unter &lt;i&gt;Capability config&lt;/i&gt;: &lt;b&gt;Client authentication&lt;/b&gt; einschalten und &lt;b&gt;Service accounts roles&lt;/b&gt; ankreuzen.&lt;/li&gt;&lt;li&gt;Im neuen Client unter &lt;b&gt;Service account roles → Assign role → Filter by clients&lt;/b&gt;: &lt;code&gt;realm-management&lt;/code&gt; &lt;b&gt;manage-users&lt;/b&gt; zuweisen (eine rein lesende Synchronisation braucht nur &lt;b&gt;view-users&lt;/b&gt;; &lt;code&gt;query-users&lt;/code&gt; allein reicht nicht).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Credentials&lt;/b&gt;: das &lt;b&gt;Client secret&lt;/b&gt; kopieren.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Dann &lt;b&gt;Connector → Hinzufügen&lt;/b&gt; mit der Keycloak-URL (mit oder ohne /auth), dem Realm, der Client-ID und dem Secret, und &lt;b&gt;Speichern und Verbindung testen&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A&amp;pplications</source>
        <translation>An&amp;wendungen</translation>
    </message>
    <message>
        <source>Full sync of “%1” completed with errors: %2</source>
        <translation>Vollständige Synchronisation von „%1“ mit Fehlern abgeschlossen: %2</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>&amp;Local names:</source>
        <translation>&amp;Lokale Namen:</translation>
    </message>
    <message>
        <source>Local group names</source>
        <translation>Lokale Gruppennamen</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>&amp;Muster:</translation>
    </message>
    <message>
        <source>^app-(.*)$</source>
        <translation>^app-(.*)$</translation>
    </message>
    <message>
        <source>Group name pattern</source>
        <translation>Muster für Gruppennamen</translation>
    </message>
    <message>
        <source>&amp;Replacement:</source>
        <translation>Erse&amp;tzung:</translation>
    </message>
    <message>
        <source>\1</source>
        <translation>\1</translation>
    </message>
    <message>
        <source>Group name replacement</source>
        <translation>Ersetzung für Gruppennamen</translation>
    </message>
    <message>
        <source>S&amp;kip groups the pattern does not match</source>
        <translation>Gruppen übers&amp;pringen, auf die das Muster nicht passt</translation>
    </message>
    <message>
        <source>Members of a subgroup are members of its parent &amp;groups too</source>
        <translation>Mitglieder einer Untergruppe sind auch Mitglieder der übergeordneten &amp;Gruppen</translation>
    </message>
    <message>
        <source>User fields</source>
        <translation>Benutzerfelder</translation>
    </message>
    <message>
        <source>&amp;Username from:</source>
        <translation>&amp;Benutzername aus:</translation>
    </message>
    <message>
        <source>Username from</source>
        <translation>Benutzername aus</translation>
    </message>
    <message>
        <source>E&amp;mail from:</source>
        <translation>&amp;E-Mail aus:</translation>
    </message>
    <message>
        <source>Email from</source>
        <translation>E-Mail aus</translation>
    </message>
    <message>
        <source>&amp;First name from:</source>
        <translation>&amp;Vorname aus:</translation>
    </message>
    <message>
        <source>First name from</source>
        <translation>Vorname aus</translation>
    </message>
    <message>
        <source>Las&amp;t name from:</source>
        <translation>&amp;Nachname aus:</translation>
    </message>
    <message>
        <source>Last name from</source>
        <translation>Nachname aus</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Display name template</source>
        <translation>Vorlage für den Anzeigenamen</translation>
    </message>
    <message>
        <source>&amp;Copied attributes:</source>
        <translation>&amp;Kopierte Attribute:</translation>
    </message>
    <message>
        <source>department, employeeNumber</source>
        <translation>department, employeeNumber</translation>
    </message>
    <message>
        <source>Copied attributes</source>
        <translation>Kopierte Attribute</translation>
    </message>
    <message>
        <source>A source is a Keycloak field (username, email, firstName, lastName) or attr:NAME; alternatives are separated by |, and the first that is not empty wins. The display name uses {firstName}, {lastName} and the like.</source>
        <translation>Eine Quelle ist ein Keycloak-Feld (username, email, firstName, lastName) oder attr:NAME; Alternativen werden durch | getrennt, und die erste, die nicht leer ist, wird verwendet. Der Anzeigename verwendet {firstName}, {lastName} und Ähnliches.</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Group name in lower case</source>
        <translation>Gruppenname in Kleinbuchstaben</translation>
    </message>
    <message>
        <source>Full path, such as /staff/admins</source>
        <translation>Vollständiger Pfad, etwa /staff/admins</translation>
    </message>
    <message>
        <source>Name rewritten by a pattern</source>
        <translation>Durch ein Muster umgeschriebener Name</translation>
    </message>
    <message>
        <source>How Keycloak groups and user fields are named in the directory.</source>
        <translation>Wie Keycloak-Gruppen und Benutzerfelder im Verzeichnis heißen.</translation>
    </message>
    <message>
        <source>Keycloak’s group name</source>
        <translation>Gruppenname aus Keycloak</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>MigrationPreviewDialog</name>
    <message>
        <source>Matches</source>
        <translation>Zuordnungen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Keycloak user</source>
        <translation>Keycloak-Benutzer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Local user</source>
        <translation>Lokaler Benutzer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Migration Preview for “%1”</source>
        <translation>Migrationsvorschau für „%1“</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verknüpfen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Collision</source>
        <translation>Kollision</translation>
    </message>
    <message>
        <source>A first sync would link %L1 existing users (keeping their ids and history) and create %L2.</source>
        <translation>Eine erste Synchronisation würde %L1 vorhandene Benutzer verknüpfen (ihre IDs und ihr Verlauf bleiben erhalten) und %L2 neu anlegen.</translation>
    </message>
    <message>
        <source>No collisions: a first sync can run.</source>
        <translation>Keine Kollisionen: Eine erste Synchronisation kann laufen.</translation>
    </message>
    <message>
        <source>%L1 collide with users of the directory and need a decision first: see the rows marked Collision.</source>
        <translation>%L1 kollidieren mit Benutzern des Verzeichnisses und erfordern zuerst eine Entscheidung: siehe die mit „Kollision“ markierten Zeilen.</translation>
    </message>
    <message>
        <source>Nothing left to migrate: every user “%1” reads from Keycloak is linked already, and each sync keeps them in step.</source>
        <translation>Nichts mehr zu migrieren: Jeder Benutzer, den „%1“ aus Keycloak liest, ist bereits verknüpft, und jede Synchronisation hält sie auf dem aktuellen Stand.</translation>
    </message>
    <message>
        <source>the same user name (or email) as the local user</source>
        <translation>derselbe Benutzername (oder dieselbe E-Mail-Adresse) wie der lokale Benutzer</translation>
    </message>
    <message>
        <source>no local user has this user name</source>
        <translation>kein lokaler Benutzer hat diesen Benutzernamen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Names and emails (Ctrl+F)</source>
        <translation>Namen und E-Mail-Adressen (Strg+F)</translation>
    </message>
</context>
<context>
    <name>MigrationPreviewJob</name>
    <message>
        <source>Reading Keycloak failed: %1</source>
        <translation>Das Lesen aus Keycloak ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>NetworkErrors</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 at %2 did not answer within %3 seconds. Check that the URL points to %1 and that no firewall or proxy holds the connection, or raise the timeout under Advanced Settings.</source>
        <translation>%1 unter %2 hat nicht innerhalb von %3 Sekunden geantwortet. Prüfen Sie, ob die URL auf %1 zeigt und keine Firewall und kein Proxy die Verbindung aufhält, oder erhöhen Sie das Zeitlimit in den erweiterten Einstellungen.</translation>
    </message>
    <message>
        <source>The host “%1” is not known. Check the %2 URL for typing errors, and that this computer can resolve the name (DNS, VPN).</source>
        <translation>Der Host „%1“ ist unbekannt. Prüfen Sie die %2-URL auf Tippfehler und ob dieser Computer den Namen auflösen kann (DNS, VPN).</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1. Check the port in the %2 URL and that %2 is running.</source>
        <translation>Unter %1 werden keine Verbindungen angenommen. Prüfen Sie den Port in der %2-URL und ob %2 läuft.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. If %3&apos;s certificate comes from a private certificate authority, add that authority&apos;s certificate file under Advanced Settings → CA file; UserSync always verifies certificates.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. Wenn das Zertifikat von %3 von einer privaten Zertifizierungsstelle stammt, hinterlegen Sie deren Zertifikatsdatei unter Erweiterte Einstellungen → CA-Datei; UserSync prüft Zertifikate immer.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out. Check that the host and port are right and that no firewall blocks them.</source>
        <translation>Bei der Verbindung zu %1 wurde das Zeitlimit überschritten. Prüfen Sie, ob Host und Port stimmen und keine Firewall sie blockiert.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2. Check the network and the %3 URL, then try again.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2. Prüfen Sie das Netzwerk und die %3-URL und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired, so UserSync does not trust it: %2. Renew the certificate on %3; no CA file makes an expired certificate valid.</source>
        <translation>Das Zertifikat von %1 ist abgelaufen, daher vertraut UserSync ihm nicht: %2. Erneuern Sie das Zertifikat auf %3; keine CA-Datei macht ein abgelaufenes Zertifikat gültig.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet: %2. Check the date and time of this computer and of %3.</source>
        <translation>Das Zertifikat von %1 ist noch nicht gültig: %2. Prüfen Sie Datum und Uhrzeit dieses Computers und von %3.</translation>
    </message>
    <message>
        <source>The certificate of %1 is made out for another host name than “%2”: %3. Use a host name the certificate names in the %4 URL, or have the certificate reissued for this one; UserSync always checks the name.</source>
        <translation>Das Zertifikat von %1 ist auf einen anderen Hostnamen als „%2“ ausgestellt: %3. Verwenden Sie in der %4-URL einen Hostnamen, den das Zertifikat nennt, oder lassen Sie das Zertifikat für diesen neu ausstellen; UserSync prüft den Namen immer.</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Extra &amp;CA certificates:</source>
        <translation>Zusätzliche &amp;CA-Zertifikate:</translation>
    </message>
    <message>
        <source>None: the system’s authorities</source>
        <translation>Keine: Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>Extra CA certificates file</source>
        <translation>Datei mit zusätzlichen CA-Zertifikaten</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>A PEM file with the certificate of a private certificate authority. It is trusted in addition to the system’s; certificates are always verified.</source>
        <translation>Eine PEM-Datei mit dem Zertifikat einer privaten Zertifizierungsstelle. Ihr wird zusätzlich zu denen des Systems vertraut; Zertifikate werden immer geprüft.</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>Sei&amp;tengröße:</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>&amp;Requests in flight:</source>
        <translation>&amp;Gleichzeitige Anfragen:</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>Zeit&amp;limit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <source>R&amp;etries:</source>
        <translation>Wi&amp;ederholungen:</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>The defaults suit most servers. Fewer requests in flight put less load on a busy Keycloak.</source>
        <translation>Die Standardwerte passen für die meisten Server. Weniger gleichzeitige Anfragen belasten ein stark ausgelastetes Keycloak weniger.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Certificates and request limits for reaching Keycloak.</source>
        <translation>Zertifikate und Anfragelimits für die Verbindung zu Keycloak.</translation>
    </message>
    <message>
        <source>The certificate file “%1” cannot be read. Choose a PEM file that exists, or leave the field empty.</source>
        <translation>Die Zertifikatsdatei „%1“ kann nicht gelesen werden. Wählen Sie eine vorhandene PEM-Datei oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Extra CA Certificates</source>
        <translation>Zusätzliche CA-Zertifikate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>OAuthAuthorization</name>
    <message>
        <source>The redirect URL %1 is not a loopback address with a port, so UserSync cannot receive the authorization there. Use one such as %2, here and in %3&apos;s incoming link.</source>
        <translation>Die Redirect-URL %1 ist keine Loopback-Adresse mit Port, daher kann UserSync die Autorisierung dort nicht empfangen. Verwenden Sie eine wie %2, hier und im eingehenden Link von %3.</translation>
    </message>
    <message>
        <source>UserSync cannot listen on %1 for the browser&apos;s answer (%2). Close the program using port %3, or choose another port in the redirect URL, here and in %4&apos;s incoming link.</source>
        <translation>UserSync kann unter %1 nicht auf die Antwort des Browsers lauschen (%2). Schließen Sie das Programm, das Port %3 belegt, oder wählen Sie einen anderen Port in der Redirect-URL, hier und im eingehenden Link von %4.</translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation>Nicht verstanden</translation>
    </message>
    <message>
        <source>This request is too long.</source>
        <translation>Diese Anfrage ist zu lang.</translation>
    </message>
    <message>
        <source>UserSync only receives the browser&apos;s return here.</source>
        <translation>UserSync nimmt hier nur die Rückleitung aus dem Browser entgegen.</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Nicht hier</translation>
    </message>
    <message>
        <source>UserSync only receives the browser&apos;s return at %1.</source>
        <translation>UserSync nimmt die Rückleitung aus dem Browser nur unter %1 entgegen.</translation>
    </message>
    <message>
        <source>Already received</source>
        <translation>Bereits empfangen</translation>
    </message>
    <message>
        <source>UserSync has already received an answer from %1. Return to UserSync.</source>
        <translation>UserSync hat bereits eine Antwort von %1 erhalten. Kehren Sie zu UserSync zurück.</translation>
    </message>
    <message>
        <source>Not this authorization</source>
        <translation>Nicht diese Autorisierung</translation>
    </message>
    <message>
        <source>This answer does not belong to the authorization UserSync is waiting for. Start it again from UserSync.</source>
        <translation>Diese Antwort gehört nicht zu der Autorisierung, auf die UserSync wartet. Starten Sie die Autorisierung in UserSync erneut.</translation>
    </message>
    <message>
        <source>access was denied in the browser</source>
        <translation>der Zugriff wurde im Browser verweigert</translation>
    </message>
    <message>
        <source>%1 did not authorize UserSync (%2). Check that the incoming link allows the %3 scope, and authorize again as a %1 administrator.</source>
        <translation>%1 hat UserSync nicht autorisiert (%2). Prüfen Sie, ob der eingehende Link den Scope %3 erlaubt, und autorisieren Sie erneut als %1-Administrator.</translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation>Nicht autorisiert</translation>
    </message>
    <message>
        <source>The answer carries no authorization code.</source>
        <translation>Die Antwort enthält keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>%1 authorized UserSync but gave no refresh token, so UserSync could not renew its access for later runs.</source>
        <translation>%1 hat UserSync autorisiert, aber kein Refresh-Token ausgegeben, daher könnte UserSync seinen Zugriff für spätere Läufe nicht erneuern.</translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>UserSync is authorized</source>
        <translation>UserSync ist autorisiert</translation>
    </message>
    <message>
        <source>UserSync may now manage %1&apos;s users. You can close this tab and return to UserSync.</source>
        <translation>UserSync darf jetzt die Benutzer von %1 verwalten. Sie können diesen Tab schließen und zu UserSync zurückkehren.</translation>
    </message>
</context>
<context>
    <name>OpenDirectoryDialog</name>
    <message>
        <source>Open Directory</source>
        <translation>Verzeichnis öffnen</translation>
    </message>
    <message>
        <source>The user directory is where synced users, groups, connectors and the history are kept. Every administrator of a shared PostgreSQL directory sees the same connectors.</source>
        <translation>Im Benutzerverzeichnis werden synchronisierte Benutzer, Gruppen, Connectors und der Verlauf gespeichert. Alle Administratoren eines gemeinsam genutzten PostgreSQL-Verzeichnisses sehen dieselben Connectors.</translation>
    </message>
    <message>
        <source>S&amp;QLite file, on this computer</source>
        <translation>S&amp;QLite-Datei auf diesem Computer</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>A file that does not exist yet is created, with an empty directory.</source>
        <translation>Eine noch nicht vorhandene Datei wird mit einem leeren Verzeichnis angelegt.</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server, shared</source>
        <translation>&amp;PostgreSQL-Server, gemeinsam genutzt</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>usersync</source>
        <translation>usersync</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>P&amp;assword:</source>
        <translation>P&amp;asswort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Empty: the one in the system keychain</source>
        <translation>Leer: das Passwort aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>A password typed here is kept in the system keychain, where scheduled and command-line runs find it too.</source>
        <translation>Ein hier eingegebenes Passwort wird im Schlüsselbund des Systems aufbewahrt, wo es auch geplante Läufe und Läufe über die Befehlszeile finden.</translation>
    </message>
    <message>
        <source>SQLite Directory File</source>
        <translation>SQLite-Verzeichnisdatei</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the path of the SQLite file, or choose one with Browse.</source>
        <translation>Geben Sie den Pfad der SQLite-Datei ein oder wählen Sie mit „Durchsuchen“ eine aus.</translation>
    </message>
    <message>
        <source>“%1” is a folder. Enter the path of a file in it, such as %1/directory.sqlite.</source>
        <translation>„%1“ ist ein Ordner. Geben Sie den Pfad einer Datei darin ein, etwa %1/directory.sqlite.</translation>
    </message>
    <message>
        <source>Enter the host name of the PostgreSQL server.</source>
        <translation>Geben Sie den Hostnamen des PostgreSQL-Servers ein.</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>Geben Sie den Namen der Datenbank ein.</translation>
    </message>
    <message>
        <source>Enter the database user UserSync signs in as.</source>
        <translation>Geben Sie den Datenbankbenutzer ein, mit dem sich UserSync anmeldet.</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>Keycloak groups %1 all map to the name “%2”; rename them or change the group mapping.</source>
        <translation>Die Keycloak-Gruppen %1 ergeben alle den Namen „%2“; benennen Sie sie um oder ändern Sie die Zuordnung der Gruppennamen.</translation>
    </message>
    <message>
        <source>gone from Keycloak or no longer mapped</source>
        <translation>nicht mehr in Keycloak vorhanden oder nicht mehr zugeordnet</translation>
    </message>
    <message>
        <source>renamed in Keycloak to “%1”, which another group of the directory already has</source>
        <translation>in Keycloak umbenannt in „%1“, den bereits eine andere Gruppe des Verzeichnisses trägt</translation>
    </message>
    <message>
        <source>a group named “%1” belongs to another connector</source>
        <translation>eine Gruppe namens „%1“ gehört zu einem anderen Connector</translation>
    </message>
    <message>
        <source>no username after the attribute mapping (%1)</source>
        <translation>kein Benutzername nach der Attributzuordnung (%1)</translation>
    </message>
    <message>
        <source>several Keycloak users map to the username “%1”</source>
        <translation>mehrere Keycloak-Benutzer ergeben den Benutzernamen „%1“</translation>
    </message>
    <message>
        <source>renamed in Keycloak to “%1”, which another user of the directory already has</source>
        <translation>in Keycloak umbenannt in „%1“, den bereits ein anderer Benutzer des Verzeichnisses trägt</translation>
    </message>
    <message>
        <source>disabled in Keycloak</source>
        <translation>in Keycloak deaktiviert</translation>
    </message>
    <message>
        <source>the username belongs to a user of another connector</source>
        <translation>der Benutzername gehört zu einem Benutzer eines anderen Connectors</translation>
    </message>
    <message>
        <source>the local user “%1” already stands for another Keycloak user</source>
        <translation>der lokale Benutzer „%1“ steht bereits für einen anderen Keycloak-Benutzer</translation>
    </message>
    <message>
        <source>re-created in Keycloak under the same username</source>
        <translation>in Keycloak unter demselben Benutzernamen neu angelegt</translation>
    </message>
    <message>
        <source>matched by username</source>
        <translation>anhand des Benutzernamens verknüpft</translation>
    </message>
    <message>
        <source>matched by email</source>
        <translation>anhand der E-Mail-Adresse verknüpft</translation>
    </message>
    <message>
        <source>%1 local users have the email address %2; link one by hand or remove the others</source>
        <translation>%1 lokale Benutzer haben die E-Mail-Adresse %2; verknüpfen Sie einen davon manuell oder entfernen Sie die anderen</translation>
    </message>
    <message>
        <source>the local user with the email address %1 already stands for another Keycloak user</source>
        <translation>der lokale Benutzer mit der E-Mail-Adresse %1 steht bereits für einen anderen Keycloak-Benutzer</translation>
    </message>
    <message>
        <source>not in the required groups</source>
        <translation>nicht in den Pflichtgruppen</translation>
    </message>
    <message>
        <source>gone from Keycloak</source>
        <translation>nicht mehr in Keycloak vorhanden</translation>
    </message>
    <message>
        <source>Anonymized user</source>
        <translation>Anonymisierter Benutzer</translation>
    </message>
    <message>
        <source>linked by username, but the email address belongs to local user “%1”</source>
        <translation>anhand des Benutzernamens verknüpft, aber die E-Mail-Adresse gehört dem lokalen Benutzer „%1“</translation>
    </message>
    <message>
        <source>its group %1 is not synced</source>
        <translation>ihre Gruppe %1 wird nicht synchronisiert</translation>
    </message>
    <message>
        <source>%1 cannot rename groups, so “%2” keeps its name and its members as they are. Rename the group back in Keycloak, or create “%3” in %1 by hand and change the group mapping.</source>
        <translation>%1 kann keine Gruppen umbenennen, daher behält die Gruppe „%2“ ihren Namen und ihre Mitglieder unverändert bei. Benennen Sie die Gruppe in Keycloak zurück, oder legen Sie „%3“ in %1 manuell an und ändern Sie die Zuordnung der Gruppennamen.</translation>
    </message>
    <message>
        <source>%1 cannot rename users, so “%2” keeps that name there; its other changes are applied and it stays linked. Rename it to “%3” in %1 by hand (%4), or rename it back in Keycloak.</source>
        <translation>%1 kann Benutzer nicht umbenennen, daher behält „%2“ dort diesen Namen; die übrigen Änderungen werden angewendet und die Verknüpfung bleibt bestehen. Benennen Sie den Benutzer in %1 von Hand in „%3“ um (%4), oder benennen Sie ihn in Keycloak zurück.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Search the changes</source>
        <translation>Änderungen durchsuchen</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>&amp;Apply These Changes (Full Sync)</source>
        <translation>Diese Änderungen &amp;anwenden (vollständige Synchronisation)</translation>
    </message>
    <message>
        <source>All (%L1)</source>
        <translation>Alle (%L1)</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <source>Export the Changes as CSV</source>
        <translation>Änderungen als CSV exportieren</translation>
    </message>
    <message>
        <source>Export the Changes as JSON</source>
        <translation>Änderungen als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The changes could not be written to %1: %2. Choose another folder or file name.</source>
        <translation>Die Änderungen konnten nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>Sh&amp;ow:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Show objects of type</source>
        <translation>Objekte dieses Typs anzeigen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Names, paths, reasons (Ctrl+F)</source>
        <translation>Namen, Pfade, Gründe (Strg+F)</translation>
    </message>
    <message>
        <source>Select a change to see its fields before and after.</source>
        <translation>Wählen Sie eine Änderung, um ihre Felder vorher und nachher zu sehen.</translation>
    </message>
    <message>
        <source>Fields of the selected change</source>
        <translation>Felder der ausgewählten Änderung</translation>
    </message>
    <message>
        <source>Export All as &amp;CSV…</source>
        <translation>Alle als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Export All as &amp;JSON…</source>
        <translation>Alle als &amp;JSON exportieren …</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>Alle Objekte</translation>
    </message>
    <message>
        <source>Nothing was applied.</source>
        <translation>Es wurde nichts angewendet.</translation>
    </message>
    <message>
        <source>Applying these changes asks you first to allow them once.</source>
        <translation>Vor dem Anwenden dieser Änderungen werden Sie gefragt, ob Sie sie einmalig erlauben.</translation>
    </message>
    <message>
        <source>Deletion limit: %1 %2</source>
        <translation>Löschgrenze: %1 %2</translation>
    </message>
    <message>
        <source>(and %L1 more reasons)</source>
        <translation>(und %L1 weitere Gründe)</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 will not be synced: %2</source>
        <translation>%1 werden nicht synchronisiert: %2</translation>
    </message>
    <message>
        <source>%1 were not synced: %2</source>
        <translation>%1 wurden nicht synchronisiert: %2</translation>
    </message>
    <message>
        <source>Show Them</source>
        <translation>Diese zeigen</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1: %L2</source>
        <translation>%1: %L2</translation>
    </message>
    <message>
        <source>Show only these</source>
        <translation>Nur diese anzeigen</translation>
    </message>
    <message>
        <source>Showing %L1 of %L2 changes</source>
        <translation>%L1 von %L2 Änderungen angezeigt</translation>
    </message>
    <message>
        <source>%L1 changes</source>
        <translation>%L1 Änderungen</translation>
    </message>
    <message>
        <source>No change matches (of %L1). Clear the search or choose All.</source>
        <translation>Keine Änderung passt (von %L1). Leeren Sie die Suche oder wählen Sie „Alle“.</translation>
    </message>
    <message>
        <source>Export %L1 Shown as &amp;CSV…</source>
        <translation>%L1 angezeigte als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Export %L1 Shown as &amp;JSON…</source>
        <translation>%L1 angezeigte als &amp;JSON exportieren …</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>There is nothing to export.</source>
        <translation>Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Exported %L1 changes to %2.</source>
        <translation>%L1 Änderungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>Rollback</name>
    <message>
        <source>rollback of run %1</source>
        <translation>Rücknahme von Lauf %1</translation>
    </message>
    <message>
        <source>the membership has changed since that run</source>
        <translation>die Mitgliedschaft hat sich seit diesem Lauf geändert</translation>
    </message>
    <message>
        <source>it was changed or removed since that run</source>
        <translation>seit diesem Lauf geändert oder entfernt</translation>
    </message>
    <message>
        <source>it exists again</source>
        <translation>wieder vorhanden</translation>
    </message>
    <message>
        <source>not rolled back: %1</source>
        <translation>nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>%1 deleted the user for good; a new account would not have the old one&apos;s history. Create it again by hand if it is needed</source>
        <translation>%1 hat den Benutzer endgültig gelöscht; ein neues Konto hätte nicht den Verlauf des alten. Legen Sie den Benutzer bei Bedarf manuell neu an</translation>
    </message>
</context>
<context>
    <name>RollbackJob</name>
    <message>
        <source>Planning the rollback</source>
        <translation>Die Rücknahme wird geplant</translation>
    </message>
    <message>
        <source>Stopped by the deletion limit: %1</source>
        <translation>Durch die Löschgrenze angehalten: %1</translation>
    </message>
    <message>
        <source>Run %1 is a %2 run that %3; only a full run that changed something can be rolled back.</source>
        <translation>Lauf %1 ist ein %2-Lauf mit dem Status %3; nur ein vollständiger Lauf, der etwas geändert hat, kann zurückgenommen werden.</translation>
    </message>
    <message>
        <source>%1 has changed since the rollback was previewed, so it was not applied. Preview the rollback again.</source>
        <translation>%1 hat sich seit der Vorschau der Rücknahme geändert, daher wurde sie nicht angewendet. Lassen Sie die Vorschau der Rücknahme erneut erstellen.</translation>
    </message>
    <message>
        <source>The directory</source>
        <translation>Das Verzeichnis</translation>
    </message>
</context>
<context>
    <name>RunJournal</name>
    <message>
        <source>the run was not recorded</source>
        <translation>der Lauf wurde nicht aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>RunReportJob</name>
    <message>
        <source>Reading the run&apos;s changes</source>
        <translation>Die Änderungen des Laufs werden gelesen</translation>
    </message>
</context>
<context>
    <name>RunSecrets</name>
    <message>
        <source>The application&apos;s credential cannot be read: %1</source>
        <translation>Die Zugangsdaten der Anwendung können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>&amp;Enable Scheduled Synchronization</source>
        <translation>Zeitgesteuerte Synchronisation &amp;aktivieren</translation>
    </message>
    <message>
        <source>Run a full sync on its own at the times below, while UserSync or its service runs.</source>
        <translation>Zu den unten angegebenen Zeiten selbsttätig eine vollständige Synchronisation ausführen, solange UserSync oder sein Dienst läuft.</translation>
    </message>
    <message>
        <source>Cron e&amp;xpression:</source>
        <translation>&amp;Cron-Ausdruck:</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron-Ausdruck</translation>
    </message>
    <message>
        <source>De&amp;fault</source>
        <translation>Stan&amp;dard</translation>
    </message>
    <message>
        <source>Every day at 02:00.</source>
        <translation>Jeden Tag um 02:00.</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Nächste Läufe:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>Zei&amp;tzone:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Catch up a run missed while UserSync was not running</source>
        <translation>Einen &amp;Lauf nachholen, der verpasst wurde, während UserSync nicht lief</translation>
    </message>
    <message>
        <source>Scheduled Synchronization</source>
        <translation>Zeitgesteuerte Synchronisation</translation>
    </message>
    <message>
        <source>A full sync that runs on its own, with the same deletion limit as one started by hand.</source>
        <translation>Eine vollständige Synchronisation, die selbsttätig läuft, mit derselben Löschgrenze wie eine manuell gestartete.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>Never: no date matches this expression.</source>
        <translation>Nie: Kein Datum passt zu diesem Ausdruck.</translation>
    </message>
    <message>
        <source>&amp;Runs:</source>
        <translation>&amp;Häufigkeit:</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>Jeden Werktag (Montag bis Freitag)</translation>
    </message>
    <message>
        <source>Every N hours</source>
        <translation>Alle N Stunden</translation>
    </message>
    <message>
        <source>Custom (cron expression)</source>
        <translation>Benutzerdefiniert (Cron-Ausdruck)</translation>
    </message>
    <message>
        <source>&amp;at</source>
        <translation>&amp;um</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Inter&amp;val:</source>
        <translation>Inter&amp;vall:</translation>
    </message>
    <message>
        <source>Counted from midnight, on the hour.</source>
        <translation>Ab Mitternacht gezählt, jeweils zur vollen Stunde.</translation>
    </message>
    <message>
        <source>Hours between runs</source>
        <translation>Stunden zwischen den Läufen</translation>
    </message>
    <message>
        <source>In words:</source>
        <translation>In Worten:</translation>
    </message>
    <message>
        <source> hour</source>
        <translation> Stunde</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>“%1” is not a time zone; choose one from the list.</source>
        <translation>„%1“ ist keine Zeitzone; wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no next runs</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Scheduled syncs run while UserSync is open (also from the system tray) or when its service runs (%1, or the systemd user service %2).</source>
        <translation>Geplante Synchronisationen laufen, solange UserSync geöffnet ist (auch im Systembereich der Kontrollleiste) oder sein Dienst läuft (%1 oder der systemd-Benutzerdienst %2).</translation>
    </message>
    <message>
        <source>Quartz syntax: %1, e.g. %2 for every day at 08:00 and 17:00. A crontab line such as %3 works too.</source>
        <translation>Quartz-Syntax: %1, z. B. %2 für jeden Tag um 08:00 und 17:00. Eine crontab-Zeile wie %3 funktioniert auch.</translation>
    </message>
    <message>
        <source>seconds minutes hours day-of-month month day-of-week [year]</source>
        <translation>Sekunden Minuten Stunden Tag-des-Monats Monat Wochentag [Jahr]</translation>
    </message>
</context>
<context>
    <name>ScheduleService</name>
    <message>
        <source>Skipped: the previous run of “%1” was still going.</source>
        <translation>Übersprungen: Der vorige Lauf von „%1“ lief noch.</translation>
    </message>
</context>
<context>
    <name>SchedulerTray</name>
    <message>
        <source>&amp;Open UserSync</source>
        <translation>UserSync ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>UserSync: scheduled synchronization</source>
        <translation>UserSync: geplante Synchronisation</translation>
    </message>
    <message>
        <source>UserSync keeps running</source>
        <translation>UserSync läuft weiter</translation>
    </message>
    <message>
        <source>Scheduled syncs go on while UserSync is in the system tray. Quit from its menu.</source>
        <translation>Geplante Synchronisationen laufen weiter, solange UserSync im Systembereich der Kontrollleiste ist. Beenden Sie es über dessen Menü.</translation>
    </message>
    <message>
        <source>Scheduled sync of “%1” refused</source>
        <translation>Geplante Synchronisation von „%1“ abgelehnt</translation>
    </message>
    <message>
        <source>Scheduled sync of “%1” skipped</source>
        <translation>Geplante Synchronisation von „%1“ übersprungen</translation>
    </message>
    <message>
        <source>Scheduled sync of “%1” failed</source>
        <translation>Geplante Synchronisation von „%1“ fehlgeschlagen</translation>
    </message>
    <message>
        <source>Scheduled sync of “%1” completed with errors</source>
        <translation>Geplante Synchronisation von „%1“ mit Fehlern abgeschlossen</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>The directory&apos;s schema version cannot be read: %1.</source>
        <translation>Die Schemaversion des Verzeichnisses kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>This directory was last used by a newer UserSync (schema %1; this version knows up to %2). Update UserSync before opening it.</source>
        <translation>Dieses Verzeichnis wurde zuletzt von einer neueren UserSync-Version verwendet (Schema %1; diese Version kennt Schemas bis %2). Aktualisieren Sie UserSync, bevor Sie es öffnen.</translation>
    </message>
    <message>
        <source>The directory cannot be updated: %1.</source>
        <translation>Das Verzeichnis kann nicht aktualisiert werden: %1.</translation>
    </message>
    <message>
        <source>The directory could not be updated to schema %1 and was left as it was: %2.</source>
        <translation>Das Verzeichnis konnte nicht auf Schema %1 aktualisiert werden und blieb unverändert: %2.</translation>
    </message>
    <message>
        <source>This database holds tables of another program (%1) and no UserSync directory; UserSync changed nothing in it. Choose a new file or an empty database for the directory.</source>
        <translation>Diese Datenbank enthält Tabellen eines anderen Programms (%1) und kein UserSync-Verzeichnis; UserSync hat nichts daran geändert. Wählen Sie für das Verzeichnis eine neue Datei oder eine leere Datenbank.</translation>
    </message>
</context>
<context>
    <name>ScimConnectionTest</name>
    <message>
        <source>The address starts with http://: the bearer token travels unencrypted. Use the service&apos;s https:// address.</source>
        <translation>Die Adresse beginnt mit http://: Das Bearer-Token wird unverschlüsselt übertragen. Verwenden Sie die https://-Adresse des Dienstes.</translation>
    </message>
    <message>
        <source>Reading what the service supports</source>
        <translation>Funktionsumfang des Dienstes wird gelesen</translation>
    </message>
    <message>
        <source>%1 does not support PATCH: UserSync replaces a whole user (PUT, with active) to change it, and a whole group to change its members.</source>
        <translation>%1 unterstützt PATCH nicht: Um einen Benutzer zu ändern, ersetzt UserSync ihn vollständig (PUT, mit active), und um die Mitglieder einer Gruppe zu ändern, die ganze Gruppe.</translation>
    </message>
    <message>
        <source>%1 does not support filters: UserSync cannot look a user up by externalId or userName before creating it, and relies on its complete read instead.</source>
        <translation>%1 unterstützt keine Filter: UserSync kann einen Benutzer vor dem Anlegen nicht über externalId oder userName nachschlagen und verlässt sich stattdessen auf das vollständige Einlesen.</translation>
    </message>
    <message>
        <source>Counting users</source>
        <translation>Benutzer werden gezählt</translation>
    </message>
    <message>
        <source>Counting groups</source>
        <translation>Gruppen werden gezählt</translation>
    </message>
    <message>
        <source>count the users</source>
        <translation>die Benutzer zu zählen</translation>
    </message>
    <message>
        <source>count the groups</source>
        <translation>die Gruppen zu zählen</translation>
    </message>
    <message>
        <source>a list without totalResults</source>
        <translation>Liste ohne totalResults</translation>
    </message>
    <message>
        <source>startIndex and count pages</source>
        <translation>Seiten über startIndex und count</translation>
    </message>
</context>
<context>
    <name>ScimDiscovery</name>
    <message>
        <source>%1 answers, but not as a SCIM 2.0 service (no %2 below it). Enter the SCIM base URL the service documents, often ending in /scim/v2 or /v2.</source>
        <translation>%1 antwortet, aber nicht als Dienst nach SCIM 2.0 (darunter fehlt %2). Geben Sie die SCIM-Basis-URL ein, die der Dienst dokumentiert; sie endet oft auf /scim/v2 oder /v2.</translation>
    </message>
    <message>
        <source>read its /ServiceProviderConfig</source>
        <translation>die Ressource /ServiceProviderConfig zu lesen</translation>
    </message>
    <message>
        <source>read its /Schemas</source>
        <translation>die Ressource /Schemas zu lesen</translation>
    </message>
    <message>
        <source>read its /ResourceTypes</source>
        <translation>die Ressource /ResourceTypes zu lesen</translation>
    </message>
    <message>
        <source>its discovery</source>
        <translation>Discovery-Antwort</translation>
    </message>
    <message>
        <source>%1 cannot be used as a SCIM 2.0 service: %2.</source>
        <translation>%1 kann nicht als Dienst nach SCIM 2.0 verwendet werden: %2.</translation>
    </message>
</context>
<context>
    <name>ScimErrors</name>
    <message>
        <source>the SCIM service</source>
        <translation>SCIM-Dienst</translation>
    </message>
    <message>
        <source>%1 did not accept the bearer token (HTTP 401): it is wrong, expired or revoked. Create a new one where the service issues its SCIM tokens (for Atlassian Cloud: Atlassian Administration → Security → Identity providers → your directory → API key), and enter it again.</source>
        <translation>%1 hat das Bearer-Token nicht akzeptiert (HTTP 401): Es ist falsch, abgelaufen oder widerrufen. Erstellen Sie ein neues dort, wo der Dienst seine SCIM-Tokens ausstellt (bei Atlassian Cloud: Atlassian Administration → Security → Identity providers → Ihr Verzeichnis → API key), und geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>%1 does not let the token %2 (HTTP 403%3). Give the token the provisioning rights it needs.</source>
        <translation>%1 erlaubt dem Token nicht, %2 (HTTP 403%3). Geben Sie dem Token die Provisionierungsrechte, die es benötigt.</translation>
    </message>
    <message>
        <source>%1 kept asking UserSync to slow down (HTTP 429) after %2 attempts. Lower the requests in flight, then try again.</source>
        <translation>%1 hat UserSync nach %2 Versuchen weiterhin gebeten, langsamer zu werden (HTTP 429). Verringern Sie die gleichzeitigen Anfragen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 answered with a server error (HTTP %2) after %3 attempts while UserSync tried to %4%5.</source>
        <translation>%1 hat nach %3 Versuchen mit einem Serverfehler (HTTP %2) geantwortet, während UserSync versuchte, %4%5.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 when UserSync tried to %3%4.</source>
        <translation>%1 hat mit HTTP %2 geantwortet, als UserSync versuchte, %3%4.</translation>
    </message>
    <message>
        <source>%1 sent %2 that UserSync cannot read, so it stopped; nothing was changed. Check that the URL is the service&apos;s SCIM base URL and not a proxy&apos;s page, then try again.</source>
        <translation>%1 hat Daten gesendet, die UserSync nicht lesen kann (%2), daher wurde abgebrochen; es wurde nichts geändert. Prüfen Sie, ob die URL die SCIM-Basis-URL des Dienstes ist und nicht die Seite eines Proxys, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>ScimReader</name>
    <message>
        <source>the users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>the groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>list %1</source>
        <translation>%1 aufzulisten</translation>
    </message>
    <message>
        <source>a list without totalResults</source>
        <translation>Liste ohne totalResults</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 werden gelesen</translation>
    </message>
    <message>
        <source>%1 could not be read completely: it said it holds %L2 of %3, but %L4 were listed. It may have changed while it was read. Nothing was changed; run it again.</source>
        <translation>%1 konnte nicht vollständig gelesen werden: Angegeben waren %L2 %3, aufgelistet wurden aber %L4. Möglicherweise hat sich der Bestand während des Lesens geändert. Es wurde nichts geändert; führen Sie den Vorgang erneut aus.</translation>
    </message>
</context>
<context>
    <name>ScimService</name>
    <message>
        <source>its /ServiceProviderConfig says nothing of PATCH or filters</source>
        <translation>seine /ServiceProviderConfig enthält keine Angaben zu PATCH oder Filtern</translation>
    </message>
    <message>
        <source>its /Schemas define no User with a userName</source>
        <translation>seine /Schemas definieren keinen User mit einem userName</translation>
    </message>
    <message>
        <source>PATCH</source>
        <translation>PATCH</translation>
    </message>
    <message>
        <source>Bulk (at most %L1 operations)</source>
        <translation>Bulk (höchstens %L1 Operationen)</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Bulk</translation>
    </message>
    <message>
        <source>filters (at most %L1 results)</source>
        <translation>Filter (höchstens %L1 Ergebnisse)</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>sorting</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <source>ETags</source>
        <translation>ETags</translation>
    </message>
    <message>
        <source>the enterprise user extension</source>
        <translation>die Enterprise-User-Erweiterung</translation>
    </message>
</context>
<context>
    <name>ScimTarget</name>
    <message>
        <source>Reading what %1 supports</source>
        <translation>Lese, was %1 unterstützt</translation>
    </message>
</context>
<context>
    <name>ScimWriter</name>
    <message>
        <source>Not added: the group “%1” is not in %2.</source>
        <translation>Nicht hinzugefügt: Die Gruppe „%1“ ist nicht in %2.</translation>
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
    <name>SyncJob</name>
    <message>
        <source>Stopped by the deletion limit: %1</source>
        <translation>Durch die Löschgrenze angehalten: %1</translation>
    </message>
    <message>
        <source>Reading Keycloak failed, so nothing was changed: %1</source>
        <translation>Das Lesen aus Keycloak ist fehlgeschlagen, daher wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Plan wird erstellt</translation>
    </message>
    <message>
        <source>Applying changes</source>
        <translation>Änderungen werden angewendet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Reading the target</source>
        <translation>Das Ziel wird gelesen</translation>
    </message>
    <message>
        <source>Reading %1 failed, so nothing was changed: %2</source>
        <translation>Das Lesen aus %1 ist fehlgeschlagen, daher wurde nichts geändert: %2</translation>
    </message>
</context>
<context>
    <name>SyncLock</name>
    <message>
        <source>Another sync of “%1” is running (from the window, the scheduler or the command line). Wait for it to finish, then try again.</source>
        <translation>Eine andere Synchronisation von „%1“ läuft bereits (aus dem Programmfenster, dem Zeitplaner oder der Befehlszeile). Warten Sie, bis sie beendet ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The sync lock beside %1 cannot be created; check that its folder is writable.</source>
        <translation>Die Synchronisationssperre neben %1 kann nicht angelegt werden; prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>The sync lock cannot be taken on the PostgreSQL directory.</source>
        <translation>Die Synchronisationssperre kann für das PostgreSQL-Verzeichnis nicht gesetzt werden.</translation>
    </message>
</context>
<context>
    <name>SyncOptions</name>
    <message>
        <source>The group name pattern is not a valid regular expression: %1.</source>
        <translation>Das Muster für Gruppennamen ist kein gültiger regulärer Ausdruck: %1.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>es ist leer</translation>
    </message>
    <message>
        <source>Choose where usernames come from (for example “username” or “attr:uid”).</source>
        <translation>Wählen Sie, woher die Benutzernamen stammen (zum Beispiel „username“ oder „attr:uid“).</translation>
    </message>
    <message>
        <source>The deletion limit cannot be negative.</source>
        <translation>Die Löschgrenze darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The deletion limit in percent must be between 0 and 100.</source>
        <translation>Die Löschgrenze in Prozent muss zwischen 0 und 100 liegen.</translation>
    </message>
</context>
<context>
    <name>SyncRulesPage</name>
    <message>
        <source>Users who &amp;leave:</source>
        <translation>&amp;Ausscheidende Benutzer:</translation>
    </message>
    <message>
        <source>Users who leave</source>
        <translation>Ausscheidende Benutzer</translation>
    </message>
    <message>
        <source>What happens to local users who are gone from Keycloak or no longer in a required group.</source>
        <translation>Was mit lokalen Benutzern geschieht, die nicht mehr in Keycloak vorhanden oder nicht mehr in einer Pflichtgruppe sind.</translation>
    </message>
    <message>
        <source>&amp;Required groups:</source>
        <translation>&amp;Pflichtgruppen:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Required groups</source>
        <translation>Pflichtgruppen</translation>
    </message>
    <message>
        <source>Only members of these groups are synced, subgroups included. Separate names or paths with commas; * and ? are wildcards.</source>
        <translation>Nur Mitglieder dieser Gruppen werden synchronisiert, einschließlich der Untergruppen. Trennen Sie Namen oder Pfade durch Kommas; * und ? sind Platzhalter.</translation>
    </message>
    <message>
        <source>&amp;Deletion limit:</source>
        <translation>&amp;Löschgrenze:</translation>
    </message>
    <message>
        <source> users</source>
        <translation> Benutzer</translation>
    </message>
    <message>
        <source>Deletion limit in users</source>
        <translation>Löschgrenze in Benutzern</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Deletion limit in percent</source>
        <translation>Löschgrenze in Prozent</translation>
    </message>
    <message>
        <source>Link existing local users by &amp;email address as well as by username</source>
        <translation>Lokale Benutzer auch über die &amp;E-Mail-Adresse verknüpfen</translation>
    </message>
    <message>
        <source>Sync Rules</source>
        <translation>Synchronisationsregeln</translation>
    </message>
    <message>
        <source>Who is synced, and what happens to users who leave.</source>
        <translation>Wer synchronisiert wird und was mit ausscheidenden Benutzern geschieht.</translation>
    </message>
    <message>
        <source>Disable them (recommended)</source>
        <translation>Deaktivieren (empfohlen)</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Anonymize them (reversible pseudonym)</source>
        <translation>Anonymisieren (umkehrbares Pseudonym)</translation>
    </message>
    <message>
        <source>Keep them as they are</source>
        <translation>Unverändert lassen</translation>
    </message>
    <message>
        <source>A full sync or rollback that would disable, delete or anonymize more users than either limit stops and asks first. Set 0 to ask before any removal.</source>
        <translation>Eine vollständige Synchronisation oder Rücknahme, die mehr Benutzer deaktivieren, löschen oder anonymisieren würde, als eine der beiden Grenzen erlaubt, hält an und fragt zuerst nach. Bei 0 wird vor jeder Entfernung gefragt.</translation>
    </message>
</context>
<context>
    <name>TargetConfig</name>
    <message>
        <source>Enter a name for the application.</source>
        <translation>Geben Sie einen Namen für die Anwendung ein.</translation>
    </message>
    <message>
        <source>The application type “%1” is not known; UserSync can synchronize into: %2.</source>
        <translation>Der Anwendungstyp „%1“ ist unbekannt; UserSync kann in diese Anwendungen synchronisieren: %2.</translation>
    </message>
    <message>
        <source>Enter the %1 URL, such as https://jira.example.com.</source>
        <translation>Geben Sie die %1-URL ein, etwa https://jira.example.com.</translation>
    </message>
    <message>
        <source>The %1 URL “%2” is not a web address. Enter it as people open %1 in the browser, such as https://jira.example.com.</source>
        <translation>Die %1-URL „%2“ ist keine Webadresse. Geben Sie sie so ein, wie %1 im Browser geöffnet wird, etwa https://jira.example.com.</translation>
    </message>
    <message>
        <source>The %1 URL must not contain ? or #. Enter only the address people open %1 with.</source>
        <translation>Die %1-URL darf weder ? noch # enthalten. Geben Sie nur die Adresse ein, unter der %1 geöffnet wird.</translation>
    </message>
    <message>
        <source>Enter the username UserSync signs in to %1 with, or sign in with a personal access token.</source>
        <translation>Geben Sie den Benutzernamen ein, mit dem sich UserSync bei %1 anmeldet, oder melden Sie sich mit einem persönlichen Zugriffstoken an.</translation>
    </message>
    <message>
        <source>The number of requests in flight must be between 1 and 32.</source>
        <translation>Die Anzahl gleichzeitiger Anfragen muss zwischen 1 und 32 liegen.</translation>
    </message>
    <message>
        <source>The request timeout must be between 1 and 600 seconds.</source>
        <translation>Das Zeitlimit für Anfragen muss zwischen 1 und 600 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The number of retries must be between 0 and 10.</source>
        <translation>Die Anzahl der Wiederholungen muss zwischen 0 und 10 liegen.</translation>
    </message>
    <message>
        <source>Name at least one group that grants access to Bitbucket (its default is stash-users): Bitbucket cannot disable users, so UserSync takes them out of those groups instead.</source>
        <translation>Nennen Sie mindestens eine Gruppe, die Zugang zu Bitbucket gewährt (Standard ist stash-users): Bitbucket kann Benutzer nicht deaktivieren, daher entfernt UserSync sie stattdessen aus diesen Gruppen.</translation>
    </message>
    <message>
        <source>OAuth 2.0 sign-in is offered for Bitbucket; sign in to %1 with a personal access token or a username and password.</source>
        <translation>Die Anmeldung mit OAuth 2.0 wird nur für Bitbucket angeboten; melden Sie sich bei %1 mit einem persönlichen Zugriffstoken oder mit Benutzername und Passwort an.</translation>
    </message>
    <message>
        <source>Enter the client ID of the incoming link created for UserSync in Bitbucket (Administration → Application links).</source>
        <translation>Geben Sie die Client-ID des eingehenden Links ein, der in Bitbucket für UserSync angelegt wurde (Administration → Application links).</translation>
    </message>
    <message>
        <source>The redirect URL “%1” must be a loopback address with a port, such as %2, where UserSync listens while you authorize it; enter the same URL in Bitbucket&apos;s incoming link.</source>
        <translation>Die Redirect-URL „%1“ muss eine Loopback-Adresse mit Port sein, etwa %2, an der UserSync lauscht, während Sie es autorisieren; geben Sie dieselbe URL im eingehenden Link von Bitbucket ein.</translation>
    </message>
    <message>
        <source>Enter the service&apos;s SCIM base URL, such as https://api.example.com/scim/v2 (the address its /ServiceProviderConfig is below).</source>
        <translation>Geben Sie die SCIM-Basis-URL des Dienstes ein, etwa https://api.example.com/scim/v2 (die Adresse, unter der seine /ServiceProviderConfig liegt).</translation>
    </message>
    <message>
        <source>The SCIM base URL “%1” is not a web address. Enter it as the service gives it, such as https://api.example.com/scim/v2.</source>
        <translation>Die SCIM-Basis-URL „%1“ ist keine Webadresse. Geben Sie sie so ein, wie der Dienst sie nennt, etwa https://api.example.com/scim/v2.</translation>
    </message>
    <message>
        <source>The SCIM base URL must not contain ? or #.</source>
        <translation>Die SCIM-Basis-URL darf weder ? noch # enthalten.</translation>
    </message>
    <message>
        <source>A SCIM service is signed in to with its bearer token: give the token, not a username and password.</source>
        <translation>Bei einem SCIM-Dienst meldet man sich mit seinem Bearer-Token an: Geben Sie das Token an, nicht Benutzername und Passwort.</translation>
    </message>
    <message>
        <source>Name at least one group the applications give access to (the default is atlassian-users): an LDAP directory has no disabled flag they read, so UserSync takes disabled users out of those groups instead.</source>
        <translation>Nennen Sie mindestens eine Gruppe, der die Anwendungen Zugang gewähren (Standard ist atlassian-users): Ein LDAP-Verzeichnis hat kein Deaktiviert-Kennzeichen, das sie lesen, daher entfernt UserSync deaktivierte Benutzer stattdessen aus diesen Gruppen.</translation>
    </message>
    <message>
        <source>Enter the LDAP server&apos;s URL: ldaps://ldap.example.com, or ldap://ldap.example.com, which UserSync always upgrades with StartTLS.</source>
        <translation>Geben Sie die URL des LDAP-Servers ein: ldaps://ldap.example.com oder ldap://ldap.example.com, das UserSync immer per StartTLS verschlüsselt.</translation>
    </message>
    <message>
        <source>The LDAP URL “%1” is not an LDAP server&apos;s address. Enter it as ldaps://ldap.example.com or ldap://ldap.example.com:389.</source>
        <translation>Die LDAP-URL „%1“ ist keine Adresse eines LDAP-Servers. Geben Sie sie als ldaps://ldap.example.com oder ldap://ldap.example.com:389 ein.</translation>
    </message>
    <message>
        <source>The LDAP URL must name the server only; enter the base DNs of users and groups apart.</source>
        <translation>Die LDAP-URL darf nur den Server nennen; geben Sie die Basis-DNs der Benutzer und Gruppen separat ein.</translation>
    </message>
    <message>
        <source>Enter the DN UserSync binds with, such as cn=usersync,ou=services,dc=example,dc=com, and its password.</source>
        <translation>Geben Sie den DN, mit dem UserSync den Bind ausführt, etwa cn=usersync,ou=services,dc=example,dc=com, und sein Passwort ein.</translation>
    </message>
    <message>
        <source>The bind DN “%1” is not a DN, such as cn=usersync,ou=services,dc=example,dc=com.</source>
        <translation>Der Bind-DN „%1“ ist kein DN wie etwa cn=usersync,ou=services,dc=example,dc=com.</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>The placeholder member “%1” is not a DN, such as cn=nobody.</source>
        <translation>Das Platzhalter-Mitglied „%1“ ist kein DN wie etwa cn=nobody.</translation>
    </message>
    <message>
        <source>Name the object classes of users, such as inetOrgPerson.</source>
        <translation>Nennen Sie die Objektklassen der Benutzer, etwa inetOrgPerson.</translation>
    </message>
    <message>
        <source>The LDAP setting %1 must not be empty.</source>
        <translation>Die LDAP-Einstellung %1 darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Enter the base DN of the %1, such as %2.</source>
        <translation>Geben Sie den Basis-DN der %1 ein, etwa %2.</translation>
    </message>
    <message>
        <source>The base DN of the %1 “%2” is not a DN, such as %3.</source>
        <translation>Der Basis-DN der %1 „%2“ ist kein DN wie etwa %3.</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Jira</source>
        <translation>z. B. Jira</translation>
    </message>
    <message>
        <source>Appl&amp;ication:</source>
        <translation>&amp;Anwendung:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>https://jira.example.com</source>
        <translation>https://jira.example.com</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>none: the system&apos;s certificate authorities</source>
        <translation>keine: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>Save and &amp;Test Connection</source>
        <translation>Speichern und Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Edit Application “%1”</source>
        <translation>Anwendung „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Add Application</source>
        <translation>Anwendung hinzufügen</translation>
    </message>
    <message>
        <source>%1 Data Center</source>
        <translation>%1 Data Center</translation>
    </message>
    <message>
        <source>A personal access token (recommended)</source>
        <translation>Persönliches Zugriffstoken (empfohlen)</translation>
    </message>
    <message>
        <source>A username and password</source>
        <translation>Benutzername und Passwort</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>stored in the system keychain; type to replace it</source>
        <translation>im Schlüsselbund des Systems gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>The account of a Jira system administrator. After a few wrong passwords Jira asks for a CAPTCHA in the browser; UserSync then stops and says so.</source>
        <translation>Das Konto eines Jira-Systemadministrators. Nach einigen falschen Passwörtern verlangt Jira im Browser ein CAPTCHA; UserSync hält dann an und meldet das.</translation>
    </message>
    <message>
        <source>A Jira system administrator&apos;s personal access token: in Jira, your avatar → Profile → Personal Access Tokens → Create token. It is kept in the system keychain only.</source>
        <translation>Das persönliche Zugriffstoken eines Jira-Systemadministrators: in Jira über Ihren Avatar → Profile → Personal Access Tokens → Create token. Es wird ausschließlich im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Die Verbindung wird getestet …</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the personal access token.</source>
        <translation>Geben Sie das persönliche Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>%1 %2 answers at %3</source>
        <translation>%1 %2 antwortet unter %3</translation>
    </message>
    <message>
        <source>Signed in as %1, a system administrator</source>
        <translation>Angemeldet als %1 (Systemadministrator)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The connection works.&lt;/b&gt; Choose this application under “Synchronize into” in a connector, then run a simulated sync.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Verbindung funktioniert.&lt;/b&gt; Wählen Sie diese Anwendung in einem Connector unter „Ziel der Synchronisation“ aus und simulieren Sie dann eine Synchronisation.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Users that can be read: %L1 (with %2)</source>
        <translation>Lesbare Benutzer: %L1 (mit %2)</translation>
    </message>
    <message>
        <source>Groups: %L1</source>
        <translation>Gruppen: %L1</translation>
    </message>
    <message>
        <source>Re&amp;quests at once:</source>
        <translation>Gleichzeitige Anf&amp;ragen:</translation>
    </message>
    <message>
        <source>&amp;Give up on a request after:</source>
        <translation>Anfrage auf&amp;geben nach:</translation>
    </message>
    <message>
        <source>Seconds without any data from the application before a request counts as failed and is retried</source>
        <translation>Sekunden ohne Daten von der Anwendung, nach denen eine Anfrage als fehlgeschlagen gilt und wiederholt wird</translation>
    </message>
    <message>
        <source> s without an answer</source>
        <translation> s ohne Antwort</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>How often a request is tried again after a server error, a timeout, a dropped connection or HTTP 429 (which waits for Retry-After)</source>
        <translation>Wie oft eine Anfrage nach einem Serverfehler, einer Zeitüberschreitung, einer abgebrochenen Verbindung oder HTTP 429 (das auf Retry-After wartet) wiederholt wird</translation>
    </message>
    <message>
        <source>&amp;Access groups:</source>
        <translation>&amp;Zugriffsgruppen:</translation>
    </message>
    <message>
        <source>Bitbucket cannot disable users: UserSync takes a disabled user out of these groups (and revokes its own global permission), and puts new and reactivated users into them. Separate several with commas.</source>
        <translation>Bitbucket kann Benutzer nicht deaktivieren: UserSync entfernt einen deaktivierten Benutzer aus diesen Gruppen (und entzieht ihm seine eigene globale Berechtigung) und fügt neue und reaktivierte Benutzer hinzu. Trennen Sie mehrere durch Kommas.</translation>
    </message>
    <message>
        <source>https://bitbucket.example.com</source>
        <translation>https://bitbucket.example.com</translation>
    </message>
    <message>
        <source>The account of a Bitbucket administrator (Admin or System admin global permission). After a few wrong passwords Bitbucket asks for a CAPTCHA; UserSync then stops and says so.</source>
        <translation>Das Konto eines Bitbucket-Administrators (globale Berechtigung Admin oder System admin). Nach einigen falschen Passwörtern verlangt Bitbucket ein CAPTCHA; UserSync hält dann an und meldet dies.</translation>
    </message>
    <message>
        <source>https://confluence.example.com</source>
        <translation>https://confluence.example.com</translation>
    </message>
    <message>
        <source>The account of a Confluence administrator. After a few wrong passwords Confluence asks for a CAPTCHA in the browser; UserSync then stops and says so.</source>
        <translation>Das Konto eines Confluence-Administrators. Nach einigen falschen Passwörtern verlangt Confluence im Browser ein CAPTCHA; UserSync hält dann an und meldet dies.</translation>
    </message>
    <message>
        <source>A Confluence administrator&apos;s personal access token: in Confluence, your avatar → Settings → Personal Access Tokens → Create token. It is kept in the system keychain only.</source>
        <translation>Das persönliche Zugriffstoken eines Confluence-Administrators: in Confluence unter Ihrem Avatar → Settings → Personal Access Tokens → Create token. Es wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Signed in as %1, a %2 administrator</source>
        <translation>Angemeldet als %1, ein %2-Administrator</translation>
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <source>Re&amp;direct URL:</source>
        <translation>Re&amp;direct-URL:</translation>
    </message>
    <message>
        <source>Where the browser returns after the administrator allowed access: UserSync listens there while you authorize it. Enter the same URL in Bitbucket&apos;s incoming link.</source>
        <translation>Wohin der Browser zurückkehrt, nachdem der Administrator den Zugriff erlaubt hat: UserSync lauscht dort, während Sie es autorisieren. Geben Sie dieselbe URL im eingehenden Link von Bitbucket ein.</translation>
    </message>
    <message>
        <source>Opens Bitbucket in the browser, where an administrator allows UserSync access</source>
        <translation>Öffnet Bitbucket im Browser, wo ein Administrator UserSync den Zugriff erlaubt</translation>
    </message>
    <message>
        <source>Authori&amp;ze in Browser…</source>
        <translation>Im Browser autori&amp;sieren …</translation>
    </message>
    <message>
        <source>&amp;Stop Waiting</source>
        <translation>Warten abbrec&amp;hen</translation>
    </message>
    <message>
        <source>A personal access token (refused by Bitbucket&apos;s administration API)</source>
        <translation>Persönliches Zugriffstoken (von der Administrations-API von Bitbucket abgelehnt)</translation>
    </message>
    <message>
        <source>OAuth 2.0, through an incoming application link</source>
        <translation>OAuth 2.0 über einen eingehenden Anwendungslink</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Create an incoming link in Bitbucket (Administration → Application links → Create link → External application, Incoming) with this redirect URL and the Admin permission, and copy its client ID and secret here. Save and Test opens the browser, where a Bitbucket administrator allows access; UserSync keeps the authorization in the system keychain and renews it on every run.</source>
        <translation>Legen Sie in Bitbucket mit dieser Redirect-URL und der Berechtigung Admin einen eingehenden Link an (Administration → Application links → Create link → External application, Incoming), und kopieren Sie dessen Client-ID und Secret hierher. „Speichern und Verbindung testen“ öffnet den Browser, in dem ein Bitbucket-Administrator den Zugriff erlaubt; UserSync bewahrt die Autorisierung im Schlüsselbund des Systems auf und erneuert sie bei jedem Lauf.</translation>
    </message>
    <message>
        <source>Bitbucket refuses personal access tokens on its administration API: choose “A username and password” or OAuth 2.0, and sign in as a Bitbucket administrator.</source>
        <translation>Bitbucket lehnt persönliche Zugriffstokens an seiner Administrations-API ab: Wählen Sie „Benutzername und Passwort“ oder OAuth 2.0, und melden Sie sich als Bitbucket-Administrator an.</translation>
    </message>
    <message>
        <source>Enter the incoming link&apos;s client secret.</source>
        <translation>Geben Sie das Client-Secret des eingehenden Links ein.</translation>
    </message>
    <message>
        <source>Opening %1 in the browser…</source>
        <translation>%1 wird im Browser geöffnet …</translation>
    </message>
    <message>
        <source>The authorization was stopped; nothing was stored.</source>
        <translation>Die Autorisierung wurde abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Waiting for %1 in your browser: sign in as a %1 administrator and allow UserSync access.&lt;/p&gt;&lt;p&gt;No browser came up? Open &lt;a href=&quot;%2&quot;&gt;this address&lt;/a&gt; in a browser on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Es wird auf %1 in Ihrem Browser gewartet: Melden Sie sich als %1-Administrator an, und erlauben Sie UserSync den Zugriff.&lt;/p&gt;&lt;p&gt;Hat sich kein Browser geöffnet? Öffnen Sie &lt;a href=&quot;%2&quot;&gt;diese Adresse&lt;/a&gt; in einem Browser auf diesem Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A SCIM 2.0 service</source>
        <translation>Ein SCIM-2.0-Dienst</translation>
    </message>
    <message>
        <source>A bearer token</source>
        <translation>Ein Bearer-Token</translation>
    </message>
    <message>
        <source>https://scim.example.com/scim/v2</source>
        <translation>https://scim.example.com/scim/v2</translation>
    </message>
    <message>
        <source>The service&apos;s SCIM base URL (the address that /Users and /Groups follow) and the bearer token it issued for provisioning. Atlassian Cloud: the directory base URL (https://api.atlassian.com/scim/directory/…) and its API key, both shown once by Security → Identity providers → your directory → Regenerate API key. The token is kept in the system keychain only.</source>
        <translation>Die SCIM-Basis-URL des Dienstes (die Adresse, auf die /Users und /Groups folgen) und das Bearer-Token, das er für die Bereitstellung ausgestellt hat. Atlassian Cloud: die Verzeichnis-Basis-URL (https://api.atlassian.com/scim/directory/…) und ihr API-Schlüssel, beide einmalig angezeigt unter Sicherheit → Identitätsanbieter → Ihr Verzeichnis → API-Schlüssel neu generieren. Das Token wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Enter the bearer token.</source>
        <translation>Geben Sie das Bearer-Token ein.</translation>
    </message>
    <message>
        <source>A %1 service answers at %2</source>
        <translation>Ein %1-Dienst antwortet unter %2</translation>
    </message>
    <message>
        <source>Supports: %1</source>
        <translation>Unterstützt: %1</translation>
    </message>
    <message>
        <source>Users &amp;below:</source>
        <translation>Benutzer unt&amp;erhalb:</translation>
    </message>
    <message>
        <source>ou=people,dc=example,dc=com</source>
        <translation>ou=people,dc=example,dc=com</translation>
    </message>
    <message>
        <source>The base DN of the users: new users are made here, and every inetOrgPerson with a uid below it is read. Enter the same DN as the applications&apos; Base DN and Additional User DN.</source>
        <translation>Der Basis-DN der Benutzer: Neue Benutzer werden hier angelegt, und jede inetOrgPerson mit einer uid darunter wird gelesen. Geben Sie denselben DN ein wie in den Anwendungen unter Base DN und Additional User DN.</translation>
    </message>
    <message>
        <source>Groups b&amp;elow:</source>
        <translation>Gruppen unterha&amp;lb:</translation>
    </message>
    <message>
        <source>ou=groups,dc=example,dc=com</source>
        <translation>ou=groups,dc=example,dc=com</translation>
    </message>
    <message>
        <source>The base DN of the groups (groupOfUniqueNames): new groups are made here, and every group below it is read.</source>
        <translation>Der Basis-DN der Gruppen (groupOfUniqueNames): Neue Gruppen werden hier angelegt, und jede Gruppe darunter wird gelesen.</translation>
    </message>
    <message>
        <source>&amp;Placeholder member:</source>
        <translation>Platzhalter-&amp;Mitglied:</translation>
    </message>
    <message>
        <source>cn=nobody</source>
        <translation>cn=nobody</translation>
    </message>
    <message>
        <source>A group of unique names must keep a member: a group with no user in it keeps this DN instead, which names no user the applications know.</source>
        <translation>Eine Gruppe vom Typ groupOfUniqueNames muss ein Mitglied behalten: Eine Gruppe ohne Benutzer behält stattdessen diesen DN, der keinen Benutzer bezeichnet, den die Anwendungen kennen.</translation>
    </message>
    <message>
        <source>An LDAP directory (OpenLDAP)</source>
        <translation>Ein LDAP-Verzeichnis (OpenLDAP)</translation>
    </message>
    <message>
        <source>A bind DN and its password</source>
        <translation>Bind-DN und Passwort</translation>
    </message>
    <message>
        <source>&amp;Bind DN:</source>
        <translation>&amp;Bind-DN:</translation>
    </message>
    <message>
        <source>Operations at &amp;once:</source>
        <translation>Gleichzeitige &amp;Operationen:</translation>
    </message>
    <message>
        <source>The LDAP groups the applications give access to (Jira: Application access; Confluence and Bitbucket: Global permissions). LDAP has no disabled flag they read: UserSync takes a disabled user out of these groups, and puts new and reactivated users into them, making a group that is not there yet. Separate several with commas.</source>
        <translation>Die LDAP-Gruppen, denen die Anwendungen Zugang gewähren (Jira: Application access; Confluence und Bitbucket: Global permissions). LDAP hat kein Deaktiviert-Kennzeichen, das sie lesen: UserSync entfernt einen deaktivierten Benutzer aus diesen Gruppen und fügt neue und reaktivierte Benutzer hinzu, wobei eine noch nicht vorhandene Gruppe angelegt wird. Trennen Sie mehrere durch Kommas.</translation>
    </message>
    <message>
        <source>ldaps://ldap.example.com</source>
        <translation>ldaps://ldap.example.com</translation>
    </message>
    <message>
        <source>cn=usersync,ou=services,dc=example,dc=com</source>
        <translation>cn=usersync,ou=services,dc=example,dc=com</translation>
    </message>
    <message>
        <source>An ldaps:// address, or ldap://, which UserSync always upgrades with StartTLS; the certificate is always verified. The bind DN needs the right to add, change and delete entries below the base DNs of users and groups. Users are written as inetOrgPerson named by uid, groups as groupOfUniqueNames (Atlassian&apos;s OpenLDAP preset; other object classes and attributes: usersync-cli target edit --ldap). The password is kept in the system keychain only.</source>
        <translation>Eine ldaps://-Adresse oder ldap://, das UserSync immer per StartTLS verschlüsselt; das Zertifikat wird immer geprüft. Der Bind-DN benötigt das Recht, unterhalb der Basis-DNs der Benutzer und Gruppen Einträge anzulegen, zu ändern und zu löschen. Benutzer werden als inetOrgPerson, benannt nach uid, geschrieben, Gruppen als groupOfUniqueNames (die OpenLDAP-Vorgabe von Atlassian; andere Objektklassen und Attribute: usersync-cli target edit --ldap). Das Passwort wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The LDAP server at %1 answers over TLS, its certificate verified</source>
        <translation>Der LDAP-Server unter %1 antwortet über TLS, sein Zertifikat wurde geprüft</translation>
    </message>
    <message>
        <source>Bound as %1, which may add and delete users and groups below the base DNs</source>
        <translation>Bind als %1 erfolgreich; dieser DN darf unterhalb der Basis-DNs Benutzer und Gruppen anlegen und löschen</translation>
    </message>
</context>
<context>
    <name>TargetLinks</name>
    <message>
        <source>The links of this application cannot be read: %1.</source>
        <translation>Die Verknüpfungen dieser Anwendung können nicht gelesen werden: %1.</translation>
    </message>
</context>
<context>
    <name>TargetListModel</name>
    <message>
        <source>%1 Data Center</source>
        <translation>%1 Data Center</translation>
    </message>
    <message>
        <source>not tested yet</source>
        <translation>noch nicht getestet</translation>
    </message>
    <message>
        <source>%1, connection works</source>
        <translation>%1, Verbindung funktioniert</translation>
    </message>
    <message>
        <source>%1, failed</source>
        <translation>%1, fehlgeschlagen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Last connection test</source>
        <translation>Letzter Verbindungstest</translation>
    </message>
</context>
<context>
    <name>TargetStore</name>
    <message>
        <source>The applications cannot be read from the directory: %1.</source>
        <translation>Die Anwendungen können nicht aus dem Verzeichnis gelesen werden: %1.</translation>
    </message>
    <message>
        <source>There is no application named “%1”. List them with: usersync-cli target list.</source>
        <translation>Es gibt keine Anwendung namens „%1“. Listen Sie die Anwendungen auf mit: usersync-cli target list.</translation>
    </message>
    <message>
        <source>An application named “%1” already exists. Choose another name, or edit that one.</source>
        <translation>Eine Anwendung namens „%1“ existiert bereits. Wählen Sie einen anderen Namen oder bearbeiten Sie diese Anwendung.</translation>
    </message>
    <message>
        <source>The application cannot be saved in the directory: %1.</source>
        <translation>Die Anwendung kann nicht im Verzeichnis gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>The application cannot be saved: %1. Another application may already have the name “%2”.</source>
        <translation>Die Anwendung kann nicht gespeichert werden: %1. Möglicherweise trägt bereits eine andere Anwendung den Namen „%2“.</translation>
    </message>
    <message>
        <source>The application “%1” no longer exists; it may have been removed meanwhile.</source>
        <translation>Die Anwendung „%1“ existiert nicht mehr; sie wurde möglicherweise zwischenzeitlich entfernt.</translation>
    </message>
    <message>
        <source>The application cannot be removed: %1.</source>
        <translation>Die Anwendung kann nicht entfernt werden: %1.</translation>
    </message>
    <message>
        <source>The result of the connection test cannot be stored: %1.</source>
        <translation>Das Ergebnis des Verbindungstests kann nicht gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>The connection tests cannot be read: %1.</source>
        <translation>Die Verbindungstests können nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The application “%1” cannot be removed while connectors synchronize into it: %2. Point them at another target first (usersync-cli connector edit NAME --target …).</source>
        <translation>Die Anwendung „%1“ kann nicht entfernt werden, solange Connectors in sie synchronisieren: %2. Richten Sie diese zuerst auf ein anderes Ziel aus (usersync-cli connector edit NAME --target …).</translation>
    </message>
    <message>
        <source>The application was removed, but its links could not be: %1.</source>
        <translation>Die Anwendung wurde entfernt, ihre Verknüpfungen jedoch nicht: %1.</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>The application connector “%1” synchronizes into is gone: %2 Choose another with: usersync-cli connector edit &quot;%1&quot; --target NAME.</source>
        <translation>Die Anwendung, in die der Connector „%1“ synchronisiert, existiert nicht mehr: %2 Wählen Sie eine andere mit: usersync-cli connector edit &quot;%1&quot; --target NAME.</translation>
    </message>
    <message>
        <source>The credential for %1 cannot be read: %2</source>
        <translation>Die Zugangsdaten für %1 können nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>TimeZoneComboBox</name>
    <message>
        <source>System time zone (%1)</source>
        <translation>Zeitzone des Systems (%1)</translation>
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
</context>
</TS>
