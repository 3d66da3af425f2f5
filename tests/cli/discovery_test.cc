#include "analyzer/discovery.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/cli/test_files.h"

namespace halint {
namespace {

std::vector<std::string> Paths(const Discovery& d, const std::string& strip) {
  std::vector<std::string> out;
  for (const InputFile& f : d.files) {
    std::string p = f.path.starts_with(strip) ? f.path.substr(strip.size()) : f.path;
    out.push_back(f.error.empty() ? p : p + " (" + f.error + ")");
  }
  return out;
}

TEST(CliDiscoveryTest, CandidateNames) {
  struct Case {
    const char* name;
    bool candidate;
  };
  for (const Case& c : std::initializer_list<Case>{{"a.yaml", true},
                                                   {"a.yml", true},
                                                   {"a.json", true},
                                                   {"a.template", true},
                                                   {"a.tf.json", true},
                                                   {"a.YAML", false},
                                                   {"a.txt", false},
                                                   {"yaml", false},
                                                   {"Makefile", false}}) {
    EXPECT_EQ(IsTemplateCandidate(c.name), c.candidate) << c.name;
  }
}

TEST(CliDiscoveryTest, DirectoriesAreWalkedInSortedOrderSkippingVendorDirectories) {
  TempDir dir;
  for (const char* name : {"b.yaml", "a.json", "sub/c.yml", "sub/deeper/e.template", "d.template",
                           "notes.txt", "Z.yaml", ".git/x.yaml", "node_modules/y.yaml",
                           ".terraform/z.json", "sub/.git/w.yaml", ".hidden/h.yaml"}) {
    dir.Write(name, "x");
  }
  Discovery d = DiscoverInputs({dir.path() + "/"});
  EXPECT_EQ(Paths(d, dir.path() + "/"),
            (std::vector<std::string>{".hidden/h.yaml", "Z.yaml", "a.json", "b.yaml", "d.template",
                                      "sub/c.yml", "sub/deeper/e.template"}));
  ASSERT_EQ(d.directories, std::vector<std::string>{dir.path() + "/"});
  for (const InputFile& f : d.files) {
    EXPECT_FALSE(f.named_explicitly());
    EXPECT_EQ(f.directory, 0u);
  }
}

TEST(CliDiscoveryTest, NamedFilesAreTakenWhateverTheirNameInCommandLineOrder) {
  TempDir dir;
  std::string txt = dir.Write("template.txt", "x");
  std::string sub = dir.path() + "/sub";
  dir.Write("sub/a.yaml", "x");
  Discovery d = DiscoverInputs({txt, "-", sub, dir.path() + "/missing"});
  EXPECT_EQ(Paths(d, dir.path()),
            (std::vector<std::string>{"/template.txt", "-", "/sub/a.yaml", "/missing"}));
  EXPECT_TRUE(d.files[0].named_explicitly());
  EXPECT_TRUE(d.files[1].named_explicitly());
  EXPECT_EQ(d.files[2].directory, 0u);
  EXPECT_TRUE(d.files[3].named_explicitly());
}

TEST(CliDiscoveryTest, SymlinkLoopsAreHarmless) {
  TempDir dir;
  dir.Write("a/t.yaml", "x");
  ASSERT_EQ(symlink("..", (dir.path() + "/a/up").c_str()), 0);
  ASSERT_EQ(symlink(".", (dir.path() + "/a/self").c_str()), 0);
  ASSERT_EQ(symlink("t.yaml", (dir.path() + "/a/u.yaml").c_str()), 0);
  ASSERT_EQ(symlink("nowhere", (dir.path() + "/a/dangling.yaml").c_str()), 0);
  Discovery d = DiscoverInputs({dir.path()});
  EXPECT_EQ(Paths(d, dir.path()), (std::vector<std::string>{"/a/t.yaml", "/a/u.yaml"}));
}

TEST(CliDiscoveryTest, UnreadableDirectoryIsAnError) {
  if (geteuid() == 0) GTEST_SKIP() << "root lists directories whatever their mode";
  TempDir dir;
  dir.Write("locked/t.yaml", "x");
  ASSERT_EQ(chmod((dir.path() + "/locked").c_str(), 0), 0);
  Discovery d = DiscoverInputs({dir.path()});
  EXPECT_EQ(Paths(d, dir.path()),
            (std::vector<std::string>{"/locked (cannot read directory: Permission denied)"}));
  chmod((dir.path() + "/locked").c_str(), 0700);
}

TEST(CliDiscoveryTest, EmptyDirectoryIsListedWithNoFiles) {
  TempDir dir;
  dir.Write("README.md", "x");
  Discovery d = DiscoverInputs({dir.path()});
  EXPECT_TRUE(d.files.empty());
  EXPECT_EQ(d.directories, std::vector<std::string>{dir.path()});
}

}  // namespace
}  // namespace halint
