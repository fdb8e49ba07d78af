// A supplier (laboratory, wholesaler, distributor).
#pragma once

#include <QString>

namespace reappro {

struct Supplier {
    qint64 id = 0;
    QString code;
    QString name;
    int leadTimeDays = 0; // usual delay between order and reception
};

} // namespace reappro
