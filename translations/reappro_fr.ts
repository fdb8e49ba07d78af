<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="61"/>
        <source>Saves a picture of the main window to this PNG file, then quits.</source>
        <translation>Enregistre une image de la fenêtre principale dans ce fichier PNG, puis quitte.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="45"/>
        <source>Reappro: decision support for the stock of a hospital pharmacy.</source>
        <translation>Reappro&#xa0;: aide à la décision pour le stock de la pharmacie hospitalière.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="49"/>
        <source>Shows this help.</source>
        <translation>Affiche cette aide.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>Shows the version.</source>
        <translation>Affiche la version.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="54"/>
        <source>SQLite database to open (created if missing). Default: the one used last time.</source>
        <translation>Base SQLite à ouvrir (créée si absente). Par défaut&#xa0;: la dernière base utilisée.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="55"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="57"/>
        <source>Language of the interface: fr (default) or en.</source>
        <translation>Langue de l&apos;interface&#xa0;: fr (par défaut) ou en.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="89"/>
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
</context>
<context>
    <name>reappro::ExplainedTable</name>
    <message>
        <location filename="../ui/widgets/explainedtable.cpp" line="110"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/explainedtable.cpp" line="115"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <location filename="../ui/widgets/explainedtable.cpp" line="116"/>
        <source>The file %1 could not be written: %2</source>
        <translation>Le fichier %1 n&apos;a pas pu être écrit&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>reappro::ImportDialog</name>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="87"/>
        <source>Import exports</source>
        <translation>Importer des exports</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="91"/>
        <source>Reappro reads the CSV and XLSX exports of your pharmacy software: products, stock movements, stock by lot, open orders, suppliers and care units. The files are imported together, all or nothing: if a single line is rejected, nothing is imported. Patient columns (IPP, name, date of birth…) are dropped, never stored.</source>
        <translation>Reappro lit les exports CSV et XLSX de votre logiciel de pharmacie&#xa0;: produits, mouvements de stock, stock par lot, commandes en cours, fournisseurs et unités de soins. Les fichiers sont importés ensemble, en tout ou rien&#xa0;: si une seule ligne est rejetée, rien n&apos;est importé. Les colonnes patient (IPP, nom, date de naissance…) sont ignorées et jamais enregistrées.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="105"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="121"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="161"/>
        <source>Save the report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="162"/>
        <source>Writes the rejected lines to a CSV file (semicolons, UTF-8) to fix them in a spreadsheet.</source>
        <translation>Enregistre les lignes rejetées dans un fichier CSV (point-virgule, UTF-8) pour les corriger dans un tableur.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="163"/>
        <source>Import other files…</source>
        <translation>Importer d&apos;autres fichiers…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="164"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="199"/>
        <source>Stock exports (*.csv *.txt *.xlsx)</source>
        <translation>Exports de stock (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="199"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="200"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="200"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="201"/>
        <source>Choose the exports to import</source>
        <translation>Choisir les exports à importer</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="233"/>
        <source>Cancelling…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="260"/>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="277"/>
        <source>File %1 of %2…</source>
        <translation>Fichier %1 sur %2…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="285"/>
        <source>the import stopped without a result</source>
        <translation>l&apos;import s&apos;est arrêté sans résultat</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/importdialog.cpp" line="310"/>
        <source>&lt;b&gt;Import done:&lt;/b&gt; %1 lines from %Ln file(s) in %2 s.</source>
        <translation>
            <numerusform>&lt;b&gt;Import terminé&#xa0;:&lt;/b&gt; %1 lignes depuis %Ln fichier en %2 s.</numerusform>
            <numerusform>&lt;b&gt;Import terminé&#xa0;:&lt;/b&gt; %1 lignes depuis %Ln fichiers en %2 s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="314"/>
        <source>&lt;b&gt;The import failed, nothing was imported:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;L&apos;import a échoué, rien n&apos;a été importé&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="317"/>
        <source>&lt;b&gt;Import cancelled:&lt;/b&gt; nothing was imported, the database is unchanged.</source>
        <translation>&lt;b&gt;Import annulé&#xa0;:&lt;/b&gt; rien n&apos;a été importé, la base est inchangée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/importdialog.cpp" line="320"/>
        <source>&lt;b&gt;%Ln line(s) rejected: nothing was imported&lt;/b&gt;, the database is unchanged. Fix these lines in the exports (or save the report to work on it), then import the files again.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln ligne rejetée&#xa0;: rien n&apos;a été importé&lt;/b&gt;, la base est inchangée. Corrigez cette ligne dans l&apos;export (ou enregistrez le rapport pour la traiter), puis relancez l&apos;import des fichiers.</numerusform>
            <numerusform>&lt;b&gt;%Ln lignes rejetées&#xa0;: rien n&apos;a été importé&lt;/b&gt;, la base est inchangée. Corrigez ces lignes dans les exports (ou enregistrez le rapport pour les traiter), puis relancez l&apos;import des fichiers.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="343"/>
        <source>Rejected lines (%1)</source>
        <translation>Lignes rejetées (%1)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="345"/>
        <source>the first %1 are listed</source>
        <translation>seules les %1 premières sont listées</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="381"/>
        <source>(%1 in all)</source>
        <translation>(%1 au total)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="387"/>
        <source>patient columns dropped, never stored</source>
        <translation>colonnes patient ignorées, jamais enregistrées</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="389"/>
        <source>locations created</source>
        <translation>emplacements créés</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="391"/>
        <source>suppliers created</source>
        <translation>fournisseurs créés</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="393"/>
        <source>columns not used</source>
        <translation>colonnes non utilisées</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="409"/>
        <source>import_rejects</source>
        <translation>rejets_import</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="411"/>
        <source>Save the report of rejected lines</source>
        <translation>Enregistrer le rapport des lignes rejetées</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="411"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="416"/>
        <source>The report could not be written to %1: %2</source>
        <translation>Impossible d&apos;écrire le rapport dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>reappro::ImportFileModel</name>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="33"/>
        <source>delimiter %1</source>
        <translation>séparateur %1</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="47"/>
        <source>not recognised</source>
        <translation>non reconnu</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="73"/>
        <source>Lines already in the database with the same values (a file imported twice changes nothing).</source>
        <translation>Lignes déjà présentes dans la base avec les mêmes valeurs (importer deux fois un fichier ne change rien).</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="77"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="78"/>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="79"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="80"/>
        <source>Lines read</source>
        <translation>Lignes lues</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="81"/>
        <source>Added</source>
        <translation>Ajoutées</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="82"/>
        <source>Updated</source>
        <translation>Mises à jour</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="83"/>
        <source>Unchanged</source>
        <translation>Inchangées</translation>
    </message>
    <message>
        <location filename="../ui/models/importfilemodel.cpp" line="84"/>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
</context>
<context>
    <name>reappro::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="52"/>
        <source>Reappro databases (*.sqlite *.db)</source>
        <translation>Bases Reappro (*.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="52"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>No database open</source>
        <translation>Aucune base ouverte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>&amp;Open a database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>&amp;Import exports…</source>
        <translation>&amp;Importer des exports…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="98"/>
        <source>Import CSV or XLSX exports of the pharmacy software into the open database</source>
        <translation>Importer dans la base ouverte les exports CSV ou XLSX du logiciel de pharmacie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="105"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>&amp;About Reappro</source>
        <translation>À &amp;propos de Reappro</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>Open an existing Reappro database, or import the exports of your pharmacy software (products, stock movements, stock by lot, open orders) to create one. You can also drop the export files on this window.</source>
        <translation>Ouvrez une base Reappro existante, ou importez les exports de votre logiciel de pharmacie (produits, mouvements de stock, stock par lot, commandes en cours) pour en créer une. Vous pouvez aussi déposer les fichiers d&apos;export sur cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="133"/>
        <source>Open a database…</source>
        <translation>Ouvrir une base…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="134"/>
        <source>Import exports…</source>
        <translation>Importer des exports…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>Search a product (code, label, INN)…</source>
        <translation>Rechercher un produit (code, libellé, DCI)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="195"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="196"/>
        <source>Drugs</source>
        <translation>Médicaments</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="197"/>
        <source>Medical devices</source>
        <translation>Dispositifs médicaux</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>MITM</source>
        <translation>MITM</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>Medicines of major therapeutic interest</source>
        <translation>Médicaments d&apos;intérêt thérapeutique majeur</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="204"/>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="250"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="252"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="253"/>
        <source>Par levels</source>
        <translation>Dotations</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="255"/>
        <source>Replay</source>
        <translation>Rejeu</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>Database: %1</source>
        <translation>Base&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="376"/>
        <source>Empty database: import the exports of your pharmacy software (File &gt; Import exports…).</source>
        <translation>Base vide&#xa0;: importez les exports de votre logiciel de pharmacie (Fichier &gt; Importer des exports…).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="378"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln produit</numerusform>
            <numerusform>%Ln produits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="380"/>
        <source>%Ln product(s) shown out of %1</source>
        <translation>
            <numerusform>%Ln produit affiché sur %1</numerusform>
            <numerusform>%Ln produits affichés sur %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="386"/>
        <source>%1 — Reappro</source>
        <translation>%1 — Reappro</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="395"/>
        <location filename="../ui/mainwindow.cpp" line="400"/>
        <location filename="../ui/mainwindow.cpp" line="496"/>
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="408"/>
        <source>Create a database for the imported data</source>
        <translation>Créer une base pour les données importées</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="414"/>
        <source>Create a database</source>
        <translation>Créer une base</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="453"/>
        <source>About Reappro</source>
        <translation>À propos de Reappro</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="456"/>
        <source>&lt;h3&gt;Reappro %1&lt;/h3&gt;&lt;p&gt;Decision support for the stock of a hospital pharmacy: stock, consumption, expiry and ordering.&lt;/p&gt;&lt;p&gt;Every suggestion is approved by a person, and every number says where it comes from. The data stays on this workstation: no patient data is ever stored.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reappro %1&lt;/h3&gt;&lt;p&gt;Aide à la décision pour le stock de la pharmacie hospitalière (PUI)&#xa0;: stock, consommations, péremptions et commandes.&lt;/p&gt;&lt;p&gt;Chaque proposition est validée par une personne, et chaque chiffre indique d&apos;où il vient. Les données restent sur ce poste&#xa0;: aucune donnée patient n&apos;est jamais enregistrée.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>The database used last time was not found: %1</source>
        <translation>La dernière base utilisée est introuvable&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>reappro::OrderLineModel</name>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="22"/>
        <source>Reduced by the budget</source>
        <translation>Réduite par le budget</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="22"/>
        <source>Removed by the budget</source>
        <translation>Retirée par le budget</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="24"/>
        <source>Capped by shelf life</source>
        <translation>Plafonnée par la péremption</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="26"/>
        <source>Expiry risk</source>
        <translation>Risque de péremption</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="85"/>
        <source>Before the budget: %1</source>
        <translation>Avant le budget&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="87"/>
        <source>Service level aimed at for this product (its class&apos;s target is met on average over the class)</source>
        <translation>Taux de service visé pour ce produit (l&apos;objectif de sa classe est atteint en moyenne sur la classe)</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="89"/>
        <source>Ordered on %1, expected on %2 (lead time %3 days)</source>
        <translation>Commandé le %1, attendu le %2 (délai %3 jours)</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="107"/>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="108"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="109"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="110"/>
        <source>Criticality</source>
        <translation>Criticité</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="111"/>
        <source>Packs</source>
        <translation>Boîtes</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="112"/>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="113"/>
        <source>Value (€)</source>
        <translation>Valeur (€)</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="114"/>
        <source>Service aimed</source>
        <translation>Service visé</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="115"/>
        <source>Expected</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <location filename="../ui/models/orderlinemodel.cpp" line="116"/>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
</context>
<context>
    <name>reappro::OrdersView</name>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="73"/>
        <source>Decision day:</source>
        <translation>Jour de décision&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="75"/>
        <source>The orders are those of the first order day of each supplier from this day on</source>
        <translation>Les commandes sont celles du premier jour de commande de chaque fournisseur à partir de ce jour</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="77"/>
        <source>Budget (€):</source>
        <translation>Budget (€)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="80"/>
        <source>no cap</source>
        <translation>sans plafond</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="83"/>
        <source>Optional cap on the order total, excl. VAT. Over it, lines are cut: least critical first, then least stockout risk avoided per euro</source>
        <translation>Plafond facultatif du total des commandes, HT. Au-delà, des lignes sont réduites&#xa0;: les moins critiques d&apos;abord, puis celles qui évitent le moins de risque de rupture par euro</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="86"/>
        <source>Compute the orders</source>
        <translation>Calculer les commandes</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="89"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="96"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="99"/>
        <source>The lines with their explanations, as reappro-cli suggest writes them</source>
        <translation>Les lignes avec leurs explications, comme les écrit reappro-cli suggest</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="112"/>
        <source>Filter the lines (product, supplier)…</source>
        <translation>Filtrer les lignes (produit, fournisseur)…</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="140"/>
        <source>Select a line to read why Reappro suggests it.</source>
        <translation>Sélectionnez une ligne pour lire pourquoi Reappro la propose.</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="176"/>
        <source>Budget: write an amount in euros, e.g. 15 000 or 15 000.50, or leave it empty.</source>
        <translation>Budget&#xa0;: écrivez un montant en euros, par exemple 15 000 ou 15 000,50, ou laissez le champ vide.</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="218"/>
        <source>Computing the orders: forecasts, service targets and lines for every product…</source>
        <translation>Calcul des commandes&#xa0;: prévisions, taux de service visés et lignes de chaque produit…</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="228"/>
        <source>Choose the decision day (and a budget if any), then compute the orders.</source>
        <translation>Choisissez le jour de décision (et un budget s&apos;il y en a un), puis calculez les commandes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="234"/>
        <source>&lt;b&gt;%Ln line(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln ligne&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln lignes&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="234"/>
        <source>from %Ln supplier(s)</source>
        <translation>
            <numerusform>chez %Ln fournisseur</numerusform>
            <numerusform>chez %Ln fournisseurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="237"/>
        <source>budget %1: need %2, %Ln line(s) cut</source>
        <translation>
            <numerusform>budget %1&#xa0;: besoin %2, %Ln ligne réduite ou retirée</numerusform>
            <numerusform>budget %1&#xa0;: besoin %2, %Ln lignes réduites ou retirées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="240"/>
        <source>%Ln capped by shelf life</source>
        <translation>
            <numerusform>%Ln plafonnée par la péremption</numerusform>
            <numerusform>%Ln plafonnées par la péremption</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="245"/>
        <source>aims corrected by the replay of %1 to %2: %3</source>
        <translation>visées corrigées par le rejeu du %1 au %2 : %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="241"/>
        <source>%Ln at expiry risk</source>
        <translation>
            <numerusform>%Ln à risque de péremption</numerusform>
            <numerusform>%Ln à risque de péremption</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="243"/>
        <source>%Ln product(s) without a forecast (nothing suggested)</source>
        <translation>
            <numerusform>%Ln produit sans prévision (rien de proposé)</numerusform>
            <numerusform>%Ln produits sans prévision (rien de proposé)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="254"/>
        <source>%Ln vital product(s) out of stock and unused for over a year, not ordered (%1)</source>
        <translation>
            <numerusform>%Ln produit vital en rupture, inutilisé depuis plus d&apos;un an, non commandé (%1)</numerusform>
            <numerusform>%Ln produits vitaux en rupture, inutilisés depuis plus d&apos;un an, non commandés (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="235"/>
        <source>total &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>total &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="258"/>
        <source>%1 shown</source>
        <translation>%1 affichées</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="259"/>
        <source>Orders of %1: </source>
        <translation>Commandes du %1&#xa0;: </translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="267"/>
        <source>orders_%1.csv</source>
        <translation>commandes_%1.csv</translation>
    </message>
    <message>
        <location filename="../ui/views/ordersview.cpp" line="266"/>
        <source>Export the suggested orders</source>
        <translation>Exporter les commandes proposées</translation>
    </message>
</context>
<context>
    <name>reappro::ParLevelModel</name>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="27"/>
        <source>No forecast</source>
        <translation>Pas de prévision</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/parlevelmodel.cpp" line="29"/>
        <source>Unused for %n week(s): take off the allowance?</source>
        <translation>
            <numerusform>Inutilisé depuis %n semaine&#xa0;: retirer de la dotation ?</numerusform>
            <numerusform>Inutilisé depuis %n semaines&#xa0;: retirer de la dotation ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="31"/>
        <source>Rounds unknown: %1 a week assumed</source>
        <translation>Tournées inconnues&#xa0;: %1 par semaine supposées</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="33"/>
        <source>Counted stock</source>
        <translation>Stock compté</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="91"/>
        <source>Longest interval between two rounds (%1 d) + delivery delay (%2 d)</source>
        <translation>Plus long intervalle entre deux tournées (%1 j) + délai de livraison (%2 j)</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="94"/>
        <source>Counted at the round</source>
        <translation>Compté à la tournée</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="95"/>
        <source>Estimated: par level minus the expected use of one round interval</source>
        <translation>Estimé&#xa0;: dotation moins la consommation attendue sur un intervalle entre tournées</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="97"/>
        <source>%1 % quantile of the demand over the cover</source>
        <translation>Quantile %1 % de la demande sur la couverture</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="113"/>
        <source>Care unit</source>
        <translation>Unité de soins</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="114"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="115"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="116"/>
        <source>Criticality</source>
        <translation>Criticité</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="117"/>
        <source>Rounds/wk</source>
        <translation>Tournées/sem</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="118"/>
        <source>Cover (d)</source>
        <translation>Couv. (j)</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="119"/>
        <source>Expected use</source>
        <translation>Conso. attendue</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="120"/>
        <source>Par level</source>
        <translation>Dotation</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="121"/>
        <source>Ward stock</source>
        <translation>Stock service</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="122"/>
        <source>Top-up</source>
        <translation>Complément</translation>
    </message>
    <message>
        <location filename="../ui/models/parlevelmodel.cpp" line="123"/>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
</context>
<context>
    <name>reappro::ParLevelsView</name>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="40"/>
        <source>Compute the par levels</source>
        <translation>Calculer les dotations</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="42"/>
        <source>For every product and care unit with consumption: the par level that lasts until the next round at the product&apos;s service level, and the top-up of the next round</source>
        <translation>Pour chaque produit et chaque unité de soins qui le consomme&#xa0;: la dotation qui tient jusqu&apos;à la tournée suivante au taux de service du produit, et le complément de la prochaine tournée</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="44"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="49"/>
        <source>Care unit:</source>
        <translation>Unité de soins&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="55"/>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="58"/>
        <source>All the lines</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="59"/>
        <source>Top-ups to deliver</source>
        <translation>Compléments à livrer</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="60"/>
        <source>Allowances unused</source>
        <translation>Dotations inutilisées</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="64"/>
        <source>Filter (care unit, product)…</source>
        <translation>Filtrer (unité de soins, produit)…</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="66"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="69"/>
        <source>Every line with its explanation, as reappro-cli parlevels writes them</source>
        <translation>Toutes les lignes avec leur explication, comme les écrit reappro-cli parlevels</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="103"/>
        <source>Select a line to read how its par level and top-up are computed.</source>
        <translation>Sélectionnez une ligne pour lire comment sa dotation et son complément sont calculés.</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="134"/>
        <location filename="../ui/views/parlevelsview.cpp" line="201"/>
        <source>All care units</source>
        <translation>Toutes les unités</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="231"/>
        <source>Computing the par levels: a forecast for every product in every care unit…</source>
        <translation>Calcul des dotations&#xa0;: une prévision pour chaque produit dans chaque unité de soins…</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="241"/>
        <source>Compute the par levels of the care units&apos; stocks from their consumption.</source>
        <translation>Calculez les dotations des stocks des unités de soins à partir de leur consommation.</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="245"/>
        <source>No consumption by care unit in the history: nothing to compute.</source>
        <translation>Aucune consommation par unité de soins dans l&apos;historique&#xa0;: rien à calculer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="257"/>
        <source>&lt;b&gt;%Ln line(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln ligne&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln lignes&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="258"/>
        <source>in %Ln care unit(s)</source>
        <translation>
            <numerusform>dans %Ln unité de soins</numerusform>
            <numerusform>dans %Ln unités de soins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="259"/>
        <source>%Ln top-up(s) to deliver at the next round</source>
        <translation>
            <numerusform>%Ln complément à livrer à la prochaine tournée</numerusform>
            <numerusform>%Ln compléments à livrer à la prochaine tournée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="261"/>
        <source>%Ln allowance(s) unused for %1 weeks</source>
        <translation>
            <numerusform>%Ln dotation inutilisée depuis %1 semaines</numerusform>
            <numerusform>%Ln dotations inutilisées depuis %1 semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="263"/>
        <source>%Ln without a forecast</source>
        <translation>
            <numerusform>%Ln sans prévision</numerusform>
            <numerusform>%Ln sans prévision</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="265"/>
        <source>%1 shown</source>
        <translation>%1 affichées</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="266"/>
        <source>Par levels from the history up to %1: </source>
        <translation>Dotations d&apos;après l&apos;historique jusqu&apos;au %1&#xa0;: </translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="274"/>
        <source>Export the par levels</source>
        <translation>Exporter les dotations</translation>
    </message>
    <message>
        <location filename="../ui/views/parlevelsview.cpp" line="275"/>
        <source>parlevels_%1.csv</source>
        <translation>dotations_%1.csv</translation>
    </message>
</context>
<context>
    <name>reappro::ProductTableModel</name>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="167"/>
        <source>Pack of %1 %2</source>
        <translation>Conditionnement&#xa0;: %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="170"/>
        <source>%1 × unit price (PMP) %2</source>
        <translation>%1 × PMP %2</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="175"/>
        <source>MITM: medicine of major therapeutic interest</source>
        <translation>MITM&#xa0;: médicament d&apos;intérêt thérapeutique majeur</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="177"/>
        <source>VEN class: vital</source>
        <translation>Classe VEN&#xa0;: vital</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="178"/>
        <source>VEN class: essential</source>
        <translation>Classe VEN&#xa0;: essentiel</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="179"/>
        <source>VEN class: non-essential</source>
        <translation>Classe VEN&#xa0;: non essentiel</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="201"/>
        <source>Quantity on hand, in the product&apos;s dispensing unit: sum of the lots in stock.</source>
        <translation>Quantité en stock, dans l&apos;unité de dispensation du produit&#xa0;: somme des lots en stock.</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="202"/>
        <source>Stock on hand × weighted average unit price (PMP).</source>
        <translation>Stock × prix moyen pondéré (PMP).</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="203"/>
        <source>Earliest expiry date among the lots in stock.</source>
        <translation>Date de péremption la plus proche parmi les lots en stock.</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="204"/>
        <source>Issued to care units + outpatient dispensing − returns, over the last 90 days of history.</source>
        <translation>Délivrances aux UF + rétrocessions − retours, sur les 90 derniers jours de l&apos;historique.</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="205"/>
        <source>MITM: medicine of major therapeutic interest. VEN: vital / essential / non-essential.</source>
        <translation>MITM&#xa0;: médicament d&apos;intérêt thérapeutique majeur. VEN&#xa0;: vital / essentiel / non essentiel.</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="212"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="213"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="214"/>
        <source>INN</source>
        <translation>DCI</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="215"/>
        <source>Form / Unit</source>
        <translation>Forme / Unité</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="216"/>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="217"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="218"/>
        <source>Stock value (€)</source>
        <translation>Valeur stock (€)</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="219"/>
        <source>Next expiry</source>
        <translation>Prochaine péremption</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="220"/>
        <source>90-day use</source>
        <translation>Conso. 90 j</translation>
    </message>
    <message>
        <location filename="../ui/models/producttablemodel.cpp" line="221"/>
        <source>Criticality</source>
        <translation>Criticité</translation>
    </message>
</context>
<context>
    <name>reappro::RejectedLineModel</name>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="49"/>
        <source>whole file</source>
        <translation>tout le fichier</translation>
    </message>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="52"/>
        <source>whole line</source>
        <translation>toute la ligne</translation>
    </message>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="86"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="87"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="88"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="89"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/models/rejectedlinemodel.cpp" line="90"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>reappro::ReplayView</name>
    <message>
        <location filename="../ui/views/replayview.cpp" line="48"/>
        <source>From:</source>
        <translation>Du&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="51"/>
        <source>to:</source>
        <translation>au&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="54"/>
        <source>Compare the policies</source>
        <translation>Comparer les politiques</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="56"/>
        <source>Replays each policy day by day over the period, from the same stock: orders on the suppliers&apos; order days, deliveries after the observed delays, the actual demand served first-expiring-first, expired lots destroyed</source>
        <translation>Rejoue chaque politique jour par jour sur la période, à partir du même stock&#xa0;: commandes aux jours de commande des fournisseurs, livraisons après les délais observés, demande réelle servie en premier périmé premier sorti, lots périmés détruits</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="59"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="88"/>
        <source>Cycles served</source>
        <translation>Cycles servis</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="88"/>
        <source>Fill rate</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="88"/>
        <source>Vital / MITM</source>
        <translation>Vital / MITM</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="88"/>
        <source>Essential</source>
        <translation>Essentiel</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="88"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="89"/>
        <source>Average stock</source>
        <translation>Stock moyen</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="89"/>
        <source>Expired</source>
        <translation>Périmé</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="89"/>
        <source>of which own orders</source>
        <translation>dont ses commandes</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="89"/>
        <source>Stockouts (product-days)</source>
        <translation>Ruptures (produit-jours)</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="90"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="100"/>
        <source>Every policy starts from the stock on the shelves on the first day and receives the orders already placed then; what these lose to expiry is the same under every policy and is counted in the expired value (the column after it shows what each policy&apos;s own orders lost). A cycle runs from one order day of the supplier to the next; it is served when no demand went unserved in it. “What the hospital did” looks perfect because the exports only hold the demand that was served.</source>
        <translation>Chaque politique part du stock en rayon le premier jour et reçoit les commandes déjà passées alors ; ce qu&apos;ils perdent en péremption est le même pour toutes les politiques et compte dans la valeur périmée (la colonne suivante donne ce que les commandes propres de chaque politique ont perdu). Un cycle va d&apos;un jour de commande du fournisseur au suivant ; il est servi si aucune demande n&apos;y est restée sans réponse. « Ce que l&apos;hôpital a fait » paraît parfait car les exports ne contiennent que la demande servie.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="139"/>
        <source>Min/max</source>
        <translation>Min/max</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="139"/>
        <source>Min/max at equal service</source>
        <translation>Min/max à service égal</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="206"/>
        <source>Class aims stored for the orders tab: %1.</source>
        <translation>Visées des classes enregistrées pour l’onglet Commandes : %1.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="208"/>
        <source>Class aims not stored: %1</source>
        <translation>Visées des classes non enregistrées : %1</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="140"/>
        <location filename="../ui/views/replayview.cpp" line="231"/>
        <source>What the hospital did</source>
        <translation>Ce que l&apos;hôpital a fait</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="140"/>
        <source>Min/max at equal service by class</source>
        <translation>Min/max à service égal par classe</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="142"/>
        <source>Replays the period chosen with each policy and compares them at the same service level.</source>
        <translation>Rejoue la période choisie avec chaque politique et les compare à taux de service égal.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="143"/>
        <source>The history is too short: a replay needs a year of history before its first day.</source>
        <translation>L&apos;historique est trop court&#xa0;: un rejeu demande un an d&apos;historique avant son premier jour.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="155"/>
        <source>The first day must come before the last one.</source>
        <translation>Le premier jour doit précéder le dernier.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="180"/>
        <source>Replaying Reappro&apos;s policy, then min/max at several months of cover until it serves as often, then what the hospital did…</source>
        <translation>Rejeu de la politique de Reappro, puis du min/max à plusieurs mois de couverture jusqu&apos;à ce qu&apos;il serve aussi souvent, puis de ce que l&apos;hôpital a fait…</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="190"/>
        <source>Replay cancelled.</source>
        <translation>Rejeu annulé.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="228"/>
        <source>Min/max %1-%2 months</source>
        <translation>Min/max %1-%2 mois</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="229"/>
        <source>Min/max at equal service (%1-%2 months)</source>
        <translation>Min/max à service égal (%1-%2 mois)</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="230"/>
        <source>Min/max at equal service by class
(minimum %1 months)</source>
        <translation>Min/max à service égal par classe
(minimum %1 mois)</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="233"/>
        <source>Months of cover set class by class (vital / essential / other) so that each class is served as often as Reappro serves it; the maximum is twice the minimum.</source>
        <translation>Mois de couverture fixés classe par classe (vitaux / essentiels / autres) pour que chaque classe soit servie aussi souvent que par Reappro&#xa0;; le maximum est le double du minimum.</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="267"/>
        <source>Cycles served in the class (target %1)</source>
        <translation>Cycles servis dans la classe (cible %1)</translation>
    </message>
    <message>
        <location filename="../ui/views/replayview.cpp" line="277"/>
        <source>From %1 to %2, at the same service (%3 of cycles served), Reappro against min/max (%4-%5 months of consumption): average stock &lt;b&gt;%6&lt;/b&gt;, expired value &lt;b&gt;%7&lt;/b&gt; (%8 from its own orders). Against min/max set class by class to serve each class as often: average stock &lt;b&gt;%9&lt;/b&gt;, expired value &lt;b&gt;%10&lt;/b&gt;. %11 € of the expired value was in stock or on order on the first day: it expires under every policy.</source>
        <translation>Du %1 au %2, à service égal (%3 des cycles servis), Reappro face au min/max (%4-%5 mois de consommation)&#xa0;: stock moyen &lt;b&gt;%6&lt;/b&gt;, valeur périmée &lt;b&gt;%7&lt;/b&gt; (%8 sur ses propres commandes). Face au min/max réglé classe par classe pour servir chaque classe aussi souvent&#xa0;: stock moyen &lt;b&gt;%9&lt;/b&gt;, valeur périmée &lt;b&gt;%10&lt;/b&gt;. %11 € du périmé étaient déjà en stock ou en commande le premier jour&#xa0;: ils périment quelle que soit la politique.</translation>
    </message>
</context>
<context>
    <name>reappro::SummaryStrip</name>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="23"/>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="23"/>
        <source>Care units</source>
        <translation>Unités de soins</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="23"/>
        <source>Stock movements</source>
        <translation>Mouvements</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="23"/>
        <source>Suppliers</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="24"/>
        <source>Lots in stock</source>
        <translation>Lots en stock</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="24"/>
        <source>Stock value</source>
        <translation>Valeur du stock</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="24"/>
        <source>Open orders</source>
        <translation>Commandes en cours</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="27"/>
        <source>Products in the database: drugs (UCD) and medical devices (LPP).</source>
        <translation>Produits de la base&#xa0;: médicaments (UCD) et dispositifs médicaux (LPP).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="28"/>
        <source>Suppliers from the suppliers export, or created from the codes found in the other files.</source>
        <translation>Fournisseurs de l&apos;export fournisseurs, ou créés à partir des codes trouvés dans les autres fichiers.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="29"/>
        <source>Care units (UF) that appear in the imported files.</source>
        <translation>Unités de soins (UF) présentes dans les fichiers importés.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="30"/>
        <source>Movement lines imported, and the period they cover.</source>
        <translation>Lignes de mouvements importées et période couverte.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="31"/>
        <source>Lots with a positive quantity, at the pharmacy and in other locations.</source>
        <translation>Lots en quantité positive, à la PUI et dans les autres emplacements.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="32"/>
        <source>Sum over the lots in stock of quantity × weighted average unit price (PMP).</source>
        <translation>Somme sur les lots en stock de quantité × prix moyen pondéré (PMP).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="33"/>
        <source>Lines of the imported open orders (ordered, not yet fully received).</source>
        <translation>Lignes des commandes en cours importées (commandées, pas encore entièrement reçues).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/summarystrip.cpp" line="89"/>
        <source>%Ln drug(s)</source>
        <translation>
            <numerusform>%Ln médicament</numerusform>
            <numerusform>%Ln médicaments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/summarystrip.cpp" line="90"/>
        <source>%Ln medical device(s)</source>
        <translation>
            <numerusform>%Ln DM</numerusform>
            <numerusform>%Ln DM</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/summarystrip.cpp" line="101"/>
        <source>order line(s)</source>
        <comment>under the number of open order lines</comment>
        <translation>
            <numerusform>ligne de commande</numerusform>
            <numerusform>lignes de commande</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="95"/>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/summarystrip.cpp" line="98"/>
        <source>quantity × PMP</source>
        <translation>quantité × PMP</translation>
    </message>
</context>
</TS>
