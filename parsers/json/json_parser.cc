#include "parsers/json/json_parser.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsers/utf8.h"

namespace halint {
namespace {

using CharTraits = std::char_traits<char>;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Advances `pos` over one byte. Columns count code points, so UTF-8 continuation bytes do
// not move the column. Only LF ends a line, as in SourceFile::Line (a CR before it is the
// last column of its line).
void AdvancePos(SourcePos& pos, unsigned char byte) {
  if (byte == '\n') {
    ++pos.line;
    pos.column = 1;
  } else if ((byte & 0xC0) != 0x80) {
    ++pos.column;
  }
}

std::string Hex(unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", digits, value);
  return buf;
}

// 'x' for printable ASCII, U+XXXX for anything else (invisible, easily confused, or a quote
// that would read badly inside quotes).
std::string DescribeCodePoint(char32_t code_point) {
  if (code_point > 0x20 && code_point < 0x7F && code_point != '\'')
    return std::string{'\'', char(code_point), '\''};
  return "U+" + Hex(code_point, 4);
}

std::string InvalidUtf8Message(unsigned char byte) {
  return "invalid UTF-8 byte 0x" + Hex(byte, 2);
}

// The error for a character that cannot start a token, at the start of `s` (non-empty).
std::string UnexpectedCharacterMessage(std::string_view s) {
  const Utf8Char c = DecodeUtf8(s);
  if (c.length == 0) return InvalidUtf8Message(static_cast<unsigned char>(s[0]));
  return "unexpected character " + DescribeCodePoint(c.code_point);
}

// A byte offset in the parsed text with its source position.
struct Mark {
  size_t offset = 0;
  SourcePos pos{1, 1};
};

// Feeds the text to nlohmann's lexer byte by byte and keeps the bookkeeping the lexer does
// not expose: the line and column of every byte, and where each token starts. It mirrors
// the lexer's token boundaries (including the exact number grammar, because the lexer reads
// one byte past a number and that byte may start the next token), so that when a SAX
// callback fires, the token it reports is the most recent one started here, or for a
// number, the most recent one started before the number's end.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  // The input adapter's get_character(): each byte once, in order, then EOF.
  CharTraits::int_type Next() {
    if (offset_ == text_.size()) {
      if (state_ >= State::kMinus) EndNumber();
      return CharTraits::eof();
    }
    const auto byte = static_cast<unsigned char>(text_[offset_]);
    Classify(byte);
    AdvancePos(pos_, byte);
    ++offset_;
    return byte;
  }

  std::string_view text() const { return text_; }
  // Bytes handed to the lexer so far.
  size_t consumed() const { return offset_; }
  // Where the next byte (or the end of input) is.
  SourcePos end_pos() const { return pos_; }
  // The most recently started token: valid for every token except a number.
  const Mark& token() const { return current_; }
  // The most recent number token, which may be followed by the start of another token.
  const Mark& number() const { return current_.offset < number_end_ ? current_ : previous_; }
  std::string_view number_lexeme() const {
    const size_t start = number().offset;
    return text_.substr(start, number_end_ > start ? number_end_ - start : 0);
  }
  // Offset of the first NUL byte seen outside strings: nlohmann's lexer takes it for the end
  // of input, which would silently drop whatever follows.
  std::optional<size_t> nul_offset() const { return nul_offset_; }

  // The position of byte `offset`: walked from the nearest token start before it, so cheap
  // for the error culprits it is used for, which lie in or just after the last token.
  SourcePos PosAt(size_t offset) const {
    Mark from = current_.offset <= offset    ? current_
                : previous_.offset <= offset ? previous_
                                             : Mark{};
    for (size_t i = from.offset; i < offset && i < text_.size(); ++i) {
      AdvancePos(from.pos, static_cast<unsigned char>(text_[i]));
    }
    return from.pos;
  }

