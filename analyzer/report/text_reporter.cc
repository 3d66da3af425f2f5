#include "analyzer/report/text_reporter.h"

#include <array>
#include <string>
#include <string_view>

namespace halint {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kNote:
      return "\x1b[1;36m";
  }
  return "";
}

// Everything before `column` (1-based, in code points) blanked out: a tab stays a tab so the
// caret lands under the same terminal column as the character it points at.
std::string CaretPadding(std::string_view line, uint32_t column) {
  std::string pad;
  uint32_t seen = 0;
  for (char c : line) {
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation
    if (seen + 1 >= column) break;
    pad += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  for (; seen + 1 < column; ++seen) pad += ' ';
  return pad;
}

// Byte offset of the code point with 0-based index `index` in `line` (line.size() if past).
size_t OffsetOfCodePoint(std::string_view line, uint32_t index) {
  uint32_t seen = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (seen++ == index) return i;
  }
  return line.size();
}

// The part of a long source line around `column` (minified JSON can put a whole template on
// one line), marked with "..." where cut, and the caret column within it.
struct Excerpt {
  std::string text;
  uint32_t column;
};
Excerpt MakeExcerpt(std::string_view line, uint32_t column) {
  constexpr uint32_t kWidth = 120;
  constexpr uint32_t kBefore = 60;
  uint32_t first = column > kBefore + 1 ? column - 1 - kBefore : 0;
  size_t begin = OffsetOfCodePoint(line, first);
  size_t end = OffsetOfCodePoint(line, first + kWidth);
  if (first == 0 && end == line.size()) return {std::string(line), column};
  Excerpt e{first > 0 ? "..." : "", column - first + (first > 0 ? 3 : 0)};
  e.text += line.substr(begin, end - begin);
  if (end < line.size()) e.text += "...";
  return e;
}

std::string Plural(size_t n, std::string_view noun) {
  std::string s = std::to_string(n) + ' ' + std::string(noun);
  if (n != 1) s += 's';
  return s;
}

class Writer {
 public:
  Writer(std::ostream& out, bool color) : out_(out), color_(color) {}

  void Location(std::string_view file, SourcePos pos) {
    if (color_) out_ << kBold;
    out_ << file << ':' << pos.line << ':' << pos.column << ':';
    if (color_) out_ << kReset;
  }

  void Level(Severity s) {
    if (color_) out_ << SeverityColor(s);
    out_ << SeverityName(s) << ':';
    if (color_) out_ << kReset;
  }

 private:
  std::ostream& out_;
  bool color_;
};

}  // namespace

void TextReporter::Write(const Report& report, std::ostream& out) const {
  Writer w(out, options_.color);
  std::array<size_t, 3> counts = {};  // indexed by Severity
  size_t suppressed = 0;
  bool first = true;
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      if (f.suppression) {
        ++suppressed;
        if (!options_.show_suppressed) continue;
      } else {
        ++counts[static_cast<size_t>(f.severity)];
      }
      if (!first) out << '\n';
      first = false;
      w.Location(f.file, f.pos);
      out << ' ';
      w.Level(f.severity);
      out << ' ' << f.message << " [" << f.rule_id << "]";
      if (f.suppression) out << " (suppressed: " << f.suppression->justification << ")";
      out << '\n';
      if (file.source && f.file == file.source->path && f.pos.known()) {
        std::string_view line = file.source->Line(f.pos.line);
        if (f.pos.line == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
        Excerpt e = MakeExcerpt(line, f.pos.column);
        out << e.text << '\n' << CaretPadding(e.text, e.column) << "^\n";
      }
      for (const RelatedLocation& r : f.related) {
        out << "    ";
        w.Location(r.file, r.pos);
        out << ' ';
        w.Level(Severity::kNote);
        out << ' ' << r.message << '\n';
      }
    }
  }
  if (!options_.summary) return;
  if (!first) out << '\n';
  const size_t files = report.files.size();
  const std::string suffix =
      suppressed == 0 ? "" : " (" + std::to_string(suppressed) + " suppressed)";
  if (counts[0] + counts[1] + counts[2] == 0) {
    out << "no problems found in " << Plural(files, "file") << suffix << '\n';
    return;
  }
  out << Plural(counts[static_cast<size_t>(Severity::kError)], "error") << ", "
      << Plural(counts[static_cast<size_t>(Severity::kWarning)], "warning") << ", "
      << Plural(counts[static_cast<size_t>(Severity::kNote)], "note") << " in "
      << Plural(files, "file") << suffix << '\n';
}

}  // namespace halint
