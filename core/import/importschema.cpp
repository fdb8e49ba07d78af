// SPDX-License-Identifier: GPL-3.0-or-later
// The fields of each kind of export (importschema.h) with the header names
// that mean them, and what is read from a header row: which column holds
// each field, which columns hold patient data (dropped), which kind of file
// it is; and the codes and names of kinds and movement types.
#include "core/import/importschema.h"
#include "core/domain/supplier.h"
#include "core/common/textparse.h"

#include <QFileInfo>
#include <QHash>

namespace reappro {

namespace {

QStringList syn(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *n : names)
        out << QString::fromLatin1(n);
    return out;
}

// The synonym lists and field tables are wrapped by hand.
// clang-format off
// Shared synonym lists: the same field has the same names in every file.
const QStringList kProductCode = syn({"code", "codeproduit", "codearticle", "article", "productcode", "product",
                                      "codeinterne", "reference", "ref", "refproduit", "codeucd", "ucd", "ucd13",
                                      "cip", "cip13", "codecip", "itemcode", "sku"});
const QStringList kQuantity = syn({"quantite", "qte", "qty", "quantity", "qtemouvement", "quantitemouvement",
                                   "nbunites", "nombre", "qteunites", "quantiteunites"});
const QStringList kLot = syn({"lot", "nlot", "numerolot", "numlot", "nolot", "lotnumber", "batch", "batchnumber", "nodelot", "ndelot"});
const QStringList kExpiry = syn({"dateperemption", "datedeperemption", "peremption", "dlu", "datelimite",
                                 "datelimitedutilisation", "expiry", "expirydate", "expirationdate", "dlc",
                                 "dateexpiration", "dateperemption", "perime", "exp"});
const QStringList kSupplier = syn({"fournisseur", "codefournisseur", "supplier", "suppliercode", "frs", "codefrs",
                                   "laboratoire", "labo", "titulaire"});
const QStringList kLeadTime = syn({"delai", "delaij", "delaijours", "delailivraison", "delaidelivraison", "leadtime",
                                   "leadtimedays", "delaiappro", "delaiapprovisionnement"});
const QStringList kUnitPrice = syn({"pmp", "prix", "prixunitaire", "pu", "prixmoyenpondere", "unitprice", "price",
                                    "puht", "prixunitaireht", "cout", "coutunitaire", "unitcost", "prixht"});
const QStringList kLabel = syn({"libelle", "designation", "libelleproduit", "libellearticle", "label", "description",
                                "nomcommercial", "denomination", "productname", "libellecourt"});

const std::vector<FieldSpec> &movementFields()
{
    static const std::vector<FieldSpec> f = {
        {"date", true, "Date", "Date", syn({"date", "datemouvement", "datemvt", "dateoperation", "datedumouvement",
                                           "movementdate", "jour", "datepiece", "datedemouvement"})},
        {"type", true, "Type de mouvement", "Movement type",
         syn({"type", "typemouvement", "typedemouvement", "typemvt", "nature", "naturemouvement", "mouvement",
              "movementtype", "libelletype", "codemouvement", "sens", "typeoperation"})},
        {"product_code", true, "Code produit", "Product code", kProductCode},
        {"quantity", true, "Quantité", "Quantity", kQuantity},
        {"lot_number", false, "N° lot", "Lot number", kLot},
        {"expiry", false, "Date de péremption", "Expiry date", kExpiry},
        {"store", false, "Magasin", "Store", syn({"magasin", "depot", "pui", "store", "warehouse", "site", "codemagasin"})},
        {"unit", false, "UF", "Care unit", syn({"uf", "codeuf", "unitefonctionnelle", "service", "codeservice", "unit",
                                                  "careunit", "ward", "unitedesoins", "codeunite"})},
        {"unit_label", false, "Libellé UF", "Care unit label",
         syn({"libelleuf", "libelleservice", "unitlabel", "libelleunitefonctionnelle", "nomservice", "nomuf"})},
        {"from", false, "Origine", "From", syn({"origine", "de", "from", "emplacementorigine", "magasinorigine", "source", "provenance"})},
        {"to", false, "Destination", "To", syn({"destination", "vers", "to", "emplacementdestination", "magasindestination",
                                                 "ufdestination", "destinataire"})},
        {"unit_cost", false, "PMP", "Unit cost", kUnitPrice},
        {"document_ref", false, "N° pièce", "Document", syn({"npiece", "numeropiece", "piece", "document", "nbon", "numerobon",
                                                             "bon", "bondelivraison", "docref", "documentref", "documentreference",
                                                             "nbl", "nodocument", "ndocument", "nopiece"})},
        {"order_ref", false, "N° commande", "Order number", syn({"ncommande", "numerocommande", "commande", "nocommande",
                                                                  "ordernumber", "order", "numcommande", "ndecommande"})},
        {"supplier", false, "Fournisseur", "Supplier", kSupplier},
        {"label", false, "Libellé", "Label", kLabel},   // read for messages only
    };
    return f;
}

const std::vector<FieldSpec> &productFields()
{
    static const std::vector<FieldSpec> f = {
        {"product_code", true, "Code", "Code", syn({"code", "codeproduit", "codearticle", "article", "productcode",
                                                     "codeinterne", "reference", "ref", "refproduit", "itemcode", "sku"})},
        {"label", true, "Libellé", "Label", kLabel},
        {"ucd13", false, "Code UCD", "UCD code", syn({"codeucd", "ucd", "ucd13", "codeucd13"})},
        {"ucd7", false, "UCD7", "UCD7", syn({"ucd7", "codeucd7", "cip7", "codecip7"})},
        {"cip13", false, "CIP13", "CIP13", syn({"cip", "cip13", "codecip", "codecip13", "acl13"})},
        {"gtin", false, "GTIN", "GTIN", syn({"gtin", "ean", "ean13", "gtin14", "codebarre", "codeean", "codebarres"})},
        {"lpp", false, "LPP", "LPP", syn({"lpp", "codelpp", "lppr", "codelppr", "tips"})},
        {"dci", false, "DCI", "INN", syn({"dci", "molecule", "substance", "inn", "substanceactive", "principeactif", "moleculedci"})},
        {"atc", false, "ATC", "ATC", syn({"atc", "codeatc", "classeatc"})},
        {"form", false, "Forme", "Form", syn({"forme", "formegalenique", "form", "dosageform", "formepharmaceutique"})},
        {"unit", false, "Unité", "Unit", syn({"unite", "unitedispensation", "unitededispensation", "ud", "dispensingunit",
                                                "unit", "unitedestock", "unitegestion", "unitedegestion"})},
        {"pack_size", false, "Conditionnement", "Pack size",
         syn({"conditionnement", "cond", "colisage", "quantiteparconditionnement", "qteparcond", "uc", "packsize", "pack",
              "nbunitesparboite", "unitesparboite", "conditionnementachat", "qteparconditionnement"})},
        {"unit_price", false, "PMP", "Unit price", kUnitPrice},
        {"supplier", false, "Fournisseur", "Supplier", kSupplier},
        {"lead_time", false, "Délai (j)", "Lead time (days)", kLeadTime},
        {"moq", false, "Qté min commande", "Minimum order quantity",
         syn({"qtemincommande", "qteminimale", "minimumcommande", "qteminicommande", "moq", "minorderquantity",
              "minimumorder", "quantiteminimale", "qteminimumcommande", "qtemin", "minimumdecommande"})},
        {"mitm", false, "MITM", "MITM", syn({"mitm", "interettherapeutiquemajeur", "medicamentinteretherapeutiquemajeur"})},
        {"ven", false, "VEN", "VEN", syn({"ven", "criticite", "classeven", "criticality", "vitalessentiel"})},
        {"kind", false, "Type", "Kind", syn({"type", "typeproduit", "categorie", "nature", "kind", "producttype", "famille"})},
    };
    return f;
}

const std::vector<FieldSpec> &lotFields()
{
    static const std::vector<FieldSpec> f = {
        {"product_code", true, "Code produit", "Product code", kProductCode},
        {"lot_number", true, "N° lot", "Lot number", kLot},
        {"expiry", true, "Date de péremption", "Expiry date", kExpiry},
        {"quantity", true, "Quantité", "Quantity", kQuantity + syn({"stock", "quantiteenstock", "qtestock", "stockphysique", "qteenstock"})},
        {"location", false, "Emplacement", "Location", syn({"emplacement", "magasin", "uf", "codeuf", "location", "site",
                                                            "depot", "store", "codemagasin"})},
        {"as_of", false, "Date stock", "Stock date", syn({"datestock", "dateinventaire", "dateextraction", "asof",
                                                          "snapshotdate", "date", "datedustock"})},
        {"reception_date", false, "Date de réception", "Reception date",
         syn({"datereception", "datedereception", "receptiondate", "dateentree", "receivedon"})},
        {"label", false, "Libellé", "Label", kLabel},
    };
    return f;
}

const std::vector<FieldSpec> &orderFields()
{
    static const std::vector<FieldSpec> f = {
        {"order_number", true, "N° commande", "Order number",
         syn({"ncommande", "numerocommande", "commande", "nocommande", "ordernumber", "order", "numcommande",
              "bondecommande", "ndecommande"})},
        {"order_date", false, "Date commande", "Order date", syn({"datecommande", "datedecommande", "orderdate", "date"})},
        {"supplier", false, "Fournisseur", "Supplier", kSupplier},
        {"product_code", true, "Code produit", "Product code", kProductCode},
        {"quantity_ordered", true, "Qté commandée", "Quantity ordered",
         syn({"qtecommandee", "quantitecommandee", "qtecde", "ordered", "quantityordered", "quantite", "qte", "quantity"})},
        {"quantity_received", false, "Qté reçue", "Quantity received",
         syn({"qtereceptionnee", "qterecue", "quantiterecue", "received", "quantityreceived", "qtelivree", "quantitelivree"})},
        {"expected_date", false, "Date livraison prévue", "Expected date",
         syn({"datelivraisonprevue", "datelivraison", "dateprevue", "expecteddate", "deliverydate", "datereceptionprevue",
              "datedelivraisonprevue"})},
        {"unit_price", false, "Prix unitaire", "Unit price", kUnitPrice},
        {"label", false, "Libellé", "Label", kLabel},
    };
    return f;
}

const std::vector<FieldSpec> &supplierFields()
{
    static const std::vector<FieldSpec> f = {
        {"supplier_code", true, "Code fournisseur", "Supplier code", syn({"codefournisseur", "code", "suppliercode", "codefrs"})},
        {"supplier_name", true, "Nom", "Name", syn({"nom", "raisonsociale", "fournisseur", "nomfournisseur", "libelle",
                                                     "name", "suppliername"})},
        {"lead_time", false, "Délai (jours)", "Lead time (days)", kLeadTime},
        {"order_days", false, "Jours de commande", "Order days",
         syn({"joursdecommande", "jourscommande", "jourdecommande", "jourcommande", "joursdecde", "jourscde",
              "joursdepassagecommande", "orderdays", "orderingdays", "orderweekdays", "daysoforder"})},
    };
    return f;
}

const std::vector<FieldSpec> &locationFields()
{
    static const std::vector<FieldSpec> f = {
        {"unit_code", true, "Code UF", "Care unit code", syn({"codeuf", "uf", "code", "unitcode", "codeunite", "codeservice",
                                                              "codeemplacement", "locationcode"})},
        {"unit_label", true, "Libellé UF", "Care unit label", syn({"libelleuf", "libelle", "label", "service", "unitlabel",
                                                                    "nom", "libelleservice", "designation", "name", "nomuf"})},
        {"location_type", false, "Type", "Type", syn({"type", "typeemplacement", "kind", "nature", "typeuf"})},
        {"rounds_per_week", false, "Tournées/semaine", "Rounds per week",
         syn({"tourneessemaine", "tournees", "tourneesparsemaine", "roundsperweek", "frequencereappro", "rythme",
              "livraisonsparsemaine", "frequence"})},
    };
    return f;
}

// clang-format on
} // namespace