 private:
  // kMinus and everything after it are states of the number grammar (RFC 8259 section 6).
  enum class State : uint8_t {
    kBetween,
    kString,
    kStringEscape,
    kLiteral,
    kMinus,
    kZero,
    kInt,
    kDot,
    kFraction,
    kExponent,
    kExponentSign,
    kExponentDigits,
  };

  static bool IsDigit(unsigned char byte) { return byte >= '0' && byte <= '9'; }

  void Classify(unsigned char byte) {
    switch (state_) {
      case State::kBetween:
        break;
      case State::kString:
        if (byte == '\\') state_ = State::kStringEscape;
        if (byte == '"') state_ = State::kBetween;
        return;
      case State::kStringEscape:
        state_ = State::kString;
        return;
      case State::kLiteral:
        if (--literal_remaining_ == 0) state_ = State::kBetween;
        return;
      default:
        if (ContinueNumber(byte)) return;
        EndNumber();
        break;
    }
    StartToken(byte);
  }

  // Follows the lexer's number grammar; false when `byte` is not part of the number (the
  // lexer then either accepts the number and re-reads `byte` as the next token's first byte,
  // or reports an invalid number).
  bool ContinueNumber(unsigned char byte) {
    const bool digit = IsDigit(byte);
    const bool exponent = byte == 'e' || byte == 'E';
    State next = State::kBetween;
    switch (state_) {
      case State::kMinus:
        if (digit) next = byte == '0' ? State::kZero : State::kInt;
        break;
      case State::kZero:
        if (byte == '.') next = State::kDot;
        if (exponent) next = State::kExponent;
        break;
      case State::kInt:
      case State::kFraction:
        if (digit) next = state_;
        if (byte == '.' && state_ == State::kInt) next = State::kDot;
        if (exponent) next = State::kExponent;
        break;
      case State::kDot:
        if (digit) next = State::kFraction;
        break;
      case State::kExponent:
        if (digit) next = State::kExponentDigits;
        if (byte == '+' || byte == '-') next = State::kExponentSign;
        break;
      default:  // kExponentSign, kExponentDigits
        if (digit) next = State::kExponentDigits;
        break;
    }
    if (next == State::kBetween) return false;
    state_ = next;
    return true;
  }

  void EndNumber() {
    number_end_ = offset_;
    state_ = State::kBetween;
  }

  void StartToken(unsigned char byte) {
    switch (byte) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        return;
      case '"':
        state_ = State::kString;
        break;
      case '-':
        state_ = State::kMinus;
        break;
      case '0':
        state_ = State::kZero;
        break;
      case 't':
      case 'n':
        literal_remaining_ = 3;
        state_ = State::kLiteral;
        break;
      case 'f':
        literal_remaining_ = 4;
        state_ = State::kLiteral;
        break;
      case '\0':
        if (!nul_offset_) nul_offset_ = offset_;
        break;
      default:
        if (IsDigit(byte)) state_ = State::kInt;
        break;
    }
    previous_ = current_;
    current_ = {offset_, pos_};
  }

  std::string_view text_;
  size_t offset_ = 0;
  SourcePos pos_{1, 1};
  State state_ = State::kBetween;
  uint8_t literal_remaining_ = 0;
  Mark current_;
  Mark previous_;
  size_t number_end_ = 0;
  std::optional<size_t> nul_offset_;
};

// nlohmann's lexer is a template over its input adapter: this one reads from a Scanner.
class ScannerAdapter {
 public:
  using char_type = char;
  explicit ScannerAdapter(Scanner* scanner) : scanner_(scanner) {}
  CharTraits::int_type get_character() { return scanner_->Next(); }

 private:
  Scanner* scanner_;
};

struct Error {
  SourcePos pos;
  std::string message;
};

// Returns the text after the first `open` in `s` up to the next `close` (or the end of `s`),
// or nullopt when `open` is missing.
std::optional<std::string_view> Between(std::string_view s, std::string_view open,
                                        std::string_view close) {
  const size_t begin = s.find(open);
  if (begin == std::string_view::npos) return std::nullopt;
  s.remove_prefix(begin + open.size());
  return s.substr(0, s.find(close));
}

