#include "parsers/terraform/tf_expr.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace halint {
namespace {

TfExprPtr Make(TfExpr::Kind kind) {
  auto e = std::make_unique<TfExpr>();
  e->kind = kind;
  return e;
}

TfExprPtr Unsupported(std::string why) {
  TfExprPtr e = Make(TfExpr::Kind::kUnsupported);
  e->text = std::move(why);
  return e;
}

TfExprPtr StringLiteral(std::string s) {
  TfExprPtr e = Make(TfExpr::Kind::kString);
  e->text = std::move(s);
  return e;
}

// A recursive-descent parser over the expression text. Nesting is bounded so that a
// hostile string cannot exhaust the stack.
class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  // Parses one expression; `pos()` is then just after it.
  TfExprPtr Expression() {
    if (++depth_ > kMaxDepth) return Fail("expression nested too deeply");
    TfExprPtr e = Conditional();
    --depth_;
    return e;
  }

  size_t pos() const { return i_; }
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  void SkipSpace() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '#' || (c == '/' && Peek(1) == '/')) {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (c == '/' && Peek(1) == '*') {
        size_t end = s_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        break;
      }
    }
  }
  bool AtEnd() {
    SkipSpace();
    return i_ >= s_.size();
  }

 private:
  static constexpr int kMaxDepth = 64;

  char Peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  bool Eat(std::string_view token) {
    SkipSpace();
    if (s_.substr(i_, token.size()) != token) return false;
    i_ += token.size();
    return true;
  }
  TfExprPtr Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    i_ = s_.size();
    return Unsupported(error_);
  }
  static bool IdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
  static bool IdentChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }
  std::string Identifier() {
    size_t start = i_;
    while (i_ < s_.size() && IdentChar(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  TfExprPtr Conditional() {
    TfExprPtr cond = Binary(0);
    if (!Eat("?")) return cond;
    TfExprPtr then = Expression();
    if (!Eat(":")) return Fail("expected ':' in a conditional expression");
    TfExprPtr otherwise = Expression();
    TfExprPtr e = Make(TfExpr::Kind::kConditional);
    e->operands.push_back(std::move(cond));
    e->operands.push_back(std::move(then));
    e->operands.push_back(std::move(otherwise));
    return e;
  }

  // Binary operators by precedence level, loosest first.
  TfExprPtr Binary(int level) {
    static constexpr std::string_view kLevels[][4] = {
        {"||"}, {"&&"}, {"==", "!="}, {">=", "<=", ">", "<"}, {"+", "-"}, {"*", "/", "%"},
    };
    if (level == static_cast<int>(std::size(kLevels))) return Unary();
    TfExprPtr left = Binary(level + 1);
    for (;;) {
      SkipSpace();
      std::string_view op;
      for (std::string_view candidate : kLevels[level]) {
        if (!candidate.empty() && s_.substr(i_, candidate.size()) == candidate) {
          op = candidate;
          break;
        }
      }
      if (op.empty()) return left;
      i_ += op.size();
      TfExprPtr e = Make(TfExpr::Kind::kBinary);
      e->text = std::string(op);
      e->operands.push_back(std::move(left));
      e->operands.push_back(Binary(level + 1));
      left = std::move(e);
    }
  }

  TfExprPtr Unary() {
    SkipSpace();
    if (Peek() == '!' || (Peek() == '-' && !std::isdigit(static_cast<unsigned char>(Peek(1))))) {
      TfExprPtr e = Make(TfExpr::Kind::kUnary);
      e->text = std::string(1, s_[i_++]);
      if (++depth_ > kMaxDepth) return Fail("expression nested too deeply");
      e->operands.push_back(Unary());
      --depth_;
      return e;
    }
    return Postfix(Primary());
  }

  TfExprPtr Postfix(TfExprPtr base) {
    std::vector<TfStep> steps;
    for (;;) {
      SkipSpace();
      if (Peek() == '.' && Peek(1) == '*') {
        i_ += 2;
        steps.push_back({TfStep::Kind::kSplat, {}, nullptr});
      } else if (Peek() == '.' && std::isdigit(static_cast<unsigned char>(Peek(1)))) {
        ++i_;  // legacy index: list.0
        size_t start = i_;
        while (std::isdigit(static_cast<unsigned char>(Peek()))) ++i_;
        TfExprPtr index = Make(TfExpr::Kind::kNumber);
        std::from_chars(s_.data() + start, s_.data() + i_, index->number);
        steps.push_back({TfStep::Kind::kIndex, {}, std::move(index)});
      } else if (Peek() == '.' && IdentStart(Peek(1))) {
        ++i_;
        steps.push_back({TfStep::Kind::kAttr, Identifier(), nullptr});
      } else if (Peek() == '[') {
        ++i_;
        if (Eat("*")) {
          if (!Eat("]")) return Fail("expected ']' after '[*'");
          steps.push_back({TfStep::Kind::kSplat, {}, nullptr});
        } else {
          TfStep step{TfStep::Kind::kIndex, {}, Expression()};
          if (!Eat("]")) return Fail("expected ']'");
          steps.push_back(std::move(step));
        }
      } else {
        break;
      }
    }
    if (steps.empty()) return base;
    if (base->kind == TfExpr::Kind::kTraversal && base->steps.empty()) {
      base->steps = std::move(steps);
      return base;
    }
    TfExprPtr e = Make(TfExpr::Kind::kTraversal);
    e->operands.push_back(std::move(base));
    e->steps = std::move(steps);
    return e;
  }

  TfExprPtr Primary() {
    SkipSpace();
    if (i_ >= s_.size()) return Fail("unexpected end of expression");
    char c = s_[i_];
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '-' && std::isdigit(static_cast<unsigned char>(Peek(1))))) {
      return Number();
    }
    if (c == '"') return QuotedString();
    if (c == '(') {
      ++i_;
      TfExprPtr e = Expression();
      if (!Eat(")")) return Fail("expected ')'");
      return e;
    }
    if (c == '[') return Collection('[', ']');
    if (c == '{') return Collection('{', '}');
    if (!IdentStart(c)) return Fail(std::string("unexpected '") + c + "'");
    std::string name = Identifier();
    if (name == "true" || name == "false") {
      TfExprPtr e = Make(TfExpr::Kind::kBool);
      e->boolean = name == "true";
      return e;
    }
    if (name == "null") return Make(TfExpr::Kind::kNull);
    SkipSpace();
    if (Peek() == '(') return Call(std::move(name));
    // provider::name::function calls are not evaluated.
    if (Peek() == ':' && Peek(1) == ':')
      return Fail("provider-defined functions are not evaluated");
    TfExprPtr e = Make(TfExpr::Kind::kTraversal);
    e->text = std::move(name);
    return e;
  }

  TfExprPtr Number() {
    size_t start = i_;
    if (Peek() == '-') ++i_;
    while (i_ < s_.size() &&
           (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == 'e' ||
            s_[i_] == 'E' ||
            ((s_[i_] == '+' || s_[i_] == '-') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E')))) {
      ++i_;
    }
    std::string lexeme(s_.substr(start, i_ - start));
    char* end = nullptr;
    double v = std::strtod(lexeme.c_str(), &end);
    if (end != lexeme.c_str() + lexeme.size()) return Fail("malformed number '" + lexeme + "'");
    TfExprPtr e = Make(TfExpr::Kind::kNumber);
    e->number = v;
    e->text = std::move(lexeme);
    return e;
  }

  // A quoted template inside an expression: "a-${b}". Escapes as in HCL.
  TfExprPtr QuotedString() {
    ++i_;  // opening quote
    std::string raw;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        char n = s_[++i_];
        switch (n) {
          case 'n':
            raw += '\n';
            break;
          case 't':
            raw += '\t';
            break;
          case 'r':
            raw += '\r';
            break;
          case '"':
            raw += '"';
            break;
          case '\\':
            raw += '\\';
            break;
          default:
            raw += '\\';
            raw += n;
            break;
        }
        ++i_;
        continue;
      }
      if ((s_[i_] == '$' || s_[i_] == '%') && Peek(1) == '{') {
        // Copy the interpolation through its matching brace, quotes included.
        size_t end = MatchingBrace(i_ + 1);
        if (end == std::string_view::npos) return Fail("unterminated interpolation");
        raw.append(s_.substr(i_, end + 1 - i_));
        i_ = end + 1;
        continue;
      }
      raw += s_[i_++];
    }
    if (i_ >= s_.size()) return Fail("unterminated string");
    ++i_;
    if (++depth_ > kMaxDepth) return Fail("expression nested too deeply");
    TfExprPtr e = ParseTfTemplate(raw);
    --depth_;
    return e;
  }

  // The index of the '}' closing the '{' at `open`, skipping nested braces and strings.
  size_t MatchingBrace(size_t open) const {
    int depth = 0;
    bool in_string = false;
    for (size_t k = open; k < s_.size(); ++k) {
      char c = s_[k];
      if (in_string) {
        if (c == '\\') {
          ++k;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        return k;
      }
    }
    return std::string_view::npos;
  }

  TfExprPtr Collection(char open, char close) {
    size_t start = i_;
    ++i_;
    SkipSpace();
    if (s_.substr(i_, 4) == "for " || s_.substr(i_, 4) == "for\t") {
      // A `for` expression: skip to its closing bracket, not evaluated.
      int depth = 0;
      for (i_ = start; i_ < s_.size(); ++i_) {
        if (s_[i_] == open) ++depth;
        if (s_[i_] == close && --depth == 0) break;
      }
      if (i_ >= s_.size()) return Fail("unterminated for expression");
      ++i_;
      return Unsupported("for expressions are not evaluated");
    }
    TfExprPtr e = Make(open == '[' ? TfExpr::Kind::kTuple : TfExpr::Kind::kObject);
    while (!Eat(std::string_view(&close, 1))) {
      if (i_ >= s_.size() || failed()) return Fail(std::string("expected '") + close + "'");
      if (open == '{') {
        SkipSpace();
        TfExprPtr key;
        if (IdentStart(Peek())) {
          key = StringLiteral(Identifier());
        } else {
          key = Expression();
        }
        if (!Eat("=") && !Eat(":")) return Fail("expected '=' in an object");
        e->operands.push_back(std::move(key));
      }
      e->operands.push_back(Expression());
      Eat(",");
    }
    return e;
  }

  TfExprPtr Call(std::string name) {
    ++i_;  // '('
    TfExprPtr e = Make(TfExpr::Kind::kCall);
    e->text = std::move(name);
    while (!Eat(")")) {
      if (i_ >= s_.size() || failed()) return Fail("expected ')' after function arguments");
      e->operands.push_back(Expression());
      if (Eat("...")) e->expand_last = true;
      Eat(",");
    }
    return e;
  }

  std::string_view s_;
  size_t i_ = 0;
  int depth_ = 0;
  std::string error_;
};

}  // namespace

