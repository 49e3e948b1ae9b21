// The host rule table (src/extract/host_rules.cpp): every row is exercised by a real URL shape of
// its publisher or service, and the URLs assistants write (tracking parameters, text fragments,
// redirect wrappers, uploaded files) name the work they point at.
#include "extract/host_rules.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"

using evgraph::identify_source;

namespace {

std::string id_of(std::string_view url) {
  return identify_source(url).id();
}

struct Example {
  std::string_view url;
  std::string_view id;
};

// One or more real URL shapes per row of the table, in the table's order.
const std::vector<Example> kExamples = {
    {"https://doi.org/10.1080/13607863.2019.1619166", "source:doi:10.1080/13607863.2019.1619166"},
    {"https://www.ncbi.nlm.nih.gov/pmc/articles/pmid/32109013/", "source:pubmed:32109013"},
    {"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7104349/", "source:pmc:PMC7104349"},
    {"https://www.ncbi.nlm.nih.gov/pubmed/32109013", "source:pubmed:32109013"},
    {"https://pmc.ncbi.nlm.nih.gov/articles/pmid/32109013/", "source:pubmed:32109013"},
    {"https://pmc.ncbi.nlm.nih.gov/articles/PMC7104349/", "source:pmc:PMC7104349"},
    {"https://pubmed.ncbi.nlm.nih.gov/32109013/", "source:pubmed:32109013"},
    {"https://europepmc.org/articles/PMC7104349", "source:pmc:PMC7104349"},
    {"https://europepmc.org/article/PMC/PMC7104349", "source:pmc:PMC7104349"},
    {"https://europepmc.org/abstract/PMC/PMC7104349", "source:pmc:PMC7104349"},
    {"https://europepmc.org/article/MED/32109013", "source:pubmed:32109013"},
    {"https://europepmc.org/abstract/MED/32109013", "source:pubmed:32109013"},
    {"https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/"
     "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
     "source:s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776"},
    {"https://arxiv.org/abs/2005.12872", "source:arxiv:2005.12872"},
    {"https://arxiv.org/pdf/2005.12872v3", "source:arxiv:2005.12872"},
    {"https://arxiv.org/html/2405.04517v2", "source:arxiv:2405.04517"},
    {"https://www.tandfonline.com/doi/full/10.1080/13607863.2019.1619166",
     "source:doi:10.1080/13607863.2019.1619166"},
    {"https://onlinelibrary.wiley.com/doi/abs/10.1111/jan.14567", "source:doi:10.1111/jan.14567"},
    {"https://journals.sagepub.com/doi/10.1177/1557988319873512",
     "source:doi:10.1177/1557988319873512"},
    {"https://link.springer.com/article/10.1007/s00127-020-01900-6",
     "source:doi:10.1007/s00127-020-01900-6"},
    {"https://bmcpublichealth.biomedcentral.com/articles/10.1186/s12889-020-09123-4",
     "source:doi:10.1186/s12889-020-09123-4"},
    {"https://iopscience.iop.org/article/10.1088/1748-9326/ab6d7b",
     "source:doi:10.1088/1748-9326/ab6d7b"},
    {"https://academic.oup.com/sleep/article/doi/10.1093/sleep/zsz307/5651364",
     "source:doi:10.1093/sleep/zsz307"},
    {"https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full",
     "source:doi:10.3389/fpsyg.2020.01234"},
    {"https://www.biorxiv.org/content/10.1101/2020.03.01.972935v1.full",
     "source:doi:10.1101/2020.03.01.972935"},
    {"https://www.medrxiv.org/content/10.1101/2020.02.11.20021493v2.full-text",
     "source:doi:10.1101/2020.02.11.20021493"},
    {"https://www.nature.com/articles/s41586-020-2012-7", "source:doi:10.1038/s41586-020-2012-7"},
    {"https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0144297",
     "source:doi:10.1371/journal.pone.0144297"},
    {"https://www.sciencedirect.com/science/article/pii/S0140673620301835",
     "source:pii:S0140673620301835"},
    {"https://linkinghub.elsevier.com/retrieve/pii/S0140673620301835",
     "source:pii:S0140673620301835"},
    {"https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30183-5/fulltext",
     "source:pii:S0140673620301835"},
    {"https://www.cell.com/cell/fulltext/S0092-8674(20)30229-4", "source:pii:S0092867420302294"},
    {"https://www.mdpi.com/1660-4601/17/12/4321", "source:url:mdpi.com/1660-4601/17/12/4321"},
    {"https://www.researchgate.net/publication/"
     "340000000_Social_Determinants_of_Health_and_Diabetes",
     "source:url:researchgate.net/publication/"
     "340000000_Social_Determinants_of_Health_and_Diabetes"},
    {"https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQFIuUmFZ93bmYRU",
     "source:url:vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQFIuUmFZ93bmYRU"},
    {"https://www.google.com/url?sa=t&rct=j&q=&esrc=s&source=web&cd=&url="
     "https%3A%2F%2Fpubmed.ncbi.nlm.nih.gov%2F32109013%2F&usg=AOvVaw0",
     "source:pubmed:32109013"},
    {"https://www.bing.com/ck/a?!&&p=5c2d&ptn=3&ver=2&hsh=3&fclid=1f&u="
     "a1aHR0cHM6Ly9wdWJtZWQubmNiaS5ubG0ubmloLmdvdi8zMjEwOTAxMy8&ntb=1",
     "source:pubmed:32109013"},
    {"https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdoi.org%2F10.1177%"
     "2F1557988319873512&data=05%7C01%7C&reserved=0",
     "source:doi:10.1177/1557988319873512"},
    {"https://pubs.acs.org/doi/10.1021/acs.est.0c01234", "source:doi:10.1021/acs.est.0c01234"},
};

// The host and path of an http(s) URL, as identify_source reads them (lower-case host, no "www.").
std::pair<std::string, std::string_view> host_and_path(std::string_view url) {
  url.remove_prefix(url.find("://") + 3);
  const std::size_t end = url.find_first_of("/?#");
  std::string host(url.substr(0, end));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.starts_with("www.")) host.erase(0, 4);
  std::string_view path = end == std::string_view::npos ? std::string_view() : url.substr(end);
  path = path.substr(0, path.find_first_of("?#"));
  return {host, path};
}

}  // namespace

