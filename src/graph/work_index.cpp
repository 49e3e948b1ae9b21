// Works known by several identifiers: a small union of identity sets, joined only when no two
// different strong identifiers of one kind would end up in one set.
#include <algorithm>
#include <array>
#include <string>

#include "evgraph/graph.hpp"

namespace evgraph {
namespace {

// The order in which a work's identities compete to be its node id.
int rank(const SourceIdentity& identity) {
  return static_cast<int>(identity.scheme);
}

bool conflicts(const std::vector<SourceIdentity>& identities) {
  for (std::size_t i = 0; i < identities.size(); ++i) {
    if (!identities[i].strong()) continue;
    for (std::size_t j = i + 1; j < identities.size(); ++j) {
      if (identities[j].scheme == identities[i].scheme &&
          identities[j].identifier != identities[i].identifier) {
        return true;
      }
    }
  }
  return false;
}

void add_unique(std::vector<SourceIdentity>& to, const SourceIdentity& identity) {
  if (std::find(to.begin(), to.end(), identity) == to.end()) to.push_back(identity);
}

std::string place(const SourceRecord& source) {
  std::string text = source.where.file;
  if (source.where.line) text += ":" + std::to_string(source.where.line);
  if (!source.label.empty()) text += " (" + source.label + ")";
  return text;
}

}  // namespace

bool EvidenceGraph::add_work(const SourceRecord& source) {
  std::vector<SourceIdentity> identities{source.identity};
  for (const SourceIdentity& other : source.also) add_unique(identities, other);
  if (identities.size() < 2) return true;
  std::vector<std::size_t> joined;
  for (const SourceIdentity& identity : identities) {
    auto found = work_of_.find(identity.id());
    if (found != work_of_.end() &&
        std::find(joined.begin(), joined.end(), found->second) == joined.end()) {
      joined.push_back(found->second);
    }
  }
  std::sort(joined.begin(), joined.end());
  std::vector<SourceIdentity> all;
  for (std::size_t work : joined) {
    for (const SourceIdentity& identity : works_[work].identities) add_unique(all, identity);
  }
  for (const SourceIdentity& identity : identities) add_unique(all, identity);
  if (conflicts(all)) return false;
  std::stable_sort(all.begin(), all.end(), [](const SourceIdentity& a, const SourceIdentity& b) {
    return rank(a) < rank(b);
  });
  const std::size_t target = joined.empty() ? works_.size() : joined.front();
  if (joined.empty()) works_.emplace_back();
  Work& work = works_[target];
  if (work.because.empty()) work.because = "listed together at " + place(source);
  work.identities = std::move(all);
  for (std::size_t other : joined) {
    if (other != target) works_[other] = Work{};
  }
  for (const SourceIdentity& identity : work.identities) work_of_[identity.id()] = target;
  return true;
}

const SourceIdentity& EvidenceGraph::work_identity(const SourceIdentity& identity,
                                                   const std::string** because) const {
  if (works_.empty()) return identity;
  auto found = work_of_.find(identity.id());
  if (found == work_of_.end()) return identity;
  const Work& work = works_[found->second];
  if (because) *because = &work.because;
  return work.identities.front();
}

std::span<const SourceIdentity> EvidenceGraph::work_identities(
    const SourceIdentity& identity) const {
  if (works_.empty()) return {&identity, 1};
  auto found = work_of_.find(identity.id());
  if (found == work_of_.end()) return {&identity, 1};
  return works_[found->second].identities;
}

}  // namespace evgraph
