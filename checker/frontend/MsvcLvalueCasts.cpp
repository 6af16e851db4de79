#include "frontend/MsvcLvalueCasts.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <tuple>

namespace vmbcheck {

namespace {

// Index of the bracket closing the one at Open ('(' or '['), skipping
// string and character literals; npos when unbalanced.
size_t closingParen(llvm::StringRef Text, size_t Open) {
  if (Open >= Text.size())
    return llvm::StringRef::npos;
  char OpenC = Text[Open], CloseC = OpenC == '[' ? ']' : ')';
  unsigned Depth = 0;
  for (size_t I = Open; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"' || C == '\'') {
      for (++I; I < Text.size() && Text[I] != C; ++I)
        if (Text[I] == '\\')
          ++I;
      continue;
    }
    if (C == OpenC)
      ++Depth;
    else if (C == CloseC && --Depth == 0)
      return I;
  }
  return llvm::StringRef::npos;
}

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

size_t skipSpace(llvm::StringRef Text, size_t I) {
  while (I < Text.size() && (Text[I] == ' ' || Text[I] == '\t'))
    ++I;
  return I;
}

// End of the unary expression starting at I (a name with its postfix
// ->, ., [..] and (..), a parenthesised expression, a cast of one, or * / &
// of one), or npos.
size_t operandEnd(llvm::StringRef Text, size_t I, unsigned Depth = 0) {
  I = skipSpace(Text, I);
  if (I >= Text.size() || Depth > 16)
    return llvm::StringRef::npos;
  if (Text[I] == '*' || Text[I] == '&')
    return operandEnd(Text, I + 1, Depth + 1);
  if (Text[I] == '(') {
    size_t Close = closingParen(Text, I);
    if (Close == llvm::StringRef::npos)
      return Close;
    size_t Next = skipSpace(Text, Close + 1);
    if (Next < Text.size() && (isIdentifierChar(Text[Next]) || Text[Next] == '(' ||
                               Text[Next] == '*' || Text[Next] == '&'))
      return operandEnd(Text, Next, Depth + 1); // (T)x: a cast
    I = Close + 1;
  } else if (isIdentifierChar(Text[I])) {
    while (I < Text.size() && isIdentifierChar(Text[I]))
      ++I;
  } else {
    return llvm::StringRef::npos;
  }
  while (true) { // postfix
    size_t J = skipSpace(Text, I);
    if (J < Text.size() && (Text[J] == '[' || Text[J] == '(')) {
      size_t Close = closingParen(Text, J);
      if (Close == llvm::StringRef::npos)
        return Close;
      I = Close + 1;
    } else if (Text.substr(J).starts_with("->") || (J < Text.size() && Text[J] == '.')) {
      J = skipSpace(Text, J + (Text[J] == '.' ? 1 : 2));
      if (J >= Text.size() || !isIdentifierChar(Text[J]))
        return llvm::StringRef::npos;
      while (J < Text.size() && isIdentifierChar(Text[J]))
        ++J;
      I = J;
    } else {
      return I;
    }
  }
}

} // namespace

size_t castExtent(llvm::StringRef Text) {
  if (!Text.starts_with("("))
    return 0;
  size_t Close = closingParen(Text, 0);
  if (Close == llvm::StringRef::npos)
    return 0;
  size_t End = operandEnd(Text, Close + 1);
  if (End == llvm::StringRef::npos || End <= skipSpace(Text, Close + 1)) {
    // ((T)x): a cast in parentheses.
    llvm::StringRef Inner = Text.slice(1, Close).trim();
    return !Inner.empty() && castExtent(Inner) == Inner.size() ? Close + 1 : 0;
  }
  return End;
}

