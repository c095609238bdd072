<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO">
    <context>
        <name>Application</name>
        <message>
            <location filename="../../app/ui/application.py" line="32" />
            <source>Demo not available</source>
            <translation>Demo indisponibil</translation>
        </message>
        <message>
            <location filename="../../app/ui/application.py" line="33" />
            <source>This build does not include the demo.</source>
            <translation>Această versiune nu include demo-ul.</translation>
        </message>
    </context>
    <context>
        <name>CrashReporter</name>
        <message>
            <location filename="../../app/ui/crash.py" line="39" />
            <location filename="../../app/ui/crash.py" line="48" />
            <source>Unexpected error</source>
            <translation>Eroare neașteptată</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="46" />
            <source>Something went wrong: %1. The program goes on; the details are in the log.</source>
            <translation>Ceva nu a mers bine: %1. Programul continuă; detaliile sunt în jurnal.</translation>
        </message>
    </context>
    <context>
        <name>DialogPresenter</name>
        <message>
            <location filename="../../app/ui/dialogs.py" line="71" />
            <source>Yes</source>
            <translation>Da</translation>
        </message>
        <message>
            <location filename="../../app/ui/dialogs.py" line="72" />
            <source>Cancel</source>
            <translation>Anulare</translation>
        </message>
    </context>
    <context>
        <name>ExportPage</name>
        <message>
            <location filename="../../app/ui/task_pages.py" line="113" />
            <source>The stock of each product is summed over the objects of these groups. None checked: the Object for operations is used.</source>
            <translation>Stocul fiecărui produs se însumează pe obiectele acestor grupuri. Niciunul bifat: se folosește Obiectul pentru operațiuni.</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="120" />
            <source>Only goods of the checked groups (and their sub-groups) are uploaded. None checked: all goods.</source>
            <translation>Se încarcă doar mărfurile din grupurile bifate (și subgrupurile lor). Niciunul bifat: toate mărfurile.</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="131" />
            <source>Available (on hand minus open orders)</source>
            <translation>Disponibil (stoc minus comenzi deschise)</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="132" />
            <source>On hand</source>
            <translation>În stoc</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="143" />
            <source>Export from Warehouse Pro</source>
            <translation>Export din Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="145" />
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="146" />
            <source>Object for operations</source>
            <translation>Obiect pentru operațiuni</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="147" />
            <source>Export quantities from Warehouse Pro</source>
            <translation>Export cantități din Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="148" />
            <source>Export goods from Warehouse Pro</source>
            <translation>Export de bunuri din Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="149" />
            <source>Price column</source>
            <translation>Coloana de preț</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="150" />
            <source>Quantity sent</source>
            <translation>Cantitatea trimisă</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="151" />
            <source>Groups</source>
            <translation>Grupuri</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="154" />
            <source>Object groups for quantities</source>
            <translation>Grupuri de obiecte de cantitate</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="155" />
            <source>Goods groups</source>
            <translation>Grupuri de mărfuri</translation>
        </message>
    </context>
    <context>
        <name>GroupTree</name>
        <message>
            <location filename="../../app/ui/group_tree.py" line="77" />
            <source>Not found in the database</source>
            <translation>Nu a fost găsit în baza de date</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <location filename="../../app/ui/task_pages.py" line="53" />
            <source>Imports all shop products into Warehouse Pro. Do it once, then set it back to No.</source>
            <translation>Importă toate produsele magazinului în Warehouse Pro. Faceți-o o singură dată, apoi reveniți la Nu.</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="57" />
            <source>Order</source>
            <translation>Comandă</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="67" />
            <source>Import from CloudCart</source>
            <translation>Import din CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="69" />
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="70" />
            <source>Object for operations</source>
            <translation>Obiect pentru operațiuni</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="71" />
            <source>Pull products from CloudCart</source>
            <translation>Retragerea produselor din CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="72" />
            <source>Document type</source>
            <translation>Tip document</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="73" />
            <source>Goods group for pulled goods</source>
            <translation>Grup de mărfuri pentru bunurile retrase</translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message>
            <location filename="../../app/ui/log_view.py" line="41" />
            <source>All messages</source>
            <translation>Toate mesajele</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="42" />
            <source>Information</source>
            <translation>Informații</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="43" />
            <source>Warnings and errors</source>
            <translation>Avertismente și erori</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="44" />
            <source>Errors only</source>
            <translation>Doar erori</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="50" />
            <source>Search the log</source>
            <translation>Căutare în jurnal</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="52" />
            <source>Copy</source>
            <translation>Copiere</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="53" />
            <source>Copy the shown lines (or the selection) to the clipboard</source>
            <translation>Copiază liniile afișate (sau selecția) în clipboard</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="54" />
            <source>Clear</source>
            <translation>Golire</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/ui/main_window.py" line="54" />
            <source>Utility Center — Warehouse Pro ⇄ CloudCart</source>
            <translation>Utility Center — Warehouse Pro ⇄ CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="111" />
            <source>Servers</source>
            <translation>Servere</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="117" />
            <source>New server</source>
            <translation>Server nou</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="117" />
            <source>Create a server</source>
            <translation>Creează un server</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="119" />
            <source>Modify</source>
            <translation>Modificare</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="119" />
            <source>Edit the settings</source>
            <translation>Modifică setările</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="121" />
            <location filename="../../app/ui/main_window.py" line="237" />
            <source>Delete</source>
            <translation>Ștergere</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="121" />
            <source>Delete the server, its state and its secrets</source>
            <translation>Șterge serverul, starea și secretele lui</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="125" />
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="125" />
            <source>Run the tasks by their start mode</source>
            <translation>Rulează sarcinile după modul lor de pornire</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="128" />
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="128" />
            <source>Stop the server and cancel its job</source>
            <translation>Oprește serverul și anulează lucrarea lui</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="132" />
            <source>Preview</source>
            <translation>Previzualizare</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="133" />
            <source>Dry run: list what the tasks would change, writing nothing</source>
            <translation>Rulare de probă: arată ce ar schimba sarcinile, fără a scrie nimic</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="138" />
            <source>Progress</source>
            <translation>Progres</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="140" />
            <source>Log</source>
            <translation>Jurnal</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="194" />
            <source>%1 server(s), %2 running</source>
            <translation>%1 server(e), %2 în lucru</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="225" />
            <source>Server %1 saved</source>
            <translation>Serverul %1 a fost salvat</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="227" />
            <source>Saved. Stop and start the server to use the new settings.</source>
            <translation>Salvat. Opriți și porniți serverul pentru a folosi noile setări.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="234" />
            <source>Delete the server %1? Its settings, its state and its stored Key and password are removed.</source>
            <translation>Ștergeți serverul %1? Setările, starea, Cheia și parola salvate vor fi eliminate.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="237" />
            <source>Delete server</source>
            <translation>Ștergere server</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="242" />
            <source>Server is running</source>
            <translation>Serverul rulează</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="242" />
            <source>Stop the server before deleting it.</source>
            <translation>Opriți serverul înainte de a-l șterge.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="247" />
            <source>Server %1 deleted</source>
            <translation>Serverul %1 a fost șters</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="255" />
            <source>Nothing to start</source>
            <translation>Nimic de pornit</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="256" />
            <source>Both tasks are Off. Press Modify and choose a start for Import or Export.</source>
            <translation>Ambele sarcini sunt oprite. Apăsați Modificare și alegeți pornirea pentru Import sau Export.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="313" />
            <source>%1: scheduled run failed</source>
            <translation>%1: rularea planificată a eșuat</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="320" />
            <source>%1 — done</source>
            <translation>%1 — gata</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="324" />
            <source>Error</source>
            <translation>Eroare</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="326" />
            <source>%1 — done with errors</source>
            <translation>%1 — terminat cu erori</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="340" />
            <source>Unexpected error</source>
            <translation>Eroare neașteptată</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="353" />
            <source>Stopping the running servers…</source>
            <translation>Se opresc serverele pornite…</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <location filename="../../app/ui/menus.py" line="19" />
            <source>&amp;File</source>
            <translation>&amp;Fișier</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="20" />
            <source>&amp;Quit</source>
            <translation>&amp;Ieșire</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="21" />
            <source>&amp;Settings</source>
            <translation>&amp;Setări</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="22" />
            <location filename="../../app/ui/menus.py" line="41" />
            <source>Language</source>
            <translation>Limbă</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="26" />
            <source>System language</source>
            <translation>Limba sistemului</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="34" />
            <source>&amp;Help</source>
            <translation>&amp;Ajutor</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="35" />
            <source>Open the log folder</source>
            <translation>Deschide dosarul jurnalului</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="36" />
            <location filename="../../app/ui/menus.py" line="51" />
            <source>About</source>
            <translation>Despre</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="42" />
            <source>The new language is used from the next start of the program.</source>
            <translation>Noua limbă se folosește de la următoarea pornire a programului.</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="52" />
            <source>Utility Center for Warehouse Pro ⇄ CloudCart, version %1</source>
            <translation>Utility Center pentru Warehouse Pro ⇄ CloudCart, versiunea %1</translation>
        </message>
    </context>
    <context>
        <name>ObjectPicker</name>
        <message>
            <location filename="../../app/ui/form_fields.py" line="122" />
            <source>Name or code of a Warehouse Pro object</source>
            <translation>Numele sau codul unui obiect Warehouse Pro</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="51" />
            <source>Preview of %1 — nothing was written</source>
            <translation>Previzualizare %1 — nu s-a scris nimic</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="62" />
            <source>Nothing would change.</source>
            <translation>Nu s-ar schimba nimic.</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Task</source>
            <translation>Sarcină</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Key</source>
            <translation>Cheie</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Action</source>
            <translation>Acțiune</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Field</source>
            <translation>Câmp</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Before</source>
            <translation>Înainte</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>After</source>
            <translation>După</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="81" />
            <source>No server is running. Select a server and press Start or Preview.</source>
            <translation>Niciun server nu rulează. Selectați un server și apăsați Start sau Previzualizare.</translation>
        </message>
    </context>
    <context>
        <name>ProgressRow</name>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="37" />
            <source>Starting…</source>
            <translation>Pornire…</translation>
        </message>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="43" />
            <source>Cancel</source>
            <translation>Anulare</translation>
        </message>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="65" />
            <source>About %1 left</source>
            <translation>Mai rămân aprox. %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="69" />
            <source>Cancelling…</source>
            <translation>Se anulează…</translation>
        </message>
    </context>
    <context>
        <name>ReportText</name>
        <message numerus="yes">
            <location filename="../../app/ui/report_text.py" line="24" />
            <source>%n goods imported successfully</source>
            <translation>
                <numerusform>%n bun importat cu succes</numerusform>
                <numerusform>%n bunuri importate cu succes</numerusform>
                <numerusform>%n de bunuri importate cu succes</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/report_text.py" line="28" />
            <source>Error</source>
            <translation>Eroare</translation>
        </message>
        <message>
            <location filename="../../app/ui/report_text.py" line="33" />
            <source>nothing to do</source>
            <translation>nimic de făcut</translation>
        </message>
        <message>
            <location filename="../../app/ui/report_text.py" line="37" />
            <source>%1 item(s) could not be processed; see Details.</source>
            <translation>%1 element(e) nu au putut fi procesate; vedeți Detalii.</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="66" />
            <source>Modify server</source>
            <translation>Modificare server</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="66" />
            <source>New server</source>
            <translation>Server nou</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="81" />
            <source>Name</source>
            <translation>Nume</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="82" />
            <source>Server type</source>
            <translation>Tip server</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="89" />
            <source>Shop</source>
            <translation>Magazin</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="90" />
            <source>Warehouse Pro database</source>
            <translation>Baza de date Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="91" />
            <source>Import from CloudCart</source>
            <translation>Import din CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="92" />
            <source>Export from Warehouse Pro</source>
            <translation>Export din Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="294" />
            <source>Connection tests are not available in this version.</source>
            <translation>Testele de conexiune nu sunt disponibile în această versiune.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="296" />
            <source>Connecting…</source>
            <translation>Conectare…</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="311" />
            <source>Fix the API identifier first.</source>
            <translation>Corectați mai întâi Identificatorul API.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="315" />
            <source>Type the Key first.</source>
            <translation>Introduceți mai întâi Cheia.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="329" />
            <location filename="../../app/ui/server_dialog.py" line="344" />
            <source>Fix the database settings first.</source>
            <translation>Corectați mai întâi setările bazei de date.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="361" />
            <source>Read %1 objects, %2 object groups and %3 goods groups from the database.</source>
            <translation>S-au citit %1 obiecte, %2 grupuri de obiecte și %3 grupuri de mărfuri din baza de date.</translation>
        </message>
    </context>
    <context>
        <name>ServerList</name>
        <message>
            <location filename="../../app/ui/server_list.py" line="69" />
            <source>Status</source>
            <translation>Stare</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="70" />
            <source>Name</source>
            <translation>Nume</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="71" />
            <source>Type</source>
            <translation>Tip</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="72" />
            <source>Last run</source>
            <translation>Ultima rulare</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="73" />
            <source>Result</source>
            <translation>Rezultat</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="74" />
            <source>Next run</source>
            <translation>Următoarea rulare</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="122" />
            <source>Running</source>
            <translation>Rulează</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="124" />
            <source>Started</source>
            <translation>Pornit</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="125" />
            <source>Stopped</source>
            <translation>Oprit</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="129" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="129" />
            <source>Partly done</source>
            <translation>Parțial reușit</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="129" />
            <source>Failed</source>
            <translation>Eșuat</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="137" />
            <source>Not started</source>
            <translation>Nepornit</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="140" />
            <source>Nothing planned</source>
            <translation>Nimic planificat</translation>
        </message>
    </context>
    <context>
        <name>ShopPage</name>
        <message>
            <location filename="../../app/ui/shop_page.py" line="34" />
            <source>The shop's 64-character API key</source>
            <translation>Cheia API a magazinului (64 de caractere)</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="37" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="38" />
            <source>Barcode</source>
            <translation>Cod de bare</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="39" />
            <source>Test connection</source>
            <translation>Testare conexiune</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="50" />
            <source>CloudCart shop</source>
            <translation>Magazin CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="52" />
            <source>API identifier</source>
            <translation>Identificator API</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="53" />
            <source>Key</source>
            <translation>Cheie</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="54" />
            <source>Compare by</source>
            <translation>Comparație după</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="61" />
            <source>Mark imported products as active</source>
            <translation>Marcați produsele importate ca active</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="62" />
            <source>Mark imported products as featured (recommended)</source>
            <translation>Marcați produsele importate ca recomandate</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="63" />
            <source>Mark imported products as new</source>
            <translation>Marcați produsele importate ca noi</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="64" />
            <source>All imported products contain weight information</source>
            <translation>Toate produsele importate conțin informații despre greutate</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="65" />
            <source>Track the quantity of imported products</source>
            <translation>Urmăriți cantitatea de produse importate</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="66" />
            <source>Continue selling when the quantity is 0</source>
            <translation>Continuă vânzarea chiar și cu cantitatea 0</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="69" />
            <source>Products created in the shop</source>
            <translation>Produse create în magazin</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="77" />
            <source>Tick it even if only some goods have a weight: the products are physical and ship.</source>
            <translation>Bifați chiar dacă doar unele bunuri au greutate: produsele sunt fizice și se livrează.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="91" />
            <source>Stored in the keyring — type a new Key to replace it</source>
            <translation>Păstrată în keyring — introduceți o Cheie nouă pentru a o înlocui</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="94" />
            <source>Read from the environment variable %1</source>
            <translation>Citită din variabila de mediu %1</translation>
        </message>
    </context>
    <context>
        <name>StartModeEdit</name>
        <message>
            <location filename="../../app/ui/form_fields.py" line="65" />
            <source>Off</source>
            <translation>Oprit</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="66" />
            <source>When the server starts</source>
            <translation>Când pornește serverul</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="67" />
            <source>After a delay</source>
            <translation>După o întârziere</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="68" />
            <source>Every</source>
            <translation>La fiecare</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="73" />
            <source>seconds</source>
            <translation>secunde</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="74" />
            <source>minutes</source>
            <translation>minute</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="75" />
            <source>hours</source>
            <translation>ore</translation>
        </message>
    </context>
    <context>
        <name>TaskPages</name>
        <message>
            <location filename="../../app/ui/task_pages.py" line="26" />
            <source>Load from the database</source>
            <translation>Încarcă din baza de date</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="29" />
            <source>Read the objects and groups of the Warehouse Pro database</source>
            <translation>Citește obiectele și grupurile din baza de date Warehouse Pro</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <location filename="../../app/ui/server_list.py" line="18" />
            <source>Import from CloudCart</source>
            <translation>Import din CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="19" />
            <source>Export from Warehouse Pro</source>
            <translation>Export din Warehouse Pro</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../app/ui/tray.py" line="32" />
            <source>Show the window</source>
            <translation>Arată fereastra</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray.py" line="33" />
            <source>Quit</source>
            <translation>Ieșire</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray.py" line="37" />
            <source>No server is running</source>
            <translation>Niciun server nu rulează</translation>
        </message>
    </context>
    <context>
        <name>WarehousePage</name>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="36" />
            <source>Path of the database file</source>
            <translation>Calea fișierului bazei de date</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="37" />
            <source>Browse…</source>
            <translation>Răsfoire…</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="43" />
            <location filename="../../app/ui/warehouse_page.py" line="104" />
            <source>default</source>
            <translation>implicit</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="53" />
            <source>Optional, e.g. ODBC Driver 18 for SQL Server</source>
            <translation>Opțional, de ex. ODBC Driver 18 for SQL Server</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="54" />
            <source>Test connection</source>
            <translation>Testare conexiune</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="70" />
            <location filename="../../app/ui/warehouse_page.py" line="112" />
            <source>Warehouse Pro database</source>
            <translation>Baza de date Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="72" />
            <source>Database type</source>
            <translation>Tip bază de date</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="73" />
            <source>Database file</source>
            <translation>Fișierul bazei de date</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="74" />
            <source>Host</source>
            <translation>Gazdă</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="75" />
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="76" />
            <source>Database</source>
            <translation>Bază de date</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="77" />
            <source>User</source>
            <translation>Utilizator</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="78" />
            <source>Password</source>
            <translation>Parolă</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="79" />
            <source>ODBC driver</source>
            <translation>Driver ODBC</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="109" />
            <source>Access databases (*.mdb *.accdb);;All files (*)</source>
            <translation>Baze de date Access (*.mdb *.accdb);;Toate fișierele (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="111" />
            <source>SQLite databases (*.db *.db3 *.sqlite);;All files (*)</source>
            <translation>Baze de date SQLite (*.db *.db3 *.sqlite);;Toate fișierele (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="129" />
            <source>Stored in the keyring — type a new password to replace it</source>
            <translation>Păstrată în keyring — introduceți o parolă nouă pentru a o înlocui</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="132" />
            <source>Read from the environment variable %1</source>
            <translation>Citită din variabila de mediu %1</translation>
        </message>
    </context>
    <context>
        <name>YesNo</name>
        <message>
            <location filename="../../app/ui/form_fields.py" line="47" />
            <source>Yes</source>
            <translation>Da</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="48" />
            <source>No</source>
            <translation>Nu</translation>
        </message>
    </context>
</TS>