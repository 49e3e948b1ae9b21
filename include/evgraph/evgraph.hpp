// The whole evgraph library: read → parse → extract → build → analyse, export. Include this, or the
// one stage header you need.
#pragma once

#include "evgraph/analysis.hpp"
#include "evgraph/build.hpp"
#include "evgraph/convert.hpp"
#include "evgraph/document.hpp"
#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/export.hpp"
#include "evgraph/graph.hpp"
#include "evgraph/input.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/parse.hpp"
#include "evgraph/text.hpp"
#include "evgraph/version.hpp"
#include "evgraph/vocabulary.hpp"