const std::vector<FieldSpec> &fieldsOf(FileKind kind)
{
    switch (kind) {
    case FileKind::Suppliers: return supplierFields();
    case FileKind::Locations: return locationFields();
    case FileKind::Products: return productFields();
    case FileKind::Lots: return lotFields();
    case FileKind::OpenOrders: return orderFields();
    case FileKind::Movements: return movementFields();
    }
    return movementFields();
}

int fieldIndex(FileKind kind, const char *key)
{
    const auto &f = fieldsOf(kind);
    for (size_t i = 0; i < f.size(); ++i)
        if (qstrcmp(f[i].key, key) == 0)
            return int(i);
    return -1;
}

QString fileKindCode(FileKind kind)
{
    switch (kind) {
    case FileKind::Suppliers: return QStringLiteral("suppliers");
    case FileKind::Locations: return QStringLiteral("care-units");
    case FileKind::Products: return QStringLiteral("products");
    case FileKind::Lots: return QStringLiteral("lots");
    case FileKind::OpenOrders: return QStringLiteral("open-orders");
    case FileKind::Movements: return QStringLiteral("movements");
    }
    return {};
}

std::optional<FileKind> fileKindFromCode(const QString &code)
{
    for (FileKind k : kAllFileKinds)
        if (fileKindCode(k) == code)
            return k;
    return std::nullopt;
}