// The start of the escape sequence the lexer was reading when it failed: the nearest
// backslash before the byte it failed on (escape bodies contain no backslash).
size_t LastEscapeStart(const Scanner& scanner) {
  const std::string_view text = scanner.text();
  size_t i = scanner.consumed() >= 2 ? scanner.consumed() - 2 : 0;
  while (i > scanner.token().offset && text[i] != '\\') --i;
  return i;
}

// Rewrites a lexer error (a malformed token) for the token the scanner saw last.
Error LexerError(const Scanner& scanner, std::string_view lexer_message) {
  const std::string_view text = scanner.text();
  const Mark& token = scanner.token();
  auto at = [&](size_t offset, std::string message) {
    return Error{scanner.PosAt(offset), std::move(message)};
  };
  if (lexer_message.starts_with("invalid string: missing closing quote")) {
    return {token.pos, "unterminated string"};
  }
  if (lexer_message.starts_with("invalid string: control character")) {
    const size_t culprit = scanner.consumed() - 1;
    return at(culprit, "unescaped control character " +
                           DescribeCodePoint(static_cast<unsigned char>(text[culprit])) +
                           " in string");
  }
  if (lexer_message.starts_with("invalid string: ill-formed UTF-8 byte")) {
    // The lexer stops inside the bad sequence; report the sequence's first byte.
    size_t culprit = token.offset + 1;
    while (culprit + 1 < scanner.consumed()) {
      const size_t length = DecodeUtf8(text.substr(culprit)).length;
      if (length == 0) break;
      culprit += length;
    }
    return at(culprit, InvalidUtf8Message(static_cast<unsigned char>(text[culprit])));
  }
  if (lexer_message.starts_with("invalid string: forbidden character after backslash")) {
    const Utf8Char c = DecodeUtf8(text.substr(scanner.consumed() - 1));
    return at(LastEscapeStart(scanner),
              c.length == 0
                  ? InvalidUtf8Message(static_cast<unsigned char>(text[scanner.consumed() - 1]))
                  : "invalid escape character " + DescribeCodePoint(c.code_point));
  }
  if (lexer_message.starts_with("invalid string: '\\u' must be followed by 4 hex digits")) {
    return at(LastEscapeStart(scanner), "invalid \\u escape; expected 4 hex digits");
  }
  if (lexer_message.starts_with("invalid string: surrogate U+D800..U+DBFF")) {
    return at(LastEscapeStart(scanner), "high surrogate \\u escape without a low surrogate");
  }
  if (lexer_message.starts_with("invalid string: surrogate U+DC00..U+DFFF")) {
    return at(LastEscapeStart(scanner), "low surrogate \\u escape without a high surrogate");
  }
  if (lexer_message.starts_with("invalid number; ")) {
    lexer_message.remove_prefix(std::string_view("invalid number; ").size());
    return {scanner.number().pos, "invalid number '" + std::string(scanner.number_lexeme()) +
                                      "'; " + std::string(lexer_message)};
  }
  if (lexer_message.starts_with("invalid literal")) {
    const auto first = static_cast<unsigned char>(text[token.offset]);
    switch (first) {
      case 't':
        return {token.pos, "invalid literal; expected 'true'"};
      case 'f':
        return {token.pos, "invalid literal; expected 'false'"};
      case 'n':
        return {token.pos, "invalid literal; expected 'null'"};
      case '/':
        return {token.pos, "comments are not allowed in JSON"};
      default:
        return {token.pos, UnexpectedCharacterMessage(text.substr(token.offset))};
    }
  }
  return {token.pos, std::string(lexer_message)};
}

