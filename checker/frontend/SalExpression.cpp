#include "frontend/SalExpression.h"

#include "llvm/ADT/StringSwitch.h"

#include <cctype>
#include <cstring>

namespace vmbcheck {

std::vector<SalToken> tokenizeSal(llvm::StringRef S) {
  std::vector<SalToken> Out;
  size_t I = 0, N = S.size();
  auto IsIdent = [](char C) { return std::isalnum((unsigned char)C) || C == '_'; };
  while (I < N) {
    char C = S[I];
    if (std::isspace((unsigned char)C)) { ++I; continue; }
    if (C == '/' && I + 1 < N && S[I + 1] == '/') {
      while (I < N && S[I] != '\n') ++I;
      continue;
    }
    if (C == '/' && I + 1 < N && S[I + 1] == '*') {
      size_t E = S.find("*/", I + 2);
      I = E == llvm::StringRef::npos ? N : E + 2;
      continue;
    }
    SalToken T;
    if (std::isdigit((unsigned char)C)) {
      size_t B = I;
      while (I < N && IsIdent(S[I])) ++I;
      T.K = SalToken::Number;
      T.Text = S.slice(B, I).str();
      llvm::StringRef Digits = S.slice(B, I);
      // Strip integer suffixes (u, l, ll, ui64, ...), then parse in C's base.
      while (!Digits.empty() && std::strchr("uUlL", Digits.back())) Digits = Digits.drop_back();
      if (Digits.ends_with_insensitive("i64") || Digits.ends_with_insensitive("i32")) {
        Digits = Digits.drop_back(3);
        while (!Digits.empty() && std::strchr("uU", Digits.back())) Digits = Digits.drop_back();
      }
      unsigned long long V = 0;
      unsigned Radix = 10;
      if (Digits.starts_with_insensitive("0x")) { Radix = 16; Digits = Digits.drop_front(2); }
      else if (Digits.size() > 1 && Digits[0] == '0') { Radix = 8; Digits = Digits.drop_front(1); }
      if (Digits.getAsInteger(Radix, V)) { T.K = SalToken::Other; }
      T.Value = static_cast<int64_t>(V);
      Out.push_back(T);
      continue;
    }
    if (IsIdent(C)) {
      size_t B = I;
      while (I < N && IsIdent(S[I])) ++I;
      T.K = SalToken::Identifier;
      T.Text = S.slice(B, I).str();
      Out.push_back(T);
      continue;
    }
    if (C == '"' || C == '\'') {
      size_t B = I++;
      while (I < N && S[I] != C) { if (S[I] == '\\') ++I; ++I; }
      I = std::min(I + 1, N);
      T.K = SalToken::Other;
      T.Text = S.slice(B, I).str();
      Out.push_back(T);
      continue;
    }
    static const char *Two[] = {"==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "->", "##"};
    T.K = SalToken::Punct;
    T.Text = std::string(1, C);
    for (const char *P : Two)
      if (S.substr(I, 2) == P) { T.Text = P; break; }
    I += T.Text.size();
    Out.push_back(T);
  }
  return Out;
}

namespace {

// Recursive-descent evaluator over C's integer operators, in C precedence.
class Evaluator {
public:
  Evaluator(const std::vector<SalToken> &T, const SalResolver &R, unsigned Depth)
      : Toks(T), Res(R), Depth(Depth) {}

  std::optional<int64_t> run() {
    auto V = ternary();
    if (!V || Pos != Toks.size()) return std::nullopt;
    return V;
  }

private:
  const std::vector<SalToken> &Toks;
  const SalResolver &Res;
  unsigned Depth;
  size_t Pos = 0;
  // Inside the operand C does not evaluate (`a || b` with a true, ...):
  // unknown names there must not make the whole expression unknown.
  bool Skipping = false;

  // Evaluates an operand, in skip mode if Skip.
  template <typename Next> std::optional<int64_t> operand(Next N, bool Skip) {
    bool Saved = Skipping;
    Skipping = Skipping || Skip;
    std::optional<int64_t> V = (this->*N)();
    Skipping = Saved;
    return V;
  }

  bool peek(llvm::StringRef P) const {
    return Pos < Toks.size() && Toks[Pos].K == SalToken::Punct && Toks[Pos].Text == P;
  }
  bool eat(llvm::StringRef P) { if (!peek(P)) return false; ++Pos; return true; }

  using Opt = std::optional<int64_t>;

  Opt ternary() {
    Opt C = logicalOr();
    if (!C || !eat("?")) return C;
    Opt A = operand(&Evaluator::ternary, *C == 0);
    if (!A || !eat(":")) return std::nullopt;
    Opt B = operand(&Evaluator::ternary, *C != 0);
    if (!B) return std::nullopt;
    return *C ? A : B;
  }
  template <typename Next, typename Apply>
  Opt binary(Next N, std::initializer_list<const char *> Ops, Apply F) {
    Opt L = (this->*N)();
    while (L) {
      const char *Hit = nullptr;
      for (const char *O : Ops) if (peek(O)) { Hit = O; break; }
      if (!Hit) break;
      ++Pos;
      Opt R = (this->*N)();
      if (!R) return std::nullopt;
      L = F(llvm::StringRef(Hit), *L, *R);
    }
    return L;
  }
  Opt logicalOr() {
    Opt L = logicalAnd();
    while (L && eat("||")) {
      Opt R = operand(&Evaluator::logicalAnd, *L != 0);
      if (!R) return std::nullopt;
      L = (*L || *R) ? 1 : 0;
    }
    return L;
  }
  Opt logicalAnd() {
    Opt L = bitOr();
    while (L && eat("&&")) {
      Opt R = operand(&Evaluator::bitOr, *L == 0);
      if (!R) return std::nullopt;
      L = (*L && *R) ? 1 : 0;
    }
    return L;
  }
  Opt bitOr() { return binary(&Evaluator::bitXor, {"|"}, [](auto, int64_t a, int64_t b) -> Opt { return a | b; }); }
  Opt bitXor() { return binary(&Evaluator::bitAnd, {"^"}, [](auto, int64_t a, int64_t b) -> Opt { return a ^ b; }); }
  Opt bitAnd() { return binary(&Evaluator::equality, {"&"}, [](auto, int64_t a, int64_t b) -> Opt { return a & b; }); }
  Opt equality() {
    return binary(&Evaluator::relational, {"==", "!="}, [](llvm::StringRef O, int64_t a, int64_t b) -> Opt {
      return (O == "==") == (a == b) ? 1 : 0; });
  }
  Opt relational() {
    return binary(&Evaluator::shift, {"<=", ">=", "<", ">"}, [](llvm::StringRef O, int64_t a, int64_t b) -> Opt {
      bool R = O == "<" ? a < b : O == ">" ? a > b : O == "<=" ? a <= b : a >= b;
      return R ? 1 : 0; });
  }
  Opt shift() {
    return binary(&Evaluator::additive, {"<<", ">>"}, [](llvm::StringRef O, int64_t a, int64_t b) -> Opt {
      if (b < 0 || b > 63) return std::nullopt;
      return O == "<<" ? (int64_t)((uint64_t)a << b) : a >> b; });
  }
  Opt additive() {
    return binary(&Evaluator::multiplicative, {"+", "-"}, [](llvm::StringRef O, int64_t a, int64_t b) -> Opt {
      return O == "+" ? (int64_t)((uint64_t)a + (uint64_t)b) : (int64_t)((uint64_t)a - (uint64_t)b); });
  }
  Opt multiplicative() {
    return binary(&Evaluator::unary, {"*", "/", "%"}, [](llvm::StringRef O, int64_t a, int64_t b) -> Opt {
      if (O == "*") return (int64_t)((uint64_t)a * (uint64_t)b);
      if (b == 0) return std::nullopt;
      return O == "/" ? a / b : a % b; });
  }
  // A parenthesised type name: identifiers (not resolvable to values),
  // keywords and '*'. Returns the position after ')' or 0.
  size_t castEnd() const {
    size_t P = Pos + 1;
    bool Any = false;
    while (P < Toks.size()) {
      const SalToken &T = Toks[P];
      if (T.K == SalToken::Punct && T.Text == ")") return Any ? P + 1 : 0;
      if (T.K == SalToken::Punct && T.Text == "*") { ++P; continue; }
      if (T.K != SalToken::Identifier) return 0;
      if (Res.Macro && Res.Macro(T.Text)) return 0; // a value, not a type
      if (Res.Value && Res.Value(T.Text, false)) return 0;
      Any = true;
      ++P;
    }
    return 0;
  }
  Opt unary() {
    if (eat("-")) { Opt V = unary(); return V ? Opt(-*V) : V; }
    if (eat("+")) return unary();
    if (eat("~")) { Opt V = unary(); return V ? Opt(~*V) : V; }
    if (eat("!")) { Opt V = unary(); return V ? Opt(*V ? 0 : 1) : V; }
    if (peek("*") && Pos + 1 < Toks.size() && Toks[Pos + 1].K == SalToken::Identifier) {
      ++Pos;
      std::string Name = Toks[Pos++].Text;
      Opt V = Res.Value ? Res.Value(Name, true) : std::nullopt;
      return V || !Skipping ? V : Opt(0);
    }
    if (peek("(")) {
      if (size_t E = castEnd()) { Pos = E; return unary(); }
    }
    return primary();
  }
  Opt primary() {
    if (Pos >= Toks.size()) return std::nullopt;
    const SalToken &T = Toks[Pos];
    if (T.K == SalToken::Number) { ++Pos; return T.Value; }
    if (eat("(")) {
      Opt V = ternary();
      if (!V || !eat(")")) return std::nullopt;
      return V;
    }
    if (T.K != SalToken::Identifier) return std::nullopt;
    ++Pos;
    if (T.Text == "sizeof") return std::nullopt;
    // `Name->Member` (and `Name.Member`): a field of what an argument points to.
    if ((peek("->") || peek(".")) && Pos + 1 < Toks.size() &&
        Toks[Pos + 1].K == SalToken::Identifier) {
      std::string Member = Toks[Pos + 1].Text;
      Pos += 2;
      Opt V = Res.Field ? Res.Field(T.Text, Member) : std::nullopt;
      return V || !Skipping ? V : Opt(0);
    }
    if (Res.Value) if (auto V = Res.Value(T.Text, false)) return V;
    if (Res.Macro && Depth < 32) {
      if (auto Body = Res.Macro(T.Text)) {
        Evaluator Inner(*Body, Res, Depth + 1);
        return Inner.run();
      }
    }
    if (T.Text == "TRUE") return 1;
    if (T.Text == "FALSE" || T.Text == "NULL" || T.Text == "nullptr") return 0;
    Opt Level = wellKnownIrqlLevel(T.Text);
    return Level || !Skipping ? Level : Opt(0);
  }
};

} // namespace

std::optional<int64_t> evaluateSal(const std::vector<SalToken> &Tokens,
                                   const SalResolver &Resolver) {
  if (Tokens.empty()) return std::nullopt;
  return Evaluator(Tokens, Resolver, 0).run();
}

std::optional<int64_t> wellKnownIrqlLevel(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<int64_t>>(Name)
      .Cases("PASSIVE_LEVEL", "LOW_LEVEL", 0)
      .Case("APC_LEVEL", 1)
      .Case("DISPATCH_LEVEL", 2)
      .Case("CMCI_LEVEL", 5)
      .Case("CLOCK_LEVEL", 13)
      .Case("IPI_LEVEL", 14)
      .Cases("HIGH_LEVEL", "POWER_LEVEL", 15)
      .Default(std::nullopt);
}

std::string irqlName(int64_t Level) {
  switch (Level) {
  case 0: return "PASSIVE_LEVEL";
  case 1: return "APC_LEVEL";
  case 2: return "DISPATCH_LEVEL";
  case 15: return "HIGH_LEVEL";
  default: return "IRQL " + std::to_string(Level);
  }
}

} // namespace vmbcheck
