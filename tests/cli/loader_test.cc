#include "analyzer/loader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "tests/cli/test_files.h"

namespace halint {
namespace {

// The single diagnostic of a failed load, as "file:line:col: message".
std::string OnlyDiagnostic(const LoadedInput& input) {
  EXPECT_EQ(input.diagnostics.size(), 1u);
  if (input.diagnostics.empty()) return "";
  const Finding& f = input.diagnostics[0];
  EXPECT_EQ(f.rule_id, "HLT001");
  EXPECT_EQ(f.severity, Severity::kError);
  return f.file + ":" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) + ": " +
         f.message;
}

TEST(LoaderTest, HugeFileIsRefusedFromItsSizeWithoutReading) {
  TempDir dir;
  std::string path = dir.Write("huge.yaml", "");
  ASSERT_EQ(truncate(path.c_str(), 2ll << 30), 0);  // sparse: costs no disk
  auto start = std::chrono::steady_clock::now();
  LoadedInput input = LoadFile(path, {}, true);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(input.kind, LoadedInput::Kind::kError);
  EXPECT_EQ(input.source, nullptr);
  EXPECT_EQ(OnlyDiagnostic(input), path + ":1:1: file is 2.0 GiB, larger than the 256 MiB limit");
  EXPECT_LT(elapsed, std::chrono::milliseconds(500));
}

TEST(LoaderTest, SizeMessagesUseBinaryUnits) {
  TempDir dir;
  StdinFrom in(dir.Write("in.yaml", "0123456789abcdef"));
  ParseLimits limits;
  limits.max_bytes = 10;
  std::string error;
  // Standard input redirected from a regular file is checked by its size too.
  EXPECT_EQ(ReadSourceFile("-", limits, error), nullptr);
  EXPECT_EQ(error, "file is 16 bytes, larger than the 10 bytes limit");
  limits.max_bytes = 1536;
  EXPECT_EQ(ReadSourceFile(dir.Write("big", std::string(2048, 'x')), limits, error), nullptr);
  EXPECT_EQ(error, "file is 2.0 KiB, larger than the 1.5 KiB limit");
}

TEST(LoaderTest, PipeLargerThanLimitFailsWhileReading) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "0123456789abcdef", 16), 16);
  close(fds[1]);
  int saved = dup(STDIN_FILENO);
  dup2(fds[0], STDIN_FILENO);
  close(fds[0]);
  ParseLimits limits;
  limits.max_bytes = 10;
  std::string error;
  SourceFilePtr source = ReadSourceFile("-", limits, error);
  dup2(saved, STDIN_FILENO);
  close(saved);
  EXPECT_EQ(source, nullptr);
  EXPECT_EQ(error, "input is larger than the 10 bytes limit");
}

TEST(LoaderTest, ReadErrorsNameTheReason) {
  TempDir dir;
  EXPECT_EQ(OnlyDiagnostic(LoadFile(dir.path() + "/missing.yaml", {}, true)),
            dir.path() + "/missing.yaml:1:1: cannot read file: No such file or directory");
  EXPECT_EQ(OnlyDiagnostic(LoadFile(dir.path(), {}, true)),
            dir.path() + ":1:1: cannot read file: Is a directory");
}

TEST(LoaderTest, FileThatFailsToReadEvenForRoot) {
  // Opening succeeds, reading offset 0 (unmapped) fails with EIO: an unreadable file that
  // file modes cannot make readable.
  EXPECT_EQ(OnlyDiagnostic(LoadFile("/proc/self/mem", {}, true)),
            "/proc/self/mem:1:1: cannot read file: Input/output error");
}

TEST(LoaderTest, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  std::string path = dir.Write("secret.yaml", "a: 1\n");
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  EXPECT_EQ(OnlyDiagnostic(LoadFile(path, {}, true)),
            path + ":1:1: cannot read file: Permission denied");
}

TEST(LoaderTest, StdinIsReadOnceAndShownAsStdin) {
  TempDir dir;
  StdinFrom in(dir.Write("t.yaml", "x: \xC3\xA9\n"));
  std::string error;
  SourceFilePtr source = ReadSourceFile("-", {}, error);
  ASSERT_NE(source, nullptr) << error;
  EXPECT_EQ(source->path, "<stdin>");
  EXPECT_EQ(source->text, "x: \xC3\xA9\n");
}

TEST(LoaderTest, InputDiagnosticWithoutPositionPointsAtTheStart) {
  Finding f = InputDiagnostic("a.yaml", {}, "boom");
  EXPECT_EQ(f.rule_id, "HLT001");
  EXPECT_EQ(f.pos, (SourcePos{1, 1}));
  EXPECT_EQ(InputDiagnostic("a.yaml", {3, 4}, "boom").pos, (SourcePos{3, 4}));
}

}  // namespace
}  // namespace halint
