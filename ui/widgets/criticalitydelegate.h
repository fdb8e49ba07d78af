// SPDX-License-Identifier: GPL-3.0-or-later
// Paints the criticality column as small badges ("MITM" in red, the VEN
// letter in a colour per class) so that critical references stand out when
// scanning a long list. The cell's text stays the model's DisplayRole.
#pragma once

#include <QStyledItemDelegate>

namespace reappro {

class CriticalityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace reappro