TEST_CASE("every host rule has an example that it matches and that gives its identity",
          "[source]") {
  const auto rules = evgraph::host_rules::rules();
  std::set<std::size_t> exercised;
  for (const Example& example : kExamples) {
    INFO(example.url);
    CHECK(id_of(example.url) == example.id);
    const auto [host, path] = host_and_path(example.url);
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (evgraph::host_rules::host_matches(rules[i], host) &&
          evgraph::host_rules::path_after(rules[i], path)) {
        exercised.insert(i);
        break;
      }
    }
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    INFO("rule " << i << ": " << rules[i].host << " /" << rules[i].path);
    CHECK(exercised.count(i) == 1);
  }
}

TEST_CASE("hosts match on label boundaries, paths on whole segments", "[source]") {
  using evgraph::host_rules::HostRule;
  using evgraph::host_rules::Yields;
  const HostRule rule{"wiley.com", "doi/full", Yields::doi};
  CHECK(evgraph::host_rules::host_matches(rule, "wiley.com"));
  CHECK(evgraph::host_rules::host_matches(rule, "onlinelibrary.wiley.com"));
  CHECK_FALSE(evgraph::host_rules::host_matches(rule, "notwiley.com"));
  CHECK(evgraph::host_rules::path_after(rule, "/doi/full/10.1/x") == "10.1/x");
  CHECK(evgraph::host_rules::path_after(rule, "//DOI/Full/10.1/x") == "10.1/x");
  CHECK_FALSE(evgraph::host_rules::path_after(rule, "/doi/fullx/10.1/x"));
  CHECK_FALSE(evgraph::host_rules::path_after(rule, "/doi"));
  const HostRule any{"*", "*/article", Yields::doi};
  CHECK(evgraph::host_rules::host_matches(any, "example.org"));
  CHECK(evgraph::host_rules::path_after(any, "/sleep/article/doi") == "doi");
}

