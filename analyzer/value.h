// Resolved values: what a property of a resource is, after intrinsics, parameters,
// conditions and references have been evaluated as far as the template allows.
//
// Every value knows how sure we are of it (`Kind::kAbsent`, `Kind::kUnresolved`, or a
// known kind, whose `origin()` says literal or defaulted) and where it is written. Rules
// report only on known values: an unresolved value never produces a finding by itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/document.h"

namespace halint {

class JsonWriter;
struct ValueEntry;

class Value {
 public:
  enum class Kind : uint8_t {
    kAbsent,      // not written: the AWS default applies
    kUnresolved,  // written, but not knowable before deploy; reason() says why
    kNull,
    kBool,
    kNumber,
    kString,
    kList,
    kMap,
    kRef,     // the identity of another resource: ref_target() (+ ref_attribute())
    kAz,      // symbolic Availability Zone: index az_index() of region az_region()
    kAzList,  // all Availability Zones of region az_region() (Fn::GetAZs, TF data source)
  };
  // Where a known value came from: written in the template, or a parameter / variable
  // default that a deployment may override.
  enum class Origin : uint8_t { kLiteral, kDefaulted };

  using Entry = ValueEntry;  // a map entry: key, key position, value

  Value() = default;  // absent
  static Value Absent() { return Value(); }
  static Value Unresolved(std::string reason, SourcePos pos);
  static Value Null(SourcePos pos);
  static Value Bool(bool b, SourcePos pos);
  // `lexeme` is how the number is shown; empty means "format `n`".
  static Value Number(double n, SourcePos pos, std::string lexeme = {});
  static Value String(std::string s, SourcePos pos);
  static Value List(SourcePos pos);
  static Value Map(SourcePos pos);
  static Value Ref(std::string target, std::string attribute, SourcePos pos);
  static Value Az(std::string region, int64_t index, SourcePos pos);
  static Value AzList(std::string region, SourcePos pos);
  // A parsed document node as a literal value (no intrinsics or expressions evaluated).
  static Value FromNode(const Node& node);

  Kind kind() const { return kind_; }
  SourcePos pos() const { return pos_; }
  Origin origin() const { return origin_; }
  void set_origin(Origin origin) { origin_ = origin; }
  void set_pos(SourcePos pos) { pos_ = pos; }

  bool is_absent() const { return kind_ == Kind::kAbsent; }
  bool is_unresolved() const { return kind_ == Kind::kUnresolved; }
  // Written and resolved (any kind but absent and unresolved).
  bool is_known() const { return kind_ != Kind::kAbsent && kind_ != Kind::kUnresolved; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_map() const { return kind_ == Kind::kMap; }
  bool is_ref() const { return kind_ == Kind::kRef; }
  bool is_string() const { return kind_ == Kind::kString; }

  // Raw accessors; each is meaningful only for its kind.
  bool bool_value() const { return number_ != 0; }
  double number_value() const { return number_; }
  const std::string& string_value() const { return text_; }           // kString
  const std::string& reason() const { return text_; }                 // kUnresolved
  const std::string& ref_target() const { return text_; }             // kRef
  const std::string& ref_attribute() const { return attr_; }          // kRef ("" for Ref)
  const std::string& az_region() const { return attr_; }              // kAz, kAzList
  int64_t az_index() const { return static_cast<int64_t>(number_); }  // kAz

  // Coercions the way CloudFormation applies them: "true"/"false" strings are booleans,
  // numeric strings are numbers, numbers and booleans print as strings.
  std::optional<bool> AsBool() const;
  std::optional<double> AsNumber() const;
  std::optional<int64_t> AsInt() const;  // only integral numbers
  std::optional<std::string> AsString() const;

  // Lists.
  const std::vector<Value>& items() const { return items_; }
  std::vector<Value>& items() { return items_; }
  void Append(Value v) { items_.push_back(std::move(v)); }

  // Maps, in document order.
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  void Set(std::string key, SourcePos key_pos, Value v);
  // The value at `key`; a shared absent value when this is not a map or has no such key.
  const Value& operator[](std::string_view key) const;
  // The entry for `key` (to get at its key position), or nullptr.
  const Entry* FindEntry(std::string_view key) const;
  // Follows a dotted path of map keys ("HealthCheck.Protocol"); absent if any step is.
  const Value& AtPath(std::string_view dotted) const;

  // Canonical JSON, for `halint graph --format json` and tests: known values as JSON,
  // refs as {"ref": "X"} / {"ref": "X", "attribute": "A"}, AZs as {"az": i, "region": r},
  // AZ lists as {"azs": r}, unresolved as {"unresolved": "<reason>"}, absent as null.
  void WriteJson(JsonWriter& out) const;
  std::string ToJson() const;

 private:
  Kind kind_ = Kind::kAbsent;
  Origin origin_ = Origin::kLiteral;
  SourcePos pos_;
  double number_ = 0;  // number, bool (0/1), AZ index
  std::string text_;   // string, reason, ref target, or number lexeme
  std::string attr_;   // ref attribute, AZ region
  std::vector<Value> items_;
  std::vector<Entry> entries_;
};

struct ValueEntry {
  std::string key;
  SourcePos key_pos;
  Value value;
};

}  // namespace halint
