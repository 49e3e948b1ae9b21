// Every Location a parsed Document holds, visited in document order — for readers that parse a
// text taken out of a file (a JSON string) and point the locations back into the file.
#pragma once

#include "evgraph/document.hpp"

namespace evgraph::detail {

template <typename Visit>
void for_each_location(Document& document, Visit&& visit) {
  for (Block& block : document.blocks) {
    if (block.list_heading.line != 0) visit(block.list_heading);
    for (ClaimSpan& claim : block.claims) {
      visit(claim.where);
      if (claim.markers_where.line != 0) visit(claim.markers_where);
      for (CitationEntry& link : claim.links) visit(link.where);
    }
    for (CitationEntry& entry : block.citations) visit(entry.where);
  }
  for (CitationEntry& entry : document.footnotes) visit(entry.where);
}

}  // namespace evgraph::detail
