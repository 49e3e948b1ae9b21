#include "evgraph/cli.hpp"

int main(int argc, char** argv) {
  return evgraph::cli::run(argc, argv);
}