std::optional<std::string> lvalueForCast(llvm::StringRef Text) {
  Text = Text.trim();
  // ((T)x): parentheses around the whole cast.
  while (Text.starts_with("(") && closingParen(Text, 0) == Text.size() - 1) {
    llvm::StringRef Inner = Text.drop_front().drop_back().trim();
    if (!Inner.starts_with("("))
      break;
    Text = Inner;
  }
  if (!Text.starts_with("("))
    return std::nullopt;
  size_t Close = closingParen(Text, 0);
  if (Close == llvm::StringRef::npos || Close + 1 >= Text.size())
    return std::nullopt;
  llvm::StringRef Type = Text.slice(1, Close).trim();
  llvm::StringRef Operand = Text.drop_front(Close + 1).trim();
  if (Type.empty() || Operand.empty() || Type.contains(';') || Operand.contains(';'))
    return std::nullopt;
  return "(*(__typeof__(" + Type.str() + ") *)&(" + Operand.str() + "))";
}

bool LvalueCastRewrites::add(const RejectedLvalueCast &Cast, llvm::StringRef Original,
                             llvm::StringRef Current) {
  if (Cast.Offset > Current.size() || Cast.Length > Current.size() - Cast.Offset)
    return false;
  llvm::StringRef Text = Current.substr(Cast.Offset, Cast.Length);
  if (Text.contains('\n') || Text.contains('\r'))
    return false; // keeps lines where they are
  // A rewrite is not a cast, so a rewrite the compiler still rejects is not
  // rewritten again; a cast inside one, ((ULONG)(ULONG_PTR)x)--, is.
  std::optional<std::string> Lvalue = lvalueForCast(Text);
  if (!Lvalue)
    return false;
  auto &Edited = Edits[Cast.File];
  Originals.try_emplace(Cast.File, Original.str());
  std::string Next = Current.str();
  Next.replace(Cast.Offset, Cast.Length, *Lvalue);
  Texts[Cast.File] = std::move(Next);
  Edited.push_back({Cast.Line, Cast.Column, Cast.Length, static_cast<unsigned>(Lvalue->size())});
  return true;
}

bool LvalueCastRewrites::addAll(std::vector<RejectedLvalueCast> Casts,
                                const std::map<std::string, std::string> &Parsed) {
  std::sort(Casts.begin(), Casts.end(), [](const RejectedLvalueCast &A, const RejectedLvalueCast &B) {
    return std::tie(A.File, B.Offset) < std::tie(B.File, A.Offset);
  });
  bool Any = false;
  std::map<std::string, unsigned> Leftmost; // rewritten in this batch
  for (const RejectedLvalueCast &Cast : Casts) {
    auto Left = Leftmost.find(Cast.File);
    auto Text = Parsed.find(Cast.File);
    if ((Left != Leftmost.end() && Cast.Offset + Cast.Length > Left->second) || Text == Parsed.end())
      continue;
    // The file as it was parsed, or with this batch's rewrites to its right.
    auto Current = Texts.find(Cast.File);
    std::string Now = Current == Texts.end() ? Text->second : Current->second;
    if (add(Cast, Text->second, Now)) {
      Any = true;
      Leftmost[Cast.File] = Cast.Offset;
    }
  }
  return Any;
}

void LvalueCastRewrites::mapToOriginal(SourceSpan &Span) const {
  auto It = Edits.find(Span.File);
  if (It == Edits.end())
    return;
  auto Map = [&](unsigned Line, unsigned &Column) {
    for (auto E = It->second.rbegin(); E != It->second.rend(); ++E) {
      if (E->Line != Line || Column <= E->Column)
        continue;
      if (Column >= E->Column + E->NewLength)
        Column -= E->NewLength - E->OldLength;
      else
        Column = E->Column;
    }
  };
  if (Span.Column)
    Map(Span.Line, Span.Column);
  if (Span.EndColumn)
    Map(Span.EndLine ? Span.EndLine : Span.Line, Span.EndColumn);
}

std::string LvalueCastRewrites::originalLine(const SourceSpan &Span, const std::string &Text) const {
  auto It = Originals.find(Span.File);
  if (It == Originals.end() || Span.Line == 0)
    return Text;
  llvm::StringRef Rest = It->second;
  for (unsigned L = 1; L < Span.Line && !Rest.empty(); ++L)
    Rest = Rest.split('\n').second;
  return Rest.split('\n').first.rtrim('\r').str();
}

} // namespace vmbcheck
