#include <iostream>

#include "analyzer/cli/app.h"

int main(int argc, char** argv) { return halint::RunHalint(argc, argv, std::cout, std::cerr); }
