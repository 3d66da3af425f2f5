// A small streaming JSON writer for halint's outputs (graph, JSON and SARIF reports).
//
// Output is deterministic: keys are written in the order the caller writes them, numbers
// without locale, strings escaped per RFC 8259 (non-ASCII passed through as UTF-8).
// Misuse (a value where a key is expected) is a programming error caught by assert.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace halint {

class JsonWriter {
 public:
  // indent == 0 writes compact JSON; otherwise pretty-printed with `indent` spaces.
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t n);
  JsonWriter& Double(double d);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  // Inserts already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  // Shorthands for "key": value.
  JsonWriter& Field(std::string_view key, std::string_view s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, const char* s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, int64_t n) { return Key(key).Int(n); }
  JsonWriter& Field(std::string_view key, int n) { return Key(key).Int(n); }
  JsonWriter& Field(std::string_view key, uint32_t n) { return Key(key).Int(n); }
  JsonWriter& Field(std::string_view key, bool b) { return Key(key).Bool(b); }

  // The text written so far; complete once every object and array is closed.
  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

  static void AppendEscaped(std::string_view s, std::string& out);

 private:
  void BeforeValue();
  void Newline();

  struct Level {
    bool is_object;
    bool empty = true;
  };
  int indent_;
  std::string out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace halint