// Rewrites a parser error: a well-formed token where the grammar wants another. nlohmann
// words these "syntax error while parsing <context> - unexpected <token>; expected <token>".
Error SyntaxError(const Scanner& scanner, std::string_view what) {
  struct Expectation {
    std::string_view context;
    std::string_view expected;
    std::string_view phrase;
  };
  static constexpr Expectation kExpectations[] = {
      {"value", "'[', '{', or a literal", "; expected a value"},
      {"value", "end of input", " after the top-level value"},
      {"object key", "string literal", "; expected a string key"},
      {"object separator", "':'", "; expected ':' after object key"},
      {"object", "'}'", "; expected ',' or '}' after object member"},
      {"array", "']'", "; expected ',' or ']' after array element"},
  };
  static constexpr std::pair<std::string_view, std::string_view> kTokenNames[] = {
      {"number literal", "number"}, {"string literal", "string"}, {"true literal", "'true'"},
      {"false literal", "'false'"}, {"null literal", "'null'"},
  };
  const std::string_view context = Between(what, "while parsing ", " - ").value_or("");
  const std::string_view token = Between(what, " - unexpected ", "; expected ").value_or("");
  const std::string_view expected = Between(what, "; expected ", "\n").value_or("");

  std::string message = "unexpected ";
  std::string_view name = token;
  for (const auto& [nlohmann_name, our_name] : kTokenNames) {
    if (token == nlohmann_name) name = our_name;
  }
  message += name;
  for (const Expectation& e : kExpectations) {
    if (e.context == context && e.expected == expected) message += e.phrase;
  }
  SourcePos pos = scanner.token().pos;
  if (token == "end of input") pos = scanner.end_pos();
  if (token == "number literal") pos = scanner.number().pos;
  return {pos, std::move(message)};
}

// Builds the located tree from nlohmann's SAX events, and enforces duplicate keys and the
// depth and node-count limits.
class TreeBuilder {
 public:
  using Json = nlohmann::json;

  TreeBuilder(const Scanner& scanner, const ParseLimits& limits)
      : scanner_(scanner), limits_(limits) {}

