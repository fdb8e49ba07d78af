// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/messages.h"

#include <QtGlobal>

namespace reappro {

Language languageFromCode(const QString &code, Language fallback)
{
    const QString c = code.trimmed().toLower();
    if (c.startsWith(QLatin1String("en")))
        return Language::English;
    if (c.startsWith(QLatin1String("fr")))
        return Language::French;
    return fallback;
}

Language languageFromEnvironment()
{
    const QString forced = qEnvironmentVariable("REAPPRO_LANG");
    if (!forced.isEmpty())
        return languageFromCode(forced, Language::French);
    for (const char *var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty() && v != QLatin1String("C") && !v.startsWith(QLatin1String("C.")) && v != QLatin1String("POSIX"))
            return languageFromCode(v, Language::French);
    }
    return Language::French;
}

namespace {
struct Text {
    const char *code;
    const char *fr;
    const char *en;
};

// %1 is the detail. Each text says what is wrong and how to fix it.
const Text &textOf(RejectReason r)
{
    static const Text kTexts[] = {
        {"cannot_open_file", "Fichier illisible : %1. Vérifiez le chemin et les droits de lecture.",
         "Cannot read the file: %1. Check the path and read permissions."},
        {"unknown_file_kind",
         "Type de fichier non reconnu (en-têtes : %1). Attendu : produits, mouvements, stock par lot, commandes en cours, fournisseurs ou "
         "unités ; renommez les colonnes ou utilisez un profil de correspondance (--profile).",
         "Unrecognised file type (headers: %1). Expected products, movements, stock by lot, open orders, suppliers or care units; rename "
         "the columns or use a column-mapping profile (--profile)."},
        {"missing_column", "Colonne obligatoire absente : %1. Ajoutez-la à l'export ou indiquez-la dans un profil de correspondance.",
         "Required column missing: %1. Add it to the export or map it in a column-mapping profile."},
        {"too_many_fields",
         "Plus de valeurs que de colonnes d'en-tête (%1). Un séparateur ou un guillemet est probablement mal placé dans la ligne.",
         "More values than header columns (%1). A separator or quote is probably misplaced in the line."},
        {"empty_value", "Valeur obligatoire vide%1. Renseignez-la dans le fichier source.",
         "Required value is empty%1. Fill it in the source file."},
        {"invalid_number", "Nombre illisible%1. Écrivez par exemple 12 ou 1 234,56.",
         "Not a number%1. Write e.g. 12 or 1 234,56 (or 1234.56 in a comma-separated file)."},
        {"negative_quantity",
         "Quantité négative%1 : seule une régularisation d'inventaire peut être négative. Corrigez le signe ou le type de mouvement.",
         "Negative quantity%1: only an inventory adjustment may be negative. Fix the sign or the movement type."},
        {"invalid_date", "Date illisible%1. Formats acceptés : jj/mm/aaaa, jj/mm/aa, aaaa-mm-jj, aaaammjj.",
         "Unreadable date%1. Accepted formats: dd/mm/yyyy, dd/mm/yy, yyyy-mm-dd, yyyymmdd."},
        {"future_date", "Date dans le futur%1. Vérifiez l'année ou la date de l'export.",
         "Date in the future%1. Check the year or the export date."},
        {"expiry_before_reception", "Date de péremption antérieure à la réception%1. Vérifiez les deux dates de la ligne.",
         "Expiry date before the reception date%1. Check both dates of the line."},
        {"unknown_product", "Produit inconnu%1. Importez d'abord le fichier produits qui le contient (ou dans la même commande).",
         "Unknown product%1. Import the products file that lists it first (or in the same command)."},
        {"unknown_movement_type",
         "Type de mouvement inconnu%1. Types reconnus : réception, délivrance UF, retour, destruction périmé, destruction autre, "
         "régularisation inventaire, transfert, rétrocession ; sinon associez ce code dans un profil.",
         "Unknown movement type%1. Known types: reception, issue, return, destruction expired, destruction other, inventory adjustment, "
         "transfer, outpatient dispensing; otherwise map this code in a profile."},
        {"invalid_identifier", "Identifiant invalide%1. Corrigez le code dans le fichier produits.",
         "Invalid identifier%1. Fix the code in the products file."},
        {"duplicate_line", "Ligne en double%1 : elle serait comptée deux fois. Supprimez le doublon ou distinguez-la (n° de pièce).",
         "Duplicate line%1: it would be counted twice. Remove the duplicate or tell them apart (document number)."},
        {"duplicate_key", "Clé en double%1. Chaque code ne doit apparaître qu'une fois dans ce fichier.",
         "Duplicate key%1. Each code must appear once in this file."},
        {"invalid_value", "Valeur non reconnue%1.", "Unrecognised value%1."},
        {"missing_care_unit", "Unité de soins (UF) absente pour une délivrance%1. Renseignez la colonne UF ou Destination.",
         "Care unit missing for an issue%1. Fill the care unit (UF) or destination column."},
        {"unclosed_quote",
         "Guillemet ouvert et jamais fermé dans ce champ%1 : rien n'a été importé. Fermez le guillemet, supprimez-le, ou réexportez le "
         "fichier (un champ entre guillemets ne peut pas contenir un guillemet seul).",
         "Quote opened and never closed in this field%1: nothing was imported. Close the quote, remove it, or export the file again "
         "(a quoted field cannot hold a lone quote)."},
        {"value_too_long",
         "Valeur trop longue%1. Un code, un libellé ou un numéro tient en 1 000 caractères au plus : vérifiez les séparateurs et les "
         "guillemets de la ligne.",
         "Value too long%1. A code, a label or a number fits in 1,000 characters at most: check the line's separators and quotes."},
        {"date_out_of_range",
         "Date hors de la période admise%1. Vérifiez l'année (une date vide ou par défaut, comme 01/01/1900, n'est pas une "
         "date de mouvement).",
         "Date outside the accepted period%1. Check the year (an empty or default date such as 01/01/1900 is not a movement date)."},
    };
    static_assert(std::size(kTexts) == size_t(RejectReason::DateOutOfRange) + 1, "one text per reason");
    return kTexts[static_cast<int>(r)];
}
} // namespace

QString rejectReasonText(RejectReason reason, Language lang, const QString &detail)
{
    const Text &t = textOf(reason);
    const QString tmpl = QString::fromUtf8(lang == Language::French ? t.fr : t.en);
    return tmpl.contains(QLatin1String("%1")) ? tmpl.arg(detail) : tmpl;
}

QString rejectReasonCode(RejectReason reason) { return QString::fromLatin1(textOf(reason).code); }

QString stoppedUseText(int weeks, Language lang)
{
    return lang == Language::French
               ? QStringLiteral("Aucune demande depuis %1 semaines, plus longtemps qu'entre deux demandes auparavant : "
                                "l'usage a sans doute cessé, au plus une demande en %2 semaines est retenue.")
                     .arg(weeks)
                     .arg(weeks + 1)
               : QStringLiteral("No demand for %1 weeks, longer than between any two demands before: "
                                "the use has most likely stopped, at most one demand in %2 weeks is assumed.")
                     .arg(weeks)
                     .arg(weeks + 1);
}

} // namespace reappro
