#include "analyzer/report/line_reporters.h"

#include <ostream>

namespace halint {
namespace {

// Line breaks would split one finding over several lines of an IDE's view.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string_view GithubCommand(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "notice";
  }
  return "notice";
}

std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string GithubEscapeData(std::string_view s) { return Escape(s, false); }
std::string GithubEscapeProperty(std::string_view s) { return Escape(s, true); }

void IdeReporter::Write(const Report& report, std::ostream& out) const {
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      if (f.suppression && !show_suppressed_) continue;
      // A finding always has a position in practice; 1:1 keeps the shape if one does not.
      const SourcePos pos = f.pos.known() ? f.pos : SourcePos{1, 1};
      out << f.file << ':' << pos.line << ':' << (pos.column > 0 ? pos.column : 1) << ": "
          << SeverityName(f.severity) << ": " << OneLine(f.message) << " [" << f.rule_id << "]\n";
    }
  }
}

void GithubReporter::Write(const Report& report, std::ostream& out) const {
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      if (f.suppression && !show_suppressed_) continue;
      out << "::" << GithubCommand(f.severity) << " file=" << GithubEscapeProperty(f.file);
      if (f.pos.known()) {
        out << ",line=" << f.pos.line;
        if (f.pos.column > 0) out << ",col=" << f.pos.column;
      }
      out << ",title=" << GithubEscapeProperty(f.rule_id) << "::" << GithubEscapeData(f.message)
          << '\n';
    }
  }
}

}  // namespace halint
