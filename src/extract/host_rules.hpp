// The web pages that name a cited work by their URL: one row per host and path form, and what the
// rest of the URL yields (a DOI, arXiv id, PII, PMC or PubMed id, Semantic Scholar id), or that the
// URL is a redirect wrapper whose target is read from its query (or is opaque). identify_source()
// walks the rows in order; the first row whose host and path match and whose yield succeeds wins.
// Matching is allocation-free: a host suffix compare and a walk over the leading path segments.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace evgraph::host_rules {

enum class Yields : unsigned char {
  url,               // the page names no work (a profile, a journal without DOIs in its URLs)
  doi,               // DOI from the first "10.NNNN" segment on; a trailing view ("full", "pdf",
                     // "abstract"…) and ".pdf" dropped
  doi_whole_path,    // doi.org: the whole path is the DOI (percent-encoded or not, "doi:" prefix)
  doi_then_number,   // Oxford Academic: DOI, then the publisher's numeric article id (dropped)
  doi_two_segments,  // Frontiers: "10.3389/<suffix>", then a view ("/full", "/pdf")
  doi_preprint,      // bioRxiv/medRxiv: "10.1101/<id>" with version and ".full…" dropped
  doi_of_name,       // Nature: the article name after `arg` ("10.1038") and a slash is the DOI
  doi_in_query,      // a query parameter named in `arg` ("id") holds the DOI (PLOS)
  arxiv,             // arXiv id ("2005.12872", "hep-th/9901001"), version and ".pdf" dropped
  pii,               // Elsevier Publisher Item Identifier ("S0140673620301835"; "PII" prefix ok)
  pmc,               // "PMC123"
  pubmed,            // PubMed id, all digits
  s2,                // Semantic Scholar corpus id, 40 hex, in any later segment
  unwrap_query,      // redirect: the query parameter named in `arg` ("q|url") holds the target
  unwrap_base64,     // redirect (Bing): parameter `arg` holds "a1" + base64url of the target
  opaque_redirect,   // redirect whose target is not in the URL (Gemini/Vertex grounding)
};

struct HostRule {
  std::string_view host;  // this host or any subdomain of it; "*" is any host
  std::string_view path;  // leading path segments, case-insensitive; "*" is any one segment
  Yields yields;
  std::string_view arg = {};  // query parameter names ("q|url") or a DOI prefix, per `yields`
};

// The table, in the order rows are tried.
std::span<const HostRule> rules();

// True when `host` (lower-case, without "www.") is the rule's host or a subdomain of it.
bool host_matches(const HostRule& rule, std::string_view host);

// The next '/'-separated segment of `rest`, skipping empty ones; `rest` moves past it.
std::string_view next_segment(std::string_view& rest);

// The path after the rule's leading segments (no leading slash), or nullopt when they do not match.
std::optional<std::string_view> path_after(const HostRule& rule, std::string_view path);

}  // namespace evgraph::host_rules
