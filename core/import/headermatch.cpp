// SPDX-License-Identifier: GPL-3.0-or-later
// Header matching (headermatch.h): the header is looked for among the first
// rows of a file, against the profile's forced columns first, then against
// every kind's required columns.
#include "core/import/headermatch.h"

#include "core/common/textparse.h"

#include <string_view>
#include <vector>

namespace reappro::importdetail {

namespace {

// The header is the first of the first ten rows that some kind's required
// columns match: exports often start with a title or an extraction date.
HeaderMatch findHeader(RowSource &src, const QString &path, const ImportProfile *profile)
{
    HeaderMatch m;
    std::vector<std::string_view> fields;
    qint64 line = 0;
    for (int row = 0; row < 10 && src.next(fields, &line); ++row) {
        QStringList headers;
        for (std::string_view f : fields)
            headers << fromUtf8(trimmed(f));
        if (row == 0)
            m.firstHeaders = headers;
        if (profile)
            for (const FileProfile &fp : profile->files) {
                const ColumnMapping cm = mapColumns(fp.kind, headers, fp.columns);
                bool allForced = true;
                for (const auto &[key, header] : fp.columns)
                    allForced = allForced && cm.columnOfField[size_t(fieldIndex(fp.kind, key.toUtf8().constData()))] >= 0;
                if (allForced && cm.hasAllRequired()) {
                    m.kind = fp.kind;
                    m.profile = &fp;
                    break;
                }
            }
        if (!m.kind)
            m.kind = detectFileKind(headers, path);
        if (m.kind) {
            m.headers = headers;
            m.line = line;
            return m;
        }
    }
    return m;
}

} // namespace

std::unique_ptr<RowSource> openAndFindHeader(const QString &path, const ImportProfile *profile, HeaderMatch *hm, QString *error)
{
    auto src = openSource(path, nullptr, error);
    if (!src)
        return nullptr;
    *hm = findHeader(*src, path, profile);
    if (!profile || src->format != QLatin1String("CSV"))
        return src;
    std::vector<const FileProfile *> tries;
    if (hm->profile)
        tries.push_back(hm->profile);
    else if (!hm->kind)
        for (const FileProfile &fp : profile->files)
            tries.push_back(&fp);
    for (const FileProfile *fp : tries) {
        if (!fp->delimiter && !fp->encoding)
            continue;
        auto again = openSource(path, fp, error);
        if (!again)
            return nullptr;
        HeaderMatch m = findHeader(*again, path, profile);
        if (m.kind) {
            *hm = m;
            return again;
        }
    }
    if (!hm->kind)   // report on the plainly detected reading
        *hm = findHeader(*(src = openSource(path, nullptr, error)), path, profile);
    return src;
}

std::optional<FileKind> kindFromFileName(const QString &path)
{
    // Only for the error message of a file whose columns match nothing: the
    // most specific kinds first ("mouvements_uf.csv" is about movements).
    for (FileKind k :
         {FileKind::Movements, FileKind::Products, FileKind::Lots, FileKind::OpenOrders, FileKind::Suppliers, FileKind::Locations})
        if (fileNameSuggests(path, k))
            return k;
    return std::nullopt;
}

} // namespace reappro::importdetail