TEST_CASE("Atypon-style /doi/ pages in every view are the DOI", "[source]") {
  const std::string want = "source:doi:10.1080/13607863.2019.1619166";
  for (const char* url : {
           "https://www.tandfonline.com/doi/full/10.1080/13607863.2019.1619166",
           "https://www.tandfonline.com/doi/abs/10.1080/13607863.2019.1619166",
           "https://www.tandfonline.com/doi/pdf/10.1080/13607863.2019.1619166?needAccess=true",
           "https://www.tandfonline.com/doi/epdf/10.1080/13607863.2019.1619166",
           "https://www.tandfonline.com/doi/10.1080/13607863.2019.1619166",
           "https://www.tandfonline.com/doi/full/10.1080/13607863.2019.1619166"
           "?utm_source=chatgpt.com",
           "https://www.tandfonline.com/doi/figure/10.1080/13607863.2019.1619166",
       }) {
    INFO(url);
    CHECK(id_of(url) == want);
  }
  for (const char* url : {"https://onlinelibrary.wiley.com/doi/abs/10.1111/jan.14567",
                          "https://onlinelibrary.wiley.com/doi/full/10.1111/jan.14567",
                          "https://onlinelibrary.wiley.com/doi/pdf/10.1111/jan.14567",
                          "https://onlinelibrary.wiley.com/doi/epdf/10.1111/jan.14567",
                          "https://onlinelibrary.wiley.com/doi/10.1111/JAN.14567"}) {
    INFO(url);
    CHECK(id_of(url) == "source:doi:10.1111/jan.14567");
  }
  // Wiley's old form puts the view after the DOI; journal subdomains are Wiley too.
  CHECK(id_of("https://onlinelibrary.wiley.com/doi/10.1111/j.1365-2648.2010.05400.x/abstract") ==
        "source:doi:10.1111/j.1365-2648.2010.05400.x");
  CHECK(id_of("https://acsjournals.onlinelibrary.wiley.com/doi/full/10.1002/cncr.33100") ==
        "source:doi:10.1002/cncr.33100");
  CHECK(id_of("https://journals.sagepub.com/doi/pdf/10.1177/1557988319873512") ==
        "source:doi:10.1177/1557988319873512");
  // Other platforms on the same path shape, through the "*" row.
  CHECK(id_of("https://www.science.org/doi/10.1126/science.abb2507") ==
        "source:doi:10.1126/science.abb2507");
  CHECK(id_of("https://www.pnas.org/doi/full/10.1073/pnas.2004911117") ==
        "source:doi:10.1073/pnas.2004911117");
  CHECK(id_of("https://www.nejm.org/doi/full/10.1056/NEJMoa2001017") ==
        "source:doi:10.1056/nejmoa2001017");
  // A /doi/ path without a DOI is a page like any other.
  CHECK(identify_source("https://www.tandfonline.com/doi/full/").scheme == evgraph::Scheme::url);
  CHECK(identify_source("https://example.org/doi/about").scheme == evgraph::Scheme::url);
}

TEST_CASE("Springer, BMC and IOP pages hold the DOI in the path", "[source]") {
  const std::string want = "source:doi:10.1007/s00127-020-01900-6";
  CHECK(id_of("https://link.springer.com/article/10.1007/s00127-020-01900-6") == want);
  CHECK(id_of("https://link.springer.com/content/pdf/10.1007/s00127-020-01900-6.pdf") == want);
  CHECK(id_of("https://link.springer.com/article/10.1007/s00127-020-01900-6/fulltext.html") ==
        want);
  CHECK(id_of("https://link.springer.com/chapter/10.1007/978-3-030-12345-6_7") ==
        "source:doi:10.1007/978-3-030-12345-6_7");
  CHECK(id_of("https://link.springer.com/10.1631/jzus.B2000076") ==
        "source:doi:10.1631/jzus.b2000076");
  CHECK(id_of("https://bmcmedicine.biomedcentral.com/articles/10.1186/s12916-020-01607-x") ==
        "source:doi:10.1186/s12916-020-01607-x");
  // IOP DOIs have two slashes; the view after them is dropped.
  for (const char* url : {"https://iopscience.iop.org/article/10.1088/1748-9326/ab6d7b",
                          "https://iopscience.iop.org/article/10.1088/1748-9326/ab6d7b/pdf",
                          "https://iopscience.iop.org/article/10.1088/1748-9326/ab6d7b/meta"}) {
    INFO(url);
    CHECK(id_of(url) == "source:doi:10.1088/1748-9326/ab6d7b");
  }
}

