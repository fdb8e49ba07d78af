// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/criticalitydelegate.h"
#include "ui/models/producttablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace reappro {

namespace {

struct Badge {
    QString text;
    QColor background;
    QColor foreground;
};

std::vector<Badge> badgesOf(const QModelIndex &index)
{
    std::vector<Badge> out;
    if (index.data(ProductTableModel::MitmRole).toBool())
        out.push_back({QStringLiteral("MITM"), QColor(0xc6, 0x28, 0x28), Qt::white});
    switch (static_cast<VenClass>(index.data(ProductTableModel::VenRole).toInt())) {
    case VenClass::Vital: out.push_back({QStringLiteral("V"), QColor(0xe6, 0x51, 0x00), Qt::white}); break;
    case VenClass::Essential: out.push_back({QStringLiteral("E"), QColor(0x15, 0x65, 0xc0), Qt::white}); break;
    case VenClass::NonEssential: out.push_back({QStringLiteral("N"), QColor(0xcf, 0xd4, 0xda), QColor(0x37, 0x41, 0x4f)}); break;
    }
    return out;
}

constexpr int kPadX = 6, kGap = 4, kMargin = 6;

QFont badgeFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}

int badgeWidth(const QFontMetrics &fm, const Badge &b) { return std::max(fm.horizontalAdvance(b.text) + 2 * kPadX, fm.height() + 4); }

} // namespace

void CriticalityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background, selection and focus from the style; the badges replace the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const std::vector<Badge> badges = badgesOf(index);
    if (badges.empty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font = badgeFont(option.font);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    int total = -kGap;
    for (const Badge &b : badges)
        total += badgeWidth(fm, b) + kGap;
    int x = option.rect.left() + std::max(kMargin, (option.rect.width() - total) / 2);
    const int y = option.rect.top() + (option.rect.height() - h) / 2;
    for (const Badge &b : badges) {
        const QRectF r(x, y, badgeWidth(fm, b), h);
        QPainterPath path;
        path.addRoundedRect(r, h / 2.0, h / 2.0);
        painter->fillPath(path, b.background);
        painter->setPen(b.foreground);
        painter->drawText(r, Qt::AlignCenter, b.text);
        x += int(r.width()) + kGap;
    }
    painter->restore();
}

QSize CriticalityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(badgeFont(option.font));
    int w = 2 * kMargin - kGap;
    for (const Badge &b : badgesOf(index))
        w += badgeWidth(fm, b) + kGap;
    return {w, fm.height() + 8};
}

} // namespace reappro