QString fileKindLabel(FileKind kind, bool french)
{
    switch (kind) {
    case FileKind::Suppliers: return french ? QStringLiteral("fournisseurs") : QStringLiteral("suppliers");
    case FileKind::Locations: return french ? QStringLiteral("unités de soins") : QStringLiteral("care units");
    case FileKind::Products: return french ? QStringLiteral("produits") : QStringLiteral("products");
    case FileKind::Lots: return french ? QStringLiteral("stock par lot") : QStringLiteral("stock by lot");
    case FileKind::OpenOrders: return french ? QStringLiteral("commandes en cours") : QStringLiteral("open orders");
    case FileKind::Movements: return french ? QStringLiteral("mouvements de stock") : QStringLiteral("stock movements");
    }
    return {};
}

int ColumnMapping::matchedFields() const
{
    int n = 0;
    for (int c : columnOfField)
        n += c >= 0;
    return n;
}

bool ColumnMapping::hasAllRequired() const { return missingRequired(true).isEmpty(); }

QStringList ColumnMapping::missingRequired(bool french) const
{
    QStringList out;
    const auto &f = fieldsOf(kind);
    for (size_t i = 0; i < f.size(); ++i)
        if (f[i].required && columnOfField[i] < 0)
            out << QString::fromUtf8(french ? f[i].labelFr : f[i].labelEn);
    return out;
}