TEST_CASE("Oxford Academic: the DOI, not the article number after it", "[source]") {
  CHECK(id_of("https://academic.oup.com/ofid/article/doi/10.1093/ofid/ofad500.863/7448222") ==
        "source:doi:10.1093/ofid/ofad500.863");
  CHECK(id_of("https://academic.oup.com/bib/article-lookup/doi/10.1093/bib/bbab457") ==
        "source:doi:10.1093/bib/bbab457");
  CHECK(id_of("https://academic.oup.com/gigascience/article/doi/10.1093/gigascience/giac001/"
              "6515741?login=true") == "source:doi:10.1093/gigascience/giac001");
  // Volume/issue/page URLs carry no DOI.
  CHECK(id_of("https://academic.oup.com/nar/article/45/19/10948/4157872") ==
        "source:url:academic.oup.com/nar/article/45/19/10948/4157872");
}

TEST_CASE("Frontiers, Nature and PLOS name the DOI their own way", "[source]") {
  const std::string frontiers = "source:doi:10.3389/fpsyg.2020.01234";
  for (const char* url :
       {"https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full",
        "https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/pdf",
        "https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234",
        "https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2020.01234/full"}) {
    INFO(url);
    CHECK(id_of(url) == frontiers);
  }
  CHECK(id_of("https://www.nature.com/articles/s41586-020-2012-7.pdf") ==
        "source:doi:10.1038/s41586-020-2012-7");
  CHECK(id_of("https://www.nature.com/articles/nature12373") == "source:doi:10.1038/nature12373");
  CHECK(id_of("https://www.nature.com/articles/s41598-024-79556-z") ==
        "source:doi:10.1038/s41598-024-79556-z");
  CHECK(identify_source("https://www.nature.com/nature/volumes").scheme == evgraph::Scheme::url);
  const std::string plos = "source:doi:10.1371/journal.pone.0144297";
  CHECK(id_of("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0144297") == plos);
  CHECK(id_of("https://journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0144297"
              "&type=printable") == plos);
  CHECK(id_of("https://journals.plos.org/plosone/article?id=10.1371%2Fjournal.pone.0144297") ==
        plos);
  CHECK(identify_source("https://journals.plos.org/plosone/").scheme == evgraph::Scheme::url);
}

TEST_CASE("bioRxiv and medRxiv: version and view suffixes dropped", "[source]") {
  const std::string want = "source:doi:10.1101/2020.03.01.972935";
  for (const char* url : {"https://www.biorxiv.org/content/10.1101/2020.03.01.972935v1.full",
                          "https://www.biorxiv.org/content/10.1101/2020.03.01.972935v2.full.pdf",
                          "https://www.biorxiv.org/content/10.1101/2020.03.01.972935v2",
                          "https://www.biorxiv.org/content/10.1101/2020.03.01.972935.abstract",
                          "https://doi.org/10.1101/2020.03.01.972935"}) {
    INFO(url);
    CHECK(id_of(url) == want);
  }
  CHECK(id_of("https://www.biorxiv.org/content/10.1101/123456v1") == "source:doi:10.1101/123456");
  CHECK(id_of("https://www.medrxiv.org/content/10.1101/2020.02.11.20021493v2.full.pdf") ==
        "source:doi:10.1101/2020.02.11.20021493");
}

TEST_CASE("arXiv: one work whatever the view or version", "[source]") {
  for (const char* url :
       {"https://arxiv.org/abs/2005.12872", "https://arxiv.org/abs/2005.12872v1",
        "https://arxiv.org/pdf/2005.12872v3", "https://arxiv.org/pdf/2005.12872v3.pdf",
        "https://arxiv.org/pdf/2005.12872", "http://export.arxiv.org/abs/2005.12872",
        "https://doi.org/10.48550/arXiv.2005.12872", "10.48550/arXiv.2005.12872"}) {
    INFO(url);
    CHECK(id_of(url) == "source:arxiv:2005.12872");
  }
  CHECK(identify_source("https://arxiv.org/abs/2005.12872").strong());
  CHECK(id_of("https://arxiv.org/abs/0704.0001") == "source:arxiv:0704.0001");
  // Old-style identifiers: archive/number; the subject class is not part of the id.
  CHECK(id_of("https://arxiv.org/abs/hep-th/9901001") == "source:arxiv:hep-th/9901001");
  CHECK(id_of("https://arxiv.org/abs/hep-th/9901001v2") == "source:arxiv:hep-th/9901001");
  CHECK(id_of("https://arxiv.org/pdf/hep-th/9901001.pdf") == "source:arxiv:hep-th/9901001");
  CHECK(id_of("https://arxiv.org/abs/math.GT/0309136") == "source:arxiv:math/0309136");
  // Not identifiers.
  CHECK(identify_source("https://arxiv.org/abs/2005.1").scheme == evgraph::Scheme::url);
  CHECK(identify_source("https://arxiv.org/abs/2005.12872x").scheme == evgraph::Scheme::url);
  CHECK(identify_source("https://arxiv.org/list/cs.CV/recent").scheme == evgraph::Scheme::url);
}