TfExprPtr ParseTfExpression(std::string_view text) {
  Parser p(text);
  TfExprPtr e = p.Expression();
  if (p.failed()) return Unsupported(p.error());
  if (!p.AtEnd()) return Unsupported("unexpected text after the expression");
  return e;
}

TfExprPtr ParseTfTemplate(std::string_view text) {
  TfExprPtr tmpl = Make(TfExpr::Kind::kTemplate);
  std::string literal;
  size_t i = 0;
  while (i < text.size()) {
    if ((text[i] == '$' || text[i] == '%') && i + 2 < text.size() && text[i + 1] == text[i] &&
        text[i + 2] == '{') {
      literal += text[i];  // "$${" and "%%{" are a literal "${" / "%{"
      literal += '{';
      i += 3;
      continue;
    }
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] == '{') {
      return Unsupported("template directives are not evaluated");
    }
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t start = i + 2;
      if (start < text.size() && text[start] == '~') ++start;
      Parser p(text.substr(start));
      TfExprPtr e = p.Expression();
      if (p.failed()) return Unsupported(p.error());
      p.SkipSpace();
      size_t end = start + p.pos();
      if (end < text.size() && text[end] == '~') ++end;
      if (end >= text.size() || text[end] != '}') {
        return Unsupported("expected '}' closing the interpolation");
      }
      if (!literal.empty()) tmpl->operands.push_back(StringLiteral(std::move(literal)));
      literal.clear();
      tmpl->operands.push_back(std::move(e));
      i = end + 1;
      continue;
    }
    literal += text[i++];
  }
  if (!literal.empty() || tmpl->operands.empty()) {
    tmpl->operands.push_back(StringLiteral(std::move(literal)));
  }
  if (tmpl->operands.size() == 1) return std::move(tmpl->operands.front());
  return tmpl;
}

}  // namespace halint
