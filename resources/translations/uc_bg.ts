<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bg_BG">
    <context>
        <name>Application</name>
        <message>
            <location filename="../../app/ui/application.py" line="32" />
            <source>Demo not available</source>
            <translation>Демото не е налично</translation>
        </message>
        <message>
            <location filename="../../app/ui/application.py" line="33" />
            <source>This build does not include the demo.</source>
            <translation>Тази версия не включва демото.</translation>
        </message>
    </context>
    <context>
        <name>CrashReporter</name>
        <message>
            <location filename="../../app/ui/crash.py" line="39" />
            <location filename="../../app/ui/crash.py" line="48" />
            <source>Unexpected error</source>
            <translation>Неочаквана грешка</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="46" />
            <source>Something went wrong: %1. The program goes on; the details are in the log.</source>
            <translation>Нещо се обърка: %1. Програмата продължава; подробностите са в дневника.</translation>
        </message>
    </context>
    <context>
        <name>DialogPresenter</name>
        <message>
            <location filename="../../app/ui/dialogs.py" line="71" />
            <source>Yes</source>
            <translation>Да</translation>
        </message>
        <message>
            <location filename="../../app/ui/dialogs.py" line="72" />
            <source>Cancel</source>
            <translation>Отказ</translation>
        </message>
    </context>
    <context>
        <name>ExportPage</name>
        <message>
            <location filename="../../app/ui/task_pages.py" line="113" />
            <source>The stock of each product is summed over the objects of these groups. None checked: the Object for operations is used.</source>
            <translation>Наличността на всяка стока се сумира по обектите от тези групи. Без отметка: използва се Обектът за операциите.</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="120" />
            <source>Only goods of the checked groups (and their sub-groups) are uploaded. None checked: all goods.</source>
            <translation>Качват се само стоките от отметнатите групи (и техните подгрупи). Без отметка: всички стоки.</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="131" />
            <source>Available (on hand minus open orders)</source>
            <translation>Разполагаемо (наличност минус отворени поръчки)</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="132" />
            <source>On hand</source>
            <translation>Наличност</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="143" />
            <source>Export from Warehouse Pro</source>
            <translation>Експорт от Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="145" />
            <source>Start</source>
            <translation>Старт</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="146" />
            <source>Object for operations</source>
            <translation>Обект за операциите</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="147" />
            <source>Export quantities from Warehouse Pro</source>
            <translation>Експорт на количества от Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="148" />
            <source>Export goods from Warehouse Pro</source>
            <translation>Експорт на стоки от Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="149" />
            <source>Price column</source>
            <translation>Колона с цена</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="150" />
            <source>Quantity sent</source>
            <translation>Изпращано количество</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="151" />
            <source>Groups</source>
            <translation>Групи</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="154" />
            <source>Object groups for quantities</source>
            <translation>Групи обекти за количества</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="155" />
            <source>Goods groups</source>
            <translation>Групи стоки</translation>
        </message>
    </context>
    <context>
        <name>GroupTree</name>
        <message>
            <location filename="../../app/ui/group_tree.py" line="77" />
            <source>Not found in the database</source>
            <translation>Не е намерено в базата данни</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <location filename="../../app/ui/task_pages.py" line="53" />
            <source>Imports all shop products into Warehouse Pro. Do it once, then set it back to No.</source>
            <translation>Импортира всички продукти от магазина в Warehouse Pro. Направете го веднъж, след това върнете на Не.</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="57" />
            <source>Order</source>
            <translation>Поръчка</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="67" />
            <source>Import from CloudCart</source>
            <translation>Импорт от CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="69" />
            <source>Start</source>
            <translation>Старт</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="70" />
            <source>Object for operations</source>
            <translation>Обект за операциите</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="71" />
            <source>Pull products from CloudCart</source>
            <translation>Изтегляне на стоки от CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="72" />
            <source>Document type</source>
            <translation>Тип документ</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="73" />
            <source>Goods group for pulled goods</source>
            <translation>Група за изтеглените стоки</translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message>
            <location filename="../../app/ui/log_view.py" line="41" />
            <source>All messages</source>
            <translation>Всички съобщения</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="42" />
            <source>Information</source>
            <translation>Информация</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="43" />
            <source>Warnings and errors</source>
            <translation>Предупреждения и грешки</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="44" />
            <source>Errors only</source>
            <translation>Само грешки</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="50" />
            <source>Search the log</source>
            <translation>Търсене в дневника</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="52" />
            <source>Copy</source>
            <translation>Копиране</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="53" />
            <source>Copy the shown lines (or the selection) to the clipboard</source>
            <translation>Копира показаните редове (или избраното) в клипборда</translation>
        </message>
        <message>
            <location filename="../../app/ui/log_view.py" line="54" />
            <source>Clear</source>
            <translation>Изчистване</translation>
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
            <translation>Сървъри</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="117" />
            <source>New server</source>
            <translation>Нов сървър</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="117" />
            <source>Create a server</source>
            <translation>Създава сървър</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="119" />
            <source>Modify</source>
            <translation>Промяна</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="119" />
            <source>Edit the settings</source>
            <translation>Редактира настройките</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="121" />
            <location filename="../../app/ui/main_window.py" line="237" />
            <source>Delete</source>
            <translation>Изтриване</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="121" />
            <source>Delete the server, its state and its secrets</source>
            <translation>Изтрива сървъра, състоянието и тайните му</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="125" />
            <source>Start</source>
            <translation>Старт</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="125" />
            <source>Run the tasks by their start mode</source>
            <translation>Изпълнява задачите според начина им на стартиране</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="128" />
            <source>Stop</source>
            <translation>Стоп</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="128" />
            <source>Stop the server and cancel its job</source>
            <translation>Спира сървъра и прекратява текущата му работа</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="132" />
            <source>Preview</source>
            <translation>Преглед</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="133" />
            <source>Dry run: list what the tasks would change, writing nothing</source>
            <translation>Пробно изпълнение: показва какво биха променили задачите, без да записва нищо</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="138" />
            <source>Progress</source>
            <translation>Напредък</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="140" />
            <source>Log</source>
            <translation>Дневник</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="194" />
            <source>%1 server(s), %2 running</source>
            <translation>%1 сървър(а), %2 работят</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="225" />
            <source>Server %1 saved</source>
            <translation>Сървърът %1 е записан</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="227" />
            <source>Saved. Stop and start the server to use the new settings.</source>
            <translation>Записано. Спрете и стартирайте сървъра, за да използва новите настройки.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="234" />
            <source>Delete the server %1? Its settings, its state and its stored Key and password are removed.</source>
            <translation>Да се изтрие ли сървърът %1? Настройките, състоянието и съхранените Ключ и парола се премахват.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="237" />
            <source>Delete server</source>
            <translation>Изтриване на сървър</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="242" />
            <source>Server is running</source>
            <translation>Сървърът работи</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="242" />
            <source>Stop the server before deleting it.</source>
            <translation>Спрете сървъра, преди да го изтриете.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="247" />
            <source>Server %1 deleted</source>
            <translation>Сървърът %1 е изтрит</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="255" />
            <source>Nothing to start</source>
            <translation>Няма какво да се стартира</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="256" />
            <source>Both tasks are Off. Press Modify and choose a start for Import or Export.</source>
            <translation>И двете задачи са изключени. Натиснете Промяна и изберете стартиране за Импорт или Експорт.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="313" />
            <source>%1: scheduled run failed</source>
            <translation>%1: планираното изпълнение е неуспешно</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="320" />
            <source>%1 — done</source>
            <translation>%1 — готово</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="324" />
            <source>Error</source>
            <translation>Грешка</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="326" />
            <source>%1 — done with errors</source>
            <translation>%1 — завършено с грешки</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="340" />
            <source>Unexpected error</source>
            <translation>Неочаквана грешка</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="353" />
            <source>Stopping the running servers…</source>
            <translation>Спиране на работещите сървъри…</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <location filename="../../app/ui/menus.py" line="19" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="20" />
            <source>&amp;Quit</source>
            <translation>&amp;Изход</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="21" />
            <source>&amp;Settings</source>
            <translation>&amp;Настройки</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="22" />
            <location filename="../../app/ui/menus.py" line="41" />
            <source>Language</source>
            <translation>Език</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="26" />
            <source>System language</source>
            <translation>Езикът на системата</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="34" />
            <source>&amp;Help</source>
            <translation>&amp;Помощ</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="35" />
            <source>Open the log folder</source>
            <translation>Отваряне на папката с дневници</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="36" />
            <location filename="../../app/ui/menus.py" line="51" />
            <source>About</source>
            <translation>Относно</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="42" />
            <source>The new language is used from the next start of the program.</source>
            <translation>Новият език се използва от следващото стартиране на програмата.</translation>
        </message>
        <message>
            <location filename="../../app/ui/menus.py" line="52" />
            <source>Utility Center for Warehouse Pro ⇄ CloudCart, version %1</source>
            <translation>Utility Center за Warehouse Pro ⇄ CloudCart, версия %1</translation>
        </message>
    </context>
    <context>
        <name>ObjectPicker</name>
        <message>
            <location filename="../../app/ui/form_fields.py" line="122" />
            <source>Name or code of a Warehouse Pro object</source>
            <translation>Име или код на обект от Warehouse Pro</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="51" />
            <source>Preview of %1 — nothing was written</source>
            <translation>Преглед на %1 — нищо не е записано</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="62" />
            <source>Nothing would change.</source>
            <translation>Нищо няма да се промени.</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Task</source>
            <translation>Задача</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Key</source>
            <translation>Ключ</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Action</source>
            <translation>Действие</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>Before</source>
            <translation>Преди</translation>
        </message>
        <message>
            <location filename="../../app/ui/preview_dialog.py" line="68" />
            <source>After</source>
            <translation>След</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="81" />
            <source>No server is running. Select a server and press Start or Preview.</source>
            <translation>Няма работещ сървър. Изберете сървър и натиснете Старт или Преглед.</translation>
        </message>
    </context>
    <context>
        <name>ProgressRow</name>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="37" />
            <source>Starting…</source>
            <translation>Стартиране…</translation>
        </message>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="43" />
            <source>Cancel</source>
            <translation>Отказ</translation>
        </message>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="65" />
            <source>About %1 left</source>
            <translation>Остават около %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/progress_panel.py" line="69" />
            <source>Cancelling…</source>
            <translation>Прекратяване…</translation>
        </message>
    </context>
    <context>
        <name>ReportText</name>
        <message numerus="yes">
            <location filename="../../app/ui/report_text.py" line="24" />
            <source>%n goods imported successfully</source>
            <translation>
                <numerusform>%n стока е импортирана успешно</numerusform>
                <numerusform>%n стоки са импортирани успешно</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/report_text.py" line="28" />
            <source>Error</source>
            <translation>Грешка</translation>
        </message>
        <message>
            <location filename="../../app/ui/report_text.py" line="33" />
            <source>nothing to do</source>
            <translation>няма какво да се прави</translation>
        </message>
        <message>
            <location filename="../../app/ui/report_text.py" line="37" />
            <source>%1 item(s) could not be processed; see Details.</source>
            <translation>%1 елемент(а) не можаха да бъдат обработени; вижте Подробности.</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="66" />
            <source>Modify server</source>
            <translation>Промяна на сървър</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="66" />
            <source>New server</source>
            <translation>Нов сървър</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="81" />
            <source>Name</source>
            <translation>Име</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="82" />
            <source>Server type</source>
            <translation>Тип сървър</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="89" />
            <source>Shop</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="90" />
            <source>Warehouse Pro database</source>
            <translation>База данни на Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="91" />
            <source>Import from CloudCart</source>
            <translation>Импорт от CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="92" />
            <source>Export from Warehouse Pro</source>
            <translation>Експорт от Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="294" />
            <source>Connection tests are not available in this version.</source>
            <translation>Проверките на връзката не са налични в тази версия.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="296" />
            <source>Connecting…</source>
            <translation>Свързване…</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="311" />
            <source>Fix the API identifier first.</source>
            <translation>Първо поправете API идентификатора.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="315" />
            <source>Type the Key first.</source>
            <translation>Първо въведете Ключа.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="329" />
            <location filename="../../app/ui/server_dialog.py" line="344" />
            <source>Fix the database settings first.</source>
            <translation>Първо поправете настройките на базата данни.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_dialog.py" line="361" />
            <source>Read %1 objects, %2 object groups and %3 goods groups from the database.</source>
            <translation>Прочетени са %1 обекта, %2 групи обекти и %3 групи стоки от базата данни.</translation>
        </message>
    </context>
    <context>
        <name>ServerList</name>
        <message>
            <location filename="../../app/ui/server_list.py" line="69" />
            <source>Status</source>
            <translation>Състояние</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="70" />
            <source>Name</source>
            <translation>Име</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="71" />
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="72" />
            <source>Last run</source>
            <translation>Последно изпълнение</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="73" />
            <source>Result</source>
            <translation>Резултат</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="74" />
            <source>Next run</source>
            <translation>Следващо изпълнение</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="122" />
            <source>Running</source>
            <translation>Работи</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="124" />
            <source>Started</source>
            <translation>Стартиран</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="125" />
            <source>Stopped</source>
            <translation>Спрян</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="129" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="129" />
            <source>Partly done</source>
            <translation>Частично изпълнено</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="129" />
            <source>Failed</source>
            <translation>Неуспешно</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="137" />
            <source>Not started</source>
            <translation>Не е стартиран</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="140" />
            <source>Nothing planned</source>
            <translation>Нищо не е планирано</translation>
        </message>
    </context>
    <context>
        <name>ShopPage</name>
        <message>
            <location filename="../../app/ui/shop_page.py" line="34" />
            <source>The shop's 64-character API key</source>
            <translation>API ключът на магазина (64 знака)</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="37" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="38" />
            <source>Barcode</source>
            <translation>Баркод</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="39" />
            <source>Test connection</source>
            <translation>Проверка на връзката</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="50" />
            <source>CloudCart shop</source>
            <translation>Магазин CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="52" />
            <source>API identifier</source>
            <translation>API идентификатор</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="53" />
            <source>Key</source>
            <translation>Ключ</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="54" />
            <source>Compare by</source>
            <translation>Сравняване по</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="61" />
            <source>Mark imported products as active</source>
            <translation>Маркирай импортираните продукти като активни</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="62" />
            <source>Mark imported products as featured (recommended)</source>
            <translation>Маркирай импортираните продукти като препоръчани</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="63" />
            <source>Mark imported products as new</source>
            <translation>Маркирай импортираните продукти като нови</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="64" />
            <source>All imported products contain weight information</source>
            <translation>Всички импортирани продукти съдържат информация за тегло</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="65" />
            <source>Track the quantity of imported products</source>
            <translation>Следи количеството на импортираните продукти</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="66" />
            <source>Continue selling when the quantity is 0</source>
            <translation>Продължи продажбата при количество 0</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="69" />
            <source>Products created in the shop</source>
            <translation>Продукти, създадени в магазина</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="77" />
            <source>Tick it even if only some goods have a weight: the products are physical and ship.</source>
            <translation>Отметнете дори ако само някои стоки имат тегло: продуктите са физически и се доставят.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="91" />
            <source>Stored in the keyring — type a new Key to replace it</source>
            <translation>Съхранен в хранилището за пароли — въведете нов Ключ, за да го замените</translation>
        </message>
        <message>
            <location filename="../../app/ui/shop_page.py" line="94" />
            <source>Read from the environment variable %1</source>
            <translation>Чете се от променливата на средата %1</translation>
        </message>
    </context>
    <context>
        <name>StartModeEdit</name>
        <message>
            <location filename="../../app/ui/form_fields.py" line="65" />
            <source>Off</source>
            <translation>Изключено</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="66" />
            <source>When the server starts</source>
            <translation>При стартиране на сървъра</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="67" />
            <source>After a delay</source>
            <translation>След забавяне</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="68" />
            <source>Every</source>
            <translation>На всеки</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="73" />
            <source>seconds</source>
            <translation>секунди</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="74" />
            <source>minutes</source>
            <translation>минути</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="75" />
            <source>hours</source>
            <translation>часа</translation>
        </message>
    </context>
    <context>
        <name>TaskPages</name>
        <message>
            <location filename="../../app/ui/task_pages.py" line="26" />
            <source>Load from the database</source>
            <translation>Зареди от базата данни</translation>
        </message>
        <message>
            <location filename="../../app/ui/task_pages.py" line="29" />
            <source>Read the objects and groups of the Warehouse Pro database</source>
            <translation>Прочита обектите и групите от базата данни на Warehouse Pro</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <location filename="../../app/ui/server_list.py" line="18" />
            <source>Import from CloudCart</source>
            <translation>Импорт от CloudCart</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_list.py" line="19" />
            <source>Export from Warehouse Pro</source>
            <translation>Експорт от Warehouse Pro</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../app/ui/tray.py" line="32" />
            <source>Show the window</source>
            <translation>Покажи прозореца</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray.py" line="33" />
            <source>Quit</source>
            <translation>Изход</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray.py" line="37" />
            <source>No server is running</source>
            <translation>Няма работещ сървър</translation>
        </message>
    </context>
    <context>
        <name>WarehousePage</name>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="36" />
            <source>Path of the database file</source>
            <translation>Път до файла на базата данни</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="37" />
            <source>Browse…</source>
            <translation>Преглед…</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="43" />
            <location filename="../../app/ui/warehouse_page.py" line="104" />
            <source>default</source>
            <translation>по подразбиране</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="53" />
            <source>Optional, e.g. ODBC Driver 18 for SQL Server</source>
            <translation>По избор, напр. ODBC Driver 18 for SQL Server</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="54" />
            <source>Test connection</source>
            <translation>Проверка на връзката</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="70" />
            <location filename="../../app/ui/warehouse_page.py" line="112" />
            <source>Warehouse Pro database</source>
            <translation>База данни на Warehouse Pro</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="72" />
            <source>Database type</source>
            <translation>Тип база данни</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="73" />
            <source>Database file</source>
            <translation>Файл на базата данни</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="74" />
            <source>Host</source>
            <translation>Хост</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="75" />
            <source>Port</source>
            <translation>Порт</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="76" />
            <source>Database</source>
            <translation>База данни</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="77" />
            <source>User</source>
            <translation>Потребител</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="78" />
            <source>Password</source>
            <translation>Парола</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="79" />
            <source>ODBC driver</source>
            <translation>ODBC драйвер</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="109" />
            <source>Access databases (*.mdb *.accdb);;All files (*)</source>
            <translation>Бази данни Access (*.mdb *.accdb);;Всички файлове (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="111" />
            <source>SQLite databases (*.db *.db3 *.sqlite);;All files (*)</source>
            <translation>Бази данни SQLite (*.db *.db3 *.sqlite);;Всички файлове (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="129" />
            <source>Stored in the keyring — type a new password to replace it</source>
            <translation>Съхранена в хранилището за пароли — въведете нова парола, за да я замените</translation>
        </message>
        <message>
            <location filename="../../app/ui/warehouse_page.py" line="132" />
            <source>Read from the environment variable %1</source>
            <translation>Чете се от променливата на средата %1</translation>
        </message>
    </context>
    <context>
        <name>YesNo</name>
        <message>
            <location filename="../../app/ui/form_fields.py" line="47" />
            <source>Yes</source>
            <translation>Да</translation>
        </message>
        <message>
            <location filename="../../app/ui/form_fields.py" line="48" />
            <source>No</source>
            <translation>Не</translation>
        </message>
    </context>
</TS>