TEST_CASE("Elsevier pages are their PII, in every spelling", "[source]") {
  const std::string want = "source:pii:S0140673620301835";
  for (const char* url :
       {"https://www.sciencedirect.com/science/article/pii/S0140673620301835",
        "https://www.sciencedirect.com/science/article/abs/pii/S0140673620301835",
        "https://www.sciencedirect.com/science/article/pii/S0140673620301835?via%3Dihub",
        "https://linkinghub.elsevier.com/retrieve/pii/S0140673620301835",
        "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30183-5/fulltext"}) {
    INFO(url);
    CHECK(id_of(url) == want);
  }
  CHECK(identify_source("https://www.sciencedirect.com/science/article/pii/S0140673620301835")
            .strong());
  // The ISSN's check character may be X.
  CHECK(id_of("https://www.sciencedirect.com/science/article/pii/S235282732030080X") ==
        "source:pii:S235282732030080X");
  // Journal pages, searches and malformed PIIs stay URLs.
  CHECK(identify_source("https://www.sciencedirect.com/journal/the-lancet").scheme ==
        evgraph::Scheme::url);
  CHECK(identify_source("https://www.sciencedirect.com/science/article/pii/S01406736").scheme ==
        evgraph::Scheme::url);
  CHECK(identify_source("https://www.sciencedirect.com/topics/medicine/peer-support").scheme ==
        evgraph::Scheme::url);
}

TEST_CASE("pages that name no work by their URL stay URLs", "[source]") {
  CHECK(id_of("https://www.mdpi.com/1660-4601/17/12/4321/htm") ==
        "source:url:mdpi.com/1660-4601/17/12/4321/htm");
  CHECK(identify_source("https://www.researchgate.net/publication/340000000_X").scheme ==
        evgraph::Scheme::url);
}

TEST_CASE("redirect wrappers are unwrapped to the work they point at", "[source]") {
  // Google: q= or url=, percent-encoded; the target's own tracking is dropped too.
  CHECK(id_of("https://www.google.com/url?q=https://www.tandfonline.com/doi/full/10.1080/"
              "13607863.2019.1619166&sa=D&source=editors&ust=1&usg=AOvVaw") ==
        "source:doi:10.1080/13607863.2019.1619166");
  CHECK(id_of("https://www.google.com/url?sa=t&url=https%3A%2F%2Fmeld.community%2F%3Futm_source%"
              "3Dchatgpt.com&usg=x") == "source:url:meld.community");
  // Bing: u=a1 + base64url of the target.
  CHECK(id_of("https://www.bing.com/ck/a?!&&p=1&u=a1aHR0cHM6Ly93d3cudGFuZGZvbmxpbmUuY29tL2RvaS9mdW"
              "xsLzEwLjEwODAvMTM2MDc4NjMuMjAxOS4xNjE5MTY2P3V0bV9zb3VyY2U9Y2hhdGdwdC5jb20&ntb=1") ==
        "source:doi:10.1080/13607863.2019.1619166");
  // A wrapper with no usable target is the wrapper's URL.
  CHECK(id_of("https://www.google.com/url?q=peer+support") ==
        "source:url:google.com/url?q=peer+support");
  CHECK(identify_source("https://www.bing.com/ck/a?!&&p=1&u=a1%%%&ntb=1").scheme ==
        evgraph::Scheme::url);
  CHECK(identify_source("https://www.bing.com/ck/a?u=aHR0cHM6Ly9leGFtcGxlLm9yZw").scheme ==
        evgraph::Scheme::url);
  // Google search pages are not wrappers.
  CHECK(id_of("https://www.google.com/search?q=https://doi.org/10.1/x") ==
        "source:url:google.com/search?q=https://doi.org/10.1/x");
}

