// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_EXTRACT_ENTITY_RULES_H_
#define STEPPE_LIB_EXTRACT_ENTITY_RULES_H_

#include <vector>

#include "extract/entities.h"
#include "extract/gazetteer.h"

namespace steppe {

// Companies named by their legal form, before or after the name, quoted or not
// ("Aktaukrantechservice LLP", "ТОО «Каспий Ойл»", "«Мұнай» ЖШС") or by the word company
// ("company X", "the X drilling company", "компания «X»", "X компаниясы"). The name is the
// gazetteer's when it knows it, else as written, without quotes and legal form. Appends to
// *out.
void FindCompaniesByRule(const EntityText& t, const Gazetteer& gazetteer, std::vector<Entity>* out);

// Places named by what they are: "X region/oblast/district", "X облысы/ауданы/қаласы",
// "в городе X", "the city of X". Appends to *out.
void FindPlacesByRule(const EntityText& t, const Gazetteer& gazetteer, std::vector<Entity>* out);

}  // namespace steppe

#endif  // STEPPE_LIB_EXTRACT_ENTITY_RULES_H_