bool isPatientColumn(const QString &h)
{
    // Whole names (normalized: lower case, no accents, no spaces or signs).
    // clang-format off
    static const QStringList kExact = syn({
        "ipp", "nip", "nda", "ddn", "ins", "nir", "nomdenaissance", "nomusuel", "prenom", "sexe", "age",
        "nsejour", "numerosejour", "sejour", "numsejour", "nosejour", "staynumber", "stayid", "dob",
        "numerosecu", "nsecu", "numsecu", "numerosecuritesociale", "identifiantpatient", "nomprenom",
        "assure", "nomassure", "nele", "chambre", "nchambre", "lit", "nlit", "numerolit"});
    // clang-format on
    if (kExact.contains(h))
        return true;
    // Parts: "Date naiss.", "N° de sécurité sociale", "Bénéficiaire",
    // "Nom du patient", "Date of birth".
    for (const char *part : {"patient", "naiss", "birth", "sejour", "securitesociale", "beneficiaire", "assurancemaladie"})
        if (h.contains(QLatin1String(part)))
            return true;
    return false;
}

ColumnMapping mapColumns(FileKind kind, const QStringList &headers, const std::vector<std::pair<QString, QString>> &forced)
{
    const auto &fields = fieldsOf(kind);
    ColumnMapping m;
    m.kind = kind;
    m.columnOfField.assign(fields.size(), -1);
    QStringList norm;
    for (const QString &h : headers)
        norm << normalizeHeader(h);
    std::vector<bool> used(size_t(headers.size()), false);

    for (const auto &[key, header] : forced) {
        const int fi = fieldIndex(kind, key.toUtf8().constData());
        const int col = norm.indexOf(normalizeHeader(header));
        if (fi >= 0 && col >= 0 && !used[size_t(col)]) {
            m.columnOfField[size_t(fi)] = col;
            used[size_t(col)] = true;
        }
    }
    // Synonyms in field order, earliest synonym first: "Code UF" goes to the
    // unit before the generic "code" of a product can take it.
    for (size_t fi = 0; fi < fields.size(); ++fi) {
        if (m.columnOfField[fi] >= 0)
            continue;
        for (const QString &s : fields[fi].synonyms) {
            const int col = norm.indexOf(s);
            if (col >= 0 && !used[size_t(col)]) {
                m.columnOfField[fi] = col;
                used[size_t(col)] = true;
                break;
            }
        }
    }
    for (int c = 0; c < headers.size(); ++c) {
        if (used[size_t(c)])
            continue;
        // "Nom" in a movements file names a patient; in a suppliers file it
        // was already taken by the supplier's name above.
        if (isPatientColumn(norm[c]) || norm[c] == QLatin1String("nom"))
            m.patientColumns.push_back(c);
        else if (!norm[c].isEmpty())
            m.ignoredColumns.push_back(c);
    }
    return m;
}