TEST_CASE("an opaque redirect with a real title is one work per title", "[source]") {
  const std::string a =
      "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQFIuUmFZ93bmYRU";
  const std::string b =
      "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQFC92WY4NmolT0i";
  const std::string title = "Social Determinants of Health and Diabetes: A Scientific Review";
  const auto first = identify_source(a, title);
  CHECK(first.scheme == evgraph::Scheme::redirect_title);
  CHECK(first.identifier ==
        "vertexaisearch.cloud.google.com/"
        "social-determinants-of-health-and-diabetes-a-scientific-review");
  CHECK_FALSE(first.strong());
  CHECK(identify_source(b, title) == first);
  CHECK(identify_source(b, "Social Determinants of Health and Diabetes: a scientific review") ==
        first);
  CHECK(identify_source(b, "Another Review of Diabetes") != first);
  // A bare domain, a URL, a single word or no title does not tell works apart.
  for (const char* bare : {"nih.gov", " wikipedia.org ", "https://nih.gov", "Wikipedia", ""}) {
    INFO(bare);
    CHECK(identify_source(a, bare) == identify_source(a));
    CHECK(identify_source(a, bare) != identify_source(b, bare));
  }
  CHECK(identify_source(a).scheme == evgraph::Scheme::url);
  // Titles change nothing for URLs that are not opaque redirects.
  CHECK(identify_source("https://pubmed.ncbi.nlm.nih.gov/32109013/", title).id() ==
        "source:pubmed:32109013");
  CHECK(identify_source("https://example.org/a", title).id() == "source:url:example.org/a");
}

TEST_CASE("files the user uploaded are sources of kind uploaded-file", "[source]") {
  CHECK(id_of("file-service://file-AbC123") == "source:uploaded-file:file-AbC123");
  CHECK(id_of("file-service://file-AbC123/") == "source:uploaded-file:file-AbC123");
  CHECK(id_of("sediment://file_00000000a1b2c3d4") == "source:uploaded-file:file_00000000a1b2c3d4");
  CHECK(id_of("FILE-SERVICE://file-AbC123") == "source:uploaded-file:file-AbC123");
  CHECK(id_of("file-service://file-AbC123") != id_of("file-service://file-abc123"));
  CHECK_FALSE(identify_source("file-service://file-AbC123").strong());
  CHECK(identify_source("file-service://").scheme == evgraph::Scheme::url);
}

TEST_CASE("tracking parameters and text fragments are not part of a work's identity", "[source]") {
  for (const char* url :
       {"https://example.org/guide?utm_source=chatgpt.com",
        "https://example.org/guide?utm_medium=referral&utm_campaign=x",
        "https://example.org/guide?utm_term=a&utm_content=b&utm_id=c",
        "https://example.org/guide#:~:text=peer%20support,-groups",
        "https://example.org/guide?utm_source=chatgpt.com#:~:text=men's%20sheds"}) {
    INFO(url);
    CHECK(id_of(url) == "source:url:example.org/guide");
  }
  CHECK(id_of("https://pmc.ncbi.nlm.nih.gov/articles/PMC7104349/"
              "?utm_source=chatgpt.com#:~:text=Peer%20support") == "source:pmc:PMC7104349");
  CHECK(id_of("https://www.nature.com/articles/s41586-020-2012-7?utm_source=chatgpt.com"
              "#:~:text=pneumonia") == "source:doi:10.1038/s41586-020-2012-7");
}

