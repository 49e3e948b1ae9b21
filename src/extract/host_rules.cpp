// The host rule table (host_rules.hpp). To teach evgraph a new publisher, add a row here and a test
// in tests/host_rules_test.cpp with a real URL of that publisher.
#include "extract/host_rules.hpp"

#include <array>

#include "text/ascii.hpp"

namespace evgraph::host_rules {
namespace {

using Y = Yields;

// clang-format off
constexpr std::array kRules = {
    // Identifier services.
    HostRule{"doi.org",                 "",                  Y::doi_whole_path},
    HostRule{"ncbi.nlm.nih.gov",        "pmc/articles/pmid", Y::pubmed},
    HostRule{"ncbi.nlm.nih.gov",        "pmc/articles",      Y::pmc},
    HostRule{"ncbi.nlm.nih.gov",        "pubmed",            Y::pubmed},
    HostRule{"pmc.ncbi.nlm.nih.gov",    "articles/pmid",     Y::pubmed},
    HostRule{"pmc.ncbi.nlm.nih.gov",    "articles",          Y::pmc},
    HostRule{"pubmed.ncbi.nlm.nih.gov", "",                  Y::pubmed},
    HostRule{"europepmc.org",           "articles",          Y::pmc},
    HostRule{"europepmc.org",           "article/pmc",       Y::pmc},
    HostRule{"europepmc.org",           "abstract/pmc",      Y::pmc},
    HostRule{"europepmc.org",           "article/med",       Y::pubmed},
    HostRule{"europepmc.org",           "abstract/med",      Y::pubmed},
    HostRule{"semanticscholar.org",     "paper",             Y::s2},
    HostRule{"arxiv.org",               "abs",               Y::arxiv},
    HostRule{"arxiv.org",               "pdf",               Y::arxiv},
    HostRule{"arxiv.org",               "html",              Y::arxiv},
    // Publisher pages whose URL holds the DOI (or PII).
    HostRule{"tandfonline.com",         "doi",               Y::doi},
    HostRule{"onlinelibrary.wiley.com", "doi",               Y::doi},
    HostRule{"journals.sagepub.com",    "doi",               Y::doi},
    HostRule{"link.springer.com",       "",                  Y::doi},
    HostRule{"biomedcentral.com",       "articles",          Y::doi},
    HostRule{"iopscience.iop.org",      "article",           Y::doi},
    HostRule{"academic.oup.com",        "",                  Y::doi_then_number},
    HostRule{"frontiersin.org",         "",                  Y::doi_two_segments},
    HostRule{"biorxiv.org",             "content",           Y::doi_preprint},
    HostRule{"medrxiv.org",             "content",           Y::doi_preprint},
    HostRule{"nature.com",              "articles",          Y::doi_of_name, "10.1038"},
    HostRule{"journals.plos.org",       "",                  Y::doi_in_query, "id"},
    HostRule{"sciencedirect.com",       "science/article",   Y::pii},
    HostRule{"linkinghub.elsevier.com", "retrieve",          Y::pii},
    HostRule{"thelancet.com",           "journals",          Y::pii},
    HostRule{"cell.com",                "",                  Y::pii},
    // Pages that name no work by their URL.
    HostRule{"mdpi.com",                "",                  Y::url},
    HostRule{"researchgate.net",        "",                  Y::url},
    // Redirect wrappers (before google.com: Vertex is a subdomain of it).
    HostRule{"vertexaisearch.cloud.google.com", "grounding-api-redirect", Y::opaque_redirect},
    HostRule{"google.com",              "url",               Y::unwrap_query, "q|url"},
    HostRule{"bing.com",                "ck/a",              Y::unwrap_base64, "u"},
    HostRule{"safelinks.protection.outlook.com", "",         Y::unwrap_query, "url"},
    // Any other site on the Atypon-style "/doi/[view/]10.NNNN/…" path (ACS, Science, PNAS, NEJM…).
    HostRule{"*",                       "doi",               Y::doi},
};
// clang-format on

}  // namespace

std::string_view next_segment(std::string_view& rest) {
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  const std::size_t slash = rest.find('/');
  const std::string_view segment = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  return segment;
}

std::span<const HostRule> rules() {
  return kRules;
}

bool host_matches(const HostRule& rule, std::string_view host) {
  if (rule.host == "*") return true;
  if (!host.ends_with(rule.host)) return false;
  return host.size() == rule.host.size() || host[host.size() - rule.host.size() - 1] == '.';
}

std::optional<std::string_view> path_after(const HostRule& rule, std::string_view path) {
  std::string_view pattern = rule.path;
  while (!pattern.empty()) {
    const std::string_view want = next_segment(pattern);
    const std::string_view have = next_segment(path);
    if (have.empty() || (want != "*" && !ascii::iequals(want, have))) return std::nullopt;
  }
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return path;
}

}  // namespace evgraph::host_rules