  bool null() { return AddScalar(Node::Null(scanner_.token().pos)); }
  bool boolean(bool value) { return AddScalar(Node::Bool(value, scanner_.token().pos)); }
  bool number_integer(Json::number_integer_t value) { return AddNumber(value); }
  bool number_unsigned(Json::number_unsigned_t value) {
    if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return AddFloat(static_cast<double>(value));
    }
    return AddNumber(static_cast<int64_t>(value));
  }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return AddFloat(value); }
  bool string(Json::string_t& value) {
    return AddScalar(Node::String(std::move(value), scanner_.token().pos));
  }
  bool binary(Json::binary_t&) { return false; }  // JSON text has no binary values

  bool start_object(std::size_t) { return Open(Node::Map(scanner_.token().pos)); }
  bool start_array(std::size_t) { return Open(Node::Sequence(scanner_.token().pos)); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

  bool key(Json::string_t& text) {
    Frame& frame = stack_.back();
    const SourcePos pos = scanner_.token().pos;
    const int64_t first = FindOrIndexKey(frame, text);
    if (first >= 0) {
      const SourcePos first_pos = frame.node.key(static_cast<size_t>(first)).pos;
      return Fail(pos, "duplicate key '" + text + "' (first defined at line " +
                           std::to_string(first_pos.line) + ", column " +
                           std::to_string(first_pos.column) + ")");
    }
    frame.pending_key = {std::move(text), pos};
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
    // 406: a number too large for a double (e.g. 1e999).
    if (ex.id == 406) {
      return Fail(scanner_.number().pos,
                  "number '" + std::string(scanner_.number_lexeme()) + "' is out of range");
    }
    // A lexer error (malformed token) carries the token text read so far; a syntax error
    // (well-formed but unexpected token) does not.
    const std::string_view what = ex.what();
    constexpr std::string_view kLastRead = "; last read: '";
    error_ = what.find(kLastRead) == std::string_view::npos
                 ? SyntaxError(scanner_, what)
                 : LexerError(scanner_, Between(what, " - ", kLastRead).value_or(""));
    return false;
  }

  Node TakeRoot() { return std::move(root_); }
  const std::optional<Error>& error() const { return error_; }

 private:
  struct Frame {
    Node node;
    Node::Key pending_key;
    // Built only for large maps, where a linear duplicate scan per key would be quadratic.
    std::unordered_map<std::string, size_t> key_index;
  };
  static constexpr size_t kLinearKeyScanLimit = 16;

  static int64_t FindOrIndexKey(Frame& frame, const std::string& text) {
    const size_t size = frame.node.size();
    if (size < kLinearKeyScanLimit) return frame.node.IndexOf(text);
    if (frame.key_index.empty()) {
      for (size_t i = 0; i < size; ++i) frame.key_index.emplace(frame.node.key(i).text, i);
    }
    const auto [it, inserted] = frame.key_index.try_emplace(text, size);
    return inserted ? -1 : static_cast<int64_t>(it->second);
  }

  bool Fail(SourcePos pos, std::string message) {
    error_ = Error{pos, std::move(message)};
    return false;
  }

  bool Count(SourcePos pos) {
    if (++node_count_ <= limits_.max_nodes) return true;
    return Fail(pos, "more than " + std::to_string(limits_.max_nodes) + " nodes");
  }

  bool AddNumber(int64_t value) {
    return AddScalar(
        Node::Int(value, std::string(scanner_.number_lexeme()), scanner_.number().pos));
  }
  bool AddFloat(double value) {
    return AddScalar(
        Node::Float(value, std::string(scanner_.number_lexeme()), scanner_.number().pos));
  }

  bool AddScalar(Node node) {
    if (!Count(node.pos())) return false;
    Attach(std::move(node));
    return true;
  }

  void Attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.is_map()) {
      parent.node.Insert(std::move(parent.pending_key), std::move(node));
    } else {
      parent.node.Append(std::move(node));
    }
  }

  bool Open(Node node) {
    if (stack_.size() >= limits_.max_depth) {
      return Fail(node.pos(),
                  "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    if (!Count(node.pos())) return false;
    stack_.push_back(Frame{std::move(node), {}, {}});
    return true;
  }

  bool Close() {
    Node node = std::move(stack_.back().node);
    stack_.pop_back();
    Attach(std::move(node));
    return true;
  }

  const Scanner& scanner_;
  const ParseLimits& limits_;
  std::vector<Frame> stack_;
  Node root_;
  uint64_t node_count_ = 0;
  std::optional<Error> error_;
};

ParseResult Failure(SourcePos pos, std::string message) {
  ParseResult result;
  result.failed = true;
  result.error_pos = pos;
  result.error = std::move(message);
  return result;
}

bool IsJsonWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

ParseResult ParseJson(std::string_view text, const ParseLimits& limits) {
  // The BOM is dropped here rather than by the lexer so that it takes no column, and so that
  // the lexer's own BOM skipping never swallows a second one (caught below).
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (std::all_of(text.begin(), text.end(), IsJsonWhitespace)) {
    return Failure({1, 1}, "empty file");
  }
  Scanner scanner(text);
  if (static_cast<unsigned char>(text[0]) == 0xEF) {
    return Failure({1, 1}, UnexpectedCharacterMessage(text));
  }
  TreeBuilder builder(scanner, limits);
  try {
    // detail::parser is the only way to give the lexer a custom input adapter.
    nlohmann::detail::parser<nlohmann::json, ScannerAdapter> parser(
        ScannerAdapter(&scanner), nullptr, /*allow_exceptions_=*/false, /*skip_comments=*/false);
    parser.sax_parse(&builder, /*strict=*/true);
  } catch (const std::exception& e) {
    // Only allocation failures can get here: the SAX path reports errors by return value.
    return Failure(scanner.end_pos(), std::string("parser failure: ") + e.what());
  }
  if (const std::optional<size_t> nul = scanner.nul_offset()) {
    return Failure(scanner.PosAt(*nul), "unexpected character U+0000");
  }
  if (const std::optional<Error>& error = builder.error()) {
    return Failure(error->pos, error->message);
  }
  ParseResult result;
  result.root = builder.TakeRoot();
  return result;
}

}  // namespace halint