TEST_CASE("twelve citations of eight works in publisher forms are eight sources", "[source]") {
  evgraph::Diagnostics d;
  const auto e = evgraph::test::extract_string(
      "Peer groups lowered depressive symptoms in older men.[1][2]\n"
      "Online support reached more carers than in-person groups.[3][4]\n"
      "Detection models trained end to end matched hand-built pipelines.[5][6]\n"
      "Viral shedding peaked in the first week.[7][8]\n"
      "A new coronavirus was identified in patients with pneumonia.[9]\n"
      "Social prescribing referrals rose after 2018.[10]\n"
      "Loneliness predicted later cardiovascular events.[11]\n"
      "Clinical features of the first patients were described early.[12]\n"
      "\n"
      "Citations:\n"
      "[1] https://www.tandfonline.com/doi/full/10.1080/13607863.2019.1619166"
      "?utm_source=chatgpt.com\n"
      "[2] https://doi.org/10.1080/13607863.2019.1619166\n"
      "[3] https://onlinelibrary.wiley.com/doi/abs/10.1111/jan.14567\n"
      "[4] https://onlinelibrary.wiley.com/doi/epdf/10.1111/jan.14567\n"
      "[5] https://arxiv.org/pdf/2005.12872v3\n"
      "[6] https://arxiv.org/abs/2005.12872\n"
      "[7] https://www.biorxiv.org/content/10.1101/2020.03.01.972935v1.full\n"
      "[8] https://www.biorxiv.org/content/10.1101/2020.03.01.972935v2.full.pdf\n"
      "[9] https://www.nature.com/articles/s41586-020-2012-7\n"
      "[10] https://link.springer.com/article/10.1007/s00127-020-01900-6\n"
      "[11] https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0144297\n"
      "[12] https://www.sciencedirect.com/science/article/pii/S0140673620301835\n",
      d);
  CHECK(e.sources.size() >= 8);
  const auto g = evgraph::build_graph(std::span(&e, 1));
  std::set<std::string> sources;
  std::size_t source_nodes = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (g.node(v).type != evgraph::NodeType::source) continue;
    ++source_nodes;
    sources.emplace(g.node(v).id);
  }
  CHECK(source_nodes == 8);
  CHECK(sources == std::set<std::string>{
                       "source:doi:10.1080/13607863.2019.1619166",
                       "source:doi:10.1111/jan.14567",
                       "source:arxiv:2005.12872",
                       "source:doi:10.1101/2020.03.01.972935",
                       "source:doi:10.1038/s41586-020-2012-7",
                       "source:doi:10.1007/s00127-020-01900-6",
                       "source:doi:10.1371/journal.pone.0144297",
                       "source:pii:S0140673620301835",
                   });
  // The page URLs are kept on the node.
  const auto tandf = g.find("source:doi:10.1080/13607863.2019.1619166");
  REQUIRE(tandf);
  CHECK(g.node(*tandf).urls.size() == 2);
  const auto arxiv = g.find("source:arxiv:2005.12872");
  REQUIRE(arxiv);
  CHECK(evgraph::test::to_vector(g.node(*arxiv).urls) ==
        std::vector<std::string>{"https://arxiv.org/pdf/2005.12872v3",
                                 "https://arxiv.org/abs/2005.12872"});
}

TEST_CASE("a Gemini answer's redirect citations with one title are one source", "[source]") {
  evgraph::Diagnostics d;
  const auto e = evgraph::test::extract_string(
      "Food insecurity raised HbA1c.[1][2] Redlining predicted prevalence.[3][4]\n"
      "\n"
      "Sources:\n"
      "1. [Social Determinants of Health and Diabetes: A Scientific Review]"
      "(https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQFIuUmF)\n"
      "2. [Social Determinants of Health and Diabetes: A Scientific Review]"
      "(https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQFC92WY)\n"
      "3. [nih.gov](https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQEFiDdQ)\n"
      "4. [nih.gov](https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQE2EzNp)\n",
      d);
  const auto g = evgraph::build_graph(std::span(&e, 1));
  std::vector<std::string> schemes;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (g.node(v).type == evgraph::NodeType::source) schemes.emplace_back(g.node(v).scheme);
  }
  std::sort(schemes.begin(), schemes.end());
  CHECK(schemes == std::vector<std::string>{"redirect-title", "url", "url"});
  const auto merged = g.find(
      "source:redirect-title:vertexaisearch.cloud.google.com/"
      "social-determinants-of-health-and-diabetes-a-scientific-review");
  REQUIRE(merged);
  CHECK(g.node(*merged).urls.size() == 2);
  CHECK(g.node(*merged).title == "Social Determinants of Health and Diabetes: A Scientific Review");
}

TEST_CASE("identify_source stays linear on hostile URLs", "[source]") {
  const std::size_t n = 1'000'000;
  std::string segments = "https://www.cell.com/";
  for (std::size_t i = 0; i < n; ++i) segments += "a/";
  std::string parameters = "https://www.google.com/url?";
  for (std::size_t i = 0; i < n; ++i) parameters += "q=x&";
  const std::vector<std::string> urls = {
      segments,
      "https://example.org/doi/" + segments.substr(21),
      "https://www.semanticscholar.org/paper/" + segments.substr(21),
      parameters,
      "https://journals.plos.org/plosone/article?" + parameters.substr(27),
      "https://example.org/x" + std::string(n, ')'),
      "https://example.org/x" + std::string(n, ']') + std::string(n, '.'),
  };
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& url : urls)
    CHECK(identify_source(url, "A Real Title").scheme == evgraph::Scheme::url);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Linear: milliseconds (seconds under ASan on a busy machine); quadratic: hours.
  CHECK(seconds < 30.0);
}
