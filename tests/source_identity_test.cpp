#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/evidence.hpp"

using evgraph::identify_source;

namespace {

std::string id_of(std::string_view url) {
  return identify_source(url).id();
}

}  // namespace

TEST_CASE("PMC URLs on both hosts are one work", "[source]") {
  const auto identity = identify_source("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10078724/");
  CHECK(identity.scheme == evgraph::Scheme::pmc);
  CHECK(identity.identifier == "PMC10078724");
  CHECK(identity.id() == "source:pmc:PMC10078724");
  for (const char* url : {"https://pmc.ncbi.nlm.nih.gov/articles/PMC10078724",
                          "https://pmc.ncbi.nlm.nih.gov/articles/PMC10078724/",
                          "http://ncbi.nlm.nih.gov/pmc/articles/pmc10078724",
                          "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10078724/#sec2",
                          "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10078724/pdf/x.pdf",
                          "https://europepmc.org/article/PMC/PMC10078724",
                          "https://europepmc.org/articles/PMC10078724",
                          "www.ncbi.nlm.nih.gov/pmc/articles/PMC10078724/",
                          "<https://pmc.ncbi.nlm.nih.gov/articles/PMC10078724/>.",
                          "  https://WWW.NCBI.NLM.NIH.GOV/pmc/articles/PMC10078724/ "}) {
    INFO(url);
    CHECK(id_of(url) == "source:pmc:PMC10078724");
  }
}

TEST_CASE("PubMed URLs in both path forms are one work", "[source]") {
  CHECK(id_of("https://pubmed.ncbi.nlm.nih.gov/10609983/") == "source:pubmed:10609983");
  CHECK(id_of("https://pubmed.ncbi.nlm.nih.gov/10609983") == "source:pubmed:10609983");
  CHECK(id_of("https://www.ncbi.nlm.nih.gov/pubmed/10609983") == "source:pubmed:10609983");
  CHECK(id_of("http://www.ncbi.nlm.nih.gov/pubmed/10609983/?tool=x") == "source:pubmed:10609983");
  CHECK(id_of("https://europepmc.org/abstract/MED/10609983") == "source:pubmed:10609983");
  CHECK(id_of("https://europepmc.org/article/MED/10609983") == "source:pubmed:10609983");
  CHECK(id_of("https://www.ncbi.nlm.nih.gov/pmc/articles/pmid/10609983/") ==
        "source:pubmed:10609983");
  // Not an article: a search page stays a URL.
  CHECK(id_of("https://pubmed.ncbi.nlm.nih.gov/?term=peer+support") ==
        "source:url:pubmed.ncbi.nlm.nih.gov?term=peer+support");
}

TEST_CASE("Semantic Scholar paper URLs give the lower-case 40 hex id", "[source]") {
  const std::string hex = "dd20059151a1e37a4e9a4dc8e11ac38173524764";
  CHECK(id_of("https://www.semanticscholar.org/paper/" + hex) == "source:s2:" + hex);
  CHECK(id_of("https://www.semanticscholar.org/paper/Peer-Support-for-Men-Smith/" + hex) ==
        "source:s2:" + hex);
  CHECK(id_of("https://semanticscholar.org/paper/DD20059151A1E37A4E9A4DC8E11AC38173524764/") ==
        "source:s2:" + hex);
  // Not 40 hex digits: an ordinary URL.
  CHECK(identify_source("https://www.semanticscholar.org/paper/abc123").scheme ==
        evgraph::Scheme::url);
  CHECK(identify_source("https://www.semanticscholar.org/author/" + hex).scheme ==
        evgraph::Scheme::url);
}

TEST_CASE("DOI forms compare equal and lower-cased", "[source]") {
  const std::string want = "source:doi:10.1177/1557988319873512";
  for (const char* url :
       {"https://doi.org/10.1177/1557988319873512", "http://dx.doi.org/10.1177/1557988319873512",
        "https://www.doi.org/10.1177/1557988319873512", "doi:10.1177/1557988319873512",
        "DOI: 10.1177/1557988319873512", "https://doi.org/10.1177%2F1557988319873512",
        "https://doi.org/10.1177%2f1557988319873512", "10.1177/1557988319873512",
        "https://doi.org/10.1177/1557988319873512.", "https://doi.org/doi:10.1177/1557988319873512",
        "https://DOI.ORG/10.1177/1557988319873512#abstract"}) {
    INFO(url);
    CHECK(id_of(url) == want);
  }
  CHECK(id_of("https://doi.org/10.1016/S0140-6736(20)30183-5") ==
        "source:doi:10.1016/s0140-6736(20)30183-5");
  CHECK(id_of("(https://doi.org/10.1016/S0140-6736(20)30183-5)") ==
        "source:doi:10.1016/s0140-6736(20)30183-5");
  // Distinct DOIs stay distinct.
  CHECK(id_of("https://doi.org/10.1177/1557988319873512") !=
        id_of("https://doi.org/10.1177/1557988319873513"));
  // Not DOIs.
  CHECK(identify_source("https://doi.org/").scheme == evgraph::Scheme::url);
  CHECK(identify_source("https://doi.org/11.1000/x").scheme == evgraph::Scheme::url);
  CHECK(identify_source("10.0.0.1/admin").scheme == evgraph::Scheme::url);
}

