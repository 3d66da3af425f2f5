#include "analyzer/report/json_reporter.h"

#include "analyzer/json_writer.h"

namespace halint {
namespace {

// File-level findings have no resource: null says so more plainly than "".
void WriteResource(JsonWriter& json, const std::string& resource) {
  json.Key("resource");
  if (resource.empty()) {
    json.Null();
  } else {
    json.String(resource);
  }
}

}  // namespace

void JsonReporter::Write(const Report& report, std::ostream& out) const {
  JsonWriter json(2);
  json.BeginObject();
  json.Field("version", 1);
  json.Field("files", static_cast<int64_t>(report.files.size()));
  json.Key("findings").BeginArray();
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      if (f.suppression && !options_.show_suppressed) continue;
      json.BeginObject()
          .Field("rule", f.rule_id)
          .Field("level", SeverityName(f.severity))
          .Field("file", f.file)
          .Field("line", f.pos.line)
          .Field("column", f.pos.column);
      WriteResource(json, f.resource);
      json.Field("message", f.message);
      json.Key("related").BeginArray();
      for (const RelatedLocation& r : f.related) {
        json.BeginObject()
            .Field("file", r.file)
            .Field("line", r.pos.line)
            .Field("column", r.pos.column);
        WriteResource(json, r.resource);
        json.Field("message", r.message).EndObject();
      }
      json.EndArray();
      if (f.suppression) {
        json.Key("suppression")
            .BeginObject()
            .Field("kind",
                   f.suppression->kind == Suppression::Kind::kInSource ? "inSource" : "external")
            .Field("justification", f.suppression->justification)
            .EndObject();
      }
      json.EndObject();
    }
  }
  json.EndArray().EndObject();
  out << json.str() << '\n';
}

}  // namespace halint