bool fileNameSuggests(const QString &fileName, FileKind kind)
{
    static const QHash<FileKind, QStringList> kHints = {
        {FileKind::Suppliers, syn({"fournisseur", "supplier", "frs"})},
        {FileKind::Locations, syn({"unite", "uf", "service", "location", "emplacement", "ward"})},
        {FileKind::Products, syn({"produit", "article", "product", "referentiel", "catalogue", "livret"})},
        {FileKind::Lots, syn({"lot", "stock", "inventaire"})},
        {FileKind::OpenOrders, syn({"commande", "order", "cde"})},
        {FileKind::Movements, syn({"mouvement", "movement", "mvt", "sortie", "consommation"})},
    };
    const QString name = normalizeHeader(QFileInfo(fileName).completeBaseName());
    for (const QString &h : kHints.value(kind))
        if (name.contains(h))
            return true;
    return false;
}

std::optional<FileKind> detectFileKind(const QStringList &headers, const QString &fileName)
{
    std::optional<FileKind> best;
    int bestScore = 0;
    for (FileKind k : kAllFileKinds) {
        const ColumnMapping m = mapColumns(k, headers);
        if (!m.hasAllRequired())
            continue;
        int required = 0;
        for (const FieldSpec &f : fieldsOf(k))
            required += f.required;
        // Kinds that need more columns are more specific; then more matches.
        const int score = required * 100 + m.matchedFields() * 10 + (fileNameSuggests(fileName, k) ? 50 : 0);
        if (score > bestScore) {
            bestScore = score;
            best = k;
        }
    }
    return best;
}