TEST_CASE("other URLs are normalised so trivial variants are equal", "[source]") {
  CHECK(id_of("https://www.meld.community/") == "source:url:meld.community");
  for (const char* url :
       {"http://meld.community", "HTTPS://WWW.MELD.COMMUNITY", "www.meld.community",
        "https://meld.community:443/", "http://meld.community:80", "https://meld.community/#top",
        "https://www.meld.community/.", "https://meld.community/;", "https://meld.community/)",
        "https://meld.community,", "https://meld.community/?utm_source=chatgpt.com",
        "https://user:secret@meld.community/"}) {
    INFO(url);
    CHECK(id_of(url) == "source:url:meld.community");
  }
  CHECK(id_of("https://Example.org/Path/To/Page/?b=2&utm_medium=x&a=1&utm_campaign=y#frag") ==
        "source:url:example.org/Path/To/Page?b=2&a=1");
  CHECK(id_of("https://example.org/page?fbclid=abc") == "source:url:example.org/page");
  CHECK(id_of("https://example.org:8080/x") == "source:url:example.org:8080/x");
  CHECK(id_of("http://example.org:443/x") == "source:url:example.org:443/x");
  CHECK(id_of("https://en.wikipedia.org/wiki/Men%27s_shed_(organisation)") ==
        "source:url:en.wikipedia.org/wiki/Men%27s_shed_(organisation)");
  CHECK(id_of("https://example.org/a%7eb/%2f%c3%a9") == "source:url:example.org/a~b/%2F%C3%A9");
  CHECK(id_of("ftp://Files.Example.org/report.pdf") ==
        "source:url:ftp://files.example.org/report.pdf");
  CHECK(id_of("URN:isbn:0451450523") == "source:url:urn:isbn:0451450523");
  CHECK(id_of("") == "source:url:");
  // Path case and query order are significant.
  CHECK(id_of("https://example.org/A") != id_of("https://example.org/a"));
  CHECK(id_of("https://example.org/?a=1&b=2") != id_of("https://example.org/?b=2&a=1"));
}

TEST_CASE("identify_source is deterministic", "[source]") {
  const std::string url = "https://www.Example.org/x/?utm_source=a&q=1";
  CHECK(id_of(url) == id_of(url));
  CHECK(identify_source(url).identifier == "example.org/x?q=1");
}

TEST_CASE("all 18 seed URLs get the expected identities", "[source]") {
  std::ifstream in(
      std::filesystem::path(EVGRAPH_SOURCE_DIR) / "graphs/men-peer-support/men-peer-support.txt",
      std::ios::binary);
  REQUIRE(in);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::string> ids;
  for (std::size_t at = text.find("https://"); at != std::string::npos;
       at = text.find("https://", at + 1)) {
    const std::size_t end = text.find_first_of(" \n", at);
    ids.push_back(id_of(std::string_view(text).substr(at, end - at)));
  }
  const std::vector<std::string> expected = {
      "source:pmc:PMC10078724",
      "source:s2:dd20059151a1e37a4e9a4dc8e11ac38173524764",
      "source:s2:d69712a61c53f1711ba27fdf37cd159e311459f4",
      "source:s2:b05c784c713c0939b39496868d35c528249d81cc",
      "source:pmc:PMC9615064",
      "source:pmc:PMC9414995",
      "source:s2:94258fb194083864998882376919329f6dcdc9dd",
      "source:pmc:PMC10078724",
      "source:s2:77a3a08856d4217bb6dace1decae8480793b7180",
      "source:pmc:PMC9411703",
      "source:pmc:PMC10433405",
      "source:s2:85be772f7de92bcfade090ecc47f3e7651fad8b7",
      "source:pubmed:10609983",
      "source:s2:a3662cf06f09bdaf04219d781ab8fb71fa655eaa",
      "source:s2:33f6e66d43d225352f5c339dad72b41c30a56bab",
      "source:s2:baebb2046cce7c34009adaebe560b44306301c23",
      "source:pubmed:35941799",
      "source:pubmed:38449237",
      "source:s2:573bb33ad0ba8cf2833a9c847b6b3440293c2f38",
  };
  CHECK(ids == expected);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 18);
}

TEST_CASE("identity schemes are named as ids spell them, strongest first", "[source]") {
  const std::vector<std::string_view> names = {
      "doi", "pmc",           "pubmed",         "s2",  "arxiv", "pii",
      "url", "uploaded-file", "redirect-title", "key", "title"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto scheme = evgraph::scheme_from_string(names[i]);
    REQUIRE(scheme);
    CHECK(static_cast<std::size_t>(*scheme) == i);
    CHECK(evgraph::to_string(*scheme) == names[i]);
    CHECK(evgraph::is_strong(*scheme) == (i < 6));
  }
  CHECK_FALSE(evgraph::scheme_from_string("DOI"));
  CHECK_FALSE(evgraph::scheme_from_string(""));
  CHECK(identify_source("https://doi.org/10.1000/X").id() == "source:doi:10.1000/x");
  CHECK(evgraph::identify_reference("PMID: 123").id() == "source:pubmed:123");
}
