// SPDX-License-Identifier: GPL-3.0-or-later
// The public Importer (importer.h): it orders the files so that referenced
// data comes first, runs the import as one all-or-nothing transaction
// (ImportRun, importrun.h), and describes rejected lines for people and for
// the CSV report.
#include "core/import/importer.h"

#include "core/common/csvformat.h"
#include "core/import/headermatch.h"
#include "core/import/importrun.h"
#include "core/store/importwriter.h"
#include "core/store/store.h"

#include <QFileInfo>
#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace reappro {

using importdetail::HeaderMatch;
using importdetail::ImportRun;
using importdetail::openAndFindHeader;

Importer::Importer(Store &store) : m_store(store) {}

ImportResult Importer::importFiles(const QStringList &paths, const ImportOptions &options, const ImportProgress &progress,
                                   std::stop_token stop)
{
    ImportResult result;
    if (!m_store.isOpen()) {
        result.error = QStringLiteral("database not open");
        return result;
    }
    if (m_store.isReadOnly()) {
        result.error =
            options.language == Language::French
                ? QStringLiteral("la base %1 est en lecture seule (fichier ou dossier protégé en écriture) : rien n'a été importé. "
                                 "Importez dans une copie placée dans un dossier où vous pouvez écrire.")
                      .arg(m_store.path())
                : QStringLiteral("the database %1 is read-only (file or folder write-protected): nothing was imported. "
                                 "Import into a copy in a folder you can write to.")
                      .arg(m_store.path());
        return result;
    }
    // A backup first: an import that went wrong can be undone.
    if (options.keepBackups > 0 && m_store.holdsData()) {
        QString why;
        result.backup = backups::create(m_store, QStringLiteral("import"), options.keepBackups, &why);
        if (!result.backup) {
            result.error =
                options.language == Language::French
                    ? QStringLiteral("la sauvegarde d'avant l'import n'a pas pu être écrite dans %1 (%2) : rien n'a été importé. "
                                     "Libérez de la place ou choisissez --keep-backups 0 pour importer sans sauvegarde.")
                          .arg(backups::folderOf(m_store.path()), why)
                    : QStringLiteral("the backup before the import could not be written in %1 (%2): nothing was imported. "
                                     "Free some space, or use --keep-backups 0 to import without a backup.")
                          .arg(backups::folderOf(m_store.path()), why);
            return result;
        }
    }
    std::optional<ImportProfile> profile;
    if (!options.profilePath.isEmpty()) {
        profile = ImportProfile::load(options.profilePath, &result.error);
        if (!profile)
            return result;
    }
    // Referenced data first: suppliers, care units, products, then the rest.
    std::vector<std::pair<int, QString>> ordered;
    for (const QString &p : paths) {
        int rank = int(std::size(kAllFileKinds));
        QString error;
        HeaderMatch hm;
        if (openAndFindHeader(p, profile ? &*profile : nullptr, &hm, &error) && hm.kind)
            rank = int(*hm.kind);
        ordered.emplace_back(rank, p);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    // A big import with no other connection open (the command line, a first
    // import) leaves WAL for a rollback journal meanwhile (ImportWriter::begin).
    qint64 inputBytes = 0;
    for (const QString &p : paths)
        inputBytes += QFileInfo(p).size();
    ImportWriter writer(m_store);
    if (!writer.begin(inputBytes >= options.rollbackJournalFromBytes, &result.error))
        return result;
    {
        ImportRun run(writer, options, result);
        int i = 0;
        for (const auto &entry : ordered) {
            run.importFile(entry.second, profile ? &*profile : nullptr, i++, int(ordered.size()), progress, stop);
            if (!result.error.isEmpty() || result.cancelled)
                break;
        }
    }
    if (result.error.isEmpty() && !result.cancelled && result.rejectedCount == 0)
        result.committed = writer.commit(&result.error);
    else
        writer.rollback();
    return result;
}

QString Importer::describe(const RejectedLine &r, Language lang)
{
    QString where = r.file;
    if (r.line > 0)
        where += QStringLiteral(":%1").arg(r.line);
    if (r.column > 0)
        where += QStringLiteral(":%1 (%2)").arg(r.column).arg(r.columnName);
    return where + QStringLiteral(": ") + rejectReasonText(r.reason, lang, r.detail);
}

bool Importer::writeReport(const ImportResult &result, const QString &path, Language lang, QString *error)
{
    const auto field = [](const QString &v) { return csvCell(v, QLatin1Char(';')); };
    QByteArray out("\xEF\xBB\xBF");
    out += lang == Language::French ? "fichier;ligne;colonne;nom_colonne;valeur;code_motif;motif\r\n"
                                    : "file;line;column;column_name;value;reason_code;reason\r\n";
    for (const RejectedLine &r : result.rejected) {
        const QStringList cells = {field(r.file),
                                   QString::number(r.line),
                                   QString::number(r.column),
                                   field(r.columnName),
                                   field(r.value),
                                   rejectReasonCode(r.reason),
                                   field(rejectReasonText(r.reason, lang, r.detail))};
        out += cells.join(QLatin1Char(';')).toUtf8() + "\r\n";
    }
    return writeOutputFile(path, out, error);
}

} // namespace reappro