std::optional<MovementType> movementTypeFromText(const QString &v)
{
    static const QHash<QString, MovementType> kTypes = [] {
        QHash<QString, MovementType> h;
        const auto add = [&](MovementType t, std::initializer_list<const char *> names) {
            for (const char *n : names)
                h.insert(QString::fromLatin1(n), t);
        };
        add(MovementType::Reception, {"reception", "receptionfournisseur", "entree", "entreefournisseur", "rec", "rcp", "e", "ent",
                                      "receipt", "livraison", "achat", "receptioncommande"});
        add(MovementType::IssueToUnit,
            {"delivranceuf", "delivrance", "distribution", "sortie", "sortieuf", "dispensation", "dispensationnominative",
             "dispensationglobale", "delivrancenominative", "delivranceglobale", "dotation", "reapprovisionnement", "s", "sor", "dis",
             "issue", "issuetounit", "consommation", "sortieservice"});
        add(MovementType::Return, {"retouruf", "retour", "retourservice", "ret", "return", "returnfromunit"});
        add(MovementType::DestructionExpired, {"destructionperime", "destructionperimes", "perime", "peremption", "destructionperemption",
                                               "dep", "expired", "destructionexpired", "destructionexpire"});
        add(MovementType::DestructionOther,
            {"destructionautre", "destruction", "casse", "des", "destructionother", "damaged", "perte", "detruit", "rebut"});
        add(MovementType::InventoryAdjustment,
            {"regularisationinventaire", "inventaire", "regularisation", "ajustement", "ajustementinventaire", "inv", "adj", "adjustment",
             "inventoryadjustment", "ecartinventaire", "regul"});
        add(MovementType::Transfer, {"transfert", "transfer", "tra", "transfertsite", "transfertintersite", "cession"});
        add(MovementType::OutpatientDispensing,
            {"retrocession", "retro", "outpatient", "outpatientdispensing", "dispensationexterne", "ventepublic", "rtr"});
        return h;
    }();
    const auto it = kTypes.constFind(v);
    if (it == kTypes.constEnd())
        return std::nullopt;
    return *it;
}

QString movementTypeCode(MovementType t)
{
    switch (t) {
    case MovementType::Reception: return QStringLiteral("reception");
    case MovementType::IssueToUnit: return QStringLiteral("issue");
    case MovementType::Return: return QStringLiteral("return");
    case MovementType::DestructionExpired: return QStringLiteral("destruction-expired");
    case MovementType::DestructionOther: return QStringLiteral("destruction-other");
    case MovementType::InventoryAdjustment: return QStringLiteral("inventory-adjustment");
    case MovementType::Transfer: return QStringLiteral("transfer");
    case MovementType::OutpatientDispensing: return QStringLiteral("outpatient");
    }
    return {};
}

QString movementTypeLabel(MovementType t, bool french)
{
    switch (t) {
    case MovementType::Reception: return french ? QStringLiteral("Réception") : QStringLiteral("Reception");
    case MovementType::IssueToUnit: return french ? QStringLiteral("Délivrance UF") : QStringLiteral("Issue to care unit");
    case MovementType::Return: return french ? QStringLiteral("Retour UF") : QStringLiteral("Return from care unit");
    case MovementType::DestructionExpired: return french ? QStringLiteral("Destruction périmé") : QStringLiteral("Expired destruction");
    case MovementType::DestructionOther: return french ? QStringLiteral("Destruction autre") : QStringLiteral("Other destruction");
    case MovementType::InventoryAdjustment:
        return french ? QStringLiteral("Régularisation inventaire") : QStringLiteral("Inventory adjustment");
    case MovementType::Transfer: return french ? QStringLiteral("Transfert") : QStringLiteral("Transfer");
    case MovementType::OutpatientDispensing: return french ? QStringLiteral("Rétrocession") : QStringLiteral("Outpatient dispensing");
    }
    return {};
}

} // namespace reappro
